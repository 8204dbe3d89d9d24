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
        // The refinement buffers are made on first use (with refinement only).
        columnTemp = []
        rhs = []
        rowTemp = []
    }
}

extension IPMDirection {
    init(n: Int, m: Int) {
        dx = Array(repeating: 0, count: n)
        dzl = Array(repeating: 0, count: n)
        dzu = Array(repeating: 0, count: n)
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
    /// The scaling at `p` and the predictor's `r1` (into `r1`), in one pass.
    func scalingAndPredictor(
        _ s: inout IPMScaling, _ p: IPMIterate, dualResidual: [Double], r1: inout [Double]
    ) {
        kernels.scalingAndPredictor(
            x: p.x, zl: p.zl, zu: p.zu, lower: form.lower, upper: form.upper,
            hasLower: hasLower, hasUpper: hasUpper, q: form.q,
            regularization: scalingRegularization, dualResidual: dualResidual,
            inverseLowerSlack: &s.inverseLowerSlack, inverseUpperSlack: &s.inverseUpperSlack,
            hInverse: &s.hInverse, r1: &r1)
    }

    /// Solves the Newton system whose `r1` is in `w.r1` into `d`: the predictor's, or
    /// the corrector's for `correctorTarget` (then `d` holds the predictor on entry).
    /// Returns the largest feasible steps and the sums `muAfter` needs.
    func newtonDirection(
        _ d: inout IPMDirection, _ p: IPMIterate, primalResidual: [Double],
        scaling s: IPMScaling, correctorTarget: Double?, regularization: Double,
        kkt: inout any NormalEquationsSolver, refinementSteps: Int, scratch w: inout IPMScratch
    ) throws -> BoundedKernels.Recovered {
        form.a.byRow.subtractScaledProduct(
            from: primalResidual, scale: s.hInverse, w.r1, into: &d.dy)
        try solveRefined(&d.dy, s.hInverse, regularization, &kkt, refinementSteps, &w)
        return kernels.recover(
            transposed: form.a.byColumn, dy: d.dy, hInverse: s.hInverse, r1: &w.r1, zl: p.zl,
            zu: p.zu, hasLower: hasLower, hasUpper: hasUpper,
            inverseLowerSlack: s.inverseLowerSlack, inverseUpperSlack: s.inverseUpperSlack,
            correctorTarget: correctorTarget, dx: &d.dx, dzl: &d.dzl, dzu: &d.dzu)
    }

    /// Average complementarity after steps `ap`, `ad` along the predictor direction
    /// that `recover` summarized in `r`.
    func muAfter(
        _ r: BoundedKernels.Recovered, _ m: IPMMeasures, _ ap: Double, _ ad: Double
    ) -> Double {
        if boundCount == 0 { return 0 }
        let total = BoundedKernels.complementarityAfter(
            r, current: m.complementarity, primalStep: ap, dualStep: ad)
        return total / Double(boundCount)
    }

    /// Takes the step and measures the new point.
    func step(
        _ p: inout IPMIterate, _ d: IPMDirection, _ ap: Double, _ ad: Double,
        measures: inout IPMMeasures
    ) {
        for i in 0..<form.m { p.y[i] += ad * d.dy[i] }
        let step = BoundedKernels.Step(dx: d.dx, dzl: d.dzl, dzu: d.dzu, primal: ap, dual: ad)
        stepAndMeasure(&p.x, &p.zl, &p.zu, y: p.y, step: step, into: &measures)
    }

    /// Solves the Newton system for explicit complementarity targets `rl`, `ru` into
    /// `d` (centrality correctors); returns the largest feasible steps along it.
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
        form.a.byRow.multiply(d.dx, into: &d.dy)
        for i in 0..<form.m { d.dy[i] = primalResidual[i] - d.dy[i] }
        try solveRefined(&d.dy, s.hInverse, regularization, &kkt, refinementSteps, &w)

        form.a.byColumn.multiply(d.dy, into: &d.dx)
        return kernels.newtonRecover(
            hInverse: s.hInverse, r1: w.r1, rl: rl, ru: ru, zl: p.zl, zu: p.zu,
            inverseLowerSlack: s.inverseLowerSlack, inverseUpperSlack: s.inverseUpperSlack,
            dx: &d.dx, dzl: &d.dzl, dzu: &d.dzu)
    }

    /// Solves the normal equations for the right-hand side in `dy`, in place, then
    /// corrects with their own residual (keeping the right-hand side in `w.rhs` only then).
    private func solveRefined(
        _ dy: inout [Double], _ hInverse: [Double], _ regularization: Double,
        _ kkt: inout any NormalEquationsSolver, _ steps: Int, _ w: inout IPMScratch
    ) throws {
        if steps > 0 { w.rhs = dy }
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
}
