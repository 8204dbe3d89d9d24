import Assets
import Engine

/// What a plan starts from: the window of steps it covers and every asset's state at its
/// first step, read from the observation.
struct PlanningWindow {
    let input: SimulationInput
    let forecast: ForecastSeries
    /// Absolute steps covered, first ..< end.
    let steps: Range<Int>
    let batteryEnergyKWh: [Double]
    let chargers: [EVCharger]
    let shiftableLoads: [ShiftableLoad]
    let owedReboundKWh: [Double]
    /// Indoor temperature of each cooled zone at the start of the window, °C.
    let indoorTemperatureC: [Double]

    /// The step whose knowledge of demand-response events the plan has: the events whose
    /// notice came by then (`Int.max` for perfect foresight).
    let eventsKnownAt: Int
    /// Per window step, the assets the plan controls; nil when it controls all. Enrolment
    /// is known in advance, an opt-out only once its event has started (by the first step).
    let controllable: [AssetFlags]?

    init(
        observation: Observation, forecast: ForecastSeries, lookaheadSteps: Int,
        eventsKnownAt: Int? = nil
    ) {
        self.eventsKnownAt = eventsKnownAt ?? observation.step
        input = observation.input
        self.forecast = forecast
        steps = observation.step..<min(observation.step + lookaheadSteps, input.grid.stepCount)
        batteryEnergyKWh = observation.batteries.map(\.energyKWh)
        chargers = observation.evChargers
        shiftableLoads = observation.shiftableLoads
        owedReboundKWh = observation.curtailableLoads.map(\.owedReboundKWh)
        indoorTemperatureC = observation.thermostaticLoads.map(\.temperatureC)
        let known = observation.step
        let input = input
        controllable = input.participation == nil ? nil : steps.map {
            input.controllable(step: $0, knownAt: known) ?? AssetFlags(input: input, value: true)
        }
    }

    /// Whether the plan decides asset `index` of `assetClass` at absolute step `t`; an asset
    /// it does not decide is held at what it does uncontrolled.
    func controls(_ assetClass: AssetClass, _ index: Int, step t: Int) -> Bool {
        controllable.map { $0[t - steps.lowerBound][assetClass, index] } ?? true
    }

    var stepHours: Double { input.grid.stepHours }
    var count: Int { steps.count }

    /// The load no plan moves, forecast for absolute step `t`: base − PV − wind +
    /// curtailable demand.
    func uncontrollableLoadKW(_ t: Int) -> Double {
        forecast.baseLoadKW[t] - forecast.pvKW[t] - forecast.windKW[t]
            + input.curtailableDemandKW(step: t)
    }

    /// Battery `index`'s charge and discharge limits at absolute step `t`: its ratings,
    /// and for a paired battery its generator's forecast limits as well.
    func batteryPowerLimitsKW(_ index: Int, step t: Int) -> (charge: Double, discharge: Double) {
        let spec = input.batteries[index]
        guard let pairing = spec.pairing else {
            return (spec.maxChargePowerKW, spec.maxDischargePowerKW)
        }
        let paired = pairing.limitsKW(
            generationKW: forecast.windFarmKW[pairing.generatorIndex][t])
        return (min(spec.maxChargePowerKW, paired.charge),
                min(spec.maxDischargePowerKW, paired.discharge))
    }
}
