/// Grouping of blocks by identical data, for `BlockMerge`.
extension BlockMerge {
    /// Groups of block indices with identical data, each in increasing order,
    /// ordered by their first block.
    static func groups(_ model: Model) -> [[Int]] {
        let variables = members(model.variableBlock, model.blockCount)
        let rows = members(model.rowBlock, model.blockCount)
        var couplingTerms = Array(repeating: [Double](), count: model.blockCount)
        for i in 0..<model.rowCount where model.rowBlock[i] < 0 {
            for k in model.rowStart[i]..<model.rowStart[i + 1] {
                let j = model.termVariable[k]
                let b = model.variableBlock[j]
                if b < 0 { continue }
                let local = Double(j - (variables[b].first ?? 0))
                couplingTerms[b].append(contentsOf: [Double(i), local, model.termValue[k]])
            }
        }
        // Keys are hashed and only the hash is kept; equal hashes are confirmed by
        // recomputing the first block's key, so memory stays O(1) per block.
        func key(_ b: Int) -> [Double] {
            signature(model, b, variables[b], rows[b]) + couplingTerms[b]
        }
        var byHash: [Int: [Int]] = [:]
        var groups: [[Int]] = []
        for b in 0..<model.blockCount {
            let k = key(b)
            let candidates = byHash[k.hashValue, default: []]
            if let g = candidates.first(where: { key(groups[$0][0]) == k }) {
                groups[g].append(b)
            } else {
                byHash[k.hashValue, default: []].append(groups.count)
                groups.append([b])
            }
        }
        return groups
    }

    /// Every number describing block `b`, relative to its first variable.
    private static func signature(
        _ model: Model, _ b: Int, _ variables: [Int], _ rows: [Int]
    ) -> [Double] {
        let first = variables.first ?? 0
        var key: [Double] = [Double(variables.count), Double(rows.count)]
        for j in variables {
            key += [model.lower[j], model.upper[j], model.cost[j], model.quadraticCost[j]]
        }
        for i in rows {
            key += [
                model.rowLower[i], model.rowUpper[i],
                Double(model.rowStart[i + 1] - model.rowStart[i]),
            ]
            for k in model.rowStart[i]..<model.rowStart[i + 1] {
                key += [Double(model.termVariable[k] - first), model.termValue[k]]
            }
        }
        return key
    }
}
