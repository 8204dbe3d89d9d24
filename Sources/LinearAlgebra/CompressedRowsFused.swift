/// Products fused with the elementwise work around them, so that an interior-point
/// iteration streams each long vector through memory fewer times.
extension CompressedRows {
    /// Raw views of the three arrays, for kernels that form row `i`'s product with
    /// a vector while they work on element `i` of other vectors (valid inside
    /// `withRows` only).
    public struct Rows {
        // Usable from inlinable code, so that other modules' loops over entries inline.
        @usableFromInline let start: UnsafePointer<Int>
        @usableFromInline let index: UnsafePointer<Int32>
        @usableFromInline let value: UnsafePointer<Double>

        /// Row `i` times `x`, summed in the stored order (as `multiply` does).
        @inline(__always)
        func dot(_ i: Int, _ x: UnsafePointer<Double>) -> Double {
            var sum = 0.0
            for k in start[i]..<start[i + 1] { sum += value[k] * x[Int(index[k])] }
            return sum
        }

        /// Calls `body(column, value)` for each entry of row `i`, in the stored order.
        @inlinable
        public func forEachEntry(_ i: Int, _ body: (Int, Double) -> Void) {
            for k in start[i]..<start[i + 1] { body(Int(index[k]), value[k]) }
        }
    }

    public func withRows<R>(_ body: (Rows) throws -> R) rethrows -> R {
        precondition(long.rows.isEmpty, "CompressedRows.withRows: long rows are kept apart")
        return try rowStart.withUnsafeBufferPointer { s in
            try columnIndex.withUnsafeBufferPointer { c in
                try value.withUnsafeBufferPointer { v in
                    // Empty arrays may have no base address; no row reads them then.
                    let dummy = UnsafePointer<Int32>(bitPattern: 8)!
                    return try body(
                        Rows(
                            start: s.baseAddress!, index: c.baseAddress ?? dummy,
                            value: v.baseAddress ?? UnsafePointer(bitPattern: 8)!))
                }
            }
        }
    }

    /// `out = r - A (s x)` (elementwise `s x`), with the products summed as `multiply`
    /// sums them: the Newton right-hand side `rp - A H^-1 r1` without storing `H^-1 r1`.
    public func subtractScaledProduct(
        from r: [Double], scale s: [Double], _ x: [Double], into out: inout [Double]
    ) {
        precondition(
            r.count == rows && s.count == columns && x.count == columns,
            "CompressedRows.subtractScaledProduct: lengths disagree")
        if out.count != rows { out = Array(repeating: 0, count: rows) }
        r.withUnsafeBufferPointer { rp in
            s.withUnsafeBufferPointer { sp in
                x.withUnsafeBufferPointer { xp in
                    out.withUnsafeMutableBufferPointer { op in
                        forEachRowSum(
                            ScaledVector(s: sp.baseAddress, x: xp.baseAddress),
                            SubtractSums(r: rp.baseAddress, out: op.baseAddress))
                    }
                }
            }
        }
    }

    /// `out = b - A x`; returns `max |out_i|`.
    public func residual(_ b: [Double], _ x: [Double], into out: inout [Double]) -> Double {
        precondition(
            b.count == rows && x.count == columns, "CompressedRows.residual: lengths disagree")
        if out.count != rows { out = Array(repeating: 0, count: rows) }
        // One slot per chunk of short rows, and one for the long rows.
        var largest = Array(repeating: 0.0, count: balancedChunks().count + 1)
        b.withUnsafeBufferPointer { bp in
            x.withUnsafeBufferPointer { xp in
                out.withUnsafeMutableBufferPointer { op in
                    largest.withUnsafeMutableBufferPointer { lp in
                        forEachRowSum(
                            PlainVector(x: xp.baseAddress),
                            ResidualSums(b: bp.baseAddress, out: op.baseAddress, largest: lp.baseAddress!))
                    }
                }
            }
        }
        return largest.max() ?? 0
    }
}

/// `s[c] x[c]`, multiplied as `s[c] * x[c]` first.
struct ScaledVector: ColumnVector {
    let s: UnsafePointer<Double>?
    let x: UnsafePointer<Double>?
    @inline(__always) subscript(_ c: Int) -> Double { s![c] * x![c] }
}

/// `out[i] = r[i] - sum`.
struct SubtractSums: RowSink {
    let r: UnsafePointer<Double>?
    let out: UnsafeMutablePointer<Double>?
    @inline(__always) func finish(_ chunk: Int, _ row: Int, _ sum: Double) {
        out![row] = r![row] - sum
    }
}

/// `out[i] = b[i] - sum`, and the largest `|out[i]|` per chunk in `largest[chunk]`.
struct ResidualSums: RowSink {
    let b: UnsafePointer<Double>?
    let out: UnsafeMutablePointer<Double>?
    let largest: UnsafeMutablePointer<Double>
    @inline(__always) func finish(_ chunk: Int, _ row: Int, _ sum: Double) {
        let v = b![row] - sum
        out![row] = v
        largest[chunk] = max(largest[chunk], abs(v))
    }
}
