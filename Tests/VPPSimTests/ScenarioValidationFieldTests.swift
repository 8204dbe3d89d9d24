import InputData
import Testing
@testable import Scenario

/// Fields of the right type whose values are out of range or contradict each other.
@Suite struct ScenarioValidationFieldTests {
    let folder: ScenarioValidationFolder

    init() throws { folder = try ScenarioValidationFolder() }

    private func loadBattery(_ battery: String) -> ScenarioError? {
        let json = ScenarioValidationText.scenario(extra: "\"batteries\": [\(battery)],")
        return folder.error(json: json)
    }

    /// An error term belongs to a noisy forecast only: with persistence it would be ignored.
    @Test func forecastErrorWithoutNoisyForecast() {
        for method in ["persistence", "perfect"] {
            let json = ScenarioValidationText.scenario(extra: """
                "strategy": {"name": "mpc", "mpc": {"forecast": {"wind": "\(method)",
                  "windError": 0.1}}},
                """)
            let error = folder.error(json: json)
            #expect(error?.kind == "inconsistent", "\(method)")
            expectMessage(error, mentions: ["windError is only used when wind is \"noisy\""])
        }
    }

    @Test func negativeCapacity() {
        let error = loadBattery(ScenarioValidationText.battery(without: "energyCapacityKWh")
            .replacingOccurrences(of: "{", with: "{\"energyCapacityKWh\": -5, "))

        #expect(error?.kind == "outOfRange")
        #expect(error?.field == "batteries[0].energyCapacityKWh")
        expectMessage(error, mentions: ["scenario.json:3:", "is -5", "a number greater than 0"])
    }

    /// 5e-324 is greater than 0 but no capacity: numbers other than 0 below 1e-9 are refused.
    @Test func vanishingCapacity() {
        let error = loadBattery(ScenarioValidationText.battery(without: "energyCapacityKWh")
            .replacingOccurrences(of: "{", with: "{\"energyCapacityKWh\": 5e-324, "))

        #expect(error?.kind == "outOfRange")
        #expect(error?.field == "batteries[0].energyCapacityKWh")
        expectMessage(error, mentions: ["is 5e-324", "at least 1e-09 in size"])
    }

    @Test func zeroPower() {
        let error = loadBattery(ScenarioValidationText.battery(without: "maxChargePowerKW")
            .replacingOccurrences(of: "{", with: "{\"maxChargePowerKW\": 0, "))

        #expect(error?.kind == "outOfRange")
        #expect(error?.field == "batteries[0].maxChargePowerKW")
        expectMessage(error, mentions: ["is 0", "a number greater than 0"])
    }

    @Test func zeroEfficiency() {
        let error = loadBattery(ScenarioValidationText.battery("\"chargeEfficiency\": 0"))

        #expect(error?.kind == "outOfRange")
        #expect(error?.field == "batteries[0].chargeEfficiency")
        expectMessage(error, mentions: ["is 0", "greater than 0 and at most 1"])
    }

    @Test func efficiencyAboveOne() {
        let error = loadBattery(ScenarioValidationText.battery("\"roundTripEfficiency\": 1.2"))

        #expect(error?.kind == "outOfRange")
        #expect(error?.field == "batteries[0].roundTripEfficiency")
        expectMessage(error, mentions: ["is 1.2", "greater than 0 and at most 1"])
    }

    @Test func fractionAboveOne() {
        let error = loadBattery(ScenarioValidationText.battery("\"maximumSOC\": 1.5"))

        #expect(error?.kind == "outOfRange")
        #expect(error?.field == "batteries[0].maximumSOC")
        expectMessage(error, mentions: ["is 1.5", "a fraction from 0 to 1"])
    }

    @Test func minimumSOCNotBelowMaximum() {
        let error = loadBattery(ScenarioValidationText.battery("\"minimumSOC\": 0.8, \"maximumSOC\": 0.8"))

        #expect(error?.kind == "inconsistent")
        #expect(error?.field == "batteries[0].minimumSOC")
        expectMessage(error, mentions: ["minimumSOC (0.8)", "must be below maximumSOC (0.8)"])
    }

    @Test func initialSOCOutsideBounds() {
        let error = loadBattery(ScenarioValidationText.battery(
            "\"minimumSOC\": 0.2, \"maximumSOC\": 0.9, \"initialSOC\": 0.1"))

        #expect(error?.kind == "inconsistent")
        #expect(error?.field == "batteries[0].initialSOC")
        expectMessage(error, mentions: ["initialSOC (0.1)", "[0.2, 0.9]"])
    }

    @Test func stepMinutesNotAllowed() {
        let horizon = """
            {"start": "2022-08-01T00:00:00", "durationHours": 24, "stepMinutes": 7}
            """
        let error = folder.error(horizon: horizon)

        #expect(error?.kind == "outOfRange")
        #expect(error?.field == "horizon.stepMinutes")
        expectMessage(error, mentions: [
            "scenario.json:4:", "is 7", "one of 1, 2, 3, 4, 5, 6, 10, 12, 15",
        ])
    }

    @Test func durationNotAMultipleOfTheStep() {
        let horizon = """
            {"start": "2022-08-01T00:00:00", "durationHours": 1.5, "stepMinutes": 60}
            """
        let error = folder.error(horizon: horizon)

        #expect(error?.kind == "inconsistent")
        #expect(error?.field == "horizon.durationHours")
        expectMessage(error, mentions: ["1.5 h", "60-minute steps"])
    }

    @Test func startTimeNotATimestamp() {
        let horizon = """
            {"start": "2022-08-01 midnight", "durationHours": 24, "stepMinutes": 60}
            """
        let error = folder.error(horizon: horizon)

        #expect(error?.kind == "outOfRange")
        #expect(error?.field == "horizon.start")
        expectMessage(error, mentions: ["\"2022-08-01 midnight\"", "YYYY-MM-DDTHH:MM:SS"])
    }

    @Test func unknownStrategyName() {
        let json = ScenarioValidationText.scenario(extra: "\"strategy\": {\"name\": \"greedy\"},")
        let error = folder.error(json: json)

        #expect(error?.kind == "outOfRange")
        #expect(error?.field == "strategy.name")
        expectMessage(error, mentions: ["\"greedy\"", "one of \"uncontrolled\", \"rule-based\""])
    }

    @Test func duplicateAssetID() {
        let batteries = "\"batteries\": [\(ScenarioValidationText.battery()), \(ScenarioValidationText.battery())],"
        let error = folder.error(extra: batteries)

        #expect(error?.kind == "inconsistent")
        #expect(error?.field == "batteries[1].id")
        expectMessage(error, mentions: ["'b' is already used by batteries[0]", "unique"])
    }

    @Test func duplicateAssetIDAcrossSections() {
        let pv = """
            "pv": [{"id": "site", "profile": {"file": "hourly.csv", "column": "pv_kW_per_kWp"}, "capacityKWp": 3}],
            """
        let error = folder.error(extra: pv)

        #expect(error?.kind == "inconsistent")
        #expect(error?.field == "pv[0].id")
        expectMessage(error, mentions: ["'site' is already used by baseLoads[0]"])
    }

    /// `count: 2` names the batteries `b-1` and `b-2`; a third battery may not take `b-1`.
    @Test func duplicateAssetIDFromCountExpansion() {
        let batteries = "\"batteries\": [\(ScenarioValidationText.battery("\"count\": 2")), "
            + "\(ScenarioValidationText.battery(id: "b-1"))],"
        let error = folder.error(extra: batteries)

        #expect(error?.kind == "inconsistent")
        #expect(error?.field == "batteries[1].id")
        expectMessage(error, mentions: ["'b-1'"])
    }

    @Test func negativeScenarioSeed() {
        let error = folder.error(extra: "\"seed\": -1,")

        #expect(error?.kind == "outOfRange")
        #expect(error?.field == "seed")
        expectMessage(error, mentions: ["is -1", "a whole number from 0 to 1000000000"])
    }

    @Test func emptyAssetListsAreAllowed() throws {
        let lists = "\"batteries\": [], \"evs\": [], \"pv\": [], \"shiftableLoads\": [],"

        let loaded = try folder.load(ScenarioValidationText.scenario(extra: lists))

        #expect(loaded.input.batteries.isEmpty)
        #expect(loaded.input.baseLoadKW.count == 24)
    }
}
