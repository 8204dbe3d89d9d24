/// The kept terms of a `RowAssembly`'s tiled rows (`LongRowTiles`), read together by tiles
/// of variables before the rows are assembled in order.
///
/// Each row comes out as `RowAssembly.keptTerms` makes it: its variables are in order, so
/// a repeated variable's terms are consecutive and are added up as they come (from +0, in
/// term order), and the first order of the kept variables is their increasing order.
struct TiledRowTerms {
    private var fixedActivity: [Double]
    private var columns: [[Int32]]
    private var values: [[Double]]

    init(_ assembly: RowAssembly) {
        let model = assembly.model
        let rows = assembly.tiles.rows
        var fixedActivity = Array(repeating: 0.0, count: rows.count)
        var columns = rows.map { i in
            var list: [Int32] = []
            // One more for the slack a ranged row gets.
            list.reserveCapacity(model.rowStart[i + 1] - model.rowStart[i] + 1)
            return list
        }
        var values = rows.map { i in
            var list: [Double] = []
            list.reserveCapacity(model.rowStart[i + 1] - model.rowStart[i] + 1)
            return list
        }
        // The variable each row is adding up (-1: none), and its sum so far.
        var current = Array(repeating: -1, count: rows.count)
        var sum = Array(repeating: 0.0, count: rows.count)
        let variableColumn = assembly.variableColumn
        func finish(_ s: Int) {
            if current[s] >= 0 && sum[s] != 0 {
                columns[s].append(variableColumn[current[s]])
                values[s].append(sum[s])
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
        self.fixedActivity = fixedActivity
        self.columns = columns
        self.values = values
    }

    /// Tiled row `slot`'s fixed activity and kept terms (handed over, not copied).
    mutating func take(_ slot: Int) -> (Double, [Int32], [Double]) {
        var kept: ([Int32], [Double]) = ([], [])
        swap(&kept.0, &columns[slot])
        swap(&kept.1, &values[slot])
        return (fixedActivity[slot], kept.0, kept.1)
    }
}
