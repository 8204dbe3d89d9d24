import Assets
import Engine
import Optimizer

/// Dispatch over a window as a linear (or, with smoothing, separable quadratic) program in
/// the block-angular form the optimiser's structured path exploits: one block per asset,
/// banded in time, coupled only through the per-step site balance.
///
/// Coupling variables per step t: net_t (free), import_t ≥ 0, and, in target mode,
/// shortfall_t ≥ 0; one peak variable P. Coupling rows per step:
///   net_t − Σ asset power_t = uncontrollable load_t          (site balance)
///   import_t − net_t ≥ 0                                    (import is the positive part)
///   P − net_t ≥ 0                                           (peak, when it is priced)
///   net_t − shortfall_t ≤ cap                               (target mode, in the window)
struct DispatchModel {
    var model: ScaledModel
    let window: PlanningWindow
    let objective: DispatchObjective
    /// Per asset and window step, the variables whose sum is the asset's AC power (kW).
    var batteryPower: [[[(VariableID, Double)]]] = []
    var chargerPower: [[[(VariableID, Double)]]] = []
    var shiftablePower: [[[(VariableID, Double)]]] = []
    var curtailmentShed: [[VariableID?]] = []
    var thermostaticPower: [[[(VariableID, Double)]]] = []
    var shortfall: [VariableID?] = []
    /// The cap on net load at each window step, when there is one (kW).
    var ceilingKW: [Double?] = []
    var netLoad: [VariableID] = []

    /// Capability mode: the reduction R held below `baselineKW` over `steps`.
    struct CapabilityRequest {
        var steps: Range<Int>
        var baselineKW: [Double]
        var weightPerKW: Double
    }

    var capability: VariableID?

    init(
        window: PlanningWindow, objective: DispatchObjective,
        capability request: CapabilityRequest? = nil
    ) {
        self.window = window
        self.objective = objective
        model = ScaledModel(
            name: request == nil ? "dispatch" : "capability",
            largestKW: DispatchModel.largestFigureKW(window))
        let input = window.input
        for index in input.batteries.indices { addBattery(index) }
        for index in input.evChargers.indices { addCharger(index) }
        for index in input.shiftableLoads.indices { addShiftable(index) }
        for index in input.curtailableLoads.indices { addCurtailable(index) }
        for index in input.thermostaticLoads.indices { addThermostatic(index) }
        addSiteBalance()
        if let request { addCapability(request) }
    }

    /// The site's size: its largest load (kW) or its total storage (kWh), whichever is
    /// larger. It sets the model's unit and the smoothing weight, and is the same for K
    /// separate devices and one agent standing for them.
    static func largestFigureKW(_ window: PlanningWindow) -> Double {
        let input = window.input
        let load = window.steps.map { abs(window.uncontrollableLoadKW($0)) }.max() ?? 0
        let battery = input.batteries.reduce(0) { $0 + $1.energyCapacityKWh }
        let vehicle = input.evChargers.reduce(0) { $0 + $1.spec.batteryCapacityKWh }
        return max(load, battery, vehicle)
    }

    /// Maximises R subject to net_t + R ≤ baseline_t for every t of the request's steps.
    private mutating func addCapability(_ request: CapabilityRequest) {
        let reduction = model.addVariable(
            name: "capability", lower: -.infinity, cost: -request.weightPerKW)
        for t in request.steps where window.steps.contains(t) {
            let net = netLoad[t - window.steps.lowerBound]
            model.addRow(name: "hold[\(t)]", terms: [(net, 1), (reduction, 1)], lower: -.infinity,
                         upper: request.baselineKW[t])
        }
        capability = reduction
    }

    /// The terms of asset power at window step k, for the site balance.
    private func assetTerms(step k: Int) -> [(VariableID, Double)] {
        var terms: [(VariableID, Double)] = []
        for asset in batteryPower { terms += asset[k] }
        for asset in chargerPower { terms += asset[k] }
        for asset in shiftablePower { terms += asset[k] }
        for asset in curtailmentPower { terms += asset[k] }
        for asset in thermostaticPower { terms += asset[k] }
        return terms
    }

    var curtailmentPower: [[[(VariableID, Double)]]] = []

    private mutating func addSiteBalance() {
        let hours = window.stepHours
        let input = window.input
        let smoothing = objective.smoothingPerKW2 * DispatchObjective.smoothingReferenceKW
            / max(DispatchModel.largestFigureKW(window), .leastNormalMagnitude)
        let peak = objective.peakChargePerKW > 0
            ? model.addVariable(name: "peak", lower: -.infinity, cost: objective.peakChargePerKW)
            : nil
        for (k, t) in window.steps.enumerated() {
            let importPrice = input.importPricePerKWh[t]
            let exportPrice = min(input.exportPricePerKWh[t], importPrice)
            let connection = input.gridConnection
            let net = model.addVariable(
                name: "net[\(t)]", lower: -connection.exportLimitKW,
                upper: connection.importLimitKW, cost: exportPrice * hours)
            let imports = model.addVariable(
                name: "import[\(t)]", cost: (importPrice - exportPrice) * hours,
                quadraticCost: 2 * smoothing * hours)
            netLoad.append(net)
            var balance = [(net, 1.0)] + assetTerms(step: k).map { ($0.0, -$0.1) }
            if connection.isLimited {
                // What the connection cannot carry: demand left unserved, generation spilled.
                let unserved = model.addVariable(
                    name: "unserved[\(t)]",
                    cost: DispatchObjective.unservedPenaltyPerKWh * hours)
                let spilled = model.addVariable(name: "spilled[\(t)]")
                balance += [(unserved, 1), (spilled, -1)]
            }
            let load = window.uncontrollableLoadKW(t)
            model.addRow(name: "balance[\(t)]", terms: balance, lower: load, upper: load)
            model.addRow(
                name: "import[\(t)]", terms: [(imports, 1), (net, -1)], lower: 0, upper: .infinity)
            if let peak {
                model.addRow(
                    name: "peak[\(t)]", terms: [(peak, 1), (net, -1)], lower: 0, upper: .infinity)
            }
            shortfall.append(addTargetRow(net: net, step: t))
        }
    }

    /// Caps on net load at step t: the peak target inside the peak window and the bounds of
    /// the demand-response events the plan knows of. Net load beyond a cap is shortfall,
    /// penalised per kWh, so a plan exists even when the fleet cannot hold the cap.
    private mutating func addTargetRow(net: VariableID, step t: Int) -> VariableID? {
        let input = window.input
        var ceiling = input.eventCeilingKW(step: t, knownAt: window.eventsKnownAt)
        if let target = objective.peakTarget, input.isInPeakWindow(step: t) {
            ceiling = min(ceiling ?? .infinity, target.capKW)
        }
        let floor = input.eventFloorKW(step: t, knownAt: window.eventsKnownAt)
        ceilingKW.append(ceiling)
        guard ceiling != nil || floor != nil else { return nil }
        let penalty = objective.peakTarget?.shortfallPenaltyPerKWh ?? PeakTarget().shortfallPenaltyPerKWh
        let short = model.addVariable(name: "shortfall[\(t)]", cost: penalty * window.stepHours)
        if let ceiling {
            model.addRow(
                name: "ceiling[\(t)]", terms: [(net, 1), (short, -1)], lower: -.infinity,
                upper: ceiling)
        }
        if let floor {
            model.addRow(
                name: "floor[\(t)]", terms: [(net, 1), (short, 1)], lower: floor, upper: .infinity)
        }
        return short
    }
}
