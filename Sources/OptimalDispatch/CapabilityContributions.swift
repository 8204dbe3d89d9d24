import Engine

/// Splits a capability plan's reduction by asset class and names what limited each class.
struct CapabilityContributions {
    let classes: [ResponseCapability.ClassContribution]

    init(
        input: SimulationInput, baseline: SimulationResult, plan: DispatchPlan, period: Range<Int>
    ) {
        let steps = Double(period.count)
        func average(
            _ planned: (Setpoints) -> Double, _ reference: (StepRecord) -> Double
        ) -> Double {
            period.reduce(0) { total, t in
                total + reference(baseline.records[t]) - (plan.setpoints(step: t).map(planned) ?? 0)
            } / steps
        }
        var classes: [ResponseCapability.ClassContribution] = []
        if !input.batteries.isEmpty {
            let enrolled = input.participation?.enrolled
            // Each battery's discharge limit over the period; a paired one's is also what its
            // shared connection leaves beside its farm's output.
            let maxKW = input.batteries.indices.reduce(0) { total, index in
                guard enrolled?[.batteries, index] ?? true else { return total }
                let spec = input.batteries[index]
                return total + period.reduce(0) { sum, t in
                    let paired = spec.pairing?.limitsKW(
                        generationKW: input.pairedGenerationKW(battery: index, step: t))
                    return sum + min(spec.maxDischargePowerKW, paired?.discharge ?? .infinity)
                } / steps
            }
            let isPaired = input.batteries.contains { $0.pairing != nil }
            let reduction = average({ $0.batteryKW.reduce(0, +) }, \.batteryKW)
            classes.append(.init(
                assetClass: "battery", reductionKW: reduction,
                limitedBy: reduction >= 0.99 * maxKW
                    ? "power (all batteries at full discharge"
                        + (isPaired ? ", paired storage within its shared connection)" : ")")
                    : "energy (stored energy spread over the period"
                        + (isPaired ? "; paired storage charges only from its farm)" : ")")))
        }
        if !input.evChargers.isEmpty {
            let connected = period.reduce(0) { $0 + baseline.records[$1].evConnectedCount }
                / max(1, period.count)
            let vehicles = input.evChargers.reduce(0) { $0 + $1.spec.devices }
            let v2g = input.evChargers.filter { $0.spec.isV2GCapable }
                .reduce(0) { $0 + $1.spec.devices }
            classes.append(.init(
                assetClass: "ev", reductionKW: average({ $0.evKW.reduce(0, +) }, \.evKW),
                limitedBy: "availability (\(connected) of \(vehicles) "
                    + "vehicles plugged in "
                    + "on average; \(v2g) can discharge) and departure targets"))
        }
        if !input.shiftableLoads.isEmpty {
            classes.append(.init(
                assetClass: "shiftable",
                reductionKW: average({ $0.shiftableKW.reduce(0, +) }, \.shiftableKW),
                limitedBy: "energy scheduled in the period "
                    + "(only runs that would fall in it can move)"))
        }
        if !input.curtailableLoads.isEmpty {
            let shed = average({ -$0.curtailmentShedKW.reduce(0, +) }, { _ in 0 })
            classes.append(.init(
                assetClass: "curtailable", reductionKW: shed,
                limitedBy: "the sheddable share of demand (maxShedFraction)"))
        }
        if !input.thermostaticLoads.isEmpty {
            let reduction = average({ $0.thermostaticKW.reduce(0, +) }, \.thermostaticKW)
            // The reduction is held at every step, so units switched off cap it at the
            // period's lightest baseline cooling.
            let lightestKW = period.map { baseline.records[$0].thermostaticKW }.min() ?? 0
            classes.append(.init(
                assetClass: "thermostatic", reductionKW: reduction,
                limitedBy: reduction >= 0.99 * lightestKW
                    ? "power (air conditioners off at the period's lightest-cooling step)"
                    : "comfort band (cold stored between the band's edges before the period)"))
        }
        self.classes = classes.map { entry in
            Self.noteParticipation(entry, input: input)
        }
    }

    /// Names participation as the limit of a class not wholly enrolled: alone when no asset
    /// of it is enrolled, before the limit of the enrolled ones otherwise.
    static func noteParticipation(
        _ entry: ResponseCapability.ClassContribution, input: SimulationInput
    ) -> ResponseCapability.ClassContribution {
        let classes: [String: AssetClass] = [
            "battery": .batteries, "ev": .evs, "shiftable": .shiftableLoads,
            "curtailable": .curtailableLoads, "thermostatic": .thermostaticLoads,
        ]
        guard let participation = input.participation,
            let assetClass = classes[entry.assetClass] else { return entry }
        let count = AssetClass.counts(in: input)[assetClass] ?? 0
        let enrolled = participation.enrolled.count(assetClass)
        guard enrolled < count else { return entry }
        let note = "participation (\(enrolled) of \(count) enrolled)"
        return .init(
            assetClass: entry.assetClass, reductionKW: entry.reductionKW,
            limitedBy: enrolled == 0 ? note : note + "; then " + entry.limitedBy)
    }
}
