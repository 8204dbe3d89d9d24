import Foundation

/// Writes a run's files so that an interrupted run never leaves a folder that looks complete:
/// everything goes into a hidden temporary folder beside the target, which is renamed into
/// place only after the last file is written.
public struct OutputDirectory {
    public enum Failure: Error, CustomStringConvertible {
        case notAResultFolder(path: String)
        case writeFailed(path: String, reason: String)

        public var description: String {
            switch self {
            case let .notAResultFolder(path):
                "\(path) exists and is not a vppsim result folder (no summary.json); "
                    + "choose another --out folder or remove it"
            case let .writeFailed(path, reason):
                "cannot write \(path): \(reason)"
            }
        }
    }

    /// Marker file every complete result folder has; an existing folder is replaced only if
    /// it has one (or is empty), so a mistyped --out never deletes a user's own folder.
    public static let marker = "summary.json"

    public let url: URL

    public init(path: String) {
        url = URL(fileURLWithPath: path).standardizedFileURL
    }

    /// Writes `files` (name → contents) and moves them into place together.
    public func write(_ files: [(name: String, contents: String)]) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            let contents = (try? manager.contentsOfDirectory(atPath: url.path)) ?? []
            guard isDirectory.boolValue,
                contents.isEmpty || contents.contains(OutputDirectory.marker) else {
                throw Failure.notAResultFolder(path: url.path)
            }
        }
        let parent = url.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())")
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try? manager.removeItem(at: staging)
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            for file in files {
                try Data(file.contents.utf8).write(to: staging.appendingPathComponent(file.name))
            }
            // The old result is moved aside, not deleted, until the new one is in place.
            let previous = parent.appendingPathComponent(
                ".\(url.lastPathComponent).previous-\(getpid())")
            let hadPrevious = manager.fileExists(atPath: url.path)
            if hadPrevious { try manager.moveItem(at: url, to: previous) }
            try manager.moveItem(at: staging, to: url)
            if hadPrevious { try? manager.removeItem(at: previous) }
        } catch {
            try? manager.removeItem(at: staging)
            throw Failure.writeFailed(path: url.path, reason: error.localizedDescription)
        }
    }
}
