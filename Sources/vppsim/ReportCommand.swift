import Foundation
import Results
import Studies

enum ReportCommand {
    static let help = """
    vppsim report: write a self-contained HTML page of a run's charts and key figures.

    USAGE
      vppsim report RUN_DIR [--out FILE] [--quiet]

    ARGUMENTS
      RUN_DIR               a result folder written by 'vppsim run'

    OPTIONS
      --out FILE            the page (default: RUN_DIR/report.html); written to a temporary
                            name and renamed, so a half-written page never appears. An
                            existing FILE is replaced only if it is a page vppsim wrote
      --quiet               no closing line on the terminal

    The page has no scripts and fetches nothing (no fonts, no network): the charts are
    inline SVG. It shows the net load before and after with the peak window (and DR events,
    when the run has them) shaded, the power of each asset class, each class's mean power
    in the peak window, the stored energy of the fleet, each vehicle's unmet energy and the
    key figures. The page is also well-formed XML (XHTML).

    EXAMPLES
      vppsim run --out results/default && vppsim report results/default
      vppsim report results/my-run --out reports/my-run.html
    """

    static func execute(_ arguments: [String]) throws -> ExitStatus {
        if StudyCommandSupport.wantsHelp(arguments) {
            print(help)
            return .success
        }
        let parsed = try ParsedArguments(
            arguments, options: ["--out"], flags: ["--quiet"], command: "report")
        guard parsed.positional.count == 1 else {
            throw UsageError(
                description: "report takes one result folder (see 'vppsim help report')")
        }
        let folder = parsed.positional[0]
        let outPath = parsed.value("--out") ?? "\(folder)/report.html"
        try refuseToReplaceOtherFiles(outPath)
        let report = try StudyCommandSupport.checkingInputs {
            do {
                return try Report(folder: folder)
            } catch StudyError.notARunFolder(let path, let reason) {
                // Unlike compare, report does not run scenarios: say so, not "or a scenario".
                throw UsageError(description: "\(path) is not a vppsim result folder: \(reason); "
                    + "give a folder written by 'vppsim run' (report does not run scenarios)")
            }
        }
        do {
            let url = URL(fileURLWithPath: outPath)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try Data(report.html.utf8).write(to: url, options: .atomic)
            try listInManifest(url)
        } catch {
            throw OutputDirectory.Failure.writeFailed(
                path: outPath, reason: error.localizedDescription)
        }
        if !parsed.flag("--quiet") { print("report written to \(outPath)") }
        return .success
    }

    /// `--out` may name a new file or a page vppsim wrote (its head names the generator);
    /// anything else there (a scenario, a folder, someone's notes) is left alone.
    static func refuseToReplaceOtherFiles(_ path: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return }
        if isFolder.boolValue {
            throw UsageError(description: "--out '\(path)' is a folder; give the page's file "
                + "name, e.g. '\(path)/report.html'")
        }
        let head = FileHandle(forReadingAtPath: path).flatMap { try? $0.read(upToCount: 2048) }
        let text = head.map { String(decoding: $0, as: UTF8.self) } ?? ""
        guard text.contains("<meta name=\"generator\" content=\"\(Report.generator)\"/>") else {
            throw UsageError(description: "--out '\(path)' exists and is not a report vppsim "
                + "wrote; it is left as it is. Give another file name, or remove it first")
        }
    }

    /// Adds the page to the list of files vppsim wrote into its folder, when the folder has
    /// one (a run folder), so that a later 'vppsim run --out' there may still replace it.
    static func listInManifest(_ page: URL) throws {
        let manifest = page.deletingLastPathComponent()
            .appendingPathComponent(OutputDirectory.manifestName)
        guard let listed = try? String(contentsOf: manifest, encoding: .utf8) else { return }
        let names = listed.split(separator: "\n").map(String.init)
        guard !names.contains(page.lastPathComponent) else { return }
        let updated = (names + [page.lastPathComponent]).joined(separator: "\n") + "\n"
        try Data(updated.utf8).write(to: manifest, options: .atomic)
    }
}
