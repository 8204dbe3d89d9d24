@testable import LinearAlgebra

/// A matrix by row and by column as `SparseMatrix` first built them, from the rows with
/// every entry by row (a counting sort by column, then the long rows split off): the
/// reference the assembly that keeps long rows apart as it goes must match exactly.
enum PlainSparseMatrix {
    static func make(
        rows: Int, columns: Int, rowStart: [Int], columnIndex: [Int32], value: [Double],
        longRowLength: Int, threads: Int
    ) -> (byRow: CompressedRows, byColumn: CompressedRows) {
        var columnStart = Array(repeating: 0, count: columns + 1)
        for c in columnIndex { columnStart[Int(c) + 1] += 1 }
        for j in 0..<columns { columnStart[j + 1] += columnStart[j] }
        var rowIndex = Array(repeating: Int32(0), count: value.count)
        var columnValue = Array(repeating: 0.0, count: value.count)
        var next = columnStart
        for i in 0..<rows {
            for k in rowStart[i]..<rowStart[i + 1] {
                let j = Int(columnIndex[k])
                rowIndex[next[j]] = Int32(i)
                columnValue[next[j]] = value[k]
                next[j] += 1
            }
        }
        var byRow = CompressedRows(
            rows: rows, columns: columns, rowStart: rowStart, columnIndex: columnIndex,
            value: value)
        var byColumn = CompressedRows(
            rows: columns, columns: rows, rowStart: columnStart, columnIndex: rowIndex,
            value: columnValue)
        byRow.threads = threads
        byColumn.threads = threads
        return (byRow.splittingLongRows(longerThan: longRowLength), byColumn)
    }
}
