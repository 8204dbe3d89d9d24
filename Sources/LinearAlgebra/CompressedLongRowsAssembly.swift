/// Building a matrix with long rows kept apart (`splittingLongRows`) from its parts, and
/// its column-wise copy, without a pass that follows each long row across all columns.
///
/// A long row's entries are spread over every column; walked row by row, each entry of a
/// large matrix touches its own cache line and memory page of every per-column array.
/// Here the long rows are walked together, one tile of columns at a time, with a cursor
/// per row, so that a tile's per-column counts stay in cache.
extension CompressedRows {
    /// Columns per tile when long rows are merged into column order. Counts of a tile
    /// take 8 bytes a column, so 8,192 columns use 64 KiB, well inside L2. Chosen by
    /// experiment (100,000 assets, 112 long rows: 0.83 s with 2,048 columns, 0.76 s with
    /// 8,192 and 0.77 s with 65,536 for the whole matrix, medians of two runs).
    static let longRowTileColumns = 8192

    /// The matrix `splittingLongRows(longerThan:)` makes, from its parts: the short rows by
    /// row (`rowStart` giving the long rows no entries), and the long rows (in increasing
    /// order) with their entries, each row's columns in non-decreasing order.
    public init(
        rows: Int, columns: Int, rowStart: [Int], columnIndex: [Int32], value: [Double],
        longRows: [Int], longColumns: [[Int32]], longValues: [[Double]], threads: Int
    ) {
        self.init(
            rows: rows, columns: columns, rowStart: rowStart, columnIndex: columnIndex,
            value: value)
        self.threads = threads
        precondition(
            longColumns.count == longRows.count && longValues.count == longRows.count,
            "CompressedRows: one entry list per long row")
        if longRows.isEmpty { return }
        var isLong = Array(repeating: false, count: rows)
        for i in longRows {
            precondition(
                rowStart[i] == rowStart[i + 1], "CompressedRows: a long row has short entries")
            isLong[i] = true
        }
        for (s, list) in longColumns.enumerated() {
            precondition(
                list.count == longValues[s].count && zip(list, list.dropFirst()).allSatisfy(<=),
                "CompressedRows: a long row's columns are not in order")
        }
        let (slot, column, longValue) = Self.mergeByColumn(
            columns: columns, longColumns, longValues)
        long = LongRows(
            rows: longRows, isLong: isLong, slot: slot, column: column, value: longValue,
            chunks: fixedChunks(
                count: slot.count, chunkCount: max(1, slot.count / LongRows.entriesPerChunk)))
    }

    /// The rows' entries sorted by column, within a column by row slot (as a counting sort
    /// over all columns would place them), done one tile of columns at a time.
    static func mergeByColumn(
        columns: Int, _ rowColumns: [[Int32]], _ rowValues: [[Double]]
    ) -> (slot: [Int32], column: [Int32], value: [Double]) {
        let total = rowColumns.reduce(0) { $0 + $1.count }
        var slot = [Int32](repeating: 0, count: total)
        var column = [Int32](repeating: 0, count: total)
        var value = [Double](repeating: 0, count: total)
        var cursor = Array(repeating: 0, count: rowColumns.count)
        var tileEnd = Array(repeating: 0, count: rowColumns.count)
        let width = longRowTileColumns
        var next = Array(repeating: 0, count: width)
        var placed = 0
        for first in stride(from: 0, to: columns, by: width) {
            let last = min(columns, first + width)
            for c in 0..<(last - first) { next[c] = 0 }
            for (s, list) in rowColumns.enumerated() {
                var k = cursor[s]
                while k < list.count && Int(list[k]) < last {
                    next[Int(list[k]) - first] += 1
                    k += 1
                }
                tileEnd[s] = k
            }
            for c in 0..<(last - first) {
                let count = next[c]
                next[c] = placed
                placed += count
            }
            for (s, list) in rowColumns.enumerated() {
                for k in cursor[s]..<tileEnd[s] {
                    let c = Int(list[k])
                    let e = next[c - first]
                    next[c - first] = e + 1
                    slot[e] = Int32(s)
                    column[e] = Int32(c)
                    value[e] = rowValues[s][k]
                }
                cursor[s] = tileEnd[s]
            }
        }
        return (slot, column, value)
    }
}
