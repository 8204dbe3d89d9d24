import CLapack

/// Whether an operand enters a product as is or transposed.
public enum Transpose: Sendable {
    case none, transposed

    var cblas: CBLAS_TRANSPOSE { self == .none ? CblasNoTrans : CblasTrans }
}

/// `c = alpha * op(a) * op(b) + beta * c` (BLAS `dgemm`).
public func gemm(
    _ transA: Transpose, _ transB: Transpose, alpha: Double, _ a: DenseMatrix,
    _ b: DenseMatrix, beta: Double, _ c: inout DenseMatrix
) throws {
    let (m, k) = transA == .none ? (a.rows, a.columns) : (a.columns, a.rows)
    let (kb, n) = transB == .none ? (b.rows, b.columns) : (b.columns, b.rows)
    try LinearAlgebraError.require(
        k == kb && c.rows == m && c.columns == n, routine: "dgemm",
        "op(a) is \(m)x\(k), op(b) is \(kb)x\(n), c is \(c.rows)x\(c.columns)")
    if m == 0 || n == 0 { return }
    cblas_dgemm(
        CblasColMajor, transA.cblas, transB.cblas, Int32(m), Int32(n), Int32(k), alpha,
        a.storage, Int32(max(1, a.rows)), b.storage, Int32(max(1, b.rows)), beta,
        &c.storage, Int32(max(1, c.rows)))
}

/// Lower triangle of `c = alpha * a * a' + beta * c` (`.none`) or of
/// `alpha * a' * a + beta * c` (`.transposed`), BLAS `dsyrk`.
public func syrkLower(
    _ trans: Transpose, alpha: Double, _ a: DenseMatrix, beta: Double, _ c: inout DenseMatrix
) throws {
    let (n, k) = trans == .none ? (a.rows, a.columns) : (a.columns, a.rows)
    try LinearAlgebraError.require(
        c.rows == n && c.columns == n, routine: "dsyrk",
        "op(a) has \(n) rows but c is \(c.rows)x\(c.columns)")
    if n == 0 { return }
    cblas_dsyrk(
        CblasColMajor, CblasLower, trans.cblas, Int32(n), Int32(k), alpha, a.storage,
        Int32(max(1, a.rows)), beta, &c.storage, Int32(max(1, n)))
}

/// `y = alpha * op(a) * x + beta * y` (BLAS `dgemv`).
public func gemv(
    _ trans: Transpose, alpha: Double, _ a: DenseMatrix, _ x: [Double], beta: Double,
    _ y: inout [Double]
) throws {
    let (m, n) = trans == .none ? (a.rows, a.columns) : (a.columns, a.rows)
    try LinearAlgebraError.require(
        x.count == n && y.count == m, routine: "dgemv",
        "op(a) is \(m)x\(n), x has \(x.count), y has \(y.count)")
    if m == 0 { return }
    if n == 0 {
        for i in 0..<m { y[i] *= beta }
        return
    }
    cblas_dgemv(
        CblasColMajor, trans.cblas, Int32(a.rows), Int32(a.columns), alpha, a.storage,
        Int32(max(1, a.rows)), x, 1, beta, &y, 1)
}
