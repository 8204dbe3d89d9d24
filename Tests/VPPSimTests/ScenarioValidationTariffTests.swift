import InputData
import Testing
@testable import Scenario

/// The import price: exactly one of a constant, a series or a time-of-use schedule.
@Suite struct ScenarioValidationTariffTests {
    let folder: ScenarioValidationFolder

    init() throws { folder = try ScenarioValidationFolder() }

    /// One summer entry in acnportal's layout, with `dowMask` and `times` as given.
    private static func touJSON(dowMask: String = "ALL", times: String = "[0, 16, 21]") -> String {
        """
        {"name": "test TOU", "schedule": [{"id": "Summer", "effective_start": "06-01",
          "effective_end": "09-30", "dow_mask": "\(dowMask)", "times": \(times),
          "tariffs": [0.06, 0.18, 0.06]}]}
        """
    }

    private func loadTariff(_ importPrice: String) -> ScenarioError? {
        let tariff = "{\"importPrice\": \(importPrice)}"
        return folder.error(tariff: tariff)
    }

    @Test func noImportPriceGiven() {
        let error = loadTariff("{\"source\": \"forgot\"}")

        #expect(error?.kind == "inconsistent")
        #expect(error?.field == "tariff.importPrice")
        expectMessage(error, mentions: [
            "exactly one of constantPerKWh, series, touSchedule", "given: none",
        ])
    }

    @Test func twoImportPricesGiven() throws {
        try folder.write("tou.json", Self.touJSON())
        let error = loadTariff("{\"constantPerKWh\": 0.2, \"touSchedule\": \"tou.json\"}")

        #expect(error?.kind == "inconsistent")
        #expect(error?.field == "tariff.importPrice")
        expectMessage(error, mentions: ["given: constantPerKWh, touSchedule"])
    }

    @Test func negativeConstantPrice() {
        let error = loadTariff("{\"constantPerKWh\": -0.1}")

        #expect(error?.kind == "outOfRange")
        #expect(error?.field == "tariff.importPrice.constantPerKWh")
        expectMessage(error, mentions: ["is -0.1", "a number of 0 or more"])
    }

    @Test func touScheduleLoads() throws {
        try folder.write("tou.json", Self.touJSON())

        let loaded = try folder.load(ScenarioValidationText.scenario(
            tariff: "{\"importPrice\": {\"touSchedule\": \"tou.json\"}}"))

        // Tolerance 1e-12: a step's price is the average of its 15-minute samples.
        #expect(abs(loaded.input.importPricePerKWh[15] - 0.06) < 1e-12)
        #expect(abs(loaded.input.importPricePerKWh[16] - 0.18) < 1e-12)
    }

    @Test func touScheduleWithBadDayMask() throws {
        try folder.write("tou.json", Self.touJSON(dowMask: "WEEKDAY"))
        let error = loadTariff("{\"touSchedule\": \"tou.json\"}")

        #expect(error?.kind == "dataFile.badTariff")
        #expect(error?.field == "tariff.importPrice.touSchedule")
        expectMessage(error, mentions: [
            "tou.json", "schedule[0].dow_mask", "ALL", "WEEKDAYS", "WEEKENDS",
        ])
    }

    /// The brief for messages: name the value given. "WEEKDAY" is one letter off "WEEKDAYS".
    @Test func touBadDayMaskMessageShowsTheValue() throws {
        try folder.write("tou.json", Self.touJSON(dowMask: "WEEKDAY"))
        let error = loadTariff("{\"touSchedule\": \"tou.json\"}")

        expectMessage(error, mentions: ["WEEKDAY\""])
    }

    /// A non-number among the switch times must be rejected, not silently dropped.
    @Test func touTimesWithANonNumber() throws {
        try folder.write("tou.json", Self.touJSON(times: "[0, \"16\", 16, 21]"))
        let error = loadTariff("{\"touSchedule\": \"tou.json\"}")

        #expect(error?.kind == "dataFile.badTariff")
        expectMessage(error, mentions: ["schedule[0].times"])
    }

    @Test func touScheduleNotCoveringTheHorizon() throws {
        try folder.write("tou.json", Self.touJSON().replacingOccurrences(of: "09-30", with: "07-31"))
        let error = loadTariff("{\"touSchedule\": \"tou.json\"}")

        #expect(error?.kind == "dataFile.badTariff")
        expectMessage(error, mentions: ["no entry covers 2022-08-01T00:00:00", "weekday"])
    }

    @Test func seriesPriceWithMissingColumn() {
        let error = loadTariff("{\"series\": {\"file\": \"hourly.csv\", \"column\": \"price\"}}")

        #expect(error?.kind == "dataFile.missingColumn")
        #expect(error?.field == "tariff.importPrice.series")
        expectMessage(error, mentions: ["hourly.csv", "no column 'price'"])
    }
}
