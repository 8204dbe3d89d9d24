import Assets
import Engine
import OptimalDispatch
import Results
import VPPCore

extension ScenarioRun {
    /// binding.csv: one row per asset at a limit per step where the plan in force fell
    /// short of its cap, steps in time order, assets in the order of the scenario's lists.
    static func bindingCSV(_ strategy: PredictiveStrategy, grid: TimeGrid) -> String {
        var lines = ["timestamp,target_shortfall_planned_kW,asset_class,asset_id,limit"]
        for (step, assets) in strategy.plannedBinding.enumerated() {
            let shortfall = TextFormat.fixed(strategy.plannedShortfallKW[step])
            for asset in assets {
                lines.append("\(grid.time(ofStep: step)),\(shortfall),"
                    + "\(asset.assetClass.rawValue),\(asset.assetID),\(asset.limit.rawValue)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The summary's count of binding assets, and one log line naming them by class and
    /// limit when the plan fell short anywhere.
    static func bindingFields(
        _ strategy: PredictiveStrategy, stepHours: Double, logger: Logger
    ) -> [SummaryField] {
        let shortSteps = strategy.plannedBinding.indices.filter {
            strategy.plannedShortfallKW[$0] > Tolerances.plannedShortfallKW
        }
        var byClassAndLimit: [String: [String]] = [:]
        var keys: [String] = []
        var seen = Set<String>()
        for step in shortSteps {
            for asset in strategy.plannedBinding[step] {
                let key = "\(asset.assetClass.rawValue) at \(asset.limit.rawValue) limit"
                if byClassAndLimit[key] == nil { keys.append(key) }
                if !(byClassAndLimit[key]?.contains(asset.assetID) ?? false) {
                    byClassAndLimit[key, default: []].append(asset.assetID)
                }
                seen.insert(asset.assetID)
            }
        }
        if !shortSteps.isEmpty {
            let energy = shortSteps.reduce(0) { $0 + strategy.plannedShortfallKW[$1] * stepHours }
            let named = keys.map { key in
                let ids = byClassAndLimit[key]!
                let shown = ids.prefix(5).joined(separator: ", ")
                return "\(key): \(ids.count) (\(shown)\(ids.count > 5 ? ", ..." : ""))"
            }
            logger.warning("the plan falls short of its caps in \(shortSteps.count) steps "
                + "(\(TextFormat.fixed(energy, decimals: 2)) kWh); binding assets, "
                + "see binding.csv: " + (named.isEmpty ? "none" : named.joined(separator: "; ")))
        }
        return [SummaryField(key: "target_binding_assets", value: .integer(seen.count), unit: "")]
    }
}

extension ScenarioRun {
    /// Says when batteries end the run below their initial energy: the run's energy cost
    /// does not count the stored energy they used up, so comparisons must be read with
    /// `battery_energy_change_kWh`. Paired batteries are named with their farm.
    static func warnOfDrainedStorage(_ result: SimulationResult, logger: Logger) {
        let drained = result.batteries.compactMap { battery -> (Battery, Double)? in
            let initialKWh = battery.spec.initialSOC * battery.spec.energyCapacityKWh
            let drainedKWh = initialKWh - battery.energyKWh
            return drainedKWh > Tolerances.energyBalanceKWh * max(1, initialKWh)
                ? (battery, drainedKWh) : nil
        }
        guard !drained.isEmpty else { return }
        let totalKWh = drained.reduce(0) { $0 + $1.1 }
        let paired = drained.compactMap { battery, _ in
            battery.spec.pairing.map { "\(battery.spec.id) (farm '\($0.generatorID)')" }
        }
        let reason = paired.isEmpty ? "the strategy left them lower"
            : "paired storage its farm could not refill (calm, or a wrong wind forecast): "
                + paired.joined(separator: ", ")
        let total = TextFormat.fixed(totalKWh, decimals: 1)
        // Counted in devices: an agent may stand for many identical batteries.
        let drainedDevices = drained.reduce(0) { $0 + $1.0.spec.devices }
        let devices = result.batteries.reduce(0) { $0 + $1.spec.devices }
        let agents = devices == result.batteries.count
            ? "" : " (\(drained.count) of \(result.batteries.count) agents)"
        logger.warning("\(result.strategyName): \(drainedDevices) of \(devices) "
            + "batteries\(agents) end \(total) kWh below their initial energy; \(reason). "
            + "energy_cost does not count that energy (battery_energy_change_kWh)")
    }

    /// Says when curtailable loads end the run still owing rebound energy: it would be
    /// drawn after the run, so the run's energy cost does not count it. A plan that sheds
    /// in every step never pays back (the physics pays back only in steps without a shed).
    static func warnOfOwedRebound(_ result: SimulationResult, logger: Logger) {
        let owing = result.curtailableLoads.filter {
            $0.owedReboundKWh > Tolerances.energyBalanceKWh
        }
        guard !owing.isEmpty else { return }
        let totalKWh = owing.reduce(0) { $0 + $1.owedReboundKWh }
        let loads = result.curtailableLoads.count
        let total = TextFormat.fixed(totalKWh, decimals: 1)
        logger.warning("\(result.strategyName): \(total) kWh of rebound is still owed at the "
            + "end by \(owing.count) of \(loads) curtailable load\(loads == 1 ? "" : "s"), to be "
            + "drawn after the run. energy_cost does not count that energy "
            + "(rebound_energy_owed_at_end_kWh)")
    }
}
