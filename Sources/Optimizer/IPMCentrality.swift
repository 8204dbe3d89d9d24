/// Gondzio's multiple centrality correctors: after the predictor-corrector
/// direction, aim at a longer step by pulling the complementarity products
/// that would fall outside `[betaMin, betaMax] * target` back into that box.
extension IPMProblem {
    /// Parameters from Gondzio (1996), "Multiple centrality corrections in a
    /// primal-dual method for linear programming", Section 4.
    static let betaMin = 0.1
    static let betaMax = 10.0
    static let stepIncrease = 0.1
    static let acceptanceFactor = 0.1

    /// Tries one corrector; on success adds it to `base` and returns the new steps.
    func centralityCorrection(
        _ p: IPMIterate, _ base: inout IPMDirection, steps: (Double, Double), target: Double,
        scaling: IPMScaling, regularization: Double, kkt: inout any NormalEquationsSolver,
        refinementSteps: Int, buffers b: inout IPMCorrectorBuffers, scratch: inout IPMScratch
    ) throws -> (Double, Double)? {
        let (ap0, ad0) = steps
        let trialP = min(1, ap0 + Self.stepIncrease)
        let trialD = min(1, ad0 + Self.stepIncrease)
        let low = Self.betaMin * target
        let high = Self.betaMax * target
        func correction(_ v: Double) -> Double {
            if v < low { return low - v }
            if v > high { return max(high - v, -high) }
            return 0
        }
        for j in 0..<form.n {
            let x = p.x[j] + trialP * base.dx[j]
            let l = hasLower[j] ? form.lower[j] : 0
            let u = hasUpper[j] ? form.upper[j] : 0
            let lowerProduct = (x - l) * (p.zl[j] + trialD * base.dzl[j])
            let upperProduct = (u - x) * (p.zu[j] + trialD * base.dzu[j])
            b.rl[j] = hasLower[j] ? correction(lowerProduct) : 0
            b.ru[j] = hasUpper[j] ? correction(upperProduct) : 0
        }
        _ = try direction(
            &b.extra, p, primalResidual: b.zeroRows, dualResidual: b.zeroColumns, rl: b.rl,
            ru: b.ru, scaling: scaling, regularization: regularization, kkt: &kkt,
            refinementSteps: refinementSteps, scratch: &scratch)
        b.candidate = base
        b.candidate.add(b.extra)
        let (ap, ad) = maxSteps(p, b.candidate, scaling)
        let needed = Self.acceptanceFactor * Self.stepIncrease
        guard ap >= ap0 + needed * ap0 || ad >= ad0 + needed * ad0,
            ap >= ap0 * 0.99, ad >= ad0 * 0.99
        else { return nil }
        swap(&base, &b.candidate)
        return (ap, ad)
    }
}

/// Buffers for the centrality correctors.
struct IPMCorrectorBuffers {
    var rl: [Double]
    var ru: [Double]
    var zeroRows: [Double]
    var zeroColumns: [Double]
    var extra: IPMDirection
    var candidate: IPMDirection

    init(n: Int, m: Int) {
        rl = Array(repeating: 0, count: n)
        ru = rl
        zeroColumns = rl
        zeroRows = Array(repeating: 0, count: m)
        extra = IPMDirection(n: n, m: m)
        candidate = extra
    }
}
