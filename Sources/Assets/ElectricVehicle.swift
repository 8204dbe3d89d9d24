/// One vehicle and the charger it plugs into at its usual location.
public struct ElectricVehicleSpec: Sendable, Equatable {
    public var id: String
    public var batteryCapacityKWh: Double
    /// The lower of the charger's and the vehicle's charging limits, AC side.
    public var maxChargePowerKW: Double
    /// Vehicle-to-grid limit, AC side; zero for a vehicle or charger without V2G.
    public var maxDischargePowerKW: Double
    public var chargeEfficiency: Double
    public var dischargeEfficiency: Double
    /// V2G never takes the vehicle below this state of charge.
    public var minimumSOCForDischarge: Double
    public var maximumSOC: Double
    /// How many identical real vehicles this one stands for (a representative agent); its
    /// energy and power figures are already the sum over them. See `representing(_:)`.
    public var devices = 1

    public init(
        id: String, batteryCapacityKWh: Double, maxChargePowerKW: Double,
        maxDischargePowerKW: Double, chargeEfficiency: Double, dischargeEfficiency: Double,
        minimumSOCForDischarge: Double, maximumSOC: Double
    ) {
        self.id = id
        self.batteryCapacityKWh = batteryCapacityKWh
        self.maxChargePowerKW = maxChargePowerKW
        self.maxDischargePowerKW = maxDischargePowerKW
        self.chargeEfficiency = chargeEfficiency
        self.dischargeEfficiency = dischargeEfficiency
        self.minimumSOCForDischarge = minimumSOCForDischarge
        self.maximumSOC = maximumSOC
    }

    public var isV2GCapable: Bool { maxDischargePowerKW > 0 }
}

/// A stay at the charger: plugged in from the start of `arrivalStep` until the start of
/// `departureStep` (exclusive), arriving with `arrivalEnergyKWh` and wanting
/// `targetEnergyKWh` stored when it leaves.
public struct ChargingSession: Sendable, Equatable {
    public var arrivalStep: Int
    public var departureStep: Int
    public var arrivalEnergyKWh: Double
    public var targetEnergyKWh: Double

    public init(
        arrivalStep: Int, departureStep: Int, arrivalEnergyKWh: Double, targetEnergyKWh: Double
    ) {
        self.arrivalStep = arrivalStep
        self.departureStep = departureStep
        self.arrivalEnergyKWh = arrivalEnergyKWh
        self.targetEnergyKWh = targetEnergyKWh
    }

    public var requestedEnergyKWh: Double { max(0, targetEnergyKWh - arrivalEnergyKWh) }
}

/// How a session ended.
public struct SessionOutcome: Sendable, Equatable {
    public var vehicleID: String
    public var session: ChargingSession
    public var departureEnergyKWh: Double
    /// Target minus energy at departure, when positive: the owner's loss.
    public var unmetEnergyKWh: Double
    /// False when the vehicle was still plugged in at the end of the horizon; such sessions
    /// report the energy they held then and count no unmet energy.
    public var departedWithinHorizon: Bool
    /// Real vehicles the session stands for (the vehicle's `devices`).
    public var devices = 1
}

/// What a charger did over one step.
public struct ChargerStepOutcome: Sendable, Equatable {
    /// AC power: positive charges the vehicle, negative is V2G discharge.
    public var powerKW: Double
    public var storedChangeKWh: Double
    public var conversionLossKWh: Double
    public var isConnected: Bool
    /// Energy stored in the vehicle after the step (0 when none is plugged in).
    public var energyAfterKWh: Double = 0
}

/// A charger with its vehicle's sessions (sorted, not overlapping) and state.
public struct EVCharger: Sendable {
    public let spec: ElectricVehicleSpec
    public let sessions: [ChargingSession]
    public private(set) var outcomes: [SessionOutcome] = []
    /// Energy stored in the vehicle while it is plugged in.
    public private(set) var energyKWh: Double = 0
    private var nextSessionIndex = 0
    private var activeSessionIndex: Int?

    public init(spec: ElectricVehicleSpec, sessions: [ChargingSession]) {
        self.spec = spec
        self.sessions = sessions
    }

    public var activeSession: ChargingSession? { activeSessionIndex.map { sessions[$0] } }

    /// Plugs in or unplugs the vehicle for `step`; call once per step before deciding.
    public mutating func updateConnection(step: Int) {
        if let active = activeSessionIndex, sessions[active].departureStep <= step {
            finish(sessionIndex: active, departed: true)
        }
        if activeSessionIndex == nil, nextSessionIndex < sessions.count,
           sessions[nextSessionIndex].arrivalStep <= step {
            activeSessionIndex = nextSessionIndex
            energyKWh = sessions[nextSessionIndex].arrivalEnergyKWh
            nextSessionIndex += 1
        }
    }

    /// Closes the session still plugged in when the horizon ends at `endStep`; one due to
    /// leave exactly then has departed, and its unmet energy counts.
    public mutating func finishHorizon(endStep: Int) {
        if let active = activeSessionIndex {
            finish(sessionIndex: active, departed: sessions[active].departureStep <= endStep)
        }
    }

    private mutating func finish(sessionIndex: Int, departed: Bool) {
        let session = sessions[sessionIndex]
        let unmet = departed ? max(0, session.targetEnergyKWh - energyKWh) : 0
        outcomes.append(SessionOutcome(
            vehicleID: spec.id, session: session, departureEnergyKWh: energyKWh,
            unmetEnergyKWh: unmet,
            departedWithinHorizon: departed, devices: spec.devices))
        activeSessionIndex = nil
    }

    /// Energy still needed to reach the active session's target, in kWh (0 when unplugged).
    public var remainingNeedKWh: Double {
        guard let session = activeSession else { return 0 }
        return max(0, session.targetEnergyKWh - energyKWh)
    }

    /// The AC powers (kW) possible over a step; {0} while no vehicle is plugged in.
    public func feasiblePowerRange(stepHours: Double) -> ClosedRange<Double> {
        guard activeSession != nil else { return 0...0 }
        let headroomKWh = max(0, spec.maximumSOC * spec.batteryCapacityKWh - energyKWh)
        let upper = min(spec.maxChargePowerKW, headroomKWh / (spec.chargeEfficiency * stepHours))
        let floorKWh = spec.minimumSOCForDischarge * spec.batteryCapacityKWh
        let availableKWh = max(0, energyKWh - floorKWh)
        let lower = -min(
            spec.maxDischargePowerKW, availableKWh * spec.dischargeEfficiency / stepHours)
        return lower...upper
    }

    public mutating func advance(setpointKW: Double, stepHours: Double) -> ChargerStepOutcome {
        let connected = activeSession != nil
        let power = feasiblePowerRange(stepHours: stepHours).clamp(setpointKW)
        let charge = max(power, 0) * stepHours
        let discharge = max(-power, 0) * stepHours
        let stored = spec.chargeEfficiency * charge - discharge / spec.dischargeEfficiency
        energyKWh += stored
        let loss = (1 - spec.chargeEfficiency) * charge
            + discharge * (1 / spec.dischargeEfficiency - 1)
        return ChargerStepOutcome(
            powerKW: power, storedChangeKWh: stored, conversionLossKWh: loss,
            isConnected: connected, energyAfterKWh: connected ? energyKWh : 0)
    }
}
