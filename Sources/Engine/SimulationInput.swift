import Assets
import VPPCore

/// Hours of the day, [startHour, endHour), in which the peak is fought (e.g. 16 to 21).
/// A window with endHour < startHour wraps past midnight.
public struct DailyWindow: Sendable, Equatable {
    public var startHour: Double
    public var endHour: Double

    public init(startHour: Double, endHour: Double) {
        self.startHour = startHour
        self.endHour = endHour
    }

    public func contains(hourOfDay hour: Double) -> Bool {
        startHour <= endHour ? (hour >= startHour && hour < endHour)
            : (hour >= startHour || hour < endHour)
    }
}

/// Everything a simulation needs, already on the simulation's time grid.
///
/// Built from a scenario file by the Scenario module, or directly in tests. Series hold one
/// value per step: powers are step averages in kW, prices are per kWh.
public struct SimulationInput: Sendable {
    public var scenarioName: String
    public var seed: UInt64
    public var grid: TimeGrid
    /// Inflexible demand of the whole site (all base loads added), kW.
    public var baseLoadKW: [Double]
    /// PV generation of the whole site, kW (a positive number; it reduces net load).
    public var pvKW: [Double]
    /// The wind farms, each with its output per step; a battery's `pairing` names one by
    /// its place here. Set them with `addWindFarm`, which keeps `windKW` their sum.
    public private(set) var windFarms: [(spec: WindFarmSpec, outputKW: [Double])] = []
    /// Wind generation of the whole site, kW (positive; it reduces net load).
    public private(set) var windKW: [Double]
    public var importPricePerKWh: [Double]
    public var exportPricePerKWh: [Double]
    public var currency: String
    public var peakWindow: DailyWindow
    public var batteries: [BatterySpec]
    public var evChargers: [(spec: ElectricVehicleSpec, sessions: [ChargingSession])]
    public var shiftableLoads: [(id: String, jobs: [ShiftableJob])]
    public var curtailableLoads: [CurtailableLoadSpec]
    /// Cooled building zones (air conditioning), each possibly standing for many.
    public var thermostaticLoads: [ThermostaticLoadSpec]
    /// The site's connection to the grid: most it may import and export, kW. Infinite (the
    /// default) is an unconstrained connection; 0 and 0 is an islanded site.
    public var gridConnection = GridConnection()
    /// Demand-response events, sorted by start; strategies see each from its notice step.
    public var events: [GridEvent] = []
    /// Who takes part in demand response; nil when every asset is controlled at every step.
    public var participation: Participation?

    public init(
        scenarioName: String, seed: UInt64, grid: TimeGrid, baseLoadKW: [Double], pvKW: [Double],
        importPricePerKWh: [Double], exportPricePerKWh: [Double], currency: String,
        peakWindow: DailyWindow, batteries: [BatterySpec] = [],
        evChargers: [(spec: ElectricVehicleSpec, sessions: [ChargingSession])] = [],
        shiftableLoads: [(id: String, jobs: [ShiftableJob])] = [],
        curtailableLoads: [CurtailableLoadSpec] = [],
        thermostaticLoads: [ThermostaticLoadSpec] = []
    ) {
        self.scenarioName = scenarioName
        self.seed = seed
        self.grid = grid
        self.baseLoadKW = baseLoadKW
        self.pvKW = pvKW
        windKW = Array(repeating: 0, count: baseLoadKW.count)
        self.importPricePerKWh = importPricePerKWh
        self.exportPricePerKWh = exportPricePerKWh
        self.currency = currency
        self.peakWindow = peakWindow
        self.batteries = batteries
        self.evChargers = evChargers
        self.shiftableLoads = shiftableLoads
        self.curtailableLoads = curtailableLoads
        self.thermostaticLoads = thermostaticLoads
    }

    /// Whether `step` falls inside the daily peak window.
    public func isInPeakWindow(step: Int) -> Bool {
        peakWindow.contains(hourOfDay: grid.time(ofStep: step).hourOfDay)
    }

    /// Demand of all curtailable loads before any shedding, in kW.
    public func curtailableDemandKW(step: Int) -> Double {
        curtailableLoads.reduce(0) { $0 + $1.demandKW[step] }
    }

    /// Base load minus PV and wind: the net load no strategy can change, in kW.
    public func inflexibleNetLoadKW(step: Int) -> Double {
        baseLoadKW[step] - pvKW[step] - windKW[step]
    }

    /// Adds a wind farm with its output per step (one value per step of the grid).
    public mutating func addWindFarm(_ spec: WindFarmSpec, outputKW: [Double]) {
        precondition(outputKW.count == windKW.count, "a wind farm needs one value per step")
        windFarms.append((spec, outputKW))
        for step in windKW.indices { windKW[step] += outputKW[step] }
    }

    /// What battery `index`'s paired generator produces at `step`, kW (0 when unpaired).
    public func pairedGenerationKW(battery index: Int, step: Int) -> Double {
        batteries[index].pairing.map { windFarms[$0.generatorIndex].outputKW[step] } ?? 0
    }
}
