import Foundation
import VPPCore

/// A regular time series of interval averages: value `i` holds over
/// [start + i·interval, start + (i+1)·interval).
public struct ProfileSeries: Sendable, Equatable {
    public let file: String
    public let column: String
    public let start: CivilTime
    public let intervalMinutes: Int
    public let values: [Double]

    public init(
        file: String, column: String, start: CivilTime, intervalMinutes: Int, values: [Double]
    ) {
        self.file = file
        self.column = column
        self.start = start
        self.intervalMinutes = intervalMinutes
        self.values = values
    }

    public var end: CivilTime { start.adding(minutes: intervalMinutes * values.count) }

    /// Reads `column` of a CSV whose `timestamp` column holds interval-beginning local times
    /// rising by one constant interval.
    public init(table: CSVTable, column: String, timestampColumn: String = "timestamp") throws {
        let stamps = try table.strings(column: timestampColumn)
        let values = try table.numbers(column: column)
        var times: [CivilTime] = []
        times.reserveCapacity(stamps.count)
        for (offset, text) in stamps.enumerated() {
            guard let time = CivilTime(iso8601: String(CSVTable.trimmed(text))) else {
                throw InputDataError.badTimestamp(
                    file: table.file, row: offset + 2, column: timestampColumn, text: text)
            }
            times.append(time)
        }
        var interval = 60
        if times.count > 1 {
            interval = times[1].minutesSinceEpoch - times[0].minutesSinceEpoch
            guard interval > 0 else {
                throw InputDataError.irregularTimestamps(file: table.file, row: 3, detail:
                    "\(times[1]) does not come after \(times[0])")
            }
            for index in 2..<times.count {
                let step = times[index].minutesSinceEpoch - times[index - 1].minutesSinceEpoch
                if step != interval {
                    throw InputDataError.irregularTimestamps(
                        file: table.file, row: index + 2, detail:
                        "\(times[index]) follows \(times[index - 1]) after \(step) minutes, "
                            + "not \(interval)")
                }
            }
        }
        self.init(
            file: table.file, column: column, start: times[0], intervalMinutes: interval,
            values: values)
    }

    /// The series on `grid`, each step the time-weighted average of the intervals it overlaps.
    ///
    /// This conserves energy: for a power series, kWh over any step equal the input's kWh over
    /// the same span. Hourly data on a 15-minute grid is therefore held constant within each
    /// hour (a step function, not an interpolation), which keeps hourly totals exact.
    public func resampled(to grid: TimeGrid) throws -> [Double] {
        guard grid.start >= start, grid.end <= end else {
            throw InputDataError.doesNotCoverHorizon(
                file: file, column: column, dataRange: "\(start) to \(end)",
                horizon: "\(grid.start) to \(grid.end)")
        }
        let offset = grid.start.minutesSinceEpoch - start.minutesSinceEpoch
        var result: [Double] = []
        result.reserveCapacity(grid.stepCount)
        for step in grid.steps {
            let stepStart = offset + step * grid.stepMinutes
            let stepEnd = stepStart + grid.stepMinutes
            var weighted = 0.0
            var index = stepStart / intervalMinutes
            while index * intervalMinutes < stepEnd {
                let overlap = min(stepEnd, (index + 1) * intervalMinutes)
                    - max(stepStart, index * intervalMinutes)
                weighted += Double(overlap) * values[index]
                index += 1
            }
            result.append(weighted / Double(grid.stepMinutes))
        }
        return result
    }
}
