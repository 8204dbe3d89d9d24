/// Which past days a baseline averages.
public enum BaselineSelection: Sendable, Equatable {
    /// The mean of the `days` most recent similar non-event days (10-of-10: days 10).
    case averageOfRecent(days: Int)
    /// Of the `outOf` most recent similar non-event days, the `days` with the highest mean
    /// load over the event window, averaged (5-of-10: days 5, outOf 10).
    case highestOf(days: Int, outOf: Int)

    /// The number of days the method wants to average.
    public var daysAveraged: Int {
        switch self {
        case let .averageOfRecent(days): days
        case let .highestOf(days, _): days
        }
    }

    /// The number of candidate days the method looks for.
    public var candidatesWanted: Int {
        switch self {
        case let .averageOfRecent(days): days
        case let .highestOf(_, outOf): outOf
        }
    }
}

/// Which days count as similar to the event day.
public enum DayType: String, Sendable, CaseIterable {
    /// Weekdays for a weekday event, Saturdays and Sundays for a weekend event.
    case weekdayWeekend
    /// Every day.
    case allDays
}

/// The day-of adjustment, from the hours before the notice.
public enum BaselineAdjustment: Sendable, Equatable {
    case none
    /// Adds (actual − baseline) over the adjustment window; the shift is capped at
    /// ± capFraction × the mean unadjusted baseline over the event (nil: no cap).
    case additive(capFraction: Double?)
    /// Multiplies by actual / baseline over the adjustment window; the ratio is capped to
    /// [1 − capFraction, 1 + capFraction] (nil: no cap).
    case multiplicative(capFraction: Double?)
}

/// One customer baseline method; several may settle the same events side by side.
public struct BaselineMethod: Sendable, Equatable {
    /// Names the method in results (`baseline_method` column).
    public var id: String
    public var selection: BaselineSelection
    public var dayType: DayType
    /// Candidate days are searched at most this many calendar days back from the event.
    public var lookbackDays: Int
    public var adjustment: BaselineAdjustment
    /// Length of the adjustment window ending at the notice, in hours.
    public var adjustmentWindowHours: Double

    public init(id: String, selection: BaselineSelection, dayType: DayType = .weekdayWeekend,
                lookbackDays: Int = 45, adjustment: BaselineAdjustment = .none,
                adjustmentWindowHours: Double = 2) {
        precondition(selection.daysAveraged >= 1 && selection.daysAveraged
            <= selection.candidatesWanted, "BaselineMethod \(id): selection \(selection) should "
            + "average at least 1 day and no more than it looks for")
        precondition(lookbackDays >= 1, "BaselineMethod \(id): lookbackDays should be at least "
            + "1, but is \(lookbackDays)")
        self.id = id
        self.selection = selection
        self.dayType = dayType
        self.lookbackDays = lookbackDays
        self.adjustment = adjustment
        self.adjustmentWindowHours = adjustmentWindowHours
    }

    /// 10-of-10 without adjustment: the default method when a scenario names none.
    public static let tenOfTen = BaselineMethod(id: "10of10", selection: .averageOfRecent(days: 10))
}
