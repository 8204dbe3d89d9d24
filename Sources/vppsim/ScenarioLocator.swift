import Foundation

/// Finds the bundled default scenario when `vppsim run` is given none.
enum ScenarioLocator {
    static let defaultRelativePath = "scenarios/fontana-summer-week.json"

    /// Looks in the current folder, then beside the executable (a `swift build` tree keeps
    /// the binary three folders below the package root; an install keeps it in bin/ with
    /// the scenarios in share/vppsim/).
    static func defaultScenario() throws -> (url: URL, displayName: String) {
        let manager = FileManager.default
        let current = URL(fileURLWithPath: manager.currentDirectoryPath)
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let binary = executable.deletingLastPathComponent()
        let candidates = [
            current.appendingPathComponent(defaultRelativePath),
            binary.appendingPathComponent("../../../\(defaultRelativePath)"),
            binary.appendingPathComponent("../../\(defaultRelativePath)"),
            binary.appendingPathComponent("../share/vppsim/\(defaultRelativePath)"),
        ]
        for candidate in candidates where manager.fileExists(atPath: candidate.standardizedFileURL.path) {
            let url = candidate.standardizedFileURL
            let display = url.path.hasPrefix(current.path + "/")
                ? String(url.path.dropFirst(current.path.count + 1)) : url.path
            return (url, display)
        }
        throw UsageError(description: "no scenario given and the bundled default "
            + "\(defaultRelativePath) was not found; run from the vppsim folder or name a scenario file")
    }
}
