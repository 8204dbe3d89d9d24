import Assets
import Engine
@testable import OptimalDispatch
import Optimizer
import Strategies
import Testing
import VPPCore

/// A day of hourly steps at a constant 32 °C outdoors, flat load 10 kW, peak window
/// 16–20 h, with the zones of `zone(…)` (R 2 °C/kW, C 5 kWh/°C, COP 3, band 22–26 °C).
func coolingDay(
    zones: [ThermostaticLoadSpec]? = nil, prices: [Double] = Array(repeating: 0.2, count: 24)
) -> SimulationInput {
    let outdoor = Array(repeating: 32.0, count: 24)
    return SimulationInput(
        scenarioName: "cooling", seed: 1,
        grid: TimeGrid(start: CivilTime(year: 2022, month: 8, day: 1), stepMinutes: 60,
                       stepCount: 24),
        baseLoadKW: Array(repeating: 10, count: 24), pvKW: Array(repeating: 0, count: 24),
        importPricePerKWh: prices, exportPricePerKWh: Array(repeating: 0, count: 24),
        currency: "USD", peakWindow: DailyWindow(startHour: 16, endHour: 20),
        thermostaticLoads: zones ?? [zone(outdoorC: outdoor)])
}

private func run(
    _ input: SimulationInput, _ strategy: some DispatchStrategy
) throws -> SimulationResult {
    var strategy = strategy
    return try Simulation(input: input, checksInvariants: true).run(strategy: &strategy)
}

private func peakWindowCoolingKW(_ result: SimulationResult, _ input: SimulationInput) -> Double {
    let steps = input.grid.steps.filter { input.isInPeakWindow(step: $0) }
    return steps.reduce(0) { $0 + result.records[$1].thermostaticKW } / Double(steps.count)
}

@Suite("Thermostatic strategies")
struct ThermostaticStrategyTests {
    /// The thermostat holds 24 °C against 32 °C: (32 − 24)/(R·COP) = 4/3 kW every hour.
    @Test func uncontrolledHoldsTheSetpoint() throws {
        let input = coolingDay()
        let result = try run(input, UncontrolledStrategy())
        for record in result.records {
            #expect(abs(record.thermostaticKW - 4.0 / 3) < 1e-12)
            #expect(abs(record.indoorTemperatureMeanC - 24) < 1e-12)
            #expect(abs(record.netLoadKW - (10 + 4.0 / 3)) < 1e-12)
        }
        #expect(result.discomfortDegreeHours == 0)
    }

    /// Pre-cooling from 14 h toward 22 °C lets the zone float through the window: from
    /// about 22 °C, 4 h of drift toward 32 °C end at 32 − 10·e^−0.4 ≈ 25.3 °C, inside the
    /// band, so the unit stays off in the window while the thermostat draws 4/3 kW there.
    @Test func ruleBasedPreCoolingLowersPeakWindowPower() throws {
        let input = coolingDay()
        let uncontrolled = try run(input, UncontrolledStrategy())
        let rules = try run(input, RuleBasedStrategy())
        #expect(abs(peakWindowCoolingKW(uncontrolled, input) - 4.0 / 3) < 1e-12)
        #expect(peakWindowCoolingKW(rules, input) < 1e-9)
        #expect(rules.records[14].thermostaticKW > 4.0 / 3)
        #expect(rules.discomfortDegreeHours == 0)
        #expect(rules.records.allSatisfy { $0.indoorTemperatureMaximumC <= 26 + 1e-9 })
    }

    /// After the window the zone returns to 24 °C along a straight line over the two
    /// recovery hours: halfway after the first, at the setpoint after the second.
    @Test func ruleBasedRecoversGradually() throws {
        let rules = try run(coolingDay(), RuleBasedStrategy())
        let atWindowEnd = rules.records[19].indoorTemperatureMeanC
        #expect(atWindowEnd > 24.5)
        let halfway = 24 + (atWindowEnd - 24) / 2
        #expect(abs(rules.records[20].indoorTemperatureMeanC - halfway) < 1e-9)
        #expect(abs(rules.records[21].indoorTemperatureMeanC - 24) < 1e-9)
    }

    /// With a dear peak window, the optimum costs no more than the rules (within the
    /// interior-point method's accuracy), keeps the band, and also avoids the window.
    @Test func optimalCostsNoMoreThanRuleBased() throws {
        let prices = (0..<24).map { (16..<20).contains($0) ? 0.5 : 0.2 }
        let input = coolingDay(prices: prices)
        let rules = try run(input, RuleBasedStrategy())
        let exact = DispatchObjective(smoothingPerKW2: 0)
        let optimal = try run(input, PredictiveStrategy(name: "optimal", objective: exact))
        #expect(optimal.energyCost <= rules.energyCost + 1e-6)
        #expect(optimal.discomfortDegreeHours < 1e-6)
        #expect(peakWindowCoolingKW(optimal, input) < 1e-6)
    }

    /// Four zones as one entry with count 4, against one zone: every step draws exactly
    /// four times the power, under the uncontrolled and the rule-based strategy; four
    /// separate copies add up to the same net load (to rounding of the sum).
    @Test func countFourBehavesLikeFourZones() throws {
        let one = zone(outdoorC: Array(repeating: 32, count: 24))
        let single = coolingDay(zones: [one])
        let aggregated = coolingDay(zones: [one.aggregated(count: 4)])
        let copies = coolingDay(zones: Array(repeating: one, count: 4))
        for strategy in [AnyStrategy.uncontrolled, .ruleBased] {
            let a = try run(single, strategy.make())
            let b = try run(aggregated, strategy.make())
            let c = try run(copies, strategy.make())
            for step in single.grid.steps {
                #expect(b.records[step].thermostaticKW == 4 * a.records[step].thermostaticKW)
                #expect(b.records[step].indoorTemperatureMeanC
                    == a.records[step].indoorTemperatureMeanC)
                #expect(abs(c.records[step].netLoadKW - b.records[step].netLoadKW) < 1e-12)
            }
            #expect(b.discomfortDegreeHours == 4 * a.discomfortDegreeHours)
        }
    }

    /// Response capability names the class, its reduction and what limited it.
    @Test func capabilityIncludesTheClass() throws {
        let input = coolingDay()
        let baseline = try run(input, UncontrolledStrategy())
        let capability = try ResponseCapability.compute(
            input: input, baseline: baseline, baselineStrategy: UncontrolledStrategy(),
            durationSteps: 2)
        let cooling = capability.contributions.first { $0.assetClass == "thermostatic" }
        #expect(cooling != nil)
        #expect(abs((cooling?.reductionKW ?? 0) - 4.0 / 3) < 1e-6)
        #expect(cooling?.limitedBy.hasPrefix("power") == true)
        #expect(abs(capability.capabilityKW - 4.0 / 3) < 1e-6)
    }
}

/// The two rule strategies, fresh for each run.
private enum AnyStrategy {
    case uncontrolled, ruleBased

    func make() -> any DispatchStrategy {
        switch self {
        case .uncontrolled: UncontrolledStrategy()
        case .ruleBased: RuleBasedStrategy()
        }
    }
}

/// The zones' blocks keep the dispatch model on the optimiser's structured KKT path (each
/// block tridiagonal, each coupling row reaching one row of a block); a model that did not
/// fit would fall back to the general path and say why in `pathDescription`.
@Suite("Thermostatic block shape")
struct ThermostaticBlockShapeTests {
    @Test func dispatchModelStaysOnTheStructuredPath() throws {
        let input = coolingDay(zones: [
            zone(outdoorC: Array(repeating: 32, count: 24)),
            zone(outdoorC: Array(repeating: 30, count: 24), initialC: 28),
        ])
        var strategy = UncontrolledStrategy()
        let observation = try Simulation(input: input).observation(at: 0, following: &strategy)
        let window = PlanningWindow(
            observation: observation,
            forecast: ForecastSeries(input: input, settings: ForecastSettings()),
            lookaheadSteps: 24)
        let model = DispatchModel(window: window, objective: DispatchObjective())
        let result = try model.model.solve(settings: SolverSettings())
        #expect(result.status.hasSolution)
        #expect(result.pathDescription.hasPrefix("structured"), "\(result.pathDescription)")
        #expect(!result.pathDescription.contains("not applicable"))
    }
}
