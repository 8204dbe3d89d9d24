import Foundation

/// Writes models in free MPS format, readable by HiGHS and most solvers.
///
/// Conventions: the objective row is `COST`; its right-hand side holds the
/// negated objective constant (the convention HiGHS reads and writes);
/// separable quadratic costs go to `QUADOBJ` as `1/2 x'Qx`. Block structure is
/// not representable in MPS and is not written. Names have spaces replaced by
/// underscores; variables and rows without a name get the one `variableName(_:)`
/// and `rowName(_:)` make from their block and place.
extension Model {
    public func mpsText() -> String {
        var out = "NAME \(mpsName(name.isEmpty ? "MODEL" : name))\nROWS\n N  COST\n"
        let colNames = (0..<variableCount).map { mpsName(variableName($0)) }
        let rowNamesOut = (0..<rowCount).map { mpsName(rowName($0)) }
        for i in 0..<rowCount { out += " \(rowType(i))  \(rowNamesOut[i])\n" }

        var columnTerms = Array(repeating: [(Int, Double)](), count: variableCount)
        for i in 0..<rowCount {
            for k in rowStart[i]..<rowStart[i + 1] {
                columnTerms[termVariable[k]].append((i, termValue[k]))
            }
        }
        out += "COLUMNS\n"
        for j in 0..<variableCount {
            if cost[j] != 0 { out += "    \(colNames[j])  COST  \(cost[j])\n" }
            for (i, v) in columnTerms[j] { out += "    \(colNames[j])  \(rowNamesOut[i])  \(v)\n" }
        }
        out += "RHS\n"
        if objectiveConstant != 0 { out += "    RHS  COST  \(-objectiveConstant)\n" }
        var ranges = ""
        for i in 0..<rowCount {
            let (l, u) = (rowLower[i], rowUpper[i])
            let rhs = l.isFinite ? l : (u.isFinite ? u : 0)
            if rhs != 0 { out += "    RHS  \(rowNamesOut[i])  \(rhs)\n" }
            if l.isFinite && u.isFinite && l != u {
                ranges += "    RNG  \(rowNamesOut[i])  \(u - l)\n"
            }
        }
        if !ranges.isEmpty { out += "RANGES\n" + ranges }
        out += "BOUNDS\n"
        for j in 0..<variableCount { out += boundLines(j, colNames[j]) }
        if quadraticCost.contains(where: { $0 != 0 }) {
            out += "QUADOBJ\n"
            for j in 0..<variableCount where quadraticCost[j] != 0 {
                out += "    \(colNames[j])  \(colNames[j])  \(quadraticCost[j])\n"
            }
        }
        return out + "ENDATA\n"
    }

    /// Writes `mpsText()` to `path`.
    public func writeMPS(to path: String) throws {
        try mpsText().write(toFile: path, atomically: true, encoding: .utf8)
    }

    private func rowType(_ i: Int) -> String {
        let (l, u) = (rowLower[i], rowUpper[i])
        if l == u { return "E" }
        if l.isFinite { return "G" }
        return u.isFinite ? "L" : "N"
    }

    private func boundLines(_ j: Int, _ name: String) -> String {
        let (l, u) = (lower[j], upper[j])
        if l == u { return " FX BND  \(name)  \(l)\n" }
        if l == -.infinity && u == .infinity { return " FR BND  \(name)\n" }
        var lines = ""
        if l == -.infinity {
            lines += " MI BND  \(name)\n"
        } else if l != 0 {
            lines += " LO BND  \(name)  \(l)\n"
        }
        if u.isFinite { lines += " UP BND  \(name)  \(u)\n" }
        return lines
    }

    private func mpsName(_ name: String) -> String {
        name.replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "\t", with: "_")
    }
}
