import Foundation
import VPPCore

/// Settles every event under every baseline method and writes `events.csv`.
public enum EventsTable {
    /// One settlement per event per method, events in schedule order, methods in the given
    /// order. `meteredLoad` is the load the programme meters (usually the site's net load
    /// of the run, preceded by any history before the horizon); event days of the schedule
    /// and `extraExcludedDays` (holidays) are never baseline days.
    public static func settle(
        schedule: EventSchedule, methods: [BaselineMethod], terms: SettlementTerms,
        meteredLoad: LoadHistory, extraExcludedDays: Set<Int> = []
    ) -> [EventRow] {
        let excluded = schedule.eventDays.union(extraExcludedDays)
        let tailMinutes = Int((terms.reboundWindowHours * 60).rounded())
        var rows: [EventRow] = []
        for event in schedule.events {
            for method in methods {
                let baseline = CustomerBaseline.estimate(
                    method, event: event, history: meteredLoad, excludedDays: excluded,
                    tailMinutes: tailMinutes)
                let windowMinutes = (baseline.eventStepCount + baseline.tailStepCount)
                    * meteredLoad.grid.stepMinutes
                let actual = meteredLoad.values(from: event.start, minutes: windowMinutes)
                let settlement = actual.flatMap {
                    Settlement.settle(event: event, baseline: baseline, actualKW: $0,
                                      stepHours: meteredLoad.grid.stepHours, terms: terms)
                }
                rows.append(EventRow(event: event, methodID: method.id, baseline: baseline,
                                     settlement: settlement))
            }
        }
        return rows
    }

    /// The header, units in the names; money columns carry the currency code.
    public static func header(currency: String) -> [String] {
        ["event_id", "kind", "baseline_method", "status", "notice", "start", "end",
         "baseline_days_used", "baseline_kW", "actual_kW", "additive_adjustment_kW",
         "adjustment_ratio", "target_kW", "delivered_kW", "delivered_kWh", "target_met_percent",
         "capacity_payment_\(currency)", "energy_payment_\(currency)", "penalty_\(currency)",
         "net_payment_\(currency)", "rebound_kWh", "planned_kW", "opted_out_assets"]
    }

    /// The whole file: header and one line per row, fixed 4 decimals, "\n" line ends.
    /// A row without a settlement (no baseline, or the event outside the metered load)
    /// leaves its number columns empty.
    public static func csv(_ rows: [EventRow], currency: String) -> String {
        var lines = [header(currency: currency).joined(separator: ",")]
        for row in rows {
            let event = row.event
            var fields = [event.id, event.kind.rawValue, row.methodID, row.status,
                          event.notice.description, event.start.description,
                          event.end.description, String(row.baseline.daysUsed.count)]
            if let settled = row.settlement {
                fields += [
                    settled.baselineMeanKW, settled.actualMeanKW,
                    settled.baseline.additiveAdjustmentKW, settled.baseline.adjustmentRatio,
                    settled.targetKW, settled.deliveredKW, settled.deliveredKWh,
                    settled.targetMetPercent, settled.capacityPayment, settled.energyPayment,
                    settled.penalty, settled.netPayment, settled.reboundKWh,
                ].map(fixed)
            } else {
                fields += Array(repeating: "", count: 13)
            }
            fields += [row.plannedKW.map(fixed) ?? "", String(row.optedOutAssets)]
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func fixed(_ value: Double) -> String { TextFormat.fixed(value) }
}

/// One event under one baseline method.
public struct EventRow: Sendable, Equatable {
    public var event: DREvent
    public var methodID: String
    public var baseline: BaselineEstimate
    /// nil when there is no baseline or the event lies outside the metered load.
    public var settlement: EventSettlement?
    /// The mean response had every enrolled asset taken part, against the same baseline
    /// (kW); nil when not settled or not known.
    public var plannedKW: Double?
    /// Enrolled assets that sat the event out.
    public var optedOutAssets: Int

    public init(
        event: DREvent, methodID: String, baseline: BaselineEstimate, settlement: EventSettlement?,
        plannedKW: Double? = nil, optedOutAssets: Int = 0
    ) {
        self.event = event
        self.methodID = methodID
        self.baseline = baseline
        self.settlement = settlement
        self.plannedKW = plannedKW
        self.optedOutAssets = optedOutAssets
    }

    /// `ok`, a baseline status (`fewer_days`, `no_adjustment_window`, `no_history`), or
    /// `no_metered_load`.
    public var status: String {
        if baseline.status == .noHistory { return baseline.status.rawValue }
        return settlement == nil ? "no_metered_load" : baseline.status.rawValue
    }
}
