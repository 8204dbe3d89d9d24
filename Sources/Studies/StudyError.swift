/// Problems with a study's inputs (run folders, sweep settings, shards), each naming the
/// file or option, the value given and what is allowed.
public enum StudyError: Error, Equatable, CustomStringConvertible {
    case notARunFolder(path: String, reason: String)
    case badSummary(file: String, field: String, value: String, allowed: String)
    case badOption(option: String, value: String, allowed: String)
    case badSweepPath(path: String, component: String, reason: String)
    /// A `--set` that writes no field, or a field another `--set` writes.
    case sweepFieldConflict(path: String, reason: String)
    case unknownStrategy(name: String, allowed: [String])
    case unknownReference(value: String, allowed: [String])
    case shardMismatch(file: String, field: String, value: String, expected: String)
    case missingShards(missing: [Int], count: Int)
    case badTimeseries(file: String, column: String, detail: String)

    public var description: String {
        switch self {
        case let .notARunFolder(path, reason):
            "\(path) is not a vppsim result folder: \(reason); give a folder written by "
                + "'vppsim run' or a scenario .json file"
        case let .badSummary(file, field, value, allowed):
            "\(file): field '\(field)' is \(value); expected \(allowed)"
        case let .badOption(option, value, allowed):
            "\(option) '\(value)' is not valid; expected \(allowed)"
        case let .badSweepPath(path, component, reason):
            "--set \(path): at '\(component)': \(reason)"
        case let .sweepFieldConflict(path, reason):
            "--set \(path): \(reason)"
        case let .unknownStrategy(name, allowed):
            "unknown strategy '\(name)'; the strategies are: \(allowed.joined(separator: ", "))"
        case let .unknownReference(value, allowed):
            "--reference '\(value)' names no run; give a run label or its position 1 to "
                + "\(allowed.count): \(allowed.joined(separator: ", "))"
        case let .shardMismatch(file, field, value, expected):
            "\(file): '\(field)' is \(value) but the first shard has \(expected); "
                + "all shards must come from the same sweep command"
        case let .missingShards(missing, count):
            "shard\(missing.count == 1 ? "" : "s") "
                + "\(missing.map(String.init).joined(separator: ", ")) of \(count) "
                + "\(missing.count == 1 ? "is" : "are") missing; "
                + "merge needs every shard exactly once"
        case let .badTimeseries(file, column, detail):
            "\(file): column '\(column)': \(detail)"
        }
    }
}
