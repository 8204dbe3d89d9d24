/// The simulation's clock: a start time, a step length and a number of steps.
///
/// Step `k` covers the half-open interval [start + k·step, start + (k+1)·step); every power
/// recorded for step `k` is the average over that interval, and energy = power × `stepHours`.
public struct TimeGrid: Sendable, Equatable {
    public let start: CivilTime
    public let stepMinutes: Int
    public let stepCount: Int

    public init(start: CivilTime, stepMinutes: Int, stepCount: Int) {
        precondition(stepMinutes > 0, "TimeGrid.stepMinutes should be positive, but is \(stepMinutes)")
        precondition(stepCount > 0, "TimeGrid.stepCount should be positive, but is \(stepCount)")
        self.start = start
        self.stepMinutes = stepMinutes
        self.stepCount = stepCount
    }

    public var stepHours: Double { Double(stepMinutes) / 60 }
    public var end: CivilTime { start.adding(minutes: stepMinutes * stepCount) }
    public var durationHours: Double { Double(stepMinutes * stepCount) / 60 }
    public var stepsPerDay: Double { 1440 / Double(stepMinutes) }

    public func time(ofStep step: Int) -> CivilTime {
        start.adding(minutes: step * stepMinutes)
    }

    public var steps: Range<Int> { 0..<stepCount }

    /// The first step that starts at or after `time`, within 0...stepCount (a moment inside
    /// a step belongs to the next one: decisions are taken at the start of a step).
    public func firstStep(atOrAfter time: CivilTime) -> Int {
        let offset = time.minutesSinceEpoch - start.minutesSinceEpoch
        let step = offset.floorDivided(by: stepMinutes)
        let ceiling = step * stepMinutes == offset ? step : step + 1
        return min(max(ceiling, 0), stepCount)
    }
}
