/// A linear or convex separable quadratic program under construction:
///
///     minimize    sum_j cost[j] x[j] + 1/2 quadraticCost[j] x[j]^2 + objectiveConstant
///     subject to  rowLower[i] <= sum_j a[i, j] x[j] <= rowUpper[i]
///                 lower[j] <= x[j] <= upper[j]
///
/// Bounds may be infinite; equal bounds make an equality or a fixed variable.
/// Variables and rows added between `beginBlock` and `endBlock` belong to that
/// block (one asset); the rest are coupling variables and coupling rows. A block
/// row may use only its own block's variables; coupling rows may use any.
///
/// Names are optional: variables and rows added without one get a name made
/// from their block and place when one is needed (MPS files, error messages,
/// infeasibility explanations), so large models store no string per variable.
public struct Model: Sendable {
    public var name: String
    public var objectiveConstant = 0.0
    /// True for a model read from an MPS file with `OBJSENSE MAX`: it is stored as the
    /// minimization of the negated objective, so the maximum is `-result.objective`.
    public internal(set) var negatesAMaximization = false

    var givenVariableNames = NameTable()
    public internal(set) var lower: [Double] = []
    public internal(set) var upper: [Double] = []
    public internal(set) var cost: [Double] = []
    public internal(set) var quadraticCost: [Double] = []
    /// The block of each variable, or -1 for a coupling variable.
    public internal(set) var variableBlock: [Int] = []

    var givenRowNames = NameTable()
    public internal(set) var rowLower: [Double] = []
    public internal(set) var rowUpper: [Double] = []
    public internal(set) var rowBlock: [Int] = []
    /// Row `i`'s terms are `rowStart[i]..<rowStart[i + 1]` of `termVariable`/`termValue`.
    public internal(set) var rowStart: [Int] = [0]
    public internal(set) var termVariable: [Int] = []
    public internal(set) var termValue: [Double] = []

    public internal(set) var blockNames: [String] = []
    /// First variable and first row of each block (a block's are consecutive).
    var blockFirstVariable: [Int] = []
    var blockFirstRow: [Int] = []
    var openBlock: Int?

    public init(name: String = "model") {
        self.name = name
    }

    public var variableCount: Int { lower.count }
    public var rowCount: Int { rowLower.count }
    public var blockCount: Int { blockNames.count }

    /// Reserves storage for this many more variables, rows and row terms in all.
    /// Optional; arrays grown one element at a time keep up to twice their length
    /// in capacity, which on a model of millions of variables is gigabytes.
    public mutating func reserveCapacity(variables: Int, rows: Int, terms: Int) {
        precondition(
            variables >= 0 && rows >= 0 && terms >= 0,
            "reserveCapacity: counts should be >= 0, but are \(variables), \(rows), \(terms)")
        for array in [\Model.lower, \.upper, \.cost, \.quadraticCost] {
            self[keyPath: array].reserveCapacity(variableCount + variables)
        }
        variableBlock.reserveCapacity(variableCount + variables)
        for array in [\Model.rowLower, \.rowUpper] {
            self[keyPath: array].reserveCapacity(rowCount + rows)
        }
        rowBlock.reserveCapacity(rowCount + rows)
        rowStart.reserveCapacity(rowCount + rows + 1)
        termVariable.reserveCapacity(termVariable.count + terms)
        termValue.reserveCapacity(termValue.count + terms)
    }

    /// Starts a block; everything added until `endBlock()` belongs to it.
    @discardableResult
    public mutating func beginBlock(name: String) -> BlockID {
        precondition(openBlock == nil, "beginBlock(\(name)): block already open; call endBlock()")
        blockNames.append(name)
        blockFirstVariable.append(variableCount)
        blockFirstRow.append(rowCount)
        openBlock = blockNames.count - 1
        return BlockID(index: blockNames.count - 1)
    }

    public mutating func endBlock() {
        precondition(openBlock != nil, "endBlock(): no block is open")
        openBlock = nil
    }

    /// Adds a variable named `name` (an empty name counts as none).
    @discardableResult
    public mutating func addVariable(
        name: String, lower: Double = 0, upper: Double = .infinity,
        cost: Double = 0, quadraticCost: Double = 0
    ) -> VariableID {
        if !name.isEmpty { givenVariableNames.append(name, at: variableCount) }
        return addVariable(lower: lower, upper: upper, cost: cost, quadraticCost: quadraticCost)
    }

    /// Adds a variable without a stored name (see `variableName(_:)`).
    @discardableResult
    public mutating func addVariable(
        lower: Double = 0, upper: Double = .infinity, cost: Double = 0, quadraticCost: Double = 0
    ) -> VariableID {
        self.lower.append(lower)
        self.upper.append(upper)
        self.cost.append(cost)
        self.quadraticCost.append(quadraticCost)
        variableBlock.append(openBlock ?? -1)
        return VariableID(index: self.lower.count - 1)
    }

    /// Adds `lower <= sum(coefficient * variable) <= upper`; repeated variables add up.
    /// An empty name counts as none.
    @discardableResult
    public mutating func addRow(
        name: String, terms: [(VariableID, Double)], lower: Double, upper: Double
    ) -> RowID {
        if !name.isEmpty { givenRowNames.append(name, at: rowCount) }
        return addRow(terms: terms, lower: lower, upper: upper)
    }

    /// Adds a row without a stored name (see `rowName(_:)`).
    @discardableResult
    public mutating func addRow(
        terms: [(VariableID, Double)], lower: Double, upper: Double
    ) -> RowID {
        for (variable, value) in terms {
            precondition(
                variable.index >= 0 && variable.index < variableCount,
                "addRow(\(givenRowNames.name(at: rowCount) ?? "row \(rowCount)")): variable index "
                    + "\(variable.index) is not in this model")
            termVariable.append(variable.index)
            termValue.append(value)
        }
        rowStart.append(termVariable.count)
        rowLower.append(lower)
        rowUpper.append(upper)
        rowBlock.append(openBlock ?? -1)
        return RowID(index: rowLower.count - 1)
    }

    public mutating func setBounds(_ variable: VariableID, lower: Double, upper: Double) {
        self.lower[variable.index] = lower
        self.upper[variable.index] = upper
    }

    public mutating func setCost(_ variable: VariableID, linear: Double, quadratic: Double = 0) {
        cost[variable.index] = linear
        quadraticCost[variable.index] = quadratic
    }

    /// The objective `c'x + 1/2 x'Qx + constant` at `x` (one value per variable).
    public func objective(at x: [Double]) -> Double {
        var total = objectiveConstant
        for j in 0..<variableCount {
            total += cost[j] * x[j] + 0.5 * quadraticCost[j] * x[j] * x[j]
        }
        return total
    }

    /// Row activities `a_i x` at `x`.
    public func rowActivity(at x: [Double]) -> [Double] {
        (0..<rowCount).map { i in
            (rowStart[i]..<rowStart[i + 1]).reduce(0.0) { $0 + termValue[$1] * x[termVariable[$1]] }
        }
    }
}
