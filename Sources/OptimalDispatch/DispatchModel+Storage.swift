import Assets
import Optimizer

extension DispatchModel {
    /// A battery: charge c_k ∈ [0, P_c], discharge d_k ∈ [0, P_d] (for a paired battery
    /// also c_k ≤ g_k and d_k ≤ S − g_k, with g_k its generator's forecast and S the shared
    /// connection), energy
    /// e_k ∈ [E_min, E_max] at the end of step k, with
    /// e_k = (1 − λΔt)·e_{k−1} + η_c·Δt·c_k − Δt/η_d·d_k, and every
    /// window ending with at least the battery's initial energy of the run (so a plan never
    /// empties the battery just because its window ends, and the run ends as it began),
    /// less a shortfall priced above anything the energy could earn.
    mutating func addBattery(_ index: Int) {
        let spec = window.input.batteries[index]
        let hours = window.stepHours
        let retention = 1 - spec.standingLossPerHour * hours
        let throughputCost = objective.degradationCostPerKWh * hours
        let terminalPenalty = terminalShortfallPenaltyPerKWh
        // A paired battery charges only from its farm, but its BMS holds the minimum against
        // self-discharge from the grid whatever the farm does. That top-up is priced like a
        // terminal shortfall, so a plan draws it only where the minimum needs it.
        let topUpKW = spec.pairing == nil ? 0
            : spec.standingLossPerHour * spec.minimumEnergyKWh / spec.chargeEfficiency
        model.beginBlock(name: spec.id)
        var previous: VariableID?
        var power: [[(VariableID, Double)]] = []
        for t in window.steps {
            // A battery the plan does not control idles.
            let share = window.controls(.batteries, index, step: t) ? 1.0 : 0
            let limits = window.batteryPowerLimitsKW(index, step: t)
            let charge = model.addVariable(
                name: "\(spec.id).c[\(t)]", upper: share * limits.charge,
                cost: throughputCost)
            let discharge = model.addVariable(
                name: "\(spec.id).d[\(t)]", upper: share * limits.discharge,
                cost: throughputCost)
            let energy = model.addVariable(
                name: "\(spec.id).e[\(t)]", lower: spec.minimumEnergyKWh,
                upper: spec.maximumEnergyKWh)
            var terms = [(energy, 1.0), (charge, -spec.chargeEfficiency * hours),
                         (discharge, hours / spec.dischargeEfficiency)]
            var constant = 0.0
            if let previous { terms.append((previous, -retention)) } else {
                constant = retention * window.batteryEnergyKWh[index]
            }
            var flows = [(charge, 1.0), (discharge, -1.0)]
            if topUpKW > 0 {
                let topUp = model.addVariable(
                    name: "\(spec.id).topUp[\(t)]", upper: topUpKW, cost: terminalPenalty * hours)
                terms.append((topUp, -spec.chargeEfficiency * hours))
                flows.append((topUp, 1))
            }
            model.addRow(
                name: "\(spec.id).balance[\(t)]", terms: terms, lower: constant, upper: constant)
            power.append(flows)
            previous = energy
        }
        if let last = previous {
            // Soft, at a price above every other term (`terminalShortfallPenaltyPerKWh`):
            // kept whenever it can be, and a plan still exists when it cannot, as for
            // storage paired with a calm wind farm, which has no grid to refill from.
            let initial = spec.initialSOC * spec.energyCapacityKWh
            let short = model.addVariable(
                name: "\(spec.id).endShort", upper: initial, cost: terminalPenalty)
            model.addRow(
                name: "\(spec.id).end", terms: [(last, 1), (short, 1)], lower: initial,
                upper: .infinity)
        }
        model.endBlock()
        batteryPower.append(power)
    }

    /// Price of each kWh a battery ends a window below its initial energy: ten times the
    /// largest price or penalty of the plan, so that no use of the energy pays for it.
    var terminalShortfallPenaltyPerKWh: Double {
        let highestPrice = window.steps.map { window.input.importPricePerKWh[$0] }.max() ?? 0
        let largest = [
            DispatchObjective.unservedPenaltyPerKWh, objective.unmetEVPenaltyPerKWh,
            objective.discomfortPenaltyPerDegreeHour, highestPrice,
            objective.peakChargePerKW / window.stepHours,
            objective.peakTarget?.shortfallPenaltyPerKWh ?? PeakTarget().shortfallPenaltyPerKWh,
        ].max() ?? 0
        return 10 * largest
    }

    /// A charger: for each session in the window, charge and (V2G) discharge per step with
    /// the vehicle's energy balance, and the departure target as a soft row whose shortfall
    /// costs `unmetEVPenaltyPerKWh`. A departure after the window asks only for what full
    /// power after the window could not still add (also when it leaves after the horizon, so
    /// a plan never leaves to the future what the future could not deliver).
    mutating func addCharger(_ index: Int) {
        let charger = window.chargers[index]
        let spec = charger.spec
        let hours = window.stepHours
        var power = Array(repeating: [(VariableID, Double)](), count: window.count)
        model.beginBlock(name: spec.id)
        let first = window.steps.lowerBound
        for session in charger.sessions
            where session.departureStep > first && session.arrivalStep < window.steps.upperBound {
            let isActive = charger.activeSession == session
            guard isActive || session.arrivalStep >= first else { continue }
            let startEnergy = isActive ? charger.energyKWh : session.arrivalEnergyKWh
            let floor = min(startEnergy, spec.minimumSOCForDischarge * spec.batteryCapacityKWh)
            let ceiling = max(startEnergy, spec.maximumSOC * spec.batteryCapacityKWh)
            var previous: VariableID?
            let stepsHere = max(first, session.arrivalStep)
                ..< min(session.departureStep, window.steps.upperBound)
            // While the plan does not control the vehicle, it charges at full power up to its
            // target (as uncontrolled); that is known only from a state the plan knows.
            var uncontrolledEnergy: Double? = startEnergy
            for t in stepsHere {
                var chargeKW = 0.0...spec.maxChargePowerKW
                var dischargeKW = spec.maxDischargePowerKW
                if !window.controls(.evs, index, step: t) {
                    dischargeKW = 0
                    if let energy = uncontrolledEnergy {
                        let need = max(0, min(session.targetEnergyKWh, ceiling) - energy)
                        let power = min(
                            spec.maxChargePowerKW, need / (spec.chargeEfficiency * hours))
                        chargeKW = power...power
                        uncontrolledEnergy = energy + spec.chargeEfficiency * hours * power
                    }
                } else {
                    uncontrolledEnergy = nil
                }
                let charge = model.addVariable(
                    name: "\(spec.id).c[\(t)]", lower: chargeKW.lowerBound,
                    upper: chargeKW.upperBound)
                let discharge = model.addVariable(
                    name: "\(spec.id).d[\(t)]", upper: dischargeKW)
                let energy = model.addVariable(
                    name: "\(spec.id).e[\(t)]", lower: floor, upper: ceiling)
                var terms = [(energy, 1.0), (charge, -spec.chargeEfficiency * hours),
                             (discharge, hours / spec.dischargeEfficiency)]
                if let previous { terms.append((previous, -1)) }
                let constant = previous == nil ? startEnergy : 0
                model.addRow(
                    name: "\(spec.id).balance[\(t)]", terms: terms, lower: constant,
                    upper: constant)
                power[t - first] += [(charge, 1), (discharge, -1)]
                previous = energy
            }
            guard let last = previous else { continue }
            let stepsAfter = Double(max(0, session.departureStep - window.steps.upperBound))
            let required = session.targetEnergyKWh
                - spec.maxChargePowerKW * spec.chargeEfficiency * hours * stepsAfter
            guard required > 0 else { continue }
            let unmet = model.addVariable(name: "\(spec.id).unmet[\(session.departureStep)]",
                                          cost: objective.unmetEVPenaltyPerKWh)
            model.addRow(name: "\(spec.id).target[\(session.departureStep)]",
                         terms: [(last, 1), (unmet, 1)],
                         lower: min(required, ceiling), upper: .infinity)
        }
        model.endBlock()
        chargerPower.append(power)
    }
}
