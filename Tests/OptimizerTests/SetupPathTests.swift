@testable import LinearAlgebra
@testable import Optimizer
import XCTest

/// The setup's fast paths (long rows read together by tiles, kept apart by column as they
/// are assembled) must give exactly what the plain row-by-row paths give: the same arrays,
/// bit for bit, so that a solve's iterates do not change.
final class SetupPathTests: XCTestCase {
    /// Enough blocks for rows of two terms a block to be long (`SparseMatrix.longRowLength`).
    let blocks = 2600
    /// Tiles far smaller than the default, so that the models span several (one is also
    /// tried: the default tile holds a whole test model).
    let smallTiles = 1000

    func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }

    /// Equal arrays, or a failure naming the first difference (not both arrays).
    func assertEqual<T: Equatable>(
        _ a: [T], _ b: [T], _ what: String, line: UInt = #line
    ) {
        guard a.count == b.count else {
            return XCTFail("\(what): \(a.count) elements, not \(b.count)", line: line)
        }
        if let i = a.indices.first(where: { a[$0] != b[$0] }) {
            XCTFail("\(what): element \(i) is \(a[i]), not \(b[i])", line: line)
        }
    }

    func assertSame(_ a: CompressedRows, _ b: CompressedRows, _ what: String) {
        XCTAssertEqual(a.rows, b.rows, what)
        XCTAssertEqual(a.columns, b.columns, what)
        XCTAssertEqual(a.threads, b.threads, what)
        assertEqual(a.rowStart, b.rowStart, "\(what): rowStart")
        assertEqual(a.columnIndex, b.columnIndex, "\(what): columnIndex")
        assertEqual(bits(a.value), bits(b.value), "\(what): value")
        assertEqual(a.long.rows, b.long.rows, "\(what): long.rows")
        assertEqual(a.long.isLong, b.long.isLong, "\(what): long.isLong")
        assertEqual(a.long.slot, b.long.slot, "\(what): long.slot")
        assertEqual(a.long.column, b.long.column, "\(what): long.column")
        assertEqual(bits(a.long.value), bits(b.long.value), "\(what): long.value")
        assertEqual(a.long.chunks, b.long.chunks, "\(what): long.chunks")
    }

    func assertSame(_ f: StandardForm, _ g: StandardForm, _ what: String) {
        assertSame(f.a.byRow, g.a.byRow, "\(what): by row")
        assertSame(f.a.byColumn, g.a.byColumn, "\(what): by column")
        for (x, y) in [(f.b, g.b), (f.c, g.c), (f.q, g.q), (f.lower, g.lower),
                       (f.upper, g.upper), (f.fixedValue, g.fixedValue)] {
            assertEqual(bits(x), bits(y), what)
        }
        for (x, y) in [(f.columnBlock, g.columnBlock), (f.rowBlock, g.rowBlock),
                       (f.columnVariable, g.columnVariable), (f.variableColumn, g.variableColumn),
                       (f.modelRowIndex, g.modelRowIndex), (f.rowModelRow, g.rowModelRow)] {
            assertEqual(x, y, what)
        }
        XCTAssertEqual(f.objectiveConstant.bitPattern, g.objectiveConstant.bitPattern, what)
        XCTAssertEqual(f.violatedEmptyRows, g.violatedEmptyRows, what)
    }

    func testTiledRowsGiveTheSameForm() {
        for seed in [1, 2, 3] as [UInt64] {
            let model = SetupModels.make(blocks: blocks, seed: seed)
            let plain = StandardForm(model, threads: 2, tiledRowTerms: .max)
            XCTAssertFalse(plain.a.byRow.long.rows.isEmpty, "the model should have long rows")
            for (tiled, tile) in [
                (64, smallTiles), (SparseMatrix.longRowLength, smallTiles),
                (SparseMatrix.longRowLength, LongRowTiles.tileVariables),
            ] {
                let form = StandardForm(
                    model, threads: 2, tiledRowTerms: tiled, tileVariables: tile)
                assertSame(form, plain, "seed \(seed), rows over \(tiled) terms, tiles of \(tile)")
            }
        }
    }

    /// The matrix assembled with its long rows apart equals the one split after assembly.
    func testAssembledMatrixMatchesSplitAfterwards() {
        let form = StandardForm(
            SetupModels.make(blocks: blocks, seed: 4), threads: 2, tileVariables: smallTiles)
        let split = form.a.byRow
        var rowStart = [0]
        var columnIndex: [Int32] = []
        var value: [Double] = []
        for i in 0..<split.rows {
            if let slot = split.long.rows.firstIndex(of: i) {
                for e in split.long.slot.indices where split.long.slot[e] == Int32(slot) {
                    columnIndex.append(split.long.column[e])
                    value.append(split.long.value[e])
                }
            } else {
                columnIndex.append(contentsOf: split.columnIndex[split.rowStart[i]..<split.rowStart[i + 1]])
                value.append(contentsOf: split.value[split.rowStart[i]..<split.rowStart[i + 1]])
            }
            rowStart.append(columnIndex.count)
        }
        let reference = PlainSparseMatrix.make(
            rows: split.rows, columns: split.columns, rowStart: rowStart,
            columnIndex: columnIndex, value: value, longRowLength: SparseMatrix.longRowLength,
            threads: 2)
        assertSame(form.a.byRow, reference.byRow, "by row")
        assertSame(form.a.byColumn, reference.byColumn, "by column")
    }

    func testForcedVariablesMatchThePlainPasses() {
        for seed in [5, 6, 7] as [UInt64] {
            let model = SetupModels.make(blocks: blocks, seed: seed)
            let expected = PlainForcedVariables.values(model, tolerance: 1e-8)
            XCTAssertGreaterThan(
                expected.filter { !$0.isNaN }.count,
                model.lower.indices.filter { model.lower[$0] == model.upper[$0] }.count,
                "rows should force some variables")
            for tiled in [64, SparseMatrix.longRowLength, .max] {
                let found = ForcedVariables(
                    model, tolerance: 1e-8, tiledRowTerms: tiled, tileVariables: smallTiles
                ).value
                assertEqual(bits(found), bits(expected), "seed \(seed), tiled over \(tiled)")
            }
        }
    }
}
