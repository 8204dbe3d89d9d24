import Engine
import Optimizer
import VPPCore

/// What stopped an asset from doing more for a cap its plan could not hold.
public enum BindingLimit: String, Sendable, CaseIterable {
    /// At its power limit in the step: full discharge or no charge (a ceiling), full charge
    /// (a floor), all it may shed, its appliance off or at full power.
    case power
    /// Below its power limit, held back by energy over time: stored energy, a departure
    /// target, an appliance's deadline or rebound still owed.
    case energy
    /// Not the plan's to move in the step: not enrolled, or sitting out the event.
    case participation
}

/// An asset at a limit in a step where the plan falls short of its cap.
public struct BindingAsset: Sendable, Equatable {
    public let assetClass: AssetClass
    public let assetID: String
    public let limit: BindingLimit

    public init(assetClass: AssetClass, assetID: String, limit: BindingLimit) {
        self.assetClass = assetClass
        self.assetID = assetID
        self.limit = limit
    }
}

extension DispatchPlan {
    /// Per window step, the assets at a limit when the plan falls short of the step's cap
    /// (empty when it does not). An asset with no variable in the step (a vehicle away, an
    /// appliance without a job) is not available and is not named.
    static func bindingAssets(model: DispatchModel, x: [Double]) -> [[BindingAsset]] {
        let window = model.window
        let input = window.input
        let lower = model.model.lower
        let upper = model.model.upper
        let classes: [(AssetClass, [[[(VariableID, Double)]]], [String])] = [
            (.batteries, model.batteryPower, input.batteries.map(\.id)),
            (.evs, model.chargerPower, input.evChargers.map(\.spec.id)),
            (.shiftableLoads, model.shiftablePower, input.shiftableLoads.map(\.id)),
            (.curtailableLoads, model.curtailmentPower, input.curtailableLoads.map(\.id)),
            (.thermostaticLoads, model.thermostaticPower, input.thermostaticLoads.map(\.id)),
        ]
        return window.steps.enumerated().map { k, t in
            guard let shortfall = model.shortfall[k],
                x[shortfall.index] > Tolerances.plannedShortfallKW else { return [] }
            // A cap above the planned net load is a floor (valley filling); else a ceiling.
            let net = x[model.netLoad[k].index]
            let wantsLess = model.ceilingKW[k].map { net > $0 } ?? false
            var binding: [BindingAsset] = []
            for (assetClass, powers, ids) in classes {
                for (index, steps) in powers.enumerated() where !steps[k].isEmpty {
                    let terms = steps[k]
                    var limit = BindingLimit.energy
                    if !window.controls(assetClass, index, step: t) {
                        limit = .participation
                    } else {
                        let power = terms.reduce(0) { $0 + x[$1.0.index] * $1.1 }
                        let least = terms.reduce(0) {
                            $0 + $1.1 * ($1.1 > 0 ? lower[$1.0.index] : upper[$1.0.index])
                        }
                        let most = terms.reduce(0) {
                            $0 + $1.1 * ($1.1 > 0 ? upper[$1.0.index] : lower[$1.0.index])
                        }
                        let room = wantsLess ? power - least : most - power
                        if room <= Tolerances.bindingLimitKW { limit = .power }
                    }
                    binding.append(
                        BindingAsset(assetClass: assetClass, assetID: ids[index], limit: limit))
                }
            }
            return binding
        }
    }
}
