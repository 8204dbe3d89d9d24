import Foundation

/// Mehrotra's predictor-corrector method, with Gondzio's centrality
/// correctors, on a `StandardForm`.
struct InteriorPoint {
    let problem: IPMProblem
    let settings: SolverSettings
    var kkt: any NormalEquationsSolver

    struct Outcome {
        var status: SolveStatus
        var point: IPMIterate
        var measures: IPMMeasures
        var iterations: Int
        var iterates: [[Double]]
        /// For `primalInfeasible` found along the last dual step: that step's row duals,
        /// the Farkas ray (the bound multipliers follow from it). Nil when the iterate's
        /// own duals are the ray.
        var farkasRay: [Double]? = nil
    }

    /// Steps shorter than this count as a stall; five in a row stop the method.
    /// Chosen by experiment: genuine progress never needed shorter steps.
    let stallStep = 1e-8
    let stallLimit = 5
    /// After the relative regularization, each failed factorization multiplies both
    /// regularizations by this, up to 3 times.
    let regularizationGrowth = 100.0
    /// The relative regularization of the first retry after a failed factorization
    /// (`NormalEquationsSolver.factor`): about 50 times the unit roundoff, above the error
    /// of a pivot that cancels entries of its own row's size, so it stays positive.
    let relativeRegularization = 1e-14
    /// The largest centering weight sigma that Mehrotra's rule may choose. When the
    /// predictor is blocked early, the rule asks for sigma near 1, a step that only
    /// centers; capped, the step still lowers the complementarity. Chosen by experiment
    /// on the seeded dispatch instances (seeds 1 to 3, 100 to 10,000 assets): 0.3 took
    /// 8 to 10% fewer iterations at 10,000 assets and as many or fewer at 100 and 1,000;
    /// 0.25 and 0.4 did almost as well, 0.1 worse than no cap.
    let maxCentering = 0.3

    // Buffers reused by every iteration.
    var scaling: IPMScaling
    var scratch: IPMScratch
    /// The predictor direction, then the corrected direction in the same storage.
    var newton: IPMDirection
    var correctorBuffers: IPMCorrectorBuffers
    /// The last step taken (its direction is still in `newton`), for the certificate tests
    /// along it; nil before the first step.
    var lastStep: LastStep?

    struct LastStep {
        /// The primal step length.
        var primal: Double
        /// `c'x` before the step.
        var linearObjectiveBefore: Double
        /// The Farkas objective `b'y + l'zl - u'zu` before the step.
        var rayObjectiveBefore: Double
    }

    init(problem: IPMProblem, settings: SolverSettings, kkt: any NormalEquationsSolver) {
        self.problem = problem
        self.settings = settings
        self.kkt = kkt
        let n = problem.form.n
        let m = problem.form.m
        // Three arrays, not one shared: a shared buffer is copied at its first write.
        scaling = IPMScaling(
            inverseLowerSlack: Array(repeating: 0, count: n),
            inverseUpperSlack: Array(repeating: 0, count: n),
            hInverse: Array(repeating: 0, count: n))
        scratch = IPMScratch(n: n, m: m)
        newton = IPMDirection(n: n, m: m)
        correctorBuffers = IPMCorrectorBuffers(
            n: settings.centralityCorrectors > 0 ? n : 0,
            m: settings.centralityCorrectors > 0 ? m : 0)
    }

    mutating func run() -> Outcome {
        // The plain start is built only when Mehrotra's fails: on large fleets two
        // starting points side by side would set the solve's peak memory.
        let start = try? problem.mehrotraStart(
            kkt: &kkt,
            regularization: max(settings.dualRegularization, IPMProblem.startRegularization))
        var point = start ?? problem.startingPoint()
        var iterates: [[Double]] = []
        var stalls = 0
        var measures = problem.measures(&point)
        for iteration in 0..<settings.maxIterations {
            if settings.recordIterates { iterates.append(point.x) }
            if converged(measures) {
                return Outcome(
                    status: .optimal, point: point, measures: measures, iterations: iteration,
                    iterates: iterates)
            }
            if let (status, ray) = certificate(point, measures) {
                return Outcome(
                    status: status, point: point, measures: measures,
                    iterations: iteration, iterates: iterates, farkasRay: ray)
            }
            guard let (ap, ad) = try? predictCorrectStep(&point, &measures) else {
                return stopped(.numericalFailure, point, measures, iteration, iterates)
            }
            stalls = max(ap, ad) < stallStep ? stalls + 1 : 0
            if stalls >= stallLimit || !measures.primalObjective.isFinite {
                return stopped(.numericalFailure, point, measures, iteration + 1, iterates)
            }
        }
        return stopped(.iterationLimit, point, measures, settings.maxIterations, iterates)
    }

    private func converged(_ m: IPMMeasures) -> Bool {
        m.relativePrimal <= settings.primalTolerance && m.relativeDual <= settings.dualTolerance
            && m.relativeGap <= settings.gapTolerance
    }

    /// One predictor-corrector iteration: takes the step and measures the new point
    /// into `measures`; returns the step lengths taken.
    private mutating func predictCorrectStep(
        _ point: inout IPMIterate, _ measures: inout IPMMeasures
    ) throws -> (Double, Double) {
        let p = problem
        p.scalingAndPredictor(
            &scaling, point, dualResidual: measures.dualResidual, r1: &scratch.r1)
        let regularization = try factorWithRetries(scaling.hInverse)
        let refine = settings.refinementSteps

        // Predictor: aim at zero complementarity.
        let predicted = try p.newtonDirection(
            &newton, point, primalResidual: measures.primalResidual, scaling: scaling,
            correctorTarget: nil, regularization: regularization, kkt: &kkt,
            refinementSteps: refine, scratch: &scratch)

        // Centering from the predicted complementarity, Mehrotra's cubic rule.
        let muAffine = p.muAfter(predicted, measures, predicted.primal, predicted.dual)
        let sigma = measures.mu > 0 ? min(pow(muAffine / measures.mu, 3), maxCentering) : 0
        let target = sigma * measures.mu

        // Corrector: centering plus the second-order term of the predictor, which the
        // kernels read from the predictor while they overwrite it with the corrector
        // (one direction's memory less on large fleets).
        p.kernels.correctorRightHandSide(
            target: target, dualResidual: measures.dualResidual, zl: point.zl, zu: point.zu,
            hasLower: p.hasLower, hasUpper: p.hasUpper,
            inverseLowerSlack: scaling.inverseLowerSlack,
            inverseUpperSlack: scaling.inverseUpperSlack, dx: newton.dx, dzl: newton.dzl,
            dzu: newton.dzu, r1: &scratch.r1)
        let corrected = try p.newtonDirection(
            &newton, point, primalResidual: measures.primalResidual, scaling: scaling,
            correctorTarget: target, regularization: regularization, kkt: &kkt,
            refinementSteps: refine, scratch: &scratch)
        var (ap, ad) = (corrected.primal, corrected.dual)
        // `recover` checked every component of dx, dzl, dzu; dy is in dx through A'dy.
        var finite = corrected.isFinite

        // Centrality correctors while they lengthen the step.
        for _ in 0..<settings.centralityCorrectors where min(ap, ad) < 1 {
            guard
                let steps = try p.centralityCorrection(
                    point, &newton, steps: (ap, ad), target: target, scaling: scaling,
                    regularization: regularization, kkt: &kkt, refinementSteps: refine,
                    buffers: &correctorBuffers, scratch: &scratch)
            else { break }
            (ap, ad) = steps
            finite = newton.isFinite
        }

        ap = min(1, settings.stepFraction * ap)
        ad = min(1, settings.stepFraction * ad)
        if p.hasQuadratic {
            ap = min(ap, ad)
            ad = ap
        }
        // Slacks that reached their bounds in floating point give infinite directions; stop
        // at the last finite point instead, which may still meet the reduced accuracy.
        guard ap.isFinite, ad.isFinite, finite else { throw NonFiniteDirection() }
        let before = (linear: measures.linearObjective, ray: measures.rayObjective)
        p.step(&point, newton, ap, ad, measures: &measures)
        lastStep = LastStep(
            primal: ap, linearObjectiveBefore: before.linear, rayObjectiveBefore: before.ray)
        return (ap, ad)
    }

    /// Factors the normal equations; on failure, first adds the relative regularization
    /// (a pivot lost to cancellation), then raises both regularizations.
    private mutating func factorWithRetries(_ hInverse: [Double]) throws -> Double {
        var regularization = settings.dualRegularization / max(1, problem.cNorm)
        var relative = 0.0
        var attempt = 0
        while true {
            do {
                try kkt.factor(
                    hInverse: hInverse, regularization: regularization,
                    relativeRegularization: relative)
                return regularization
            } catch {
                attempt += 1
                if attempt > 4 { throw error }
                if relative == 0 {
                    relative = relativeRegularization
                } else {
                    relative *= regularizationGrowth
                    regularization = max(regularization, 1e-12) * regularizationGrowth
                }
            }
        }
    }

    /// Tests the iterate, then the last step, for a ray that proves the problem has no
    /// solution; for a Farkas ray found along the step, returns its row duals too.
    private func certificate(
        _ point: IPMIterate, _ measures: IPMMeasures
    ) -> (SolveStatus, [Double]?)? {
        let tolerance = settings.infeasibilityTolerance
        if problem.provesPrimalInfeasible(point, measures, tolerance: tolerance) {
            return (.primalInfeasible, nil)
        }
        if problem.provesDualInfeasible(
            point, measures, tolerance: tolerance, primalTolerance: settings.primalTolerance)
        {
            return (.dualInfeasible, nil)
        }
        // The step's tests read every column, so they run only when the objectives are in
        // an order that no primal and dual feasible pair allows: the primal one below the
        // dual one by more than the gap tolerance. In pobj - dobj = complementarity + x'rd
        // - y'rp, -y'rp falls without bound as the duals grow along a Farkas ray, and x'rd
        // as the primal point grows along a descent ray. The seeded dispatch instances stay
        // above in every iteration; smaller models dip below in some, which then cost a pass
        // more. The Farkas test also needs the step to have raised the Farkas objective
        // b'y + l'zl - u'zu (that halved those passes on small random feasible LPs), and the
        // unboundedness test to have lowered c'x (which lets its pass stop early).
        guard let step = lastStep,
            measures.dualObjective - measures.primalObjective
                > settings.gapTolerance * (1 + abs(measures.primalObjective))
        else { return nil }
        if measures.rayObjective > step.rayObjectiveBefore
            && problem.provesPrimalInfeasible(along: newton.dy, tolerance: tolerance)
        {
            return (.primalInfeasible, newton.dy)
        }
        if step.primal > 0 {
            let descent = (measures.linearObjective - step.linearObjectiveBefore) / step.primal
            if problem.provesDualInfeasible(
                along: newton.dx, descentEstimate: descent, at: point,
                primalResidual: measures.primalResidual, tolerance: tolerance,
                primalTolerance: settings.primalTolerance)
            {
                return (.dualInfeasible, nil)
            }
        }
        return nil
    }

    private func stopped(
        _ status: SolveStatus, _ point: IPMIterate, _ measures: IPMMeasures, _ iterations: Int,
        _ iterates: [[Double]]
    ) -> Outcome {
        let reduced = measures.meets(settings.reducedAccuracyTolerance)
        return Outcome(
            status: reduced ? .optimalReducedAccuracy : status, point: point, measures: measures,
            iterations: iterations, iterates: iterates)
    }
}

/// A Newton direction with an infinite or NaN component.
struct NonFiniteDirection: Error {}

extension IPMDirection {
    var isFinite: Bool {
        dx.allSatisfy(\.isFinite) && dy.allSatisfy(\.isFinite) && dzl.allSatisfy(\.isFinite)
            && dzu.allSatisfy(\.isFinite)
    }
}
