import DispatchInstances
import LinearAlgebra
import XCTest

final class LinearAlgebraTests: XCTestCase {
    func testCholeskySolvesSmallSystem() throws {
        // [[4, 2], [2, 3]] x = [2, 1] has x = [0.5, 0] (by hand).
        let a = DenseMatrix(rows: 2, columns: 2, columnMajor: [4, 2, 2, 3])
        let factor = try CholeskyFactor(a)
        var x = [2.0, 1.0]
        try factor.solve(&x)
        XCTAssertEqual(x[0], 0.5, accuracy: 1e-14)
        XCTAssertEqual(x[1], 0, accuracy: 1e-14)
    }

    func testCholeskyNamesFailingMinor() {
        let a = DenseMatrix(rows: 2, columns: 2, columnMajor: [1, 2, 2, 1])
        XCTAssertThrowsError(try CholeskyFactor(a)) { error in
            XCTAssertEqual(
                error as? LinearAlgebraError, .notPositiveDefinite(routine: "dpotrf", minor: 2))
        }
    }

    func testGemmChecksDimensions() {
        let a = DenseMatrix(rows: 2, columns: 3)
        var c = DenseMatrix(rows: 2, columns: 2)
        XCTAssertThrowsError(try gemm(.none, .none, alpha: 1, a, a, beta: 0, &c))
    }

    /// The O(K^2) Schur formula must equal C' inv(M) C computed with dense Cholesky.
    /// The blocks solved side by side (four at a time, of unequal sizes, including empty
    /// and one-row blocks) give LAPACK's dpttrs results bit for bit.
    func testSideBySideSolvesMatchLAPACKExactly() throws {
        var generator = SeededGenerator(seed: 7)
        let sizes = [0, 1, 2, 5, 96, 3, 40, 1, 0, 7, 25] + (0..<60).map { _ in
            generator.integer(0, 100)
        }
        var starts = [0]
        for n in sizes { starts.append(starts.last! + n) }
        var batch = TridiagonalBatch(blockStart: starts, threads: 2)
        for i in 0..<starts.last! {
            batch.diagonal[i] = generator.uniform(2.5, 4)
            batch.offDiagonal[i] = generator.uniform(-1, 1)
        }
        try batch.factor()
        let rhs = (0..<starts.last!).map { _ in generator.uniform(-5, 5) }
        var expected = rhs
        try batch.solve(&expected)
        var bordered = rhs
        let none = BlockCoupling(
            couplingCount: 0, entryStart: Array(repeating: 0, count: sizes.count + 1),
            localRow: [], couplingRow: [], blockWeight: Array(repeating: 1, count: sizes.count))
        try batch.solveBordered(&bordered, coupling: none) { _ in }
        XCTAssertEqual(bordered.map(\.bitPattern), expected.map(\.bitPattern))
    }

    func testTridiagonalSchurMatchesDense() throws {
        let n = 7
        var batch = TridiagonalBatch(blockStart: [0, n])
        var dense = DenseMatrix(rows: n, columns: n)
        for i in 0..<n {
            batch.diagonal[i] = 3 + Double(i % 3)
            dense[i, i] = batch.diagonal[i]
            if i + 1 < n {
                batch.offDiagonal[i] = -1.2 + 0.1 * Double(i)
                dense[i + 1, i] = batch.offDiagonal[i]
                dense[i, i + 1] = batch.offDiagonal[i]
            }
        }
        let rows = [0, 2, 2, 5, 6]
        var coupling = BlockCoupling(
            couplingCount: 6, entryStart: [0, rows.count], localRow: rows,
            couplingRow: [4, 0, 1, 3, 5], blockWeight: [2])
        coupling.value = [1.5, -0.7, 2.0, 0.3, -1.1]
        // The fused kernel fills each block itself: hand it the values set above.
        let (diagonal, offDiagonal, values) = (batch.diagonal, batch.offDiagonal, coupling.value)
        var s = DenseMatrix(rows: 0, columns: 0)
        try batch.factorAndEliminate(&coupling, into: &s) { _, d, e, v in
            for i in 0..<n { d[i] = diagonal[i]; e[i] = offDiagonal[i] }
            for k in values.indices { v[k] = values[k] }
        }

        var c = DenseMatrix(rows: n, columns: 6)
        for e in 0..<rows.count { c[rows[e], coupling.couplingRow[e]] = coupling.value[e] }
        var x = c
        try CholeskyFactor(dense).solve(&x)
        var expected = DenseMatrix(rows: 6, columns: 6)
        try gemm(.transposed, .none, alpha: 2, c, x, beta: 0, &expected)
        for k in 0..<36 { XCTAssertEqual(s.storage[k], expected.storage[k], accuracy: 1e-12) }
    }
}
