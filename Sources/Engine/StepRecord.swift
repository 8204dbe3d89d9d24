/// The site's flows in one step; all powers are step averages in kW.
///
/// Sign convention: loads, charging and imports are positive; PV, wind, V2G and battery
/// discharge reduce the net load.
/// net = base − pv − wind + ev + battery + shiftable + curtailable + thermostatic − unserved
///       + curtailed generation.
public struct StepRecord: Sendable, Equatable {
    public var baseLoadKW: Double
    public var pvKW: Double
    public var windKW: Double
    /// Net EV power: charging minus V2G discharge.
    public var evKW: Double
    /// EV charging alone, and V2G discharge alone (a positive number), summed over vehicles.
    public var evChargingKW: Double
    public var evDischargingKW: Double
    public var batteryKW: Double
    public var shiftableKW: Double
    /// Curtailable loads as drawn: demand − shed + rebound.
    public var curtailableKW: Double
    public var shedKW: Double
    public var reboundKW: Double
    public var netLoadKW: Double
    public var importPricePerKWh: Double
    public var exportPricePerKWh: Double
    /// Energy stored in all stationary batteries at the end of the step.
    public var batteryEnergyKWh: Double
    /// Lowest, mean and highest state of charge of the stationary batteries at the end of the
    /// step, as fractions of capacity (0 when there are none): the fleet's SOC band.
    public var batterySOCMinimum: Double = 0
    public var batterySOCMean: Double = 0
    public var batterySOCMaximum: Double = 0
    /// Energy stored in all plugged-in vehicles at the end of the step.
    public var evEnergyKWh: Double
    public var evConnectedCount: Int
    /// Shiftable energy drawn later or earlier than preferred: max(0, preferred − actual)·Δt.
    public var shiftedEnergyKWh: Double
    /// Electric power of all air conditioners (thermostatic loads).
    public var thermostaticKW: Double = 0
    /// Lowest, mean and highest indoor temperature of the cooled zones at the end of the
    /// step, °C (0 when there are none). The mean counts every zone an entry stands for.
    public var indoorTemperatureMinimumC: Double = 0
    public var indoorTemperatureMeanC: Double = 0
    public var indoorTemperatureMaximumC: Double = 0
    /// Degree-hours outside the comfort bands in this step, summed over zones.
    public var discomfortDegreeHours: Double = 0
    /// Demand above the grid connection's import limit, not served; and generation above
    /// its export limit, curtailed (both 0 without limits). The net load is after both.
    public var unservedKW: Double = 0
    public var curtailedGenerationKW: Double = 0

    public var flexibleKW: Double { shiftableKW + curtailableKW + thermostaticKW }

    /// Cost of the step's grid exchange: imports at the import price minus export credit.
    public func energyCost(stepHours: Double) -> Double {
        let importKWh = max(netLoadKW, 0) * stepHours
        let exportKWh = max(-netLoadKW, 0) * stepHours
        return importKWh * importPricePerKWh - exportKWh * exportPricePerKWh
    }
}
