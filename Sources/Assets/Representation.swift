/// Representative agents: one simulated asset standing for `devices` identical real ones.
///
/// Every asset model here is positively homogeneous: multiplying every energy and power
/// figure (capacities, limits, stored and requested energies, demand) by k multiplies every
/// outcome (powers, energies, losses, unmet energy) by exactly k, because efficiencies, SOC
/// fractions and loss rates are ratios. So k identical devices that receive the same
/// setpoint share are simulated exactly by one asset scaled by k, and the optimiser pays
/// for one block, not k. The only inexactness of a representative agent is in the sampling
/// (k vehicles drawn as one share that one's arrival time and energy need), never in the
/// physics.
extension BatterySpec {
    /// This battery scaled to stand for `devices` copies of it.
    public func representing(_ devices: Int) -> BatterySpec {
        precondition(devices >= 1, "BatterySpec.representing needs at least one device")
        var scaled = self
        let factor = Double(devices)
        scaled.energyCapacityKWh *= factor
        scaled.maxChargePowerKW *= factor
        scaled.maxDischargePowerKW *= factor
        scaled.devices = self.devices * devices
        return scaled
    }
}

extension ElectricVehicleSpec {
    /// This vehicle and charger scaled to stand for `devices` copies of them.
    public func representing(_ devices: Int) -> ElectricVehicleSpec {
        precondition(devices >= 1, "ElectricVehicleSpec.representing needs at least one device")
        var scaled = self
        let factor = Double(devices)
        scaled.batteryCapacityKWh *= factor
        scaled.maxChargePowerKW *= factor
        scaled.maxDischargePowerKW *= factor
        scaled.devices = self.devices * devices
        return scaled
    }
}

extension ChargingSession {
    /// The same stay for `devices` vehicles at once: energies scale, times do not.
    public func representing(_ devices: Int) -> ChargingSession {
        let factor = Double(devices)
        return ChargingSession(
            arrivalStep: arrivalStep, departureStep: departureStep,
            arrivalEnergyKWh: arrivalEnergyKWh * factor,
            targetEnergyKWh: targetEnergyKWh * factor)
    }
}

extension CurtailableLoadSpec {
    /// This load scaled to stand for `devices` copies of it.
    public func representing(_ devices: Int) -> CurtailableLoadSpec {
        var scaled = self
        let factor = Double(devices)
        scaled.demandKW = demandKW.map { $0 * factor }
        scaled.reboundMaxPowerKW *= factor  // an unlimited (infinite) rate stays unlimited
        return scaled
    }
}

extension ShiftableJob {
    /// The same job run by `devices` appliances at once.
    public func representing(_ devices: Int) -> ShiftableJob {
        let factor = Double(devices)
        return ShiftableJob(
            releaseStep: releaseStep, deadlineStep: deadlineStep,
            preferredStartStep: preferredStartStep, energyKWh: energyKWh * factor,
            maxPowerKW: maxPowerKW * factor)
    }
}

/// How `count` devices are split among `agents` representative agents: as evenly as
/// integers allow, the first `count % agents` agents standing for one device more.
public func devicesPerAgent(count: Int, agents: Int) -> [Int] {
    precondition(count >= 1 && agents >= 1 && agents <= count,
                 "devicesPerAgent needs 1 <= agents <= count, got \(agents) of \(count)")
    let base = count / agents
    let extra = count % agents
    return (0..<agents).map { $0 < extra ? base + 1 : base }
}
