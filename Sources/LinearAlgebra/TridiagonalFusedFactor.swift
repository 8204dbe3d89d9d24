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

    /// Fills every block with `fill`, factors it (LAPACK `dpttrf`) and returns
    /// `sum_b w_b C_b' inv(M_b) C_b`; the error names the first failing block.
    public mutating func factorAndEliminate(
        _ coupling: inout BlockCoupling, fill: BlockFill
    ) throws -> DenseMatrix {
        precondition(
            coupling.entryStart.count == blockStart.count,
            "factorAndEliminate: coupling describes \(coupling.entryStart.count - 1) blocks, "
                + "batch has \(blockCount)")
        let m0 = coupling.couplingCount
        let chunkList = chunks
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
        return Self.combine(schurPartials, chunks: chunkList.count, size: m0)
    }

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

    /// Adds the per-chunk partial sums in chunk order and symmetrizes: each
    /// partial holds every product once, in the lower or the upper triangle.
    static func combine(_ partial: [Double], chunks: Int, size m0: Int) -> DenseMatrix {
        var s = DenseMatrix(rows: m0, columns: m0)
        for c in 0..<chunks {
            for k in 0..<(m0 * m0) { s.storage[k] += partial[c * m0 * m0 + k] }
        }
        for j in 0..<m0 {
            for i in (j + 1)..<max(j + 1, m0) {
                let sum = s[i, j] + s[j, i]
                s[i, j] = sum
                s[j, i] = sum
            }
        }
        return s
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
