/// Long rows of a `CompressedRows`, kept by column: their entries sorted by column,
/// each naming its row's slot. Products walk the entries in fixed chunks, each
/// adding into its own partial row sums, and add the partials in chunk order, so
/// results do not depend on the number of threads.
struct LongRows: Sendable {
    /// The rows kept here, and per row of the matrix whether it is one of them
    /// (empty when there are none).
    var rows: [Int] = []
    var isLong: [Bool] = []
    var slot: [Int32] = []
    var column: [Int32] = []
    var value: [Double] = []
    var chunks: [Range<Int>] = []

    /// Entries per chunk (fixed, so that sums do not depend on threads).
    static let entriesPerChunk = 65_536

    /// `sum value * vector[column]` per long row.
    func sums<V: ColumnVector>(_ vector: V, threads: Int) -> [Double] {
        let count = rows.count
        var partial = Array(repeating: 0.0, count: chunks.count * count)
        slot.withUnsafeBufferPointer { s in
            column.withUnsafeBufferPointer { col in
                value.withUnsafeBufferPointer { val in
                    partial.withUnsafeMutableBufferPointer { out in
                        runChunks(chunks, threads: threads) { c, range in
                            let own = out.baseAddress! + c * count
                            for k in range { own[Int(s[k])] += val[k] * vector[Int(col[k])] }
                        }
                    }
                }
            }
        }
        var total = Array(repeating: 0.0, count: count)
        for c in 0..<chunks.count {
            for r in 0..<count { total[r] += partial[c * count + r] }
        }
        return total
    }
}

extension CompressedRows {
    /// The same matrix with the rows of more than `length` entries kept apart by
    /// column (see the type's description); the other rows keep their order.
    public func splittingLongRows(longerThan length: Int) -> CompressedRows {
        let longRows = (0..<rows).filter { rowStart[$0 + 1] - rowStart[$0] > length }
        if longRows.isEmpty { return self }
        var isLong = Array(repeating: false, count: rows)
        for i in longRows { isLong[i] = true }
        // The long rows' entries by column (a counting sort; each row's entries are
        // already by column, so within a column they stay in row-slot order).
        var columnFirst = Array(repeating: 0, count: columns + 1)
        for i in longRows {
            for k in rowStart[i]..<rowStart[i + 1] { columnFirst[Int(columnIndex[k]) + 1] += 1 }
        }
        for c in 0..<columns { columnFirst[c + 1] += columnFirst[c] }
        let longCount = columnFirst[columns]
        var slot = Array(repeating: Int32(0), count: longCount)
        var column = Array(repeating: Int32(0), count: longCount)
        var longValue = Array(repeating: 0.0, count: longCount)
        for (s, i) in longRows.enumerated() {
            for k in rowStart[i]..<rowStart[i + 1] {
                let c = Int(columnIndex[k])
                let e = columnFirst[c]
                columnFirst[c] += 1
                slot[e] = Int32(s)
                column[e] = Int32(c)
                longValue[e] = value[k]
            }
        }
        var start = [0]
        start.reserveCapacity(rows + 1)
        var index: [Int32] = []
        var values: [Double] = []
        index.reserveCapacity(value.count - longCount)
        values.reserveCapacity(value.count - longCount)
        for i in 0..<rows {
            if !isLong[i] {
                index.append(contentsOf: columnIndex[rowStart[i]..<rowStart[i + 1]])
                values.append(contentsOf: value[rowStart[i]..<rowStart[i + 1]])
            }
            start.append(index.count)
        }
        var split = CompressedRows(
            rows: rows, columns: columns, rowStart: start, columnIndex: index, value: values)
        split.threads = threads
        split.long = LongRows(
            rows: longRows, isLong: isLong, slot: slot, column: column, value: longValue,
            chunks: fixedChunks(
                count: longCount, chunkCount: max(1, longCount / LongRows.entriesPerChunk)))
        return split
    }
}
