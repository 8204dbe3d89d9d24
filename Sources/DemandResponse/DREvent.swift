import VPPCore

/// Which way an event asks the load to move.
public enum DREventKind: String, Sendable, CaseIterable {
    /// Reduce load below the baseline (the usual summer or evening peak event).
    case peakShaving
    /// Raise load above the baseline (absorb surplus at night or on holidays).
    case valleyFilling

    /// +1 when the response is baseline − actual, −1 when it is actual − baseline.
    public var responseSign: Double { self == .peakShaving ? 1 : -1 }
}

/// The response an event asks for, as an average over the event window.
public enum DRTarget: Sendable, Equatable {
    /// A fixed response in kW.
    case kilowatts(Double)
    /// A share of the mean baseline over the event window, in percent (10 = 10 %).
    case percentOfBaseline(Double)

    /// The target in kW, given the mean baseline over the event window.
    public func kilowatts(baselineMeanKW: Double) -> Double {
        switch self {
        case let .kilowatts(value): value
        case let .percentOfBaseline(percent): percent / 100 * abs(baselineMeanKW)
        }
    }
}

/// One demand-response event: the window [start, end), the time it is announced, and what
/// it asks for. An event lies within one day (it ends at the latest at the next midnight).
public struct DREvent: Sendable, Equatable {
    public var id: String
    public var kind: DREventKind
    public var start: CivilTime
    public var end: CivilTime
    /// When participants (and strategies) learn of the event; never after `start`.
    public var notice: CivilTime
    public var target: DRTarget

    public init(id: String, kind: DREventKind, start: CivilTime, end: CivilTime,
                notice: CivilTime, target: DRTarget) {
        precondition(start < end, "DREvent \(id): start \(start) should be before end \(end)")
        precondition(notice <= start, "DREvent \(id): notice \(notice) should be at or before "
            + "start \(start)")
        self.id = id
        self.kind = kind
        self.start = start
        self.end = end
        self.notice = notice
        self.target = target
    }

    /// The day the event falls on (days since 1970-01-01).
    public var dayNumber: Int { start.dayNumber }
    public var durationMinutes: Int { end.minutesSinceEpoch - start.minutesSinceEpoch }
    public var durationHours: Double { Double(durationMinutes) / 60 }
    public var noticeLeadMinutes: Int { start.minutesSinceEpoch - notice.minutesSinceEpoch }

    /// The steps of `grid` whose start lies in [start, end); empty when outside the grid.
    public func steps(on grid: TimeGrid) -> Range<Int> {
        grid.firstStep(atOrAfter: start)..<grid.firstStep(atOrAfter: end)
    }

    public func overlaps(_ other: DREvent) -> Bool { start < other.end && other.start < end }
}

/// All events of a run, sorted by start, with the view a strategy may have of them.
public struct EventSchedule: Sendable, Equatable {
    public let events: [DREvent]

    public init(_ events: [DREvent]) {
        self.events = events.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
    }

    /// Events announced at or before `time` that have not ended yet: what a strategy may
    /// act on at `time`. An event whose notice is later than `time` is never included.
    public func visibleEvents(at time: CivilTime) -> [DREvent] {
        events.filter { $0.notice <= time && time < $0.end }
    }

    /// The event whose window contains `time`, if any.
    public func activeEvent(at time: CivilTime) -> DREvent? {
        events.first { $0.start <= time && time < $0.end }
    }

    /// Days holding an event; baselines leave them out of their candidate days.
    public var eventDays: Set<Int> { Set(events.map(\.dayNumber)) }
}
