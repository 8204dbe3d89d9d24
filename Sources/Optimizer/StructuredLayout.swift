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

        mutating func reserveCapacity(_ count: Int) {
            target.reserveCapacity(count)
            column.reserveCapacity(count)
            coefficient.reserveCapacity(count)
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
}

extension Array {
    /// The array with a capacity of about its length: itself when its spare capacity is
    /// at most what allocation rounds up to (taken as 1/64 of its length, at least 16),
    /// else a copy (an array grown by appending keeps up to twice its length in capacity).
    func compacted() -> [Element] {
        if capacity - count <= Swift.max(16, count / 64) { return self }
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            _ = buffer.initialize(from: self)
            initialized = count
        }
    }
}
