import Engine
import Foundation
import VPPCore

/// How a predictive strategy sees a series it has not observed yet.
public enum ForecastMethod: Sendable, Equatable {
    /// The actual series.
    case perfect
    /// The value at the same time the day before (the actual value for the first day).
    case persistence
    /// The actual value times (1 + e), e drawn from a normal distribution with this standard
    /// deviation as a fraction (0.1 = 10 %), independently per step, seeded.
    case noisy(relativeError: Double)
}

/// Forecasts of the series a dispatch plan depends on: base load, PV and wind. The tariff
/// is known in advance, so prices are always taken as they are.
public struct ForecastSettings: Sendable, Equatable {
    public var baseLoad: ForecastMethod
    public var pv: ForecastMethod
    public var wind: ForecastMethod

    public init(
        baseLoad: ForecastMethod = .perfect, pv: ForecastMethod = .perfect,
        wind: ForecastMethod = .perfect
    ) {
        self.baseLoad = baseLoad
        self.pv = pv
        self.wind = wind
    }
}

/// Forecast series made once per run, one value per step of the horizon.
///
/// A forecast for step t made at step t0 < t is the same whatever t0 is: the error is drawn
/// per target step, not per issue time. That keeps runs reproducible and is a simplification
/// (real forecasts improve as the time approaches); it is stated in docs/strategies.md.
struct ForecastSeries {
    let baseLoadKW: [Double]
    let pvKW: [Double]
    /// Each wind farm's output (a paired battery's limits follow its own farm's forecast)
    /// and their sum. A noisy farm forecast never exceeds what the farm can deliver.
    let windFarmKW: [[Double]]
    let windKW: [Double]

    init(input: SimulationInput, settings: ForecastSettings) {
        baseLoadKW = Self.make(
            input.baseLoadKW, settings.baseLoad, input: input, label: "forecast:base")
        pvKW = Self.make(input.pvKW, settings.pv, input: input, label: "forecast:pv")
        windFarmKW = input.windFarms.map { farm in
            Self.make(farm.outputKW, settings.wind, input: input, label: "forecast:wind:"
                + farm.spec.id).map { min($0, farm.spec.maximumOutputKW) }
        }
        var total = Array(repeating: 0.0, count: input.grid.stepCount)
        for farm in windFarmKW { for step in total.indices { total[step] += farm[step] } }
        windKW = total
    }

    private static func make(
        _ actual: [Double], _ method: ForecastMethod, input: SimulationInput, label: String
    ) -> [Double] {
        switch method {
        case .perfect:
            return actual
        case .persistence:
            let day = Int(input.grid.stepsPerDay.rounded())
            return actual.indices.map { $0 >= day ? actual[$0 - day] : actual[$0] }
        case let .noisy(relativeError):
            var random = SeededRandom.stream(seed: input.seed, label: label)
            return actual.map { max(0, $0 * (1 + relativeError * random.nextStandardNormal())) }
        }
    }
}

extension SeededRandom {
    /// A standard normal draw (Box–Muller, using two uniform draws).
    mutating func nextStandardNormal() -> Double {
        let u1 = max(nextUnit(), Double.leastNormalMagnitude)
        let u2 = nextUnit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}
