import Foundation
import Testing

/// End-to-end tests of the built `vppsim` executable.
@Suite("Command line", .serialized)
struct CommandLineTests {
    /// The executable built next to the test bundle (`swift test` builds it too).
    static var executable: URL {
        let buildFolder = Bundle.main.bundleURL.deletingLastPathComponent()
        let beside = buildFolder.appendingPathComponent("vppsim")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("vppsim")
    }

    struct Outcome {
        let status: Int32
        let output: String
        let error: String
    }

    static func vppsim(_ arguments: [String], in folder: URL = repositoryRoot) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
            error: String(decoding: errData, as: UTF8.self))
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vppsim-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The default scenario's summary matches the golden file, field for field except the
    /// version. Set VPPSIM_UPDATE_GOLDEN=1 to rewrite the golden file after a deliberate
    /// change of the model, and say why in the commit.
    @Test func defaultScenarioMatchesGoldenSummary() throws {
        let out = try Self.temporaryFolder().appendingPathComponent("run")
        let outcome = try Self.vppsim(["run", "--out", out.path, "--quiet"])
        #expect(outcome.status == 0, "stderr: \(outcome.error)")
        let summary = try String(contentsOf: out.appendingPathComponent("summary.csv"), encoding: .utf8)
        let golden = repositoryRoot.appendingPathComponent("Tests/VPPSimTests/Golden/fontana-summer-week-rule-based.summary.csv")
        if ProcessInfo.processInfo.environment["VPPSIM_UPDATE_GOLDEN"] == "1" {
            try summary.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(Self.withoutVersion(summary) == Self.withoutVersion(expected))
        for name in ["timeseries.csv", "ev_sessions.csv", "summary.json"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path))
        }
        let rows = try String(contentsOf: out.appendingPathComponent("timeseries.csv"), encoding: .utf8)
            .split(separator: "\n")
        #expect(rows.count == 1 + 7 * 96)
        #expect(rows[0].hasPrefix("timestamp,base_load_kW,pv_kW,ev_kW,ev_charging_kW,ev_v2g_kW,battery_kW"))
    }

    /// Drops the vppsim_version column so the golden file survives version bumps.
    static func withoutVersion(_ csv: String) -> [[Substring]] {
        let rows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        guard let column = rows.first?.firstIndex(of: "vppsim_version") else { return rows }
        return rows.map { row in row.enumerated().filter { $0.offset != column }.map(\.element) }
    }

    @Test func helpTeaches() throws {
        let overview = try Self.vppsim(["--help"])
        #expect(overview.status == 0)
        #expect(overview.output.contains("run [SCENARIO]"))
        let run = try Self.vppsim(["help", "run"])
        #expect(run.output.contains("--strategy NAME"))
        #expect(run.output.contains("EXAMPLES"))
    }

    @Test func badScenarioExitsTwoAndWritesNothing() throws {
        let folder = try Self.temporaryFolder()
        let scenario = folder.appendingPathComponent("bad.json")
        try #"{"name": "x", "horizon": {"start": "2022-08-01T00:00:00", "durationHours": -1}}"#
            .write(to: scenario, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let outcome = try Self.vppsim(["run", scenario.path, "--out", out.path], in: folder)
        #expect(outcome.status == 2)
        #expect(outcome.error.contains("horizon.durationHours"))
        #expect(outcome.error.contains("-1"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let validate = try Self.vppsim(["validate", scenario.path], in: folder)
        #expect(validate.status == 2)
    }

    @Test func validateCountsInTheSingularForOne() throws {
        let huangpu = try Self.vppsim(["validate", "scenarios/shanghai/huangpu-commercial-vpp.json"])
        #expect(huangpu.status == 0)
        #expect(huangpu.output.contains("1 battery (an agent for 50), 200 EVs (agents for 10000)"))
        let wind = try Self.vppsim(["validate", "scenarios/shanghai/offshore-wind-storage.json"])
        #expect(wind.output.contains("0 EVs with 0 sessions"))
        #expect(wind.output.contains("1 wind farm (offshore-wind"))
    }

    @Test func unknownOptionsAndStrategiesAreUsageErrors() throws {
        let option = try Self.vppsim(["run", "--strateg", "x"])
        #expect(option.status == 2)
        #expect(option.error.contains("--strategy"))
        let strategy = try Self.vppsim(["run", "--strategy", "magic", "--out", "/nonexistent/never"])
        #expect(strategy.status == 2)
        #expect(strategy.error.contains("rule-based"))
    }

    @Test func anOptionGivenTwiceIsAUsageError() throws {
        let twice = try Self.vppsim(["run", "--agents", "5", "--agents", "7"])
        #expect(twice.status == 2)
        #expect(twice.error.contains("--agents is given twice ('5' and '7')"))
    }

    /// An --out below an existing file cannot be created: refused before the run, not after.
    @Test func refusesAnOutputFolderBelowAFile() throws {
        let folder = try Self.temporaryFolder()
        let file = folder.appendingPathComponent("a-file")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        let outcome = try Self.vppsim([
            "run", "--strategy", "mpc", "--out", file.appendingPathComponent("sub").path, "--quiet",
        ])
        #expect(outcome.status == 2)
        #expect(outcome.error.contains("a-file is a file, not a folder"))
    }

    @Test func refusesToReplaceAFolderThatIsNotAResult() throws {
        let folder = try Self.temporaryFolder()
        let precious = folder.appendingPathComponent("mine.txt")
        try "keep me".write(to: precious, atomically: true, encoding: .utf8)
        let outcome = try Self.vppsim(["run", "--strategy", "uncontrolled", "--out", folder.path, "--quiet"])
        #expect(outcome.status == 2)
        #expect(outcome.error.contains("not a folder vppsim wrote"))
        #expect(FileManager.default.fileExists(atPath: precious.path))

        // A folder vppsim wrote may be replaced, unless someone put a file of their own in it.
        let run = folder.appendingPathComponent("run")
        #expect(try Self.vppsim(["run", "--strategy", "uncontrolled", "--out", run.path, "--quiet"]).status == 0)
        #expect(try Self.vppsim(["run", "--strategy", "uncontrolled", "--out", run.path, "--quiet"]).status == 0)
        try "notes".write(to: run.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        #expect(try Self.vppsim(["run", "--strategy", "uncontrolled", "--out", run.path, "--quiet"]).status == 2)
        #expect(FileManager.default.fileExists(atPath: run.appendingPathComponent("notes.txt").path))
    }

    /// `--out .` (or a folder above the current one) would move the shell's own folder
    /// away; refused. A staging folder left by a run that was killed while writing is
    /// removed by the next run into the same folder; one of a live process is kept.
    @Test func workingFolderAndAbandonedStaging() throws {
        let folder = try Self.temporaryFolder()
        let scenario = repositoryRoot.appendingPathComponent("scenarios/tests/tiny-homes.json").path
        let here = try Self.vppsim(["run", scenario, "--out", ".", "--quiet"], in: folder)
        #expect(here.status == 2 && here.error.contains("is the current folder or holds it"))
        let link = folder.appendingPathComponent("here-link")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: folder.path)
        let throughLink = try Self.vppsim(["run", scenario, "--out", link.path, "--quiet"], in: folder)
        #expect(throughLink.status == 2, "stderr: \(throughLink.error)")
        let abandoned = folder.appendingPathComponent(".run.partial-999999999")
        let live = folder.appendingPathComponent(".run.partial-\(getpid())")
        for staging in [abandoned, live] {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        }
        let run = try Self.vppsim(["run", scenario, "--out", "run", "--quiet"], in: folder)
        #expect(run.status == 0, "stderr: \(run.error)")
        #expect(!FileManager.default.fileExists(atPath: abandoned.path))
        #expect(FileManager.default.fileExists(atPath: live.path))
    }

    /// Bounds that cross make a file infeasible, as HiGHS reads it (exit 1), not malformed.
    @Test func solveCallsCrossedBoundsInfeasible() throws {
        let file = try Self.temporaryFolder().appendingPathComponent("crossed.mps")
        try "NAME t\nROWS\n N COST\nCOLUMNS\n    x COST 1\nBOUNDS\n UP BND x -4\nENDATA\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let outcome = try Self.vppsim(["solve", file.path])
        #expect(outcome.status == 1)
        #expect(outcome.error.contains("infeasible as given: variable 'x' has its lower bound 0.0"))
    }
}
