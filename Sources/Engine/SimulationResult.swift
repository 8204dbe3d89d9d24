import Assets
import VPPCore

/// Everything one run produced: the per-step records and the assets' final states.
public struct SimulationResult: Sendable {
    public let scenarioName: String
    public let seed: UInt64
    public let strategyName: String
    public let grid: TimeGrid
    public let currency: String
    public let records: [StepRecord]
    public let batteries: [Battery]
    public let sessionOutcomes: [SessionOutcome]
    public let shiftableLoads: [ShiftableLoad]
    public let curtailableLoads: [CurtailableLoad]
    public let thermostaticLoads: [ThermostaticLoad]
    public let curtailmentCost: Double
    /// The grid connection the run was held to.
    public var gridConnection = GridConnection()
    /// Whether the site has wind farms (their output is in each record's `windKW`).
    public var hasWindFarms = false

    public var peakNetLoadKW: Double { records.map(\.netLoadKW).max() ?? 0 }

    public var peakNetLoadStep: Int {
        records.indices.max { records[$0].netLoadKW < records[$1].netLoadKW } ?? 0
    }

    public var energyCost: Double {
        records.reduce(0) { $0 + $1.energyCost(stepHours: grid.stepHours) }
    }

    /// Demand not served for lack of import capacity, kWh.
    public var unservedEnergyKWh: Double {
        records.reduce(0) { $0 + $1.unservedKW * grid.stepHours }
    }

    /// Generation curtailed for lack of export capacity, kWh.
    public var curtailedGenerationKWh: Double {
        records.reduce(0) { $0 + $1.curtailedGenerationKW * grid.stepHours }
    }

    public var importedEnergyKWh: Double {
        records.reduce(0) { $0 + max($1.netLoadKW, 0) * grid.stepHours }
    }

    public var exportedEnergyKWh: Double {
        records.reduce(0) { $0 + max(-$1.netLoadKW, 0) * grid.stepHours }
    }

    public var unmetEVEnergyKWh: Double { sessionOutcomes.reduce(0) { $0 + $1.unmetEnergyKWh } }

    /// Vehicle sessions that left short of their target, counting the real vehicles each
    /// representative session stands for.
    public var sessionsWithUnmetEnergy: Int {
        sessionOutcomes.filter {
            $0.unmetEnergyKWh
                > Tolerances.energyBalanceKWh * max(1, $0.session.targetEnergyKWh)
        }.reduce(0) { $0 + $1.devices }
    }

    public var batteryThroughputKWh: Double { batteries.reduce(0) { $0 + $1.throughputKWh } }

    /// Energy in the stationary batteries at the end less at the start, kWh. Plans keep it
    /// at 0 or above; below 0, the run used stored energy that its energy cost does not
    /// count (a paired battery its farm could not refill, or a rule that ends low).
    public var batteryEnergyChangeKWh: Double {
        batteries.reduce(0) { $0 + $1.energyKWh - $1.spec.initialSOC * $1.spec.energyCapacityKWh }
    }
    public var batteryCapacityFadeKWh: Double { batteries.reduce(0) { $0 + $1.capacityFadeKWh } }

    public var curtailedEnergyKWh: Double {
        records.reduce(0) { $0 + $1.shedKW * grid.stepHours }
    }

    public var reboundEnergyKWh: Double {
        records.reduce(0) { $0 + $1.reboundKW * grid.stepHours }
    }

    /// Degree-hours the cooled zones spent outside their comfort bands.
    public var discomfortDegreeHours: Double {
        thermostaticLoads.reduce(0) { $0 + $1.discomfortDegreeHours }
    }

    public var thermostaticEnergyKWh: Double {
        records.reduce(0) { $0 + $1.thermostaticKW * grid.stepHours }
    }

    public var shiftedEnergyKWh: Double { records.reduce(0) { $0 + $1.shiftedEnergyKWh } }

    public var unfinishedShiftableEnergyKWh: Double {
        shiftableLoads.reduce(0) { $0 + $1.unfinishedKWh + ($1.jobs.isEmpty ? 0 : $1.remainingKWh) }
    }
}
