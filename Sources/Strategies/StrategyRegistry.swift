import Engine

/// The strategies the command line knows, by name.
///
/// A researcher's own strategy is added here with one line; see docs/strategies.md.
public enum StrategyRegistry {
    public struct Entry: Sendable {
        public let name: String
        public let summary: String
    }

    public static let entries: [Entry] = [
        Entry(name: "uncontrolled", summary: "EVs charge at full power on arrival, batteries idle, "
            + "appliances at their preferred times; the reference run"),
        Entry(name: "rule-based", summary: "peak shaving: batteries discharge above a daily "
            + "threshold and charge in the valley, EVs charge in low-price hours while still "
            + "meeting departure energy, appliances move out of the peak window"),
    ]

    public static var names: [String] { entries.map(\.name) }

    /// A fresh strategy for `name`, or nil when no strategy has that name.
    public static func make(
        name: String, ruleBased: RuleBasedSettings = RuleBasedSettings()
    ) -> (any DispatchStrategy)? {
        switch name {
        case "uncontrolled": UncontrolledStrategy()
        case "rule-based": RuleBasedStrategy(settings: ruleBased)
        default: nil
        }
    }
}
