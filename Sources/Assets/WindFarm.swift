import Foundation

/// A wind turbine's power curve, as four figures.
///
/// Output is 0 below the cut-in speed and from the cut-out speed up (the turbine stops to
/// protect itself), the rated power from the rated speed to the cut-out speed, and between
/// cut-in and rated speed it rises with the cube of the speed, as the power in the wind does:
///   P(v) = P_rated · (v³ − v_in³) / (v_rated³ − v_in³).
/// A manufacturer's measured curve rounds the knee below rated speed; the cubic rise is an
/// approximation of it, and the cut-out has no hysteresis (a real turbine restarts only
/// once the wind has fallen well below cut-out).
public struct WindTurbineSpec: Sendable, Equatable {
    public var ratedPowerKW: Double
    public var cutInSpeedMPerS: Double
    public var ratedSpeedMPerS: Double
    public var cutOutSpeedMPerS: Double

    public init(
        ratedPowerKW: Double, cutInSpeedMPerS: Double, ratedSpeedMPerS: Double,
        cutOutSpeedMPerS: Double
    ) {
        self.ratedPowerKW = ratedPowerKW
        self.cutInSpeedMPerS = cutInSpeedMPerS
        self.ratedSpeedMPerS = ratedSpeedMPerS
        self.cutOutSpeedMPerS = cutOutSpeedMPerS
    }

    /// Electric output of one turbine at hub-height wind speed `speed`, kW.
    public func powerKW(windSpeedMPerS speed: Double) -> Double {
        guard speed >= cutInSpeedMPerS, speed < cutOutSpeedMPerS else { return 0 }
        guard speed < ratedSpeedMPerS else { return ratedPowerKW }
        let rise = speed * speed * speed - pow(cutInSpeedMPerS, 3)
        return ratedPowerKW * rise / (pow(ratedSpeedMPerS, 3) - pow(cutInSpeedMPerS, 3))
    }
}

/// A wind farm of identical turbines, driven by a wind speed measured at one height.
///
/// The speed at hub height follows the power law v_hub = v_measured · (h_hub / h_measured)^α
/// with shear exponent α (about 0.1 over open sea, 0.14 in IEC 61400-3's normal profile,
/// more over land). The farm's output is the turbines' output less a fixed fraction for
/// wakes, electrical losses and unavailability: P = n · P_turbine(v_hub) · (1 − losses).
/// Air density is taken as the standard one the power curve is given for.
public struct WindFarmSpec: Sendable, Equatable {
    public var id: String
    public var turbine: WindTurbineSpec
    public var turbineCount: Int
    public var hubHeightM: Double
    public var measurementHeightM: Double
    public var shearExponent: Double
    /// Fraction of the turbines' output lost to wakes, cables and downtime, in [0, 1).
    public var lossFraction: Double

    public init(
        id: String, turbine: WindTurbineSpec, turbineCount: Int, hubHeightM: Double,
        measurementHeightM: Double, shearExponent: Double, lossFraction: Double
    ) {
        self.id = id
        self.turbine = turbine
        self.turbineCount = turbineCount
        self.hubHeightM = hubHeightM
        self.measurementHeightM = measurementHeightM
        self.shearExponent = shearExponent
        self.lossFraction = lossFraction
    }

    /// Installed capacity: every turbine at rated power, kW.
    public var installedKW: Double { turbine.ratedPowerKW * Double(turbineCount) }

    /// The most the farm can deliver: installed capacity less losses, kW.
    public var maximumOutputKW: Double { installedKW * (1 - lossFraction) }

    public func hubSpeedMPerS(measuredSpeedMPerS speed: Double) -> Double {
        speed * pow(hubHeightM / measurementHeightM, shearExponent)
    }

    /// The farm's output, kW, for a wind speed measured at `measurementHeightM`.
    public func outputKW(measuredSpeedMPerS speed: Double) -> Double {
        let hub = hubSpeedMPerS(measuredSpeedMPerS: speed)
        return Double(turbineCount) * turbine.powerKW(windSpeedMPerS: hub) * (1 - lossFraction)
    }
}

/// A battery that shares a grid connection with a generator and charges only from it, as
/// storage paired with a wind farm does: in each step it may charge at most what the
/// generator produces, and discharge at most what the shared connection can still carry
/// on top of the generator's output.
///
/// The limits hold for a battery that charges or discharges within a step, never both
/// (the physics' single signed setpoint). Generation above the shared connection is not
/// modelled: a scenario must size the connection for the generator's full output.
public struct GenerationPairing: Sendable, Equatable {
    /// The generator's id and its place in `SimulationInput.windFarms`.
    public var generatorID: String
    public var generatorIndex: Int
    /// Capacity of the connection the battery and generator share, kW.
    public var sharedConnectionKW: Double

    public init(generatorID: String, generatorIndex: Int, sharedConnectionKW: Double) {
        self.generatorID = generatorID
        self.generatorIndex = generatorIndex
        self.sharedConnectionKW = sharedConnectionKW
    }

    /// The most the battery may charge and discharge in a step when the generator
    /// produces `generationKW`, before its own power ratings.
    public func limitsKW(generationKW: Double) -> (charge: Double, discharge: Double) {
        (max(0, generationKW), max(0, sharedConnectionKW - generationKW))
    }
}
