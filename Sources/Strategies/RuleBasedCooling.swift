import Engine

/// The rule for air conditioners: pre-cool, then float.
///
/// In the `preCoolHours` before the peak window, or before a peak-shaving event known by
/// now, each zone cools toward the bottom of its comfort band (at up to full power); inside
/// the window or the event its unit draws the least power that keeps the zone at or below
/// the top of the band, so the temperature floats up on the cold stored earlier. At other
/// times the thermostat holds its setpoint, as in the uncontrolled run.
struct RuleBasedCooling {
    let preCoolHours: Double

    func setpoints(_ observation: Observation) -> [Double] {
        let mode = mode(observation)
        let step = observation.step
        let hours = observation.stepHours
        return observation.thermostaticLoads.indices.map { index in
            let load = observation.thermostaticLoads[index]
            let range = observation.thermostaticRangeKW[index]
            switch mode {
            case .float:
                return range.lowerBound
            case .preCool:
                return range.clamp(load.spec.powerKW(
                    reaching: load.spec.minimumTemperatureC, from: load.temperatureC,
                    step: step, stepHours: hours))
            case .thermostat:
                return range.clamp(load.thermostatPowerKW(step: step, stepHours: hours))
            }
        }
    }

    private enum Mode { case preCool, float, thermostat }

    private func mode(_ observation: Observation) -> Mode {
        let input = observation.input
        let step = observation.step
        if isPeak(input, step: step, knownAt: step) { return .float }
        let lead = Int((preCoolHours / observation.stepHours).rounded())
        let ahead = (step + 1)..<min(step + 1 + lead, input.grid.stepCount)
        return ahead.contains { isPeak(input, step: $0, knownAt: step) } ? .preCool : .thermostat
    }

    private func isPeak(_ input: SimulationInput, step: Int, knownAt known: Int) -> Bool {
        input.isInPeakWindow(step: step) || input.eventCeilingKW(step: step, knownAt: known) != nil
    }
}
