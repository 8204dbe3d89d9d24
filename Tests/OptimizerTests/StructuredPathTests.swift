import DispatchInstances
import Optimizer
import XCTest

/// The structured path against the general path on seeded dispatch instances.
/// Tolerance: 1e-7 relative on objectives (both solve to 1e-8 relative gap).
final class StructuredPathTests: XCTestCase {
    func solve(_ model: Model, _ path: SolverSettings.KKTPath, merge: Bool = true) throws
        -> SolveResult
    {
        var settings = SolverSettings()
        settings.path = path
        settings.mergeIdenticalBlocks = merge
        return try model.solve(settings: settings)
    }

    func relativeDifference(_ a: Double, _ b: Double) -> Double {
        abs(a - b) / max(1, abs(a), abs(b))
    }

    func testStructuredAgreesWithGeneralOnRandomDispatch() throws {
        for (assets, seed, quadratic) in [(2, 11, false), (4, 12, true), (5, 13, false)] {
            let model = DispatchGenerator.make(
                assetCount: assets, seed: UInt64(seed), quadratic: quadratic
            ).model()
            let general = try solve(model, .general)
            let structured = try solve(model, .structured)
            XCTAssertEqual(general.status, .optimal)
            XCTAssertEqual(structured.status, .optimal)
            XCTAssertTrue(structured.pathDescription.hasPrefix("structured"))
            XCTAssertLessThan(relativeDifference(general.objective, structured.objective), 1e-7)
        }
    }

    /// 480 steps give 560 coupling rows, beyond the 362 up to which 16 chunks of Schur
    /// partial sums fit their budget (`schurChunkCount`); the Schur matrices are reused.
    func testManyCouplingRowsAgreeWithGeneralAndAcrossThreads() throws {
        let model = DispatchGenerator.make(assetCount: 3, seed: 14, steps: 480).model()
        let general = try solve(model, .general)
        var settings = SolverSettings()
        settings.path = .structured
        settings.threads = 1
        let serial = try model.solve(settings: settings)
        settings.threads = 2
        let threaded = try model.solve(settings: settings)
        XCTAssertEqual(general.status, .optimal)
        XCTAssertEqual(threaded.status, .optimal)
        XCTAssertTrue(threaded.pathDescription.contains("560 coupling rows"), threaded.pathDescription)
        XCTAssertLessThan(relativeDifference(general.objective, threaded.objective), 1e-7)
        XCTAssertEqual(serial.x, threaded.x)
    }

    func testIdenticalBlocksAreMergedAndAgree() throws {
        let model = DispatchGenerator.make(assetCount: 6, seed: 5, identicalAssets: true).model()
        let merged = try solve(model, .structured)
        let unmerged = try solve(model, .structured, merge: false)
        XCTAssertEqual(merged.status, .optimal)
        XCTAssertTrue(
            merged.pathDescription.contains("6 blocks merged into 2"), merged.pathDescription)
        XCTAssertLessThan(relativeDifference(merged.objective, unmerged.objective), 1e-7)
        XCTAssertEqual(merged.x.count, model.variableCount)
        XCTAssertEqual(merged.rowDuals.count, model.rowCount)
    }

    func testSolvingTwiceGivesIdenticalIterates() throws {
        let model = DispatchGenerator.make(assetCount: 8, seed: 21, quadratic: true).model()
        var settings = SolverSettings()
        settings.recordIterates = true
        settings.threads = 2
        for path in [SolverSettings.KKTPath.structured, .general] {
            settings.path = path
            let first = try model.solve(settings: settings)
            let second = try model.solve(settings: settings)
            XCTAssertEqual(first.iterations, second.iterations)
            XCTAssertEqual(first.iterates, second.iterates, "path \(path)")
            XCTAssertEqual(first.x, second.x)
        }
    }

    func testResultsDoNotDependOnThreadCount() throws {
        // 240 assets give more than 65,536 columns: several elementwise chunks.
        let model = DispatchGenerator.make(assetCount: 240, seed: 8).model()
        var settings = SolverSettings()
        settings.threads = 1
        let serial = try model.solve(settings: settings)
        settings.threads = 2
        let threaded = try model.solve(settings: settings)
        XCTAssertEqual(serial.iterations, threaded.iterations)
        XCTAssertEqual(serial.x, threaded.x)
    }

    func testNonTridiagonalBlockFallsBackToGeneral() throws {
        // A block whose row links a variable to rows two apart is not tridiagonal.
        var model = Model()
        model.beginBlock(name: "odd")
        let a = model.addVariable(name: "a", upper: 4, cost: -1)
        let b = model.addVariable(name: "b", upper: 4, cost: -1)
        model.addRow(name: "r0", terms: [(a, 1)], lower: -.infinity, upper: 3)
        model.addRow(name: "r1", terms: [(b, 1)], lower: -.infinity, upper: 3)
        model.addRow(name: "r2", terms: [(a, 1), (b, 1)], lower: -.infinity, upper: 5)
        model.endBlock()
        let result = try solve(model, .structured)
        XCTAssertEqual(result.status, .optimal)
        XCTAssertEqual(result.objective, -5, accuracy: 1e-6)
        XCTAssertTrue(result.pathDescription.contains("not applicable"), result.pathDescription)
    }
}
