import Foundation
import Testing
@testable import Scenario

/// Flexible assets whose fields are each valid but cannot work together, and the bundled
/// scenario, which must load.
@Suite struct ScenarioValidationAssetTests {
    let folder: ScenarioValidationFolder

    init() throws { folder = try ScenarioValidationFolder() }

    private static func vehicle(sessions: String) -> String {
        """
        "evs": [{"id": "car", "batteryCapacityKWh": 60, "maxChargePowerKW": 7.4, "sessions": \(sessions)}],
        """
    }

    private static func session(_ arrival: String, _ departure: String) -> String {
        "{\"arrival\": \"2022-08-01T\(arrival):00\", \"departure\": \"2022-08-01T\(departure):00\", "
            + "\"arrivalSOC\": 0.2, \"targetSOC\": 0.8}"
    }

    @Test func shiftableEnergyDoesNotFitItsWindow() {
        let load = """
            "shiftableLoads": [{"id": "washer", "energyKWh": 10, "maxPowerKW": 2,
              "windowStartHour": 18, "windowEndHour": 20}],
            """
        let error = folder.error(extra: load)

        #expect(error?.kind == "inconsistent")
        #expect(error?.field == "shiftableLoads[0].energyKWh")
        expectMessage(error, mentions: ["10 kWh cannot be drawn at 2 kW within a 2 h window"])
    }

    @Test func shiftablePreferredStartTooLate() {
        let load = """
            "shiftableLoads": [{"id": "washer", "energyKWh": 2, "maxPowerKW": 2,
              "windowStartHour": 18, "windowEndHour": 20, "preferredStartHour": 19.5}],
            """
        let error = folder.error(extra: load)

        #expect(error?.kind == "inconsistent")
        #expect(error?.field == "shiftableLoads[0].preferredStartHour")
        expectMessage(error, mentions: ["starting at 19.5 h", "closes at 20 h"])
    }

    @Test func vehicleSessionsOverlap() {
        let sessions = "[\(Self.session("08:00", "12:00")), \(Self.session("11:00", "15:00"))]"
        let error = folder.error(extra: Self.vehicle(sessions: sessions))

        #expect(error?.kind == "inconsistent")
        #expect(error?.field == "evs[0].sessions[1].arrival")
        expectMessage(error, mentions: ["overlaps the previous session", "not overlap"])
    }

    @Test func vehicleSessionOutsideTheHorizon() {
        let sessions = "[{\"arrival\": \"2022-08-01T20:00:00\", \"departure\": \"2022-08-02T08:00:00\", "
            + "\"arrivalSOC\": 0.2, \"targetSOC\": 0.8}]"
        let error = folder.error(extra: Self.vehicle(sessions: sessions))

        #expect(error?.kind == "outOfRange")
        #expect(error?.field == "evs[0].sessions[0].departure")
        expectMessage(error, mentions: [
            "\"2022-08-02T08:00:00\"", "from 2022-08-01T00:00:00 to 2022-08-02T00:00:00",
        ])
    }

    @Test func fleetArrivalSOCNotBelowTarget() {
        let fleet = """
            "evFleets": [{"id": "fleet", "statistics": "elaad", "batteryCapacityKWh": 60,
              "chargerMaxPowerKW": 7.4, "minimumArrivalSOC": 0.9, "departureTargetSOC": 0.8}],
            """
        let error = folder.error(extra: fleet)

        #expect(error?.kind == "inconsistent")
        #expect(error?.field == "evFleets[0].minimumArrivalSOC")
        expectMessage(error, mentions: ["0.9 is not below 0.8"])
    }

    @Test func bundledScenarioLoads() throws {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scenarios/fontana-summer-week.json")

        let loaded = try ScenarioLoader.load(url: url, displayName: "fontana-summer-week.json")

        #expect(loaded.name == "fontana-summer-week")
        #expect(loaded.strategyName == "rule-based")
        #expect(loaded.input.grid.stepCount == 7 * 96)
        #expect(loaded.input.batteries.count == 17)
        #expect(loaded.input.evChargers.count == 17)
        #expect(loaded.input.curtailableLoads.count == 17)
    }
}
