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

    init(
        _ model: Model, fixedValue: [Double], variableColumn: [Int32], slackColumn0: Int,
        tolerance: Double, tiles: LongRowTiles
    ) {
        self.model = model
        self.fixedValue = fixedValue
        self.variableColumn = variableColumn
        self.slackColumn0 = slackColumn0
        self.tolerance = tolerance
        self.tiles = tiles
        modelRowIndex = Array(repeating: -1, count: model.rowCount)
        // Arrays grown by appending keep up to twice their length in capacity; on large
        // fleets that slack would be gigabytes, so every array is reserved.
        matrix.rowStart.reserveCapacity(model.rowCount + 1)
        b.reserveCapacity(model.rowCount)
        rowBlock.reserveCapacity(model.rowCount)
        rowModelRow.reserveCapacity(model.rowCount)
    }

    mutating func run() {
        let tiled = TiledRowTerms(self)
        let isTiled = tiles.membership(rowCount: model.rowCount)
        // Short rows' entries go straight into the matrix's arrays, which have room for every
        // term and a slack a row; room that long rows leave unused is never touched, so it
        // takes address space but no memory.
        let room = max(1, model.termVariable.count + model.rowCount)
        var written = 0
        var values: [Double] = []
        let columns = [Int32](unsafeUninitializedCapacity: room) { column, columnCount in
            values = [Double](unsafeUninitializedCapacity: room) { value, valueCount in
                let entries = Entries(column: column.baseAddress!, value: value.baseAddress!)
                var slot = 0
                for i in 0..<model.rowCount {
                    if !isTiled.isEmpty && isTiled[i] {
                        written = addTiled(row: i, tiled.kept(slot), entries, at: written)
                        slot += 1
                    } else {
                        written = addPlain(row: i, entries, at: written)
                    }
                }
                valueCount = written
            }
            columnCount = written
        }
        matrix.columnIndex = columns
        matrix.value = values
    }

    /// Row `i` from the tiled rows' `kept` terms, its short entries written from `begin`;
    /// returns where its entries end.
    private mutating func addTiled(
        row i: Int, _ kept: (Double, ArraySlice<Int32>, ArraySlice<Double>), _ entries: Entries,
        at begin: Int
    ) -> Int {
        let (fixedActivity, columns, values) = kept
        guard let (r, slack) = keep(row: i, fixedActivity, empty: columns.isEmpty) else {
            return begin
        }
        if columns.count + (slack == nil ? 0 : 1) > SparseMatrix.longRowLength {
            // Kept apart by column; tiled rows' columns are in order, the slack's last.
            var longColumns = [Int32]()
            var longValues = [Double]()
            longColumns.reserveCapacity(columns.count + 1)
            longValues.reserveCapacity(columns.count + 1)
            longColumns.append(contentsOf: columns)
            longValues.append(contentsOf: values)
            if let slack {
                longColumns.append(slack)
                longValues.append(-1)
            }
            matrix.longRows.append(r)
            matrix.longColumns.append(longColumns)
            matrix.longValues.append(longValues)
            matrix.rowStart.append(begin)
            return begin
        }
        var end = begin
        for (c, v) in zip(columns, values) {
            entries.column[end] = c
            entries.value[end] = v
            end += 1
        }
        return finish(r, slack, entries, begin, end)
    }

    /// Row `i`, read term by term, its short entries written from `begin`; returns where
    /// its entries end.
    private mutating func addPlain(row i: Int, _ entries: Entries, at begin: Int) -> Int {
        var end = begin
        var fixedActivity = 0.0
        var inOrder = true
        var previous = Int32(-1)
        for k in model.rowStart[i]..<model.rowStart[i + 1] {
            let j = model.termVariable[k]
            let x = fixedValue[j]
            if !x.isNaN {
                fixedActivity += model.termValue[k] * x
                continue
            }
            // Kept variables' columns are distinct and in the variables' order.
            let column = variableColumn[j]
            inOrder = inOrder && column > previous
            previous = column
            entries.column[end] = column
            entries.value[end] = model.termValue[k]
            end += 1
        }
        end =
            !inOrder && entries.hasRepeats(begin..<end)
            ? entries.addUpRepeats(begin..<end) : entries.dropZeros(begin..<end)
        guard let (r, slack) = keep(row: i, fixedActivity, empty: end == begin) else {
            return begin
        }
        return finish(r, slack, entries, begin, end)
    }

    /// Appends the slack of form row `r` (when it has one) to its entries `begin..<end`, and
    /// keeps the row apart when that makes it long; returns where its short entries end.
    private mutating func finish(
        _ r: Int, _ slack: Int32?, _ entries: Entries, _ begin: Int, _ end: Int
    ) -> Int {
        var end = end
        if let slack {
            entries.column[end] = slack
            entries.value[end] = -1
            end += 1
        }
        if end - begin > SparseMatrix.longRowLength {
            // Kept apart by column; its columns are distinct, so sorting is unambiguous.
            let order = (begin..<end).sorted { entries.column[$0] < entries.column[$1] }
            matrix.longRows.append(r)
            matrix.longColumns.append(order.map { entries.column[$0] })
            matrix.longValues.append(order.map { entries.value[$0] })
            end = begin
        }
        matrix.rowStart.append(end)
        return end
    }

    /// Records model row `i`, with this fixed activity: checks and drops it when it has no
    /// kept terms (returns nil), else numbers it and returns its form row and slack column
    /// (nil for an equality row).
    private mutating func keep(
        row i: Int, _ fixedActivity: Double, empty: Bool
    ) -> (Int, Int32?)? {
        let lo = model.rowLower[i]
        let up = model.rowUpper[i]
        if empty {
            let slack = tolerance * (1 + abs(fixedActivity))
            if fixedActivity < lo - slack || fixedActivity > up + slack {
                violatedEmptyRows.append(i)
            }
            return nil
        }
        let r = b.count
        modelRowIndex[i] = Int32(r)
        rowModelRow.append(Int32(i))
        rowBlock.append(Int32(model.rowBlock[i]))
        if lo == up {
            b.append(lo - fixedActivity)
            return (r, nil)
        }
        b.append(0)
        let slack = Int32(slackColumn0 + slackRows.count)
        slackRows.append((r, lo - fixedActivity, up - fixedActivity, model.rowBlock[i]))
        return (r, slack)
    }
}
