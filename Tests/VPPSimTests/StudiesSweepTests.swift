import Foundation
import InputData
import Testing
@testable import Studies

/// Sweeps: editing the scenario JSON by path, shard arithmetic, and shards merged by the
/// built CLI equal to the unsharded sweep byte for byte.
@Suite("Studies: sweep and merge")
struct StudiesSweepTests {
    static let scenario = """
    {"name": "s", "evFleets": [{"id": "home-ev", "count": 2}, {"id": "work-ev", "count": 3}],
     "tariff": {"exportPricePerKWh": 0}}
    """

    static func edited(_ argument: String, value index: Int = 0) throws -> JSONValue {
        let root = try JSONParser.parse(scenario)
        return try SweepParameter(argument: argument).apply(valueIndex: index, to: root)
    }

    static func fleetField(_ root: JSONValue, fleet: Int, _ key: String) -> Double? {
        let fleets: [JSONValue] = root["evFleets"]?.arrayElements ?? []
        return fleets[fleet][key]?.numberValue
    }

    @Test func pathsByPositionIdEveryAndNewKey() throws {
        let byPosition = try Self.edited("evFleets.1.count=7")
        #expect(Self.fleetField(byPosition, fleet: 1, "count") == 7)
        let byID = try Self.edited("evFleets.home-ev.count=9")
        #expect(Self.fleetField(byID, fleet: 0, "count") == 9)
        let every = try Self.edited("evFleets.*.v2gShare=0.5,1", value: 1)
        #expect(Self.fleetField(every, fleet: 0, "v2gShare") == 1)
        #expect(Self.fleetField(every, fleet: 1, "v2gShare") == 1)
        let added = try Self.edited("tariff.currency=CNY")
        let currency: String? = added["tariff"]?["currency"]?.stringValue
        #expect(currency == "CNY")
        let quoted = try Self.edited("tariff.currency=\"42\"")
        let text: String? = quoted["tariff"]?["currency"]?.stringValue
        #expect(text == "42")
    }

    /// A value put in by `--set` is reported at the line of the value it replaced (or of
    /// the object it joins), not at line 1 of the option's text.
    @Test func setValuesTakeTheLineOfWhatTheyReplace() throws {
        let root = try JSONParser.parse("{\n\"tariff\": {\n  \"exportPricePerKWh\": 0\n}\n}")
        let replaced = try SweepParameter(argument: "tariff.exportPricePerKWh={\"peak\": 1}")
            .apply(valueIndex: 0, to: root)
        #expect(replaced["tariff"]?["exportPricePerKWh"]?.line == 3)
        #expect(replaced["tariff"]?["exportPricePerKWh"]?["peak"]?.line == 3)
        let added = try SweepParameter(argument: "tariff.currency=CNY").apply(valueIndex: 0, to: root)
        #expect(added["tariff"]?["currency"]?.line == 2)
    }

    @Test func badPathsNameTheComponent() {
        let outOfRange = StudyError.badSweepPath(
            path: "evFleets.5.count", component: "evFleets.5",
            reason: "the list has 2 elements (positions 0 to 1)")
        #expect(throws: outOfRange) {
            try Self.edited("evFleets.5.count=1")
        }
        #expect(throws: StudyError.self) { try Self.edited("horizon.start=1") }
        #expect(throws: StudyError.self) { try Self.edited("evFleets.bus.count=1") }
        #expect(throws: StudyError.self) { try SweepParameter(argument: "evFleets.0.count") }
        #expect(throws: StudyError.self) { try SweepParameter(argument: "evFleets.0.count=1,,2") }
    }

    /// Two `--set`s on one field (the same path, or a position and an id, or a `*`) would
    /// label points with values they did not run; a `*` over an empty list writes nothing.
    @Test func setsThatOverlapOrMatchNothingAreRefused() throws {
        let root = try JSONParser.parse(Self.scenario)
        func check(_ arguments: [String]) throws {
            let definition = SweepDefinition(
                scenarioPath: "s.json", parameters: try arguments.map(SweepParameter.init),
                strategies: ["uncontrolled"], seeds: nil)
            try definition.checkDistinctFields(root: root)
        }
        try check(["evFleets.0.count=1,2", "evFleets.1.count=3", "evFleets.*.v2gShare=0,1"])
        let overlap = StudyError.sweepFieldConflict(
            path: "evFleets.home-ev.count",
            reason: "it writes evFleets.0.count, which --set evFleets.0.count writes too; "
                + "the later would win, so give each field one --set")
        #expect(throws: overlap) { try check(["evFleets.0.count=1,2", "evFleets.home-ev.count=3"]) }
        #expect(throws: StudyError.self) { try check(["tariff.x=1", "tariff.x=2"]) }
        #expect(throws: StudyError.self) { try check(["evFleets.*.count=1", "evFleets.1.count=2"]) }
        // One path inside the other's value, in either order.
        #expect(throws: StudyError.self) { try check(["tariff.x=1", "tariff={}"]) }
        #expect(throws: StudyError.self) { try check(["evFleets=[]", "evFleets.0.count=2"]) }
        // --set seed and --seeds both choose the seeds.
        let seeded = SweepDefinition(
            scenarioPath: "s.json", parameters: [try SweepParameter(argument: "seed=1,2")],
            strategies: ["uncontrolled"], seeds: [7, 8])
        #expect(throws: StudyError.self) { try seeded.checkDistinctFields(root: root) }
        let empty = try JSONParser.parse("{\"batteries\": []}")
        let star = SweepDefinition(
            scenarioPath: "s.json", parameters: [try SweepParameter(argument: "batteries.*.count=1,2")],
            strategies: ["uncontrolled"], seeds: nil)
        #expect(throws: StudyError.self) { try star.checkDistinctFields(root: empty) }
    }

    @Test func gridOrderAndShardsCoverEveryCaseOnce() throws {
        let definition = SweepDefinition(
            scenarioPath: "s.json",
            parameters: [
                try SweepParameter(argument: "a=1,2"), try SweepParameter(argument: "b=x,y,z"),
            ],
            strategies: ["uncontrolled"], seeds: [1, 2])
        #expect(definition.caseCount == 12)
        #expect(definition.valueIndices(point: 0) == [0, 0])
        #expect(definition.valueIndices(point: 1) == [0, 1])
        #expect(definition.valueIndices(point: 5) == [1, 2])
        for count in [1, 2, 5, 12, 13] {
            let cases = (1...count).flatMap {
                Array(SweepShard(index: $0, count: count).cases(of: 12))
            }
            #expect(cases == Array(0..<12), "shards of \(count)")
        }
        #expect(throws: StudyError.self) { try SweepShard(text: "0/4") }
        #expect(throws: StudyError.self) { try SweepShard(text: "5/4") }
        #expect(try SweepShard(text: "4/4") == SweepShard(index: 4, count: 4))
    }

    @Test func shardsMergedEqualTheUnshardedSweepByteForByte() throws {
        let folder = try CommandLineTests.temporaryFolder()
        let arguments = [
            "sweep", "scenarios/tests/tiny-homes.json", "--set", "evFleets.0.count=1,3",
            "--set", "batteries.home-battery.energyCapacityKWh=3.2,12.8",
            "--strategies", "uncontrolled,rule-based", "--seeds", "2", "--quiet",
        ]
        let wholePath = folder.appendingPathComponent("whole").path
        let whole = try CommandLineTests.vppsim(arguments + ["--out", wholePath])
        #expect(whole.status == 0, "stderr: \(whole.error)")
        var shards: [String] = []
        for index in [3, 1, 2] {
            let out = folder.appendingPathComponent("shard-\(index)").path
            let shard = try CommandLineTests.vppsim(
                arguments + ["--shard", "\(index)/3", "--out", out])
            #expect(shard.status == 0, "stderr: \(shard.error)")
            shards.append(out)
        }
        let merged = folder.appendingPathComponent("merged").path
        let merge = try CommandLineTests.vppsim(["merge"] + shards + ["--out", merged, "--quiet"])
        #expect(merge.status == 0, "stderr: \(merge.error)")
        for name in ["sweep.csv", "summary.json"] {
            let expected = try Data(contentsOf: folder.appendingPathComponent("whole/\(name)"))
            let actual = try Data(contentsOf: URL(fileURLWithPath: "\(merged)/\(name)"))
            #expect(actual == expected, "\(name) of the merged shards differs from the sweep's")
        }
        let rows = try String(contentsOfFile: "\(wholePath)/sweep.csv", encoding: .utf8)
            .split(separator: "\n")
        #expect(rows[0] == "point,evFleets.0.count,batteries.home-battery.energyCapacityKWh,"
            + "strategy,seed,kpi,value,unit")
        #expect(rows.count > 1 + 4 * 2 * 2 * 20)

        let missing = try CommandLineTests.vppsim(["merge", shards[0], shards[1], "--out", merged])
        #expect(missing.status == 2)
        #expect(missing.error.contains("shard 2 of 3 is missing"))
        let other = folder.appendingPathComponent("other").path
        _ = try CommandLineTests.vppsim([
            "sweep", "scenarios/tests/tiny-homes.json", "--set", "evFleets.0.count=2",
            "--shard", "2/3", "--out", other, "--quiet",
        ])
        let mixed = try CommandLineTests.vppsim(
            ["merge", shards[1], shards[2], other, "--out", merged])
        #expect(mixed.status == 2)
        #expect(mixed.error.contains("'parameters'"))
    }

    @Test func badSweepValueStopsBeforeWriting() throws {
        let out = try CommandLineTests.temporaryFolder().appendingPathComponent("bad")
        let outcome = try CommandLineTests.vppsim([
            "sweep", "scenarios/tests/tiny-homes.json", "--set", "evFleets.0.count=2,0",
            "--out", out.path,
        ])
        #expect(outcome.status == 2)
        #expect(outcome.error.contains("evFleets.0.count=0"))
        // At the line of the fleet's count in the scenario file, not line 1.
        let lines = try String(contentsOfFile: "scenarios/tests/tiny-homes.json", encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let fleets = try #require(lines.firstIndex { $0.contains("\"evFleets\"") })
        let count = try #require(lines[fleets...].firstIndex { $0.contains("\"count\"") })
        #expect(outcome.error.contains("):\(count + 1):"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
