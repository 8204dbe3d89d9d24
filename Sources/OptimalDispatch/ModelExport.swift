import Foundation
import Optimizer
import VPPCore

/// Writes every dispatch and capability model to a folder as MPS before it is solved, so a
/// run's problems can be handed to another solver (`vppsim run --write-mps DIR`). Files are
/// numbered in solve order: `0001-dispatch.mps`, `0002-dispatch.mps`, ...
public enum ModelExport {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var folder: URL?
    nonisolated(unsafe) private static var written = 0

    /// Starts writing models to `path` (created if missing); nil stops.
    public static func write(to path: String?) throws {
        lock.lock()
        defer { lock.unlock() }
        folder = nil
        written = 0
        guard let path else { return }
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        folder = url
    }

    /// Writes `model` when exporting is on; a failed write is logged, not fatal.
    static func export(_ model: Model, kind: String) {
        lock.lock()
        defer { lock.unlock() }
        guard let folder else { return }
        written += 1
        let number = String(written)
        let name = String(repeating: "0", count: max(0, 4 - number.count)) + number
        let path = folder.appendingPathComponent("\(name)-\(kind).mps").path
        do {
            try model.writeMPS(to: path)
        } catch {
            Logger(subsystem: "optimiser").warning("could not write \(path): \(error)")
        }
    }
}
