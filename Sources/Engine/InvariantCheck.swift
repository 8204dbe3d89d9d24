import Assets
import VPPCore

/// The physical invariants checked after every step when checks are on.
///
/// 1. Every battery's stored energy stays within its SOC bounds and changes by exactly what
///    flowed in minus what flowed out minus its losses.
///    A battery paired with a generator charges no more than the generator produces, or
///    only what its BMS must to hold the minimum, and discharges no more than the shared
///    connection carries above the generator's output.
/// 2. Every plugged-in vehicle's stored energy changes by exactly its conversion-adjusted
///    power, and V2G stays within its limits.
/// 3. Every curtailable load's drawn energy equals demand − shed + rebound, and owed rebound
///    grows by the rebound share of shed energy and falls by what was paid back.
/// 4. Every cooled zone draws power within [0, P_max]; the heat it removes is COP times the
///    electric energy; its stored heat changes by the envelope's gain minus the heat removed,
///    C·(T' − T) = gain − COP·P·Δt; and T' follows the exact step of its thermal model.
/// 5. The site balance closes: grid import equals the sum of the parts, computed a second way
///    from the stored-energy changes and losses rather than from the powers, less unserved
///    demand and plus curtailed generation; and it stays within the grid connection.
struct InvariantCheck {
    let input: SimulationInput
    let step: Int

    func verify(outcome: FleetStepOutcome, record: StepRecord) throws {
        let hours = input.grid.stepHours
        var storageUptakeKWh = 0.0  // energy the site delivered into storage, losses included

        for (index, result) in outcome.batteries.enumerated() {
            let spec = input.batteries[index]
            let low = spec.minimumEnergyKWh - Tolerances.stateOfChargeKWh
            let high = spec.maximumEnergyKWh + Tolerances.stateOfChargeKWh
            if result.energyAfterKWh < low || result.energyAfterKWh > high {
                throw violation(spec.id, "stored energy \(result.energyAfterKWh) kWh outside "
                    + "[\(spec.minimumEnergyKWh), \(spec.maximumEnergyKWh)] kWh")
            }
            try verifyPairing(result, battery: index)
            let change = result.energyAfterKWh - result.energyBeforeKWh
            let uptake = change + result.standingLossKWh + result.conversionLossKWh
            try expectClose(uptake, result.powerKW * hours, spec.id, "battery energy balance")
            storageUptakeKWh += uptake
        }

        for (index, result) in outcome.chargers.enumerated() {
            let spec = input.evChargers[index].spec
            if !result.isConnected, abs(result.powerKW) > Tolerances.negligiblePowerKW {
                throw violation(
                    spec.id, "draws \(result.powerKW) kW while no vehicle is plugged in")
            }
            if result.powerKW < -spec.maxDischargePowerKW - Tolerances.negligiblePowerKW {
                throw violation(spec.id, "discharges \(-result.powerKW) kW, above its V2G limit "
                    + "of \(spec.maxDischargePowerKW) kW")
            }
            let capacityKWh = spec.maximumSOC * spec.batteryCapacityKWh
            if result.isConnected,
                result.energyAfterKWh < -Tolerances.stateOfChargeKWh
                    || result.energyAfterKWh > capacityKWh + Tolerances.stateOfChargeKWh {
                throw violation(spec.id, "vehicle holds \(result.energyAfterKWh) kWh, outside "
                    + "[0, \(capacityKWh)] kWh")
            }
            let uptake = result.storedChangeKWh + result.conversionLossKWh
            try expectClose(uptake, result.powerKW * hours, spec.id, "vehicle energy balance")
            storageUptakeKWh += uptake
        }

        var flexibleKWh = 0.0
        for (index, result) in outcome.curtailable.enumerated() {
            let spec = input.curtailableLoads[index]
            let drawn = (spec.demandKW[step] - result.shedKW + result.reboundKW) * hours
            try expectClose(result.powerKW * hours, drawn, spec.id, "curtailable demand balance")
            let owedChange = spec.reboundFraction * result.shedKW * hours - result.reboundKW * hours
            try expectClose(
                outcome.curtailableOwedChangeKWh[index], owedChange, spec.id, "owed rebound")
            flexibleKWh += drawn
        }
        for (index, result) in outcome.shiftable.enumerated()
            where result.powerKW < -Tolerances.negligiblePowerKW {
            throw violation(
                input.shiftableLoads[index].id, "draws negative power \(result.powerKW) kW")
        }
        flexibleKWh += outcome.shiftable.reduce(0) { $0 + $1.powerKW * hours }
        for (index, result) in outcome.thermostatic.enumerated() {
            try verifyThermostatic(result, spec: input.thermostaticLoads[index])
            flexibleKWh += result.powerKW * hours
        }

        let siteKWh = (record.baseLoadKW - record.pvKW - record.windKW) * hours
            + storageUptakeKWh + flexibleKWh
            - (record.unservedKW - record.curtailedGenerationKW) * hours
        try expectClose(record.netLoadKW * hours, siteKWh, "site", "site energy balance")
        let limits = input.gridConnection
        if record.netLoadKW > limits.importLimitKW + Tolerances.negligiblePowerKW
            || record.netLoadKW < -limits.exportLimitKW - Tolerances.negligiblePowerKW
            || record.unservedKW < 0 || record.curtailedGenerationKW < 0 {
            throw violation("site", "net load \(record.netLoadKW) kW outside the grid "
                + "connection's [-\(limits.exportLimitKW), \(limits.importLimitKW)] kW, or "
                + "negative unserved or curtailed power")
        }
    }

    private func verifyPairing(_ result: BatteryStepOutcome, battery index: Int) throws {
        guard let pairing = input.batteries[index].pairing else { return }
        let generationKW = input.pairedGenerationKW(battery: index, step: step)
        let limits = pairing.limitsKW(generationKW: generationKW)
        let atMinimum = result.energyBeforeKWh - result.standingLossKWh
            < input.batteries[index].minimumEnergyKWh + Tolerances.stateOfChargeKWh
        // Relative to the connection: a gigawatt's limit is exact only to about 1e-10 kW·1e6.
        let slack = Tolerances.negligiblePowerKW * max(1, pairing.sharedConnectionKW)
        if (result.powerKW > limits.charge + slack && !atMinimum)
            || -result.powerKW > limits.discharge + slack {
            throw violation(input.batteries[index].id, "paired with \(pairing.generatorID) "
                + "producing \(generationKW) kW, it draws \(result.powerKW) kW, outside "
                + "[-\(limits.discharge), \(limits.charge)] kW")
        }
    }

    private func verifyThermostatic(
        _ result: ThermostaticStepOutcome, spec: ThermostaticLoadSpec
    ) throws {
        let hours = input.grid.stepHours
        let power = result.powerKW
        if power < -Tolerances.negligiblePowerKW
            || power > spec.maxPowerKW + Tolerances.negligiblePowerKW {
            throw violation(spec.id, "air conditioner draws \(power) kW, outside "
                + "[0, \(spec.maxPowerKW)] kW")
        }
        let electricKWh = power * hours
        try expectClose(
            result.heatRemovedKWh, spec.coefficientOfPerformance * electricKWh, spec.id,
            "heat removed against COP times electric energy")
        let storedKWh = spec.thermalCapacitanceKWhPerC
            * (result.temperatureAfterC - result.temperatureBeforeC)
        try expectClose(
            storedKWh, result.envelopeGainKWh - result.heatRemovedKWh, spec.id,
            "zone heat balance")
        let expected = spec.nextTemperatureC(
            from: result.temperatureBeforeC, powerKW: power, step: step, stepHours: hours)
        if abs(result.temperatureAfterC - expected) > Tolerances.temperatureC {
            throw violation(spec.id, "indoor temperature \(result.temperatureAfterC) °C "
                + "does not follow the thermal model (\(expected) °C)")
        }
    }

    private func expectClose(
        _ actual: Double, _ expected: Double, _ asset: String, _ what: String
    ) throws {
        let scale = max(1, abs(expected))
        if !(abs(actual - expected) <= Tolerances.energyBalanceKWh * scale) {
            throw violation(asset, "\(what) does not close: \(actual) kWh against \(expected) kWh")
        }
    }

    private func violation(_ asset: String, _ detail: String) -> SimulationError {
        .invariantViolated(
            step: step, time: input.grid.time(ofStep: step).description, asset: asset,
            detail: detail)
    }
}
