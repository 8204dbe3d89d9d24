import Engine
import Optimizer

/// A solved dispatch: the setpoints for each step of the window, and what the solve said.
struct DispatchPlan {
    let firstStep: Int
    let setpoints: [Setpoints]
    /// Net load above the target cap per step of the window (kW), in target mode.
    let shortfallKW: [Double]
    /// Per step of the window, the assets at a limit where the plan falls short of a cap.
    let bindingAssets: [[BindingAsset]]
    let status: SolveStatus
    let solveSeconds: Double
    let iterations: Int

    init(model: DispatchModel, result: SolveResult) {
        firstStep = model.window.steps.lowerBound
        status = result.status
        solveSeconds = result.solveTimeSeconds
        iterations = result.iterations
        let x = result.x
        func power(_ terms: [(VariableID, Double)]) -> Double {
            terms.reduce(0) { $0 + x[$1.0.index] * $1.1 }
        }
        setpoints = (0..<model.window.count).map { k in
            Setpoints(
                batteryKW: model.batteryPower.map { power($0[k]) },
                evKW: model.chargerPower.map { power($0[k]) },
                shiftableKW: model.shiftablePower.map { power($0[k]) },
                curtailmentShedKW: model.curtailmentShed.map { $0[k].map { x[$0.index] } ?? 0 },
                thermostaticKW: model.thermostaticPower.map { power($0[k]) })
        }
        shortfallKW = model.shortfall.map { $0.map { max(0, x[$0.index]) } ?? 0 }
        bindingAssets = result.status.hasSolution
            ? DispatchPlan.bindingAssets(model: model, x: x)
            : Array(repeating: [], count: model.window.count)
    }

    func setpoints(step: Int) -> Setpoints? {
        let k = step - firstStep
        return setpoints.indices.contains(k) ? setpoints[k] : nil
    }
}

/// A record of one solve, for the run's solver log.
public struct SolveRecord: Sendable, Equatable {
    public let step: Int
    public let windowSteps: Int
    public let status: String
    public let iterations: Int
    public let seconds: Double
    public let variables: Int
    public let rows: Int
}
