import VPPCore

/// How complete a baseline estimate is. The worst applicable status is reported.
public enum BaselineStatus: String, Sendable, CaseIterable {
    case ok
    /// Fewer similar non-event days were found in the look-back than the method wants; the
    /// baseline averages those found.
    case fewerDays = "fewer_days"
    /// The adjustment window before the notice is outside the history; no adjustment made.
    case noAdjustmentWindow = "no_adjustment_window"
    /// No similar non-event day with data; there is no baseline.
    case noHistory = "no_history"
}

/// A baseline for one event: one value per step of the evaluation window, which is the
/// event window followed by `tailStepCount` steps after it (for the rebound).
public struct BaselineEstimate: Sendable, Equatable {
    public var methodID: String
    public var status: BaselineStatus
    /// The days averaged (days since 1970-01-01), most recent first.
    public var daysUsed: [Int]
    public var eventStepCount: Int
    public var tailStepCount: Int
    public var unadjustedKW: [Double]
    public var baselineKW: [Double]
    /// The shift added to every step (additive method), kW; 0 otherwise.
    public var additiveAdjustmentKW: Double
    /// The factor every step was multiplied by (multiplicative method); 1 otherwise.
    public var adjustmentRatio: Double

    public init(methodID: String, status: BaselineStatus, daysUsed: [Int], eventStepCount: Int,
                tailStepCount: Int, unadjustedKW: [Double], baselineKW: [Double],
                additiveAdjustmentKW: Double, adjustmentRatio: Double) {
        self.methodID = methodID
        self.status = status
        self.daysUsed = daysUsed
        self.eventStepCount = eventStepCount
        self.tailStepCount = tailStepCount
        self.unadjustedKW = unadjustedKW
        self.baselineKW = baselineKW
        self.additiveAdjustmentKW = additiveAdjustmentKW
        self.adjustmentRatio = adjustmentRatio
    }

    /// The baseline over the event window only.
    public var eventBaselineKW: ArraySlice<Double> { baselineKW.prefix(eventStepCount) }
}

/// Customer baseline load (CBL) methods, each a pure function of a load history, the days
/// to leave out and an event. docs/demand-response.md states every rule used here.
public enum CustomerBaseline {
    /// - Parameters:
    ///   - excludedDays: days never used as baseline days (event days, holidays).
    ///   - tailMinutes: how long after the event to extend the baseline, for the rebound;
    ///     cut at the end of the event's day and of the history.
    public static func estimate(
        _ method: BaselineMethod, event: DREvent, history: LoadHistory,
        excludedDays: Set<Int>, tailMinutes: Int = 0
    ) -> BaselineEstimate {
        let stepMinutes = history.grid.stepMinutes
        let eventDay = event.dayNumber
        let room = min((eventDay + 1) * 1440, history.grid.end.minutesSinceEpoch)
            - event.end.minutesSinceEpoch
        let tail = max(0, min(tailMinutes, room))
        let tailMinutes = tail - tail % stepMinutes
        let windowMinutes = event.durationMinutes + tailMinutes
        let startOffset = event.start.minutesSinceEpoch - eventDay * 1440
        let adjustmentEnd = event.notice.minutesSinceEpoch - eventDay * 1440
        let adjustmentMinutes = Int((method.adjustmentWindowHours * 60).rounded())
        let adjusts = method.adjustment != .none

        func window(on day: Int) -> [Double]? {
            history.values(from: CivilTime(minutesSinceEpoch: day * 1440 + startOffset),
                           minutes: windowMinutes)
        }
        func adjustmentWindow(on day: Int) -> [Double]? {
            history.values(
                from: CivilTime(minutesSinceEpoch: day * 1440 + adjustmentEnd - adjustmentMinutes),
                minutes: adjustmentMinutes)
        }

        // Candidates: similar non-event days with data, most recent first.
        let similar = { (day: Int) in
            method.dayType == .allDays || isWeekend(day) == isWeekend(eventDay)
        }
        var candidates: [(day: Int, window: [Double])] = []
        for back in 1...method.lookbackDays
        where candidates.count < method.selection.candidatesWanted {
            let day = eventDay - back
            guard !excludedDays.contains(day), similar(day), let values = window(on: day)
            else { continue }
            candidates.append((day, values))
        }
        var estimate = BaselineEstimate(
            methodID: method.id, status: .noHistory, daysUsed: [],
            eventStepCount: event.durationMinutes / stepMinutes,
            tailStepCount: tailMinutes / stepMinutes, unadjustedKW: [], baselineKW: [],
            additiveAdjustmentKW: 0, adjustmentRatio: 1)
        guard !candidates.isEmpty else { return estimate }

        // Selection: all candidates, or the highest by mean load over the event window.
        var selected = candidates
        if case let .highestOf(days, _) = method.selection {
            let eventSteps = estimate.eventStepCount
            selected = candidates.sorted { left, right in
                let leftMean = mean(Array(left.window.prefix(eventSteps)))
                let rightMean = mean(Array(right.window.prefix(eventSteps)))
                return leftMean != rightMean ? leftMean > rightMean : left.day > right.day
            }
            selected = Array(selected.prefix(days))
        }
        estimate.daysUsed = selected.map(\.day)
        estimate.unadjustedKW = (0..<(windowMinutes / stepMinutes)).map { step in
            mean(selected.map { $0.window[step] })
        }
        estimate.baselineKW = estimate.unadjustedKW
        estimate.status = candidates.count < method.selection.candidatesWanted ? .fewerDays : .ok
        guard adjusts else { return estimate }

        // Day-of adjustment from the window before the notice, on the event day and on
        // every selected day; the selection itself never depends on it.
        let baselineBefore = selected.compactMap { adjustmentWindow(on: $0.day) }
        guard let actualBefore = adjustmentWindow(on: eventDay),
              baselineBefore.count == selected.count
        else {
            estimate.status = .noAdjustmentWindow
            return estimate
        }
        let actualMeanKW = mean(actualBefore)
        let baselineMeanKW = mean(baselineBefore.map(mean))
        let eventMeanKW = mean(Array(estimate.unadjustedKW.prefix(estimate.eventStepCount)))
        switch method.adjustment {
        case .none:
            break
        case let .additive(cap):
            var shift = actualMeanKW - baselineMeanKW
            if let cap { shift = min(max(shift, -cap * abs(eventMeanKW)), cap * abs(eventMeanKW)) }
            estimate.additiveAdjustmentKW = shift
            estimate.baselineKW = estimate.unadjustedKW.map { $0 + shift }
        case let .multiplicative(cap):
            var ratio = baselineMeanKW > 0 ? actualMeanKW / baselineMeanKW : 1
            if let cap { ratio = min(max(ratio, 1 - cap), 1 + cap) }
            estimate.adjustmentRatio = ratio
            estimate.baselineKW = estimate.unadjustedKW.map { $0 * ratio }
        }
        return estimate
    }

    private static func isWeekend(_ day: Int) -> Bool {
        CivilTime(minutesSinceEpoch: day * 1440).isWeekend
    }
}
