import Dispatch

/// Splits `0..<count` into `chunkCount` contiguous ranges, the same for every
/// run, so that per-chunk partial sums are combined in a fixed order and the
/// results do not depend on thread scheduling.
public func fixedChunks(count: Int, chunkCount: Int) -> [Range<Int>] {
    let chunks = max(1, min(chunkCount, count))
    return (0..<chunks).map { c in (c * count / chunks)..<((c + 1) * count / chunks) }
}

/// Runs `body` once per chunk, concurrently when `threads > 1`.
public func runChunks(
    _ chunks: [Range<Int>], threads: Int, _ body: (Int, Range<Int>) -> Void
) {
    if threads <= 1 || chunks.count <= 1 {
        for (index, range) in chunks.enumerated() { body(index, range) }
        return
    }
    DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
        body(index, chunks[index])
    }
}
