import InputData
import Testing
@testable import Scenario

/// `windFarms` and `batteries[].pairedWith`: the farm's output from the file by hand, and
/// every rule broken once, each named with its file, field, value and what is allowed.
@Suite("Scenario validation: wind farms and paired storage")
struct ScenarioValidationWindTests {
    /// 3 m/s at 10 m, hub 40 m, exponent 0.5: 6 m/s at the hub, where a 6,000 kW turbine
    /// (cut-in 3, rated 12) gives 6000 · 189 / 1701 = 666.67 kW; two of them less 10 %:
    /// 1,200 kW. Full output 2 · 6000 · 0.9 = 10,800 kW.
    static func farm(
        speedColumn: String = "speed", cutIn: Double = 3, id: String = "w"
    ) -> String {
        """
        {"id": "\(id)", "turbineCount": 2, "hubHeightM": 40, "shearExponent": 0.5,
         "lossFraction": 0.1,
         "turbine": {"ratedPowerKW": 6000, "cutInSpeedMPerS": \(cutIn), "ratedSpeedMPerS": 12,
                     "cutOutSpeedMPerS": 25},
         "windSpeed": {"file": "wind.csv", "column": "\(speedColumn)", "heightM": 10}}
        """
    }

    static func paired(farm: String = "w", shared: Double = 10_800, extra: String = "") -> String {
        ScenarioValidationText.battery(
            "\"pairedWith\": {\"windFarm\": \"\(farm)\", \"sharedConnectionKW\": \(shared)}"
                + extra)
    }

    func folder() throws -> ScenarioValidationFolder {
        let folder = try ScenarioValidationFolder()
        let rows = (0..<24).map { "2022-08-01T\($0 < 10 ? "0" : "")\($0):00:00,3,130" }
        try folder.write("wind.csv", (["timestamp,speed,gale"] + rows).joined(separator: "\n"))
        return folder
    }

    func error(farms: [String], batteries: [String] = []) throws -> ScenarioError? {
        try folder().error(extra: """
            "windFarms": [\(farms.joined(separator: ","))],
            "batteries": [\(batteries.joined(separator: ","))],
            """)
    }

    @Test func farmOutputFromTheFileByHand() throws {
        let loaded = try folder().load(ScenarioValidationText.scenario(extra: """
            "windFarms": [\(Self.farm())], "batteries": [\(Self.paired())],
            """))
        #expect(loaded.input.windKW.allSatisfy { abs($0 - 1200) < 1e-9 })
        #expect(loaded.input.batteries[0].pairing?.sharedConnectionKW == 10_800)
    }

    /// Half-hourly readings alternating 0 and 10 m/s (hub: 0 and 20 m/s, i.e. calm and
    /// rated) on an hourly grid: the power curve is applied to each reading and the power
    /// averaged, 2 · (0 + 6000)/2 · 0.9 = 5,400 kW. Averaging the speed first (5 m/s, hub
    /// 10 m/s) would give 2 · 6000 · 973/1701 · 0.9 = 6,178 kW.
    @Test func powerCurveBeforeAveraging() throws {
        let folder = try folder()
        let rows = (0..<48).map { index in
            let hour = index / 2 < 10 ? "0\(index / 2)" : "\(index / 2)"
            return "2022-08-01T\(hour):\(index % 2 == 0 ? "00" : "30"):00,\(index % 2 * 10)"
        }
        try folder.write("wind.csv", (["timestamp,speed"] + rows).joined(separator: "\n"))
        let loaded = try folder.load(ScenarioValidationText.scenario(
            extra: "\"windFarms\": [\(Self.farm())],"))
        #expect(loaded.input.windKW.allSatisfy { abs($0 - 5400) < 1e-9 })
    }

    @Test func unknownFarm() throws {
        expectMessage(try error(farms: [Self.farm()], batteries: [Self.paired(farm: "sea")]),
                      mentions: ["scenario.json", "batteries[0].pairedWith.windFarm", "\"sea\"",
                                 "w"])
    }

    @Test func connectionBelowTheFarmsOutput() throws {
        expectMessage(try error(farms: [Self.farm()], batteries: [Self.paired(shared: 5000)]),
                      mentions: ["pairedWith.sharedConnectionKW", "5000", "10800"])
    }

    @Test func pairedPopulation() throws {
        let battery = ScenarioValidationText.battery(
            "\"count\": 2, \"pairedWith\": {\"windFarm\": \"w\", \"sharedConnectionKW\": 20000}")
        expectMessage(try error(farms: [Self.farm()], batteries: [battery]),
                      mentions: ["pairedWith.windFarm", "count 1", "not 2"])
    }

    @Test func farmPairedTwice() throws {
        let second = ScenarioValidationText.battery(
            "\"pairedWith\": {\"windFarm\": \"w\", \"sharedConnectionKW\": 10800}", id: "b2")
        expectMessage(try error(farms: [Self.farm()], batteries: [Self.paired(), second]),
                      mentions: ["batteries[1].pairedWith.windFarm", "already paired"])
    }

    @Test func implausibleWindSpeed() throws {
        expectMessage(try error(farms: [Self.farm(speedColumn: "gale")]),
                      mentions: ["windFarms[0].windSpeed", "130", "m/s"])
    }

    @Test func speedsMustRise() throws {
        expectMessage(try error(farms: [Self.farm(cutIn: 12)]),
                      mentions: ["windFarms[0].turbine.cutInSpeedMPerS", "cut-in 12, rated 12",
                                 "allowed: cut-in < rated <= cut-out"])
    }

    @Test func farmIdsShareTheAssetNamespace() throws {
        let battery = ScenarioValidationText.battery(id: "w")
        expectMessage(try error(farms: [Self.farm()], batteries: [battery]),
                      mentions: ["batteries[0].id", "'w' is already used"])
    }
}
