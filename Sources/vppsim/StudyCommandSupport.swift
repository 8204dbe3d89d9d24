import Foundation
import InputData
import Results
import Scenario
import Studies
import VPPCore

/// What the study commands (compare, bench, sweep, merge, report) share: the options for
/// parallel runs and quiet output, and the translation of input problems into usage errors.
enum StudyCommandSupport {
    /// Options every multi-run command takes.
    static let runOptions: Set<String> = ["--jobs", "--out"]
    static let runFlags: Set<String> = ["--quiet", "--verbose"]

    /// Simulations run at once by default: two, so a study leaves the rest of the machine
    /// free; results are the same for any number.
    static let defaultJobs = 2

    /// Sets the log level from --verbose; --quiet with it is a contradiction.
    static func applyVerbosity(_ parsed: ParsedArguments) throws {
        guard !(parsed.flag("--quiet") && parsed.flag("--verbose")) else {
            throw UsageError(description: "--quiet and --verbose contradict each other; give one")
        }
        if parsed.flag("--verbose") { Logger.defaultLevel = .info }
    }

    static func settings(_ parsed: ParsedArguments) throws -> StudySettings {
        try applyVerbosity(parsed)
        var jobs = defaultJobs
        if let text = parsed.value("--jobs") {
            let cores = ProcessInfo.processInfo.activeProcessorCount
            guard let value = Int(text), (1...max(cores, 1)).contains(value) else {
                throw UsageError(description: "--jobs must be a whole number from 1 to \(cores) "
                    + "(the processors of this machine), got '\(text)'")
            }
            jobs = value
        }
        return StudySettings(workers: jobs, quiet: parsed.flag("--quiet"),
                             version: CommandLineInterface.version)
    }

    /// Runs `body`, reporting bad inputs (scenario, run folder, option values) as usage
    /// errors: exit status 2, nothing written.
    static func checkingInputs<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StudyError {
            throw UsageError(description: error.description)
        } catch let error as ScenarioError {
            throw UsageError(description: error.description)
        } catch let error as InputDataError {
            throw UsageError(description: error.description)
        } catch let error as OutputDirectory.Failure {
            if case .writeFailed = error { throw error }
            throw UsageError(description: error.description)
        }
    }

    /// Fails at once, before any run, when `path` is a folder vppsim may not replace.
    static func checkOutputFolder(_ path: String) throws {
        try checkingInputs { try OutputDirectory(path: path).checkReplaceable() }
    }

    /// Writes `comparison` as `file` (with the folder's manifest) into `outPath` and, unless
    /// quiet, prints its table and "<what> written to <outPath>/".
    static func write(
        _ comparison: Comparison, as file: String, to outPath: String, what: String,
        settings: StudySettings
    ) throws {
        try checkingInputs {
            try OutputDirectory(path: outPath).write([
                (file, comparison.csv), (OutputDirectory.marker, comparison.manifest),
            ])
        }
        if !settings.quiet {
            print(comparison.table, terminator: "")
            print("\(what) written to \(outPath)/")
        }
    }

    /// Takes every `--name value` and `--name=value` of a repeatable option out of
    /// `arguments`, returning its values in order and the other arguments.
    static func extractRepeated(
        _ name: String, from arguments: [String]
    ) throws -> ([String], [String]) {
        var values: [String] = []
        var rest: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == name {
                guard index + 1 < arguments.count else {
                    throw UsageError(
                        description: "\(name) needs a value, e.g. \(name) evFleets.0.count=5,10")
                }
                values.append(arguments[index + 1])
                index += 2
            } else if argument.hasPrefix(name + "=") {
                values.append(String(argument.dropFirst(name.count + 1)))
                index += 1
            } else {
                rest.append(argument)
                index += 1
            }
        }
        return (values, rest)
    }

    /// A comma-separated list of names, none empty.
    static func list(_ text: String, option: String) throws -> [String] {
        let names = text.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard !names.contains(where: \.isEmpty) else {
            throw UsageError(
                description: "\(option) takes names separated by commas, got '\(text)'")
        }
        return names
    }

    static func positiveCount(_ text: String?, option: String, default value: Int) throws -> Int {
        guard let text else { return value }
        guard let count = Int(text), count >= 1, count <= 10_000 else {
            throw UsageError(
                description: "\(option) must be a whole number from 1 to 10000, got '\(text)'")
        }
        return count
    }

    static func wantsHelp(_ arguments: [String]) -> Bool {
        arguments.contains("--help") || arguments.contains("-h")
    }

    /// `path` with symbolic links resolved as far as it exists, the rest appended: two spellings
    /// of one folder (one through a link) compare equal.
    static func resolvedPath(_ path: String) -> String {
        var existing = URL(fileURLWithPath: path).standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path) && existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        let real = existing.path.withCString { realpath($0, nil) }
        defer { free(real) }
        let base = real.map { String(cString: $0) } ?? existing.path
        return ([base == "/" ? "" : base] + rest).joined(separator: "/")
    }

    /// `strategies` and `version` take nothing: a stray word is a usage error, not ignored.
    static func refuseArguments(_ arguments: [String], command: String) throws {
        let parsed = try ParsedArguments(arguments, options: [], flags: [], command: command)
        guard parsed.positional.isEmpty else {
            throw UsageError(description: "\(command) takes no arguments (got '"
                + parsed.positional.joined(separator: " ") + "')")
        }
    }
}
