import LinearAlgebra

/// The standard form plus what the iterations need about it, computed once.
struct IPMProblem {
    let form: StandardForm
    let hasLower: [Bool]
    let hasUpper: [Bool]
    let boundCount: Int
    let bNorm: Double
    let cNorm: Double
    let hasQuadratic: Bool
    /// The primal regularizations added to `H` (from settings).
    let scalingRegularization: ScalingRegularization
    let kernels: BoundedKernels

    init(_ form: StandardForm, settings: SolverSettings) {
        self.form = form
        hasLower = form.lower.map { $0.isFinite }
        hasUpper = form.upper.map { $0.isFinite }
        boundCount = hasLower.filter { $0 }.count + hasUpper.filter { $0 }.count
        bNorm = infinityNorm(form.b)
        cNorm = infinityNorm(form.c)
        hasQuadratic = form.q.contains { $0 != 0 }
        scalingRegularization = ScalingRegularization(
            regularization: settings.primalRegularization,
            freeRegularization: settings.freeVariableRegularization,
            complementarityWeight: settings.complementarityRegularization)
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

    /// Residuals, objectives and complementarity at `p` (`inout` only so that the
    /// fused kernel can take the arrays without copying them; `p` is unchanged).
    func measures(_ p: inout IPMIterate) -> IPMMeasures {
        var m = IPMMeasures(
            primalResidual: Array(repeating: 0, count: form.m),
            dualResidual: Array(repeating: 0, count: form.n), primalObjective: 0,
            dualObjective: 0, relativePrimal: 0, relativeDual: 0, relativeGap: 0, mu: 0)
        stepAndMeasure(&p.x, &p.zl, &p.zu, y: p.y, step: nil, into: &m)
        return m
    }

    /// Takes `step` (when given) and measures the new point: the step, the dual
    /// residual and the objective sums go in one pass over the columns.
    func stepAndMeasure(
        _ x: inout [Double], _ zl: inout [Double], _ zu: inout [Double], y: [Double],
        step: BoundedKernels.Step?, into m: inout IPMMeasures
    ) {
        let f = form
        let sums = kernels.stepAndDualResidual(
            step, transposed: f.a.byColumn, y: y, c: f.c, q: f.q, lower: f.lower,
            upper: f.upper, hasLower: hasLower, hasUpper: hasUpper, x: &x, zl: &zl, zu: &zu,
            rd: &m.dualResidual)
        let primalNorm = f.a.byRow.residual(f.b, x, into: &m.primalResidual)
        m.primalObjective = sums.linear + 0.5 * sums.quadratic
        m.linearObjective = sums.linear
        m.rayObjective = dot(f.b, y) + sums.boundTerms
        m.dualObjective = m.rayObjective - 0.5 * sums.quadratic
        m.relativePrimal = primalNorm / (1 + bNorm)
        m.relativeDual = sums.dualResidualNorm / (1 + cNorm)
        m.relativeGap = abs(m.primalObjective - m.dualObjective) / (1 + abs(m.primalObjective))
        m.complementarity = sums.complementarity
        m.mu = boundCount > 0 ? sums.complementarity / Double(boundCount) : 0
    }
}
