import Foundation
import VPPCore

/// Progress of long runs on standard error: shown only when it is a terminal and the run
/// has lasted more than two seconds, redrawn at most twice a second.
final class ProgressReporter {
    var label = ""
    private let started = Date()
    private var lastDrawn = Date.distantPast
    private var drew = false
    private let enabled = standardErrorIsTerminal

    /// Seconds a run must last before progress appears.
    static let quietPeriodSeconds = 2.0

    func update(done: Int, total: Int) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(started) > ProgressReporter.quietPeriodSeconds,
              now.timeIntervalSince(lastDrawn) > 0.5 || done == total
        else { return }
        lastDrawn = now
        drew = true
        let percent = 100 * Double(done) / Double(max(total, 1))
        writeToStandardError("\r\(label): step \(done)/\(total) (\(Int(percent))%)   ")
    }

    func finish() {
        if drew { writeToStandardError("\n") }
    }
}
