import Optimizer
import XCTest

/// Small problems whose answers are worked out by hand in the comments.
/// Tolerance: 1e-6 absolute on objectives and solutions (solver tolerances are 1e-8 relative).
final class HandComputedTests: XCTestCase {
    let tolerance = 1e-6

    func testLinearProgramAtVertex() throws {
        // max x + y  s.t.  x + 2y <= 4, 3x + y <= 6, x, y >= 0.
        // Both rows active: x = 8/5, y = 6/5, objective -(14/5) as a minimization.
        // Duals from c = A'y: -1 = y1 + 3 y2, -1 = 2 y1 + y2 -> y1 = -2/5, y2 = -1/5.
        var model = Model()
        let x = model.addVariable(name: "x", cost: -1)
        let y = model.addVariable(name: "y", cost: -1)
        model.addRow(name: "r1", terms: [(x, 1), (y, 2)], lower: -.infinity, upper: 4)
        model.addRow(name: "r2", terms: [(x, 3), (y, 1)], lower: -.infinity, upper: 6)
        let result = try model.solve()
        XCTAssertEqual(result.status, .optimal)
        XCTAssertEqual(result.objective, -2.8, accuracy: tolerance)
        XCTAssertEqual(result.x[0], 1.6, accuracy: tolerance)
        XCTAssertEqual(result.x[1], 1.2, accuracy: tolerance)
        XCTAssertEqual(result.rowDuals[0], -0.4, accuracy: tolerance)
        XCTAssertEqual(result.rowDuals[1], -0.2, accuracy: tolerance)
    }

    func testSeparableQuadraticProgram() throws {
        // min 1/2 x^2 + 1/2 y^2 - x - y  s.t.  x + y = 1, y <= 0.2.
        // Unbounded-y optimum is x = y = 1/2; the bound binds: y = 0.2, x = 0.8,
        // objective 0.32 + 0.02 - 1 = -0.66.
        var model = Model()
        let x = model.addVariable(name: "x", lower: -.infinity, cost: -1, quadraticCost: 1)
        let y = model.addVariable(
            name: "y", lower: -.infinity, upper: 0.2, cost: -1, quadraticCost: 1)
        model.addRow(name: "sum", terms: [(x, 1), (y, 1)], lower: 1, upper: 1)
        let result = try model.solve()
        XCTAssertEqual(result.status, .optimal)
        XCTAssertEqual(result.objective, -0.66, accuracy: tolerance)
        XCTAssertEqual(result.x[0], 0.8, accuracy: tolerance)
        XCTAssertEqual(result.x[1], 0.2, accuracy: tolerance)
    }

    func testPrimalInfeasible() throws {
        // x + y >= 3 with 0 <= x, y <= 1: at most 2 is reachable.
        var model = Model()
        let x = model.addVariable(name: "x", upper: 1, cost: 1)
        let y = model.addVariable(name: "y", upper: 1, cost: 1)
        model.addRow(name: "need", terms: [(x, 1), (y, 1)], lower: 3, upper: .infinity)
        let result = try model.solve()
        XCTAssertEqual(result.status, .primalInfeasible)
        XCTAssertNotNil(result.infeasibility)
    }

    func testDualInfeasible() throws {
        // min -x  s.t.  x - y = 0, x + y >= 1, x, y >= 0: x = y = t for any t >= 1/2.
        var model = Model()
        let x = model.addVariable(name: "x", cost: -1)
        let y = model.addVariable(name: "y")
        model.addRow(name: "tie", terms: [(x, 1), (y, -1)], lower: 0, upper: 0)
        model.addRow(name: "floor", terms: [(x, 1), (y, 1)], lower: 1, upper: .infinity)
        let result = try model.solve()
        XCTAssertEqual(result.status, .dualInfeasible)
    }

    func testDegenerateVertex() throws {
        // min -x - y  s.t.  x <= 1, y <= 1, x + y <= 2: three rows active at (1, 1).
        var model = Model()
        let x = model.addVariable(name: "x", cost: -1)
        let y = model.addVariable(name: "y", cost: -1)
        model.addRow(name: "cx", terms: [(x, 1)], lower: -.infinity, upper: 1)
        model.addRow(name: "cy", terms: [(y, 1)], lower: -.infinity, upper: 1)
        model.addRow(name: "cxy", terms: [(x, 1), (y, 1)], lower: -.infinity, upper: 2)
        let result = try model.solve()
        XCTAssertEqual(result.status, .optimal)
        XCTAssertEqual(result.objective, -2, accuracy: tolerance)
    }

    func testDualDegenerateHasOptimalObjective() throws {
        // min x + y  s.t.  x + y >= 1, x, y >= 0: every point of the segment is optimal.
        var model = Model()
        let x = model.addVariable(name: "x", cost: 1)
        let y = model.addVariable(name: "y", cost: 1)
        model.addRow(name: "floor", terms: [(x, 1), (y, 1)], lower: 1, upper: .infinity)
        let result = try model.solve()
        XCTAssertEqual(result.status, .optimal)
        XCTAssertEqual(result.objective, 1, accuracy: tolerance)
    }

    func testFreeVariables() throws {
        // min w  s.t.  w >= x - 3, w >= 2 - x, with x and w free:
        // min over x of max(x - 3, 2 - x) is at x = 2.5, w = -0.5.
        var model = Model()
        let x = model.addVariable(name: "x", lower: -.infinity)
        let w = model.addVariable(name: "w", lower: -.infinity, cost: 1)
        model.addRow(name: "a", terms: [(w, 1), (x, -1)], lower: -3, upper: .infinity)
        model.addRow(name: "b", terms: [(w, 1), (x, 1)], lower: 2, upper: .infinity)
        let result = try model.solve()
        XCTAssertEqual(result.status, .optimal)
        XCTAssertEqual(result.objective, -0.5, accuracy: tolerance)
        XCTAssertEqual(result.x[0], 2.5, accuracy: tolerance)
    }

    func testEqualBoundsFixVariablesAndRows() throws {
        // x fixed at 2; min x + y s.t. x + y >= 5, 2 <= y - z <= 2 (equality), z >= 0.
        // y = 3 (from the first row), z = 1; objective 2 + 3 = 5.
        var model = Model()
        let x = model.addVariable(name: "x", lower: 2, upper: 2, cost: 1)
        let y = model.addVariable(name: "y", cost: 1)
        let z = model.addVariable(name: "z")
        model.addRow(name: "need", terms: [(x, 1), (y, 1)], lower: 5, upper: .infinity)
        model.addRow(name: "link", terms: [(y, 1), (z, -1)], lower: 2, upper: 2)
        let result = try model.solve()
        XCTAssertEqual(result.status, .optimal)
        XCTAssertEqual(result.objective, 5, accuracy: tolerance)
        XCTAssertEqual(result.x[0], 2)
        XCTAssertEqual(result.x[1], 3, accuracy: tolerance)
        XCTAssertEqual(result.x[2], 1, accuracy: tolerance)
    }

    func testInvalidInputIsATypedError() {
        var model = Model()
        model.addVariable(name: "bad", lower: 1, upper: 0)
        XCTAssertThrowsError(try model.solve()) { error in
            XCTAssertEqual(
                error as? ModelError, .invalidBounds(variable: "bad", lower: 1, upper: 0))
        }
        var settings = SolverSettings()
        settings.stepFraction = 1.5
        XCTAssertThrowsError(try Model().solve(settings: settings))
        settings = SolverSettings()
        settings.complementarityRegularization = -1
        XCTAssertThrowsError(try Model().solve(settings: settings)) { error in
            XCTAssertEqual(
                error as? SettingsError,
                .outOfRange(setting: "complementarityRegularization", value: -1, allowed: "[0, 100]"))
        }
    }

    /// A wide optimal face: minimize x1 + x2 subject to x1 + x2 >= 1, 0 <= x <= 1 has the
    /// optimum 1 (by hand) at every point of the segment x1 + x2 = 1. The regularization
    /// that fades with the complementarity must not move the optimum; without it the
    /// method must reach the same value.
    func testComplementarityRegularizationKeepsTheOptimumOfAWideFace() throws {
        for gamma in [0.0, 6.0, 100.0] {
            var model = Model()
            let x1 = model.addVariable(name: "x1", lower: 0, upper: 1, cost: 1)
            let x2 = model.addVariable(name: "x2", lower: 0, upper: 1, cost: 1)
            model.addRow(name: "need", terms: [(x1, 1), (x2, 1)], lower: 1, upper: .infinity)
            var settings = SolverSettings()
            settings.complementarityRegularization = gamma
            let result = try model.solve(settings: settings)
            XCTAssertEqual(result.status, .optimal, "gamma \(gamma)")
            XCTAssertEqual(result.objective, 1, accuracy: 1e-8, "gamma \(gamma)")
            XCTAssertEqual(result.x[0] + result.x[1], 1, accuracy: 1e-8, "gamma \(gamma)")
        }
    }
}

final class GeneralPathLimitTests: XCTestCase {
    func testTooManyRowsForTheGeneralPathIsATypedError() {
        var model = Model()
        let x = model.addVariable(name: "x")
        for i in 0..<3 {
            model.addRow(name: "r\(i)", terms: [(x, 1)], lower: 0, upper: .infinity)
        }
        var settings = SolverSettings()
        settings.path = .general
        settings.maxGeneralPathRows = 2
        XCTAssertThrowsError(try model.solve(settings: settings)) { error in
            guard case .tooLargeForGeneralPath(3, 2, _)? = error as? ModelError else {
                return XCTFail("unexpected error \(error)")
            }
        }
    }
}
