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
    }

    var stepHours: Double { input.grid.stepHours }
    var count: Int { steps.count }

    /// The load no plan moves, forecast for absolute step `t`: base − PV + curtailable demand.
    func uncontrollableLoadKW(_ t: Int) -> Double {
        forecast.baseLoadKW[t] - forecast.pvKW[t]
            + input.curtailableDemandKW(step: t)
    }
}
