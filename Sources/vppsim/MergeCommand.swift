import Foundation
import Results
import Studies

enum MergeCommand {
    static let help = """
    vppsim merge: join the folders of a sweep's shards into one sweep folder.

    USAGE
      vppsim merge SHARD_DIR... --out DIR [--quiet]

    ARGUMENTS
      SHARD_DIR             folders written by 'vppsim sweep --shard I/N', every I from 1
                            to N exactly once, in any order

    OPTIONS
      --out DIR             the merged folder; it is byte for byte what the sweep without
                            --shard writes
      --quiet               no closing line on the terminal

    Shards that come from different sweep commands (scenario, --set values, strategies,
    seeds or shard count differ) are refused, naming the field that differs.

    EXAMPLES
      vppsim merge sweeps/v2g/shard-1 sweeps/v2g/shard-2 sweeps/v2g/shard-3 --out sweeps/v2g/all
      vppsim merge sweeps/v2g/shard-* --out sweeps/v2g/all
    """

    static func execute(_ arguments: [String]) throws -> ExitStatus {
        if StudyCommandSupport.wantsHelp(arguments) {
            print(help)
            return .success
        }
        let parsed = try ParsedArguments(
            arguments, options: ["--out"], flags: ["--quiet"], command: "merge")
        guard !parsed.positional.isEmpty, let outPath = parsed.value("--out") else {
            throw UsageError(description: "merge needs the shard folders and --out DIR "
                + "(see 'vppsim help merge')")
        }
        try StudyCommandSupport.checkOutputFolder(outPath)
        let merge = try StudyCommandSupport.checkingInputs {
            try SweepMerge(shardFolders: parsed.positional)
        }
        try StudyCommandSupport.checkingInputs {
            try OutputDirectory(path: outPath).write([
                ("sweep.csv", merge.csv), (OutputDirectory.marker, merge.manifest),
            ])
        }
        if !parsed.flag("--quiet") {
            print("\(parsed.positional.count) shards merged into \(outPath)/")
        }
        return .success
    }
}
