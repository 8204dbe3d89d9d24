/// The remaining kernels: complementarity sums, corrector targets and the step.
extension BoundedKernels {
    /// `sum (x + ap dx - l)(zl + ad dzl) + (u - x - ap dx)(zu + ad dzu)`.
    public func complementarity(
        x: [Double], dx: [Double], zl: [Double], dzl: [Double], zu: [Double], dzu: [Double],
        finiteLower: [Double], finiteUpper: [Double], primalStep ap: Double, dualStep ad: Double
    ) -> Double {
        var partial = Array(repeating: 0.0, count: chunks.count)
        complementarityKernel(x, dx, zl, dzl, zu, dzu, finiteLower, finiteUpper, ap, ad, &partial)
        return partial.reduce(0, +)
    }

    private func complementarityKernel(
        _ x: UnsafePointer<Double>, _ dx: UnsafePointer<Double>, _ zl: UnsafePointer<Double>,
        _ dzl: UnsafePointer<Double>, _ zu: UnsafePointer<Double>, _ dzu: UnsafePointer<Double>,
        _ fl: UnsafePointer<Double>, _ fu: UnsafePointer<Double>, _ ap: Double, _ ad: Double,
        _ partial: UnsafeMutablePointer<Double>
    ) {
        runChunks(chunks, threads: threads) { c, range in
            var total = 0.0
            for j in range {
                let v = x[j] + ap * dx[j]
                total += (v - fl[j]) * (zl[j] + ad * dzl[j]) + (fu[j] - v) * (zu[j] + ad * dzu[j])
            }
            partial[c] = total
        }
    }

    /// Predictor targets: `rl = -(x - l) zl`, `ru = -(u - x) zu`.
    public func predictorTargets(
        x: [Double], zl: [Double], zu: [Double], finiteLower: [Double], finiteUpper: [Double],
        rl: inout [Double], ru: inout [Double]
    ) {
        predictorKernel(x, zl, zu, finiteLower, finiteUpper, &rl, &ru)
    }

    private func predictorKernel(
        _ x: UnsafePointer<Double>, _ zl: UnsafePointer<Double>, _ zu: UnsafePointer<Double>,
        _ fl: UnsafePointer<Double>, _ fu: UnsafePointer<Double>,
        _ rl: UnsafeMutablePointer<Double>, _ ru: UnsafeMutablePointer<Double>
    ) {
        runChunks(chunks, threads: threads) { _, range in
            for j in range {
                rl[j] = -(x[j] - fl[j]) * zl[j]
                ru[j] = -(fu[j] - x[j]) * zu[j]
            }
        }
    }

    /// Corrector targets: `rl += ml (target - dx dzl)`, `ru += mu (target + dx dzu)`.
    public func correctorTargets(
        target: Double, dx: [Double], dzl: [Double], dzu: [Double], lowerMask: [Double],
        upperMask: [Double], rl: inout [Double], ru: inout [Double]
    ) {
        correctorKernel(target, dx, dzl, dzu, lowerMask, upperMask, &rl, &ru)
    }

    private func correctorKernel(
        _ t: Double, _ dx: UnsafePointer<Double>, _ dzl: UnsafePointer<Double>,
        _ dzu: UnsafePointer<Double>, _ ml: UnsafePointer<Double>, _ mu: UnsafePointer<Double>,
        _ rl: UnsafeMutablePointer<Double>, _ ru: UnsafeMutablePointer<Double>
    ) {
        runChunks(chunks, threads: threads) { _, range in
            for j in range {
                rl[j] += ml[j] * (t - dx[j] * dzl[j])
                ru[j] += mu[j] * (t + dx[j] * dzu[j])
            }
        }
    }

    /// `x += ap dx`, `zl += ad dzl`, `zu += ad dzu`.
    public func step(
        x: inout [Double], zl: inout [Double], zu: inout [Double], dx: [Double], dzl: [Double],
        dzu: [Double], primalStep: Double, dualStep: Double
    ) {
        stepKernel(&x, &zl, &zu, dx, dzl, dzu, primalStep, dualStep)
    }

    private func stepKernel(
        _ x: UnsafeMutablePointer<Double>, _ zl: UnsafeMutablePointer<Double>,
        _ zu: UnsafeMutablePointer<Double>, _ dx: UnsafePointer<Double>,
        _ dzl: UnsafePointer<Double>, _ dzu: UnsafePointer<Double>, _ ap: Double, _ ad: Double
    ) {
        runChunks(chunks, threads: threads) { _, range in
            for j in range {
                x[j] += ap * dx[j]
                zl[j] += ad * dzl[j]
                zu[j] += ad * dzu[j]
            }
        }
    }
}

/// Sums over the columns that `BoundedKernels.dualResidual` returns.
public struct ObjectiveSums: Sendable {
    /// `c'x`.
    public var linear = 0.0
    /// `x'Qx`.
    public var quadratic = 0.0
    /// `l'zl - u'zu` over finite bounds.
    public var boundTerms = 0.0
    /// `sum (x - l) zl + (u - x) zu`.
    public var complementarity = 0.0
}

extension BoundedKernels {
    /// On entry `rd` holds `A'y`; on exit `rd = c + Qx - A'y - zl + zu`.
    public func dualResidual(
        c: [Double], q: [Double], x: [Double], zl: [Double], zu: [Double],
        finiteLower: [Double], finiteUpper: [Double], rd: inout [Double]
    ) -> ObjectiveSums {
        var partial = Array(repeating: 0.0, count: 4 * chunks.count)
        residualKernel(c, q, x, zl, zu, finiteLower, finiteUpper, &rd, &partial)
        var sums = ObjectiveSums()
        for k in 0..<chunks.count {
            sums.linear += partial[4 * k]
            sums.quadratic += partial[4 * k + 1]
            sums.boundTerms += partial[4 * k + 2]
            sums.complementarity += partial[4 * k + 3]
        }
        return sums
    }

    private func residualKernel(
        _ c: UnsafePointer<Double>, _ q: UnsafePointer<Double>, _ x: UnsafePointer<Double>,
        _ zl: UnsafePointer<Double>, _ zu: UnsafePointer<Double>, _ fl: UnsafePointer<Double>,
        _ fu: UnsafePointer<Double>, _ rd: UnsafeMutablePointer<Double>,
        _ partial: UnsafeMutablePointer<Double>
    ) {
        runChunks(chunks, threads: threads) { k, range in
            var linear = 0.0
            var quadratic = 0.0
            var bounds = 0.0
            var complementarity = 0.0
            for j in range {
                let qx = q[j] * x[j]
                rd[j] = c[j] + qx - rd[j] - zl[j] + zu[j]
                linear += c[j] * x[j]
                quadratic += qx * x[j]
                bounds += fl[j] * zl[j] - fu[j] * zu[j]
                complementarity += (x[j] - fl[j]) * zl[j] + (fu[j] - x[j]) * zu[j]
            }
            partial[4 * k] = linear
            partial[4 * k + 1] = quadratic
            partial[4 * k + 2] = bounds
            partial[4 * k + 3] = complementarity
        }
    }
}
