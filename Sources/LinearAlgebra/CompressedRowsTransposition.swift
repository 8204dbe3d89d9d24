extension CompressedRows {
    /// The column-wise copy of the whole matrix, long rows included: row `j` of the result
    /// holds column `j`'s entries in increasing row order (what a counting sort of the
    /// entries by column, visiting rows in order, gives).
    ///
    /// The short rows are placed by such a counting sort, at the front of each column; the
    /// long rows' entries, already sorted by column (`LongRows`), are then merged into each
    /// column from its back. Placing the long rows row by row instead would touch a cache
    /// line and a memory page of every per-column array for each of their entries.
    public func transposed() -> CompressedRows {
        let longColumn = long.column
        var start = Array(repeating: 0, count: columns + 1)
        for c in columnIndex { start[Int(c) + 1] += 1 }
        for c in longColumn { start[Int(c) + 1] += 1 }
        for j in 0..<columns { start[j + 1] += start[j] }
        var next = start
        let total = start[columns]
        // Every place is written once (short entries, then long ones merged in), so the
        // arrays are not zero-filled first.
        var entry: [Double] = []
        let row = [Int32](unsafeUninitializedCapacity: max(1, total)) { rowBuffer, rowCount in
            entry = [Double](unsafeUninitializedCapacity: max(1, total)) { entryBuffer, count in
                let out = rowBuffer.baseAddress!
                let outValue = entryBuffer.baseAddress!
                rowStart.withUnsafeBufferPointer { rs in
                    columnIndex.withUnsafeBufferPointer { col in
                        value.withUnsafeBufferPointer { val in
                            for i in 0..<rows {
                                for k in rs[i]..<rs[i + 1] {
                                    let j = Int(col[k])
                                    let e = next[j]
                                    out[e] = Int32(i)
                                    outValue[e] = val[k]
                                    next[j] = e + 1
                                }
                            }
                        }
                    }
                }
                var first = 0
                while first < longColumn.count {
                    let j = Int(longColumn[first])
                    var end = first + 1
                    while end < longColumn.count && Int(longColumn[end]) == j { end += 1 }
                    mergeLongEntries(
                        first..<end, intoColumn: start[j]..<start[j + 1], shortEnd: next[j],
                        out, outValue)
                    first = end
                }
                count = total
            }
            rowCount = total
        }
        var transposed = CompressedRows(
            rows: columns, columns: rows, rowStart: start, columnIndex: row, value: entry)
        transposed.threads = threads
        return transposed
    }

    /// Merges one column's long-row entries (`entries` of `long`, in row order) into its
    /// place `column`, whose short-row entries fill `column.lowerBound..<shortEnd` in row
    /// order: from the back, the larger row first.
    private func mergeLongEntries(
        _ entries: Range<Int>, intoColumn column: Range<Int>, shortEnd: Int,
        _ row: UnsafeMutablePointer<Int32>, _ entry: UnsafeMutablePointer<Double>
    ) {
        var write = column.upperBound - 1
        var short = shortEnd - 1
        var longEntry = entries.upperBound - 1
        while longEntry >= entries.lowerBound {
            let longRow = Int32(long.rows[Int(long.slot[longEntry])])
            if short >= column.lowerBound && row[short] > longRow {
                row[write] = row[short]
                entry[write] = entry[short]
                short -= 1
            } else {
                row[write] = longRow
                entry[write] = long.value[longEntry]
                longEntry -= 1
            }
            write -= 1
        }
    }
}
