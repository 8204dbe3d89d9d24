extension Model {
    /// Throws the first problem found in the model's data or block structure.
    public func validate() throws {
        if let open = openBlock { throw ModelError.unclosedBlock(block: blockNames[open]) }
        for j in 0..<variableCount {
            if !(lower[j] <= upper[j]) || lower[j] == .infinity || upper[j] == -.infinity {
                throw ModelError.invalidBounds(
                    variable: variableName(j), lower: lower[j], upper: upper[j])
            }
            if !cost[j].isFinite || !quadraticCost[j].isFinite || quadraticCost[j] < 0 {
                throw ModelError.invalidCost(
                    variable: variableName(j), linear: cost[j], quadratic: quadraticCost[j])
            }
        }
        for i in 0..<rowCount {
            if !(rowLower[i] <= rowUpper[i]) || rowLower[i] == .infinity
                || rowUpper[i] == -.infinity
            {
                throw ModelError.invalidRowBounds(
                    row: rowName(i), lower: rowLower[i], upper: rowUpper[i])
            }
            for k in rowStart[i]..<rowStart[i + 1] {
                let j = termVariable[k]
                if !termValue[k].isFinite {
                    throw ModelError.invalidCoefficient(
                        row: rowName(i), variable: variableName(j), value: termValue[k])
                }
                if rowBlock[i] >= 0 && variableBlock[j] != rowBlock[i] {
                    throw ModelError.rowLeavesBlock(
                        row: rowName(i), block: blockNames[rowBlock[i]],
                        variable: variableName(j))
                }
            }
        }
    }
}
