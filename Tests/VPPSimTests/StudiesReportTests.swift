import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Studies

/// The HTML report parses as XML, holds every chart as inline SVG and fetches nothing;
/// the other commands answer --help with an example.
@Suite("Studies: report and help")
struct StudiesReportTests {
    /// Runs `scenario` into a fresh folder and writes its report; returns the run folder.
    static func runAndReport(
        _ scenario: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        let folder = try CommandLineTests.temporaryFolder()
        let run = folder.appendingPathComponent("run").path
        let ran = try CommandLineTests.vppsim(["run", scenario, "--out", run, "--quiet"])
        #expect(ran.status == 0, "stderr: \(ran.error)", sourceLocation: sourceLocation)
        let reported = try CommandLineTests.vppsim(["report", run, "--quiet"])
        #expect(reported.status == 0, "stderr: \(reported.error)", sourceLocation: sourceLocation)
        return run
    }

    /// `--out` replaces a page vppsim wrote, never another file or a folder.
    @Test func reportOutReplacesOnlyItsOwnPages() throws {
        let run = try Self.runAndReport("scenarios/tests/tiny-homes.json")
        let folder = URL(fileURLWithPath: run).deletingLastPathComponent()
        let notes = folder.appendingPathComponent("notes.txt")
        try "keep me".write(to: notes, atomically: true, encoding: .utf8)
        let refused = try CommandLineTests.vppsim(["report", run, "--out", notes.path])
        #expect(refused.status == 2)
        #expect(refused.error.contains("is not a report vppsim wrote"))
        #expect(try String(contentsOf: notes, encoding: .utf8) == "keep me")
        let intoFolder = try CommandLineTests.vppsim(["report", run, "--out", folder.path])
        #expect(intoFolder.status == 2 && intoFolder.error.contains("is a folder"))
        let page = folder.appendingPathComponent("page.html").path
        for _ in 0..<2 {
            let written = try CommandLineTests.vppsim(["report", run, "--out", page, "--quiet"])
            #expect(written.status == 0, "stderr: \(written.error)")
        }
        // The generator line quoted in someone's notes does not make them a page.
        let quoting = folder.appendingPathComponent("quoting.md")
        try "# notes\n<meta name=\"generator\" content=\"vppsim report\"/>\n"
            .write(to: quoting, atomically: true, encoding: .utf8)
        #expect(try CommandLineTests.vppsim(["report", run, "--out", quoting.path]).status == 2)
        let link = folder.appendingPathComponent("link.html")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: page)
        let throughLink = try CommandLineTests.vppsim(["report", run, "--out", link.path])
        #expect(throughLink.status == 2 && throughLink.error.contains("symbolic link"))
        // A page left half-written by a killed report does not block replacing the run.
        try "partial".write(
            toFile: "\(run)/.report.html.partial-999999999", atomically: true, encoding: .utf8)
        let again = try CommandLineTests.vppsim(
            ["run", "scenarios/tests/tiny-homes.json", "--out", run, "--quiet"])
        #expect(again.status == 0, "stderr: \(again.error)")
    }

    @Test func reportIsWellFormedSelfContainedAndHasEveryChart() throws {
        let run = try Self.runAndReport("scenarios/tests/tiny-homes.json")

        let again = try CommandLineTests.vppsim(
            ["run", "scenarios/tests/tiny-homes.json", "--out", run, "--quiet"])
        #expect(again.status == 0, "a run folder with its report stays replaceable: \(again.error)")
        _ = try CommandLineTests.vppsim(["report", run, "--quiet"])

        let page = try String(contentsOfFile: "\(run)/report.html", encoding: .utf8)
        let document = try XMLDocument(xmlString: page, options: [])
        let elements = Self.elements(of: try #require(document.rootElement()))
        let charts = elements.filter { $0.localName == "svg" }
        let ids = charts.compactMap { Self.id(of: $0) }
        #expect(ids == Report.chartIDs)
        let table = elements.first { Self.id(of: $0) == "kpi-table" }
        let rows = Self.elements(of: try #require(table)).filter { $0.localName == "tr" }
        #expect(rows.count > 20)
        for chart in charts {
            let drawn = Self.elements(of: chart).filter {
                ["polyline", "rect"].contains($0.localName ?? "")
            }
            #expect(!drawn.isEmpty, "chart \(Self.id(of: chart) ?? "?")")
        }
        for forbidden in ["<script", "<link", "src=", "href=", "@import", "url("] {
            #expect(!page.contains(forbidden), "the report must fetch nothing; found \(forbidden)")
        }
        // The only URLs in the page are the two XML namespaces.
        var withoutNamespaces = page
        for namespace in ["http://www.w3.org/1999/xhtml", "http://www.w3.org/2000/svg"] {
            withoutNamespaces = withoutNamespaces.replacingOccurrences(of: namespace, with: "")
        }
        #expect(!withoutNamespaces.contains("http"))
    }

    /// A run with cooled zones gets the indoor temperature chart and a cooling class.
    @Test func reportShowsIndoorTemperatureWithCooledZones() throws {
        let run = try Self.runAndReport("scenarios/tests/office-cooling.json")
        let page = try String(contentsOfFile: "\(run)/report.html", encoding: .utf8)
        let document = try XMLDocument(xmlString: page, options: [])
        let ids = Self.elements(of: try #require(document.rootElement()))
            .filter { $0.localName == "svg" }.compactMap { Self.id(of: $0) }
        var expected = Report.chartIDs
        expected.insert(Report.indoorTemperatureChartID, at: 4)
        #expect(ids == expected)
        #expect(page.contains(">cooling<"))
    }

    /// The element's id. `attribute(forName:)` of swift-corelibs-foundation finds no
    /// attribute in a document with a default namespace, so the list is searched instead.
    static func id(of element: XMLElement) -> String? {
        (element.attributes ?? []).first { $0.name == "id" }?.stringValue
    }

    /// An element and every element below it, in document order.
    static func elements(of element: XMLElement) -> [XMLElement] {
        let children = (element.children ?? []).compactMap { $0 as? XMLElement }
        return [element] + children.flatMap(elements(of:))
    }

    @Test func reportOfAFolderWithoutResultsIsAUsageError() throws {
        let empty = try CommandLineTests.temporaryFolder()
        let outcome = try CommandLineTests.vppsim(["report", empty.path])
        #expect(outcome.status == 2)
        #expect(outcome.error.contains("summary.json"))
    }

    /// A sweep's folder also has a summary.json; the error says what the folder is.
    @Test func reportOfASweepFolderSaysItIsASweep() throws {
        let folder = try CommandLineTests.temporaryFolder()
        try Data("point,kpi\n".utf8).write(to: folder.appendingPathComponent("sweep.csv"))
        try Data("{\"parameters\": []}".utf8)
            .write(to: folder.appendingPathComponent("summary.json"))
        let outcome = try CommandLineTests.vppsim(["report", folder.path])
        #expect(outcome.status == 2)
        #expect(outcome.error.contains("sweep.csv, the result of 'vppsim sweep'"))
    }

    @Test func everyStudyCommandHasHelpWithAnExample() throws {
        for command in ["compare", "bench", "sweep", "merge", "report"] {
            let help = try CommandLineTests.vppsim([command, "--help"])
            #expect(help.status == 0)
            #expect(help.output.contains("USAGE") && help.output.contains("EXAMPLES"), "\(command)")
            #expect(help.output.contains("vppsim \(command) "), "\(command)")
            let topic = try CommandLineTests.vppsim(["help", command])
            #expect(topic.output == help.output)
        }
        let overview = try CommandLineTests.vppsim(["--help"])
        #expect(overview.output.contains("sweep SCENARIO"))
    }

    @Test func compareOfRunFoldersAndScenarioFilesFromTheCLI() throws {
        let folder = try CommandLineTests.temporaryFolder()
        let run = folder.appendingPathComponent("tiny-uncontrolled").path
        _ = try CommandLineTests.vppsim(["run", "scenarios/tests/tiny-homes.json", "--strategy",
                                         "uncontrolled", "--out", run, "--quiet"])
        let out = folder.appendingPathComponent("cmp").path
        let outcome = try CommandLineTests.vppsim(
            ["compare", run, "scenarios/tests/tiny-homes.json", "--out", out])
        #expect(outcome.status == 0, "stderr: \(outcome.error)")
        #expect(outcome.output.contains("tiny-uncontrolled"))
        #expect(outcome.output.contains("tiny-homes-rule-based"))
        let csv = try String(contentsOfFile: "\(out)/comparison.csv", encoding: .utf8)
        #expect(csv.contains("tiny-uncontrolled,tiny-homes,uncontrolled,7,peak,kW,"))
    }
}
