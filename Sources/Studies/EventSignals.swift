import DemandResponse
import Engine
import VPPCore

/// Turns a run's demand-response events into the bounds the strategies act on.
///
/// An event's target is measured against the uncontrolled run over the event: the load the
/// site would have drawn without any response (the simulator knows this counterfactual; a
/// programme would estimate it with a customer baseline, which events.csv reports beside
/// it). A peak-shaving event asks net load to stay at or below that mean minus the target,
/// a valley-filling event at or above the mean plus the target.
enum EventSignals {
    static func make(schedule: EventSchedule, uncontrolled: SimulationResult) -> [GridEvent] {
        let grid = uncontrolled.grid
        return schedule.events.compactMap { event in
            let steps = event.steps(on: grid)
            guard !steps.isEmpty else { return nil }
            let baselineKW = steps.reduce(0) { $0 + uncontrolled.records[$1].netLoadKW } / Double(steps.count)
            let targetKW = event.target.kilowatts(baselineMeanKW: baselineKW)
            let notice = grid.firstStep(atOrAfter: event.notice)
            switch event.kind {
            case .peakShaving:
                return GridEvent(id: event.id, noticeStep: notice, steps: steps, direction: .reduce,
                                 boundKW: baselineKW - targetKW)
            case .valleyFilling:
                return GridEvent(id: event.id, noticeStep: notice, steps: steps, direction: .increase,
                                 boundKW: baselineKW + targetKW)
            }
        }
    }

}
