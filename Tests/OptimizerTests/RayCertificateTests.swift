import Optimizer
import XCTest

/// Infeasible and unbounded problems whose rows or bounds lie far from zero, or whose
/// infeasibility is small: the iterates' non-growing part (about 3000 here) used to hold the
/// certificate tests off until the method failed numerically. Each problem is decided by
/// hand in its comment; all ended at `numericalFailure` (or, the last, `dualInfeasible`)
/// before the tests looked at the last step.
final class RayCertificateTests: XCTestCase {
    func testUnboundedWithARangedRowFarFromZero() throws {
        // min -x1  s.t.  lo <= x0 + x1 - x2 <= up, x0, x2 >= 0, x1 free, for the ranges
        // [2996.21, 3000] and the same divided by 10 and 100. Along d = (0, 1, 1) the row
        // keeps its value and the objective falls by 1 per unit: unbounded.
        for scale in [1.0, 0.1, 0.01] {
            var model = Model()
            let x0 = model.addVariable(name: "x0")
            let x1 = model.addVariable(name: "x1", lower: -.infinity, cost: -1)
            let x2 = model.addVariable(name: "x2")
            model.addRow(
                name: "range", terms: [(x0, 1), (x1, 1), (x2, -1)], lower: 2996.21 * scale,
                upper: 3000 * scale)
            XCTAssertEqual(try model.solve().status, .dualInfeasible, "scale \(scale)")
        }
    }

    func testUnboundedFreeColumnBesideARowFarFromZero() throws {
        // min x0 - x1  s.t.  2996.21 <= x0 <= 3000 (a row; x0 >= 0), x1 free in no row:
        // x0 = 2996.21 is best, and x1 grows without end. Also with x0's cost quadratic
        // (1/2 x0^2 + x0), whose direction must leave x0 alone.
        for quadratic in [0.0, 1.0] {
            var model = Model()
            let x0 = model.addVariable(name: "x0", cost: 1, quadraticCost: quadratic)
            model.addVariable(name: "x1", lower: -.infinity, cost: -1)
            model.addRow(name: "range", terms: [(x0, 1)], lower: 2996.21, upper: 3000)
            XCTAssertEqual(try model.solve().status, .dualInfeasible, "q \(quadratic)")
        }
    }

    func testUnboundedFreeColumnThroughTwoRows() throws {
        // min -x1  s.t.  2996.21 <= x0 <= 3000, x0 + x1 - x2 <= 10, x0, x2 >= 0, x1 free:
        // x1 = x2 - x0 + 10 grows with x2, so the objective falls without end.
        var model = Model()
        let x0 = model.addVariable(name: "x0")
        let x1 = model.addVariable(name: "x1", lower: -.infinity, cost: -1)
        let x2 = model.addVariable(name: "x2")
        model.addRow(name: "range", terms: [(x0, 1)], lower: 2996.21, upper: 3000)
        model.addRow(
            name: "cap", terms: [(x0, 1), (x1, 1), (x2, -1)], lower: -.infinity, upper: 10)
        XCTAssertEqual(try model.solve().status, .dualInfeasible)
    }

    func testTwoVariableRowShortOfItsBound() throws {
        // x + y >= 2.013 with 0 <= x, y <= 1: at most 2 is reachable, 0.013 short.
        var model = Model()
        let x = model.addVariable(name: "x", upper: 1, cost: 1)
        let y = model.addVariable(name: "y", upper: 1, cost: 1)
        model.addRow(name: "need", terms: [(x, 1), (y, 1)], lower: 2.013, upper: .infinity)
        let result = try model.solve()
        XCTAssertEqual(result.status, .primalInfeasible)
        let why = try XCTUnwrap(result.infeasibility)
        XCTAssertTrue(why.summary.contains("'need'"), why.summary)
    }

    func testRowShortOfItsBoundFarFromZero() throws {
        // x + y >= 3001.013 with 2996.21 <= x <= 3000, 0 <= y <= 1: 0.013 short of 3001.
        for (costX, costY) in [(1.0, 1.0), (-1.0, 2.0)] {
            var model = Model()
            let x = model.addVariable(name: "x", lower: 2996.21, upper: 3000, cost: costX)
            let y = model.addVariable(name: "y", upper: 1, cost: costY)
            model.addRow(
                name: "need", terms: [(x, 1), (y, 1)], lower: 3001.013, upper: .infinity)
            let result = try model.solve()
            XCTAssertEqual(result.status, .primalInfeasible, "costs \(costX), \(costY)")
            XCTAssertNotNil(result.infeasibility)
        }
    }

    func testInfeasibleWithADescentRayIsInfeasible() throws {
        // x + y >= 2.013 with 0 <= x, y <= 1 as above, and z free in no row with cost -1.
        // The dual is infeasible too (z is a descent ray), but no point exists, so the
        // problem is infeasible, not unbounded (as HiGHS reports it).
        var model = Model()
        let x = model.addVariable(name: "x", upper: 1, cost: 1)
        let y = model.addVariable(name: "y", upper: 1, cost: 1)
        model.addVariable(name: "z", lower: -.infinity, cost: -1)
        model.addRow(name: "need", terms: [(x, 1), (y, 1)], lower: 2.013, upper: .infinity)
        XCTAssertEqual(try model.solve().status, .primalInfeasible)
    }
}
