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

    /// Builds from the matrix by row (no duplicates in a row); the column-wise copy
    /// lists each column's entries in increasing row order.
    init(
        rows: Int, columns: Int, rowStart: [Int], columnIndex: [Int32], value: [Double],
        threads: Int = 1
    ) {
        self.rows = rows
        self.columns = columns
        let entries = value.count
        var cs = Array(repeating: 0, count: columns + 1)
        for c in columnIndex { cs[Int(c) + 1] += 1 }
        for j in 0..<columns { cs[j + 1] += cs[j] }
        var ri = Array(repeating: Int32(0), count: entries)
        var cv = Array(repeating: 0.0, count: entries)
        var next = cs
        for i in 0..<rows {
            for k in rowStart[i]..<rowStart[i + 1] {
                let j = Int(columnIndex[k])
                ri[next[j]] = Int32(i)
                cv[next[j]] = value[k]
                next[j] += 1
            }
        }
        var r = CompressedRows(
            rows: rows, columns: columns, rowStart: rowStart, columnIndex: columnIndex,
            value: value)
        var c = CompressedRows(
            rows: columns, columns: rows, rowStart: cs, columnIndex: ri, value: cv)
        r.threads = threads
        c.threads = threads
        // Rows reaching many columns (coupling rows) are summed by column.
        byRow = r.splittingLongRows(longerThan: Self.longRowLength)
        byColumn = c
    }

    /// Builds from the matrix split as `byRow` keeps it: the column-wise copy lists each
    /// column's entries in increasing row order, as the initializer from rows makes it.
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
