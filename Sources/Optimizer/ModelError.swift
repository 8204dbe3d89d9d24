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

    public var description: String {
        switch self {
        case let .invalidBounds(v, l, u):
            return "variable '\(v)': bounds [\(l), \(u)] are empty or NaN; need lower <= upper"
        case let .invalidRowBounds(r, l, u):
            return "row '\(r)': bounds [\(l), \(u)] are empty or NaN; need lower <= upper"
        case let .invalidCost(v, c, q):
            return "variable '\(v)': cost \(c), quadratic cost \(q); need finite costs and "
                + "quadratic cost >= 0 (convex)"
        case let .invalidCoefficient(r, v, value):
            return "row '\(r)', variable '\(v)': coefficient \(value) is not finite"
        case let .rowLeavesBlock(r, b, v):
            return "row '\(r)' of block '\(b)' uses variable '\(v)' from outside the block; "
                + "make it a coupling row (add it outside beginBlock/endBlock)"
        case let .unclosedBlock(b):
            return "block '\(b)' was begun but not ended; call endBlock() before solving"
        }
    }
}
