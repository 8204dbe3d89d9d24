import DemandResponse
import InputData
import Engine
import Foundation
import Strategies
import VPPCore

/// A scenario read, validated and turned into simulation input, ready to run.
public struct LoadedScenario {
    public var name: String
    public var description: String
    public var strategyName: String
    public var strategySettings: StrategySettings
    /// The response target to judge capability against; nil when the scenario sets none.
    public var responseTarget: ResponseTarget?
    /// The demand-response programme: events, participation, baselines and settlement; nil
    /// when the scenario has none of those sections.
    public var demandResponse: DemandResponseConfiguration?
    /// The programme's events on the run's grid, drawn with the run's seed.
    public var eventSchedule: EventSchedule?
    /// The site over the days before the horizon (`events.baselineHistoryDays`), run
    /// uncontrolled to give customer baselines real prior days; nil when not asked for.
    public var baselineHistory: SimulationInput?
    public var input: SimulationInput
}

/// Reads a scenario file. Everything is checked here, before any simulation runs or any
/// output is written: the JSON, every field, every data file it names and every row of them.
public enum ScenarioLoader {
    /// The seeds a scenario's `seed` and the `--seed` option accept.
    public static let seeds = 0...1_000_000_000

    static let topLevelKeys = [
        "name", "description", "seed", "horizon", "tariff", "peakWindow", "baseLoads", "pv",
        "windFarms", "batteries", "evFleets", "evs", "shiftableLoads", "curtailableLoads",
        "thermostaticLoads", "gridConnection", "strategy", "responseTarget", "events",
        "baselines", "settlement", "source",
    ]

    /// - Parameters:
    ///   - displayName: how messages name the file (the path as the user typed it).
    ///   - seedOverride: replaces the scenario's seed (the CLI's `--seed`).
    ///   - agentOverride: simulates every population entry with this many representative
    ///     agents, or one per device when it has fewer (the CLI's `--agents`).
    public static func load(
        url: URL, displayName: String, seedOverride: UInt64? = nil, agentOverride: Int? = nil
    ) throws -> LoadedScenario {
        guard let data = try? Data(contentsOf: url) else {
            throw ScenarioError.unreadable(
                file: displayName, reason: "no such file, or not a readable file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioError.unreadable(
                file: displayName, reason: "not UTF-8 text; save it as UTF-8")
        }
        return try load(json: parse(text, displayName: displayName), url: url,
                        displayName: displayName, seedOverride: seedOverride, agentOverride: agentOverride)
    }

    /// Parses scenario text, for callers that edit the JSON before loading it (sweeps).
    public static func parse(_ text: String, displayName: String) throws -> JSONValue {
        do {
            return try JSONParser.parse(text)
        } catch let failure as JSONParser.Failure {
            throw ScenarioError.invalidJSON(
                file: displayName, line: failure.line, detail: failure.message)
        }
    }

    /// Loads a scenario already parsed; data paths resolve against `url`'s folder.
    public static func load(
        json root: JSONValue, url: URL, displayName: String, seedOverride: UInt64? = nil,
        agentOverride: Int? = nil
    ) throws -> LoadedScenario {
        let reader = try FieldReader(root, file: displayName, path: "", allowed: topLevelKeys)
        let files = DataFiles(scenarioURL: url, scenarioFile: displayName)
        return try build(reader, files: files, seedOverride: seedOverride, agentOverride: agentOverride)
    }

    private static func build(
        _ reader: FieldReader, files: DataFiles, seedOverride: UInt64?, agentOverride: Int?
    ) throws -> LoadedScenario {
        let name = try reader.string("name")
        let nameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_."
        guard !name.isEmpty, !name.hasPrefix("."), name.count <= 100, name.allSatisfy(nameCharacters.contains)
        else {
            throw ScenarioError.outOfRange(
                file: reader.file, field: "name", line: reader.value("name")?.line ?? reader.line,
                value: "\"\(name)\"",
                allowed: "1 to 100 ASCII letters, digits, '-', '_' and '.', not starting with '.' "
                    + "(it names the result folder)")
        }
        let scenarioSeed = UInt64(try reader.integer("seed", in: ScenarioLoader.seeds, default: 0))
        let seed = seedOverride ?? scenarioSeed
        let grid = try HorizonSection.read(reader.object("horizon", allowed: HorizonSection.keys))
        let input = try readInput(
            reader, name: name, seed: seed, grid: grid, horizon: grid, files: files,
            agentOverride: agentOverride)

        var demandResponse: DemandResponseConfiguration?
        var history: SimulationInput?
        if ["events", "baselines", "settlement"].contains(where: reader.has) {
            let programme = try DemandResponseConfiguration.read(
                events: reader.value("events"), baselines: reader.value("baselines"),
                settlement: reader.value("settlement"), file: reader.file, grid: grid)
            history = try readHistory(
                reader, days: programme.baselineHistoryDays, input: input, files: files,
                agentOverride: agentOverride)
            demandResponse = programme
        }
        let strategy = try StrategySection.read(
            reader.optionalObject("strategy", allowed: StrategySection.keys),
            stepMinutes: grid.stepMinutes)
        return LoadedScenario(
            name: name, description: try reader.string("description", default: ""),
            strategyName: strategy.name, strategySettings: strategy.settings,
            responseTarget: try ResponseTargetSection.read(
                reader.optionalObject("responseTarget", allowed: ResponseTargetSection.keys),
                horizonHours: grid.durationHours),
            demandResponse: demandResponse,
            eventSchedule: demandResponse?.schedule(grid: grid, seed: seed),
            baselineHistory: history, input: input)
    }

    /// The site and its assets on `grid`: tariff, peak window, loads, PV and every asset.
    /// `horizon` is the run's own grid, on which a base load's `peakKW` is fitted (so the
    /// history before it is scaled alike).
    private static func readInput(
        _ reader: FieldReader, name: String, seed: UInt64, grid: TimeGrid, horizon: TimeGrid,
        files: DataFiles, agentOverride: Int?
    ) throws -> SimulationInput {
        let tariff = try TariffSection.read(
            reader.object("tariff", allowed: TariffSection.keys), grid: grid, files: files)
        let window = try PeakWindowSection.read(
            reader.optionalObject("peakWindow", allowed: PeakWindowSection.keys))
        var ids = AssetIDs(file: reader.file)

        var baseLoad = Array(repeating: 0.0, count: grid.stepCount)
        for entry in try reader.objects("baseLoads", allowed: BaseLoadSection.keys) {
            _ = try ids.claim(entry, count: 1)
            try BaseLoadSection.add(
                entry, into: &baseLoad, grid: grid, horizon: horizon, files: files)
        }
        var pv = Array(repeating: 0.0, count: grid.stepCount)
        for entry in try reader.objects("pv", allowed: PVSection.keys) {
            _ = try ids.claim(entry, count: 1)
            try PVSection.add(entry, into: &pv, grid: grid, files: files)
        }
        var input = SimulationInput(
            scenarioName: name, seed: seed, grid: grid, baseLoadKW: baseLoad, pvKW: pv,
            importPricePerKWh: tariff.importPricePerKWh,
            exportPricePerKWh: tariff.exportPricePerKWh,
            currency: tariff.currency, peakWindow: window)
        input.gridConnection = try GridConnectionSection.read(
            reader.optionalObject("gridConnection", allowed: GridConnectionSection.keys))
        for entry in try reader.objects("windFarms", allowed: WindFarmSection.keys) {
            let (id, _) = try ids.claim(entry, count: 1)
            let farm = try WindFarmSection.read(entry, id: id, grid: grid, files: files)
            input.addWindFarm(farm.spec, outputKW: farm.outputKW)
        }
        try readAssets(reader, into: &input, ids: &ids, files: files, agentOverride: agentOverride)
        return input
    }

    /// The same site over the `days` whole days before the horizon, for customer baselines;
    /// nil for 0 days. Its data must cover those days: a gap is reported as an error of
    /// `events.baselineHistoryDays` naming the data file and the field that falls short.
    private static func readHistory(
        _ reader: FieldReader, days: Int, input: SimulationInput, files: DataFiles,
        agentOverride: Int?
    ) throws -> SimulationInput? {
        guard days > 0 else { return nil }
        let grid = input.grid
        let historyGrid = TimeGrid(
            start: grid.start.adding(minutes: -days * 1440), stepMinutes: grid.stepMinutes,
            stepCount: days * 1440 / grid.stepMinutes)
        do {
            return try readInput(
                reader, name: input.scenarioName, seed: input.seed, grid: historyGrid,
                horizon: grid, files: files, agentOverride: agentOverride)
        } catch let error as ScenarioError {
            let field = "events.baselineHistoryDays"
            throw ScenarioError.inconsistent(
                file: reader.file, field: field,
                line: reader.value("events")?.line ?? reader.line,
                detail: "\(days) days of baseline history need every profile, price series "
                    + "and EV fleet from \(historyGrid.start) to \(grid.start); allowed: as "
                    + "many days as the data cover before the horizon (or 0 for none). "
                    + "The data fall short: \(error)")
        }
    }

    private static func readAssets(
        _ reader: FieldReader, into input: inout SimulationInput, ids: inout AssetIDs,
        files: DataFiles, agentOverride: Int?
    ) throws {
        let grid = input.grid
        for entry in try reader.objects("batteries", allowed: BatterySection.keys) {
            let population = try Population.read(entry, agentOverride: agentOverride)
            let (id, _) = try ids.claim(entry, count: population.agents)
            var specs = try BatterySection.read(entry, id: id, population: population, grid: grid)
            if let pairing = try entry.optionalObject(
                "pairedWith", allowed: WindFarmSection.pairingKeys) {
                specs[0].pairing = try WindFarmSection.pairing(
                    pairing, devices: population.count, farms: input.windFarms.map(\.spec),
                    pairedAlready: input.batteries.compactMap(\.pairing?.generatorID))
            }
            input.batteries += specs
        }
        for entry in try reader.objects("evFleets", allowed: EVFleetSection.keys) {
            let population = try Population.read(entry, agentOverride: agentOverride)
            let (id, _) = try ids.claim(entry, count: population.agents)
            input.evChargers += try EVFleetSection.read(
                entry, id: id, population: population, grid: grid, seed: input.seed,
                files: files)
        }
        for entry in try reader.objects("evs", allowed: VehicleSection.keys) {
            let (id, _) = try ids.claim(entry, count: 1)
            input.evChargers.append(try VehicleSection.read(entry, id: id, grid: grid))
        }
        for entry in try reader.objects("shiftableLoads", allowed: ShiftableLoadSection.keys) {
            let population = try Population.read(entry, agentOverride: agentOverride)
            let (id, _) = try ids.claim(entry, count: population.agents)
            input.shiftableLoads += try ShiftableLoadSection.read(
                entry, id: id, population: population, grid: grid)
        }
        for entry in try reader.objects("curtailableLoads", allowed: CurtailableLoadSection.keys) {
            let population = try Population.read(entry, agentOverride: agentOverride)
            let (id, _) = try ids.claim(entry, count: population.agents)
            let spec = try CurtailableLoadSection.read(entry, id: id, grid: grid, files: files)
            input.curtailableLoads += population.devicesPerAgent.enumerated().map {
                var agent = spec.representing($0.element)
                agent.id = population.agentID(id, index: $0.offset)
                return agent
            }
        }
        let thermostaticKeys = ThermostaticLoadSection.keys
        for entry in try reader.objects("thermostaticLoads", allowed: thermostaticKeys) {
            // One id: an entry with a count is one aggregated load, not count loads.
            let (id, _) = try ids.claim(entry, count: 1)
            input.thermostaticLoads.append(try ThermostaticLoadSection.read(
                entry, id: id,
                count: entry.integer("count", in: 1...Population.maximumCount, default: 1),
                grid: grid, files: files))
        }
    }
}

/// Asset ids must be unique across the scenario, counting the ids a `count` expands into.
struct AssetIDs {
    let file: String
    private var seen: [String: String] = [:]

    init(file: String) {
        self.file = file
    }

    mutating func claim(_ entry: FieldReader, count: Int) throws -> (String, Int) {
        let id = try entry.string("id")
        let allowedCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_."
        guard !id.isEmpty, id.allSatisfy(allowedCharacters.contains) else {
            throw ScenarioError.outOfRange(
                file: file, field: entry.fieldPath("id"),
                line: entry.value("id")?.line ?? entry.line,
                value: "\"\(id)\"", allowed: "ASCII letters, digits, '-', '_' and '.', not empty")
        }
        // An entry simulated as n agents expands into id-1 ... id-n; all must be free too.
        let expanded = count == 1 ? [id] : (1...count).map { "\(id)-\($0)" }
        for name in expanded + (count == 1 ? [] : [id]) {
            if let earlier = seen[name] {
                throw entry.inconsistency(
                    "id", "'\(name)' is already used by \(earlier); ids must be "
                        + "unique (an entry simulated as n agents also takes the ids id-1 ... id-n)")
            }
        }
        for name in expanded { seen[name] = entry.path }
        seen[id] = entry.path
        return (id, count)
    }
}
