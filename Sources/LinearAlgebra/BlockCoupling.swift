/// How a batch of blocks touches a set of shared (coupling) rows: the sparse
/// matrices `C_b` (block rows x coupling rows) with at most one entry per
/// coupling row in each block.
///
/// Block `b`'s entries are `entryStart[b]..<entryStart[b + 1]`, sorted by
/// `localRow`; entry `e` says `C_b[localRow[e], couplingRow[e]] = value[e]`.
public struct BlockCoupling: Sendable {
    public let couplingCount: Int
    public let entryStart: [Int]
    /// The entries' rows, 32-bit to halve their memory on large fleets (block rows and
    /// coupling rows stay far below 2^31).
    let localRowIndex: [Int32]
    let couplingRowIndex: [Int32]
    /// The entries' values, refreshed at every interior-point iteration.
    public var value: [Double]
    /// How many identical copies each block stands for (1 when not deduplicated).
    public let blockWeight: [Double]
    /// Whether each block's coupling rows are consecutive and increasing (computed once:
    /// the structure is read at every factorization and solve).
    let contiguous: [Bool]

    public var localRow: [Int] { localRowIndex.map(Int.init) }
    public var couplingRow: [Int] { couplingRowIndex.map(Int.init) }

    public init(
        couplingCount: Int, entryStart: [Int], localRow: [Int], couplingRow: [Int],
        blockWeight: [Double]
    ) {
        self.init(
            couplingCount: couplingCount, entryStart: entryStart,
            localRowIndex: localRow.map { Int32($0) }, couplingRowIndex: couplingRow.map { Int32($0) },
            blockWeight: blockWeight)
    }

    public init(
        couplingCount: Int, entryStart: [Int], localRowIndex: [Int32],
        couplingRowIndex: [Int32], blockWeight: [Double]
    ) {
        precondition(
            localRowIndex.count == couplingRowIndex.count
                && entryStart.last == localRowIndex.count,
            "BlockCoupling: entry arrays disagree in length")
        precondition(
            blockWeight.count == entryStart.count - 1,
            "BlockCoupling: blockWeight should have one entry per block")
        self.couplingCount = couplingCount
        self.entryStart = entryStart
        self.localRowIndex = localRowIndex
        self.couplingRowIndex = couplingRowIndex
        self.value = Array(repeating: 0, count: localRowIndex.count)
        self.blockWeight = blockWeight
        contiguous = (0..<(entryStart.count - 1)).map { b in
            let range = entryStart[b]..<entryStart[b + 1]
            guard let first = range.first else { return true }
            return range.allSatisfy {
                couplingRowIndex[$0] == couplingRowIndex[first] + Int32($0 - first)
            }
        }
    }

    /// The structure without the values, to read while the values are written.
    struct Shape {
        let entryStart: [Int]
        let localRow: [Int32]
        let couplingRow: [Int32]
        let blockWeight: [Double]
        /// Whether each block's coupling rows are consecutive and increasing.
        let contiguous: [Bool]
    }

    var withoutValues: Shape {
        Shape(
            entryStart: entryStart, localRow: localRowIndex, couplingRow: couplingRowIndex,
            blockWeight: blockWeight, contiguous: contiguous)
    }
}
