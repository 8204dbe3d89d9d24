import InputData

/// The response target a run is judged against: hold `reductionFraction` of the system peak
/// for `durationHours` (Shanghai's plan asks for at least 5 %).
public struct ResponseTarget: Sendable, Equatable {
    public var reductionFraction: Double
    public var durationHours: Double

    public init(reductionFraction: Double = 0.05, durationHours: Double = 2) {
        self.reductionFraction = reductionFraction
        self.durationHours = durationHours
    }
}

enum ResponseTargetSection {
    static let keys = ["reductionFraction", "durationHours", "source"]

    static func read(_ reader: FieldReader?, horizonHours: Double) throws -> ResponseTarget? {
        guard let reader else { return nil }
        let defaults = ResponseTarget()
        let target = ResponseTarget(
            reductionFraction: try reader.number(
                "reductionFraction", in: 0...1, allowed: "a fraction from 0 to 1 (0.05 = 5 %)",
                default: defaults.reductionFraction),
            durationHours: try reader.positive("durationHours", default: defaults.durationHours))
        guard target.durationHours <= horizonHours else {
            throw reader.inconsistency(
                "durationHours", "must not exceed the horizon of \(formatNumber(horizonHours)) h")
        }
        return target
    }
}
