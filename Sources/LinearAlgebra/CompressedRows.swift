/// A sparse matrix in compressed-row form with threaded products `A x`.
///
/// Rows are split into chunks of about equal entry counts; each row is summed by
/// one thread in a fixed order, so the result does not depend on the number of threads.
/// Long rows (coupling rows that reach every block) can be kept apart, by column
/// (`splittingLongRows`): summed row by row, each of their entries would load its own
/// cache line of `x`, while by column they stream through `x` once.
public struct CompressedRows: Sendable {
    public let rows: Int
    public let columns: Int
    /// Row `i`'s entries are `rowStart[i]..<rowStart[i + 1]` (empty for a long row kept
    /// apart).
    public let rowStart: [Int]
    public let columnIndex: [Int32]
    public let value: [Double]
    public var threads: Int
    /// The long rows kept apart, if any.
    var long = LongRows()

    public init(rows: Int, columns: Int, rowStart: [Int], columnIndex: [Int32], value: [Double]) {
        precondition(rowStart.count == rows + 1, "CompressedRows: rowStart needs rows + 1 entries")
        precondition(
            columnIndex.count == value.count && rowStart.last == value.count,
            "CompressedRows: entry arrays disagree in length")
        self.rows = rows
        self.columns = columns
        self.rowStart = rowStart
        self.columnIndex = columnIndex
        self.value = value
        threads = 1
    }

    /// Entries per chunk below which threading does not pay (chosen by experiment).
    static let entriesPerChunk = 65_536

    /// Row ranges holding about equal numbers of entries, so that a few long rows
    /// do not leave one thread with most of the work. Each row is summed by one
    /// thread in a fixed order, so `y` does not depend on the chunking.
    func balancedChunks() -> [Range<Int>] {
        let entries = value.count
        let chunkCount = threads <= 1 ? 1 : max(1, min(4 * threads, entries / Self.entriesPerChunk))
        if chunkCount == 1 || rows == 0 { return [0..<rows] }
        var chunks: [Range<Int>] = []
        var first = 0
        for c in 1...chunkCount {
            let goal = c == chunkCount ? entries + 1 : c * entries / chunkCount
            // First row whose start reaches the goal ends this chunk.
            var low = first
            var high = rows
            while low < high {
                let mid = (low + high) / 2
                if rowStart[mid + 1] < goal { low = mid + 1 } else { high = mid }
            }
            let end = c == chunkCount ? rows : min(rows, low + 1)
            if end > first {
                chunks.append(first..<end)
                first = end
            }
        }
        if first < rows { chunks.append(first..<rows) }
        return chunks
    }

    /// `y = A x`.
    public func multiply(_ x: [Double], into y: inout [Double]) {
        precondition(
            x.count == columns, "CompressedRows.multiply: x has \(x.count), need \(columns)")
        if y.count != rows { y = Array(repeating: 0, count: rows) }
        x.withUnsafeBufferPointer { xp in
            y.withUnsafeMutableBufferPointer { yp in
                forEachRowSum(PlainVector(x: xp.baseAddress), StoreSums(y: yp.baseAddress))
            }
        }
    }

    /// Calls `sink.finish(chunk, i, sum)` once for every row `i`, with `sum` the row
    /// times `vector`. Short rows come in parallel chunks (`chunk` below
    /// `balancedChunks().count`), then the long rows, serially, with chunk index
    /// `balancedChunks().count`. Sums are formed in a fixed order. Generic rather
    /// than taking closures so that each use is specialized and inlined.
    func forEachRowSum<V: ColumnVector, S: RowSink>(_ vector: V, _ sink: S) {
        let chunks = balancedChunks()
        let isLong = long.isLong
        rowStart.withUnsafeBufferPointer { start in
            columnIndex.withUnsafeBufferPointer { col in
                value.withUnsafeBufferPointer { val in
                    runChunks(chunks, threads: threads) { c, range in
                        for i in range where isLong.isEmpty || !isLong[i] {
                            var sum = 0.0
                            for k in start[i]..<start[i + 1] { sum += val[k] * vector[Int(col[k])] }
                            sink.finish(c, i, sum)
                        }
                    }
                }
            }
        }
        if long.rows.isEmpty { return }
        let sums = long.sums(vector, threads: threads)
        for (slot, i) in long.rows.enumerated() { sink.finish(chunks.count, i, sums[slot]) }
    }
}

/// The vector a product multiplies, element by element (pointers valid for the call).
protocol ColumnVector {
    subscript(_ c: Int) -> Double { get }
}

/// What a product does with each row's sum.
protocol RowSink {
    func finish(_ chunk: Int, _ row: Int, _ sum: Double)
}

struct PlainVector: ColumnVector {
    let x: UnsafePointer<Double>?
    @inline(__always) subscript(_ c: Int) -> Double { x![c] }
}

struct StoreSums: RowSink {
    let y: UnsafeMutablePointer<Double>?
    @inline(__always) func finish(_ chunk: Int, _ row: Int, _ sum: Double) { y![row] = sum }
}
