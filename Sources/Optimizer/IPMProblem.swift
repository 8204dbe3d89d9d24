import LinearAlgebra

/// The standard form plus what the iterations need about it, computed once.
struct IPMProblem {
    let form: StandardForm
    let hasLower: [Bool]
    let hasUpper: [Bool]
    let boundCount: Int
    let bNorm: Double
    let cNorm: Double
    /// 1 where the bound is finite, else 0: lets the loops run without branches.
    let lowerMask: [Double]
    let upperMask: [Double]
    /// The bounds with infinities replaced by 0 (masked out wherever used).
    let finiteLower: [Double]
    let finiteUpper: [Double]
    let hasQuadratic: Bool
    /// `q + primal regularization (+ free-variable regularization)`, per column.
    let baseDiagonal: [Double]
    let kernels: BoundedKernels

    init(_ form: StandardForm, settings: SolverSettings) {
        self.form = form
        hasLower = form.lower.map { $0.isFinite }
        hasUpper = form.upper.map { $0.isFinite }
        boundCount = hasLower.filter { $0 }.count + hasUpper.filter { $0 }.count
        bNorm = infinityNorm(form.b)
        cNorm = infinityNorm(form.c)
        lowerMask = hasLower.map { $0 ? 1 : 0 }
        upperMask = hasUpper.map { $0 ? 1 : 0 }
        finiteLower = form.lower.map { $0.isFinite ? $0 : 0 }
        finiteUpper = form.upper.map { $0.isFinite ? $0 : 0 }
        hasQuadratic = form.q.contains { $0 != 0 }
        let free = (0..<form.n).map { !form.lower[$0].isFinite && !form.upper[$0].isFinite }
        baseDiagonal = (0..<form.n).map { j in
            form.q[j] + settings.primalRegularization
                + (free[j] ? settings.freeVariableRegularization : 0)
        }
        kernels = BoundedKernels(count: form.n, threads: settings.threads)
    }

    /// A point strictly inside the bounds: 0 moved at least `min(1, width/2)` inside.
    func startingPoint() -> IPMIterate {
        var x = Array(repeating: 0.0, count: form.n)
        for j in 0..<form.n {
            let l = form.lower[j]
            let u = form.upper[j]
            let margin = hasLower[j] && hasUpper[j] ? min(1, (u - l) / 2) : 1
            var v = 0.0
            if hasLower[j] { v = max(v, l + margin) }
            if hasUpper[j] { v = min(v, u - margin) }
            x[j] = v
        }
        let zl = hasLower.map { $0 ? 1.0 : 0.0 }
        let zu = hasUpper.map { $0 ? 1.0 : 0.0 }
        return IPMIterate(x: x, y: Array(repeating: 0, count: form.m), zl: zl, zu: zu)
    }

    func measures(_ p: IPMIterate) -> IPMMeasures {
        var m = IPMMeasures(
            primalResidual: Array(repeating: 0, count: form.m),
            dualResidual: Array(repeating: 0, count: form.n), primalObjective: 0,
            dualObjective: 0, relativePrimal: 0, relativeDual: 0, relativeGap: 0, mu: 0)
        measure(p, into: &m)
        return m
    }

    /// Residuals, objectives and complementarity at `p`, reusing `m`'s arrays.
    func measure(_ p: IPMIterate, into m: inout IPMMeasures) {
        let f = form
        f.a.byRow.multiply(p.x, into: &m.primalResidual)
        for i in 0..<f.m { m.primalResidual[i] = f.b[i] - m.primalResidual[i] }
        f.a.byColumn.multiply(p.y, into: &m.dualResidual)
        let sums = kernels.dualResidual(
            c: f.c, q: f.q, x: p.x, zl: p.zl, zu: p.zu, finiteLower: finiteLower,
            finiteUpper: finiteUpper, rd: &m.dualResidual)
        let complementarity = sums.complementarity
        m.primalObjective = sums.linear + 0.5 * sums.quadratic
        m.linearObjective = sums.linear
        m.rayObjective = dot(f.b, p.y) + sums.boundTerms
        m.dualObjective = m.rayObjective - 0.5 * sums.quadratic
        m.relativePrimal = infinityNorm(m.primalResidual) / (1 + bNorm)
        m.relativeDual = infinityNorm(m.dualResidual) / (1 + cNorm)
        m.relativeGap = abs(m.primalObjective - m.dualObjective) / (1 + abs(m.primalObjective))
        m.mu = boundCount > 0 ? complementarity / Double(boundCount) : 0
    }
}
