import Foundation

/// Seeded dispatch instances: batteries and V2G EVs with varied parameters,
/// a base load with an evening peak, time-of-use prices and a peak charge.
///
/// Parameter ranges are illustrative of residential equipment (home batteries
/// of 5-15 kWh and 2.5-7 kW, EVs of 40-80 kWh with 3.7-11 kW chargers), not
/// taken from a data set.
public enum DispatchGenerator {
    /// Time-of-use prices, $/kWh: night, day, evening peak (illustrative tariff).
    static let tariffDollarsPerKWh = (night: 0.12, day: 0.25, evening: 0.40)
    /// Demand charge, $/kW of the day's peak (illustrative).
    static let peakChargeDollarsPerKW = 15.0
    /// The peak window must stay at or below this share of the base peak (from issue 3).
    static let peakCapShare = 0.95

    public static func make(
        assetCount: Int, seed: UInt64, steps: Int = 96, quadratic: Bool = false,
        identicalAssets: Bool = false
    ) -> DispatchInstance {
        var rng = SeededGenerator(seed: seed)
        let stepHours = 24.0 / Double(steps)
        let hours = (0..<steps).map { (Double($0) + 0.5) * stepHours }
        let perAssetKW = hours.map { h in
            0.6 + 0.3 * exp(-pow((h - 8) / 1.5, 2)) + 1.2 * exp(-pow((h - 19) / 2, 2))
        }
        let baseLoadKW = perAssetKW.map {
            $0 * Double(max(1, assetCount)) * rng.uniform(0.97, 1.03)
        }
        let prices = hours.map { h -> Double in
            if h >= 17 && h < 21 { return tariffDollarsPerKWh.evening }
            return h >= 7 && h < 17 ? tariffDollarsPerKWh.day : tariffDollarsPerKWh.night
        }
        let window = (17 * steps / 24)..<(21 * steps / 24)
        let assets = (0..<assetCount).map { i -> StorageAsset in
            if identicalAssets {
                // Every battery (even i) alike and every EV (odd i) alike.
                var template = SeededGenerator(seed: seed ^ 0xA5A5)
                return makeAsset(i, steps, quadratic, &template, name: "asset\(i)")
            }
            return makeAsset(i, steps, quadratic, &rng, name: "asset\(i)")
        }
        return DispatchInstance(
            assets: assets, stepHours: stepHours, baseLoadKW: baseLoadKW,
            priceDollarsPerKWh: prices, peakChargeDollarsPerKW: peakChargeDollarsPerKW,
            peakWindow: window, peakCapKW: peakCapShare * (baseLoadKW.max() ?? 0))
    }

    private static func makeAsset(
        _ i: Int, _ steps: Int, _ quadratic: Bool, _ rng: inout SeededGenerator, name: String
    ) -> StorageAsset {
        let degradation = quadratic ? rng.uniform(0.001, 0.01) : 0
        let stepHours = 24.0 / Double(steps)
        if i % 2 == 0 {
            let capacity = rng.uniform(5, 15)
            let initial = 0.5 * capacity
            return StorageAsset(
                name: name, kind: .battery, energyCapacityKWh: capacity,
                chargePowerKW: rng.uniform(2.5, 7), dischargePowerKW: rng.uniform(2.5, 7),
                chargeEfficiency: rng.uniform(0.9, 0.97),
                dischargeEfficiency: rng.uniform(0.9, 0.97),
                lossFractionPerStep: rng.uniform(0, 0.0005), initialEnergyKWh: initial,
                availableSteps: 0..<steps, minimumFinalEnergyKWh: initial,
                degradationCostPerKW2: degradation)
        }
        let capacity = rng.uniform(40, 80)
        let power = rng.uniform(3.7, 11)
        let atWork = rng.integer(0, 2) == 0
        let arrival =
            atWork
            ? rng.integer(32 * steps / 96, 40 * steps / 96)
            : rng.integer(68 * steps / 96, 76 * steps / 96)
        let departure = atWork ? rng.integer(64 * steps / 96, 72 * steps / 96) : steps
        let initial = rng.uniform(0.2, 0.5) * capacity
        let efficiency = rng.uniform(0.88, 0.95)
        let reachable = initial + 0.6 * power * efficiency * Double(departure - arrival) * stepHours
        return StorageAsset(
            name: name, kind: .electricVehicle, energyCapacityKWh: capacity,
            chargePowerKW: power, dischargePowerKW: power * rng.uniform(0.5, 1),
            chargeEfficiency: efficiency, dischargeEfficiency: efficiency,
            lossFractionPerStep: 0, initialEnergyKWh: initial,
            availableSteps: arrival..<departure,
            minimumFinalEnergyKWh: min(reachable, 0.9 * capacity),
            degradationCostPerKW2: degradation)
    }
}
