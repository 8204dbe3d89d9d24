import LinearAlgebra
import XCTest

/// Products with long rows kept apart by column must agree with the plain row-by-row
/// products, and must not depend on the thread count.
final class CompressedRowsTests: XCTestCase {
    /// Two short rows and one row reaching every column (more than one chunk of entries).
    func makeMatrix(columns: Int, value: (Int) -> Double) -> CompressedRows {
        var start = [0]
        var index: [Int32] = []
        var values: [Double] = []
        for (row, columnList) in [[0, 1], Array(0..<columns), [columns - 2, columns - 1]]
            .enumerated()
        {
            for c in columnList {
                index.append(Int32(c))
                values.append(value(row * columns + c))
            }
            start.append(index.count)
        }
        return CompressedRows(
            rows: 3, columns: columns, rowStart: start, columnIndex: index, value: values)
    }

    func testLongRowsByColumnAgreeWithRows() {
        // Small integers: every sum is exact, whatever its order.
        let columns = 150_000
        let plain = makeMatrix(columns: columns) { Double($0 % 7) - 3 }
        var split = plain.splittingLongRows(longerThan: 10)
        split.threads = 2
        let x = (0..<columns).map { Double($0 % 5) }
        let s = (0..<columns).map { Double($0 % 3) }
        var expected: [Double] = []
        var found: [Double] = []
        plain.multiply(x, into: &expected)
        split.multiply(x, into: &found)
        XCTAssertEqual(found, expected)

        let b = [1.0, -2.0, 3.0]
        var residual: [Double] = []
        let norm = split.residual(b, x, into: &residual)
        XCTAssertEqual(residual, (0..<3).map { b[$0] - expected[$0] })
        XCTAssertEqual(norm, residual.map(abs).max())

        let scaled = (0..<columns).map { s[$0] * x[$0] }
        plain.multiply(scaled, into: &expected)
        split.subtractScaledProduct(from: b, scale: s, x, into: &found)
        XCTAssertEqual(found, (0..<3).map { b[$0] - expected[$0] })
    }

    func testLongRowsDoNotDependOnThreads() {
        let columns = 150_000
        var matrix = makeMatrix(columns: columns) { 1 / Double($0 + 3) }
            .splittingLongRows(longerThan: 10)
        let x = (0..<columns).map { sin(Double($0)) }
        var serial: [Double] = []
        var threaded: [Double] = []
        matrix.threads = 1
        matrix.multiply(x, into: &serial)
        matrix.threads = 2
        matrix.multiply(x, into: &threaded)
        XCTAssertEqual(serial, threaded)
    }
}
