import InputData
import Engine
import VPPCore

/// Step lengths allowed: they divide an hour, or are whole hours dividing a day, so that
/// every step starts at the same minutes of every hour and hourly data resample exactly.
let allowedStepMinutes = [
    1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60, 120, 180, 240, 360, 480, 720, 1440,
]

/// The longest horizon and the most steps a run may have; the arrays of a run grow with
/// the step count, and these keep a mistyped duration from exhausting memory.
let maximumHorizonHours = 87_600.0
let maximumStepCount = 2_000_000

enum HorizonSection {
    static let keys = ["start", "durationHours", "stepMinutes", "source"]

    static func read(_ reader: FieldReader) throws -> TimeGrid {
        let startText = try reader.string("start")
        guard let start = CivilTime(iso8601: startText) else {
            throw ScenarioError.outOfRange(
                file: reader.file, field: reader.fieldPath("start"),
                line: reader.value("start")?.line ?? reader.line,
                value: "\"\(startText)\"",
                allowed: "a local time as YYYY-MM-DDTHH:MM:SS, e.g. 2022-08-22T00:00:00")
        }
        let stepMinutes = try reader.integer("stepMinutes", in: 1...1440, default: 15)
        guard allowedStepMinutes.contains(stepMinutes) else {
            throw ScenarioError.outOfRange(
                file: reader.file, field: reader.fieldPath("stepMinutes"),
                line: reader.value("stepMinutes")?.line ?? reader.line, value: String(stepMinutes),
                allowed: "one of " + allowedStepMinutes.map(String.init).joined(separator: ", "))
        }
        let hours = try reader.number(
            "durationHours", in: .ulpOfOne...maximumHorizonHours,
            allowed: "a number of hours greater than 0 and at most \(Int(maximumHorizonHours)) (ten years)")
        let totalMinutes = hours * 60
        guard totalMinutes == totalMinutes.rounded(), Int(totalMinutes) % stepMinutes == 0 else {
            throw reader.inconsistency("durationHours",
                "\(formatNumber(hours)) h is not a whole number of \(stepMinutes)-minute steps")
        }
        guard start.minuteOfDay % min(stepMinutes, 60) == 0 else {
            throw reader.inconsistency(
                "start", "\(start) does not fall on a \(stepMinutes)-minute boundary")
        }
        guard Int(totalMinutes) / stepMinutes <= maximumStepCount else {
            throw reader.inconsistency("stepMinutes", "\(Int(totalMinutes) / stepMinutes) steps of "
                + "\(stepMinutes) min are more than the \(maximumStepCount) a run may have; "
                + "use longer steps or a shorter horizon")
        }
        // Result timestamps (the summary's end too) are written YYYY-MM-DDTHH:MM:SS, which
        // stops at year 9999.
        let end = start.adding(minutes: Int(totalMinutes))
        guard end.date.year <= 9999 else {
            throw reader.inconsistency("durationHours", "the horizon would end in year "
                + "\(end.date.year); timestamps are written with four-digit years")
        }
        return TimeGrid(
            start: start, stepMinutes: stepMinutes, stepCount: Int(totalMinutes) / stepMinutes)
    }
}

enum PeakWindowSection {
    static let keys = ["startHour", "endHour", "source"]

    static func read(_ reader: FieldReader?) throws -> DailyWindow {
        guard let reader else { return DailyWindow(startHour: 16, endHour: 21) }
        let start = try reader.number(
            "startHour", in: 0...24, allowed: "an hour of the day from 0 to 24")
        let end = try reader.number(
            "endHour", in: 0...24, allowed: "an hour of the day from 0 to 24")
        guard start != end else {
            throw reader.inconsistency(
                "endHour", "equals startHour (\(formatNumber(start))); the window would be empty")
        }
        return DailyWindow(startHour: start, endHour: end)
    }
}
