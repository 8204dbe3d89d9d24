import CLapack

/// Many independent symmetric positive definite tridiagonal systems stored back
/// to back, one per block; factored with LAPACK `dpttrf` (`L D L'`).
///
/// Block `b` owns rows `blockStart[b]..<blockStart[b + 1]`. `offDiagonal[r]`
/// couples rows `r` and `r + 1` of the same block; the entry at a block's last
/// row is ignored.
public struct TridiagonalBatch: Sendable {
    public let blockStart: [Int]
    /// Before `factor()`: the diagonal. After: the pivots of `D`.
    public var diagonal: [Double]
    /// Before `factor()`: the off-diagonal. After: the multipliers of `L`.
    public var offDiagonal: [Double]
    /// Threads used by the batch operations (1 = serial).
    public var threads: Int
    /// Per-chunk partial Schur complements of `factorAndEliminate`, kept between calls.
    var schurPartials: [Double] = []

    public init(blockStart: [Int], threads: Int = 1) {
        precondition(blockStart.first == 0, "TridiagonalBatch: blockStart should begin at 0")
        self.blockStart = blockStart
        let rows = blockStart.last ?? 0
        diagonal = Array(repeating: 0, count: rows)
        offDiagonal = Array(repeating: 0, count: rows)
        self.threads = threads
    }

    public var blockCount: Int { blockStart.count - 1 }

    /// Blocks are split into this many chunks whatever the thread count, so the
    /// Schur complement's partial sums, and thus results, do not depend on threads.
    static let chunkCount = 16

    var chunks: [Range<Int>] { fixedChunks(count: blockCount, chunkCount: Self.chunkCount) }

    /// Factors every block; the error names the first failing block.
    public mutating func factor() throws {
        let starts = blockStart
        var failures = Array(repeating: Int32(0), count: blockCount)
        let chunkList = chunks
        diagonal.withUnsafeMutableBufferPointer { d in
            offDiagonal.withUnsafeMutableBufferPointer { e in
                failures.withUnsafeMutableBufferPointer { fail in
                    runChunks(chunkList, threads: threads) { _, range in
                        for b in range {
                            let n = Int32(starts[b + 1] - starts[b])
                            if n == 0 { continue }
                            fail[b] = LAPACKE_dpttrf_work(
                                n, d.baseAddress! + starts[b], e.baseAddress! + starts[b])
                        }
                    }
                }
            }
        }
        if let b = failures.firstIndex(where: { $0 != 0 }) {
            try LinearAlgebraError.check(failures[b], routine: "dpttrf (block \(b))")
        }
    }

    /// Solves every block's system in place; `rhs` is laid out like the rows.
    public func solve(_ rhs: inout [Double]) throws {
        try LinearAlgebraError.require(
            rhs.count == diagonal.count, routine: "dpttrs",
            "right-hand side has \(rhs.count) entries, batch has \(diagonal.count) rows")
        let starts = blockStart
        var failures = Array(repeating: Int32(0), count: blockCount)
        diagonal.withUnsafeBufferPointer { d in
            offDiagonal.withUnsafeBufferPointer { e in
                rhs.withUnsafeMutableBufferPointer { x in
                    failures.withUnsafeMutableBufferPointer { fail in
                        runChunks(chunks, threads: threads) { _, range in
                            for b in range {
                                let n = Int32(starts[b + 1] - starts[b])
                                if n == 0 { continue }
                                fail[b] = LAPACKE_dpttrs_work(
                                    LAPACK_COL_MAJOR, n, 1, d.baseAddress! + starts[b],
                                    e.baseAddress! + starts[b], x.baseAddress! + starts[b], n)
                            }
                        }
                    }
                }
            }
        }
        if let b = failures.firstIndex(where: { $0 != 0 }) {
            try LinearAlgebraError.check(failures[b], routine: "dpttrs (block \(b))")
        }
    }
}
