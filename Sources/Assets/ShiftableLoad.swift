/// One run of a shiftable appliance: `energyKWh` to be consumed, at up to `maxPowerKW`,
/// within steps `releaseStep ..< deadlineStep`. Left alone it starts at `preferredStartStep`
/// and runs at full power until done.
public struct ShiftableJob: Sendable, Equatable {
    public var releaseStep: Int
    public var deadlineStep: Int
    public var preferredStartStep: Int
    public var energyKWh: Double
    public var maxPowerKW: Double

    public init(
        releaseStep: Int, deadlineStep: Int, preferredStartStep: Int, energyKWh: Double,
        maxPowerKW: Double
    ) {
        self.releaseStep = releaseStep
        self.deadlineStep = deadlineStep
        self.preferredStartStep = preferredStartStep
        self.energyKWh = energyKWh
        self.maxPowerKW = maxPowerKW
    }

    /// The power the job draws at `step` when it runs at its preferred time.
    public func preferredPowerKW(step: Int, stepHours: Double) -> Double {
        guard step >= preferredStartStep, step < deadlineStep else { return 0 }
        let doneBefore = Double(step - preferredStartStep) * maxPowerKW * stepHours
        let left = max(0, energyKWh - doneBefore)
        return min(maxPowerKW, left / stepHours)
    }
}

/// What a shiftable load did over one step.
public struct ShiftableStepOutcome: Sendable, Equatable {
    public var powerKW: Double
    /// The power it would have drawn at its preferred time.
    public var preferredPowerKW: Double
}

/// A shiftable appliance with its jobs (sorted by release, windows not overlapping).
///
/// The physics enforces completion: when the energy left can no longer be finished at full
/// power in the steps left before the deadline, the minimum of the feasible range rises so
/// the job is done on time. Jobs whose windows run past the horizon may end unfinished;
/// their remaining energy is reported.
public struct ShiftableLoad: Sendable {
    public let id: String
    public let jobs: [ShiftableJob]
    private var jobIndex = 0
    /// Energy still to be consumed by the current job.
    public private(set) var remainingKWh: Double
    /// Energy of jobs whose deadline passed unfinished (only possible at the horizon's end).
    public private(set) var unfinishedKWh: Double = 0

    public init(id: String, jobs: [ShiftableJob]) {
        self.id = id
        self.jobs = jobs
        remainingKWh = jobs.first?.energyKWh ?? 0
    }

    /// The job whose window contains `step`, if any.
    public func activeJob(step: Int) -> ShiftableJob? {
        guard jobIndex < jobs.count else { return nil }
        let job = jobs[jobIndex]
        return (job.releaseStep..<job.deadlineStep).contains(step) ? job : nil
    }

    /// Moves on to the job that applies at `step`; call once per step before deciding.
    public mutating func updateJob(step: Int) {
        while jobIndex < jobs.count, jobs[jobIndex].deadlineStep <= step {
            unfinishedKWh += remainingKWh
            jobIndex += 1
            remainingKWh = jobIndex < jobs.count ? jobs[jobIndex].energyKWh : 0
        }
    }

    public func feasiblePowerRange(step: Int, stepHours: Double) -> ClosedRange<Double> {
        guard let job = activeJob(step: step) else { return 0...0 }
        let upper = min(job.maxPowerKW, remainingKWh / stepHours)
        let laterSteps = Double(job.deadlineStep - step - 1)
        let mustRunKWh = remainingKWh - job.maxPowerKW * stepHours * laterSteps
        let lower = min(upper, max(0, mustRunKWh / stepHours))
        return lower...upper
    }

    public mutating func advance(
        setpointKW: Double, step: Int, stepHours: Double
    ) -> ShiftableStepOutcome {
        let preferred = activeJob(step: step)?.preferredPowerKW(
            step: step, stepHours: stepHours) ?? 0
        let power = feasiblePowerRange(step: step, stepHours: stepHours).clamp(setpointKW)
        remainingKWh = max(0, remainingKWh - power * stepHours)
        return ShiftableStepOutcome(powerKW: power, preferredPowerKW: preferred)
    }
}
