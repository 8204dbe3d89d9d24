/// The kept terms of a `RowAssembly`'s tiled rows (`LongRowTiles`), read together by tiles
/// of variables before the rows are assembled in order.
///
/// Each row comes out as `RowAssembly` makes a plain row: its variables are in order, so a
/// repeated variable's terms are consecutive and are added up as they come (from +0, in
/// term order), and the first order of the kept variables is their increasing order.
struct TiledRowTerms {
    private var fixedActivity: [Double]
    /// Slot `s`'s kept terms are `start[s]..<start[s] + count[s]` of `columns` and `values`
    /// (room for every term of the row).
    private var start: [Int]
    private var count: [Int]
    private var columns: [Int32]
    private var values: [Double]

    init(_ assembly: RowAssembly) {
        let model = assembly.model
        let rows = assembly.tiles.rows
        var start = [0]
        for i in rows { start.append(start.last! + model.rowStart[i + 1] - model.rowStart[i]) }
        var fixedActivity = Array(repeating: 0.0, count: rows.count)
        var count = Array(repeating: 0, count: rows.count)
        var columns = [Int32](repeating: 0, count: start.last!)
        var values = [Double](repeating: 0, count: start.last!)
        // The variable each row is adding up (-1: none), and its sum so far.
        var current = Array(repeating: -1, count: rows.count)
        var sum = Array(repeating: 0.0, count: rows.count)
        let variableColumn = assembly.variableColumn
        columns.withUnsafeMutableBufferPointer { column in
            values.withUnsafeMutableBufferPointer { value in
                func finish(_ s: Int) {
                    if current[s] >= 0 && sum[s] != 0 {
                        column[start[s] + count[s]] = variableColumn[current[s]]
                        value[start[s] + count[s]] = sum[s]
                        count[s] += 1
                    }
                    current[s] = -1
                }
                assembly.fixedValue.withUnsafeBufferPointer { fixedValue in
                    model.termValue.withUnsafeBufferPointer { termValue in
                        model.termVariable.withUnsafeBufferPointer { termVariable in
                            assembly.tiles.forEachTerm(model, slots: Array(rows.indices)) { s, k in
                                let j = termVariable[k]
                                let v = fixedValue[j]
                                if !v.isNaN {
                                    fixedActivity[s] += termValue[k] * v
                                } else if current[s] == j {
                                    sum[s] += termValue[k]
                                } else {
                                    finish(s)
                                    current[s] = j
                                    sum[s] = 0.0 + termValue[k]
                                }
                            }
                        }
                    }
                }
                for s in rows.indices { finish(s) }
            }
        }
        self.fixedActivity = fixedActivity
        self.start = start
        self.count = count
        self.columns = columns
        self.values = values
    }

    /// Tiled row `slot`'s fixed activity and kept terms (columns and values).
    func kept(_ slot: Int) -> (Double, ArraySlice<Int32>, ArraySlice<Double>) {
        let terms = start[slot]..<(start[slot] + count[slot])
        return (fixedActivity[slot], columns[terms], values[terms])
    }
}
