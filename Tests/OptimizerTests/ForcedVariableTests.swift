@testable import Optimizer
import XCTest

/// Models without a strictly interior point, as dispatch models have them where an asset has
/// nothing to decide. Before the forced variables were fixed ahead of solving, the duals of
/// their rows ran off to infinity and the solve ended in a numerical failure.
/// Tolerance: 1e-6 absolute on objectives and solutions.
final class ForcedVariableTests: XCTestCase {
    let tolerance = 1e-6

    /// Rebound owed that nothing can feed: shedding fixed at 0 forces o1 = r1 = 0 in the
    /// first balance, and then o2 = r2 = 0 in the second; the coupling row leaves x = 3.
    func owedChain() -> Model {
        var model = Model(name: "owed")
        model.beginBlock(name: "load")
        let s1 = model.addVariable(name: "s1", lower: 0, upper: 0, cost: 1)
        let o1 = model.addVariable(name: "o1")
        let r1 = model.addVariable(name: "r1", upper: 1)
        let o2 = model.addVariable(name: "o2")
        let r2 = model.addVariable(name: "r2", upper: 1, cost: -1)
        model.addRow(name: "owed1", terms: [(o1, 1), (s1, -0.5), (r1, 1)], lower: 0, upper: 0)
        model.addRow(name: "owed2", terms: [(o2, 1), (o1, -1), (r2, 1)], lower: 0, upper: 0)
        model.endBlock()
        let x = model.addVariable(name: "x", upper: 5, cost: -1)
        model.addRow(name: "share", terms: [(x, 1), (r1, 1), (r2, 1)], lower: -.infinity, upper: 3)
        return model
    }

    func testForcingRowsFixTheirVariables() {
        let forced = ForcedVariables(owedChain(), tolerance: 1e-8).value
        XCTAssertEqual(Array(forced[0..<5]), [0, 0, 0, 0, 0])
        XCTAssertTrue(forced[5].isNaN, "x is free to move, but was fixed at \(forced[5])")
    }

    func testModelWithForcingRowsSolves() throws {
        for path in [SolverSettings.KKTPath.general, .structured] {
            var settings = SolverSettings()
            settings.path = path
            let result = try owedChain().solve(settings: settings)
            XCTAssertEqual(result.status, .optimal, "\(path)")
            XCTAssertEqual(result.objective, -3, accuracy: tolerance, "\(path)")
            XCTAssertEqual(result.x[5], 3, accuracy: tolerance, "\(path)")
        }
    }

    /// A battery the plan does not control: one variable left in an equality row takes the
    /// row's value, even a hair inside its bound (6.4 − 3e-8 of 6.4).
    func testSingletonEqualityFixesItsVariable() throws {
        var model = Model(name: "battery")
        let e = model.addVariable(name: "e", lower: 0, upper: 6.4)
        let c = model.addVariable(name: "c", lower: 0, upper: 0)
        let y = model.addVariable(name: "y", lower: 0, upper: 10, cost: 1)
        model.addRow(name: "balance", terms: [(e, 1), (c, -0.23)], lower: 6.4 - 3e-8,
                     upper: 6.4 - 3e-8)
        model.addRow(name: "cover", terms: [(y, 1), (e, -1)], lower: 0, upper: .infinity)
        XCTAssertEqual(ForcedVariables(model, tolerance: 1e-8).value[0], 6.4 - 3e-8)
        let result = try model.solve()
        XCTAssertEqual(result.status, .optimal)
        XCTAssertEqual(result.objective, 6.4 - 3e-8, accuracy: tolerance)
    }

    /// A row that only nearly forces (its least activity 1e-3 below its bound) is left alone.
    func testNearlyForcingRowIsLeftToTheMethod() {
        var model = Model(name: "slab")
        let a = model.addVariable(name: "a", upper: 1)
        let b = model.addVariable(name: "b", upper: 1)
        model.addRow(name: "thin", terms: [(a, 1), (b, 1)], lower: -.infinity, upper: 1e-3)
        let forced = ForcedVariables(model, tolerance: 1e-8).value
        XCTAssertTrue(forced.allSatisfy(\.isNaN))
    }
}
