import InputData
import OptimalDispatch
import Strategies
import VPPCore

/// The `strategy` section: which strategy, and the settings of each.
enum StrategySection {
    static let keys = ["name", "ruleBased", "objective", "mpc", "source"]
    static let ruleBasedKeys = [
        "peakThresholdKW", "curtailOnlyInPeakWindow", "preCoolHours", "source",
    ]
    static let objectiveKeys = [
        "peakChargePerKW", "degradationCostPerKWh", "unmetEVPenaltyPerKWh", "curtailmentCostScale",
        "smoothingPerKW2", "peakTarget", "discomfortPenaltyPerDegreeHour", "source",
    ]
    static let targetKeys = ["reductionFraction", "shortfallPenaltyPerKWh", "source"]
    static let mpcKeys = ["replanEveryMinutes", "lookaheadHours", "forecast", "source"]
    static let forecastKeys = [
        "baseLoad", "baseLoadError", "pv", "pvError", "wind", "windError", "source",
    ]

    static func read(
        _ reader: FieldReader?, stepMinutes: Int
    ) throws -> (name: String, settings: StrategySettings) {
        let name = try reader?.choice(
            "name", from: StrategyRegistry.names, default: "rule-based") ?? "rule-based"
        var settings = StrategySettings()
        if let rules = try reader?.optionalObject("ruleBased", allowed: ruleBasedKeys) {
            settings.ruleBased = RuleBasedSettings(
                peakThresholdKW: rules.has("peakThresholdKW")
                    ? try rules.positive("peakThresholdKW") : nil,
                curtailOnlyInPeakWindow: try rules.bool("curtailOnlyInPeakWindow", default: true),
                preCoolHours: try rules.number(
                    "preCoolHours", in: 0...24, allowed: "hours from 0 to 24", default: 2))
        }
        if let objective = try reader?.optionalObject("objective", allowed: objectiveKeys) {
            settings.objective = try readObjective(objective)
        }
        if let mpc = try reader?.optionalObject("mpc", allowed: mpcKeys) {
            settings.mpc = try readMPC(mpc, stepMinutes: stepMinutes)
        }
        return (name, settings)
    }

    private static func readObjective(_ reader: FieldReader) throws -> DispatchObjective {
        let defaults = DispatchObjective()
        var target: PeakTarget?
        if let section = try reader.optionalObject("peakTarget", allowed: targetKeys) {
            let fraction = try section.number(
                "reductionFraction", in: 0...1, allowed: "a fraction from 0 to 1 (0.05 = 5 %)",
                default: 0.05)
            target = PeakTarget(
                reductionFraction: fraction,
                shortfallPenaltyPerKWh: try section.positive(
                    "shortfallPenaltyPerKWh", default: 1000))
        }
        return DispatchObjective(
            peakChargePerKW: try reader.nonNegative(
                "peakChargePerKW", default: defaults.peakChargePerKW),
            degradationCostPerKWh: try reader.nonNegative(
                "degradationCostPerKWh", default: defaults.degradationCostPerKWh),
            unmetEVPenaltyPerKWh: try reader.nonNegative(
                "unmetEVPenaltyPerKWh", default: defaults.unmetEVPenaltyPerKWh),
            curtailmentCostScale: try reader.nonNegative(
                "curtailmentCostScale", default: defaults.curtailmentCostScale),
            smoothingPerKW2: try reader.nonNegative(
                "smoothingPerKW2", default: defaults.smoothingPerKW2),
            peakTarget: target,
            discomfortPenaltyPerDegreeHour: try reader.nonNegative(
                "discomfortPenaltyPerDegreeHour",
                default: defaults.discomfortPenaltyPerDegreeHour))
    }

    private static func readMPC(_ reader: FieldReader, stepMinutes: Int) throws -> MPCSettings {
        let defaults = MPCSettings()
        let replan = try reader.integer(
            "replanEveryMinutes", in: 1...525_600,
            default: max(defaults.replanEveryMinutes, stepMinutes))
        guard replan % stepMinutes == 0 else {
            throw reader.inconsistency("replanEveryMinutes", "\(replan) is not a whole number of "
                + "\(stepMinutes)-minute steps")
        }
        let lookahead = try reader.positive("lookaheadHours", default: defaults.lookaheadHours)
        guard lookahead * 60 >= Double(replan) else {
            throw reader.inconsistency(
                "lookaheadHours", "a look-ahead of \(formatNumber(lookahead)) h is "
                    + "shorter than the re-plan interval of \(replan) min")
        }
        var forecast = ForecastSettings()
        if let section = try reader.optionalObject("forecast", allowed: forecastKeys) {
            forecast.baseLoad = try method(section, "baseLoad", errorKey: "baseLoadError")
            forecast.pv = try method(section, "pv", errorKey: "pvError")
            forecast.wind = try method(section, "wind", errorKey: "windError")
        }
        return MPCSettings(
            replanEveryMinutes: replan, lookaheadHours: lookahead, forecast: forecast)
    }

    private static func method(
        _ reader: FieldReader, _ key: String, errorKey: String
    ) throws -> ForecastMethod {
        let choice = try reader.choice(
            key, from: ["perfect", "persistence", "noisy"], default: "perfect")
        if choice != "noisy" && reader.has(errorKey) {
            throw reader.inconsistency(
                errorKey, "\(errorKey) is only used when \(key) is \"noisy\"; remove it, "
                    + "or set \(key) to \"noisy\"")
        }
        switch choice {
        case "persistence": return .persistence
        case "noisy": return .noisy(relativeError: try reader.number(
            errorKey, in: 0...10, allowed: "a relative error from 0 to 10 (0.1 = 10 %)"))
        default: return .perfect
        }
    }
}
