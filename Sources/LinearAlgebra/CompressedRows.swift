/// A sparse matrix in compressed-row form with a threaded product `A x`.
///
/// Rows are split into fixed chunks, each computed independently, so the
/// result does not depend on the number of threads.
public struct CompressedRows: Sendable {
    public let rows: Int
    public let columns: Int
    /// Row `i`'s entries are `rowStart[i]..<rowStart[i + 1]`.
    public let rowStart: [Int]
    public let columnIndex: [Int32]
    public let value: [Double]
    public var threads: Int

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

    /// Rows per chunk below which threading does not pay (chosen by experiment).
    static let rowsPerChunk = 16_384

    /// `y = A x`.
    public func multiply(_ x: [Double], into y: inout [Double]) {
        precondition(
            x.count == columns, "CompressedRows.multiply: x has \(x.count), need \(columns)")
        if y.count != rows { y = Array(repeating: 0, count: rows) }
        let chunkCount = threads <= 1 ? 1 : max(1, min(4 * threads, rows / Self.rowsPerChunk))
        let chunks = fixedChunks(count: rows, chunkCount: chunkCount)
        rowStart.withUnsafeBufferPointer { start in
            columnIndex.withUnsafeBufferPointer { col in
                value.withUnsafeBufferPointer { val in
                    x.withUnsafeBufferPointer { xp in
                        y.withUnsafeMutableBufferPointer { yp in
                            runChunks(chunks, threads: threads) { _, range in
                                for i in range {
                                    var sum = 0.0
                                    for k in start[i]..<start[i + 1] {
                                        sum += val[k] * xp[Int(col[k])]
                                    }
                                    yp[i] = sum
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
