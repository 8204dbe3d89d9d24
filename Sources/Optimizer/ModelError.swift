/// A model that cannot be solved as given; each case names what is wrong.
public enum ModelError: Error, Equatable, CustomStringConvertible {
    /// A variable's lower bound exceeds its upper bound, or a bound is NaN.
    case invalidBounds(variable: String, lower: Double, upper: Double)
    /// A row's lower bound exceeds its upper bound, or a bound is NaN.
    case invalidRowBounds(row: String, lower: Double, upper: Double)
    /// A cost is not finite, or a quadratic cost is negative (the problem would not be convex).
    case invalidCost(variable: String, linear: Double, quadratic: Double)
    /// A coefficient is not finite.
    case invalidCoefficient(row: String, variable: String, value: Double)
    /// A row inside a block uses a variable of another block or a coupling variable.
    case rowLeavesBlock(row: String, block: String, variable: String)
    /// `endBlock()` was not called for this block before solving.
    case unclosedBlock(block: String)
    /// The general path would need a dense matrix larger than allowed.
    case tooLargeForGeneralPath(rows: Int, limit: Int, reason: String)

    public var description: String {
        switch self {
        case .invalidBounds(let v, let l, let u):
            return "variable '\(v)': bounds [\(l), \(u)] are empty or NaN; need lower <= upper"
        case .invalidRowBounds(let r, let l, let u):
            return "row '\(r)': bounds [\(l), \(u)] are empty or NaN; need lower <= upper"
        case .invalidCost(let v, let c, let q):
            return "variable '\(v)': cost \(c), quadratic cost \(q); need finite costs and "
                + "quadratic cost >= 0 (convex)"
        case .invalidCoefficient(let r, let v, let value):
            return "row '\(r)', variable '\(v)': coefficient \(value) is not finite"
        case .rowLeavesBlock(let r, let b, let v):
            return "row '\(r)' of block '\(b)' uses variable '\(v)' from outside the block; "
                + "make it a coupling row (add it outside beginBlock/endBlock)"
        case .tooLargeForGeneralPath(let rows, let limit, let reason):
            return "the general path handles at most \(limit) rows (maxGeneralPathRows) but the "
                + "model has \(rows)\(reason); declare blocks (beginBlock/endBlock) to use the "
                + "structured path, or raise maxGeneralPathRows if memory allows"
        case .unclosedBlock(let b):
            return "block '\(b)' was begun but not ended; call endBlock() before solving"
        }
    }
}
