import Foundation
import Results
import Scenario
import Studies

enum CompareCommand {
    static let help = """
    vppsim compare: put the key figures of several runs side by side.

    USAGE
      vppsim compare RUN_DIR_OR_SCENARIO... [--reference RUN] [--strategy NAME] [--seed N]
                     [--out DIR] [--jobs N] [--quiet] [--verbose]

    ARGUMENTS
      RUN_DIR_OR_SCENARIO   a result folder written by 'vppsim run' (its summary.json is
                            read), or a scenario .json file (it is run, with the
                            uncontrolled reference)

    OPTIONS
      --reference RUN       measure every run against this one: a run's label (as shown in
                            the table's header) or its position from 1. Default: each run
                            against the uncontrolled run of its own scenario and seed
      --strategy NAME       strategy for the scenario files (default: each scenario's own)
      --seed N              seed for the scenario files (default: each scenario's own)
      --out DIR             folder for comparison.csv (default: results/comparison)
      --jobs N              scenario files simulated at once (default 2); the results do
                            not depend on it
      --quiet               no table and no progress on the terminal
      --verbose             also the runs' informational messages (not with --quiet)

    OUTPUT (in DIR)
      comparison.csv        one row per run and key figure: value, unit, the reference's
                            value, the change and the change in percent
      summary.json          what was compared

    EXAMPLES
      vppsim compare results/fontana-summer-week-rule-based results/fontana-summer-week-uncontrolled
      vppsim compare scenarios/tests/tiny-homes.json scenarios/tests/tiny-v2g.json --out out/cmp
      vppsim compare results/a results/b results/c --reference 1
    """

    static func execute(_ arguments: [String]) throws -> ExitStatus {
        if StudyCommandSupport.wantsHelp(arguments) {
            print(help)
            return .success
        }
        let parsed = try ParsedArguments(
            arguments,
            options: StudyCommandSupport.runOptions.union(["--reference", "--strategy", "--seed"]),
            flags: StudyCommandSupport.runFlags, command: "compare")
        guard !parsed.positional.isEmpty else {
            throw UsageError(description: "compare needs one or more result folders or scenario "
                + "files "
                + "(see 'vppsim help compare')")
        }
        let settings = try StudyCommandSupport.settings(parsed)
        let seed = try parsed.value("--seed").map(parseSeed)
        let outPath = parsed.value("--out") ?? "results/comparison"
        try StudyCommandSupport.checkOutputFolder(outPath)

        let comparison = try StudyCommandSupport.checkingInputs {
            let entries = try CompareStudy.entries(
                inputs: parsed.positional, strategy: parsed.value("--strategy"), seed: seed,
                settings: settings)
            return try Comparison(entries: entries, reference: parsed.value("--reference"))
        }
        try StudyCommandSupport.write(
            comparison, as: "comparison.csv", to: outPath, what: "comparison", settings: settings)
        return .success
    }

    /// A `--seed` value, in the range a scenario's `seed` allows.
    static func parseSeed(_ text: String) throws -> UInt64 {
        let seeds = ScenarioLoader.seeds
        guard let value = Int(text), seeds.contains(value) else {
            throw UsageError(
                description: "--seed must be a whole number from \(seeds.lowerBound) to "
                    + "\(seeds.upperBound), got '\(text)'")
        }
        return UInt64(value)
    }
}
