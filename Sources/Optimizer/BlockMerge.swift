/// Merges blocks whose data are identical (bounds, costs, rows, and coupling
/// coefficients in the same coupling rows) into one block with a multiplicity.
///
/// With `w` identical copies, the reduced model keeps one copy with its costs
/// and coupling coefficients multiplied by `w`. By convexity, a solution where
/// all copies take the same values is optimal, so the reduced optimum expanded
/// back is an optimum of the original. Row duals of the kept block's rows come
/// back divided by `w`. Identical assets therefore cost no more than one.
struct BlockMerge {
    let reduced: Model
    /// Reduced variable of each original variable.
    let variableMap: [Int]
    /// Reduced row of each original row.
    let rowMap: [Int]
    /// Multiplicity of the block each original row belongs to (1 for coupling rows).
    let rowWeight: [Double]

    /// `groups` from `BlockMerge.groups(model)`; build only when some group has
    /// two or more blocks (the reduced model is a copy).
    init(_ model: Model, groups: [[Int]]) {
        var representative = Array(repeating: -1, count: model.blockCount)
        var weight = Array(repeating: 1.0, count: model.blockCount)
        for group in groups {
            for b in group {
                representative[b] = group[0]
                weight[b] = Double(group.count)
            }
        }

        var reduced = Model(name: model.name)
        reduced.objectiveConstant = model.objectiveConstant
        var variableMap = Array(repeating: -1, count: model.variableCount)
        var rowMap = Array(repeating: -1, count: model.rowCount)
        let blockVariables = Self.members(model.variableBlock, model.blockCount)
        let blockRows = Self.members(model.rowBlock, model.blockCount)
        for group in groups {
            let b = group[0]
            let w = Double(group.count)
            reduced.beginBlock(
                name: group.count > 1
                    ? "\(model.blockNames[b]) (x\(group.count))" : model.blockNames[b])
            for j in blockVariables[b] {
                variableMap[j] =
                    reduced.addVariable(
                        name: model.givenVariableName(j) ?? "", lower: model.lower[j],
                        upper: model.upper[j], cost: w * model.cost[j],
                        quadraticCost: w * model.quadraticCost[j]
                    ).index
            }
            for i in blockRows[b] {
                rowMap[i] = Self.copyRow(i, of: model, into: &reduced, variableMap, scale: 1)
            }
            reduced.endBlock()
            for member in group.dropFirst() {
                for (k, j) in blockVariables[member].enumerated() {
                    variableMap[j] = variableMap[blockVariables[b][k]]
                }
                for (k, i) in blockRows[member].enumerated() { rowMap[i] = rowMap[blockRows[b][k]] }
            }
        }
        for j in 0..<model.variableCount where model.variableBlock[j] < 0 {
            variableMap[j] =
                reduced.addVariable(
                    name: model.variableName(j), lower: model.lower[j], upper: model.upper[j],
                    cost: model.cost[j], quadraticCost: model.quadraticCost[j]
                ).index
        }
        for i in 0..<model.rowCount where model.rowBlock[i] < 0 {
            var terms: [(VariableID, Double)] = []
            for k in model.rowStart[i]..<model.rowStart[i + 1] {
                let j = model.termVariable[k]
                let b = model.variableBlock[j]
                if b >= 0 && representative[b] != b { continue }
                let w = b >= 0 ? weight[b] : 1
                terms.append((VariableID(index: variableMap[j]), w * model.termValue[k]))
            }
            rowMap[i] =
                reduced.addRow(
                    name: model.rowName(i), terms: terms, lower: model.rowLower[i],
                    upper: model.rowUpper[i]
                ).index
        }
        self.reduced = reduced
        self.variableMap = variableMap
        self.rowMap = rowMap
        rowWeight = model.rowBlock.map { $0 >= 0 ? weight[$0] : 1 }
    }

    private static func copyRow(
        _ i: Int, of model: Model, into reduced: inout Model, _ variableMap: [Int], scale: Double
    ) -> Int {
        let terms = (model.rowStart[i]..<model.rowStart[i + 1]).map {
            (VariableID(index: variableMap[model.termVariable[$0]]), scale * model.termValue[$0])
        }
        return reduced.addRow(
            name: model.givenRowName(i) ?? "", terms: terms, lower: model.rowLower[i],
            upper: model.rowUpper[i]
        ).index
    }

    static func members(_ owner: [Int], _ count: Int) -> [[Int]] {
        var lists = Array(repeating: [Int](), count: count)
        for (index, b) in owner.enumerated() where b >= 0 { lists[b].append(index) }
        return lists
    }

    /// Maps the reduced solution back onto the original model.
    func expand(_ result: inout SolveResult, original: Model) {
        result.x = variableMap.map { result.x[$0] }
        result.rowDuals = (0..<original.rowCount).map {
            result.rowDuals[rowMap[$0]] / rowWeight[$0]
        }
        result.iterates = result.iterates.map { xs in variableMap.map { xs[$0] } }
        result.objective = original.objective(at: result.x)
        var reducedCosts = (0..<original.variableCount).map {
            original.cost[$0] + original.quadraticCost[$0] * result.x[$0]
        }
        for i in 0..<original.rowCount {
            for k in original.rowStart[i]..<original.rowStart[i + 1] {
                reducedCosts[original.termVariable[k]] -= original.termValue[k] * result.rowDuals[i]
            }
        }
        result.reducedCosts = reducedCosts
        result.pathDescription +=
            "; \(original.blockCount) blocks merged into \(reduced.blockCount)"
    }
}
