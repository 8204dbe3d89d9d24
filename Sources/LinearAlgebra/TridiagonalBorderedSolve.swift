/// Solving the bordered system of a factored batch, block by block.
extension TridiagonalBatch {
    /// Solves `[M C; C' S0] [x_B; x_0] = [r_B; r_0]` in place, where `M` is this
    /// factored batch, `C` is `coupling` and `schurSolve` solves with the Schur
    /// complement `S = S0 - C' inv(M) C`. `rhs` holds the stacked block rows, then
    /// the coupling rows.
    ///
    /// Each block is solved and its coupling sum formed while it is in cache; the
    /// per-chunk sums are added in chunk order, so results do not depend on threads.
    public func solveBordered(
        _ rhs: inout [Double], coupling: BlockCoupling,
        schurSolve: (inout [Double]) throws -> Void
    ) throws {
        let blockRows = diagonal.count
        let m0 = coupling.couplingCount
        try LinearAlgebraError.require(
            rhs.count == blockRows + m0, routine: "dpttrs",
            "right-hand side has \(rhs.count) entries, system has \(blockRows + m0) rows")
        if blockRows == 0 {
            try schurSolve(&rhs)
            return
        }
        let chunkList = chunks
        let maxRows = largestBlock(coupling).rows
        let starts = blockStart
        let shape = coupling.withoutValues
        var partial = Array(repeating: 0.0, count: chunkList.count * m0)

        // r_0 - C' inv(M) r_B, with inv(M) r_B formed a few blocks at a time in scratch.
        let lanes = Self.interleavedBlocks
        withFactors(&rhs, coupling) { d, e, x, v in
            partial.withUnsafeMutableBufferPointer { sums in
                runChunks(chunkList, threads: threads) { index, range in
                    var t = Array(repeating: 0.0, count: lanes * maxRows)
                    let own = sums.baseAddress! + index * m0
                    t.withUnsafeMutableBufferPointer { tp in
                        let base = tp.baseAddress!
                        let scratch = { (b: Int) in base + (b - range.lowerBound) % lanes * maxRows }
                        for blocks in Self.sideBySideGroups(range) {
                            for b in blocks {
                                let first = starts[b]
                                scratch(b).update(from: x + first, count: starts[b + 1] - first)
                            }
                            Self.solveSideBySide(blocks, starts, d, e, rhs: scratch)
                            for b in blocks where starts[b + 1] > starts[b] {
                                let w = shape.blockWeight[b]
                                let solved = scratch(b)
                                for k in shape.entryStart[b]..<shape.entryStart[b + 1] {
                                    own[Int(shape.couplingRow[k])] +=
                                        w * v[k] * solved[Int(shape.localRow[k])]
                                }
                            }
                        }
                    }
                }
            }
        }
        var reduced = Array(rhs[blockRows...])
        for c in 0..<chunkList.count {
            for k in 0..<m0 { reduced[k] -= partial[c * m0 + k] }
        }
        try schurSolve(&reduced)
        for k in 0..<m0 { rhs[blockRows + k] = reduced[k] }

        // x_B = inv(M) (r_B - C x_0), a few blocks at a time in place.
        withFactors(&rhs, coupling) { d, e, x, v in
            runChunks(chunkList, threads: threads) { _, range in
                for blocks in Self.sideBySideGroups(range) {
                    for b in blocks where starts[b + 1] > starts[b] {
                        let first = starts[b]
                        for k in shape.entryStart[b]..<shape.entryStart[b + 1] {
                            x[first + Int(shape.localRow[k])] -=
                                v[k] * reduced[Int(shape.couplingRow[k])]
                        }
                    }
                    Self.solveSideBySide(blocks, starts, d, e) { x + starts[$0] }
                }
            }
        }
    }

    /// Runs `body` with pointers to the factors, the right-hand side and the coupling
    /// values.
    private func withFactors(
        _ rhs: inout [Double], _ coupling: BlockCoupling,
        _ body: (
            UnsafePointer<Double>, UnsafePointer<Double>, UnsafeMutablePointer<Double>,
            UnsafePointer<Double>
        ) -> Void
    ) {
        diagonal.withUnsafeBufferPointer { d in
            offDiagonal.withUnsafeBufferPointer { e in
                rhs.withUnsafeMutableBufferPointer { x in
                    coupling.value.withUnsafeBufferPointer { v in
                        body(
                            d.baseAddress!, e.baseAddress!, x.baseAddress!,
                            v.baseAddress ?? UnsafePointer(bitPattern: 8)!)
                    }
                }
            }
        }
    }
}
