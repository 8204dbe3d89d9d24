/// Names given explicitly to some variables or rows of a model, kept sparsely:
/// a model of a city-size fleet has tens of millions of variables, and one
/// `String` each would cost more memory than the solve itself. Entries are
/// appended in increasing index order, so lookup is a binary search.
struct NameTable: Sendable {
    private var indices: [Int32] = []
    private var names: [String] = []

    var count: Int { names.count }

    /// Records `name` for `index`; `index` must exceed every index recorded before.
    mutating func append(_ name: String, at index: Int) {
        precondition(
            index < Int(Int32.max) && (indices.last.map { Int($0) < index } ?? true),
            "NameTable.append: index \(index) should be increasing and below 2^31")
        indices.append(Int32(index))
        names.append(name)
    }

    /// The name recorded for `index`, if any.
    func name(at index: Int) -> String? {
        var low = 0
        var high = indices.count
        while low < high {
            let mid = (low + high) / 2
            if Int(indices[mid]) < index { low = mid + 1 } else { high = mid }
        }
        return low < indices.count && Int(indices[low]) == index ? names[low] : nil
    }
}

extension Model {
    /// The name of variable `index`: the one given to `addVariable(name:...)`, or
    /// one made from its place: `<block>_x<k>` for the k-th variable of a block
    /// (counted from 0), `x<index>` for a coupling variable.
    public func variableName(_ index: Int) -> String {
        if let given = givenVariableNames.name(at: index) { return given }
        let b = variableBlock[index]
        if b < 0 { return "x\(index)" }
        return "\(blockNames[b])_x\(index - blockFirstVariable[b])"
    }

    /// The name of row `index`: the one given to `addRow(name:...)`, or
    /// `<block>_r<k>` for the k-th row of a block, `r<index>` for a coupling row.
    public func rowName(_ index: Int) -> String {
        if let given = givenRowNames.name(at: index) { return given }
        let b = rowBlock[index]
        if b < 0 { return "r\(index)" }
        return "\(blockNames[b])_r\(index - blockFirstRow[b])"
    }

    /// Every variable's name (built on each call; prefer `variableName(_:)`).
    public var variableNames: [String] { (0..<variableCount).map(variableName) }

    /// Every row's name (built on each call; prefer `rowName(_:)`).
    public var rowNames: [String] { (0..<rowCount).map(rowName) }

    /// The name given to variable `index`, or nil when it was added without one.
    func givenVariableName(_ index: Int) -> String? { givenVariableNames.name(at: index) }

    /// The name given to row `index`, or nil when it was added without one.
    func givenRowName(_ index: Int) -> String? { givenRowNames.name(at: index) }
}
