import Foundation
import InputData
import Testing
@testable import Scenario
import Studies

/// Baseline history before the horizon, worked by hand. The site's load is flat each day:
/// 10 kW on Friday 29 July 2022, 20 on Saturday, 30 on Sunday, 40 on Monday 1 August (the
/// horizon's first day) and 50 on Tuesday. An event on Tuesday 17:00 to 19:00 is measured
/// by a 10-of-10 baseline over all days.
@Suite("Demand response: baseline history")
struct DemandResponseHistoryTests {
    static func csv() -> String {
        let days = [("2022-07-29", 10), ("2022-07-30", 20), ("2022-07-31", 30),
                    ("2022-08-01", 40), ("2022-08-02", 50)]
        var lines = ["timestamp,load_kW"]
        for (day, load) in days {
            for hour in 0..<24 {
                lines.append("\(day)T\(hour < 10 ? "0" : "")\(hour):00:00,\(load)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func scenario(historyDays: Int) -> String {
        """
        {
          "name": "history",
          "horizon": {"start": "2022-08-01T00:00:00", "durationHours": 48, "stepMinutes": 60},
          "tariff": {"importPrice": {"constantPerKWh": 0.2}},
          "baseLoads": [{"id": "site", "profile": {"file": "daily.csv", "column": "load_kW"}}],
          "events": {"baselineHistoryDays": \(historyDays),
                     "list": [{"id": "e", "start": "2022-08-02T17:00:00",
                               "end": "2022-08-02T19:00:00", "notice": "2022-08-01T16:00:00",
                               "targetKW": 5}]},
          "baselines": [{"id": "10of10", "method": "averageOfRecent", "dayType": "allDays"}]
        }
        """
    }

    func eventsRow(historyDays: Int) throws -> String {
        let folder = try ScenarioValidationFolder()
        try folder.write("daily.csv", Self.csv())
        let scenario = try folder.load(Self.scenario(historyDays: historyDays))
        let run = try ScenarioRun(scenario: scenario, strategyName: "rule-based", version: "test")
        let events = try #require(run.files.first { $0.name == "events.csv" }?.contents)
        return String(try #require(events.split(separator: "\n").first {
            $0.hasPrefix("e,peakShaving,10of10,")
        }))
    }

    /// Without history the baseline has Monday only: 40 kW. With three days it averages
    /// Monday, Sunday, Saturday and Friday: (40 + 30 + 20 + 10) / 4 = 25 kW, still fewer
    /// than the ten wanted. Actual is 50 kW either way.
    @Test func historyDaysGiveTheBaselineRealPriorDays() throws {
        let without = try eventsRow(historyDays: 0)
        #expect(without.hasPrefix("e,peakShaving,10of10,fewer_days,2022-08-01T16:00:00,"
            + "2022-08-02T17:00:00,2022-08-02T19:00:00,1,40.0000,50.0000,"))
        let with = try eventsRow(historyDays: 3)
        #expect(with.hasPrefix("e,peakShaving,10of10,fewer_days,2022-08-01T16:00:00,"
            + "2022-08-02T17:00:00,2022-08-02T19:00:00,4,25.0000,50.0000,"))
    }

    /// Four days of history need 28 July, which the data do not cover: the error names the
    /// scenario file, the field, the value and the data file that falls short.
    @Test func historyBeyondTheDataIsAnError() throws {
        let folder = try ScenarioValidationFolder()
        try folder.write("daily.csv", Self.csv())
        let error = folder.error(json: Self.scenario(historyDays: 4))
        #expect(error?.field == "events.baselineHistoryDays")
        expectMessage(error, mentions: ["scenario.json", "events.baselineHistoryDays",
                                        "4 days", "daily.csv", "2022-07-28T00:00:00"])
    }
}
