import Optimizer
import XCTest

/// Tiny models with the parts that larger ones rarely have: free rows and
/// variables, empty rows, ranges, fixed variables, variables in no row, a
/// constant on the objective row. Each is solved on both KKT paths, which must
/// agree. Tolerance: 1e-6 absolute on objectives (solver tolerances are 1e-8).
final class SmallModelEdgeTests: XCTestCase {
    /// min x - y + 0.5 z + 2 w - 2 (objective row RHS 2)
    /// r1: 1 <= x + y <= 3 (E with range 2), r2: x + w <= 10 (w fixed at 1),
    /// r3: y >= -5, r4 empty (0 <= 5), 'extra' a free N row used in COLUMNS and RHS.
    /// x free, y <= 4, z in [-2, 3] and in no row, u in no row and no objective.
    /// Optimum: z = -2, x + y = 1 with y = 4, x = -3: -3 - 4 - 1 + 2 - 2 = -8.
    static let edgeCases = """
        NAME edge
        ROWS
         N COST
         E r1
         L r2
         G r3
         N extra
         L r4
        COLUMNS
            x COST 1 r1 1
            x r2 1 extra 7
            y COST -1 r1 1
            y r3 1
            z COST 0.5
            w COST 2 r2 1
            u extra 1
        RHS
            RHS COST 2 r1 1
            RHS r2 10 r3 -5
            RHS extra 3 r4 5
        RANGES
            RNG r1 2 extra 1
        BOUNDS
         FR BND x
         FX BND w 1
         UP BND y 4
         LO BND z -2
         UP BND z 3
        ENDATA
        """

    func solve(_ model: Model, _ path: SolverSettings.KKTPath) throws -> SolveResult {
        var settings = SolverSettings()
        settings.path = path
        return try model.solve(settings: settings)
    }

    func testEdgeCasesSolveOnBothPaths() throws {
        let model = try Model.parseMPS(Self.edgeCases)
        XCTAssertEqual(model.rowCount, 4, "the free row 'extra' is dropped")
        XCTAssertEqual(model.variableCount, 5)
        XCTAssertEqual(model.objectiveConstant, -2)
        for path in [SolverSettings.KKTPath.general, .structured] {
            let result = try solve(model, path)
            XCTAssertEqual(result.status, .optimal, "path \(path)")
            XCTAssertEqual(result.objective, -8, accuracy: 1e-6, "path \(path)")
            XCTAssertEqual(result.x[2], -2, accuracy: 1e-6, "path \(path)")
        }
    }

    func testDuplicateRowIsAnError() {
        let text = "NAME t\nROWS\n N COST\n L r1\n G r1\nCOLUMNS\n    x r1 1\nENDATA\n"
        XCTAssertThrowsError(try Model.parseMPS(text, file: "t.mps")) { error in
            let mps = error as? MPSError
            XCTAssertEqual(mps?.line, 5)
            XCTAssertTrue(mps?.description.contains("declared twice") ?? false)
        }
    }

    /// A block model with an empty block row, a fixed block variable, a block
    /// variable in no row, an empty block and a coupling row on a coupling
    /// variable only: the structured path handles it and agrees with the general one.
    /// min -a - b + p  s.t.  a + f <= 2 (f fixed at 1), b <= 3 (block rows),
    /// a + b - p <= 1 (coupling), p <= 10 (coupling, p only); a, b in [0, 5], g in [0, 1]
    /// with cost 1 and no row: a = 1, b = 3, p = 3: objective -1 - 3 + 3 = -1.
    func testStructuredPathOnOddBlocks() throws {
        var model = Model()
        model.beginBlock(name: "one")
        let a = model.addVariable(upper: 5, cost: -1)
        let f = model.addVariable(lower: 1, upper: 1)
        model.addVariable(upper: 1, cost: 1)
        model.addRow(terms: [(a, 1), (f, 1)], lower: -.infinity, upper: 2)
        model.addRow(terms: [], lower: 0, upper: 5)
        model.endBlock()
        model.beginBlock(name: "empty")
        model.endBlock()
        model.beginBlock(name: "two")
        let b = model.addVariable(upper: 5, cost: -1)
        model.addRow(terms: [(b, 1)], lower: -.infinity, upper: 3)
        model.endBlock()
        let p = model.addVariable(name: "p", cost: 1)
        model.addRow(name: "net", terms: [(a, 1), (b, 1), (p, -1)], lower: -.infinity, upper: 1)
        model.addRow(terms: [(p, 1)], lower: -.infinity, upper: 10)
        for path in [SolverSettings.KKTPath.general, .structured] {
            let result = try solve(model, path)
            XCTAssertEqual(result.status, .optimal, "path \(path)")
            XCTAssertEqual(result.objective, -1, accuracy: 1e-6, "path \(path)")
            XCTAssertEqual(
                result.pathDescription.hasPrefix("structured"), path == .structured,
                result.pathDescription)
        }
    }

    /// Coupling rows added between blocks: the structured path reorders the rows.
    /// min -a - b + 2p  s.t.  a <= 3, b <= 4 (blocks), a - p <= 1, b - p <= 1, p >= 0.
    /// For p <= 2, a = b = 1 + p: objective -2. For 2 <= p <= 3, a = 3, b = 1 + p:
    /// -4 + p >= -2. Beyond, -7 + 2p > -2. Least objective -2 (for any p in [0, 2]).
    func testStructuredPathWithCouplingRowsBetweenBlocks() throws {
        var model = Model()
        let p = model.addVariable(name: "p", cost: 2)
        model.beginBlock(name: "first")
        let a = model.addVariable(upper: 5, cost: -1)
        model.addRow(terms: [(a, 1)], lower: -.infinity, upper: 3)
        model.endBlock()
        model.addRow(terms: [(a, 1), (p, -1)], lower: -.infinity, upper: 1)
        model.beginBlock(name: "second")
        let b = model.addVariable(upper: 5, cost: -1)
        model.addRow(terms: [(b, 1)], lower: -.infinity, upper: 4)
        model.endBlock()
        model.addRow(terms: [(b, 1), (p, -1)], lower: -.infinity, upper: 1)
        for path in [SolverSettings.KKTPath.general, .structured] {
            let result = try solve(model, path)
            XCTAssertEqual(result.status, .optimal, "path \(path)")
            XCTAssertEqual(result.objective, -2, accuracy: 1e-6, "path \(path)")
        }
    }

    /// Blocks whose variables are all fixed leave nothing to solve: x = (1, 2), objective 3.
    func testStructuredPathWithEveryVariableFixed() throws {
        var model = Model()
        model.beginBlock(name: "fixed")
        let a = model.addVariable(lower: 1, upper: 1, cost: 1)
        let b = model.addVariable(lower: 2, upper: 2, cost: 1)
        model.addRow(terms: [(a, 1), (b, 1)], lower: 3, upper: 3)
        model.endBlock()
        for path in [SolverSettings.KKTPath.general, .structured] {
            let result = try solve(model, path)
            XCTAssertEqual(result.status, .optimal, "path \(path)")
            XCTAssertEqual(result.objective, 3, accuracy: 1e-9, "path \(path)")
            XCTAssertEqual(result.x, [1, 2], "path \(path)")
        }
    }

    func testUnnamedPartsGetNamesFromTheirPlace() throws {
        var model = Model()
        model.beginBlock(name: "bat")
        let c = model.addVariable(upper: 2)
        let e = model.addVariable(name: "energy", upper: 4)
        model.addRow(terms: [(c, 1), (e, -1)], lower: 0, upper: 0)
        model.endBlock()
        let peak = model.addVariable()
        model.addRow(name: "net", terms: [(c, 1), (peak, -1)], lower: -.infinity, upper: 0)
        XCTAssertEqual(model.variableNames, ["bat_x0", "energy", "x2"])
        XCTAssertEqual(model.rowNames, ["bat_r0", "net"])
        let back = try Model.parseMPS(model.mpsText())
        XCTAssertEqual(back.variableNames, model.variableNames)
        XCTAssertEqual(back.rowNames, model.rowNames)
    }
}
