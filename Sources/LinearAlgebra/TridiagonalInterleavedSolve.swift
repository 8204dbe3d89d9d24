/// Solving several factored tridiagonal blocks at once.
///
/// A block's solve is two recurrences (each row waits for the row before it), so one
/// block at a time leaves the processor waiting on each multiply and subtract: LAPACK's
/// `dpttrs` took a tenth of a 10,000-asset solve. Run side by side, the recurrences of
/// four blocks overlap. Each block goes through exactly `dpttrs`'s operations (LAPACK's
/// reference `dptts2`, one right-hand side), so the results are bit for bit the same.
extension TridiagonalBatch {
    /// Blocks solved side by side.
    static let interleavedBlocks = 4

    /// `range` in consecutive groups of `interleavedBlocks` blocks (the last may be shorter).
    static func sideBySideGroups(_ range: Range<Int>) -> [Range<Int>] {
        stride(from: range.lowerBound, to: range.upperBound, by: interleavedBlocks).map {
            $0..<min($0 + interleavedBlocks, range.upperBound)
        }
    }

    /// Solves `L D L' x = b` in place for blocks `blocks` (at most `interleavedBlocks`),
    /// factored by `dpttrf` into `d` (pivots) and `e` (multipliers) at `starts[b]`; block
    /// `b`'s right-hand side is at `rhs(b)`.
    static func solveSideBySide(
        _ blocks: Range<Int>, _ starts: [Int], _ d: UnsafePointer<Double>,
        _ e: UnsafePointer<Double>, rhs: (Int) -> UnsafeMutablePointer<Double>
    ) {
        precondition(blocks.count <= interleavedBlocks, "solveSideBySide: too many blocks")
        // Lanes without a block get an empty one.
        var n = (0, 0, 0, 0)
        var x = (rhs(blocks.lowerBound), rhs(blocks.lowerBound), rhs(blocks.lowerBound),
                 rhs(blocks.lowerBound))
        var dd = (d, d, d, d)
        var ee = (e, e, e, e)
        for (lane, b) in blocks.enumerated() {
            let rows = starts[b + 1] - starts[b]
            let (xb, db, eb) = (rhs(b), d + starts[b], e + starts[b])
            switch lane {
            case 0: (n.0, x.0, dd.0, ee.0) = (rows, xb, db, eb)
            case 1: (n.1, x.1, dd.1, ee.1) = (rows, xb, db, eb)
            case 2: (n.2, x.2, dd.2, ee.2) = (rows, xb, db, eb)
            default: (n.3, x.3, dd.3, ee.3) = (rows, xb, db, eb)
            }
        }
        let longest = max(n.0, n.1, n.2, n.3)
        if longest == 0 { return }

        // L x = b: b[i] -= b[i-1] e[i-1], the running value kept in a register per lane.
        @inline(__always) func first(_ rows: Int, _ x: UnsafeMutablePointer<Double>) -> Double {
            rows > 0 ? x[0] : 0
        }
        var p = (first(n.0, x.0), first(n.1, x.1), first(n.2, x.2), first(n.3, x.3))
        for i in 1..<max(longest, 1) {
            if i < n.0 { p.0 = x.0[i] - p.0 * ee.0[i - 1]; x.0[i] = p.0 }
            if i < n.1 { p.1 = x.1[i] - p.1 * ee.1[i - 1]; x.1[i] = p.1 }
            if i < n.2 { p.2 = x.2[i] - p.2 * ee.2[i - 1]; x.2[i] = p.2 }
            if i < n.3 { p.3 = x.3[i] - p.3 * ee.3[i - 1]; x.3[i] = p.3 }
        }

        // D L' x = b from each block's last row up: b[i] = b[i] / d[i] - b[i+1] e[i].
        // A block of one row is scaled by 1 / d, as dptts2 does (not divided).
        @inline(__always) func last(_ rows: Int, _ x: UnsafeMutablePointer<Double>,
                                    _ d: UnsafePointer<Double>) -> Double {
            if rows == 0 { return 0 }
            let value = rows == 1 ? x[0] * (1 / d[0]) : x[rows - 1] / d[rows - 1]
            x[rows - 1] = value
            return value
        }
        p = (last(n.0, x.0, dd.0), last(n.1, x.1, dd.1), last(n.2, x.2, dd.2),
             last(n.3, x.3, dd.3))
        for k in 1..<max(longest, 1) {
            if k < n.0 { let i = n.0 - 1 - k; p.0 = x.0[i] / dd.0[i] - p.0 * ee.0[i]; x.0[i] = p.0 }
            if k < n.1 { let i = n.1 - 1 - k; p.1 = x.1[i] / dd.1[i] - p.1 * ee.1[i]; x.1[i] = p.1 }
            if k < n.2 { let i = n.2 - 1 - k; p.2 = x.2[i] / dd.2[i] - p.2 * ee.2[i]; x.2[i] = p.2 }
            if k < n.3 { let i = n.3 - 1 - k; p.3 = x.3[i] / dd.3[i] - p.3 * ee.3[i]; x.3[i] = p.3 }
        }
    }
}
