/// Elementwise kernels of a primal-dual interior-point method on variables
/// with bounds `l <= x <= u`, run over fixed chunks on `threads` threads.
///
/// Conventions: `hasLower[j]` is true when `l_j` is finite (likewise for upper
/// bounds); missing bounds count as 0 wherever a bound enters a sum, and their
/// bound duals are 0. The kernels in this file take explicit complementarity
/// targets `rl`, `ru` (centrality correctors); the main iteration uses the fused
/// kernels of `BoundedKernelsNewton.swift`, which form their targets themselves.
/// Chunks depend only on the length, so sums are added in the same order for any
/// thread count and results are reproducible.
public struct BoundedKernels: Sendable {
    public let count: Int
    public let threads: Int
    /// The fixed chunks every kernel splits its elements into.
    public let chunks: [Range<Int>]

    /// Elements per chunk; chosen by experiment (large enough to amortize a
    /// thread hand-off, small enough to balance two cores).
    static let chunkLength = 65_536

    public init(count: Int, threads: Int) {
        self.count = count
        self.threads = threads
        chunks = fixedChunks(count: count, chunkCount: max(1, count / Self.chunkLength))
    }

    /// `r1 = -rd + rl il - ru iu` and `scaled = h r1`.
    public func newtonRightHandSide(
        dualResidual: [Double], rl: [Double], ru: [Double], inverseLowerSlack: [Double],
        inverseUpperSlack: [Double], hInverse: [Double], r1: inout [Double],
        scaled: inout [Double]
    ) {
        rhsKernel(
            dualResidual, rl, ru, inverseLowerSlack, inverseUpperSlack, hInverse, &r1,
            &scaled)
    }

    private func rhsKernel(
        _ rd: UnsafePointer<Double>, _ rl: UnsafePointer<Double>, _ ru: UnsafePointer<Double>,
        _ il: UnsafePointer<Double>, _ iu: UnsafePointer<Double>, _ h: UnsafePointer<Double>,
        _ r1: UnsafeMutablePointer<Double>, _ scaled: UnsafeMutablePointer<Double>
    ) {
        runChunks(chunks, threads: threads) { _, range in
            for j in range {
                let v = -rd[j] + rl[j] * il[j] - ru[j] * iu[j]
                r1[j] = v
                scaled[j] = h[j] * v
            }
        }
    }

    /// On entry `dx` holds `A'dy`; on exit `dx = h (r1 + A'dy)`,
    /// `dzl = (rl - zl dx) il`, `dzu = (ru + zu dx) iu`. Returns the largest
    /// steps in (0, 1] that keep slacks and bound duals nonnegative.
    public func newtonRecover(
        hInverse: [Double], r1: [Double], rl: [Double], ru: [Double], zl: [Double],
        zu: [Double], inverseLowerSlack: [Double], inverseUpperSlack: [Double],
        dx: inout [Double], dzl: inout [Double], dzu: inout [Double]
    ) -> (primal: Double, dual: Double) {
        var rates = Array(repeating: 1.0, count: 2 * chunks.count)
        recoverKernel(
            hInverse, r1, rl, ru, zl, zu, inverseLowerSlack, inverseUpperSlack,
            &dx, &dzl, &dzu, &rates)
        var primal = 1.0
        var dual = 1.0
        for c in 0..<chunks.count {
            primal = max(primal, rates[2 * c])
            dual = max(dual, rates[2 * c + 1])
        }
        return (1 / primal, 1 / dual)
    }

    private func recoverKernel(
        _ h: UnsafePointer<Double>, _ r1: UnsafePointer<Double>, _ rl: UnsafePointer<Double>,
        _ ru: UnsafePointer<Double>, _ zl: UnsafePointer<Double>, _ zu: UnsafePointer<Double>,
        _ il: UnsafePointer<Double>, _ iu: UnsafePointer<Double>,
        _ dx: UnsafeMutablePointer<Double>, _ dzl: UnsafeMutablePointer<Double>,
        _ dzu: UnsafeMutablePointer<Double>, _ rates: UnsafeMutablePointer<Double>
    ) {
        runChunks(chunks, threads: threads) { c, range in
            var primal = 1.0
            var dual = 1.0
            for j in range {
                let step = h[j] * (r1[j] + dx[j])
                dx[j] = step
                let a = (rl[j] - zl[j] * step) * il[j]
                let b = (ru[j] + zu[j] * step) * iu[j]
                dzl[j] = a
                dzu[j] = b
                primal = max(primal, max(-step * il[j], step * iu[j]))
                dual = max(dual, zl[j] > 0 ? -a / zl[j] : 0)
                dual = max(dual, zu[j] > 0 ? -b / zu[j] : 0)
            }
            rates[2 * c] = primal
            rates[2 * c + 1] = dual
        }
    }
}
