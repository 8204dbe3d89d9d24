import Assets
import Optimizer

extension DispatchModel {
    /// A shiftable appliance: power p_t ∈ [0, P_max] inside each job's window, with the
    /// job's remaining energy drawn by its deadline (or, for a deadline past the window, at
    /// least what full power after the window could not still draw).
    mutating func addShiftable(_ index: Int) {
        let load = window.shiftableLoads[index]
        let hours = window.stepHours
        let first = window.steps.lowerBound
        var power = Array(repeating: [(VariableID, Double)](), count: window.count)
        model.beginBlock(name: load.id)
        for job in load.jobs
            where job.deadlineStep > first && job.releaseStep < window.steps.upperBound {
            let isActive = load.activeJob(step: first) == job
            guard isActive || job.releaseStep >= first else { continue }
            let energy = isActive ? load.remainingKWh : job.energyKWh
            let stepsHere =
                max(first, job.releaseStep)..<min(job.deadlineStep, window.steps.upperBound)
            var terms: [(VariableID, Double)] = []
            // While the plan does not control the appliance it runs at its preferred time.
            var left = energy
            var fixedKWh = 0.0
            var freeSteps = 0.0
            for t in stepsHere {
                var range = 0.0...job.maxPowerKW
                if window.controls(.shiftableLoads, index, step: t) {
                    freeSteps += 1
                } else {
                    let preferred = min(
                        job.preferredPowerKW(step: t, stepHours: hours), left / hours)
                    range = preferred...preferred
                    left -= preferred * hours
                    fixedKWh += preferred * hours
                }
                let p = model.addVariable(
                    name: "\(load.id).p[\(t)]", lower: range.lowerBound, upper: range.upperBound)
                power[t - first].append((p, 1))
                terms.append((p, hours))
            }
            guard !terms.isEmpty else { continue }
            let later = Double(max(0, job.deadlineStep - window.steps.upperBound))
            let least = min(max(0, energy - job.maxPowerKW * hours * later),
                            fixedKWh + job.maxPowerKW * hours * freeSteps)
            model.addRow(
                name: "\(load.id).energy[\(job.releaseStep)]", terms: terms, lower: least,
                upper: max(energy, fixedKWh))
        }
        model.endBlock()
        shiftablePower.append(power)
    }

    /// A curtailable load: shed s_t ∈ [0, f·D_t] at the load's cost, rebound r_t ∈ [0, r_max]
    /// paying back owed energy o_t = o_{t−1} + ρ·s_t·Δt − r_t·Δt ≥ 0. Energy still owed
    /// when the window ends costs the window's highest price. The physics pays rebound back as
    /// soon as shedding stops; the plan lets it wait, so a plan that sheds may meet its
    /// rebound earlier than it planned.
    mutating func addCurtailable(_ index: Int) {
        let spec = window.input.curtailableLoads[index]
        let hours = window.stepHours
        let shedCost = spec.costPerKWhShed * objective.curtailmentCostScale * hours
        let highestPrice = window.steps.map { window.input.importPricePerKWh[$0] }.max() ?? 0
        var power: [[(VariableID, Double)]] = []
        var shed: [VariableID?] = []
        model.beginBlock(name: spec.id)
        var previous: VariableID?
        for t in window.steps {
            // A load the plan does not control sheds nothing.
            let share = window.controls(.curtailableLoads, index, step: t) ? 1.0 : 0
            let s = model.addVariable(
                name: "\(spec.id).s[\(t)]",
                upper: share * spec.maxShedFraction * spec.demandKW[t], cost: shedCost)
            let r = model.addVariable(name: "\(spec.id).r[\(t)]", upper: spec.reboundMaxPowerKW)
            let owed = model.addVariable(
                name: "\(spec.id).o[\(t)]",
                cost: t == window.steps.upperBound - 1 ? highestPrice : 0)
            var terms = [(owed, 1.0), (s, -spec.reboundFraction * hours), (r, hours)]
            if let previous { terms.append((previous, -1)) }
            let constant = previous == nil ? window.owedReboundKWh[index] : 0
            model.addRow(
                name: "\(spec.id).owed[\(t)]", terms: terms, lower: constant, upper: constant)
            power.append([(s, -1), (r, 1)])
            shed.append(s)
            previous = owed
        }
        model.endBlock()
        curtailmentPower.append(power)
        curtailmentShed.append(shed)
    }
}
