import Engine

/// The rule for air conditioners: pre-cool, float, then recover gently.
///
/// In the `preCoolHours` before the peak window, or before a peak-shaving event known by
/// now, each zone cools toward the bottom of its comfort band (at up to full power); inside
/// the window or the event its unit draws the least power that keeps the zone at or below
/// the top of the band, so the temperature floats up on the cold stored earlier. In the
/// same number of hours after it, the zone is brought back to its setpoint along a straight
/// line rather than at once, which spreads the rebound. At other times the thermostat
/// holds its setpoint, as in the uncontrolled run.
struct RuleBasedCooling {
    let preCoolHours: Double

    func setpoints(_ observation: Observation) -> [Double] {
        let mode = mode(observation)
        let step = observation.step
        let hours = observation.stepHours
        return observation.thermostaticLoads.indices.map { index in
            let load = observation.thermostaticLoads[index]
            let range = observation.thermostaticRangeKW[index]
            let target: Double
            switch mode {
            case .float:
                return range.lowerBound
            case .preCool:
                target = load.spec.minimumTemperatureC
            case let .recover(stepsLeft):
                let excess = max(0, load.temperatureC - load.spec.setpointC)
                target = load.spec.setpointC + excess * Double(stepsLeft - 1) / Double(stepsLeft)
            case .thermostat:
                target = load.spec.setpointC
            }
            return range.clamp(load.spec.powerKW(
                reaching: target, from: load.temperatureC, step: step, stepHours: hours))
        }
    }

    private enum Mode {
        case preCool, float, thermostat
        /// Steps left, this one included, to bring the zone back to its setpoint.
        case recover(stepsLeft: Int)
    }

    private func mode(_ observation: Observation) -> Mode {
        let input = observation.input
        let step = observation.step
        if isPeak(input, step: step, knownAt: step) { return .float }
        let lead = max(1, Int((preCoolHours / observation.stepHours).rounded()))
        let ahead = (step + 1)..<min(step + 1 + lead, input.grid.stepCount)
        if ahead.contains(where: { isPeak(input, step: $0, knownAt: step) }) { return .preCool }
        let behind = max(0, step - lead)..<step
        if let last = behind.last(where: { isPeak(input, step: $0, knownAt: step) }) {
            return .recover(stepsLeft: lead - (step - last - 1))
        }
        return .thermostat
    }

    private func isPeak(_ input: SimulationInput, step: Int, knownAt known: Int) -> Bool {
        input.isInPeakWindow(step: step) || input.eventCeilingKW(step: step, knownAt: known) != nil
    }
}
