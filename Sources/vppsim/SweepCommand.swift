import Foundation
import Results
import Scenario
import Studies

enum SweepCommand {
    static let help = """
    vppsim sweep: run a scenario over a grid of values of its fields.

    USAGE
      vppsim sweep SCENARIO --set PATH=V1,V2,... [--set ...] [--strategies A,B,...]
                   [--seeds K] [--shard I/N] [--out DIR] [--jobs N] [--quiet] [--verbose]

    ARGUMENTS
      SCENARIO              a scenario .json file

    OPTIONS
      --set PATH=V1,V2,...  a scenario field and its values; repeat for a grid (the first
                            --set varies slowest). PATH is dot-separated: keys, list
                            positions from 0, * for every element, or an asset id, e.g.
                            evFleets.0.count, batteries.home-battery.energyCapacityKWh,
                            curtailableLoads.*.maxShedFraction, tariff.exportPricePerKWh.
                            Values are JSON (5, 0.5, true, "text") or bare words (rule-based)
      --strategies A,B,...  strategies run on every point (default: the scenario's own)
      --seeds K             the scenario's seed and the K-1 after it (default: its own seed)
      --shard I/N           run only shard I of N (1 ≤ I ≤ N), a contiguous block of the
                            grid, for job arrays; join the shards with 'vppsim merge'
      --out DIR             result folder (default: results/sweep-<scenario name>, with
                            -shard-I-of-N appended for a shard)
      --jobs N              simulations at once (default 2); results do not depend on it
      --quiet               no progress and no closing line on the terminal
      --verbose             also the runs' informational messages (not with --quiet)

    OUTPUT (in DIR)
      sweep.csv             one row per point, seed, strategy and key figure: point, one
                            column per --set path, strategy, seed, kpi, value, unit
      summary.json          the sweep's definition and the shard; merge checks it

    EXAMPLES
      vppsim sweep scenarios/tests/tiny-homes.json --set evFleets.0.count=1,2,4 \\
          --set batteries.0.energyCapacityKWh=3.2,6.4
      vppsim sweep my.json --set tariff.exportPricePerKWh=0,0.05,0.1 \\
          --strategies rule-based,uncontrolled
      vppsim sweep my.json --set evFleets.0.v2gShare=0,0.5,1 --shard 2/4 --out sweeps/v2g/shard-2
    """

    static func execute(_ arguments: [String]) throws -> ExitStatus {
        if StudyCommandSupport.wantsHelp(arguments) {
            print(help)
            return .success
        }
        let (sets, rest) = try StudyCommandSupport.extractRepeated("--set", from: arguments)
        let parsed = try ParsedArguments(
            rest,
            options: StudyCommandSupport.runOptions.union(["--strategies", "--seeds", "--shard"]),
            flags: StudyCommandSupport.runFlags, command: "sweep")
        guard parsed.positional.count == 1 else {
            throw UsageError(description: "sweep takes one scenario file (see 'vppsim help sweep')")
        }
        guard !sets.isEmpty else {
            throw UsageError(description: "sweep needs at least one --set PATH=V1,V2,... "
                + "(see 'vppsim help sweep')")
        }
        let settings = try StudyCommandSupport.settings(parsed)
        let path = parsed.positional[0]

        let (definition, shard, outPath) = try StudyCommandSupport.checkingInputs {
            let base = try ScenarioLoader.load(url: URL(fileURLWithPath: path), displayName: path)
            let strategies = try parsed.value("--strategies").map {
                try StudyCommandSupport.list($0, option: "--strategies")
            } ?? [base.strategyName]
            let seeds = try parsed.value("--seeds").map { text in
                let count = try StudyCommandSupport.positiveCount(
                    text, option: "--seeds", default: 1)
                return try StudySeeds.consecutive(from: base.input.seed, count: count)
            }
            let definition = SweepDefinition(
                scenarioPath: path, parameters: try sets.map(SweepParameter.init(argument:)),
                strategies: strategies, seeds: seeds)
            let shard = try parsed.value("--shard").map(SweepShard.init(text:)) ?? .whole
            let suffix = shard == .whole ? "" : "-shard-\(shard.index)-of-\(shard.count)"
            let outPath = parsed.value("--out") ?? "results/sweep-\(base.name)\(suffix)"
            try OutputDirectory(path: outPath).checkReplaceable()
            return (definition, shard, outPath)
        }
        let sweep = try StudyCommandSupport.checkingInputs {
            try Sweep.run(definition, shard: shard, settings: settings)
        }
        try StudyCommandSupport.checkingInputs {
            try OutputDirectory(path: outPath).write([
                ("sweep.csv", sweep.csv), (OutputDirectory.marker, sweep.manifest),
            ])
        }
        if !settings.quiet {
            let cases = sweep.shard.cases(of: sweep.definition.caseCount)
            print("sweep \(sweep.shard.text): cases \(cases.lowerBound)..<\(cases.upperBound) of "
                + "\(sweep.definition.caseCount), "
                + "\(sweep.definition.strategies.count) strategies each; "
                + "written to \(outPath)/")
        }
        return .success
    }
}
