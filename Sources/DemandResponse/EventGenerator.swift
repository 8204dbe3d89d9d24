import VPPCore

/// A seeded event model: on each eligible day an event happens with a probability set by
/// the expected events per month; its start, duration and notice are drawn from simple
/// discrete distributions. docs/demand-response.md gives the exact draw.
public struct EventGeneratorModel: Sendable, Equatable {
    public var id: String
    public var kind: DREventKind
    /// Expected events in each calendar month, January first (12 values).
    public var eventsPerMonth: [Double]
    /// Leave Saturdays and Sundays without events.
    public var weekdaysOnly: Bool
    /// Start times are earliestStartHour, + startStepMinutes, ..., up to latestStartHour.
    public var earliestStartHour: Double
    public var latestStartHour: Double
    public var startStepMinutes: Int
    /// Possible durations in hours and their relative weights.
    public var durationHours: [Double]
    public var durationWeights: [Double]
    /// Share of events announced the day before at `dayAheadNoticeHour`; the others are
    /// announced `sameDayNoticeLeadHours` before they start.
    public var dayAheadShare: Double
    public var dayAheadNoticeHour: Double
    public var sameDayNoticeLeadHours: Double
    public var target: DRTarget

    public init(
        id: String, kind: DREventKind = .peakShaving, eventsPerMonth: [Double],
        weekdaysOnly: Bool = true, earliestStartHour: Double, latestStartHour: Double,
        startStepMinutes: Int = 60, durationHours: [Double], durationWeights: [Double]? = nil,
        dayAheadShare: Double = 1, dayAheadNoticeHour: Double = 16,
        sameDayNoticeLeadHours: Double = 2, target: DRTarget
    ) {
        precondition(eventsPerMonth.count == 12, "EventGeneratorModel.eventsPerMonth should "
            + "have 12 values, but has \(eventsPerMonth.count)")
        precondition(!durationHours.isEmpty, "EventGeneratorModel.durationHours is empty")
        precondition(durationWeights == nil || durationWeights!.count == durationHours.count,
                     "EventGeneratorModel.durationWeights should have one weight per duration")
        precondition(startStepMinutes > 0, "EventGeneratorModel.startStepMinutes should be "
            + "positive, but is \(startStepMinutes)")
        self.id = id
        self.kind = kind
        self.eventsPerMonth = eventsPerMonth
        self.weekdaysOnly = weekdaysOnly
        self.earliestStartHour = earliestStartHour
        self.latestStartHour = latestStartHour
        self.startStepMinutes = startStepMinutes
        self.durationHours = durationHours
        self.durationWeights = durationWeights ?? durationHours.map { _ in 1 }
        self.dayAheadShare = dayAheadShare
        self.dayAheadNoticeHour = dayAheadNoticeHour
        self.sameDayNoticeLeadHours = sameDayNoticeLeadHours
        self.target = target
    }

    /// The stream label: each model draws from its own stream of the run's seed.
    public var streamLabel: String { "dr-events/\(id)" }

    /// Events on the days of `grid`, skipping days in `occupiedDays` and events that would
    /// not lie wholly inside the grid. Four draws are taken on every day of the grid,
    /// eligible or not, so a change to one day's outcome never shifts another day's draws.
    public func generate(on grid: TimeGrid, seed: UInt64, occupiedDays: Set<Int> = [])
        -> [DREvent] {
        var random = SeededRandom.stream(seed: seed, label: streamLabel)
        var events: [DREvent] = []
        let firstDay = grid.start.dayNumber
        let lastDay = grid.end.adding(minutes: -1).dayNumber
        for day in firstDay...lastDay {
            let draws = (random.nextUnit(), random.nextUnit(), random.nextUnit(),
                         random.nextUnit())
            let midnight = CivilTime(minutesSinceEpoch: day * 1440)
            guard isEligible(midnight), !occupiedDays.contains(day),
                  draws.0 < occurrenceProbability(on: midnight)
            else { continue }

            let slots = startSlotsMinutes
            let startMinute = slots[min(Int(draws.1 * Double(slots.count)), slots.count - 1)]
            let duration = durationHours[pick(draws.2, weights: durationWeights)]
            let start = midnight.adding(minutes: startMinute)
            let end = start.adding(minutes: Int((duration * 60).rounded()))
            let notice = draws.3 < dayAheadShare
                ? midnight.adding(minutes: Int((dayAheadNoticeHour * 60).rounded()) - 1440)
                : start.adding(minutes: -Int((sameDayNoticeLeadHours * 60).rounded()))
            guard start >= grid.start, end <= grid.end else { continue }

            events.append(DREvent(
                id: "\(id)-\(events.count + 1)", kind: kind, start: start, end: end,
                notice: min(notice, start), target: target))
        }
        return events
    }

    /// Start minutes after midnight: earliest, earliest + step, ..., not after the latest.
    var startSlotsMinutes: [Int] {
        let earliest = Int((earliestStartHour * 60).rounded())
        let latest = Int((latestStartHour * 60).rounded())
        return Array(stride(from: earliest, through: max(latest, earliest), by: startStepMinutes))
    }

    private func isEligible(_ midnight: CivilTime) -> Bool {
        !(weekdaysOnly && midnight.isWeekend)
    }

    /// Expected events of the month spread evenly over its eligible days, at most 1.
    func occurrenceProbability(on midnight: CivilTime) -> Double {
        let (year, month, _) = midnight.date
        let days = CivilTime.daysIn(month: month, year: year)
        let eligible = (1...days).filter {
            isEligible(CivilTime(year: year, month: month, day: $0))
        }.count
        guard eligible > 0 else { return 0 }
        return min(1, eventsPerMonth[month - 1] / Double(eligible))
    }
}

/// The index whose cumulative weight share first exceeds `unit` (a draw in [0, 1)).
func pick(_ unit: Double, weights: [Double]) -> Int {
    let total = weights.reduce(0, +)
    var remaining = unit * total
    for (index, weight) in weights.enumerated() {
        remaining -= weight
        if remaining < 0 { return index }
    }
    return weights.lastIndex { $0 > 0 } ?? 0
}
