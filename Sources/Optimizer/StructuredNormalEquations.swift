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
    var schur: CholeskyFactor?
    /// Buffers for `solve`: block rows, solved block rows, coupling rows.
    var blockPart: [Double] = []
    var solvedBlockPart: [Double] = []
    var couplingPart: [Double] = []

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
        for i in 0..<batch.diagonal.count {
            batch.diagonal[i] = regularization
            batch.offDiagonal[i] = 0
        }
        accumulate(layout.diagonalTerms, hInverse, into: &batch.diagonal)
        if relativeRegularization > 0 {
            for i in 0..<batch.diagonal.count { batch.diagonal[i] *= 1 + relativeRegularization }
        }
        accumulate(layout.offDiagonalTerms, hInverse, into: &batch.offDiagonal)
        for e in 0..<coupling.value.count { coupling.value[e] = 0 }
        accumulate(layout.entryTerms, hInverse, into: &coupling.value)
        try batch.factor()

        let m0 = coupling.couplingCount
        if m0 == 0 { return }
        var s = DenseMatrix(rows: m0, columns: m0)
        accumulate(layout.couplingTerms, hInverse, into: &s.storage)
        s.symmetrizeFromLower()
        for k in 0..<m0 where relativeRegularization > 0 { s[k, k] *= 1 + relativeRegularization }
        let eliminated = batch.schurComplement(coupling)
        for k in 0..<(m0 * m0) { s.storage[k] -= eliminated.storage[k] }
        for k in 0..<m0 { s[k, k] += regularization }
        schur = try CholeskyFactor(s)
    }

    private func accumulate(
        _ terms: StructuredLayout.Terms, _ hInverse: [Double], into target: inout [Double]
    ) {
        for t in 0..<terms.target.count {
            target[Int(terms.target[t])] += terms.coefficient[t] * hInverse[Int(terms.column[t])]
        }
    }

    mutating func solve(_ r: inout [Double]) throws {
        let blockOrder = layout.blockRowOrder
        let couplingOrder = layout.couplingRowOrder
        if blockPart.count != blockOrder.count || couplingPart.count != couplingOrder.count {
            blockPart = Array(repeating: 0, count: blockOrder.count)
            solvedBlockPart = blockPart
            couplingPart = Array(repeating: 0, count: couplingOrder.count)
        }
        for (i, row) in blockOrder.enumerated() { blockPart[i] = r[row] }
        for (k, row) in couplingOrder.enumerated() { couplingPart[k] = r[row] }
        for i in 0..<blockPart.count { solvedBlockPart[i] = blockPart[i] }
        try batch.solve(&solvedBlockPart)
        for e in 0..<coupling.value.count {
            couplingPart[coupling.couplingRow[e]] -=
                coupling.value[e] * solvedBlockPart[rowOf(entry: e)]
        }
        if let schur { try schur.solve(&couplingPart) }
        for e in 0..<coupling.value.count {
            blockPart[rowOf(entry: e)] -= coupling.value[e] * couplingPart[coupling.couplingRow[e]]
        }
        try batch.solve(&blockPart)
        for (i, row) in blockOrder.enumerated() { r[row] = blockPart[i] }
        for (k, row) in couplingOrder.enumerated() { r[row] = couplingPart[k] }
    }

    /// Stacked block row of coupling entry `e`.
    @inline(__always)
    private func rowOf(entry e: Int) -> Int {
        layout.entryRowGlobal[e]
    }
}
