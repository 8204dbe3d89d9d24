import Assets
import Optimizer

extension DispatchModel {
    /// A cooled zone: electric power p_t ∈ [0, P_max] and indoor temperature
    /// T_t ∈ [T_min, T_max] at the end of step t, linked step to step by the exact
    /// discretisation of the 1R1C model (a = exp(−Δt / (R·C))):
    ///   T_t − a·T_{t−1} + (1 − a)·R·(COP·p_t + u_t − w_t) = (1 − a)·T_out,t
    /// u_t ≥ 0 and w_t ≥ 0 are cooling and heating (kW of heat) the unit cannot give: a
    /// penalised slack that keeps the plan feasible when the band cannot be held (too hot
    /// for full power, too cool with the unit off, or a start outside the band). Each costs
    /// `discomfortPenaltyPerDegreeHour` for the degree-hours it would avoid in its step.
    /// Heat left in the zone above its setpoint when the window ends is priced at what
    /// removing it would cost, C/COP kWh per °C at the window's lowest import price, so a
    /// plan neither leaves heat to the future for free nor cools hard in its last steps
    /// to meet a fixed end temperature. A zone the plan does not control at a step (not
    /// enrolled, or sitting out an event) is held at its setpoint there, as its thermostat
    /// holds it, with the same slack when it cannot be. Every row holds T_{t−1}, T_t and the step's own
    /// variables, so the block's normal matrix is tridiagonal, as the structured path needs.
    mutating func addThermostatic(_ index: Int) {
        let spec = window.input.thermostaticLoads[index]
        let hours = window.stepHours
        let a = spec.decayFactor(stepHours: hours)
        let gain = (1 - a) * spec.thermalResistanceCPerKW
        let perDegree = objective.discomfortPenaltyPerDegreeHour * Double(spec.zoneCount)
        let slackCost = perDegree * gain * hours
        var power: [[(VariableID, Double)]] = []
        model.beginBlock(name: spec.id)
        var previous: VariableID?
        for t in window.steps {
            let p = model.addVariable(name: "\(spec.id).p[\(t)]", upper: spec.maxPowerKW)
            let controlled = window.controls(.thermostaticLoads, index, step: t)
            let temperature = model.addVariable(
                name: "\(spec.id).T[\(t)]",
                lower: controlled ? spec.minimumTemperatureC : spec.setpointC,
                upper: controlled ? spec.maximumTemperatureC : spec.setpointC)
            let unmetCooling = model.addVariable(name: "\(spec.id).u[\(t)]", cost: slackCost)
            let unwantedHeat = model.addVariable(name: "\(spec.id).w[\(t)]", cost: slackCost)
            var terms = [
                (temperature, 1.0), (p, gain * spec.coefficientOfPerformance),
                (unmetCooling, gain), (unwantedHeat, -gain),
            ]
            var constant = (1 - a) * spec.outdoorTemperatureC[t]
            if let previous { terms.append((previous, -a)) } else {
                constant += a * window.indoorTemperatureC[index]
            }
            model.addRow(
                name: "\(spec.id).heat[\(t)]", terms: terms, lower: constant, upper: constant)
            power.append([(p, 1)])
            previous = temperature
        }
        if let last = previous {
            let lowestPrice = window.steps.map { window.input.importPricePerKWh[$0] }.min() ?? 0
            let excess = model.addVariable(
                name: "\(spec.id).endExcess",
                cost: lowestPrice * spec.thermalCapacitanceKWhPerC / spec.coefficientOfPerformance)
            model.addRow(
                name: "\(spec.id).end", terms: [(last, 1), (excess, -1)], lower: -.infinity,
                upper: spec.setpointC)
        }
        model.endBlock()
        thermostaticPower.append(power)
    }
}
