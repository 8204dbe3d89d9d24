import VPPCore

/// Exit statuses, documented in `vppsim --help`.
enum ExitStatus: Int32 {
    case success = 0
    /// The run started but failed (an invariant broke, results could not be written).
    case failure = 1
    /// The command line or the scenario is wrong; nothing was run or written.
    case usage = 2
}

/// A failure the user must fix, reported as one message.
struct UsageError: Error, CustomStringConvertible {
    let description: String
}

enum CommandLineInterface {
    static let version = "0.1.0"

    static func run(_ arguments: [String]) -> ExitStatus {
        guard let command = arguments.first else {
            print(HelpText.overview)
            return .success
        }
        let rest = Array(arguments.dropFirst())
        do {
            switch command {
            case "run": return try RunCommand.execute(rest)
            case "validate": return try ValidateCommand.execute(rest)
            case "strategies": return try StrategiesCommand.execute(rest)
            case "compare": return try CompareCommand.execute(rest)
            case "bench": return try BenchCommand.execute(rest)
            case "sweep": return try SweepCommand.execute(rest)
            case "merge": return try MergeCommand.execute(rest)
            case "resolution": return try ResolutionCommand.execute(rest)
            case "report": return try ReportCommand.execute(rest)
            case "solve": return try SolveCommand.execute(rest)
            case "version", "--version": return try VersionCommand.execute(rest)
            case "help", "--help", "-h": return HelpText.show(topic: rest.first)
            default:
                throw UsageError(description: "unknown command '\(command)'; "
                    + "the commands are: \(HelpText.commandNames.joined(separator: ", ")) "
                    + "(see 'vppsim --help')")
            }
        } catch let error as UsageError {
            writeToStandardError("vppsim: error: \(error)\n")
            return .usage
        } catch {
            writeToStandardError("vppsim: error: \(error)\n")
            return .failure
        }
    }
}

/// A tiny option parser: `--name value`, `--name=value`, flags, and positional arguments.
struct ParsedArguments {
    var positional: [String] = []
    private var values: [String: String] = [:]
    private var flags: Set<String> = []

    init(
        _ arguments: [String], options: Set<String>, flags allowedFlags: Set<String>,
        command: String
    ) throws {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("--"), argument.count > 2 else {
                positional.append(argument)
                continue
            }
            var name = argument
            var value: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                value = String(argument[argument.index(after: equals)...])
            }
            if allowedFlags.contains(name), value == nil {
                flags.insert(name)
            } else if options.contains(name) {
                if value == nil {
                    guard index < arguments.count else {
                        throw UsageError(description: "\(name) needs a value (see 'vppsim help \(command)')")
                    }
                    value = arguments[index]
                    index += 1
                }
                if let earlier = values[name], let value, earlier != value {
                    throw UsageError(description: "\(name) is given twice ('\(earlier)' and "
                        + "'\(value)'); give it once")
                }
                values[name] = value
            } else {
                let known = (options.union(allowedFlags)).sorted().joined(separator: ", ")
                throw UsageError(description: "unknown option '\(name)' for '\(command)'; "
                    + (known.isEmpty ? "it takes none" : "its options are: \(known)"))
            }
        }
    }

    func value(_ name: String) -> String? { values[name] }
    func flag(_ name: String) -> Bool { flags.contains(name) }
}
