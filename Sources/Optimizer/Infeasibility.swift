extension Model {
    func explainInfeasibility(
        _ form: StandardForm, _ point: IPMIterate, settings: SolverSettings
    ) -> InfeasibilityExplanation {
        InfeasibilityExplanation(summary: "infeasible", blocksInfeasibleAlone: [], contributions: [])
    }
}
