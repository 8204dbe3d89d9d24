import LinearAlgebra

/// A sparse matrix kept by row (for `A x`) and by column (for `A' y`, and the
/// column structure the KKT solvers analyse).
struct SparseMatrix: Sendable {
    let rows: Int
    let columns: Int
    let byRow: CompressedRows
    let byColumn: CompressedRows

    /// Rows with more entries than this are kept apart by column for products
    /// (`CompressedRows.splittingLongRows`): past a few thousand entries a row's
    /// entries no longer share cache lines of `x`. Chosen by experiment.
    static let longRowLength = 4096

    /// Builds from the matrix split as `byRow` keeps it; the column-wise copy lists each
    /// column's entries in increasing row order.
    init(rows: Int, columns: Int, split: SplitRows, threads: Int = 1) {
        self.rows = rows
        self.columns = columns
        byRow = CompressedRows(
            rows: rows, columns: columns, rowStart: split.rowStart, columnIndex: split.columnIndex,
            value: split.value, longRows: split.longRows, longColumns: split.longColumns,
            longValues: split.longValues, threads: threads)
        byColumn = byRow.transposed()
    }

    /// Column `j`'s entries are `columnStart[j]..<columnStart[j + 1]` of
    /// `rowIndex` and `columnValue` (the column-wise copy, shared with `byColumn`).
    var columnStart: [Int] { byColumn.rowStart }
    var rowIndex: [Int32] { byColumn.columnIndex }
    var columnValue: [Double] { byColumn.value }

    /// `A x`.
    func multiply(_ x: [Double]) -> [Double] {
        var y: [Double] = []
        byRow.multiply(x, into: &y)
        return y
    }

    /// `A' y`.
    func multiplyTransposed(_ y: [Double]) -> [Double] {
        var x: [Double] = []
        byColumn.multiply(y, into: &x)
        return x
    }
}

/// A matrix's rows as `SparseMatrix.byRow` keeps them: rows of up to `longRowLength` entries
/// by row (with no entries for the others), and the longer rows apart, each with its
/// entries in increasing column order.
struct SplitRows {
    var rowStart = [0]
    var columnIndex: [Int32] = []
    var value: [Double] = []
    var longRows: [Int] = []
    var longColumns: [[Int32]] = []
    var longValues: [[Double]] = []
}
