/// Newton directions and step lengths for the bound-constrained form.
///
/// With `sl = x - l`, `su = u - x`, the complementarity rows are
/// `zl dx + sl dzl = rl` and `-zu dx + su dzu = ru`. Eliminating `dzl`, `dzu`
/// leaves `H dx - A'dy = r1` and `A dx = rp` with
/// `H = Q + zl/sl + zu/su` and `r1 = -rd + rl/sl - ru/su`;
/// eliminating `dx = H^-1 (r1 + A'dy)` gives the normal equations.
/// Missing bounds have `1/sl = 0` (or `1/su = 0`) and zero duals, so every
/// loop below runs without branches on the bound type.
struct IPMScaling {
    /// `1 / (x - l)`, 0 where there is no lower bound.
    var inverseLowerSlack: [Double]
    /// `1 / (u - x)`, 0 where there is no upper bound.
    var inverseUpperSlack: [Double]
    /// `1 / H` including the primal regularization.
    var hInverse: [Double]
}

/// Buffers reused across iterations, so that large solves do not allocate
/// (and page-fault in) fresh arrays at every step.
struct IPMScratch {
    var r1: [Double]
    var scaled: [Double]
    var columnTemp: [Double]
    var rhs: [Double]
    var rowTemp: [Double]

    init(n: Int, m: Int) {
        r1 = Array(repeating: 0, count: n)
        scaled = r1
        columnTemp = r1
        rhs = Array(repeating: 0, count: m)
        rowTemp = rhs
    }
}

extension IPMDirection {
    init(n: Int, m: Int) {
        dx = Array(repeating: 0, count: n)
        dzl = dx
        dzu = dx
        dy = Array(repeating: 0, count: m)
    }

    /// `self += other`, component by component.
    mutating func add(_ other: IPMDirection) {
        for j in 0..<dx.count {
            dx[j] += other.dx[j]
            dzl[j] += other.dzl[j]
            dzu[j] += other.dzu[j]
        }
        for i in 0..<dy.count { dy[i] += other.dy[i] }
    }
}

extension IPMProblem {
    func updateScaling(_ s: inout IPMScaling, _ p: IPMIterate, _ settings: SolverSettings) {
        let free = settings.freeVariableRegularization, base = settings.primalRegularization
        for j in 0..<form.n {
            let il = lowerMask[j] / (p.x[j] - finiteLower[j] + (1 - lowerMask[j]))
            let iu = upperMask[j] / (finiteUpper[j] - p.x[j] + (1 - upperMask[j]))
            s.inverseLowerSlack[j] = il
            s.inverseUpperSlack[j] = iu
            let freeTerm = isFree[j] ? free : 0
            s.hInverse[j] = 1 / (form.q[j] + base + freeTerm + p.zl[j] * il + p.zu[j] * iu)
        }
    }

    /// Solves the Newton system for complementarity targets `rl`, `ru` into `d`.
    func direction(
        _ d: inout IPMDirection, _ p: IPMIterate, primalResidual: [Double],
        dualResidual: [Double], rl: [Double], ru: [Double], scaling s: IPMScaling,
        regularization: Double, kkt: inout any NormalEquationsSolver, refinementSteps: Int,
        scratch w: inout IPMScratch
    ) throws {
        for j in 0..<form.n {
            let v = -dualResidual[j] + rl[j] * s.inverseLowerSlack[j] - ru[j] * s.inverseUpperSlack[j]
            w.r1[j] = v
            w.scaled[j] = s.hInverse[j] * v
        }
        form.a.byRow.multiply(w.scaled, into: &w.rhs)
        for i in 0..<form.m { w.rhs[i] = primalResidual[i] - w.rhs[i] }
        try solveRefined(&d.dy, s.hInverse, regularization, &kkt, refinementSteps, &w)

        form.a.byColumn.multiply(d.dy, into: &d.dx)
        for j in 0..<form.n {
            let step = s.hInverse[j] * (w.r1[j] + d.dx[j])
            d.dx[j] = step
            d.dzl[j] = (rl[j] - p.zl[j] * step) * s.inverseLowerSlack[j]
            d.dzu[j] = (ru[j] + p.zu[j] * step) * s.inverseUpperSlack[j]
        }
    }

    /// Solves the normal equations for `w.rhs`, then corrects with their own residual.
    private func solveRefined(
        _ dy: inout [Double], _ hInverse: [Double], _ regularization: Double,
        _ kkt: inout any NormalEquationsSolver, _ steps: Int, _ w: inout IPMScratch
    ) throws {
        for i in 0..<form.m { dy[i] = w.rhs[i] }
        try kkt.solve(&dy)
        for _ in 0..<steps {
            form.a.byColumn.multiply(dy, into: &w.columnTemp)
            for j in 0..<form.n { w.columnTemp[j] *= hInverse[j] }
            form.a.byRow.multiply(w.columnTemp, into: &w.rowTemp)
            for i in 0..<form.m {
                w.rowTemp[i] = w.rhs[i] - w.rowTemp[i] - regularization * dy[i]
            }
            try kkt.solve(&w.rowTemp)
            for i in 0..<form.m { dy[i] += w.rowTemp[i] }
        }
    }

    /// Largest steps in (0, 1] keeping the slacks and bound duals nonnegative.
    func maxSteps(
        _ p: IPMIterate, _ d: IPMDirection, _ s: IPMScaling
    ) -> (primal: Double, dual: Double) {
        var primalRate = 1.0, dualRate = 1.0
        for j in 0..<form.n {
            primalRate = max(primalRate, -d.dx[j] * s.inverseLowerSlack[j])
            primalRate = max(primalRate, d.dx[j] * s.inverseUpperSlack[j])
            let zl = p.zl[j], zu = p.zu[j]
            dualRate = max(dualRate, zl > 0 ? -d.dzl[j] / zl : 0)
            dualRate = max(dualRate, zu > 0 ? -d.dzu[j] / zu : 0)
        }
        return (1 / primalRate, 1 / dualRate)
    }

    /// Average complementarity after steps `ap`, `ad` along `d`.
    func muAfter(_ p: IPMIterate, _ d: IPMDirection, _ ap: Double, _ ad: Double) -> Double {
        if boundCount == 0 { return 0 }
        var total = 0.0
        for j in 0..<form.n {
            let x = p.x[j] + ap * d.dx[j]
            total += (x - finiteLower[j]) * (p.zl[j] + ad * d.dzl[j])
            total += (finiteUpper[j] - x) * (p.zu[j] + ad * d.dzu[j])
        }
        return total / Double(boundCount)
    }

    func step(_ p: inout IPMIterate, _ d: IPMDirection, _ ap: Double, _ ad: Double) {
        for j in 0..<form.n {
            p.x[j] += ap * d.dx[j]
            p.zl[j] += ad * d.dzl[j]
            p.zu[j] += ad * d.dzu[j]
        }
        for i in 0..<form.m { p.y[i] += ad * d.dy[i] }
    }
}
