import Foundation

extension TOUTariff {
    /// Reads an acnportal tariff schedule file, checking every field it uses.
    public init(contentsOf url: URL, displayName file: String) throws {
        guard let data = try? Data(contentsOf: url) else {
            throw InputDataError.unreadable(file: file, reason: "no such file or not readable")
        }
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw InputDataError.badTariff(file: file, field: "(file)", detail: "not a JSON object")
        }
        guard let name = root["name"] as? String else {
            throw InputDataError.badTariff(file: file, field: "name", detail: "missing or not a string")
        }
        guard let schedule = root["schedule"] as? [[String: Any]], !schedule.isEmpty else {
            throw InputDataError.badTariff(file: file, field: "schedule", detail: "missing or empty list")
        }
        let entries = try schedule.enumerated().map { index, raw in
            try TOUTariff.entry(raw, field: "schedule[\(index)]", file: file)
        }
        self.init(name: name, entries: entries)
    }

    private static func entry(_ raw: [String: Any], field: String, file: String) throws -> Entry {
        func fail(_ key: String, _ detail: String) -> InputDataError {
            .badTariff(file: file, field: "\(field).\(key)", detail: detail)
        }
        let id = raw["id"] as? String ?? field
        guard let startText = raw["effective_start"] as? String, let start = monthDay(startText) else {
            throw fail("effective_start", "expected a date of the year as \"MM-DD\"")
        }
        guard let endText = raw["effective_end"] as? String, let end = monthDay(endText) else {
            throw fail("effective_end", "expected a date of the year as \"MM-DD\"")
        }
        guard let maskText = raw["dow_mask"] as? String, let mask = DayMask(rawValue: maskText) else {
            throw fail("dow_mask", "expected one of ALL, WEEKDAYS, WEEKENDS")
        }
        guard let times = (raw["times"] as? [Any])?.compactMap({ ($0 as? NSNumber)?.doubleValue }),
              let prices = (raw["tariffs"] as? [Any])?.compactMap({ ($0 as? NSNumber)?.doubleValue }),
              !times.isEmpty, times.count == prices.count
        else {
            throw fail("times", "expected two lists of numbers, 'times' and 'tariffs', of equal length")
        }
        guard times[0] == 0, zip(times, times.dropFirst()).allSatisfy({ $0 < $1 }), times.last! < 24 else {
            throw fail("times", "start hours must begin at 0, rise strictly and stay below 24; got \(times)")
        }
        guard prices.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw fail("tariffs", "prices must be finite and non-negative; got \(prices)")
        }
        return Entry(
            id: id, startMonthDay: start, endMonthDay: end, days: mask,
            startMinutes: times.map { Int(($0 * 60).rounded()) }, pricesPerKWh: prices)
    }

    /// "MM-DD" or "M-D" as month × 100 + day.
    private static func monthDay(_ text: String) -> Int? {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let month = Int(parts[0]), let day = Int(parts[1]),
              (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return month * 100 + day
    }
}
