import CLapack

/// Filling, factoring and eliminating each block in one pass.
///
/// Each block is filled by the caller, factored and added to the Schur
/// complement while its rows are still in cache (rather than streaming every
/// block through memory once to fill, once to factor and once to eliminate), over the
/// same fixed chunks (so results do not depend on the thread count).
extension TridiagonalBatch {
    /// Writes block `block`'s diagonal, off-diagonal and coupling values; each
    /// pointer is the start of the whole array, and only the block's part may be
    /// written (blocks are filled concurrently).
    public typealias BlockFill = (
        _ block: Int, _ diagonal: UnsafeMutablePointer<Double>,
        _ offDiagonal: UnsafeMutablePointer<Double>, _ couplingValues: UnsafeMutablePointer<Double>
    ) -> Void

    /// Fills every block with `fill`, factors it (LAPACK `dpttrf`) and writes
    /// `sum_b w_b C_b' inv(M_b) C_b` into `eliminated` (resized to the coupling rows when
    /// it has another size, else overwritten); the error names the first failing block.
    public mutating func factorAndEliminate(
        _ coupling: inout BlockCoupling, into eliminated: inout DenseMatrix, fill: BlockFill
    ) throws {
        precondition(
            coupling.entryStart.count == blockStart.count,
            "factorAndEliminate: coupling describes \(coupling.entryStart.count - 1) blocks, "
                + "batch has \(blockCount)")
        let m0 = coupling.couplingCount
        let chunkList = fixedChunks(
            count: blockCount,
            chunkCount: Self.schurChunkCount(blocks: blockCount, couplingRows: m0))
        let starts = blockStart
        let (maxRows, maxEntries) = largestBlock(coupling)
        let shape = coupling.withoutValues
        // The partial sums are kept between calls: freshly allocated, their megabytes
        // would be page-faulted in at every iteration.
        let partialCount = chunkList.count * m0 * m0
        if schurPartials.count != partialCount {
            schurPartials = Array(repeating: 0, count: partialCount)
        } else {
            schurPartials.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        }
        var failures = Array(repeating: ChunkFailure(), count: chunkList.count)
        diagonal.withUnsafeMutableBufferPointer { d in
            offDiagonal.withUnsafeMutableBufferPointer { e in
                coupling.value.withUnsafeMutableBufferPointer { v in
                    schurPartials.withUnsafeMutableBufferPointer { out in
                        failures.withUnsafeMutableBufferPointer { fail in
                            runChunks(chunkList, threads: threads) { index, range in
                                var sigma = Array(repeating: 0.0, count: maxRows)
                                var q = Array(repeating: 0.0, count: maxEntries)
                                let u = out.baseAddress! + index * m0 * m0
                                for b in range {
                                    fill(b, d.baseAddress!, e.baseAddress!, v.baseAddress!)
                                    let first = starts[b]
                                    let n = Int32(starts[b + 1] - first)
                                    if n == 0 { continue }
                                    let info = LAPACKE_dpttrf_work(
                                        n, d.baseAddress! + first, e.baseAddress! + first)
                                    if info != 0 {
                                        fail[index].note(block: b, info: info)
                                        continue
                                    }
                                    Self.accumulateBlock(
                                        b, starts, shape, d.baseAddress!, e.baseAddress!,
                                        v.baseAddress!, into: u, stride: m0, sigma: &sigma, q: &q)
                                }
                            }
                        }
                    }
                }
            }
        }
        try ChunkFailure.check(failures, routine: "dpttrf")
        Self.combine(schurPartials, chunks: chunkList.count, size: m0, into: &eliminated)
    }

    /// Chunks of blocks whose Schur complements are summed apart (then added in chunk
    /// order, so the sum does not depend on threads). Each chunk's partial sum costs
    /// `2 m0^2` (zeroed, then added), while a block touching every coupling row costs
    /// about `m0^2 / 2`; so there are `Self.chunkCount` chunks only when there are at
    /// least 16 blocks per chunk and the partial sums fit in `schurPartialBudget`
    /// numbers, else fewer: an even number, at least 2, so two threads share them evenly.
    /// With 16 chunks always, a day cut into 672 steps (784 coupling rows) kept 79 MB of
    /// partial sums and a week at 15 minutes (1,344 rows) 231 MB, zeroed and added up at
    /// every factorization; that, not the blocks, was most of such a solve, and of the
    /// re-plans of a few dozen assets.
    static func schurChunkCount(blocks: Int, couplingRows m0: Int) -> Int {
        let fitting = min(schurPartialBudget / max(1, m0 * m0), blocks / 16)
        return max(2, min(chunkCount, fitting - fitting % 2))
    }

    /// Numbers in the per-chunk Schur partial sums together (2^21, 16 MB): 16 chunks up
    /// to 362 coupling rows (a day at 15 minutes has about 112).
    static let schurPartialBudget = 1 << 21

    /// The most rows and coupling entries of any block (scratch sizes).
    func largestBlock(_ coupling: BlockCoupling) -> (rows: Int, entries: Int) {
        var rows = 0
        var entries = 0
        for b in 0..<blockCount {
            rows = max(rows, blockStart[b + 1] - blockStart[b])
            entries = max(entries, coupling.entryStart[b + 1] - coupling.entryStart[b])
        }
        return (rows, entries)
    }

    /// Adds the per-chunk partial sums in chunk order into `s` and symmetrizes: each
    /// partial holds every product once, in the lower or the upper triangle.
    static func combine(
        _ partial: [Double], chunks: Int, size m0: Int, into s: inout DenseMatrix
    ) {
        if s.rows != m0 || s.columns != m0 { s = DenseMatrix(rows: m0, columns: m0) }
        let count = m0 * m0
        partial.withUnsafeBufferPointer { p in
            s.storage.withUnsafeMutableBufferPointer { out in
                // The first chunk is copied: 0 + x is x, so the sums are as before.
                for k in 0..<count { out[k] = 0 + p[k] }
                for c in 1..<max(1, chunks) {
                    let base = c * count
                    for k in 0..<count { out[k] += p[base + k] }
                }
                for j in 0..<m0 {
                    for i in (j + 1)..<max(j + 1, m0) {
                        let sum = out[i + j * m0] + out[j + i * m0]
                        out[i + j * m0] = sum
                        out[j + i * m0] = sum
                    }
                }
            }
        }
    }
}

/// The first block of a chunk whose LAPACK call failed, so that failures need no
/// array as long as the blocks; chunks are in block order, so the first chunk
/// with a failure holds the first failing block.
struct ChunkFailure {
    var block = -1
    var info: Int32 = 0

    mutating func note(block b: Int, info i: Int32) {
        if block < 0 || b < block {
            block = b
            info = i
        }
    }

    static func check(_ failures: [ChunkFailure], routine: String) throws {
        if let f = failures.first(where: { $0.block >= 0 }) {
            try LinearAlgebraError.check(f.info, routine: "\(routine) (block \(f.block))")
        }
    }
}
