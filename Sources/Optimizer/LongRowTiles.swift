/// Long rows of a model, walked together one tile of variables at a time.
///
/// A coupling row of a large fleet has a term in every block, so walking it touches a
/// cache line (and often a memory page) of every per-variable array for each term; the
/// next row touches the same lines again, long after they left the cache. Walked together
/// with a cursor per row, all rows visit a tile of variables before the next tile, so each
/// line of a per-variable array is loaded once for all of them. A row's terms still come
/// in their own order, so sums over a row are formed as a row-by-row walk forms them.
/// Only rows whose variables are in non-decreasing order can be walked so.
struct LongRowTiles {
    /// The rows walked by tiles, in increasing order.
    let rows: [Int]
    /// The last variable (exclusive) of each tile, increasing; the last is the variable count.
    let tileEnds: [Int]

    /// Variables per tile: a tile's share of three arrays of 8 bytes per variable is 1.5 MiB,
    /// about the L2 cache. Chosen by experiment on 100,000 assets (see the Optimizer
    /// README, "Setup"): 1,024 to 262,144 all beat row by row, 65,536 was fastest.
    static let tileVariables = 65_536

    /// The rows of `model` with more than `minimumTerms` terms, in non-decreasing variable
    /// order, with tiles of `tileVariables` variables (tests use small tiles).
    init(_ model: Model, longerThan minimumTerms: Int, tileVariables: Int = Self.tileVariables) {
        rows = (0..<model.rowCount).filter { i in
            model.rowStart[i + 1] - model.rowStart[i] > minimumTerms
                && Self.isInOrder(model, row: i)
        }
        tileEnds =
            Array(stride(from: tileVariables, to: model.variableCount, by: tileVariables))
            + [model.variableCount]
    }

    init(rows: [Int], tileEnds: [Int]) {
        self.rows = rows
        self.tileEnds = tileEnds
    }

    /// Whether `model`'s row `i` lists its variables in non-decreasing order.
    static func isInOrder(_ model: Model, row i: Int) -> Bool {
        (model.rowStart[i]..<model.rowStart[i + 1]).dropFirst().allSatisfy {
            model.termVariable[$0 - 1] <= model.termVariable[$0]
        }
    }

    /// Whether each model row is walked by tiles (an empty array when none is).
    func membership(rowCount: Int) -> [Bool] {
        if rows.isEmpty { return [] }
        var member = Array(repeating: false, count: rowCount)
        for i in rows { member[i] = true }
        return member
    }

    /// Calls `visit(slot, term)` for every term of `rows[slot]` for each slot in `slots`
    /// (increasing): tile by tile, within a tile slot by slot, within a row in term order.
    @inline(__always)
    func forEachTerm(
        _ model: Model, slots: [Int], _ visit: (_ slot: Int, _ term: Int) -> Void
    ) {
        var cursor = slots.map { model.rowStart[rows[$0]] }
        let end = slots.map { model.rowStart[rows[$0] + 1] }
        model.termVariable.withUnsafeBufferPointer { variable in
            for tileEnd in tileEnds {
                for (index, slot) in slots.enumerated() {
                    var k = cursor[index]
                    while k < end[index] && variable[k] < tileEnd {
                        visit(slot, k)
                        k += 1
                    }
                    cursor[index] = k
                }
            }
        }
    }
}
