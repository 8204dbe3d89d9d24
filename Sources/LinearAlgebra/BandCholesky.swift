import CLapack

/// A symmetric band matrix with `bandwidth` sub-diagonals, lower band storage:
/// entry (i, j), i >= j, lives at `storage[(i - j) + j * (bandwidth + 1)]`.
public struct SymmetricBandMatrix: Sendable {
    public let order: Int
    public let bandwidth: Int
    public var storage: [Double]

    public init(order: Int, bandwidth: Int) {
        precondition(order >= 0 && bandwidth >= 0, "SymmetricBandMatrix: negative size")
        self.order = order
        self.bandwidth = bandwidth
        storage = Array(repeating: 0, count: order * (bandwidth + 1))
    }

    /// Adds `value` to entry (i, j); `|i - j|` must not exceed the bandwidth.
    public mutating func add(_ value: Double, row i: Int, column j: Int) {
        let (r, c) = i >= j ? (i, j) : (j, i)
        precondition(r - c <= bandwidth, "SymmetricBandMatrix: (\(i), \(j)) outside the band")
        storage[(r - c) + c * (bandwidth + 1)] += value
    }

    public subscript(i: Int, j: Int) -> Double {
        let (r, c) = i >= j ? (i, j) : (j, i)
        return r - c > bandwidth ? 0 : storage[(r - c) + c * (bandwidth + 1)]
    }
}

/// A band matrix factored as `L L'` (LAPACK `dpbtrf`).
public struct BandCholeskyFactor: Sendable {
    public private(set) var factor: SymmetricBandMatrix

    public init(_ matrix: SymmetricBandMatrix) throws {
        factor = matrix
        let n = Int32(matrix.order)
        if n == 0 { return }
        let kd = Int32(matrix.bandwidth)
        let info = LAPACKE_dpbtrf_work(
            LAPACK_COL_MAJOR, lower, n, kd, &factor.storage, kd + 1)
        try LinearAlgebraError.check(info, routine: "dpbtrf")
    }

    /// Solves `A X = B` in place for the columns of `rhs` (LAPACK `dpbtrs`).
    public func solve(_ rhs: inout DenseMatrix) throws {
        try LinearAlgebraError.require(
            rhs.rows == factor.order, routine: "dpbtrs",
            "right-hand side has \(rhs.rows) rows, band matrix has order \(factor.order)")
        if factor.order == 0 || rhs.columns == 0 { return }
        let n = Int32(factor.order)
        let kd = Int32(factor.bandwidth)
        let info = LAPACKE_dpbtrs_work(
            LAPACK_COL_MAJOR, lower, n, kd, Int32(rhs.columns), factor.storage, kd + 1,
            &rhs.storage, n)
        try LinearAlgebraError.check(info, routine: "dpbtrs")
    }

    /// Solves `A x = b` in place for one right-hand side.
    public func solve(_ rhs: inout [Double]) throws {
        var matrix = DenseMatrix(rows: rhs.count, columns: 1, columnMajor: rhs)
        try solve(&matrix)
        rhs = matrix.storage
    }
}
