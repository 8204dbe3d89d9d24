import Foundation
import Results
import Strategies
import Studies

enum BenchCommand {
    static let help = """
    vppsim bench: run every strategy on every scenario over several seeds, and rank them.

    USAGE
      vppsim bench SCENARIO... [--strategies A,B,...] [--seeds K] [--out DIR] [--jobs N]
                   [--quiet] [--verbose]

    ARGUMENTS
      SCENARIO              one or more scenario .json files

    OPTIONS
      --strategies A,B,...  strategies to compare (default: every strategy 'vppsim
                            strategies' lists, your own registered ones included)
      --seeds K             seeds per scenario: the scenario's own seed and the K-1 after
                            it (default 1, which reproduces 'vppsim run')
      --out DIR             result folder (default: results/bench)
      --jobs N              simulations at once (default 2); only the timings depend on it
      --quiet               no table and no progress on the terminal
      --verbose             also the runs' informational messages (not with --quiet)

    OUTPUT (in DIR)
      bench.csv             tidy: scenario, strategy, seed, kpi, value, unit
      ranking.csv           per scenario, key figure and strategy: seeds, mean, std (n-1),
                            min, max and the rank (1 best) where lower or higher is better
      timing.csv            wall-clock run time and time inside the strategy (its solver
                            time) per run; it differs between runs, the other files do not
      summary.json          what was run

    EXAMPLES
      vppsim bench scenarios/fontana-summer-week.json --strategies uncontrolled,rule-based --seeds 5
      vppsim bench scenarios/tests/tiny-homes.json scenarios/tests/tiny-v2g.json --out out/bench
    """

    static func execute(_ arguments: [String]) throws -> ExitStatus {
        if StudyCommandSupport.wantsHelp(arguments) {
            print(help)
            return .success
        }
        let parsed = try ParsedArguments(
            arguments, options: StudyCommandSupport.runOptions.union(["--strategies", "--seeds"]),
            flags: StudyCommandSupport.runFlags, command: "bench")
        guard !parsed.positional.isEmpty else {
            throw UsageError(
                description: "bench needs one or more scenario files (see 'vppsim help bench')")
        }
        let settings = try StudyCommandSupport.settings(parsed)
        let strategies = try parsed.value("--strategies").map {
            try StudyCommandSupport.list($0, option: "--strategies")
        } ?? StrategyRegistry.names
        let seeds = try StudyCommandSupport.positiveCount(
            parsed.value("--seeds"), option: "--seeds", default: 1)
        let outPath = parsed.value("--out") ?? "results/bench"
        try StudyCommandSupport.checkOutputFolder(outPath)

        let benchmark = try StudyCommandSupport.checkingInputs {
            try Benchmark.run(scenarioPaths: parsed.positional, strategies: strategies,
                              seedCount: seeds, settings: settings)
        }
        try StudyCommandSupport.checkingInputs {
            try OutputDirectory(path: outPath).write([
                ("bench.csv", benchmark.longCSV), ("ranking.csv", benchmark.rankingCSV),
                ("timing.csv", benchmark.timingCSV), (OutputDirectory.marker, benchmark.manifest),
            ])
        }
        if !settings.quiet {
            print(benchmark.rankingTable, terminator: "")
            print("benchmark written to \(outPath)/")
        }
        return .success
    }
}
