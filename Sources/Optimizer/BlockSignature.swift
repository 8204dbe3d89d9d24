import LinearAlgebra

/// Grouping of blocks by identical data, for `BlockMerge`.
///
/// Each block's data are hashed as they are read (blocks in parallel), and blocks with
/// equal hashes are compared number by number, so no copy of the data is made: on a fleet
/// of 100,000 assets a key array per block would take more memory than the solve.
extension BlockMerge {
    /// Groups of block indices with identical data, each in increasing order,
    /// ordered by their first block (whatever the number of threads).
    static func groups(_ model: Model, threads: Int = 1) -> [[Int]] {
        let data = BlockData(model)
        let hashes = data.hashes(threads: threads)
        var byHash: [Int: [Int]] = [:]
        var groups: [[Int]] = []
        for b in 0..<model.blockCount {
            let h = hashes[b]
            let candidates = byHash[h, default: []]
            if let g = candidates.first(where: { data.same(groups[$0][0], b) }) {
                groups[g].append(b)
            } else {
                byHash[h, default: []].append(groups.count)
                groups.append([b])
            }
        }
        return groups
    }
}

/// Where each block's data are in a model: its variables and rows (consecutive),
/// and its terms in coupling rows.
struct BlockData {
    let model: Model
    var variableCount: [Int]
    var rowCount: [Int]
    /// Block `b`'s coupling terms (indices into the model's terms, in row order) are
    /// `couplingTerm[couplingStart[b]..<couplingStart[b + 1]]`, in rows `couplingRow`.
    var couplingStart: [Int]
    var couplingTerm: [Int32]
    var couplingRow: [Int32]

    /// `tilingCouplingRows`: read the coupling rows together by tiles of whole blocks, of
    /// about `tileVariables` variables (`LongRowTiles`), when all list their variables in
    /// order; the data do not depend on either.
    init(
        _ model: Model, tilingCouplingRows: Bool = true,
        tileVariables: Int = LongRowTiles.tileVariables
    ) {
        precondition(
            model.termVariable.count < Int(Int32.max) && model.rowCount < Int(Int32.max),
            "BlockMerge: too many terms or rows for 32-bit indices")
        self.model = model
        let blocks = model.blockCount
        variableCount = Array(repeating: 0, count: blocks)
        rowCount = Array(repeating: 0, count: blocks)
        for b in model.variableBlock where b >= 0 { variableCount[b] += 1 }
        for b in model.rowBlock where b >= 0 { rowCount[b] += 1 }
        let couplingRows = (0..<model.rowCount).filter { model.rowBlock[$0] < 0 }
        let tiles =
            tilingCouplingRows && couplingRows.allSatisfy { LongRowTiles.isInOrder(model, row: $0) }
            ? LongRowTiles(
                rows: couplingRows, tileEnds: Self.wholeBlockTileEnds(model, tileVariables)) : nil
        // Each coupling term, in row order (by tiles of whole blocks, a block's terms still
        // come in row order).
        func forEachCouplingTerm(_ visit: (_ row: Int, _ term: Int) -> Void) {
            if let tiles {
                tiles.forEachTerm(model, slots: Array(couplingRows.indices)) { slot, k in
                    visit(couplingRows[slot], k)
                }
                return
            }
            for i in couplingRows {
                for k in model.rowStart[i]..<model.rowStart[i + 1] { visit(i, k) }
            }
        }
        var start = Array(repeating: 0, count: blocks + 1)
        forEachCouplingTerm { _, k in
            let b = model.variableBlock[model.termVariable[k]]
            if b >= 0 { start[b + 1] += 1 }
        }
        for b in 0..<blocks { start[b + 1] += start[b] }
        var next = start
        var term = [Int32](repeating: 0, count: start[blocks])
        var row = term
        forEachCouplingTerm { i, k in
            let b = model.variableBlock[model.termVariable[k]]
            if b < 0 { return }
            term[next[b]] = Int32(k)
            row[next[b]] = Int32(i)
            next[b] += 1
        }
        couplingStart = start
        couplingTerm = term
        couplingRow = row
    }

    /// Ends of tiles of about `tileVariables` variables that split no block (each ends
    /// where a block begins, or at the last variable).
    static func wholeBlockTileEnds(_ model: Model, _ tileVariables: Int) -> [Int] {
        var ends: [Int] = []
        var last = 0
        for first in model.blockFirstVariable where first - last >= tileVariables {
            ends.append(first)
            last = first
        }
        return ends + [model.variableCount]
    }
}
