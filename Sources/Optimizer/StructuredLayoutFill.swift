import LinearAlgebra

/// Filling one block's tridiagonal matrix and coupling values for a scaling.
extension StructuredLayout {
    /// Writes block `b`'s tridiagonal matrix (plus `regularization` on the
    /// diagonal) and its coupling values for the scaling `h`; writes nothing else.
    /// `relativeRegularization` raises each diagonal entry by that share of itself after
    /// the terms are added (0 for none), keeping a pivot that cancels to roundoff positive.
    func fill(
        block b: Int, _ h: UnsafePointer<Double>, regularization: Double,
        relativeRegularization: Double = 0,
        diagonal d: UnsafeMutablePointer<Double>, offDiagonal e: UnsafeMutablePointer<Double>,
        couplingValues v: UnsafeMutablePointer<Double>
    ) {
        for r in blockStart[b]..<blockStart[b + 1] {
            d[r] = regularization
            e[r] = 0
        }
        // Column j in block rows p < p' adds a^2 h_j to d[p] and d[p'], a a' h_j to e[p]
        // (the layout checked that p' = p + 1).
        columns.withRows { a in
            stackedRow.withUnsafeBufferPointer { stacked in
                blockColumn.withUnsafeBufferPointer { column in
                    for t in blockColumnStart[b]..<blockColumnStart[b + 1] {
                        let j = Int(column[t])
                        let hj = h[j]
                        var previous = -1
                        var previousValue = 0.0
                        a.forEachEntry(j) { row, value in
                            let p = Int(stacked[row])
                            if p < 0 { return }
                            d[p] += (value * value) * hj
                            if previous >= 0 {
                                e[min(p, previous)] += (previousValue * value) * hj
                            }
                            previous = p
                            previousValue = value
                        }
                    }
                }
            }
        }
        if relativeRegularization > 0 {
            for r in blockStart[b]..<blockStart[b + 1] { d[r] *= 1 + relativeRegularization }
        }
        for k in coupling.entryStart[b]..<coupling.entryStart[b + 1] { v[k] = 0 }
        entryTerms.add(entryTermStart[b]..<entryTermStart[b + 1], h, into: v)
    }
}
