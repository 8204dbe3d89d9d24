import LinearAlgebra

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
    var columnTemp: [Double]
    var rhs: [Double]
    var rowTemp: [Double]

    init(n: Int, m: Int) {
        r1 = Array(repeating: 0, count: n)
        // The refinement buffers grow on first use (multiply resizes them).
        columnTemp = []
        rhs = Array(repeating: 0, count: m)
        rowTemp = []
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
    func updateScaling(_ s: inout IPMScaling, _ p: IPMIterate) {
        kernels.scaling(
            x: p.x, zl: p.zl, zu: p.zu, finiteLower: finiteLower, finiteUpper: finiteUpper,
            lowerMask: lowerMask, upperMask: upperMask, baseDiagonal: baseDiagonal,
            inverseLowerSlack: &s.inverseLowerSlack, inverseUpperSlack: &s.inverseUpperSlack,
            hInverse: &s.hInverse)
    }

    /// Solves the Newton system for complementarity targets `rl`, `ru` into `d`;
    /// returns the largest feasible primal and dual steps along it.
    @discardableResult
    func direction(
        _ d: inout IPMDirection, _ p: IPMIterate, primalResidual: [Double],
        dualResidual: [Double], rl: [Double], ru: [Double], scaling s: IPMScaling,
        regularization: Double, kkt: inout any NormalEquationsSolver, refinementSteps: Int,
        scratch w: inout IPMScratch
    ) throws -> (primal: Double, dual: Double) {
        kernels.newtonRightHandSide(
            dualResidual: dualResidual, rl: rl, ru: ru, inverseLowerSlack: s.inverseLowerSlack,
            inverseUpperSlack: s.inverseUpperSlack, hInverse: s.hInverse, r1: &w.r1,
            scaled: &d.dx)
        // `H^-1 r1` goes through `d.dx`, which is free until it receives `A'dy`.
        form.a.byRow.multiply(d.dx, into: &w.rhs)
        for i in 0..<form.m { w.rhs[i] = primalResidual[i] - w.rhs[i] }
        try solveRefined(&d.dy, s.hInverse, regularization, &kkt, refinementSteps, &w)

        form.a.byColumn.multiply(d.dy, into: &d.dx)
        return kernels.newtonRecover(
            hInverse: s.hInverse, r1: w.r1, rl: rl, ru: ru, zl: p.zl, zu: p.zu,
            inverseLowerSlack: s.inverseLowerSlack, inverseUpperSlack: s.inverseUpperSlack,
            dx: &d.dx, dzl: &d.dzl, dzu: &d.dzu)
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
        var primalRate = 1.0
        var dualRate = 1.0
        for j in 0..<form.n {
            primalRate = max(primalRate, -d.dx[j] * s.inverseLowerSlack[j])
            primalRate = max(primalRate, d.dx[j] * s.inverseUpperSlack[j])
            let zl = p.zl[j]
            let zu = p.zu[j]
            dualRate = max(dualRate, zl > 0 ? -d.dzl[j] / zl : 0)
            dualRate = max(dualRate, zu > 0 ? -d.dzu[j] / zu : 0)
        }
        return (1 / primalRate, 1 / dualRate)
    }

    /// Average complementarity after steps `ap`, `ad` along `d`.
    func muAfter(_ p: IPMIterate, _ d: IPMDirection, _ ap: Double, _ ad: Double) -> Double {
        if boundCount == 0 { return 0 }
        let total = kernels.complementarity(
            x: p.x, dx: d.dx, zl: p.zl, dzl: d.dzl, zu: p.zu, dzu: d.dzu,
            finiteLower: finiteLower, finiteUpper: finiteUpper, primalStep: ap, dualStep: ad)
        return total / Double(boundCount)
    }

    func step(_ p: inout IPMIterate, _ d: IPMDirection, _ ap: Double, _ ad: Double) {
        kernels.step(
            x: &p.x, zl: &p.zl, zu: &p.zu, dx: d.dx, dzl: d.dzl, dzu: d.dzu, primalStep: ap,
            dualStep: ad)
        for i in 0..<form.m { p.y[i] += ad * d.dy[i] }
    }
}
