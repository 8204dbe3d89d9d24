/// The standard form plus what the iterations need about it, computed once.
struct IPMProblem {
    let form: StandardForm
    let hasLower: [Bool]
    let hasUpper: [Bool]
    let isFree: [Bool]
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

    init(_ form: StandardForm) {
        self.form = form
        hasLower = form.lower.map { $0.isFinite }
        hasUpper = form.upper.map { $0.isFinite }
        isFree = (0..<form.n).map { !form.lower[$0].isFinite && !form.upper[$0].isFinite }
        boundCount = hasLower.filter { $0 }.count + hasUpper.filter { $0 }.count
        bNorm = infinityNorm(form.b)
        cNorm = infinityNorm(form.c)
        lowerMask = hasLower.map { $0 ? 1 : 0 }
        upperMask = hasUpper.map { $0 ? 1 : 0 }
        finiteLower = form.lower.map { $0.isFinite ? $0 : 0 }
        finiteUpper = form.upper.map { $0.isFinite ? $0 : 0 }
        hasQuadratic = form.q.contains { $0 != 0 }
    }

    /// A point strictly inside the bounds: 0 moved at least `min(1, width/2)` inside.
    func startingPoint() -> IPMIterate {
        var x = Array(repeating: 0.0, count: form.n)
        for j in 0..<form.n {
            let l = form.lower[j], u = form.upper[j]
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
        var linear = 0.0, quadratic = 0.0, boundTerms = 0.0, complementarity = 0.0
        for j in 0..<f.n {
            let qx = f.q[j] * p.x[j]
            m.dualResidual[j] = f.c[j] + qx - m.dualResidual[j] - p.zl[j] + p.zu[j]
            linear += f.c[j] * p.x[j]
            quadratic += qx * p.x[j]
            boundTerms += finiteLower[j] * p.zl[j] - finiteUpper[j] * p.zu[j]
            complementarity += (p.x[j] - finiteLower[j]) * p.zl[j]
            complementarity += (finiteUpper[j] - p.x[j]) * p.zu[j]
        }
        m.primalObjective = linear + 0.5 * quadratic
        m.dualObjective = dot(f.b, p.y) + boundTerms - 0.5 * quadratic
        m.relativePrimal = infinityNorm(m.primalResidual) / (1 + bNorm)
        m.relativeDual = infinityNorm(m.dualResidual) / (1 + cNorm)
        m.relativeGap = abs(m.primalObjective - m.dualObjective) / (1 + abs(m.primalObjective))
        m.mu = boundCount > 0 ? complementarity / Double(boundCount) : 0
    }
}
