/// Explaining primal infeasibility from the Farkas ray the iterations found.
///
/// The ray `(y, zl, zu)` weights rows and bounds so that their combination is
/// contradictory; the parts with weight are the ones involved. It is the iterate's
/// duals, or the row duals of the last step with the bound multipliers that
/// `A'y + zl - zu = 0` asks of them (`|zl_j| + |zu_j| = |(A'y)_j|`). Weights are
/// summed per block (its rows and bounds), per coupling row (with its bounds)
/// and per coupling variable. The heaviest blocks are then solved alone: a
/// block infeasible by itself is the cause, whatever the coupling rows say.
extension Model {
    /// How many of the heaviest blocks are re-solved alone (each is small).
    static let blocksCheckedAlone = 5

    func explainInfeasibility(
        _ form: StandardForm, _ point: IPMIterate, farkasRay: [Double]?, settings: SolverSettings
    ) -> InfeasibilityExplanation {
        let rowRay = farkasRay ?? point.y
        // For a ray of row duals alone, the bound multipliers' weight is |(A'y)_j|.
        let columnRay = farkasRay.map { form.a.multiplyTransposed($0) }
        var blockWeight = Array(repeating: 0.0, count: blockCount)
        var rowWeight = Array(repeating: 0.0, count: rowCount)
        var variableWeight = Array(repeating: 0.0, count: variableCount)
        for r in 0..<form.m {
            let w = abs(rowRay[r])
            let b = Int(form.rowBlock[r])
            if b >= 0 { blockWeight[b] += w } else { rowWeight[Int(form.rowModelRow[r])] += w }
        }
        for j in 0..<form.n {
            let w = columnRay.map { abs($0[j]) } ?? abs(point.zl[j]) + abs(point.zu[j])
            let b = Int(form.columnBlock[j])
            if b >= 0 {
                blockWeight[b] += w
            } else if form.columnVariable[j] >= 0 {
                variableWeight[Int(form.columnVariable[j])] += w
            } else {
                let r = Int(form.a.rowIndex[form.a.columnStart[j]])
                rowWeight[Int(form.rowModelRow[r])] += w
            }
        }
        let total = blockWeight.reduce(0, +) + rowWeight.reduce(0, +) + variableWeight.reduce(0, +)
        guard total > 0 else {
            return InfeasibilityExplanation(
                summary: "infeasible, but the certificate carries no weight to explain it",
                blocksInfeasibleAlone: [], contributions: [])
        }

        var parts: [InfeasibilityExplanation.Contribution] = []
        let significant = 1e-6  // shares below this are numerical noise in the ray
        for b in 0..<blockCount where blockWeight[b] / total > significant {
            parts.append(.init(kind: .block, name: blockNames[b], weight: blockWeight[b] / total))
        }
        for i in 0..<rowCount where rowWeight[i] / total > significant {
            let kind: InfeasibilityExplanation.Kind = blockCount > 0 ? .couplingRow : .row
            parts.append(.init(kind: kind, name: rowName(i), weight: rowWeight[i] / total))
        }
        for j in 0..<variableCount where variableWeight[j] / total > significant {
            parts.append(
                .init(
                    kind: .couplingVariable, name: variableName(j),
                    weight: variableWeight[j] / total))
        }
        parts.sort { ($0.weight, $1.name) > ($1.weight, $0.name) }

        let heaviest = parts.filter { $0.kind == .block }.prefix(Self.blocksCheckedAlone)
        let alone = heaviest.compactMap { part -> String? in
            guard let b = blockNames.firstIndex(of: part.name) else { return nil }
            return blockIsInfeasibleAlone(b, settings) ? part.name : nil
        }
        return InfeasibilityExplanation(
            summary: summary(parts, alone), blocksInfeasibleAlone: alone, contributions: parts)
    }

    private func summary(
        _ parts: [InfeasibilityExplanation.Contribution], _ alone: [String]
    ) -> String {
        if let first = alone.first {
            let others =
                alone.count > 1 ? " (also: \(alone.dropFirst().joined(separator: ", ")))" : ""
            return "block '\(first)' is infeasible on its own: its rows and bounds "
                + "cannot all hold\(others)"
        }
        let rows = parts.filter { $0.kind == .couplingRow || $0.kind == .row }.prefix(3)
        let blocks = parts.filter { $0.kind == .block }.prefix(3)
        if blockCount > 0 && !rows.isEmpty {
            return "coupling rows " + rows.map { "'\($0.name)'" }.joined(separator: ", ")
                + " cannot be met within the blocks' limits; most involved blocks: "
                + blocks.map { "'\($0.name)'" }.joined(separator: ", ")
        }
        return "the rows " + rows.map { "'\($0.name)'" }.joined(separator: ", ")
            + " conflict with the variable bounds"
    }

    /// Solves block `b`'s rows and bounds alone, without costs or coupling rows.
    private func blockIsInfeasibleAlone(_ b: Int, _ settings: SolverSettings) -> Bool {
        var alone = Model(name: blockNames[b])
        var map: [Int: VariableID] = [:]
        for j in 0..<variableCount where variableBlock[j] == b {
            map[j] = alone.addVariable(name: variableName(j), lower: lower[j], upper: upper[j])
        }
        for i in 0..<rowCount where rowBlock[i] == b {
            let terms = (rowStart[i]..<rowStart[i + 1]).map {
                (map[termVariable[$0]]!, termValue[$0])
            }
            alone.addRow(name: rowName(i), terms: terms, lower: rowLower[i], upper: rowUpper[i])
        }
        var general = settings
        general.path = .general
        return (try? alone.solve(settings: general))?.status == .primalInfeasible
    }
}
