/// Reads rows for `ForcedVariables` and fixes the variables of those that force them.
///
/// A row is read again only when one of its variables was fixed since it was last read:
/// values only ever go from undecided to fixed, and a row that fixed its variables has none
/// undecided left, so any other reading would change nothing. Which rows may have changed
/// is tracked by block (a block row holds only its block's variables); a coupling row is
/// read again after any fix. Long rows in variable order are read together by tiles.
struct ForcedRowReader {
    let model: Model
    let tolerance: Double
    let tiles: LongRowTiles
    /// Whether each row is read by tiles (empty when none is), and the runs of consecutive
    /// such rows.
    let tiled: [Bool]
    let runs: [Range<Int>]
    /// Fixing row readings so far; the count after the latest fix in each block, and the
    /// count when each row was last read (-1: never).
    var fixes = 0
    var blockFixedAt: [Int]
    var readAt: [Int]
    /// Where each variable was last seen (a number unique to the reading), to find
    /// variables repeated in a row.
    var seen: [Int]
    var stamp = 0

    init(_ model: Model, tolerance: Double, tiles: LongRowTiles) {
        self.model = model
        self.tolerance = tolerance
        self.tiles = tiles
        tiled = tiles.membership(rowCount: model.rowCount)
        var runs: [Range<Int>] = []
        for i in tiles.rows {
            if let last = runs.last, last.upperBound == i {
                runs[runs.count - 1] = last.lowerBound..<(i + 1)
            } else {
                runs.append(i..<(i + 1))
            }
        }
        self.runs = runs
        blockFixedAt = Array(repeating: 0, count: model.blockCount)
        readAt = Array(repeating: -1, count: model.rowCount)
        seen = Array(repeating: 0, count: model.variableCount)
    }

    /// The run of tiled rows holding row `i`, or an empty range.
    func tiledRun(containing i: Int) -> Range<Int> {
        if tiled.isEmpty || !tiled[i] { return 0..<0 }
        return runs.first { $0.contains(i) }!
    }

    /// Whether a variable of row `i` may have been fixed since the row was last read.
    func mayHaveChanged(_ i: Int) -> Bool {
        let b = model.rowBlock[i]
        return readAt[i] < (b >= 0 ? blockFixedAt[b] : fixes)
    }

    /// Reads row `i` (when it may have changed) and fixes its variables if it forces them;
    /// returns whether it did.
    mutating func fixForced(row i: Int, _ value: inout [Double]) -> Bool {
        guard mayHaveChanged(i) else { return false }
        return decide(row: i, read(row: i, value), &value)
    }

    /// `fixForced(row:)` for each of `order` (tiled rows of one run, in pass order), the
    /// rows that may have changed read together by tiles first.
    mutating func fixForced(tiledRows order: [Int], _ value: inout [Double]) -> Bool {
        let wanted = order.filter(mayHaveChanged)
        if wanted.isEmpty { return false }
        let activity = readTogether(wanted.sorted(), value)
        let fixesWhenRead = fixes
        var changed = false
        for i in order where mayHaveChanged(i) {
            // A fix since the tiled reading may have changed the row.
            let current =
                fixes == fixesWhenRead ? activity[i]! : read(row: i, value)
            changed = decide(row: i, current, &value) || changed
        }
        return changed
    }

    /// Row `i`'s activity bounds at `value`, its terms in order.
    mutating func read(row i: Int, _ value: [Double]) -> RowActivity {
        stamp += 1
        var activity = RowActivity()
        for k in model.rowStart[i]..<model.rowStart[i + 1] {
            let j = model.termVariable[k]
            if activity.add(j, model.termValue[k], value[j], model) {
                activity.repeats = activity.repeats || seen[j] == stamp
                seen[j] = stamp
            }
        }
        return activity
    }

    /// The activities of `rows` (tiled, increasing), read together by tiles. Their variables
    /// are in order, so a repeated variable follows its previous counted term directly.
    func readTogether(_ rows: [Int], _ value: [Double]) -> [Int: RowActivity] {
        let slotOf = Dictionary(uniqueKeysWithValues: tiles.rows.enumerated().map { ($1, $0) })
        let slots = rows.map { slotOf[$0]! }
        var activity = Array(repeating: RowActivity(), count: tiles.rows.count)
        value.withUnsafeBufferPointer { v in
            model.termValue.withUnsafeBufferPointer { termValue in
                tiles.forEachTerm(model, slots: slots) { slot, k in
                    let j = model.termVariable[k]
                    let previous = activity[slot].lastVariable
                    if activity[slot].add(j, termValue[k], v[j], model) {
                        activity[slot].repeats = activity[slot].repeats || previous == j
                    }
                }
            }
        }
        return Dictionary(uniqueKeysWithValues: zip(rows, slots.map { activity[$0] }))
    }
}
