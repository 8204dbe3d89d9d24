import Foundation
import DispatchInstances
import Optimizer
import XCTest

/// MPS reading and writing: round trip and the less common sections.
final class MPSTests: XCTestCase {
    func testRoundTripKeepsTheModel() throws {
        let model = DispatchGenerator.make(assetCount: 2, seed: 4, quadratic: true).model()
        let text = model.mpsText()
        let back = try Model.parseMPS(text)
        XCTAssertEqual(back.mpsText(), text)
        XCTAssertEqual(back.variableCount, model.variableCount)
        XCTAssertEqual(back.rowCount, model.rowCount)
        XCTAssertEqual(back.objectiveConstant, model.objectiveConstant)
        let a = try model.solve()
        let b = try back.solve()
        XCTAssertEqual(a.objective, b.objective, accuracy: 1e-6 * abs(a.objective))
    }

    func testReadsRangesBoundsConstantAndQuadratic() throws {
        // min x + 2y + 1/2 (2) y^2 + 3 (constant: RHS of COST is -3)
        // r1: 1 <= x + y <= 4 (G with range 3); x in [-1, 5], y free -> MI + UP.
        let text = """
            NAME test
            ROWS
             N COST
             G r1
            COLUMNS
                x COST 1 r1 1
                y COST 2 r1 1
            RHS
                RHS COST -3 r1 1
            RANGES
                RNG r1 3
            BOUNDS
             LO BND x -1
             UP BND x 5
             MI BND y
             UP BND y 10
            QUADOBJ
                y y 2
            ENDATA
            """
        let model = try Model.parseMPS(text)
        XCTAssertEqual(model.objectiveConstant, 3)
        XCTAssertEqual(model.rowLower, [1])
        XCTAssertEqual(model.rowUpper, [4])
        XCTAssertEqual(model.lower, [-1, -.infinity])
        XCTAssertEqual(model.upper, [5, 10])
        XCTAssertEqual(model.quadraticCost, [0, 2])
        // Row active: x = 1 - y, objective 4 + y + y^2, least at y = -1/2, x = 3/2: 3.75.
        let result = try model.solve()
        XCTAssertEqual(result.objective, 3.75, accuracy: 1e-6)
        XCTAssertEqual(result.x[1], -0.5, accuracy: 1e-6)
    }

    /// maximize x subject to x <= 4: the report prints the maximum, 4 (by hand), not the
    /// minimum of the negated objective that the model stores.
    func testMaximizationReportsTheMaximum() throws {
        let text = """
            NAME max
            OBJSENSE
                MAX
            ROWS
             N obj
             L cap
            COLUMNS
                x obj 1 cap 1
            RHS
                rhs cap 4
            ENDATA
            """
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("vppsim-max-\(UUID().uuidString).mps").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let report = try solveMPSFile(path: path, settings: SolverSettings())
        XCTAssertTrue(report.maximizes)
        XCTAssertEqual(report.result.objective, -4, accuracy: 1e-7)
        let line = report.description.split(separator: "\n").first { $0.hasPrefix("objective:") }
        XCTAssertEqual(line.map { $0.hasSuffix("(maximized)") }, true)
        let printed = line.flatMap { Double($0.split(separator: " ")[1]) }
        XCTAssertEqual(printed ?? 0, 4, accuracy: 1e-7)
    }

    func testModelsWithoutAnOptimumPrintNoObjective() throws {
        let rows = "ROWS\n N obj\n G low\n L high\nCOLUMNS\n    x obj 1 low 1\n    x high 1\n"
        let infeasible = "NAME inf\n" + rows + "RHS\n    rhs low 5 high 3\nENDATA\n"
        let unbounded = "NAME unb\nROWS\n N obj\n L cap\nCOLUMNS\n    x obj -1 cap 1\n"
            + "    y obj 0 cap -1\nRHS\n    rhs cap 4\nBOUNDS\n FR bnd y\nENDATA\n"
        let unboundedAbove = unbounded.replacingOccurrences(
            of: "NAME unb\n", with: "NAME unb\nOBJSENSE\n    MAX\n"
        ).replacingOccurrences(of: "x obj -1", with: "x obj 1")
        for (text, expected) in [
            (infeasible, "none (no point meets every constraint)"),
            (unbounded, "none (unbounded below)"),
            (unboundedAbove, "none (unbounded above)"),
        ] {
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("vppsim-none-\(UUID().uuidString).mps").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let report = try solveMPSFile(path: path, settings: SolverSettings())
            let line = report.description.split(separator: "\n").first {
                $0.hasPrefix("objective:")
            }
            XCTAssertEqual(line, "objective:   \(expected)"[...], "status \(report.result.status)")
            if report.maximizes {
                XCTAssertTrue(report.description.contains("objective can increase forever"))
            }
        }
    }

    func testErrorsNameTheLine() {
        let text = "NAME t\nROWS\n N COST\nCOLUMNS\n    x nowhere 1\nENDATA\n"
        XCTAssertThrowsError(try Model.parseMPS(text, file: "t.mps")) { error in
            let mps = error as? MPSError
            XCTAssertEqual(mps?.line, 5)
            XCTAssertTrue(mps?.description.contains("nowhere") ?? false)
        }
    }

    /// The same file with CRLF or CR line ends reads as with LF, and 1e30 in BOUNDS or RHS
    /// is infinite (as HiGHS reads it): min -x - 2y, x + y <= 3 (y <= 1e30), x <= 2:
    /// x = 0, y = 3 by hand, objective -6.
    func testLineEndsAndInfiniteBounds() throws {
        let lines = [
            "NAME t", "ROWS", " N COST", " L r1", " G r2", "COLUMNS", "    x COST -1 r1 1",
            "    y COST -2 r1 1", "    y r2 1", "RHS", "    RHS r1 3 r2 -1e30", "BOUNDS",
            " UP BND x 2", " UP BND y 1e30", "ENDATA",
        ]
        for end in ["\n", "\r\n", "\r"] {
            let model = try Model.parseMPS(lines.joined(separator: end) + end)
            XCTAssertEqual(model.upper, [2, .infinity])
            XCTAssertEqual(model.rowLower, [-.infinity, -.infinity])
            let result = try model.solve()
            XCTAssertEqual(result.objective, -6, accuracy: 1e-7)
        }
    }

    /// What another reader might take in more than one way is refused, at its line.
    func testAmbiguousFilesAreRefusedAtTheirLine() {
        let base = [
            "NAME t", "ROWS", " N COST", " L r1", "COLUMNS", "    x COST -1 r1 1", "RHS",
            "    RHS r1 3", "ENDATA",
        ]
        func refused(_ edit: (inout [String]) -> Void, line: Int, saying words: String) {
            var lines = base
            edit(&lines)
            XCTAssertThrowsError(try Model.parseMPS(lines.joined(separator: "\n"))) { error in
                let mps = error as? MPSError
                XCTAssertEqual(mps?.line, line, "\(lines)")
                XCTAssertTrue(mps?.message.contains(words) ?? false, "\(String(describing: mps))")
            }
        }
        refused({ $0.insert("    x r1 2", at: 6) }, line: 7, saying: "second entry in row 'r1'")
        refused({ $0.insert("    RHS2 r1 4", at: 8) }, line: 9, saying: "second RHS set")
        refused({ $0.insert("    RHS r1 4", at: 8) }, line: 9, saying: "gives row 'r1' twice")
        refused({ $0.insert("OBJSENSE SIDEWAYS", at: 1) }, line: 2, saying: "neither MIN nor MAX")
        refused({ $0.insert(contentsOf: ["ROWS", " L r2"], at: 4) }, line: 5, saying: "twice")
        refused({ $0[7] = "    RHS r1 nan" }, line: 8, saying: "not a number")
        refused({ $0[7] = "    RHS r1 0x10" }, line: 8, saying: "not a number")
        refused({ $0[5] = "    x COST -inf r1 1" }, line: 6, saying: "infinite")
        refused({ $0[5] = "    x COST -1 r1 1e15" }, line: 6, saying: "less than 1e15")
        refused({ $0[5] = "    x COST -1e20 r1 1" }, line: 6, saying: "less than 1e20")
        refused({ $0.insert(contentsOf: ["QUADOBJ", "    x x 1e50"], at: 8) }, line: 10,
                saying: "too large for a quadratic cost")
        refused({ $0.insert(contentsOf: ["BOUNDS", " UP BND x 5", " UP BND x 2"], at: 8) },
                line: 11, saying: "upper bound given twice")
        refused({ $0.append("ROWS") }, line: 10, saying: "text after ENDATA")
        refused({ $0.insert(contentsOf: ["RANGES", "    RNG COST 1"], at: 8) }, line: 10,
                saying: "objective row")
    }

    /// Forms other readers take that this one took wrongly or refused: bounds without a set
    /// name, a row whose name contains MARKER, a maximized concave quadratic, an infinite
    /// range on an infinite right-hand side (a free row, not NaN).
    /// max x - x^2 (QUADOBJ -2 is x'Qx/2 = -x^2) on x <= 3: x = 1/2, objective 1/4 by hand.
    func testOtherReadersForms() throws {
        let maximized = try Model.parseMPS([
            "NAME t", "OBJSENSE", "    MAX", "ROWS", " N COST", " L BOOKMARKER", "COLUMNS",
            "    x COST 1 BOOKMARKER 1", "RHS", "    RHS BOOKMARKER 3", "BOUNDS", " UP x 4",
            " MI x", "QUADOBJ", "    x x -2", "ENDATA",
        ].joined(separator: "\n"))
        XCTAssertEqual(maximized.upper, [4])
        XCTAssertEqual(maximized.lower, [-.infinity])
        XCTAssertEqual(maximized.quadraticCost, [2])
        XCTAssertEqual(try maximized.solve().objective, -0.25, accuracy: 1e-7)
        let free = try Model.parseMPS([
            "NAME t", "ROWS", " N COST", " G r1", "COLUMNS", "    x COST 1 r1 1", "RHS",
            "    RHS r1 -1e30", "RANGES", "    RNG r1 1e30", "ENDATA",
        ].joined(separator: "\n"))
        XCTAssertEqual(free.rowLower, [-.infinity])
        XCTAssertEqual(free.rowUpper, [.infinity])
    }
}
