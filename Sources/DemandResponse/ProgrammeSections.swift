import InputData
import VPPCore

/// Reads the scenario's `baselines` list and `settlement` object.
enum ProgrammeSections {
    static let baselineKeys = ["id", "method", "days", "outOf", "dayType", "lookbackDays",
                               "adjustment", "adjustmentWindowHours", "adjustmentCapFraction",
                               "source"]
    static let settlementKeys = ["capacityPricePerKW", "capacityBasis", "energyPricePerKWh",
                                 "performanceThreshold", "underDelivery", "penaltyPerKWShort",
                                 "reboundWindowHours", "source"]
    /// The cap applied when a method asks for an adjustment and names no cap: ±20 %, the
    /// cap of the adjusted baselines in the programmes docs/demand-response.md cites.
    static let defaultCapFraction = 0.2

    static func readBaseline(_ entry: FieldReader, grid: TimeGrid) throws -> BaselineMethod {
        let id = try EventsSection.identifier(entry)
        let method = try entry.choice("method", from: ["averageOfRecent", "highestOf"])
        let selection: BaselineSelection
        if method == "averageOfRecent" {
            guard !entry.has("outOf") else {
                throw entry.inconsistency("outOf", "applies only to the method \"highestOf\"")
            }
            selection = .averageOfRecent(days: try entry.integer("days", in: 1...90, default: 10))
        } else {
            let days = try entry.integer("days", in: 1...90, default: 5)
            let outOf = try entry.integer("outOf", in: days...90, default: max(10, days))
            selection = .highestOf(days: days, outOf: outOf)
        }
        let wanted = selection.candidatesWanted
        let lookback = try entry.integer("lookbackDays", in: wanted...366,
                                         default: max(45, wanted))
        let dayType = DayType(rawValue: try entry.choice(
            "dayType", from: DayType.allCases.map(\.rawValue), default: "weekdayWeekend"))!

        let adjustmentName = try entry.choice(
            "adjustment", from: ["none", "additive", "multiplicative"], default: "none")
        if adjustmentName == "none" {
            for key in ["adjustmentWindowHours", "adjustmentCapFraction"] where entry.has(key) {
                throw entry.inconsistency(key, "is given but adjustment is \"none\"")
            }
        }
        let windowHours = try entry.positive("adjustmentWindowHours", maximum: 24, default: 2)
        try EventsSection.checkOnStep(entry, "adjustmentWindowHours", minutes: windowHours * 60,
                                      grid: grid)
        let cap = try entry.fraction("adjustmentCapFraction", default: defaultCapFraction)
        let adjustment: BaselineAdjustment = switch adjustmentName {
        case "additive": .additive(capFraction: cap)
        case "multiplicative": .multiplicative(capFraction: cap)
        default: .none
        }
        return BaselineMethod(id: id, selection: selection, dayType: dayType,
                              lookbackDays: lookback, adjustment: adjustment,
                              adjustmentWindowHours: windowHours)
    }

    static func readSettlement(_ reader: FieldReader?) throws -> SettlementTerms {
        guard let reader else { return SettlementTerms() }
        let rule = try reader.choice("underDelivery", from: ["proRata", "penaltyPerKWShort"],
                                     default: "proRata")
        let underDelivery: UnderDeliveryRule
        if rule == "penaltyPerKWShort" {
            let price = try reader.nonNegative("penaltyPerKWShort")
            underDelivery = .penaltyPerKWShort(pricePerKW: price)
        } else {
            guard !reader.has("penaltyPerKWShort") else {
                throw reader.inconsistency("penaltyPerKWShort",
                    "is given but underDelivery is \"proRata\"; set underDelivery to "
                    + "\"penaltyPerKWShort\" or leave the price out")
            }
            underDelivery = .proRata
        }
        return SettlementTerms(
            capacityPricePerKW: try reader.nonNegative("capacityPricePerKW", default: 0),
            capacityBasis: CapacityBasis(rawValue: try reader.choice(
                "capacityBasis", from: CapacityBasis.allCases.map(\.rawValue),
                default: "committed"))!,
            energyPricePerKWh: try reader.nonNegative("energyPricePerKWh", default: 0),
            performanceThreshold: try reader.fraction("performanceThreshold", default: 1),
            underDelivery: underDelivery,
            reboundWindowHours: try reader.number("reboundWindowHours", in: 0...24,
                                                  allowed: "hours from 0 to 24", default: 2))
    }
}
