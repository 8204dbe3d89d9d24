import DemandResponse
import Engine
import VPPCore

/// events.csv for a run: every event under every baseline method of the scenario, and under
/// the uncontrolled run as the true counterfactual (method id `uncontrolled-run`), so that
/// the error of each customer baseline is visible beside the response it measures.
enum EventSettlementTable {
    static let counterfactualID = "uncontrolled-run"

    static func csv(
        configuration: DemandResponseConfiguration, schedule: EventSchedule,
        result: SimulationResult, planned: SimulationResult, uncontrolled: SimulationResult,
        participation: Participation?, history: SimulationResult? = nil
    ) -> String {
        let metered = meteredLoad(result, after: history)
        var rows = EventsTable.settle(
            schedule: schedule, methods: configuration.baselines, terms: configuration.settlement,
            meteredLoad: metered)
        let counterfactual = meteredLoad(uncontrolled, after: history)
        let tailMinutes = Int((configuration.settlement.reboundWindowHours * 60).rounded())
        for event in schedule.events {
            let eventMinutes = event.durationMinutes
            let dayEnd = CivilTime(minutesSinceEpoch: (event.dayNumber + 1) * 1440)
            let tail = max(0, min(tailMinutes, dayEnd.minutesSinceEpoch - event.end.minutesSinceEpoch))
            guard let baseline = counterfactual.values(from: event.start, minutes: eventMinutes + tail)
                    ?? counterfactual.values(from: event.start, minutes: eventMinutes),
                  let actual = metered.values(
                    from: event.start, minutes: baseline.count * result.grid.stepMinutes)
            else { continue }
            let eventSteps = eventMinutes / result.grid.stepMinutes
            let estimate = BaselineEstimate(
                methodID: counterfactualID, status: .ok, daysUsed: [], eventStepCount: eventSteps,
                tailStepCount: baseline.count - eventSteps, unadjustedKW: baseline, baselineKW: baseline,
                additiveAdjustmentKW: 0, adjustmentRatio: 1)
            let settlement = Settlement.settle(
                event: event, baseline: estimate, actualKW: actual, stepHours: result.grid.stepHours,
                terms: configuration.settlement)
            rows.append(EventRow(
                event: event, methodID: counterfactualID, baseline: estimate, settlement: settlement))
        }
        let plannedLoad = meteredLoad(planned, after: history)
        rows = rows.map { row in
            var row = row
            if let settled = row.settlement, let plannedMeanKW = plannedLoad.meanKW(
                from: row.event.start, minutes: row.event.durationMinutes) {
                row.plannedKW = row.event.kind.responseSign
                    * (settled.baselineMeanKW - plannedMeanKW)
            }
            row.optedOutAssets = AssetClass.allCases.reduce(0) {
                $0 + (participation?.optedOut[row.event.id]?.count($1) ?? 0)
            }
            return row
        }
        // Events in time order; within an event, the scenario's methods as listed, then the
        // counterfactual (an explicit rank, not a reliance on the sort being stable).
        let methodRank = Dictionary(
            uniqueKeysWithValues: configuration.baselines.enumerated().map { ($1.id, $0) })
        func rank(_ row: EventRow) -> Int { methodRank[row.methodID] ?? configuration.baselines.count }
        rows.sort {
            ($0.event.start, $0.event.id, rank($0)) < ($1.event.start, $1.event.id, rank($1))
        }
        return EventsTable.csv(rows, currency: result.currency)
    }

    /// The net load of `run`, preceded by the uncontrolled run over the days before the
    /// horizon when there is one, on one grid from the first day of history.
    static func meteredLoad(_ run: SimulationResult, after history: SimulationResult?)
        -> LoadHistory {
        guard let history else { return LoadHistory(netLoadOf: run) }
        let grid = TimeGrid(
            start: history.grid.start, stepMinutes: run.grid.stepMinutes,
            stepCount: history.grid.stepCount + run.grid.stepCount)
        return LoadHistory(
            grid: grid, loadKW: history.records.map(\.netLoadKW) + run.records.map(\.netLoadKW))
    }
}
