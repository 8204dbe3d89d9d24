import LinearAlgebra

/// Filling large setup arrays in parallel chunks. Every element is computed on its own, so
/// the arrays do not depend on the number of threads; the point is mostly the first touch
/// of their fresh memory, which costs the kernel about as much as the copying itself.
enum ParallelGather {
    /// Chunks per thread, so that a slow chunk does not hold the others up.
    static let chunksPerThread = 4

    static func chunks(_ count: Int, threads: Int) -> [Range<Int>] {
        fixedChunks(count: count, chunkCount: chunksPerThread * max(1, threads))
    }

    /// `count` elements `element(p)`, in an array with room for `capacity` (at least
    /// `count`).
    static func array<T>(
        count: Int, capacity: Int, threads: Int, _ element: (Int) -> T
    ) -> [T] {
        precondition(capacity >= count, "ParallelGather: capacity below count")
        return [T](unsafeUninitializedCapacity: max(1, capacity)) { buffer, initialized in
            let base = buffer.baseAddress!
            runChunks(chunks(count, threads: threads), threads: threads) { _, range in
                for p in range { (base + p).initialize(to: element(p)) }
            }
            initialized = count
        }
    }

    /// The indices below `count` where `keep` holds, in increasing order, in an array
    /// with room for `capacity`.
    static func indices(
        count: Int, capacity: Int, threads: Int, where keep: (Int) -> Bool
    ) -> [Int32] {
        let parts = chunks(count, threads: threads)
        var first = Array(repeating: 0, count: parts.count + 1)
        first.withUnsafeMutableBufferPointer { first in
            runChunks(parts, threads: threads) { c, range in
                first[c + 1] = range.reduce(0) { keep($1) ? $0 + 1 : $0 }
            }
        }
        for c in parts.indices { first[c + 1] += first[c] }
        let total = first[parts.count]
        precondition(capacity >= total, "ParallelGather: capacity below count")
        return [Int32](unsafeUninitializedCapacity: max(1, capacity)) { buffer, initialized in
            let base = buffer.baseAddress!
            runChunks(parts, threads: threads) { c, range in
                var p = first[c]
                for i in range where keep(i) {
                    (base + p).initialize(to: Int32(i))
                    p += 1
                }
            }
            initialized = total
        }
    }
}
