/// The step and the residuals and sums at the new point, in one pass.
extension BoundedKernels {
    /// A step to take: `x += primal dx`, `zl += dual dzl`, `zu += dual dzu`.
    public struct Step {
        public var dx: [Double]
        public var dzl: [Double]
        public var dzu: [Double]
        public var primal: Double
        public var dual: Double

        public init(dx: [Double], dzl: [Double], dzu: [Double], primal: Double, dual: Double) {
            self.dx = dx
            self.dzl = dzl
            self.dzu = dzu
            self.primal = primal
            self.dual = dual
        }
    }

    /// Takes `step` (when given), then writes `rd = c + Qx - A'y - zl + zu` at the
    /// new point (`A'` is `transposed`, each column's product summed where it is used)
    /// and returns the objective sums there.
    public func stepAndDualResidual(
        _ step: Step?, transposed: CompressedRows, y: [Double], c: [Double], q: [Double],
        lower: [Double], upper: [Double], hasLower: [Bool], hasUpper: [Bool],
        x: inout [Double], zl: inout [Double], zu: inout [Double], rd: inout [Double]
    ) -> ObjectiveSums {
        precondition(
            transposed.rows == count && y.count == transposed.columns,
            "BoundedKernels.stepAndDualResidual: A' has \(transposed.rows) rows for \(count)")
        if rd.count != count { rd = Array(repeating: 0, count: count) }
        var partial = Array(repeating: ObjectiveSums(), count: chunks.count)
        let none: [Double] = []
        let direction = step ?? Step(dx: none, dzl: none, dzu: none, primal: 0, dual: 0)
        // On long vectors the update goes in a pass of its own (see `separateStepAbove`).
        let separate = step != nil && count > Self.separateStepAbove
        if separate {
            updateKernel(
                direction.dx, direction.dzl, direction.dzu, direction.primal, direction.dual,
                &x, &zl, &zu)
        }
        transposed.withRows { a in
            stepKernel(
                step != nil && !separate, direction.dx, direction.dzl, direction.dzu,
                direction.primal, direction.dual, a, y, c, q, lower, upper, hasLower, hasUpper,
                &x, &zl, &zu, &rd, &partial)
        }
        var sums = ObjectiveSums()
        for p in partial {
            sums.linear += p.linear
            sums.quadratic += p.quadratic
            sums.boundTerms += p.boundTerms
            sums.complementarity += p.complementarity
            sums.dualResidualNorm = max(sums.dualResidualNorm, p.dualResidualNorm)
        }
        return sums
    }

    /// Columns above which the step's update of `x`, `zl`, `zu` runs as a pass of its own
    /// before the dual residual's, and `recover` forms `dx` in a pass of its own before
    /// the bound duals' directions. The fused passes read up to 15 streams and write 3 or
    /// 4; once the vectors come from memory, two narrower passes stream better despite
    /// reading some vectors twice. Chosen by experiment (same builds, interleaved): at
    /// 100,000 assets (19 million columns) splitting the step took 64.1 s against 67.3 s
    /// (112 against 119 s of CPU) and splitting the recovery then 60.6 s against 62.3 s
    /// (105 against 110 s); at 10,000 assets (1.9 million) neither made a difference; at
    /// 1,000 (190,000) the split step took 4% more CPU time.
    static let separateStepAbove = 1 << 20

    /// `x += ap dx`, `zl += ad dzl`, `zu += ad dzu`.
    private func updateKernel(
        _ dx: UnsafePointer<Double>, _ dzl: UnsafePointer<Double>, _ dzu: UnsafePointer<Double>,
        _ ap: Double, _ ad: Double, _ x: UnsafeMutablePointer<Double>,
        _ zl: UnsafeMutablePointer<Double>, _ zu: UnsafeMutablePointer<Double>
    ) {
        runChunks(chunks, threads: threads) { _, range in
            for j in range {
                x[j] += ap * dx[j]
                zl[j] += ad * dzl[j]
                zu[j] += ad * dzu[j]
            }
        }
    }

    private func stepKernel(
        _ stepping: Bool, _ dx: UnsafePointer<Double>, _ dzl: UnsafePointer<Double>,
        _ dzu: UnsafePointer<Double>, _ ap: Double, _ ad: Double, _ a: CompressedRows.Rows,
        _ y: UnsafePointer<Double>, _ c: UnsafePointer<Double>, _ q: UnsafePointer<Double>,
        _ lower: UnsafePointer<Double>, _ upper: UnsafePointer<Double>,
        _ hl: UnsafePointer<Bool>, _ hu: UnsafePointer<Bool>,
        _ x: UnsafeMutablePointer<Double>, _ zl: UnsafeMutablePointer<Double>,
        _ zu: UnsafeMutablePointer<Double>, _ rd: UnsafeMutablePointer<Double>,
        _ out: UnsafeMutablePointer<ObjectiveSums>
    ) {
        runChunks(chunks, threads: threads) { k, range in
            var s = ObjectiveSums()
            for j in range {
                if stepping {
                    x[j] += ap * dx[j]
                    zl[j] += ad * dzl[j]
                    zu[j] += ad * dzu[j]
                }
                let xj = x[j]
                // Missing bounds count as 0 (their duals are 0); selects, not masks.
                let fl = hl[j] ? lower[j] : 0
                let fu = hu[j] ? upper[j] : 0
                let qx = q[j] * xj
                let r = c[j] + qx - a.dot(j, y) - zl[j] + zu[j]
                rd[j] = r
                s.dualResidualNorm = max(s.dualResidualNorm, abs(r))
                s.linear += c[j] * xj
                s.quadratic += qx * xj
                s.boundTerms += fl * zl[j] - fu * zu[j]
                s.complementarity += (xj - fl) * zl[j] + (fu - xj) * zu[j]
            }
            out[k] = s
        }
    }
}

/// Sums over the columns that `BoundedKernels.stepAndDualResidual` returns.
public struct ObjectiveSums: Sendable {
    /// `c'x`.
    public var linear = 0.0
    /// `x'Qx`.
    public var quadratic = 0.0
    /// `l'zl - u'zu` over finite bounds.
    public var boundTerms = 0.0
    /// `sum (x - l) zl + (u - x) zu`.
    public var complementarity = 0.0
    /// `max |rd_j|`.
    public var dualResidualNorm = 0.0
}
