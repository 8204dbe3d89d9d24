/// A dense matrix of `Double` stored column by column (LAPACK's layout).
public struct DenseMatrix: Equatable, Sendable {
    public let rows: Int
    public let columns: Int
    /// Entry (i, j) lives at `storage[i + j * rows]`.
    public var storage: [Double]

    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "DenseMatrix: negative size \(rows)x\(columns)")
        self.rows = rows
        self.columns = columns
        self.storage = Array(repeating: value, count: rows * columns)
    }

    public init(rows: Int, columns: Int, columnMajor storage: [Double]) {
        precondition(
            storage.count == rows * columns,
            "DenseMatrix: storage has \(storage.count) entries, should be \(rows * columns)")
        self.rows = rows
        self.columns = columns
        self.storage = storage
    }

    public static func identity(_ n: Int) -> DenseMatrix {
        var m = DenseMatrix(rows: n, columns: n)
        for i in 0..<n { m[i, i] = 1 }
        return m
    }

    @inline(__always)
    public subscript(i: Int, j: Int) -> Double {
        get { storage[i + j * rows] }
        set { storage[i + j * rows] = newValue }
    }

    /// Copies the lower triangle onto the upper one.
    public mutating func symmetrizeFromLower() {
        for j in 0..<columns {
            for i in (j + 1)..<max(j + 1, rows) { storage[j + i * rows] = storage[i + j * rows] }
        }
    }
}
