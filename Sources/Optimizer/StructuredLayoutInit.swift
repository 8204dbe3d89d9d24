import LinearAlgebra

/// Analysing a standard form's block structure, once per solve (see `StructuredLayout`).
extension StructuredLayout {
    init(_ form: StandardForm, blockCount: Int) throws {
        columns = form.a.byColumn
        let columnStart = form.a.columnStart
        let rowIndex = form.a.rowIndex
        let columnValue = form.a.columnValue
        // Block rows by block, each block's in form order (a counting sort); coupling rows.
        var local = Array(repeating: -1, count: form.m)
        blockStart = Self.offsets(form.rowBlock, blockCount)
        var nextRow = blockStart
        blockRowOrder = Array(repeating: 0, count: blockStart[blockCount])
        for r in 0..<form.m {
            let b = Int(form.rowBlock[r])
            if b >= 0 {
                local[r] = nextRow[b]
                blockRowOrder[nextRow[b]] = r
                nextRow[b] += 1
            } else {
                local[r] = couplingRowOrder.count
                couplingRowOrder.append(r)
            }
        }
        let m0 = couplingRowOrder.count
        stackedRow = (0..<form.m).map { form.rowBlock[$0] >= 0 ? Int32(local[$0]) : -1 }
        // Block columns by block, in increasing order.
        blockColumnStart = Self.offsets(form.columnBlock, blockCount)
        var nextColumn = blockColumnStart
        blockColumn = Array(repeating: 0, count: blockColumnStart[blockCount])
        for j in 0..<form.n where form.columnBlock[j] >= 0 {
            let b = Int(form.columnBlock[j])
            blockColumn[nextColumn[b]] = Int32(j)
            nextColumn[b] += 1
        }
        reserveTerms(form)

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
            for t in blockColumnStart[b]..<blockColumnStart[b + 1] {
                let j = Int(blockColumn[t])
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
        // Lists grown by appending; they live through the whole solve.
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

    /// Where each block's items start in a list of them by block (`owner`: each item's
    /// block, -1 for none): block `b`'s are `offsets[b]..<offsets[b + 1]`.
    static func offsets(_ owner: [Int32], _ blockCount: Int) -> [Int] {
        var start = Array(repeating: 0, count: blockCount + 1)
        for b in owner where b >= 0 { start[Int(b) + 1] += 1 }
        for b in 0..<blockCount { start[b + 1] += start[b] }
        return start
    }

    /// Reserves the term lists' exact lengths (grown by appending, the lists of a large
    /// fleet would be copied a dozen times, into freshly allocated memory each time).
    private mutating func reserveTerms(_ form: StandardForm) {
        var pairs = 0
        var entryTermCount = 0
        let columnStart = form.a.columnStart
        let rowIndex = form.a.rowIndex
        for j in 0..<form.n {
            var inBlockRows = 0
            var inCouplingRows = 0
            for e in columnStart[j]..<columnStart[j + 1] {
                if form.rowBlock[Int(rowIndex[e])] >= 0 {
                    inBlockRows += 1
                } else {
                    inCouplingRows += 1
                }
            }
            pairs += inCouplingRows * (inCouplingRows + 1) / 2
            if form.columnBlock[j] >= 0 && inBlockRows > 0 { entryTermCount += inCouplingRows }
        }
        couplingTerms.reserveCapacity(pairs)
        entryTerms.reserveCapacity(entryTermCount)
    }
}
