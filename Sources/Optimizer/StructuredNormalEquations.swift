import LinearAlgebra

/// The structured path for block-angular models:
///
///     [ M   C  ] [dy_B]   [r_B]      M = diag(M_b), tridiagonal blocks (LAPACK dpttrf)
///     [ C'  S0 ] [dy_0] = [r_0]      S = S0 - C' M^-1 C, size = coupling rows (dpotrf)
///
/// Work per iteration is linear in the number of blocks: each block costs one
/// tridiagonal factorization and an O(K^2) Schur update (K = coupling rows it
/// touches), computed in parallel over a fixed chunking so results are
/// deterministic.
struct StructuredNormalEquations: NormalEquationsSolver {
    let layout: StructuredLayout
    var batch: TridiagonalBatch
    var coupling: BlockCoupling
    var schur = CholeskyFactor()
    /// The right-hand side in stacked order, for models whose rows are not.
    var stacked: [Double] = []
    /// `sum_b C_b' inv(M_b) C_b` and the Schur complement, kept between iterations: with
    /// many coupling rows (a week at 15 minutes has 1,344) fresh matrices at every
    /// factorization cost more in allocation and zeroing than in arithmetic.
    var eliminated = DenseMatrix(rows: 0, columns: 0)
    var schurMatrix = DenseMatrix(rows: 0, columns: 0)

    init(_ form: StandardForm, blockCount: Int, threads: Int) throws {
        layout = try StructuredLayout(form, blockCount: blockCount)
        batch = TridiagonalBatch(blockStart: layout.blockStart, threads: threads)
        coupling = layout.coupling
    }

    var pathDescription: String {
        "structured (\(batch.blockCount) blocks, \(layout.couplingRowOrder.count) coupling rows)"
    }

    mutating func factor(
        hInverse: [Double], regularization: Double, relativeRegularization: Double
    ) throws {
        // Each block is filled, factored and eliminated in one pass, in cache.
        let layout = self.layout
        try hInverse.withUnsafeBufferPointer { h in
            try batch.factorAndEliminate(&coupling, into: &eliminated) { b, d, e, v in
                layout.fill(
                    block: b, h.baseAddress!, regularization: regularization,
                    relativeRegularization: relativeRegularization, diagonal: d,
                    offDiagonal: e, couplingValues: v)
            }
        }

        let m0 = coupling.couplingCount
        if m0 == 0 { return }
        if schurMatrix.rows != m0 {
            schurMatrix = DenseMatrix(rows: m0, columns: m0)
        } else {
            schurMatrix.storage.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        }
        hInverse.withUnsafeBufferPointer { h in
            schurMatrix.storage.withUnsafeMutableBufferPointer { out in
                let terms = layout.couplingTerms
                terms.add(0..<terms.target.count, h.baseAddress!, into: out.baseAddress!)
            }
        }
        schurMatrix.symmetrizeFromLower()
        schurMatrix.storage.withUnsafeMutableBufferPointer { s in
            eliminated.storage.withUnsafeBufferPointer { e in
                for k in 0..<m0 where relativeRegularization > 0 {
                    s[k * (m0 + 1)] *= 1 + relativeRegularization
                }
                for k in 0..<(m0 * m0) { s[k] -= e[k] }
                for k in 0..<m0 { s[k * (m0 + 1)] += regularization }
            }
        }
        try schur.refactor(schurMatrix)
    }

    mutating func solve(_ r: inout [Double]) throws {
        let schur = self.schur
        let solveSchur: (inout [Double]) throws -> Void = { try schur.solve(&$0) }
        if layout.rowsAreStacked {
            try batch.solveBordered(&r, coupling: coupling, schurSolve: solveSchur)
            return
        }
        let blockOrder = layout.blockRowOrder
        let couplingOrder = layout.couplingRowOrder
        if stacked.count != r.count { stacked = Array(repeating: 0, count: r.count) }
        for (i, row) in blockOrder.enumerated() { stacked[i] = r[row] }
        for (k, row) in couplingOrder.enumerated() { stacked[blockOrder.count + k] = r[row] }
        try batch.solveBordered(&stacked, coupling: coupling, schurSolve: solveSchur)
        for (i, row) in blockOrder.enumerated() { r[row] = stacked[i] }
        for (k, row) in couplingOrder.enumerated() { r[row] = stacked[blockOrder.count + k] }
    }
}
