import LinearAlgebra

/// The block-angular structure of a standard form, analysed once per solve.
///
/// Rows of block `b` form the tridiagonal block `M_b = A_b H^-1 A_b'`; coupling
/// rows form the Schur complement. Every per-iteration quantity is a sum
/// `coefficient * hInverse[column]` over a precomputed list, kept in flat arrays.
struct StructuredLayout {
    /// Why a model does not fit the fast structured path.
    enum Unsupported: Error, CustomStringConvertible {
        case notTridiagonal(block: Int)
        case couplingSpansBlockRows(block: Int)

        var description: String {
            switch self {
            case .notTridiagonal(let b):
                return "block \(b): a variable links block rows more than one apart"
            case .couplingSpansBlockRows(let b):
                return "block \(b): a coupling row reaches more than one of its rows"
            }
        }
    }

    /// A flat list of terms `coefficient * hInverse[column]` accumulated into `target`.
    /// Indices are 32-bit to halve their memory on large fleets (they index
    /// columns and rows, which stay below 2^31 for any model that fits in memory).
    struct Terms {
        var target: [Int32] = []
        var column: [Int32] = []
        var coefficient: [Double] = []

        mutating func append(_ t: Int, _ j: Int, _ c: Double) {
            target.append(Int32(t))
            column.append(Int32(j))
            coefficient.append(c)
        }

        /// `into[target] += coefficient * h[column]` for the terms in `range`.
        @inline(__always)
        func add(
            _ range: Range<Int>, _ h: UnsafePointer<Double>,
            into out: UnsafeMutablePointer<Double>
        ) {
            precondition(range.clamped(to: 0..<target.count) == range, "Terms.add: bad range")
            // Unchecked inside: the range is checked above, and the indices were
            // checked against the form when the terms were built.
            target.withUnsafeBufferPointer { t in
                column.withUnsafeBufferPointer { j in
                    coefficient.withUnsafeBufferPointer { c in
                        for k in range { out[Int(t[k])] += c[k] * h[Int(j[k])] }
                    }
                }
            }
        }

        mutating func compact() {
            target = target.compacted()
            column = column.compacted()
            coefficient = coefficient.compacted()
        }
    }

    /// Form row of each stacked block row, and of each coupling row.
    var blockRowOrder: [Int] = []
    var couplingRowOrder: [Int] = []
    var blockStart: [Int] = [0]
    /// The columns of each block: block `b`'s are
    /// `blockColumn[blockColumnStart[b]..<blockColumnStart[b + 1]]`, in increasing order.
    /// The tridiagonal blocks are filled from these columns of `columns` (the form's
    /// matrix by column), instead of from term lists that would repeat its entries.
    var blockColumnStart = [0]
    var blockColumn: [Int32] = []
    var columns: CompressedRows
    /// Stacked block row of each form row, -1 for coupling rows.
    var stackedRow: [Int32] = []
    /// Terms of `B H^-1 B'` (target: `k1 + k2 * couplingCount`, lower triangle).
    var couplingTerms = Terms()
    /// Terms of each coupling entry `C_b[p, k]` (target: entry index).
    var entryTerms = Terms()
    var coupling = BlockCoupling(
        couplingCount: 0, entryStart: [0], localRow: [], couplingRow: [], blockWeight: [])
    /// True when the form's rows are already stacked: every block's rows in
    /// block order, then the coupling rows (as models built block by block are).
    var rowsAreStacked = false
    /// Block `b`'s entry terms are `entryTermStart[b]..<entryTermStart[b + 1]`.
    var entryTermStart = [0]

    init(_ form: StandardForm, blockCount: Int) throws {
        columns = form.a.byColumn
        let columnStart = form.a.columnStart
        let rowIndex = form.a.rowIndex
        let columnValue = form.a.columnValue
        var local = Array(repeating: -1, count: form.m)
        var rowsOfBlock = Array(repeating: [Int](), count: blockCount)
        for r in 0..<form.m {
            if form.rowBlock[r] >= 0 {
                rowsOfBlock[Int(form.rowBlock[r])].append(r)
            } else {
                local[r] = couplingRowOrder.count
                couplingRowOrder.append(r)
            }
        }
        for rows in rowsOfBlock {
            for r in rows {
                local[r] = blockRowOrder.count
                blockRowOrder.append(r)
            }
            blockStart.append(blockRowOrder.count)
        }
        let m0 = couplingRowOrder.count
        stackedRow = (0..<form.m).map { form.rowBlock[$0] >= 0 ? Int32(local[$0]) : -1 }
        var columnsOfBlock = Array(repeating: [Int](), count: blockCount)
        for j in 0..<form.n where form.columnBlock[j] >= 0 {
            columnsOfBlock[Int(form.columnBlock[j])].append(j)
        }
        for list in columnsOfBlock {
            blockColumn.append(contentsOf: list.lazy.map { Int32($0) })
            blockColumnStart.append(blockColumn.count)
        }

        var entryStart = [0]
        var entryRow: [Int32] = []
        var entryCoupling: [Int32] = []
        // Buffers reused for every column and block (a fleet has millions of columns).
        var blockRows: [(Int, Double)] = []
        var couplingRows: [(Int, Double)] = []
        var pending: [(p: Int, k: Int, j: Int, c: Double)] = []
        // The block row each coupling row meets in the current block, or -1.
        var rowOfCoupling = Array(repeating: -1, count: m0)
        for b in 0..<blockCount {
            pending.removeAll(keepingCapacity: true)
            for j in columnsOfBlock[b] {
                blockRows.removeAll(keepingCapacity: true)
                couplingRows.removeAll(keepingCapacity: true)
                for e in columnStart[j]..<columnStart[j + 1] {
                    let r = Int(rowIndex[e])
                    let v = columnValue[e]
                    if form.rowBlock[r] >= 0 {
                        blockRows.append((local[r], v))
                    } else {
                        couplingRows.append((local[r], v))
                    }
                }
                if blockRows.count > 1 { blockRows.sort { $0.0 < $1.0 } }
                try checkTridiagonal(blockRows, block: b)
                addCouplingPairs(j, couplingRows, m0)
                if couplingRows.isEmpty || blockRows.isEmpty { continue }
                guard blockRows.count == 1 else {
                    throw Unsupported.couplingSpansBlockRows(block: b)
                }
                let (p, ap) = blockRows[0]
                for (k, bk) in couplingRows {
                    guard rowOfCoupling[k] < 0 || rowOfCoupling[k] == p else {
                        throw Unsupported.couplingSpansBlockRows(block: b)
                    }
                    rowOfCoupling[k] = p
                    pending.append((p, k, j, ap * bk))
                }
            }
            // Entries in (block row, coupling row) order, each entry's terms by column.
            pending.sort { ($0.p, $0.k, $0.j) < ($1.p, $1.k, $1.j) }
            for (index, term) in pending.enumerated() {
                if index == 0 || pending[index - 1].k != term.k || pending[index - 1].p != term.p {
                    entryRow.append(Int32(term.p - blockStart[b]))
                    entryCoupling.append(Int32(term.k))
                    rowOfCoupling[term.k] = -1
                }
                entryTerms.append(entryRow.count - 1, term.j, term.c)
            }
            entryStart.append(entryRow.count)
            entryTermStart.append(entryTerms.target.count)
        }
        coupling = BlockCoupling(
            couplingCount: m0, entryStart: entryStart.compacted(),
            localRowIndex: entryRow.compacted(), couplingRowIndex: entryCoupling.compacted(),
            blockWeight: Array(repeating: 1, count: blockCount))
        for j in 0..<form.n where form.columnBlock[j] < 0 {
            var couplingRows: [(Int, Double)] = []
            for e in columnStart[j]..<columnStart[j + 1] {
                couplingRows.append((local[Int(rowIndex[e])], columnValue[e]))
            }
            addCouplingPairs(j, couplingRows, m0)
        }
        // The lists were grown by appending; they live through the whole solve.
        couplingTerms.compact()
        entryTerms.compact()
        blockColumn = blockColumn.compacted()
        blockRowOrder = blockRowOrder.compacted()
        couplingRowOrder = couplingRowOrder.compacted()
        blockStart = blockStart.compacted()
        rowsAreStacked =
            blockRowOrder.indices.allSatisfy { blockRowOrder[$0] == $0 }
            && couplingRowOrder.indices.allSatisfy {
                couplingRowOrder[$0] == blockRowOrder.count + $0
            }
    }

    /// Each variable may be in at most two block rows, and those consecutive.
    private func checkTridiagonal(_ rows: [(Int, Double)], block: Int) throws {
        guard rows.count < 2 || (rows.count == 2 && rows[1].0 == rows[0].0 + 1) else {
            throw Unsupported.notTridiagonal(block: block)
        }
    }

    private mutating func addCouplingPairs(_ j: Int, _ rows: [(Int, Double)], _ m0: Int) {
        for (k1, v1) in rows {
            for (k2, v2) in rows where k2 <= k1 { couplingTerms.append(k1 + k2 * m0, j, v1 * v2) }
        }
    }
}

extension Array {
    /// A copy whose capacity is its length (an array grown by appending keeps up
    /// to twice its length in capacity).
    func compacted() -> [Element] {
        [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            _ = buffer.initialize(from: self)
            initialized = count
        }
    }
}
