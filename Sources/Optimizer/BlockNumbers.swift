import LinearAlgebra

/// The numbers that describe a block, their hash and their comparison.
extension BlockData {
    /// Calls `visit` with every number describing block `b` (relative to its first
    /// variable and row), in a fixed order; stops early when `visit` returns false.
    @discardableResult
    func forEachNumber(_ b: Int, _ visit: (Double) -> Bool) -> Bool {
        let m = model
        let v0 = m.blockFirstVariable[b]
        let r0 = m.blockFirstRow[b]
        guard visit(Double(variableCount[b])), visit(Double(rowCount[b])) else { return false }
        for j in v0..<(v0 + variableCount[b]) {
            guard visit(m.lower[j]), visit(m.upper[j]), visit(m.cost[j]),
                visit(m.quadraticCost[j])
            else { return false }
        }
        for i in r0..<(r0 + rowCount[b]) {
            guard visit(m.rowLower[i]), visit(m.rowUpper[i]),
                visit(Double(m.rowStart[i + 1] - m.rowStart[i]))
            else { return false }
            for k in m.rowStart[i]..<m.rowStart[i + 1] {
                guard visit(Double(m.termVariable[k] - v0)), visit(m.termValue[k]) else {
                    return false
                }
            }
        }
        for t in couplingStart[b]..<couplingStart[b + 1] {
            let k = Int(couplingTerm[t])
            guard visit(Double(couplingRow[t])), visit(Double(m.termVariable[k] - v0)),
                visit(m.termValue[k])
            else { return false }
        }
        return true
    }

    /// A hash of block `b`'s numbers: equal numbers (`==`, so +0 and -0 alike) give equal
    /// hashes. Blocks with equal hashes are compared number by number, so the hash only has
    /// to spread distinct blocks, not resist collisions made on purpose: a multiply and
    /// xor-shift per number does that for a fraction of a SipHash round's cost.
    func hash(_ b: Int) -> Int {
        var h: UInt64 = 0
        forEachNumber(b) { x in
            h = (h ^ (x == 0 ? 0 : x.bitPattern)) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
            return true
        }
        return Int(truncatingIfNeeded: h)
    }

    /// `hash(b)` of every block, computed in parallel (each block's alone, so the hashes do
    /// not depend on the number of threads).
    func hashes(threads: Int) -> [Int] {
        let count = model.blockCount
        var result = [Int](repeating: 0, count: count)
        result.withUnsafeMutableBufferPointer { out in
            // Several chunks a thread, so that one slow chunk does not hold the others up.
            let chunks = fixedChunks(count: count, chunkCount: 8 * threads)
            runChunks(chunks, threads: threads) { _, range in
                for b in range { out[b] = hash(b) }
            }
        }
        return result
    }

    /// Whether blocks `a` and `b` have the same numbers (compared with `==`).
    func same(_ a: Int, _ b: Int) -> Bool {
        if variableCount[a] != variableCount[b] || rowCount[a] != rowCount[b]
            || couplingStart[a + 1] - couplingStart[a] != couplingStart[b + 1] - couplingStart[b]
        {
            return false
        }
        var numbers: [Double] = []
        forEachNumber(a) {
            numbers.append($0)
            return true
        }
        var index = 0
        return forEachNumber(b) { value in
            defer { index += 1 }
            return index < numbers.count && numbers[index] == value
        } && index == numbers.count
    }
}
