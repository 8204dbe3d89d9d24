/// The variables whose values a model decides before any solving: those fixed by equal
/// bounds, and those forced by a row.
///
/// A row `lo <= a'x <= up` is forcing when the least activity its variables' bounds allow
/// already reaches `up` (or the greatest reaches `lo`): each variable must then sit at the
/// bound that gives that activity. An equality row with a single variable left fixes that
/// variable. A model with such rows has no strictly interior point, so the optimal duals of
/// those rows are unbounded and an interior-point method drives them towards infinity, where
/// they swamp the duality gap with their product with a tiny primal residual. Fixing the
/// variables first, as equal bounds are, removes the rows and gives the method an interior.
/// Dispatch models have them wherever an asset has nothing to decide: rebound owed that
/// nothing can feed, a job whose remaining steps are fixed, a battery the plan does not
/// control.
struct ForcedVariables {
    /// The value of each model variable, NaN where the method has to find it.
    private(set) var value: [Double]

    /// Passes over the rows at most. Passes alternate direction, so a chain of forcing rows
    /// in time order resolves in one pass either way; chosen by experiment (dispatch models
    /// need two or three).
    static let passLimit = 8

    /// - Parameter tolerance: relative difference (to 1 + |row bound|) within which an
    ///   activity bound reaches the row bound, and within which a singleton row's value may
    ///   lie outside its variable's bounds and still fix it (at the nearer bound).
    init(_ model: Model, tolerance: Double) {
        value = (0..<model.variableCount).map {
            model.lower[$0] == model.upper[$0] ? model.lower[$0] : .nan
        }
        // Where each variable was last seen (a number unique to the pass and row), to find
        // variables repeated in a row.
        var seen = Array(repeating: 0, count: model.variableCount)
        let m = model.rowCount
        for pass in 0..<Self.passLimit {
            var changed = false
            for step in 0..<m {
                let i = pass % 2 == 0 ? step : m - 1 - step
                let stamp = pass * m + i + 1
                changed = fixForced(row: i, model, tolerance, stamp: stamp, &seen) || changed
            }
            if !changed { break }
        }
    }

    /// Activity bounds of a row's undecided terms, and what its decided terms contribute.
    private struct RowActivity {
        var least = 0.0
        var most = 0.0
        var fixed = 0.0
        var undecided = 0
        var lastVariable = -1
        var lastCoefficient = 0.0
        var repeats = false
    }

    /// Fixes the variables of row `i` if it forces them; returns whether it did.
    private mutating func fixForced(
        row i: Int, _ model: Model, _ tolerance: Double, stamp: Int, _ seen: inout [Int]
    ) -> Bool {
        let terms = model.rowStart[i]..<model.rowStart[i + 1]
        var activity = RowActivity()
        for k in terms {
            let j = model.termVariable[k]
            let a = model.termValue[k]
            if !value[j].isNaN {
                activity.fixed += a * value[j]
                continue
            }
            if a == 0 { continue }
            activity.repeats = activity.repeats || seen[j] == stamp
            seen[j] = stamp
            activity.undecided += 1
            activity.lastVariable = j
            activity.lastCoefficient = a
            activity.least += a * (a > 0 ? model.lower[j] : model.upper[j])
            activity.most += a * (a > 0 ? model.upper[j] : model.lower[j])
        }
        if activity.undecided == 0 || activity.repeats { return false }
        let lo = model.rowLower[i] - activity.fixed
        let up = model.rowUpper[i] - activity.fixed
        if activity.undecided == 1 && lo == up {
            return fixSingleton(activity.lastVariable, up / activity.lastCoefficient, model,
                                tolerance)
        }
        func reaches(_ bound: Double, _ limit: Double) -> Bool {
            bound.isFinite && limit.isFinite && abs(bound - limit) <= tolerance * (1 + abs(limit))
        }
        let atLeast = reaches(activity.least, up)
        guard atLeast || reaches(activity.most, lo) else { return false }
        for k in terms {
            let j = model.termVariable[k]
            let a = model.termValue[k]
            guard value[j].isNaN, a != 0 else { continue }
            value[j] = (a > 0) == atLeast ? model.lower[j] : model.upper[j]
        }
        return true
    }

    /// Fixes variable `j` at `v` when `v` lies within its bounds, up to the tolerance.
    private mutating func fixSingleton(
        _ j: Int, _ v: Double, _ model: Model, _ tolerance: Double
    ) -> Bool {
        let l = model.lower[j]
        let u = model.upper[j]
        let slack = tolerance * (1 + abs(v))
        guard v.isFinite, v >= l - slack, v <= u + slack else { return false }
        value[j] = min(max(v, l), u)
        return true
    }
}
