/// Infeasibility tests on the iterates of an infeasible-start method: when a
/// problem has no solution the iterates diverge along a ray that proves it.
extension IPMProblem {
    /// Primal infeasibility (Farkas): `A'y + zl - zu = 0` with
    /// `b'y + l'zl - u'zu > 0`, tested on the iterate's duals, relative to that
    /// objective.
    func provesPrimalInfeasible(
        _ p: IPMIterate, _ measures: IPMMeasures, tolerance: Double
    ) -> Bool {
        let objective = measures.rayObjective
        guard objective > 0, objective.isFinite else { return false }
        // Cheap screen for linear programs: |A'y + zl - zu| >= |c| - |rd| there.
        let floor = cNorm - measures.relativeDual * (1 + cNorm)
        if !hasQuadratic && floor > tolerance * objective { return false }
        // A'y + zl - zu = c + Qx - rd, so no product with A is needed.
        var worst = 0.0
        for j in 0..<form.n {
            let ray = form.c[j] + form.q[j] * p.x[j] - measures.dualResidual[j]
            worst = max(worst, abs(ray))
        }
        return worst <= tolerance * objective
    }

    /// Dual infeasibility (unboundedness): a direction `x` with `A x = 0`,
    /// `Q x = 0`, `c'x < 0`, and respecting the sign of every finite bound,
    /// tested on the primal iterate, relative to `|c'x|`.
    func provesDualInfeasible(
        _ p: IPMIterate, _ measures: IPMMeasures, tolerance: Double
    ) -> Bool {
        let descent = measures.linearObjective
        guard descent < 0, descent.isFinite else { return false }
        let limit = tolerance * -descent
        for i in 0..<form.m where abs(form.b[i] - measures.primalResidual[i]) > limit {
            return false
        }
        for j in 0..<form.n {
            if abs(form.q[j] * p.x[j]) > limit { return false }
            if hasLower[j] && p.x[j] < -limit { return false }
            if hasUpper[j] && p.x[j] > limit { return false }
        }
        return true
    }
}
