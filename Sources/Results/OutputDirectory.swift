import Foundation

/// Writes a run's files so that an interrupted run never leaves a folder that looks complete:
/// everything goes into a hidden temporary folder beside the target, which is renamed into
/// place only after the last file is written.
public struct OutputDirectory {
    public enum Failure: Error, CustomStringConvertible {
        case notAResultFolder(path: String)
        case foreignFiles(path: String, names: [String])
        case writeFailed(path: String, reason: String)
        case holdsWorkingFolder(path: String)

        public var description: String {
            switch self {
            case let .notAResultFolder(path):
                "\(path) exists and is not a folder vppsim wrote (it has no \(manifestName)); "
                    + "choose another --out folder or remove it"
            case let .foreignFiles(path, names):
                "\(path) holds files vppsim did not write (\(names.joined(separator: ", "))); "
                    + "move them away or choose another --out folder"
            case let .writeFailed(path, reason):
                "cannot write \(path): \(reason)"
            case let .holdsWorkingFolder(path):
                "--out \(path) is the current folder or holds it, and a run replaces its "
                    + "--out folder as a whole; give a subfolder, e.g. --out results/run"
            }
        }
    }

    /// The file readers of result folders look for (every run folder has it).
    public static let marker = "summary.json"
    /// The list of files vppsim wrote into a folder. An existing folder is replaced only when
    /// it is empty or has this list and nothing that is not on it, so a mistyped --out
    /// never deletes a user's own files.
    public static let manifestName = ".vppsim-files"

    public let url: URL

    public init(path: String) {
        url = URL(fileURLWithPath: path).standardizedFileURL
    }

    /// Throws unless the folder may be written: absent, empty, or written by vppsim before.
    /// Commands call this before any work, so a bad --out fails in the first second.
    public func checkReplaceable() throws {
        let manager = FileManager.default
        let working = URL(fileURLWithPath: manager.currentDirectoryPath).standardizedFileURL.path
        // Through a symbolic link too: the link would be replaced, not the folder, but the
        // user asked to replace the folder they are in.
        for spelling in Set([url.path, url.resolvingSymlinksInPath().path]) {
            if working == spelling || working.hasPrefix(spelling == "/" ? "/" : spelling + "/") {
                throw Failure.holdsWorkingFolder(path: url.path)
            }
        }
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            try checkCreatable()
            return
        }
        let contents = (try? manager.contentsOfDirectory(atPath: url.path)) ?? []
        guard isDirectory.boolValue else { throw Failure.notAResultFolder(path: url.path) }
        if contents.isEmpty { return }
        let manifest = url.appendingPathComponent(OutputDirectory.manifestName)
        guard let listed = try? String(contentsOf: manifest, encoding: .utf8) else {
            throw Failure.notAResultFolder(path: url.path)
        }
        let known = Set(listed.split(separator: "\n").map(String.init) + [OutputDirectory.manifestName])
        let foreign = contents.filter {
            !known.contains($0) && !OutputDirectory.isAbandonedStaging($0, in: url)
        }.sorted()
        guard foreign.isEmpty else { throw Failure.foreignFiles(path: url.path, names: foreign) }
    }

    /// The folder does not exist yet: its nearest existing ancestor must be a folder we
    /// may write into, or the run would fail only after all its work.
    private func checkCreatable() throws {
        let manager = FileManager.default
        var ancestor = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        while !manager.fileExists(atPath: ancestor.path, isDirectory: &isDirectory),
            ancestor.path != "/" {
            ancestor = ancestor.deletingLastPathComponent()
        }
        guard isDirectory.boolValue else {
            throw Failure.writeFailed(
                path: url.path, reason: "\(ancestor.path) is a file, not a folder; choose "
                    + "another --out folder")
        }
        guard manager.isWritableFile(atPath: ancestor.path) else {
            throw Failure.writeFailed(
                path: url.path, reason: "\(ancestor.path) is not writable; choose another "
                    + "--out folder")
        }
    }

    /// Writes `files` (name → contents) and moves them into place together.
    public func write(_ files: [(name: String, contents: String)]) throws {
        let manager = FileManager.default
        try checkReplaceable()
        let files = files + [(OutputDirectory.manifestName, files.map(\.name).joined(separator: "\n") + "\n")]
        let parent = url.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())")
        removeAbandonedStaging(in: parent)
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
            do {
                try manager.moveItem(at: staging, to: url)
            } catch {
                if hadPrevious { try? manager.moveItem(at: previous, to: url) }
                throw error
            }
            if hadPrevious { try? manager.removeItem(at: previous) }
        } catch {
            try? manager.removeItem(at: staging)
            throw Failure.writeFailed(path: url.path, reason: error.localizedDescription)
        }
    }

    /// Removes the staging folders of earlier runs into this folder that were killed while
    /// writing (their process is gone): they hold incomplete results nobody will read.
    /// A `.previous-` folder is kept: it may be the only copy of an older result.
    private func removeAbandonedStaging(in parent: URL) {
        let prefix = ".\(url.lastPathComponent).partial-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in names where name.hasPrefix(prefix) {
            var isFolder: ObjCBool = false
            let item = parent.appendingPathComponent(name)
            guard OutputDirectory.isAbandonedStaging(name, in: parent),
                FileManager.default.fileExists(atPath: item.path, isDirectory: &isFolder),
                isFolder.boolValue
            else { continue }
            try? FileManager.default.removeItem(at: item)
        }
    }

    /// Whether `name` in `folder` is what a vppsim process that no longer runs was writing:
    /// `.NAME.partial-PID` (a result folder, or a report page), PID gone. Symbolic links
    /// are not: vppsim never makes one.
    public static func isAbandonedStaging(_ name: String, in folder: URL) -> Bool {
        guard name.hasPrefix("."), let marker = name.range(of: ".partial-", options: .backwards),
            let pid = pid_t(name[marker.upperBound...]), pid > 0, pid != getpid(),
            kill(pid, 0) == -1 && errno == ESRCH
        else { return false }
        let path = folder.appendingPathComponent(name).path
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return attributes?[.type] as? FileAttributeType != .typeSymbolicLink
    }
}
