/// Why a model is primal infeasible, in terms a user can act on.
public struct InfeasibilityExplanation: Sendable, CustomStringConvertible {
    /// Which kind of model part carries weight in the infeasibility certificate.
    public enum Kind: String, Sendable {
        /// A block (asset): its rows and bounds together.
        case block
        /// A coupling row (shared across blocks).
        case couplingRow
        /// A row outside any block structure (models without blocks).
        case row
        /// The bounds of a coupling variable.
        case couplingVariable
    }

    public struct Contribution: Sendable {
        public var kind: Kind
        public var name: String
        /// Share of the certificate's weight, in (0, 1].
        public var weight: Double
    }

    /// One sentence naming the most likely cause.
    public var summary: String
    /// Blocks that are infeasible even without the coupling rows.
    public var blocksInfeasibleAlone: [String]
    /// The parts the certificate involves, largest weight first.
    public var contributions: [Contribution]

    public var description: String {
        var lines = [summary]
        for c in contributions.prefix(10) {
            lines.append("  \(c.kind.rawValue) '\(c.name)': weight \(c.weight)")
        }
        return lines.joined(separator: "\n")
    }
}
