import Assets
import Engine
import VPPCore

/// Rule-based peak shaving, decided step by step in a fixed order:
///
/// 1. Vehicles: charge only in the cheapest hours left before departure, spreading the need
///    evenly over them, and at any hour when waiting longer would miss the departure target.
/// 2. Shiftable appliances: run at full power outside the peak window when the price is the
///    lowest left in their window; otherwise only what completion on time requires.
/// 3. Batteries: discharge the excess of net load above the threshold; charge from PV surplus
///    and, in the day's lowest-price hours, up to the threshold.
/// 4. Curtailable loads: shed what the batteries could not cover above the threshold.
///
/// Its forecast is the scenario's own series (perfect foresight of base load, PV and the
/// tariff one day ahead); forecast error is not modelled by this strategy.
public struct RuleBasedStrategy: DispatchStrategy {
    public let name = "rule-based"
    public let settings: RuleBasedSettings
    private var thresholdKWByDay: [Int: Double] = [:]
    private var lowestPriceByDay: [Int: Double] = [:]

    public init(settings: RuleBasedSettings = RuleBasedSettings()) {
        self.settings = settings
    }

    public mutating func prepare(input: SimulationInput) throws {
        var stepsByDay: [Int: [Int]] = [:]
        for step in input.grid.steps {
            stepsByDay[input.grid.time(ofStep: step).dayNumber, default: []].append(step)
        }
        let usableKWh = input.batteries.reduce(0) {
            $0 + ($1.maximumEnergyKWh - $1.minimumEnergyKWh) * $1.dischargeEfficiency
        }
        for (day, steps) in stepsByDay {
            let load = steps.map { input.inflexibleNetLoadKW(step: $0) }
            thresholdKWByDay[day] = settings.peakThresholdKW
                ?? PeakThreshold.level(load: load, stepHours: input.grid.stepHours, energyKWh: usableKWh)
            lowestPriceByDay[day] = steps.map { input.importPricePerKWh[$0] }.min()
        }
    }

    public mutating func decide(_ observation: Observation) -> Setpoints {
        let input = observation.input
        let step = observation.step
        let day = observation.time.dayNumber
        let threshold = thresholdKWByDay[day] ?? .infinity
        var setpoints = Setpoints.idle(for: observation)

        setpoints.evKW = observation.evChargers.indices.map { chargeVehicle($0, observation) }
        setpoints.shiftableKW = observation.shiftableLoads.indices.map { runAppliance($0, observation) }

        var demand = input.inflexibleNetLoadKW(step: step)
            + setpoints.evKW.reduce(0, +) + setpoints.shiftableKW.reduce(0, +)
            + observation.curtailableLoads.reduce(0) { $0 + $1.spec.demandKW[step] }
        let isValley = input.importPricePerKWh[step] <= (lowestPriceByDay[day] ?? 0)
        let chargeRoom = isValley ? max(0, threshold - demand) : max(0, -demand)
        let batteryTarget = demand > threshold ? -(demand - threshold) : chargeRoom
        setpoints.batteryKW = FleetShare.split(batteryTarget, ranges: observation.batteryRangeKW)
        demand += setpoints.batteryKW.reduce(0, +)

        let mayShed = !settings.curtailOnlyInPeakWindow || input.isInPeakWindow(step: step)
        if mayShed, demand > threshold {
            let ranges = observation.curtailableShedRangeKW.map { -$0.upperBound...(-$0.lowerBound) }
            setpoints.curtailmentShedKW = FleetShare.split(-(demand - threshold), ranges: ranges).map { -$0 }
        }
        return setpoints
    }

    private func chargeVehicle(_ index: Int, _ observation: Observation) -> Double {
        let charger = observation.evChargers[index]
        let range = observation.evRangeKW[index]
        guard let session = charger.activeSession, charger.remainingNeedKWh > 0 else { return 0 }
        let hours = observation.stepHours
        let step = observation.step
        let prices = observation.input.importPricePerKWh
        let lastStep = min(session.departureStep, prices.count)
        let needAtACKWh = charger.remainingNeedKWh / charger.spec.chargeEfficiency
        let laterSteps = Double(max(0, lastStep - step - 1))
        let mustKW = max(0, needAtACKWh - charger.spec.maxChargePowerKW * hours * laterSteps) / hours

        let windowPrices = prices[step..<max(step + 1, lastStep)]
        let cheapest = windowPrices.min() ?? prices[step]
        var planKW = 0.0
        if prices[step] <= cheapest {
            let cheapSteps = windowPrices.filter { $0 <= cheapest }.count
            planKW = needAtACKWh / (Double(cheapSteps) * hours)
        }
        return range.clamp(max(mustKW, planKW))
    }

    private func runAppliance(_ index: Int, _ observation: Observation) -> Double {
        let load = observation.shiftableLoads[index]
        let range = observation.shiftableRangeKW[index]
        guard let job = load.activeJob(step: observation.step) else { return 0 }
        let step = observation.step
        let input = observation.input
        let deadline = min(job.deadlineStep, input.grid.stepCount)
        let outsidePeak = (step..<deadline).filter { !input.isInPeakWindow(step: $0) }
        let cheapest = outsidePeak.map { input.importPricePerKWh[$0] }.min()
        let runNow = !input.isInPeakWindow(step: step)
            && input.importPricePerKWh[step] <= (cheapest ?? .infinity)
        return runNow ? range.upperBound : range.lowerBound
    }
}
