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

    /// - Parameters:
    ///   - tolerance: relative difference (to 1 + |row bound|) within which an activity
    ///     bound reaches the row bound, and within which a singleton row's value may lie
    ///     outside its variable's bounds and still fix it (at the nearer bound).
    ///   - tiledRowTerms, tileVariables: rows with more terms than this, in variable order,
    ///     are read together by tiles of so many variables (`LongRowTiles`); the values do
    ///     not depend on either.
    ///
    /// The model must keep block rows to their block's variables (as `Model.validate`
    /// checks): a block row is re-read only after one of its block's variables was fixed.
    init(
        _ model: Model, tolerance: Double, tiledRowTerms: Int = SparseMatrix.longRowLength,
        tileVariables: Int = LongRowTiles.tileVariables
    ) {
        value = (0..<model.variableCount).map {
            model.lower[$0] == model.upper[$0] ? model.lower[$0] : .nan
        }
        var rows = ForcedRowReader(
            model, tolerance: tolerance,
            tiles: LongRowTiles(model, longerThan: tiledRowTerms, tileVariables: tileVariables))
        let m = model.rowCount
        for pass in 0..<Self.passLimit {
            var changed = false
            var step = 0
            while step < m {
                let i = pass % 2 == 0 ? step : m - 1 - step
                let run = rows.tiledRun(containing: i)
                if run.isEmpty {
                    changed = rows.fixForced(row: i, &value) || changed
                    step += 1
                } else {
                    let order = pass % 2 == 0 ? Array(run) : run.reversed()
                    changed = rows.fixForced(tiledRows: order, &value) || changed
                    step += run.count
                }
            }
            if !changed { break }
        }
    }
}
