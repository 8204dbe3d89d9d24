import VPPCore

/// Where a fleet's charging sessions come from: one draw per vehicle per day.
public protocol SessionDistribution: Sendable {
    /// A session arriving on the day starting at `dayStart`, or nil for no session.
    func sample(dayStart: CivilTime, random: inout SeededRandom) -> SampledSession?
}

/// A normal distribution cut to [minimum, maximum]: the parametric description of arrival
/// hour, connection time or energy need when no measured statistics fit the place studied.
public struct TruncatedNormal: Sendable, Equatable {
    public var mean: Double
    public var standardDeviation: Double
    public var minimum: Double
    public var maximum: Double

    public init(mean: Double, standardDeviation: Double, minimum: Double, maximum: Double) {
        precondition(minimum <= mean && mean <= maximum && standardDeviation >= 0,
                     "TruncatedNormal needs minimum <= mean <= maximum and sd >= 0")
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.minimum = minimum
        self.maximum = maximum
    }

    /// Draws until a value falls inside the bounds (at most 16 tries, then the nearer
    /// bound), so the cut-off tails are redistributed rather than piled on the bounds.
    public func sample(_ random: inout SeededRandom) -> Double {
        var value = mean
        for _ in 0..<16 {
            value = mean + standardDeviation * random.nextGaussian()
            if value >= minimum && value <= maximum { return value }
        }
        return min(max(value, minimum), maximum)
    }
}

/// Sessions from three independent truncated normals: arrival hour of the day (it may pass
/// 24, arriving after midnight), hours connected, and energy wanted. A session is drawn
/// every day; the fleet's `dailySessionProbability` thins them.
public struct ParametricSessions: SessionDistribution {
    public var arrivalHour: TruncatedNormal
    public var connectedHours: TruncatedNormal
    public var energyKWh: TruncatedNormal

    public init(
        arrivalHour: TruncatedNormal, connectedHours: TruncatedNormal, energyKWh: TruncatedNormal
    ) {
        self.arrivalHour = arrivalHour
        self.connectedHours = connectedHours
        self.energyKWh = energyKWh
    }

    public func sample(dayStart: CivilTime, random: inout SeededRandom) -> SampledSession? {
        let arrivalMinutes = Int((arrivalHour.sample(&random) * 60).rounded(.down))
        return SampledSession(
            arrival: dayStart.adding(minutes: arrivalMinutes),
            connectionHours: connectedHours.sample(&random),
            energyKWh: energyKWh.sample(&random))
    }
}
