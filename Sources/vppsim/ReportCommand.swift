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
            try writePage(report.html, to: url)
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
        guard !path.isEmpty, !path.hasSuffix("/") else {
            throw UsageError(description: "--out '\(path)' names no file; give the page's file "
                + "name, e.g. 'reports/run.html'")
        }
        // lstat, not stat: a symbolic link is not followed to whatever it names.
        guard let type = try? FileManager.default.attributesOfItem(atPath: path)[.type]
            as? FileAttributeType
        else { return }
        guard type == .typeRegular else {
            let what = type == .typeDirectory ? "a folder"
                : type == .typeSymbolicLink ? "a symbolic link" : "not a regular file"
            throw UsageError(description: "--out '\(path)' is \(what); give the page's own "
                + "file name" + (type == .typeDirectory ? ", e.g. '\(path)/report.html'" : ""))
        }
        let start = Data(Report.pageStart.utf8)
        let file = FileHandle(forReadingAtPath: path)
        let head = file.flatMap { try? $0.read(upToCount: start.count) }
        guard head == start else {
            throw UsageError(description: "--out '\(path)' exists and is not a report vppsim "
                + "wrote; it is left as it is. Give another file name, or remove it first")
        }
    }

    /// Writes the page under a temporary name beside it and renames it into place, so a
    /// half-written page never appears. The temporary name is one `OutputDirectory`
    /// recognizes when the process that wrote it is gone, so a killed report does not
    /// block the next `vppsim run --out` into its run folder.
    static func writePage(_ html: String, to url: URL) throws {
        let staging = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())")
        do {
            try Data(html.utf8).write(to: staging)
            guard rename(staging.path, url.path) == 0 else {
                throw OutputDirectory.Failure.writeFailed(
                    path: url.path, reason: String(cString: strerror(errno)))
            }
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
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
