import Foundation
import VPPCore

extension TOUTariff {
    /// Reads an acnportal tariff schedule file, checking every field it uses.
    public init(contentsOf url: URL, displayName file: String) throws {
        guard let data = try? Data(contentsOf: url), let text = String(
            data: data, encoding: .utf8) else {
            throw InputDataError.unreadable(file: file, reason: "no such file, or not UTF-8 text")
        }
        let root: JSONValue
        do {
            root = try JSONParser.parse(text)
        } catch let failure as JSONParser.Failure {
            throw InputDataError.badTariff(
                file: file, field: "(line \(failure.line))", detail: failure.message)
        }
        guard let name = root["name"]?.stringValue else {
            throw InputDataError.badTariff(
                file: file, field: "name", detail: "missing or not a string")
        }
        guard let schedule = root["schedule"]?.arrayElements, !schedule.isEmpty else {
            throw InputDataError.badTariff(
                file: file, field: "schedule", detail: "missing or not a non-empty list")
        }
        let entries = try schedule.enumerated().map { index, raw in
            try TOUTariff.entry(raw, field: "schedule[\(index)]", file: file)
        }
        self.init(name: name, entries: entries)
    }

    private static func entry(_ raw: JSONValue, field: String, file: String) throws -> Entry {
        func fail(_ key: String, _ detail: String) -> InputDataError {
            .badTariff(file: file, field: "\(field).\(key)", detail: detail)
        }
        func shown(_ key: String) -> String { raw[key]?.shortText ?? "missing" }
        let id = raw["id"]?.stringValue ?? field
        guard let start = raw["effective_start"]?.stringValue.flatMap(monthDay) else {
            throw fail(
                "effective_start",
                "is \(shown("effective_start")); expected a date of the year as \"MM-DD\"")
        }
        guard let end = raw["effective_end"]?.stringValue.flatMap(monthDay) else {
            throw fail(
                "effective_end",
                "is \(shown("effective_end")); expected a date of the year as \"MM-DD\"")
        }
        guard let mask = raw["dow_mask"]?.stringValue.flatMap(DayMask.init(rawValue:)) else {
            throw fail(
                "dow_mask",
                "is \(shown("dow_mask")); expected one of \"ALL\", \"WEEKDAYS\", \"WEEKENDS\"")
        }
        guard let times = numbers(raw["times"]) else {
            throw fail("times", "expected a list of numbers (the hours at which each price starts)")
        }
        guard let prices = numbers(raw["tariffs"]) else {
            throw fail("tariffs", "expected a list of numbers (prices per kWh)")
        }
        guard !times.isEmpty, times.count == prices.count else {
            throw fail("tariffs", "has \(prices.count) prices for \(times.count) start times; "
                + "give one price per start time")
        }
        guard times[0] == 0, zip(times, times.dropFirst()).allSatisfy({ $0 < $1 }),
            times.last! < 24 else {
            throw fail(
                "times",
                "start hours must begin at 0, rise strictly and stay below 24; got \(times)")
        }
        guard prices.allSatisfy({ $0 >= 0 }) else {
            throw fail("tariffs", "prices must not be negative; got \(prices)")
        }
        return Entry(
            id: id, startMonthDay: start, endMonthDay: end, days: mask,
            startMinutes: times.map { Int(($0 * 60).rounded()) }, pricesPerKWh: prices)
    }

    /// A JSON list whose every element is a number, else nil.
    private static func numbers(_ value: JSONValue?) -> [Double]? {
        guard let elements = value?.arrayElements else { return nil }
        let numbers = elements.compactMap(\.numberValue)
        return numbers.count == elements.count ? numbers : nil
    }

    /// "MM-DD" or "M-D" as month × 100 + day.
    private static func monthDay(_ text: String) -> Int? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let month = Int(parts[0]), let day = Int(parts[1]),
              (1...12).contains(month), (1...CivilTime.daysIn(month: month, year: 2000)).contains(day)
        else { return nil }
        return month * 100 + day
    }
}
