import Foundation
import Results
import Studies

enum ResolutionCommand {
    static let help = """
    vppsim resolution: how much a scenario's results move with the number of
    representative agents.

    USAGE
      vppsim resolution SCENARIO --agents N1,N2,... [--strategy NAME] [--seed N]
                        [--out DIR] [--jobs N] [--quiet] [--verbose]

    A population entry (one with a 'count') is simulated as representative agents, each
    standing for count/agents devices. Identical devices aggregate exactly; sampled ones
    (EV fleets) do not, so results depend on the resolution. This runs the scenario with
    every population entry simulated with N agents (one per device when it has fewer), for
    each N, and measures each run against the finest (largest N).

    OPTIONS
      --agents LIST         the numbers of agents, comma-separated, e.g. 100,200,400,800
      --strategy NAME       strategy (default: the scenario's own)
      --seed N              seed (default: the scenario's own)
      --out DIR             folder for resolution.csv (default: results/<file name>-resolution)
      --jobs N              runs at once (default 2); the results do not depend on it
      --quiet               no table and no progress on the terminal
      --verbose             also the runs' informational messages (not with --quiet)

    OUTPUT (in DIR)
      resolution.csv        one row per resolution and key figure: value, the finest
                            resolution's value, the change and the change in percent

    EXAMPLE
      vppsim resolution scenarios/shanghai/citywide-2025-five-percent.json --agents 250,500,1000
    """

    static func execute(_ arguments: [String]) throws -> ExitStatus {
        if StudyCommandSupport.wantsHelp(arguments) {
            print(help)
            return .success
        }
        let parsed = try ParsedArguments(
            arguments,
            options: StudyCommandSupport.runOptions.union(["--agents", "--strategy", "--seed"]),
            flags: StudyCommandSupport.runFlags, command: "resolution")
        guard parsed.positional.count == 1 else {
            throw UsageError(description: "resolution takes one scenario file "
                + "(see 'vppsim help resolution')")
        }
        guard let list = parsed.value("--agents") else {
            throw UsageError(description: "resolution needs --agents, e.g. --agents 100,200,400")
        }
        let agentCounts = try list.split(separator: ",", omittingEmptySubsequences: false)
            .map { try parseAgentCount(String($0)) }
        guard Set(agentCounts).count == agentCounts.count else {
            throw UsageError(description: "--agents lists \(list): give each number once")
        }
        let settings = try StudyCommandSupport.settings(parsed)
        let seed = try parsed.value("--seed").map(CompareCommand.parseSeed)
        let path = parsed.positional[0]
        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let outPath = parsed.value("--out") ?? "results/\(stem)-resolution"
        try StudyCommandSupport.checkOutputFolder(outPath)

        let comparison = try StudyCommandSupport.checkingInputs {
            let entries = try ResolutionStudy.entries(
                scenario: path, agentCounts: agentCounts, strategy: parsed.value("--strategy"),
                seed: seed, settings: settings)
            return try Comparison(
                entries: entries,
                reference: ResolutionStudy.label(agents: agentCounts.max()!))
        }
        try StudyCommandSupport.write(
            comparison, as: "resolution.csv", to: outPath, what: "resolution study", settings: settings)
        return .success
    }
}
