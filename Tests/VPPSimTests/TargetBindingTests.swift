import Assets
import Engine
import OptimalDispatch
import Testing
import VPPCore
@testable import Studies

/// An infeasible target, worked by hand: a flat 2 kW load over four hours, a half-full
/// 10 kWh battery limited to 0.5 kW, and a target cap of 1 kW in the peak window (hours 2
/// and 3: half the 2 kW reference peak). The battery charges 0.5 kW in hours 0 and 1 and
/// gives 0.5 kW in hours 2 and 3, ending as it began; net load stays at 1.5 kW there, 0.5 kW
/// short in each hour (1 kWh in all), with the battery at its power limit.
@Suite("Target mode names the binding assets")
struct TargetBindingTests {
    @Test func infeasibleTargetReportsShortfallAndBindingAssets() throws {
        let battery = BatterySpec(
            id: "slow", energyCapacityKWh: 10, maxChargePowerKW: 0.5, maxDischargePowerKW: 0.5,
            chargeEfficiency: 1, dischargeEfficiency: 1, minimumSOC: 0, maximumSOC: 1,
            initialSOC: 0.5, standingLossPerHour: 0, capacityFadePerFullCycle: 0)
        var input = smallInput(prices: [0.1, 0.1, 0.1, 0.1], batteries: [battery])
        input.pvKW = [0, 0, 0, 0]
        let target = PeakTarget(reductionFraction: 0.5, referencePeakKW: 2)
        var strategy = PredictiveStrategy(
            name: "optimal", objective: DispatchObjective(smoothingPerKW2: 0, peakTarget: target))
        let result = try Simulation(input: input, checksInvariants: true).run(strategy: &strategy)

        let net = result.records.map(\.netLoadKW)
        #expect(zip(net, [2.5, 2.5, 1.5, 1.5]).allSatisfy { abs($0 - $1) < 1e-6 })
        let shortfall = strategy.plannedShortfallKW
        #expect(zip(shortfall, [0, 0, 0.5, 0.5]).allSatisfy { abs($0 - $1) < 1e-6 })
        let binding = BindingAsset(assetClass: .batteries, assetID: "slow", limit: .power)
        #expect(strategy.plannedBinding == [[], [], [binding], [binding]])

        let csv = ScenarioRun.bindingCSV(strategy, grid: input.grid)
        #expect(csv == """
            timestamp,target_shortfall_planned_kW,asset_class,asset_id,limit
            2022-08-01T02:00:00,0.5000,batteries,slow,power
            2022-08-01T03:00:00,0.5000,batteries,slow,power

            """)
        let fields = ScenarioRun.bindingFields(
            strategy, stepHours: 1, logger: Logger(subsystem: "test"))
        #expect(fields.first?.value == .integer(1))
    }
}
