/// The fused kernels of one predictor-corrector iteration: each pass does all the
/// elementwise work that needs its vectors, so an iteration streams each long
/// vector through memory as few times as possible (the iteration is bound by
/// memory traffic, not arithmetic).
///
/// Complementarity targets are formed inside the kernels instead of being stored:
/// the predictor aims at `rl = -(x - l) zl`, whose scaled form `rl / (x - l)` is
/// simply `-zl`; the corrector adds `[l finite] (target - dx dzl)` from the
/// predictor direction, read while that direction is overwritten in place.
extension BoundedKernels {
    /// Step lengths and sums from `recover`.
    public struct Recovered: Sendable, Equatable {
        /// Largest steps in (0, 1] keeping the slacks and bound duals nonnegative.
        public var primal = 1.0
        public var dual = 1.0
        /// `sum dx (zl - zu)` and `sum dx (dzl - dzu)`: with the complementarity sum
        /// at the current point they give it after any steps (`complementarityAfter`).
        public var slope = 0.0
        public var curvature = 0.0
        /// False when a component of `dx`, `dzl` or `dzu` is infinite or NaN.
        public var isFinite = true
    }

    /// Scaling and predictor right-hand side in one pass: `il = [l finite]/(x - l)`,
    /// `iu = [u finite]/(u - x)`, `h = 1/H` with `H` from `ScalingRegularization.h`,
    /// and `r1 = -rd - zl + zu`. Bounds may be infinite where `hasLower`/`hasUpper` say so.
    public func scalingAndPredictor(
        x: [Double], zl: [Double], zu: [Double], lower: [Double], upper: [Double],
        hasLower: [Bool], hasUpper: [Bool], q: [Double], regularization: ScalingRegularization,
        dualResidual: [Double], inverseLowerSlack il: inout [Double],
        inverseUpperSlack iu: inout [Double], hInverse h: inout [Double], r1: inout [Double]
    ) {
        scalingKernel(
            x, zl, zu, lower, upper, hasLower, hasUpper, q, regularization, dualResidual, &il,
            &iu, &h, &r1)
    }

    private func scalingKernel(
        _ x: UnsafePointer<Double>, _ zl: UnsafePointer<Double>, _ zu: UnsafePointer<Double>,
        _ lower: UnsafePointer<Double>, _ upper: UnsafePointer<Double>, _ hl: UnsafePointer<Bool>,
        _ hu: UnsafePointer<Bool>, _ q: UnsafePointer<Double>, _ reg: ScalingRegularization,
        _ rd: UnsafePointer<Double>, _ il: UnsafeMutablePointer<Double>,
        _ iu: UnsafeMutablePointer<Double>, _ h: UnsafeMutablePointer<Double>,
        _ r1: UnsafeMutablePointer<Double>
    ) {
        runChunks(chunks, threads: threads) { _, range in
            for j in range {
                // Selects, not masks: an infinite bound times 0 would be NaN.
                let l = hl[j] ? 1 / (x[j] - lower[j]) : 0
                let u = hu[j] ? 1 / (upper[j] - x[j]) : 0
                il[j] = l
                iu[j] = u
                h[j] =
                    1
                    / reg.h(
                        x: x[j], zl: zl[j], zu: zu[j], lower: lower[j], upper: upper[j],
                        hasLower: hl[j], hasUpper: hu[j], q: q[j], il: l, iu: u)
                r1[j] = -rd[j] - zl[j] + zu[j]
            }
        }
    }

    /// Corrector right-hand side: `r1 = -rd - zl + zu + cl il - cu iu` with
    /// `cl = [l finite](target - dx dzl)`, `cu = [u finite](target + dx dzu)` from the
    /// predictor direction `dx`, `dzl`, `dzu`.
    public func correctorRightHandSide(
        target: Double, dualResidual: [Double], zl: [Double], zu: [Double], hasLower: [Bool],
        hasUpper: [Bool], inverseLowerSlack: [Double], inverseUpperSlack: [Double],
        dx: [Double], dzl: [Double], dzu: [Double], r1: inout [Double]
    ) {
        correctorKernel(
            target, dualResidual, zl, zu, hasLower, hasUpper, inverseLowerSlack,
            inverseUpperSlack, dx, dzl, dzu, &r1)
    }

    private func correctorKernel(
        _ t: Double, _ rd: UnsafePointer<Double>, _ zl: UnsafePointer<Double>,
        _ zu: UnsafePointer<Double>, _ hl: UnsafePointer<Bool>, _ hu: UnsafePointer<Bool>,
        _ il: UnsafePointer<Double>, _ iu: UnsafePointer<Double>, _ dx: UnsafePointer<Double>,
        _ dzl: UnsafePointer<Double>, _ dzu: UnsafePointer<Double>,
        _ r1: UnsafeMutablePointer<Double>
    ) {
        runChunks(chunks, threads: threads) { _, range in
            for j in range {
                let cl = hl[j] ? t - dx[j] * dzl[j] : 0
                let cu = hu[j] ? t + dx[j] * dzu[j] : 0
                r1[j] = -rd[j] - zl[j] + zu[j] + cl * il[j] - cu * iu[j]
            }
        }
    }

    /// Recovers the direction from `dy`: `dx = h (r1 + A'dy)` (`A'` is `transposed`,
    /// each column's product summed where it is used), `dzl = (rl - zl dx) il`,
    /// `dzu = (ru + zu dx) iu` for the predictor's targets, or the corrector's when
    /// `correctorTarget` is given: then `dx`, `dzl`, `dzu` hold the predictor
    /// direction on entry, read and overwritten element by element.
    public func recover(
        transposed: CompressedRows, dy: [Double], hInverse: [Double], r1: inout [Double],
        zl: [Double], zu: [Double], hasLower: [Bool], hasUpper: [Bool],
        inverseLowerSlack: [Double], inverseUpperSlack: [Double], correctorTarget: Double?,
        dx: inout [Double], dzl: inout [Double], dzu: inout [Double]
    ) -> Recovered {
        precondition(
            transposed.rows == count && dy.count == transposed.columns,
            "BoundedKernels.recover: A' has \(transposed.rows) rows for \(count) columns")
        var partial = Array(repeating: Recovered(), count: chunks.count)
        // On long vectors `dx` goes first into `r1`, which is not needed after it (see
        // `separateStepAbove`: narrower passes stream better from memory).
        let separate = count > Self.separateStepAbove
        transposed.withRows { a in
            if separate { primalKernel(a, dy, hInverse, &r1) }
            recoverKernel(
                a, dy, hInverse, r1, zl, zu, hasLower, hasUpper, inverseLowerSlack,
                inverseUpperSlack, correctorTarget, primalGiven: separate, &dx, &dzl, &dzu,
                &partial)
        }
        var total = Recovered()
        for p in partial {
            total.primal = min(total.primal, p.primal)
            total.dual = min(total.dual, p.dual)
            total.slope += p.slope
            total.curvature += p.curvature
            total.isFinite = total.isFinite && p.isFinite
        }
        return total
    }

    private func recoverKernel(
        _ a: CompressedRows.Rows, _ dy: UnsafePointer<Double>, _ h: UnsafePointer<Double>,
        _ r1: UnsafePointer<Double>, _ zl: UnsafePointer<Double>, _ zu: UnsafePointer<Double>,
        _ hl: UnsafePointer<Bool>, _ hu: UnsafePointer<Bool>, _ il: UnsafePointer<Double>,
        _ iu: UnsafePointer<Double>, _ target: Double?, primalGiven: Bool,
        _ dx: UnsafeMutablePointer<Double>,
        _ dzl: UnsafeMutablePointer<Double>, _ dzu: UnsafeMutablePointer<Double>,
        _ out: UnsafeMutablePointer<Recovered>
    ) {
        let corrector = target != nil
        let t = target ?? 0
        runChunks(chunks, threads: threads) { c, range in
            var primalRate = 1.0
            var dualRate = 1.0
            var slope = 0.0
            var curvature = 0.0
            // Stays 0 unless some component is infinite or NaN (0 times those is NaN).
            var poison = 0.0
            for j in range {
                let step = primalGiven ? r1[j] : h[j] * (r1[j] + a.dot(j, dy))
                var cl = 0.0
                var cu = 0.0
                if corrector {
                    cl = hl[j] ? t - dx[j] * dzl[j] : 0
                    cu = hu[j] ? t + dx[j] * dzu[j] : 0
                }
                let lower = cl * il[j] - zl[j] * (1 + step * il[j])
                let upper = cu * iu[j] - zu[j] * (1 - step * iu[j])
                dx[j] = step
                dzl[j] = lower
                dzu[j] = upper
                primalRate = max(primalRate, max(-step * il[j], step * iu[j]))
                // Divide only when the ratio beats the largest so far (rarely, after
                // the first elements): a division costs as much as the rest of the loop.
                if zl[j] > 0 && -lower > dualRate * zl[j] {
                    dualRate = max(dualRate, -lower / zl[j])
                }
                if zu[j] > 0 && -upper > dualRate * zu[j] {
                    dualRate = max(dualRate, -upper / zu[j])
                }
                slope += step * (zl[j] - zu[j])
                curvature += step * (lower - upper)
                poison += (step + lower + upper) * 0
            }
            out[c] = Recovered(
                primal: 1 / primalRate, dual: 1 / dualRate, slope: slope, curvature: curvature,
                isFinite: poison == 0)
        }
    }

    /// `r1 = h (r1 + A'dy)`, the primal direction, in place.
    private func primalKernel(
        _ a: CompressedRows.Rows, _ dy: UnsafePointer<Double>, _ h: UnsafePointer<Double>,
        _ r1: UnsafeMutablePointer<Double>
    ) {
        runChunks(chunks, threads: threads) { _, range in
            for j in range { r1[j] = h[j] * (r1[j] + a.dot(j, dy)) }
        }
    }

    /// The complementarity sum after steps `ap`, `ad` along a predictor direction whose
    /// `recover` returned `r`, from the sum `current` at the current point: the sums
    /// `(x - l + ap dx)(zl + ad dzl) + (u - x - ap dx)(zu + ad dzu)` expand to
    /// `current + ap slope + ad (-current - slope) + ap ad curvature`, because the
    /// predictor's `dzl` satisfies `(x - l) dzl = -(x - l) zl - zl dx` (and likewise above).
    public static func complementarityAfter(
        _ r: Recovered, current: Double, primalStep ap: Double, dualStep ad: Double
    ) -> Double {
        max(0, (1 - ad) * current + (ap - ad) * r.slope + ap * ad * r.curvature)
    }
}

/// The regularizations `scalingAndPredictor` adds to `H`.
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
