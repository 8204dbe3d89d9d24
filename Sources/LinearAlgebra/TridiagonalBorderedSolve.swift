import CLapack

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
        var failures = Array(repeating: ChunkFailure(), count: chunkList.count)

        // r_0 - C' inv(M) r_B, with inv(M) r_B formed block by block in scratch.
        withFactors(&rhs, coupling, &failures) { d, e, x, v, fail in
            partial.withUnsafeMutableBufferPointer { sums in
                runChunks(chunkList, threads: threads) { index, range in
                    var t = Array(repeating: 0.0, count: maxRows)
                    let own = sums.baseAddress! + index * m0
                    t.withUnsafeMutableBufferPointer { tp in
                        for b in range {
                            let first = starts[b]
                            let n = starts[b + 1] - first
                            if n == 0 { continue }
                            for i in 0..<n { tp[i] = x[first + i] }
                            let info = LAPACKE_dpttrs_work(
                                LAPACK_COL_MAJOR, Int32(n), 1, d + first, e + first,
                                tp.baseAddress!, Int32(n))
                            if info != 0 { fail[index].note(block: b, info: info) }
                            let w = shape.blockWeight[b]
                            for k in shape.entryStart[b]..<shape.entryStart[b + 1] {
                                own[Int(shape.couplingRow[k])] += w * v[k] * tp[Int(shape.localRow[k])]
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

        // x_B = inv(M) (r_B - C x_0), block by block in place.
        withFactors(&rhs, coupling, &failures) { d, e, x, v, fail in
            runChunks(chunkList, threads: threads) { index, range in
                for b in range {
                    let first = starts[b]
                    let n = starts[b + 1] - first
                    if n == 0 { continue }
                    for k in shape.entryStart[b]..<shape.entryStart[b + 1] {
                        x[first + Int(shape.localRow[k])] -= v[k] * reduced[Int(shape.couplingRow[k])]
                    }
                    let info = LAPACKE_dpttrs_work(
                        LAPACK_COL_MAJOR, Int32(n), 1, d + first, e + first, x + first, Int32(n))
                    if info != 0 { fail[index].note(block: b, info: info) }
                }
            }
        }
        try ChunkFailure.check(failures, routine: "dpttrs")
    }

    /// Runs `body` with pointers to the factors, the right-hand side, the coupling
    /// values and the per-block failure codes.
    private func withFactors(
        _ rhs: inout [Double], _ coupling: BlockCoupling, _ failures: inout [ChunkFailure],
        _ body: (
            UnsafePointer<Double>, UnsafePointer<Double>, UnsafeMutablePointer<Double>,
            UnsafePointer<Double>, UnsafeMutablePointer<ChunkFailure>
        ) -> Void
    ) {
        diagonal.withUnsafeBufferPointer { d in
            offDiagonal.withUnsafeBufferPointer { e in
                rhs.withUnsafeMutableBufferPointer { x in
                    coupling.value.withUnsafeBufferPointer { v in
                        failures.withUnsafeMutableBufferPointer { fail in
                            body(
                                d.baseAddress!, e.baseAddress!, x.baseAddress!,
                                v.baseAddress ?? UnsafePointer(bitPattern: 8)!,
                                fail.baseAddress!)
                        }
                    }
                }
            }
        }
    }
}
