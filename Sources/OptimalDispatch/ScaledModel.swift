import Optimizer

/// The dispatch model in units of `unitKW` kW (and `unitKW` kWh), so that a city of 40 GW
/// and a home of 5 kW reach the solver with numbers of the same size.
///
/// Every variable (powers, energies, and the cooled zones' temperatures alike) is divided by
/// the unit, with every bound and row bound; coefficients (efficiencies, step hours, decay
/// factors) do not change, so each row still says the same thing. The objective is measured
/// in units of `unitKW` money too, so linear costs stay as they are and quadratic costs are
/// multiplied by the unit; row duals and reduced costs are then the same as unscaled, and
/// only the primal values and the objective scale back. The unit is a power of two, so
/// scaling and unscaling are exact, and sites below about a megawatt keep the unit 1 and the
/// very same model as before. Temperatures of order 20 °C become small numbers in a city's
/// unit; that is a known imbalance, harmless at the district sizes tried (unit 512).
struct ScaledModel {
    private(set) var model: Model
    let unitKW: Double

    /// Largest magnitude, in model units, the dispatch numbers are brought down to.
    static let targetMagnitude = 1024.0

    init(name: String, largestKW: Double) {
        model = Model(name: name)
        var unit = 1.0
        while largestKW.isFinite, largestKW / unit > ScaledModel.targetMagnitude { unit *= 2 }
        unitKW = unit
    }

    var variableCount: Int { model.variableCount }
    /// The variables' bounds in kW or kWh.
    var lower: [Double] { model.lower.map { $0 * unitKW } }
    var upper: [Double] { model.upper.map { $0 * unitKW } }
    var rowCount: Int { model.rowCount }

    mutating func beginBlock(name: String) { model.beginBlock(name: name) }
    mutating func endBlock() { model.endBlock() }

    /// A variable in kW or kWh; `cost` is per kW (kWh), `quadraticCost` per kW².
    @discardableResult
    mutating func addVariable(
        name: String, lower: Double = 0, upper: Double = .infinity,
        cost: Double = 0, quadraticCost: Double = 0
    ) -> VariableID {
        model.addVariable(
            name: name, lower: lower / unitKW, upper: upper / unitKW, cost: cost,
            quadraticCost: quadraticCost * unitKW)
    }

    /// `lower <= Σ coefficient × variable <= upper` with bounds in kW or kWh.
    @discardableResult
    mutating func addRow(
        name: String, terms: [(VariableID, Double)], lower: Double, upper: Double
    ) -> RowID {
        model.addRow(name: name, terms: terms, lower: lower / unitKW, upper: upper / unitKW)
    }

    /// Solves and returns the result in kW, kWh and money: primal values and the objective
    /// times the unit.
    func solve(settings: SolverSettings) throws -> SolveResult {
        ModelExport.export(model, kind: model.name)
        var result = try model.solve(settings: settings)
        guard unitKW != 1 else { return result }
        result.x = result.x.map { $0 * unitKW }
        result.objective *= unitKW
        result.iterates = result.iterates.map { $0.map { $0 * unitKW } }
        return result
    }
}
