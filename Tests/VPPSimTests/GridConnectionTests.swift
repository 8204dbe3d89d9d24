import Assets
import Engine
import OptimalDispatch
import Strategies
import Testing
import VPPCore

/// Grid connection limits: demand above the import limit is not served, export above the
/// export limit is curtailed generation, and a plan that knows the limits uses storage to
/// avoid both.
@Suite("Grid connection")
struct GridConnectionTests {
    /// `smallInput`'s site (base 2 kW, PV 0, 3, 0, 0 kW) with base 5 kW in hour 2.
    func site(importLimit: Double, exportLimit: Double, batteries: [BatterySpec] = [])
        -> SimulationInput {
        var input = smallInput(batteries: batteries)
        input.baseLoadKW = [2, 2, 5, 2]
        input.pvKW = [0, 3, 0, 0]
        input.gridConnection = GridConnection(
            importLimitKW: importLimit, exportLimitKW: exportLimit)
        return input
    }

    /// Uncontrolled, import limit 4 kW and export limit 0.5 kW: hour 1 would export 1 kW,
    /// so 0.5 kW of PV is curtailed and net is −0.5; hour 2 would import 5 kW, so 1 kW is
    /// not served and net is 4. Unserved 1 kWh, curtailed 0.5 kWh.
    @Test func limitsCutDemandAndGeneration() throws {
        var strategy = UncontrolledStrategy()
        let result = try Simulation(
            input: site(importLimit: 4, exportLimit: 0.5), checksInvariants: true
        ).run(strategy: &strategy)
        #expect(result.records.map(\.netLoadKW) == [2, -0.5, 4, 2])
        #expect(result.records.map(\.unservedKW) == [0, 0, 1, 0])
        #expect(result.records.map(\.curtailedGenerationKW) == [0, 0.5, 0, 0])
        #expect(result.unservedEnergyKWh == 1)
        #expect(result.curtailedGenerationKWh == 0.5)
    }

    /// An island (limits 0 and 0) with a 4 kWh battery starting at 3.5 kWh. Demand is
    /// 2, −1, 5, 2 kWh: 9 kWh to serve and 1 kWh of PV surplus. Uncontrolled (battery idle)
    /// leaves all 9 kWh unserved and curtails 1 kWh. The plan stores the surplus and, since
    /// every plan ends with at least the battery's initial energy, may give back only that
    /// 1 kWh: 8 kWh unserved, nothing curtailed.
    @Test func anIslandPlanUsesItsBatteryBeforeSheddingLoad() throws {
        let battery = BatterySpec(
            id: "b", energyCapacityKWh: 4, maxChargePowerKW: 5, maxDischargePowerKW: 5,
            chargeEfficiency: 1, dischargeEfficiency: 1, minimumSOC: 0, maximumSOC: 1,
            initialSOC: 0.875, standingLossPerHour: 0, capacityFadePerFullCycle: 0)
        let input = site(importLimit: 0, exportLimit: 0, batteries: [battery])
        var uncontrolled = UncontrolledStrategy()
        let idle = try Simulation(input: input, checksInvariants: true)
            .run(strategy: &uncontrolled)
        #expect(idle.unservedEnergyKWh == 9)
        #expect(idle.curtailedGenerationKWh == 1)
        var optimal = PredictiveStrategy(
            name: "optimal", objective: DispatchObjective(smoothingPerKW2: 0))
        let planned = try Simulation(input: input, checksInvariants: true)
            .run(strategy: &optimal)
        #expect(abs(planned.unservedEnergyKWh - 8) < 1e-6)
        #expect(planned.curtailedGenerationKWh < 1e-6)
        #expect(planned.records.allSatisfy { abs($0.netLoadKW) < 1e-6 })
    }

    /// A curtailable load with the default (unlimited) rebound rate plans and solves: the
    /// default must reach the optimiser as no bound, not as a huge finite one.
    @Test func unlimitedReboundRateSolves() throws {
        var input = smallInput()
        input.curtailableLoads = [CurtailableLoadSpec(
            id: "cool", demandKW: [1, 1, 1, 1], maxShedFraction: 0.5, costPerKWhShed: 0,
            reboundFraction: 1, reboundMaxPowerKW: .infinity)]
        var optimal = PredictiveStrategy(name: "optimal", objective: DispatchObjective())
        _ = try Simulation(input: input, checksInvariants: true).run(strategy: &optimal)
        #expect(optimal.solves.allSatisfy { $0.status == "optimal" })
    }
}
