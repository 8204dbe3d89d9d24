import Engine
import Foundation
import InputData
import LinearAlgebra
import OptimalDispatch
import Results
import Scenario
import Strategies
import Studies
import VPPCore

enum RunCommand {
    static func execute(_ arguments: [String]) throws -> ExitStatus {
        if arguments.contains("--help") || arguments.contains("-h") {
            print(HelpText.run)
            return .success
        }
        let parsed = try ParsedArguments(
            arguments, options: ["--strategy", "--seed", "--out", "--agents", "--write-mps"],
            flags: ["--quiet", "--check-invariants", "--verbose"], command: "run")
        guard parsed.positional.count <= 1 else {
            throw UsageError(description: "run takes at most one scenario file, got "
                + parsed.positional.joined(separator: " "))
        }
        try StudyCommandSupport.applyVerbosity(parsed)
        let logger = Logger(subsystem: "run")
        let quiet = parsed.flag("--quiet")

        let scenario = try loadScenario(
            parsed.positional.first, seed: parsed.value("--seed"),
            agents: parsed.value("--agents"))
        let strategyName = parsed.value("--strategy") ?? scenario.strategyName
        guard StrategyRegistry.names.contains(strategyName) else {
            throw UsageError(description: "unknown strategy '\(strategyName)'; the strategies are: "
                + StrategyRegistry.names.joined(separator: ", "))
        }
        let outPath = parsed.value("--out") ?? "results/\(scenario.name)-\(strategyName)"
        logger.info("scenario '\(scenario.name)': \(scenario.input.grid.stepCount) steps of "
            + "\(scenario.input.grid.stepMinutes) min from \(scenario.input.grid.start), "
            + "seed \(scenario.input.seed)")

        guard !outPath.isEmpty else {
            throw UsageError(description: "--out needs a folder name")
        }
        do {
            try OutputDirectory(path: outPath).checkReplaceable()
        } catch {
            throw UsageError(description: "\(error)")
        }

        if let folder = parsed.value("--write-mps") {
            // The result folder is replaced as a whole when the run ends, so models written
            // inside it would be lost, and their folder would block the replacement.
            let mpsFolder = StudyCommandSupport.resolvedPath(folder) + "/"
            let resultFolder = StudyCommandSupport.resolvedPath(outPath) + "/"
            guard !mpsFolder.hasPrefix(resultFolder) else {
                throw UsageError(description: "--write-mps \(folder) is inside the result "
                    + "folder \(outPath), which the run replaces; give a folder outside it")
            }
            let existing = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            guard !folder.isEmpty, existing.isEmpty else {
                throw UsageError(description: "--write-mps needs a new or empty folder (got '"
                    + folder + "'"
                    + (existing.isEmpty ? "" : ", which holds \(existing.count) files") + ")")
            }
            do {
                try ModelExport.write(to: folder)
            } catch {
                throw UsageError(description: "--write-mps \(folder): cannot create the folder "
                    + "(\(error.localizedDescription)); give a folder you can write to")
            }
        }
        let started = ContinuousClock.now
        let progress = quiet ? nil : ProgressReporter()
        let run = try ScenarioRun(
            scenario: scenario, strategyName: strategyName, version: CommandLineInterface.version,
            checksInvariants: parsed.flag("--check-invariants") ? true : nil,
            progress: progress.map { reporter in { label, done, total in
                reporter.label = label
                reporter.update(done: done, total: total)
            } })
        progress?.finish()

        try OutputDirectory(path: outPath).write(run.files)
        if !quiet {
            print(ResultWriter.summaryTable(run.summary), terminator: "")
            if run.solverSeconds > 0 {
                print("solver time: \(String(format: "%.2f", run.solverSeconds)) s (not in the result files)")
            }
            let wall = ResourceUse.seconds(since: started)
            print("run time \(String(format: "%.1f", wall)) s, peak memory "
                + "\(String(format: "%.0f", ResourceUse.peakResidentMiB())) MiB "
                + "(not in the result files)")
            print("results written to \(outPath)/")
        }
        return .success
    }

    /// Loads the named scenario, or the bundled default; scenario problems are usage errors.
    static func loadScenario(
        _ path: String?, seed: String?, agents: String? = nil
    ) throws -> LoadedScenario {
        let seedValue = try seed.map(CompareCommand.parseSeed)
        let agentOverride = try agents.map(parseAgentCount)
        let location = try path.map { (URL(fileURLWithPath: $0), $0) }
            ?? ScenarioLocator.defaultScenario()
        do {
            return try ScenarioLoader.load(
                url: location.0, displayName: location.1, seedOverride: seedValue,
                agentOverride: agentOverride)
        } catch let error as ScenarioError {
            throw UsageError(description: error.description)
        }
    }
}

/// The value of `--agents`: the representative agents every population entry is simulated
/// with (one per device for an entry with fewer devices).
func parseAgentCount(_ text: String) throws -> Int {
    guard let value = Int(text), value >= 1, value <= 1_000_000 else {
        throw UsageError(description: "--agents must be a whole number from 1 to 1000000 "
            + "(the agents every population entry is simulated with), got '\(text)'")
    }
    return value
}

enum ValidateCommand {
    static func execute(_ arguments: [String]) throws -> ExitStatus {
        if arguments.contains("--help") || arguments.contains("-h") {
            print(HelpText.validate)
            return .success
        }
        let parsed = try ParsedArguments(
            arguments, options: ["--agents"], flags: [], command: "validate")
        guard parsed.positional.count == 1 else {
            throw UsageError(
                description: "validate takes one scenario file (see 'vppsim help validate')")
        }
        let scenario = try RunCommand.loadScenario(
            parsed.positional[0], seed: nil, agents: parsed.value("--agents"))
        let input = scenario.input
        let sessions = input.evChargers.reduce(0) { $0 + $1.sessions.count }
        let batteryDevices = input.batteries.reduce(0) { $0 + $1.devices }
        let vehicles = input.evChargers.reduce(0) { $0 + $1.spec.devices }
        print("\(parsed.positional[0]): valid. '\(scenario.name)': "
            + "\(input.grid.stepCount) steps of "
            + "\(input.grid.stepMinutes) min from \(input.grid.start); "
            + agentText(input.batteries.count, standingFor: batteryDevices, "battery", "batteries")
            + ", " + agentText(input.evChargers.count, standingFor: vehicles, "EV", "EVs")
            + " with \(counted(sessions, "session", "sessions"))"
            + (vehicles == input.evChargers.count ? "" : " (of the agents)") + ", "
            + "\(input.shiftableLoads.count) shiftable, "
            + "\(input.curtailableLoads.count) curtailable "
            + "and \(input.thermostaticLoads.count) thermostatic loads; "
            + pvText(input.pvKW)
            + (input.windFarms.isEmpty ? "" : "\(counted(input.windFarms.count, "wind farm", "wind farms")) ("
                + input.windFarms.map { "\($0.spec.id): \(formatNumber($0.spec.installedKW)) kW" }
                    .joined(separator: ", ") + "); ")
            + "strategy \(scenario.strategyName)")
        return .success
    }
}

/// "PV up to 23.4 kW; " from the PV series, empty for a site without PV.
private func pvText(_ pvKW: [Double]) -> String {
    guard let peak = pvKW.max(), peak > 0 else { return "" }
    return "PV up to \((peak * 10).rounded() / 10) kW; "
}

/// "12 batteries", or "40 batteries (agents for 2000000)" when agents stand for more;
/// "1 battery (an agent for 50)" for one.
private func agentText(
    _ agents: Int, standingFor devices: Int, _ singular: String, _ plural: String
) -> String {
    let text = counted(agents, singular, plural)
    if agents == devices { return text }
    return text + " (\(agents == 1 ? "an agent" : "agents") for \(devices))"
}

/// "1 session", "2 sessions", "0 sessions".
private func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
    "\(count) \(count == 1 ? singular : plural)"
}

enum StrategiesCommand {
    static func execute(_ arguments: [String]) throws -> ExitStatus {
        if StudyCommandSupport.wantsHelp(arguments) { print(HelpText.strategies); return .success }
        try StudyCommandSupport.refuseArguments(arguments, command: "strategies")
        for entry in StrategyRegistry.entries {
            print(
                "\(entry.name.padding(toLength: 14, withPad: " ", startingAt: 0))\(entry.summary)")
        }
        return .success
    }
}

enum VersionCommand {
    static func execute(_ arguments: [String]) throws -> ExitStatus {
        if StudyCommandSupport.wantsHelp(arguments) { return HelpText.show(topic: "version") }
        try StudyCommandSupport.refuseArguments(arguments, command: "version")
        print("vppsim \(CommandLineInterface.version)")
        print("BLAS/LAPACK: OpenBLAS (\(OpenBLAS.summary)) with LAPACKE; set OPENBLAS_CORETYPE "
            + "to choose another kernel on a CPU OpenBLAS misdetects")
        return .success
    }
}
