import CLapack

let lower = CChar(UInt8(ascii: "L"))

/// A dense symmetric positive definite matrix factored as `L L'` (LAPACK `dpotrf`).
public struct CholeskyFactor: Sendable {
    /// The factor in the lower triangle; the upper triangle is not referenced.
    public private(set) var factor: DenseMatrix

    /// Factors the lower triangle of `matrix`.
    public init(_ matrix: DenseMatrix) throws {
        self.init()
        try refactor(matrix)
    }

    /// The factor of the empty matrix, to `refactor` later.
    public init() {
        factor = DenseMatrix(rows: 0, columns: 0)
    }

    /// Factors `matrix` in this factor's storage, which it reuses when the sizes agree
    /// (a method that refactors at every iteration then allocates nothing). After a
    /// failure the factor is not usable until a later `refactor` succeeds.
    public mutating func refactor(_ matrix: DenseMatrix) throws {
        try LinearAlgebraError.require(
            matrix.rows == matrix.columns, routine: "dpotrf",
            "matrix is \(matrix.rows)x\(matrix.columns), should be square")
        if factor.rows != matrix.rows {
            factor = matrix
        } else {
            factor.storage.withUnsafeMutableBufferPointer { out in
                matrix.storage.withUnsafeBufferPointer { _ = out.update(fromContentsOf: $0) }
            }
        }
        let n = Int32(matrix.rows)
        if n == 0 { return }
        let info = LAPACKE_dpotrf_work(
            LAPACK_COL_MAJOR, lower, n, &factor.storage, max(1, n))
        try LinearAlgebraError.check(info, routine: "dpotrf")
    }

    public var dimension: Int { factor.rows }

    /// Solves `A x = b` in place for one right-hand side.
    public func solve(_ rhs: inout [Double]) throws {
        try LinearAlgebraError.require(
            rhs.count == dimension, routine: "dpotrs",
            "right-hand side has \(rhs.count) entries, matrix is \(dimension)x\(dimension)")
        if dimension == 0 { return }
        let n = Int32(dimension)
        let info = LAPACKE_dpotrs_work(
            LAPACK_COL_MAJOR, lower, n, 1, factor.storage, n, &rhs, n)
        try LinearAlgebraError.check(info, routine: "dpotrs")
    }

    /// Solves `A X = B` in place for the columns of `rhs`.
    public func solve(_ rhs: inout DenseMatrix) throws {
        try LinearAlgebraError.require(
            rhs.rows == dimension, routine: "dpotrs",
            "right-hand side has \(rhs.rows) rows, matrix is \(dimension)x\(dimension)")
        if dimension == 0 || rhs.columns == 0 { return }
        let n = Int32(dimension)
        let info = LAPACKE_dpotrs_work(
            LAPACK_COL_MAJOR, lower, n, Int32(rhs.columns), factor.storage, n,
            &rhs.storage, n)
        try LinearAlgebraError.check(info, routine: "dpotrs")
    }
}
