/// Grouping of blocks by identical data, for `BlockMerge`.
///
/// Each block's data are hashed as they are read, and blocks with equal hashes
/// are compared number by number, so no copy of the data is made: on a fleet of
/// 100,000 assets a key array per block would take more memory than the solve.
extension BlockMerge {
    /// Groups of block indices with identical data, each in increasing order,
    /// ordered by their first block.
    static func groups(_ model: Model) -> [[Int]] {
        let data = BlockData(model)
        var byHash: [Int: [Int]] = [:]
        var groups: [[Int]] = []
        for b in 0..<model.blockCount {
            let h = data.hash(b)
            let candidates = byHash[h, default: []]
            if let g = candidates.first(where: { data.same(groups[$0][0], b) }) {
                groups[g].append(b)
            } else {
                byHash[h, default: []].append(groups.count)
                groups.append([b])
            }
        }
        return groups
    }
}

/// Where each block's data are in a model: its variables and rows (consecutive),
/// and its terms in coupling rows.
private struct BlockData {
    let model: Model
    var variableCount: [Int]
    var rowCount: [Int]
    /// Block `b`'s coupling terms (indices into the model's terms, in row order) are
    /// `couplingTerm[couplingStart[b]..<couplingStart[b + 1]]`, in rows `couplingRow`.
    var couplingStart: [Int]
    var couplingTerm: [Int32]
    var couplingRow: [Int32]

    init(_ model: Model) {
        precondition(
            model.termVariable.count < Int(Int32.max) && model.rowCount < Int(Int32.max),
            "BlockMerge: too many terms or rows for 32-bit indices")
        self.model = model
        let blocks = model.blockCount
        variableCount = Array(repeating: 0, count: blocks)
        rowCount = Array(repeating: 0, count: blocks)
        for b in model.variableBlock where b >= 0 { variableCount[b] += 1 }
        for b in model.rowBlock where b >= 0 { rowCount[b] += 1 }
        couplingStart = Array(repeating: 0, count: blocks + 1)
        let couplingRows = (0..<model.rowCount).filter { model.rowBlock[$0] < 0 }
        for i in couplingRows {
            for k in model.rowStart[i]..<model.rowStart[i + 1] {
                let b = model.variableBlock[model.termVariable[k]]
                if b >= 0 { couplingStart[b + 1] += 1 }
            }
        }
        for b in 0..<blocks { couplingStart[b + 1] += couplingStart[b] }
        var next = couplingStart
        couplingTerm = Array(repeating: 0, count: couplingStart[blocks])
        couplingRow = couplingTerm
        for i in couplingRows {
            for k in model.rowStart[i]..<model.rowStart[i + 1] {
                let b = model.variableBlock[model.termVariable[k]]
                if b < 0 { continue }
                couplingTerm[next[b]] = Int32(k)
                couplingRow[next[b]] = Int32(i)
                next[b] += 1
            }
        }
    }

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

    func hash(_ b: Int) -> Int {
        var hasher = Hasher()
        forEachNumber(b) {
            hasher.combine($0)
            return true
        }
        return hasher.finalize()
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
