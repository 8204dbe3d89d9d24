import Foundation
import VPPCore

/// Progress of a multi-run command on standard error: runs done, the rate and the time
/// left. Shown only when standard error is a terminal and the command was not asked to be
/// quiet, after a quiet period, and redrawn at most twice a second. Safe to call from the
/// worker threads of a parallel study.
public final class StudyProgress: @unchecked Sendable {
    private let label: String
    private let total: Int
    private let enabled: Bool
    private let started = ContinuousClock.now
    private var lastDrawnSeconds = -Double.infinity
    private var done = 0
    private var drew = false
    private let lock = NSLock()

    /// Seconds a study must last before progress appears, so quick studies stay silent.
    static let quietPeriodSeconds = 2.0
    /// Seconds between redraws.
    static let redrawSeconds = 0.5

    public init(label: String, totalRuns: Int, quiet: Bool) {
        self.label = label
        total = totalRuns
        enabled = !quiet && standardErrorIsTerminal
    }

    /// Counts one finished run and redraws when due.
    public func runFinished() {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        guard enabled else { return }
        let elapsed = ResourceUse.seconds(since: started)
        guard elapsed > StudyProgress.quietPeriodSeconds,
              elapsed - lastDrawnSeconds > StudyProgress.redrawSeconds || done == total
        else { return }
        lastDrawnSeconds = elapsed
        drew = true
        writeToStandardError("\r" + StudyProgress.line(label: label, done: done, total: total,
                                                       elapsedSeconds: elapsed) + "   ")
    }

    /// Ends the progress line, if one was drawn.
    public func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drew { writeToStandardError("\n") }
        drew = false
    }

    /// "sweep: 12/40 runs, 1.5 runs/s, 0:19 left".
    static func line(label: String, done: Int, total: Int, elapsedSeconds: Double) -> String {
        let rate = elapsedSeconds > 0 ? Double(done) / elapsedSeconds : 0
        let leftSeconds = rate > 0 ? Double(total - done) / rate : 0
        let left = Int(leftSeconds.rounded())
        let clock = String(format: "%d:%02d", left / 60, left % 60)
        let rateText = rate >= 1 ? String(format: "%.1f runs/s", rate)
            : String(format: "%.1f s/run", rate > 0 ? 1 / rate : 0)
        return "\(label): \(done)/\(total) runs, \(rateText), \(clock) left"
    }
}
