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
        var (il, iu, h, r1): ([Double], [Double], [Double], [Double]) = ([], [], [], [])
        return stepAndDualResidual(
            step, transposed: transposed, y: y, c: c, q: q, lower: lower, upper: upper,
            hasLower: hasLower, hasUpper: hasUpper, x: &x, zl: &zl, zu: &zu, rd: &rd,
            scaling: nil, inverseLowerSlack: &il, inverseUpperSlack: &iu, hInverse: &h,
            r1: &r1)
    }

    /// `stepAndDualResidual`, and when `scaling` is given also the scaling and the
    /// predictor's right-hand side at the new point, exactly as `scalingAndPredictor`
    /// forms them, in the same pass (which saves that pass's reads of the point).
    public func stepAndDualResidual(
        _ step: Step?, transposed: CompressedRows, y: [Double], c: [Double], q: [Double],
        lower: [Double], upper: [Double], hasLower: [Bool], hasUpper: [Bool],
        x: inout [Double], zl: inout [Double], zu: inout [Double], rd: inout [Double],
        scaling: ScalingRegularization?, inverseLowerSlack il: inout [Double],
        inverseUpperSlack iu: inout [Double], hInverse h: inout [Double], r1: inout [Double]
    ) -> ObjectiveSums {
        precondition(
            transposed.rows == count && y.count == transposed.columns,
            "BoundedKernels.stepAndDualResidual: A' has \(transposed.rows) rows for \(count)")
        precondition(
            scaling == nil || [il.count, iu.count, h.count, r1.count].allSatisfy { $0 == count },
            "BoundedKernels.stepAndDualResidual: scaling vectors need \(count) entries")
        if rd.count != count { rd = Array(repeating: 0, count: count) }
        var partial = Array(repeating: ObjectiveSums(), count: chunks.count)
        let none: [Double] = []
        let direction = step ?? Step(dx: none, dzl: none, dzu: none, primal: 0, dual: 0)
        il.withUnsafeMutableBufferPointer { ilp in
            iu.withUnsafeMutableBufferPointer { iup in
                h.withUnsafeMutableBufferPointer { hp in
                    r1.withUnsafeMutableBufferPointer { r1p in
                        let out = scaling.map {
                            ScalingOutput(
                                regularization: $0, il: ilp.baseAddress!, iu: iup.baseAddress!,
                                h: hp.baseAddress!, r1: r1p.baseAddress!)
                        }
                        transposed.withRows { a in
                            stepKernel(
                                step != nil, direction.dx, direction.dzl, direction.dzu,
                                direction.primal, direction.dual, a, y, c, q, lower, upper,
                                hasLower, hasUpper, &x, &zl, &zu, &rd, out, &partial)
                        }
                    }
                }
            }
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

    private func stepKernel(
        _ stepping: Bool, _ dx: UnsafePointer<Double>, _ dzl: UnsafePointer<Double>,
        _ dzu: UnsafePointer<Double>, _ ap: Double, _ ad: Double, _ a: CompressedRows.Rows,
        _ y: UnsafePointer<Double>, _ c: UnsafePointer<Double>, _ q: UnsafePointer<Double>,
        _ lower: UnsafePointer<Double>, _ upper: UnsafePointer<Double>,
        _ hl: UnsafePointer<Bool>, _ hu: UnsafePointer<Bool>,
        _ x: UnsafeMutablePointer<Double>, _ zl: UnsafeMutablePointer<Double>,
        _ zu: UnsafeMutablePointer<Double>, _ rd: UnsafeMutablePointer<Double>,
        _ scaling: ScalingOutput?, _ out: UnsafeMutablePointer<ObjectiveSums>
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
                if let next = scaling {
                    next.write(j, x: xj, zl: zl[j], zu: zu[j], lower: lower[j], upper: upper[j],
                               hasLower: hl[j], hasUpper: hu[j], q: q[j], rd: r)
                }
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

/// The regularizations `scalingAndPredictor` adds to `H` (see there).
public struct ScalingRegularization: Sendable {
    public var regularization: Double
    public var freeRegularization: Double
    public var complementarityWeight: Double

    public init(regularization: Double, freeRegularization: Double, complementarityWeight: Double) {
        self.regularization = regularization
        self.freeRegularization = freeRegularization
        self.complementarityWeight = complementarityWeight
    }

    /// `q + reg + [free] freeReg + zl il + zu iu`, plus for a variable with both bounds
    /// `gamma ((x - l) zl + (u - x) zu) / (u - l)^2`, which fades with the complementarity.
    @inline(__always)
    func h(
        x: Double, zl: Double, zu: Double, lower: Double, upper: Double, hasLower: Bool,
        hasUpper: Bool, q: Double, il: Double, iu: Double
    ) -> Double {
        let base = q + regularization + (hasLower || hasUpper ? 0 : freeRegularization)
        var sum = base + zl * il + zu * iu
        if hasLower && hasUpper && complementarityWeight > 0 && upper > lower {
            let width = upper - lower
            sum += complementarityWeight * ((x - lower) * zl + (upper - x) * zu) / (width * width)
        }
        return sum
    }
}

/// Where the fused step writes the next scaling: the formulas of `scalingKernel`.
struct ScalingOutput {
    let regularization: ScalingRegularization
    let il: UnsafeMutablePointer<Double>
    let iu: UnsafeMutablePointer<Double>
    let h: UnsafeMutablePointer<Double>
    let r1: UnsafeMutablePointer<Double>

    @inline(__always)
    func write(
        _ j: Int, x: Double, zl: Double, zu: Double, lower: Double, upper: Double,
        hasLower: Bool, hasUpper: Bool, q: Double, rd: Double
    ) {
        let l = hasLower ? 1 / (x - lower) : 0
        let u = hasUpper ? 1 / (upper - x) : 0
        il[j] = l
        iu[j] = u
        h[j] =
            1
            / regularization.h(
                x: x, zl: zl, zu: zu, lower: lower, upper: upper, hasLower: hasLower,
                hasUpper: hasUpper, q: q, il: l, iu: u)
        r1[j] = -rd - zl + zu
    }
}
