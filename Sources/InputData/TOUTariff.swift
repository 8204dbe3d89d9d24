import Foundation
import VPPCore

/// A time-of-use tariff in the JSON layout of acnportal's tariff schedules.
///
/// Each schedule entry applies between two dates of the year ("MM-DD", inclusive, and may
/// wrap over the new year), on the days its `dow_mask` names (ALL, WEEKDAYS, WEEKENDS), and
/// splits the day at `times` (hours, may be fractional) into periods priced by `tariffs`
/// (per kWh). When several entries match a day, the first in the file wins; acnportal itself
/// rejects such files, but PG&E A-10 as shipped has overlapping winter entries.
public struct TOUTariff: Sendable {
    public struct Entry: Sendable {
        public var id: String
        public var startMonthDay: Int  // month × 100 + day
        public var endMonthDay: Int
        public var days: DayMask
        public var startMinutes: [Int]
        public var pricesPerKWh: [Double]

        func applies(to time: CivilTime) -> Bool {
            let (_, month, day) = time.date
            let key = month * 100 + day
            let inDates = startMonthDay <= endMonthDay
                ? (key >= startMonthDay && key <= endMonthDay)
                : (key >= startMonthDay || key <= endMonthDay)
            return inDates && days.contains(time)
        }

        func price(minuteOfDay: Int) -> Double {
            let index = startMinutes.lastIndex(where: { $0 <= minuteOfDay }) ?? 0
            return pricesPerKWh[index]
        }
    }

    public enum DayMask: String, Sendable {
        case all = "ALL", weekdays = "WEEKDAYS", weekends = "WEEKENDS"

        func contains(_ time: CivilTime) -> Bool {
            switch self {
            case .all: true
            case .weekdays: !time.isWeekend
            case .weekends: time.isWeekend
            }
        }
    }

    public let name: String
    public let entries: [Entry]

    public init(name: String, entries: [Entry]) {
        self.name = name
        self.entries = entries
    }

    /// The price per kWh at `time`, or nil when no entry covers that day.
    public func price(at time: CivilTime) -> Double? {
        entries.first { $0.applies(to: time) }?.price(minuteOfDay: time.minuteOfDay)
    }

    /// The tariff on `grid`: each step the average of the price over its minutes (exact, since
    /// start times are rounded to whole minutes when read).
    public func prices(on grid: TimeGrid, file: String) throws -> [Double] {
        var result: [Double] = []
        result.reserveCapacity(grid.stepCount)
        let sample = 1
        for step in grid.steps {
            let start = grid.time(ofStep: step)
            var total = 0.0
            for offset in stride(from: 0, to: grid.stepMinutes, by: sample) {
                let time = start.adding(minutes: offset)
                guard let price = price(at: time) else {
                    throw InputDataError.badTariff(file: file, field: "schedule", detail:
                        "no entry covers \(time) "
                            + "(a \(time.isWeekend ? "weekend" : "weekday") day); "
                            + "add an entry whose dates and dow_mask include it")
                }
                total += price * Double(sample)
            }
            result.append(total / Double(grid.stepMinutes))
        }
        return result
    }
}
