import Foundation
import Testing
@testable import Scenario

/// The `thermostaticLoads` section: its errors name the file, the field, the value and
/// what is allowed, and `count` scales one entry at load time.
@Suite struct ScenarioValidationThermostaticTests {
    let folder: ScenarioValidationFolder

    init() throws {
        folder = try ScenarioValidationFolder()
        let rows = ScenarioValidationText.hourlyLines().dropFirst().map {
            $0.prefix(19) + ",31.5"
        }
        try folder.write(
            "weather.csv", (["timestamp,outdoor_C"] + rows).joined(separator: "\n") + "\n")
    }

    /// A valid zone with `changes` added (e.g. `"setpointC": 30`); `without` is removed.
    private static func section(_ changes: String = "", without: String = "") -> String {
        var fields = [
            "\"id\": \"floor\"", "\"thermalResistanceCPerKW\": 0.1",
            "\"thermalCapacitanceKWhPerC\": 150", "\"coefficientOfPerformance\": 3.5",
            "\"maxPowerKW\": 40", "\"minimumTemperatureC\": 22", "\"maximumTemperatureC\": 26",
            "\"setpointC\": 24",
            "\"outdoorTemperature\": {\"file\": \"weather.csv\", \"column\": \"outdoor_C\"}",
        ].filter { without.isEmpty || !$0.hasPrefix("\"\(without)\"") }
        if !changes.isEmpty { fields.append(changes) }
        return "\"thermostaticLoads\": [{" + fields.joined(separator: ", ") + "}],"
    }

    @Test func countScalesOneEntry() throws {
        let json = ScenarioValidationText.scenario(
            extra: Self.section("\"count\": 4, \"internalGainKW\": 20"))
        let loads = try folder.load(json).input.thermostaticLoads
        #expect(loads.count == 1)
        let spec = try #require(loads.first)
        #expect(spec.zoneCount == 4)
        #expect(spec.maxPowerKW == 160)
        #expect(spec.thermalCapacitanceKWhPerC == 600)
        #expect(spec.thermalResistanceCPerKW == 0.025)
        #expect(spec.initialTemperatureC == 24)
        // 20 kW of internal gain through 0.1 °C/kW raise the equivalent outdoors by 2 °C.
        #expect(spec.outdoorTemperatureC.allSatisfy { abs($0 - 33.5) < 1e-12 })
    }

    @Test func setpointOutsideTheBand() {
        let error = folder.error(extra: Self.section("\"setpointC\": 27").replacingOccurrences(
            of: "\"setpointC\": 24, ", with: ""))
        #expect(error?.kind == "inconsistent")
        #expect(error?.field == "thermostaticLoads[0].setpointC")
        expectMessage(error, mentions: ["scenario.json", "setpointC (27)", "[22, 26]"])
    }

    @Test func bandUpsideDown() {
        let error = folder.error(extra: Self.section(without: "minimumTemperatureC")
            .replacingOccurrences(of: "\"setpointC\": 24", with: "\"setpointC\": 24, "
                + "\"minimumTemperatureC\": 26"))
        #expect(error?.kind == "inconsistent")
        #expect(error?.field == "thermostaticLoads[0].minimumTemperatureC")
        expectMessage(error, mentions: ["minimumTemperatureC (26)", "must be below"])
    }

    @Test func coefficientOfPerformanceTooHigh() {
        let error = folder.error(extra: Self.section(without: "coefficientOfPerformance")
            .replacingOccurrences(of: "}],", with: ", \"coefficientOfPerformance\": 35}],"))
        #expect(error?.kind == "outOfRange")
        #expect(error?.field == "thermostaticLoads[0].coefficientOfPerformance")
        expectMessage(error, mentions: ["35", "greater than 0 and at most 20"])
    }

    @Test func missingOutdoorTemperature() {
        let error = folder.error(extra: Self.section(without: "outdoorTemperature"))
        #expect(error?.kind == "missingField")
        #expect(error?.field == "thermostaticLoads[0].outdoorTemperature")
    }

    @Test func outdoorTemperatureOutOfRange() throws {
        let rows = ScenarioValidationText.hourlyLines().dropFirst().map { $0.prefix(19) + ",75" }
        try folder.write("hot.csv", (["timestamp,outdoor_C"] + rows).joined(separator: "\n"))
        let error = folder.error(extra: Self.section().replacingOccurrences(
            of: "weather.csv", with: "hot.csv"))
        #expect(error?.kind == "inconsistent")
        #expect(error?.field == "thermostaticLoads[0].outdoorTemperature")
        expectMessage(error, mentions: ["2022-08-01T00:00:00", "75 °C", "-60 to 60 °C"])
    }

    @Test func countOfZero() {
        let error = folder.error(extra: Self.section("\"count\": 0"))
        #expect(error?.kind == "outOfRange")
        #expect(error?.field == "thermostaticLoads[0].count")
    }
}
