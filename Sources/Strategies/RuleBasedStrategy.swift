import Assets
import Engine
import VPPCore

/// Rule-based peak shaving, decided step by step in a fixed order:
///
/// 1. Shiftable appliances: run at full power outside the peak window when the price is the
///    lowest left in their window; otherwise only what completion on time requires.
/// 2. Vehicles: charge in the cheapest hours left before departure, filling the valley of
///    the forecast load over those hours, and at any hour when waiting longer would miss
///    the departure target.
/// 3. Batteries: discharge the excess of net load above the threshold; charge from PV surplus
///    and, in the day's lowest-price hours, up to the threshold (on a day with one price all
///    day, the valley is the hours whose forecast load is at or below the day's median).
/// 4. Curtailable loads: shed what the batteries could not cover above the threshold.
///
/// Air conditioners follow their own rule first (`RuleBasedCooling`: pre-cool before the
/// peak window, float up inside it, recover after it) and their power counts in the demand
/// the batteries see. The daily threshold is set without them (from base load, PV and
/// curtailable demand), so on a site where cooling is a large share of the peak, net load
/// stays above the threshold longer than planned and the batteries may run empty before
/// the peak is over; the optimal strategy has no such limit.
///
/// A demand-response event known by the current step (its notice has passed) lowers the
/// threshold to the event's bound while it lasts; a valley-filling event makes batteries
/// charge up to its bound.
///
/// Assets outside the programme, or sitting out an event under way, have a range of one
/// value (what they do uncontrolled); the rules count them as load and share the targets
/// over the others. The daily threshold uses the enrolled batteries' energy only.
///
/// Its forecast is the scenario's own series (perfect foresight of base load, PV and the
/// tariff one day ahead); forecast error is not modelled by this strategy.
public struct RuleBasedStrategy: DispatchStrategy {
    public let name = "rule-based"
    public let settings: RuleBasedSettings
    private var thresholdKWByDay: [Int: Double] = [:]
    private var lowestPriceByDay: [Int: Double] = [:]
    /// For days with one price all day, the median forecast load: the valley is below it.
    private var flatDayMedianLoadKW: [Int: Double] = [:]

    public init(settings: RuleBasedSettings = RuleBasedSettings()) {
        self.settings = settings
    }

    public mutating func prepare(input: SimulationInput) throws {
        var stepsByDay: [Int: [Int]] = [:]
        for step in input.grid.steps {
            stepsByDay[input.grid.time(ofStep: step).dayNumber, default: []].append(step)
        }
        // Only enrolled batteries are the strategy's to use; the others stay idle.
        let enrolled = input.participation?.enrolled
        let usableKWh = input.batteries.indices.reduce(0) { total, index in
            let spec = input.batteries[index]
            guard enrolled?[.batteries, index] ?? true else { return total }
            let usable = spec.maximumEnergyKWh - spec.minimumEnergyKWh
            return total + usable * spec.dischargeEfficiency
        }
        for (day, steps) in stepsByDay {
            let load = steps.map { Self.uncontrollableLoadKW(input, step: $0) }
            thresholdKWByDay[day] = settings.peakThresholdKW
                ?? PeakThreshold.level(
                    load: load, stepHours: input.grid.stepHours, energyKWh: usableKWh)
            let prices = steps.map { input.importPricePerKWh[$0] }
            lowestPriceByDay[day] = prices.min()
            if prices.min() == prices.max() {
                flatDayMedianLoadKW[day] = load.sorted()[load.count / 2]
            }
        }
    }

    public mutating func decide(_ observation: Observation) -> Setpoints {
        let input = observation.input
        let step = observation.step
        let day = observation.time.dayNumber
        // A peak-shaving event known by now lowers the threshold while it lasts.
        let threshold = min(thresholdKWByDay[day] ?? .infinity,
                            input.eventCeilingKW(step: step, knownAt: step) ?? .infinity)
        let floor = input.eventFloorKW(step: step, knownAt: step)
        let forecastKW = { (later: Int) in Self.uncontrollableLoadKW(input, step: later) }
        var setpoints = Setpoints.idle(for: observation)
        setpoints.thermostaticKW = RuleBasedCooling(preCoolHours: settings.preCoolHours)
            .setpoints(observation)
        let coolingKW = setpoints.thermostaticKW.reduce(0, +)

        setpoints.shiftableKW = runAppliances(observation, threshold: threshold, loadKW: forecastKW)
        let appliancesKW = setpoints.shiftableKW.reduce(0, +)
        setpoints.evKW = chargeVehicles(observation) { later in
            forecastKW(later) + (later == step ? appliancesKW : 0)
        }
        var demand = forecastKW(step) + appliancesKW + setpoints.evKW.reduce(0, +) + coolingKW

        let isValley = input.importPricePerKWh[step] <= (lowestPriceByDay[day] ?? 0)
            && forecastKW(step) <= (flatDayMedianLoadKW[day] ?? .infinity)
        let chargeRoom = isValley ? max(0, threshold - demand) : max(0, -demand)
        var batteryTarget = demand > threshold ? -(demand - threshold) : chargeRoom
        if let floor, demand < floor {
            batteryTarget = max(batteryTarget, floor - demand)  // valley filling: charge up to it
        }
        setpoints.batteryKW = FleetShare.split(batteryTarget, ranges: observation.batteryRangeKW)
        demand += setpoints.batteryKW.reduce(0, +)

        let mayShed = !settings.curtailOnlyInPeakWindow || input.isInPeakWindow(step: step)
        if mayShed, demand > threshold {
            let ranges = observation.curtailableShedRangeKW.map {
                -$0.upperBound...(-$0.lowerBound)
            }
            setpoints.curtailmentShedKW = FleetShare.split(-(demand - threshold), ranges: ranges)
                .map { -$0 }
        }
        return setpoints
    }

    /// The load no decision of this strategy moves: base load − PV + curtailable demand.
    static func uncontrollableLoadKW(_ input: SimulationInput, step: Int) -> Double {
        input.inflexibleNetLoadKW(step: step)
            + input.curtailableDemandKW(step: step)
    }

    /// Every vehicle draws what it must now to still meet its target. Vehicles in their
    /// cheapest hours together fill the valley of the forecast load over those hours: the
    /// level λ at which Σ max(0, λ − load)·Δt equals their combined need, drawing
    /// λ − load now, shared in proportion to each one's even spread of its need.
    private func chargeVehicles(_ observation: Observation, loadKW: (Int) -> Double) -> [Double] {
        let plans = observation.evChargers.indices.map { vehiclePlan($0, observation) }
        let step = observation.step
        let prices = observation.input.importPricePerKWh
        let filling = plans.filter { $0.spreadKW > 0 }
        var fleetKW = 0.0
        if let lastStep = filling.map(\.lastStep).max() {
            let window = (step..<lastStep).filter { prices[$0] <= prices[step] }
            let needKWh = filling.reduce(0) { $0 + $1.needKWh }
            let level = ValleyFill.level(
                load: window.map(loadKW), stepHours: observation.stepHours, energyKWh: needKWh)
            fleetKW = max(0, level - loadKW(step))
        }
        let spreadTotal = filling.reduce(0) { $0 + $1.spreadKW }
        return zip(plans, observation.evRangeKW).map { plan, range in
            let share = spreadTotal > 0 ? fleetKW * plan.spreadKW / spreadTotal : 0
            return range.clamp(max(plan.mustKW, share))
        }
    }

    private struct VehiclePlan {
        var mustKW = 0.0
        /// The need spread evenly over the cheapest steps left; zero when this step is not one.
        var spreadKW = 0.0
        var needKWh = 0.0
        var lastStep = 0
    }

    /// For one vehicle: the power it must draw now so that full power afterwards still
    /// meets the target, and, when this step is among the cheapest left in its stay, its
    /// need spread evenly over those steps. Prices are known only up to the horizon's end,
    /// so a stay that outlasts the horizon is planned over the part inside it, while the
    /// must-run follows the true departure.
    private func vehiclePlan(_ index: Int, _ observation: Observation) -> VehiclePlan {
        let charger = observation.evChargers[index]
        guard let session = charger.activeSession, charger.remainingNeedKWh > 0,
            observation.controls(.evs, index) else { return VehiclePlan() }
        let hours = observation.stepHours
        let step = observation.step
        let prices = observation.input.importPricePerKWh
        let lastStep = max(step + 1, min(session.departureStep, prices.count))
        let needKWh = charger.remainingNeedKWh / charger.spec.chargeEfficiency
        let laterSteps = Double(max(0, session.departureStep - step - 1))
        let mustKW = max(0, needKWh - charger.spec.maxChargePowerKW * hours * laterSteps) / hours

        let windowPrices = prices[step..<lastStep]
        let cheapest = windowPrices.min() ?? prices[step]
        guard prices[step] <= cheapest else {
            return VehiclePlan(mustKW: mustKW, lastStep: lastStep)
        }
        let cheapSteps = windowPrices.filter { $0 <= cheapest }.count
        return VehiclePlan(
            mustKW: mustKW, spreadKW: needKWh / (Double(cheapSteps) * hours), needKWh: needKWh,
            lastStep: lastStep)
    }

    /// Appliances run what completion on time requires. Those in their cheapest hours
    /// outside the peak window also start, one after another, while the site stays under the
    /// higher of the threshold and the valley-fill level of their combined energy over the
    /// hours they may use, so they neither all start at once nor pile up at the deadline.
    private func runAppliances(
        _ observation: Observation, threshold: Double, loadKW: (Int) -> Double
    ) -> [Double] {
        let ranges = observation.shiftableRangeKW
        let step = observation.step
        let input = observation.input
        let eligible = ranges.indices.filter {
            ranges[$0].upperBound > ranges[$0].lowerBound && applianceWantsToRun($0, observation)
        }
        var level = threshold
        if let lastStep = eligible.compactMap({
            observation.shiftableLoads[$0].activeJob(step: step)?.deadlineStep
        }).max() {
            let window = (step..<min(lastStep, input.grid.stepCount)).filter {
                !input.isInPeakWindow(step: $0)
                    && input.importPricePerKWh[$0] <= input.importPricePerKWh[step]
            }
            let needKWh = eligible.reduce(0) { $0 + observation.shiftableLoads[$1].remainingKWh }
            level = max(level, ValleyFill.level(
                load: window.map(loadKW), stepHours: observation.stepHours, energyKWh: needKWh))
        }
        var room = level - loadKW(step) - ranges.reduce(0) { $0 + $1.lowerBound }
        var setpoints = ranges.map(\.lowerBound)
        for index in eligible {
            let extra = ranges[index].upperBound - ranges[index].lowerBound
            guard extra <= room else { continue }
            room -= extra
            setpoints[index] = ranges[index].upperBound
        }
        return setpoints
    }

    private func applianceWantsToRun(_ index: Int, _ observation: Observation) -> Bool {
        let step = observation.step
        let input = observation.input
        guard let job = observation.shiftableLoads[index].activeJob(step: step),
              !input.isInPeakWindow(step: step)
        else { return false }
        let deadline = min(job.deadlineStep, input.grid.stepCount)
        let cheapest = (step..<deadline).filter { !input.isInPeakWindow(step: $0) }
            .map { input.importPricePerKWh[$0] }.min() ?? .infinity
        return input.importPricePerKWh[step] <= cheapest
    }
}
