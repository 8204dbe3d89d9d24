import Foundation
import LinearAlgebra

extension Model {
    /// Solves the model with the interior-point method.
    ///
    /// Throws only for invalid input (`ModelError`, `SettingsError`); every
    /// outcome of the method itself, including failures, is a `SolveStatus`.
    public func solve(settings: SolverSettings = SolverSettings()) throws -> SolveResult {
        // OpenBLAS's thread count is process-wide and the structured path changes it while it
        // runs its own threads, so solves in one process take turns; each still uses both
        // cores. Concurrent solves from several threads (tests, studies) are safe this way.
        solveLock.lock()
        defer { solveLock.unlock() }
        return try solveAlone(settings: settings)
    }

    private func solveAlone(settings: SolverSettings) throws -> SolveResult {
        try settings.validate()
        try validate()
        let clock = Date()
        if settings.path != .general && blockCount > 0 && settings.mergeIdenticalBlocks {
            let groups = BlockMerge.groups(self, threads: settings.threads)
            if groups.contains(where: { $0.count > 1 }) {
                let merged = BlockMerge(self, groups: groups)
                var result = try merged.reduced.solveAlone(settings: settings)
                merged.expand(&result, original: self)
                result.solveTimeSeconds = Date().timeIntervalSince(clock)
                return result
            }
        }
        let form = StandardForm(
            self, threads: settings.threads, tolerance: settings.primalTolerance)
        if !form.violatedEmptyRows.isEmpty {
            return infeasibleAsGiven(form, elapsed: Date().timeIntervalSince(clock))
        }
        let (outcome, path) = try runInteriorPoint(form, settings: settings)
        var result = makeResult(form, outcome, path: path)
        if outcome.status == .primalInfeasible {
            result.infeasibility = explainInfeasibility(
                form, outcome.point, farkasRay: outcome.farkasRay, settings: settings)
        }
        result.solveTimeSeconds = Date().timeIntervalSince(clock)
        return result
    }

    /// Chooses the KKT path and runs the method. Its work vectors and factors live
    /// only inside this call, so they are released before the result is built.
    private func runInteriorPoint(
        _ form: StandardForm, settings: SolverSettings
    ) throws -> (InteriorPoint.Outcome, String) {
        let useStructured = settings.path != .general && blockCount > 0
        var kkt: (any NormalEquationsSolver)?
        var fallbackNote =
            settings.path == .structured && blockCount == 0
            ? "; structured path not applicable: the model declares no blocks" : ""
        let openBLASThreads = OpenBLAS.threadCount
        defer { OpenBLAS.setThreadCount(openBLASThreads) }
        if useStructured {
            // The structured path runs its own threads over blocks and only small
            // dense factorizations; idle OpenBLAS threads would spin against them.
            OpenBLAS.setThreadCount(1)
            do {
                kkt = try StructuredNormalEquations(
                    form, blockCount: blockCount, threads: settings.threads)
            } catch {
                fallbackNote = "; structured path not applicable: \(error)"
            }
        }
        if kkt == nil && form.m > settings.maxGeneralPathRows {
            throw ModelError.tooLargeForGeneralPath(
                rows: form.m, limit: settings.maxGeneralPathRows,
                reason: fallbackNote.isEmpty ? "" : " (\(fallbackNote.dropFirst(2)))")
        }
        var method = InteriorPoint(
            problem: IPMProblem(form, settings: settings), settings: settings,
            kkt: kkt ?? GeneralNormalEquations(form.a))
        // A second reference to the solver would make its first factorization copy
        // every block array (copy on write).
        kkt = nil
        let path = method.kkt.pathDescription + fallbackNote
        var outcome = method.run()
        // The result needs the last residuals' norms only, not the vectors.
        outcome.measures.primalResidual = []
        outcome.measures.dualResidual = []
        return (outcome, path)
    }

    private func makeResult(
        _ form: StandardForm, _ outcome: InteriorPoint.Outcome, path: String
    ) -> SolveResult {
        var x = form.fixedValue
        for j in 0..<variableCount where form.variableColumn[j] >= 0 {
            x[j] = outcome.point.x[Int(form.variableColumn[j])]
        }
        var duals = Array(repeating: 0.0, count: rowCount)
        for i in 0..<rowCount where form.modelRowIndex[i] >= 0 {
            duals[i] = outcome.point.y[Int(form.modelRowIndex[i])]
        }
        var reduced = (0..<variableCount).map { cost[$0] + quadraticCost[$0] * x[$0] }
        for i in 0..<rowCount {
            for k in rowStart[i]..<rowStart[i + 1] {
                reduced[termVariable[k]] -= termValue[k] * duals[i]
            }
        }
        let iterates = outcome.iterates.map { xs in
            (0..<variableCount).map { j in
                form.variableColumn[j] >= 0 ? xs[Int(form.variableColumn[j])] : form.fixedValue[j]
            }
        }
        return SolveResult(
            status: outcome.status, x: x, rowDuals: duals, reducedCosts: reduced,
            objective: objective(at: x), primalResidual: outcome.measures.relativePrimal,
            dualResidual: outcome.measures.relativeDual,
            relativeGap: outcome.measures.relativeGap, iterations: outcome.iterations,
            solveTimeSeconds: 0, pathDescription: path, infeasibility: nil, iterates: iterates)
    }

    /// A row with only fixed variables already violates its bounds.
    private func infeasibleAsGiven(_ form: StandardForm, elapsed: Double) -> SolveResult {
        let rows = form.violatedEmptyRows.map { rowName($0) }
        let x = (0..<variableCount).map {
            form.fixedValue[$0].isNaN ? lower[$0] : form.fixedValue[$0]
        }
        return SolveResult(
            status: .primalInfeasible, x: x, rowDuals: Array(repeating: 0, count: rowCount),
            reducedCosts: cost, objective: objective(at: x), primalResidual: .infinity,
            dualResidual: .infinity, relativeGap: .infinity, iterations: 0,
            solveTimeSeconds: elapsed, pathDescription: "presolve",
            infeasibility: InfeasibilityExplanation(
                summary: "rows with only fixed variables violate their bounds: "
                    + rows.joined(separator: ", "),
                blocksInfeasibleAlone: [],
                contributions: rows.map {
                    .init(kind: .row, name: $0, weight: 1)
                }))
    }
}

/// Serialises solves within the process (see `Model.solve`); recursive, because explaining an
/// infeasible problem solves parts of it from inside a solve.
private let solveLock = NSRecursiveLock()
