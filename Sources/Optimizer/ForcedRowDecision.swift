/// Activity bounds of a row's undecided terms, and what its decided terms contribute.
struct RowActivity {
    var least = 0.0
    var most = 0.0
    var fixed = 0.0
    var undecided = 0
    var lastVariable = -1
    var lastCoefficient = 0.0
    var repeats = false

    /// Adds the term `a x_j` (`v`: the value of `x_j`, NaN when undecided); returns whether
    /// it counts as undecided (the caller looks for repeated variables among those).
    @inline(__always)
    mutating func add(_ j: Int, _ a: Double, _ v: Double, _ model: Model) -> Bool {
        if !v.isNaN {
            fixed += a * v
            return false
        }
        if a == 0 { return false }
        undecided += 1
        lastVariable = j
        lastCoefficient = a
        least += a * (a > 0 ? model.lower[j] : model.upper[j])
        most += a * (a > 0 ? model.upper[j] : model.lower[j])
        return true
    }
}

extension ForcedRowReader {
    /// Fixes the variables of row `i`, read as `activity`, if it forces them; returns
    /// whether it did, and notes the reading.
    mutating func decide(row i: Int, _ activity: RowActivity, _ value: inout [Double]) -> Bool {
        let fixed = forces(row: i, activity, &value)
        if fixed { fixes += 1 }
        readAt[i] = fixes
        return fixed
    }

    private mutating func forces(
        row i: Int, _ activity: RowActivity, _ value: inout [Double]
    ) -> Bool {
        if activity.undecided == 0 || activity.repeats { return false }
        let lo = model.rowLower[i] - activity.fixed
        let up = model.rowUpper[i] - activity.fixed
        if activity.undecided == 1 && lo == up {
            return fixSingleton(activity.lastVariable, up / activity.lastCoefficient, &value)
        }
        func reaches(_ bound: Double, _ limit: Double) -> Bool {
            bound.isFinite && limit.isFinite && abs(bound - limit) <= tolerance * (1 + abs(limit))
        }
        let atLeast = reaches(activity.least, up)
        guard atLeast || reaches(activity.most, lo) else { return false }
        for k in model.rowStart[i]..<model.rowStart[i + 1] {
            let j = model.termVariable[k]
            let a = model.termValue[k]
            guard value[j].isNaN, a != 0 else { continue }
            value[j] = (a > 0) == atLeast ? model.lower[j] : model.upper[j]
            noteFix(of: j)
        }
        return true
    }

    /// Fixes variable `j` at `v` when `v` lies within its bounds, up to the tolerance.
    private mutating func fixSingleton(_ j: Int, _ v: Double, _ value: inout [Double]) -> Bool {
        let l = model.lower[j]
        let u = model.upper[j]
        let slack = tolerance * (1 + abs(v))
        guard v.isFinite, v >= l - slack, v <= u + slack else { return false }
        value[j] = min(max(v, l), u)
        noteFix(of: j)
        return true
    }

    /// Notes that variable `j` is being fixed by the reading that makes `fixes + 1` fixes.
    private mutating func noteFix(of j: Int) {
        let b = model.variableBlock[j]
        if b >= 0 { blockFixedAt[b] = fixes + 1 }
    }
}
