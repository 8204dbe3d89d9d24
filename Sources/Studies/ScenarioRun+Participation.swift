import DemandResponse
import Engine
import Results
import Scenario
import VPPCore

extension ScenarioRun {
    /// The strategy's run with every enrolled asset taking part in every event: the
    /// response it planned. It matches the run until the first event with an opt-out
    /// starts, since strategies learn of opt-outs only then.
    static func plannedRun(
        scenario: LoadedScenario, strategyName: String, input: SimulationInput,
        participation: Participation,
        reference: SimulationResult, checksInvariants: Bool, logger: Logger
    ) throws -> SimulationResult {
        var strategy = try StudyRunner.strategy(
            named: strategyName, for: scenario, referencePeakKW: reference.peakNetLoadKW)
        logger.info("running \(strategy.name) again with no opt-outs, for the planned response")
        var everyone = input
        everyone.participation = participation.withoutOptOuts
        return try Simulation(input: everyone, checksInvariants: checksInvariants)
            .run(strategy: &strategy)
    }

    /// How many assets are enrolled, of how many, and how many asset-events were sat out.
    static func participationFields(
        _ participation: Participation, input: SimulationInput
    ) -> [SummaryField] {
        let counts = AssetClass.counts(in: input)
        let enrolled = AssetClass.allCases.reduce(0) { $0 + participation.enrolled.count($1) }
        let optOuts = input.events.reduce(0) { total, event in
            total + AssetClass.allCases.reduce(0) {
                $0 + (participation.optedOut[event.id]?.count($1) ?? 0)
            }
        }
        return [
            SummaryField(key: "dr_enrolled_assets", value: .integer(enrolled), unit: ""),
            SummaryField(
                key: "dr_assets", value: .integer(counts.values.reduce(0, +)), unit: ""),
            SummaryField(key: "dr_opt_outs", value: .integer(optOuts), unit: ""),
        ]
    }
}
