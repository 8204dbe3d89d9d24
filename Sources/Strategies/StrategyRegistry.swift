import Engine
import OptimalDispatch

/// The strategies the command line knows, by name.
///
/// A researcher's own strategy is added here with one line; see docs/strategies.md.
public enum StrategyRegistry {
    public struct Entry: Sendable {
        public let name: String
        public let summary: String
    }

    public static let entries: [Entry] = [
        Entry(name: "uncontrolled", summary: "EVs charge at full power on arrival up to their "
            + "departure target, batteries idle, "
            + "appliances at their preferred times; the reference run"),
        Entry(name: "rule-based", summary: "peak shaving: batteries discharge above a daily "
            + "threshold and charge in the valley, EVs charge in low-price hours while still "
            + "meeting departure energy, appliances move out of the peak window"),
        Entry(name: "optimal", summary: "perfect foresight over the whole horizon, solved with "
            + "vppsim's interior-point optimiser; the bound other strategies are measured against"),
        Entry(name: "mpc", summary: "model-predictive control: re-plans every interval over a "
            + "look-ahead window on forecasts and applies the first steps"),
    ]

    public static var names: [String] { entries.map(\.name) }

    /// A fresh strategy for `name`, or nil when no strategy has that name.
    /// - Parameters:
    ///   - stepMinutes: the run's step, to turn the MPC's minutes and hours into steps.
    ///   - referencePeakKW: the uncontrolled run's peak, for the optimiser's target mode.
    public static func make(
        name: String, settings: StrategySettings = StrategySettings(), stepMinutes: Int = 15,
        referencePeakKW: Double = 0
    ) -> (any DispatchStrategy)? {
        var objective = settings.objective
        objective.peakTarget?.referencePeakKW = referencePeakKW
        switch name {
        case "uncontrolled":
            return UncontrolledStrategy()
        case "rule-based":
            return RuleBasedStrategy(settings: settings.ruleBased)
        case "optimal":
            return PredictiveStrategy(name: name, objective: objective)
        case "mpc":
            let mpc = settings.mpc
            return PredictiveStrategy(
                name: name, objective: objective, forecast: mpc.forecast,
                replanEverySteps: max(1, mpc.replanEveryMinutes / stepMinutes),
                lookaheadSteps: max(
                    1, Int((mpc.lookaheadHours * 60 / Double(stepMinutes)).rounded())))
        default:
            return nil
        }
    }
}
