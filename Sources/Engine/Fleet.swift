import Assets
import VPPCore

/// The assets of a site together, with their states; the engine's working set.
struct Fleet {
    var batteries: [Battery]
    var chargers: [EVCharger]
    var shiftableLoads: [ShiftableLoad]
    var curtailableLoads: [CurtailableLoad]
    var thermostaticLoads: [ThermostaticLoad]

    init(input: SimulationInput) {
        batteries = input.batteries.map(Battery.init(spec:))
        chargers = input.evChargers.map { EVCharger(spec: $0.spec, sessions: $0.sessions) }
        shiftableLoads = input.shiftableLoads.map { ShiftableLoad(id: $0.id, jobs: $0.jobs) }
        curtailableLoads = input.curtailableLoads.map(CurtailableLoad.init(spec:))
        thermostaticLoads = input.thermostaticLoads.map(ThermostaticLoad.init(spec:))
    }

    var sessionOutcomes: [SessionOutcome] { chargers.flatMap(\.outcomes) }

    mutating func observeClock(step: Int) {
        for index in chargers.indices { chargers[index].updateConnection(step: step) }
        for index in shiftableLoads.indices { shiftableLoads[index].updateJob(step: step) }
    }

    func observation(step: Int, input: SimulationInput) -> Observation {
        let hours = input.grid.stepHours
        var observation = Observation(
            step: step, time: input.grid.time(ofStep: step), input: input,
            batteries: batteries, evChargers: chargers, shiftableLoads: shiftableLoads,
            curtailableLoads: curtailableLoads, thermostaticLoads: thermostaticLoads,
            batteryRangeKW: batteries.indices.map {
                batteries[$0].feasiblePowerRange(
                    stepHours: hours,
                    pairedGenerationKW: input.pairedGenerationKW(battery: $0, step: step))
            },
            evRangeKW: chargers.map { $0.feasiblePowerRange(stepHours: hours) },
            shiftableRangeKW: shiftableLoads.map {
                $0.feasiblePowerRange(step: step, stepHours: hours)
            },
            curtailableShedRangeKW: curtailableLoads.map { $0.feasibleShedRange(step: step) },
            thermostaticRangeKW: thermostaticLoads.map {
                $0.feasiblePowerRange(step: step, stepHours: hours)
            })
        if let flags = input.controllable(step: step, knownAt: step) {
            observation.restrict(to: flags)
        }
        return observation
    }

    mutating func advance(
        _ setpoints: Setpoints, step: Int, input: SimulationInput
    ) -> FleetStepOutcome {
        let stepHours = input.grid.stepHours
        var outcome = FleetStepOutcome()
        for index in batteries.indices {
            let result = batteries[index].advance(
                setpointKW: setpoints.batteryKW[index], stepHours: stepHours,
                pairedGenerationKW: input.pairedGenerationKW(battery: index, step: step))
            outcome.batteries.append(result)
            outcome.batteryEnergyKWh += result.energyAfterKWh
        }
        for index in chargers.indices {
            let result = chargers[index].advance(
                setpointKW: setpoints.evKW[index], stepHours: stepHours)
            outcome.chargers.append(result)
            if result.isConnected {
                outcome.evConnectedCount += chargers[index].spec.devices
                outcome.evEnergyKWh += chargers[index].energyKWh
            }
        }
        for index in shiftableLoads.indices {
            let result = shiftableLoads[index].advance(
                setpointKW: setpoints.shiftableKW[index], step: step, stepHours: stepHours)
            outcome.shiftable.append(result)
        }
        for index in curtailableLoads.indices {
            let load = curtailableLoads[index]
            let owedBefore = load.owedReboundKWh
            let result = curtailableLoads[index].advance(
                shedSetpointKW: setpoints.curtailmentShedKW[index], step: step,
                stepHours: stepHours)
            outcome.curtailable.append(result)
            outcome.curtailableOwedChangeKWh.append(
                curtailableLoads[index].owedReboundKWh - owedBefore)
            outcome.curtailmentCost += result.shedKW * stepHours * load.spec.costPerKWhShed
        }
        for index in thermostaticLoads.indices {
            outcome.thermostatic.append(thermostaticLoads[index].advance(
                setpointKW: setpoints.thermostaticKW[index], step: step, stepHours: stepHours))
        }
        return outcome
    }

    mutating func finishHorizon(endStep: Int) {
        for index in chargers.indices { chargers[index].finishHorizon(endStep: endStep) }
    }
}

/// The per-asset outcomes of one step, before they are summed into a `StepRecord`.
struct FleetStepOutcome {
    var batteries: [BatteryStepOutcome] = []
    var chargers: [ChargerStepOutcome] = []
    var shiftable: [ShiftableStepOutcome] = []
    var curtailable: [CurtailableStepOutcome] = []
    var curtailableOwedChangeKWh: [Double] = []
    var thermostatic: [ThermostaticStepOutcome] = []
    var batteryEnergyKWh = 0.0
    var evEnergyKWh = 0.0
    var evConnectedCount = 0
    var curtailmentCost = 0.0

    func record(step: Int, input: SimulationInput) -> StepRecord {
        let hours = input.grid.stepHours
        let battery = batteries.reduce(0) { $0 + $1.powerKW }
        let ev = chargers.reduce(0) { $0 + $1.powerKW }
        let shiftableKW = shiftable.reduce(0) { $0 + $1.powerKW }
        let curtailableKW = curtailable.reduce(0) { $0 + $1.powerKW }
        let thermostaticKW = thermostatic.reduce(0) { $0 + $1.powerKW }
        let shifted = shiftable.reduce(0) { $0 + max(0, $1.preferredPowerKW - $1.powerKW) * hours }
        let base = input.baseLoadKW[step]
        let pv = input.pvKW[step]
        let wind = input.windKW[step]
        let grid = input.gridConnection.settle(
            demandKW: base - pv - wind + ev + battery + shiftableKW + curtailableKW
                + thermostaticKW)
        var record = StepRecord(
            baseLoadKW: base, pvKW: pv, windKW: wind, evKW: ev,
            evChargingKW: chargers.reduce(0) { $0 + max($1.powerKW, 0) },
            evDischargingKW: chargers.reduce(0) { $0 + max(-$1.powerKW, 0) },
            batteryKW: battery, shiftableKW: shiftableKW,
            curtailableKW: curtailableKW,
            shedKW: curtailable.reduce(0) { $0 + $1.shedKW },
            reboundKW: curtailable.reduce(0) { $0 + $1.reboundKW },
            netLoadKW: grid.netKW,
            importPricePerKWh: input.importPricePerKWh[step],
            exportPricePerKWh: input.exportPricePerKWh[step],
            batteryEnergyKWh: batteryEnergyKWh, evEnergyKWh: evEnergyKWh,
            evConnectedCount: evConnectedCount, shiftedEnergyKWh: shifted)
        record.unservedKW = grid.unservedKW
        record.curtailedGenerationKW = grid.curtailedKW
        let socs = zip(batteries, input.batteries).map { $0.energyAfterKWh / $1.energyCapacityKWh }
        if !socs.isEmpty {
            record.batterySOCMinimum = socs.min() ?? 0
            record.batterySOCMaximum = socs.max() ?? 0
            record.batterySOCMean = socs.reduce(0, +) / Double(socs.count)
        }
        let temperatures = thermostatic.map(\.temperatureAfterC)
        if !temperatures.isEmpty {
            let zones = input.thermostaticLoads.map { Double($0.zoneCount) }
            record.thermostaticKW = thermostaticKW
            record.indoorTemperatureMinimumC = temperatures.min() ?? 0
            record.indoorTemperatureMaximumC = temperatures.max() ?? 0
            record.indoorTemperatureMeanC = zip(temperatures, zones).reduce(0) {
                $0 + $1.0 * $1.1
            } / zones.reduce(0, +)
            record.discomfortDegreeHours = thermostatic.reduce(0) { $0 + $1.discomfortDegreeHours }
        }
        return record
    }
}
