import Foundation
import Testing

/// Golden files of the study tests, in Golden/studies/. Set VPPSIM_UPDATE_GOLDEN=1 to
/// rewrite them after a deliberate change of the model, and say why in the commit.
enum StudiesGolden {
    static let folder = repositoryRoot.appendingPathComponent("Tests/VPPSimTests/Golden/studies")

    /// The two small test scenarios every study test runs, as absolute paths.
    static let scenarios = ["tiny-homes.json", "tiny-v2g.json"].map {
        repositoryRoot.appendingPathComponent("scenarios/tests/\($0)").path
    }

    static func check(_ text: String, against name: String) throws {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["VPPSIM_UPDATE_GOLDEN"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "\(name) differs from Golden/studies/\(name)")
    }
}
