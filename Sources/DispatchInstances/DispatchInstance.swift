import Optimizer

/// A day-ahead dispatch problem: assets, the site's base load, prices and a peak charge.
///
/// The model: per asset, charge c[t] and discharge d[t] (kW) and energy E[t]
/// (kWh, t = 0...T) with `E[t+1] = (1 - loss) E[t] + etaC c[t] dt - d[t] dt / etaD`;
/// one coupling variable `peakKW`; per step a coupling row
/// `sum_i (c_i[t] - d_i[t]) - peakKW <= -base[t]` (net load below the peak) and,
/// inside the peak window, `sum_i (c_i[t] - d_i[t]) <= cap - base[t]`.
/// Objective: energy cost of the net load, peak charge, optional degradation.
///
/// Block variables and rows carry no stored name (a fleet of 100,000 assets has
/// 29 million variables); the model names them by place: in block `asset7`,
/// `asset7_x<2t>` is c[t], `asset7_x<2t+1>` is d[t], `asset7_x<2T+t>` is E[t] and
/// `asset7_r<t>` is the balance of step t.
public struct DispatchInstance: Sendable {
    public var assets: [StorageAsset]
    public var stepHours: Double
    public var baseLoadKW: [Double]
    public var priceDollarsPerKWh: [Double]
    public var peakChargeDollarsPerKW: Double
    /// Steps where the net load must stay below `peakCapKW`.
    public var peakWindow: Range<Int>
    public var peakCapKW: Double

    public var steps: Int { baseLoadKW.count }

    /// Builds the model with one block per asset, named after the asset.
    public func model() -> Model {
        var model = Model(name: "dispatch_\(assets.count)x\(steps)")
        let windowSteps = peakWindow.clamped(to: 0..<steps).count
        model.reserveCapacity(
            variables: assets.count * (3 * steps + 1) + 1, rows: assets.count * steps + steps
                + windowSteps,
            terms: assets.count * (4 * steps) + (2 * assets.count + 1) * steps
                + 2 * assets.count * windowSteps)
        var charge: [[VariableID]] = []
        var discharge: [[VariableID]] = []
        for asset in assets {
            let (c, d) = addBlock(asset, to: &model)
            charge.append(c)
            discharge.append(d)
        }
        let peak = model.addVariable(name: "peak_kw", cost: peakChargeDollarsPerKW)
        for t in 0..<steps {
            var terms: [(VariableID, Double)] = []
            terms.reserveCapacity(2 * assets.count + 1)
            for i in 0..<assets.count {
                terms.append((charge[i][t], 1))
                terms.append((discharge[i][t], -1))
            }
            model.addRow(
                name: "net_below_peak_\(t)", terms: terms + [(peak, -1)], lower: -.infinity,
                upper: -baseLoadKW[t])
            if peakWindow.contains(t) {
                model.addRow(
                    name: "net_below_cap_\(t)", terms: terms, lower: -.infinity,
                    upper: peakCapKW - baseLoadKW[t])
            }
            model.objectiveConstant += priceDollarsPerKWh[t] * baseLoadKW[t] * stepHours
        }
        return model
    }

    private func addBlock(
        _ asset: StorageAsset, to model: inout Model
    ) -> ([VariableID], [VariableID]) {
        let dt = stepHours
        let q = asset.degradationCostPerKW2
        model.beginBlock(name: asset.name)
        var c: [VariableID] = []
        var d: [VariableID] = []
        var e: [VariableID] = []
        for t in 0..<steps {
            let on = asset.availableSteps.contains(t)
            let price = priceDollarsPerKWh[t] * dt
            c.append(
                model.addVariable(
                    upper: on ? asset.chargePowerKW : 0, cost: price, quadraticCost: q))
            d.append(
                model.addVariable(
                    upper: on ? asset.dischargePowerKW : 0, cost: -price, quadraticCost: q))
        }
        for t in 0...steps {
            var low = 0.0
            if t == asset.availableSteps.upperBound { low = asset.minimumFinalEnergyKWh }
            let initial = asset.initialEnergyKWh
            e.append(
                model.addVariable(
                    lower: t == 0 ? initial : low,
                    upper: t == 0 ? initial : asset.energyCapacityKWh))
        }
        for t in 0..<steps {
            model.addRow(
                terms: [
                    (e[t + 1], 1), (e[t], -(1 - asset.lossFractionPerStep)),
                    (c[t], -asset.chargeEfficiency * dt), (d[t], dt / asset.dischargeEfficiency),
                ], lower: 0, upper: 0)
        }
        model.endBlock()
        return (c, d)
    }
}
