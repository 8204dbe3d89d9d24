import LinearAlgebra
import XCTest

/// The step with the dual residual, and the recovery of a direction, give the same numbers
/// whether they run in one pass (short vectors) or in two (long ones).
final class BoundedKernelsStepTests: XCTestCase {
    /// A column `j` with one entry `1 + j % 3` in row `j % rows`, bounds `[0, 2]` (every
    /// fifth column has no upper bound), and a step of a quarter (primal) and a half (dual).
    func stepAgainstPlainLoop(columns n: Int) {
        let rows = 7
        let a = CompressedRows(
            rows: n, columns: rows, rowStart: Array(0...n),
            columnIndex: (0..<n).map { Int32($0 % rows) }, value: (0..<n).map { 1 + Double($0 % 3) })
        let y = (0..<rows).map { 0.1 * Double($0) - 0.2 }
        let c = (0..<n).map { Double($0 % 11) / 10 }
        let q = Array(repeating: 0.0, count: n)
        let lower = Array(repeating: 0.0, count: n)
        let upper = (0..<n).map { $0 % 5 == 0 ? Double.infinity : 2 }
        let hasUpper = upper.map(\.isFinite)
        var x = (0..<n).map { 0.5 + Double($0 % 13) / 13 }
        var zl = (0..<n).map { 0.3 + Double($0 % 7) / 7 }
        var zu = (0..<n).map { hasUpper[$0] ? 0.2 + Double($0 % 5) / 5 : 0 }
        let step = BoundedKernels.Step(
            dx: (0..<n).map { Double($0 % 9) / 9 - 0.4 }, dzl: (0..<n).map { -0.1 * Double($0 % 3) },
            dzu: (0..<n).map { hasUpper[$0] ? 0.05 * Double($0 % 4) : 0 }, primal: 0.25, dual: 0.5)
        var expectedX = x
        var expectedResidual = Array(repeating: 0.0, count: n)
        var complementarity = 0.0
        for j in 0..<n {
            expectedX[j] += 0.25 * step.dx[j]
            let l = zl[j] + 0.5 * step.dzl[j]
            let u = zu[j] + 0.5 * step.dzu[j]
            expectedResidual[j] = c[j] - a.value[j] * y[j % rows] - l + u
            complementarity += expectedX[j] * l + (hasUpper[j] ? (2 - expectedX[j]) * u : 0)
        }
        var rd: [Double] = []
        let kernels = BoundedKernels(count: n, threads: 2)
        let sums = kernels.stepAndDualResidual(
            step, transposed: a, y: y, c: c, q: q, lower: lower, upper: upper,
            hasLower: Array(repeating: true, count: n), hasUpper: hasUpper, x: &x, zl: &zl,
            zu: &zu, rd: &rd)
        XCTAssertEqual(x, expectedX)
        XCTAssertEqual(rd, expectedResidual)
        XCTAssertEqual(sums.complementarity, complementarity, accuracy: 1e-9 * complementarity)
    }

    /// The predictor's recovery: `dx = h (r1 + A'dy)`, `dzl = -zl (1 + dx il)`,
    /// `dzu = -zu (1 - dx iu)`, against a plain loop.
    func recoveryAgainstPlainLoop(columns n: Int) {
        let rows = 5
        let a = CompressedRows(
            rows: n, columns: rows, rowStart: Array(0...n),
            columnIndex: (0..<n).map { Int32($0 % rows) }, value: (0..<n).map { 1 - Double($0 % 3) })
        let dy = (0..<rows).map { 0.3 * Double($0) - 0.5 }
        let h = (0..<n).map { 0.5 + Double($0 % 7) / 7 }
        var r1 = (0..<n).map { Double($0 % 11) / 11 - 0.5 }
        let zl = (0..<n).map { 0.2 + Double($0 % 3) / 3 }
        let zu = (0..<n).map { 0.1 + Double($0 % 4) / 4 }
        let il = (0..<n).map { 1 + Double($0 % 5) }
        let iu = (0..<n).map { 2 + Double($0 % 3) }
        var expected = (dx: [Double](), dzl: [Double](), dzu: [Double]())
        for j in 0..<n {
            let step = h[j] * (r1[j] + a.value[j] * dy[j % rows])
            expected.dx.append(step)
            expected.dzl.append(0 * il[j] - zl[j] * (1 + step * il[j]))
            expected.dzu.append(0 * iu[j] - zu[j] * (1 - step * iu[j]))
        }
        var dx = Array(repeating: 0.0, count: n)
        var dzl = dx
        var dzu = dx
        let flags = Array(repeating: true, count: n)
        _ = BoundedKernels(count: n, threads: 2).recover(
            transposed: a, dy: dy, hInverse: h, r1: &r1, zl: zl, zu: zu, hasLower: flags,
            hasUpper: flags, inverseLowerSlack: il, inverseUpperSlack: iu, correctorTarget: nil,
            dx: &dx, dzl: &dzl, dzu: &dzu)
        XCTAssertEqual(dx, expected.dx)
        XCTAssertEqual(dzl, expected.dzl)
        XCTAssertEqual(dzu, expected.dzu)
    }

    func testShortVectorsStepInTheResidualPass() { stepAgainstPlainLoop(columns: 1_000) }

    func testShortVectorsRecoverInOnePass() { recoveryAgainstPlainLoop(columns: 1_000) }

    func testLongVectorsRecoverInTwoPasses() { recoveryAgainstPlainLoop(columns: 1_100_000) }

    func testLongVectorsStepInAPassOfTheirOwn() { stepAgainstPlainLoop(columns: 1_100_000) }
}
