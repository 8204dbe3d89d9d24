/// What the capacity payment is paid on.
public enum CapacityBasis: String, Sendable, CaseIterable {
    /// The target (the committed kW), whatever was delivered above the threshold.
    case committed
    /// The delivered kW, at most the target.
    case delivered
}

/// What happens when the delivered response is below the performance threshold.
public enum UnderDeliveryRule: Sendable, Equatable {
    /// The capacity payment becomes price × target × max(0, delivered / target).
    case proRata
    /// The capacity payment stays as its basis gives it, and a penalty of `pricePerKW`
    /// per kW short of the target is charged.
    case penaltyPerKWShort(pricePerKW: Double)
}

/// The programme's prices and rules, in the scenario's currency.
public struct SettlementTerms: Sendable, Equatable {
    /// Paid per kW, once per event.
    public var capacityPricePerKW: Double
    public var capacityBasis: CapacityBasis
    /// Paid per kWh of response over the event (never charged for a negative response).
    public var energyPricePerKWh: Double
    /// delivered / target below which `underDelivery` applies, 0 to 1.
    public var performanceThreshold: Double
    public var underDelivery: UnderDeliveryRule
    /// Hours after the event over which the rebound is measured.
    public var reboundWindowHours: Double

    public init(capacityPricePerKW: Double = 0, capacityBasis: CapacityBasis = .committed,
                energyPricePerKWh: Double = 0, performanceThreshold: Double = 1,
                underDelivery: UnderDeliveryRule = .proRata, reboundWindowHours: Double = 2) {
        self.capacityPricePerKW = capacityPricePerKW
        self.capacityBasis = capacityBasis
        self.energyPricePerKWh = energyPricePerKWh
        self.performanceThreshold = performanceThreshold
        self.underDelivery = underDelivery
        self.reboundWindowHours = reboundWindowHours
    }
}

/// One event settled under one baseline method: one row of `events.csv`.
public struct EventSettlement: Sendable, Equatable {
    public var event: DREvent
    public var baseline: BaselineEstimate
    public var baselineMeanKW: Double
    public var actualMeanKW: Double
    public var targetKW: Double
    /// Mean response over the event: baseline − actual (peak shaving) or actual − baseline
    /// (valley filling); negative when the load moved the wrong way.
    public var deliveredKW: Double
    public var deliveredKWh: Double
    /// 100 × delivered / target; 0 when the target is 0.
    public var targetMetPercent: Double
    public var capacityPayment: Double
    public var energyPayment: Double
    public var penalty: Double
    /// Energy that came back after the event, above the baseline (peak shaving) or below it
    /// (valley filling), over the rebound window, kWh.
    public var reboundKWh: Double

    public var netPayment: Double { capacityPayment + energyPayment - penalty }
}

public enum Settlement {
    /// Settles `event` from its baseline and the metered load over the evaluation window
    /// (`actualKW` aligned with `baseline.baselineKW`). nil when there is no baseline.
    public static func settle(
        event: DREvent, baseline: BaselineEstimate, actualKW: [Double], stepHours: Double,
        terms: SettlementTerms
    ) -> EventSettlement? {
        guard baseline.status != .noHistory else { return nil }
        precondition(actualKW.count == baseline.baselineKW.count, "Settlement.settle: actualKW "
            + "should have \(baseline.baselineKW.count) values, but has \(actualKW.count)")
        let sign = event.kind.responseSign
        let eventSteps = baseline.eventStepCount
        let response = zip(baseline.baselineKW, actualKW).map { sign * ($0 - $1) }

        let baselineMeanKW = mean(Array(baseline.eventBaselineKW))
        let deliveredKW = mean(Array(response.prefix(eventSteps)))
        let deliveredKWh = response.prefix(eventSteps).reduce(0, +) * stepHours
        let targetKW = event.target.kilowatts(baselineMeanKW: baselineMeanKW)
        let performance = targetKW > 0 ? deliveredKW / targetKW : 0

        let creditedKW = switch terms.capacityBasis {
        case .committed: targetKW
        case .delivered: min(max(deliveredKW, 0), targetKW)
        }
        var capacityPayment = terms.capacityPricePerKW * creditedKW
        var penalty = 0.0
        if performance < terms.performanceThreshold {
            switch terms.underDelivery {
            case .proRata:
                capacityPayment = terms.capacityPricePerKW * targetKW * max(0, performance)
            case let .penaltyPerKWShort(pricePerKW):
                penalty = pricePerKW * max(0, targetKW - deliveredKW)
            }
        }
        let reboundKWh = response.dropFirst(eventSteps).reduce(0) { $0 + max(0, -$1) }
            * stepHours

        return EventSettlement(
            event: event, baseline: baseline, baselineMeanKW: baselineMeanKW,
            actualMeanKW: mean(Array(actualKW.prefix(eventSteps))), targetKW: targetKW,
            deliveredKW: deliveredKW, deliveredKWh: deliveredKWh,
            targetMetPercent: 100 * performance, capacityPayment: capacityPayment,
            energyPayment: terms.energyPricePerKWh * max(0, deliveredKWh), penalty: penalty,
            reboundKWh: reboundKWh)
    }
}
