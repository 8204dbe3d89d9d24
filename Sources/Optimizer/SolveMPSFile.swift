import LinearAlgebra

/// What `vppsim solve FILE.mps` prints: `description` is a multi-line summary.
public struct SolveReport: Sendable, CustomStringConvertible {
    public var file: String
    public var variables: Int
    public var rows: Int
    public var result: SolveResult
    /// Whether the file maximizes (`OBJSENSE MAX`): the objective printed is then the
    /// maximum, `-result.objective` (the model is solved as a minimization).
    public var maximizes = false
    /// The OpenBLAS kernel and thread count in use, e.g. "Prescott, 2 threads".
    public var openBLAS: String

    public var description: String {
        var lines = [
            "file:        \(file) (\(variables) variables, \(rows) rows)",
            "status:      \(result.status.rawValue). \(result.status.sentence(maximizing: maximizes))",
            "objective:   \(objectiveText)",
            "iterations:  \(result.iterations)",
            "residuals:   primal \(result.primalResidual), dual \(result.dualResidual), "
                + "gap \(result.relativeGap) (relative)",
            "time:        \(result.solveTimeSeconds) s",
            "path:        \(result.pathDescription)",
            "OpenBLAS:    \(openBLAS)",
        ]
        if let why = result.infeasibility { lines.append("infeasibility: \(why)") }
        return lines.joined(separator: "\n")
    }

    /// The objective, or why there is none: an infeasible or unbounded model has no
    /// optimum, and a stopped solve's last iterate is not one (its value is still shown).
    var objectiveText: String {
        let value = maximizes ? -result.objective : result.objective
        let sense = maximizes ? " (maximized)" : ""
        switch result.status {
        case .optimal, .optimalReducedAccuracy:
            return "\(value)\(sense)"
        case .primalInfeasible:
            return "none (no point meets every constraint)"
        case .dualInfeasible:
            return maximizes ? "none (unbounded above)" : "none (unbounded below)"
        case .iterationLimit, .numericalFailure:
            return "none; \(value)\(sense) at the last iterate, which is not optimal"
        }
    }
}

/// Reads an MPS file and solves it (with the general path unless `settings.path` says otherwise).
public func solveMPSFile(path: String, settings: SolverSettings) throws -> SolveReport {
    let model = try Model.readMPS(path: path)
    var chosen = settings
    if chosen.path == .automatic { chosen.path = .general }
    let result = try model.solve(settings: chosen)
    return SolveReport(
        file: path, variables: model.variableCount, rows: model.rowCount, result: result,
        maximizes: model.negatesAMaximization, openBLAS: OpenBLAS.summary)
}
