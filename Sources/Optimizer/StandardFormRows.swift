/// The rows of a `StandardForm`: each model row's kept terms (repeated variables added up,
/// in their first order), fixed terms moved to the bounds, a slack for a ranged row; rows
/// left with no terms checked and dropped.
struct RowAssembly {
    let model: Model
    let fixedValue: [Double]
    let variableColumn: [Int32]
    let slackColumn0: Int
    let tolerance: Double
    let tiles: LongRowTiles

    var matrix = SplitRows()
    var b: [Double] = []
    var rowBlock: [Int32] = []
    var rowModelRow: [Int32] = []
    var modelRowIndex: [Int32]
    var violatedEmptyRows: [Int] = []
    var slackRows: [(row: Int, lower: Double, upper: Double, block: Int)] = []

    /// The current row's kept terms (reused from row to row).
    var columns: [Int32] = []
    var values: [Double] = []
    /// Its terms that are not fixed, before repeated variables are added up.
    var pendingVariable: [Int] = []
    var pendingValue: [Double] = []

    init(
        _ model: Model, fixedValue: [Double], variableColumn: [Int32], slackColumn0: Int,
        tolerance: Double, tiledRowTerms: Int
    ) {
        self.model = model
        self.fixedValue = fixedValue
        self.variableColumn = variableColumn
        self.slackColumn0 = slackColumn0
        self.tolerance = tolerance
        tiles = LongRowTiles(model, longerThan: tiledRowTerms)
        modelRowIndex = Array(repeating: -1, count: model.rowCount)
        // Arrays grown by appending keep up to twice their length in capacity; on large
        // fleets that slack would be gigabytes, so every array is reserved.
        let terms = model.termVariable.count + model.rowCount
        matrix.rowStart.reserveCapacity(model.rowCount + 1)
        matrix.columnIndex.reserveCapacity(terms)
        matrix.value.reserveCapacity(terms)
        b.reserveCapacity(model.rowCount)
        rowBlock.reserveCapacity(model.rowCount)
        rowModelRow.reserveCapacity(model.rowCount)
    }

    mutating func run() {
        var tiled = TiledRowTerms(self)
        let isTiled = tiles.membership(rowCount: model.rowCount)
        var slot = 0
        for i in 0..<model.rowCount {
            let fixedActivity: Double
            if !isTiled.isEmpty && isTiled[i] {
                (fixedActivity, columns, values) = tiled.take(slot)
                slot += 1
            } else {
                fixedActivity = keptTerms(row: i)
            }
            add(row: i, fixedActivity: fixedActivity)
        }
    }

    /// Adds row `i`, whose kept terms are in `columns` and `values`.
    private mutating func add(row i: Int, fixedActivity: Double) {
        let lo = model.rowLower[i]
        let up = model.rowUpper[i]
        if columns.isEmpty {
            let slack = tolerance * (1 + abs(fixedActivity))
            if fixedActivity < lo - slack || fixedActivity > up + slack {
                violatedEmptyRows.append(i)
            }
            return
        }
        let r = b.count
        modelRowIndex[i] = Int32(r)
        rowModelRow.append(Int32(i))
        rowBlock.append(Int32(model.rowBlock[i]))
        if lo == up {
            b.append(lo - fixedActivity)
        } else {
            b.append(0)
            columns.append(Int32(slackColumn0 + slackRows.count))
            values.append(-1)
            slackRows.append((r, lo - fixedActivity, up - fixedActivity, model.rowBlock[i]))
        }
        if columns.count > SparseMatrix.longRowLength {
            // Kept apart by column; its columns are distinct, so sorting is unambiguous
            // (and tiled rows' are in order already).
            matrix.longRows.append(r)
            if zip(columns, columns.dropFirst()).allSatisfy(<) {
                matrix.longColumns.append(columns)
                matrix.longValues.append(values)
            } else {
                let order = columns.indices.sorted { columns[$0] < columns[$1] }
                matrix.longColumns.append(order.map { columns[$0] })
                matrix.longValues.append(order.map { values[$0] })
            }
        } else {
            matrix.columnIndex.append(contentsOf: columns)
            matrix.value.append(contentsOf: values)
        }
        matrix.rowStart.append(matrix.columnIndex.count)
    }

    /// Puts row `i`'s kept terms in `columns` and `values`; returns its fixed activity.
    private mutating func keptTerms(row i: Int) -> Double {
        columns.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        pendingVariable.removeAll(keepingCapacity: true)
        pendingValue.removeAll(keepingCapacity: true)
        var fixedActivity = 0.0
        for k in model.rowStart[i]..<model.rowStart[i + 1] {
            let j = model.termVariable[k]
            let v = fixedValue[j]
            if !v.isNaN {
                fixedActivity += model.termValue[k] * v
                continue
            }
            pendingVariable.append(j)
            pendingValue.append(model.termValue[k])
        }
        if hasRepeats(pendingVariable) {
            addRepeats()
            return fixedActivity
        }
        for (j, a) in zip(pendingVariable, pendingValue) {
            // Each sum starts from +0 (as `addRepeats` does): -0 becomes +0 and is dropped.
            let sum = 0.0 + a
            if sum != 0 {
                columns.append(variableColumn[j])
                values.append(sum)
            }
        }
        return fixedActivity
    }

    /// Adds up repeated variables' terms into `columns` and `values`, in first order.
    private mutating func addRepeats() {
        var place: [Int: Int] = [:]
        var order: [Int] = []
        var sums: [Double] = []
        for (j, a) in zip(pendingVariable, pendingValue) {
            if let p = place[j] {
                sums[p] += a
            } else {
                place[j] = order.count
                order.append(j)
                sums.append(0.0 + a)
            }
        }
        for (p, j) in order.enumerated() where sums[p] != 0 {
            columns.append(variableColumn[j])
            values.append(sums[p])
        }
    }

    /// Whether some variable is listed twice (quick for increasing or short lists).
    private func hasRepeats(_ list: [Int]) -> Bool {
        if zip(list, list.dropFirst()).allSatisfy(<) { return false }
        // Beyond this length the caller's dictionary is cheaper than pairwise comparison.
        let pairwiseLimit = 16
        guard list.count <= pairwiseLimit else { return true }
        for p in list.indices {
            for r in list.indices where r > p && list[r] == list[p] { return true }
        }
        return false
    }
}
