import LinearAlgebra

/// The model in the form the interior-point method works on:
///
///     minimize c'x + 1/2 x'diag(q)x   subject to   A x = b,  lower <= x <= upper
///
/// Fixed variables, and variables forced by a row (`ForcedVariables`), are substituted
/// out; every row that is not an equality gets
/// a slack column `s` with the row's bounds and becomes `a x - s = 0`. Rows left
/// with no variables are checked and dropped.
struct StandardForm: Sendable {
    var a: SparseMatrix
    var b: [Double]
    var c: [Double]
    var q: [Double]
    var lower: [Double]
    var upper: [Double]
    /// Block of each column and row (-1: coupling). The index arrays are 32-bit
    /// to halve their memory on large fleets (indices stay below 2^31 for any
    /// model that fits in memory).
    var columnBlock: [Int32]
    var rowBlock: [Int32]
    /// Model variable of each column, or -1 for a slack.
    var columnVariable: [Int32]
    /// Column of each model variable, or -1 when fixed.
    var variableColumn: [Int32]
    /// Value of each fixed model variable, NaN for the others.
    var fixedValue: [Double]
    /// Row of each model row, or -1 when dropped.
    var modelRowIndex: [Int32]
    /// Model row of each standard-form row.
    var rowModelRow: [Int32]
    /// The objective's constant after substituting fixed variables.
    var objectiveConstant: Double
    /// Dropped rows whose fixed activity violates their bounds (infeasible as given).
    var violatedEmptyRows: [Int]

    var n: Int { c.count }
    var m: Int { b.count }

    /// - Parameters:
    ///   - tolerance: relative violation allowed for rows left with only fixed variables,
    ///     and for rows that force their variables.
    ///   - tiledRowTerms, tileVariables: rows with more terms than this, in variable order,
    ///     are read together by tiles of so many variables (`LongRowTiles`); the form does
    ///     not depend on either.
    init(
        _ model: Model, threads: Int = 1, tolerance: Double = 1e-8,
        tiledRowTerms: Int = SparseMatrix.longRowLength,
        tileVariables: Int = LongRowTiles.tileVariables
    ) {
        fixedValue = ForcedVariables(
            model, tolerance: tolerance, tiledRowTerms: tiledRowTerms, tileVariables: tileVariables
        ).value
        var constant = model.objectiveConstant
        precondition(
            model.variableCount + model.rowCount < Int(Int32.max),
            "StandardForm: \(model.variableCount) variables and \(model.rowCount) rows "
                + "exceed 32-bit indices")
        // Arrays grown by appending keep up to twice their length in capacity; on
        // large fleets that slack would be gigabytes, so every array is made with room for
        // the slack columns too.
        let ranged = (0..<model.rowCount).reduce(0) {
            model.rowLower[$1] != model.rowUpper[$1] ? $0 + 1 : $0
        }
        let undecided = fixedValue
        var columnVariable = ParallelGather.indices(
            count: model.variableCount, capacity: model.variableCount + ranged, threads: threads
        ) { undecided[$0].isNaN }
        let kept = columnVariable.count
        let columns = kept + ranged
        var variableColumn = Array(repeating: Int32(-1), count: model.variableCount)
        do {
            // A second reference, released at the end of this scope, before the slack
            // columns are appended to `columnVariable` (which would otherwise copy it).
            let keptVariables = columnVariable
            func keptColumns<T>(_ value: (Int) -> T) -> [T] {
                ParallelGather.array(count: kept, capacity: columns, threads: threads) {
                    value(Int(keptVariables[$0]))
                }
            }
            c = keptColumns { model.cost[$0] }
            q = keptColumns { model.quadraticCost[$0] }
            lower = keptColumns { model.lower[$0] }
            upper = keptColumns { model.upper[$0] }
            columnBlock = keptColumns { Int32(model.variableBlock[$0]) }
            variableColumn.withUnsafeMutableBufferPointer { column in
                let chunks = ParallelGather.chunks(kept, threads: threads)
                runChunks(chunks, threads: threads) { _, range in
                    for p in range { column[Int(keptVariables[p])] = Int32(p) }
                }
            }
        }
        for j in 0..<model.variableCount where !fixedValue[j].isNaN {
            let v = fixedValue[j]
            constant += model.cost[j] * v + 0.5 * model.quadraticCost[j] * v * v
        }

        // The matrix is built by row (each row's terms in their first order, then its
        // slack), numbering slack columns after the kept variables; rows that come out long
        // are kept apart by column (`SparseMatrix.longRowLength`).
        var rows = RowAssembly(
            model, fixedValue: fixedValue, variableColumn: variableColumn,
            slackColumn0: columnVariable.count, tolerance: tolerance,
            tiles: LongRowTiles(model, longerThan: tiledRowTerms, tileVariables: tileVariables))
        rows.run()
        b = rows.b
        rowBlock = rows.rowBlock
        rowModelRow = rows.rowModelRow
        violatedEmptyRows = rows.violatedEmptyRows
        let slackRows = rows.slackRows
        // Slack columns in the order the rows numbered them.
        for slack in slackRows {
            columnVariable.append(-1)
            c.append(0)
            q.append(0)
            lower.append(slack.lower)
            upper.append(slack.upper)
            columnBlock.append(Int32(slack.block))
        }
        a = SparseMatrix(
            rows: b.count, columns: c.count, split: rows.matrix, threads: threads)
        self.columnVariable = columnVariable
        self.variableColumn = variableColumn
        modelRowIndex = rows.modelRowIndex
        objectiveConstant = constant
    }
}
