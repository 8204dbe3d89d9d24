/// Where `RowAssembly` writes rows' entries (room for every term; valid during its `run`).
struct Entries {
    let column: UnsafeMutablePointer<Int32>
    let value: UnsafeMutablePointer<Double>

    /// Lists longer than this are not compared pair by pair for repeats: past it a
    /// dictionary (`addUpRepeats`) is cheaper. A dispatch block row has 4 terms.
    static let pairwiseRepeatLimit = 16

    /// Drops the entries in `range` that are zero; returns the new end. Each value is taken
    /// as a sum from +0 (as `addUpRepeats` forms them), so -0 becomes +0 and is dropped.
    func dropZeros(_ range: Range<Int>) -> Int {
        var end = range.lowerBound
        for e in range {
            let sum = 0.0 + value[e]
            if sum != 0 {
                column[end] = column[e]
                value[end] = sum
                end += 1
            }
        }
        return end
    }

    /// Whether a column is listed twice in `range`; a list too long to compare pair by pair
    /// counts as having repeats (`addUpRepeats` gives it the same result as `dropZeros`).
    func hasRepeats(_ range: Range<Int>) -> Bool {
        guard range.count <= Self.pairwiseRepeatLimit else { return true }
        for p in range {
            for q in (p + 1)..<range.upperBound where column[q] == column[p] { return true }
        }
        return false
    }

    /// Adds up the values of repeated columns in `range` (each from +0, in list order) into
    /// the column's first place, and drops zero sums; returns the new end.
    func addUpRepeats(_ range: Range<Int>) -> Int {
        var place: [Int32: Int] = [:]
        var order: [Int32] = []
        var sums: [Double] = []
        for e in range {
            if let p = place[column[e]] {
                sums[p] += value[e]
            } else {
                place[column[e]] = order.count
                order.append(column[e])
                sums.append(0.0 + value[e])
            }
        }
        var end = range.lowerBound
        for (p, c) in order.enumerated() where sums[p] != 0 {
            column[end] = c
            value[end] = sums[p]
            end += 1
        }
        return end
    }
}
