import Foundation
import InputData

/// `vppsim merge`: joins the folders of a sweep's shards into the folder the unsharded
/// sweep would have written, byte for byte.
public struct SweepMerge: Sendable {
    public let csv: String
    public let manifest: String

    /// One shard folder, read.
    struct ShardFolder {
        let folder: String
        let shard: SweepShard
        let manifest: SweepManifest
        let csv: String
    }

    /// Reads every shard folder, checks that they are the shards 1...N of one sweep, each
    /// once, and joins their rows in shard order.
    public init(shardFolders: [String]) throws {
        let shards = try shardFolders.map(SweepMerge.read)
        guard let first = shards.first else {
            throw StudyError.badOption(option: "merge", value: "(nothing)",
                                       allowed: "one or more shard folders")
        }
        for other in shards.dropFirst() { try SweepMerge.check(other, against: first) }
        let count = first.shard.count
        let indices = shards.map(\.shard.index)
        if let twice = indices.first(where: { index in indices.filter { $0 == index }.count > 1 }) {
            throw StudyError.badOption(
                option: "merge", value: "shard \(twice)/\(count) given twice",
                allowed: "each shard folder once")
        }
        let missing = (1...count).filter { !indices.contains($0) }
        guard missing.isEmpty else {
            throw StudyError.missingShards(missing: missing, count: count)
        }

        var text = ""
        let ordered = shards.sorted { $0.shard.index < $1.shard.index }
        for (position, entry) in ordered.enumerated() {
            let lines = entry.csv.split(separator: "\n", omittingEmptySubsequences: false)
            if position == 0 { text += lines[0] + "\n" }
            text += lines.dropFirst().filter { !$0.isEmpty }.map { $0 + "\n" }.joined()
        }
        csv = text

        var merged = first.manifest
        let cases = merged["cases"]?.numberValue ?? 0
        for (position, member) in merged.members.enumerated() {
            switch member.key {
            case "shard": merged.members[position].value = .string(SweepShard.whole.text, line: 0)
            case "firstCase": merged.members[position].value = .number(0, line: 0)
            case "endCase": merged.members[position].value = .number(cases, line: 0)
            default: break
            }
        }
        manifest = merged.json
    }

    /// Shards of one sweep agree on everything in summary.json but the shard itself.
    static func check(_ other: ShardFolder, against first: ShardFolder) throws {
        let file = "\(other.folder)/summary.json"
        let mine = other.manifest.definingMembers
        let theirs = first.manifest.definingMembers
        for index in 0..<max(mine.count, theirs.count) {
            let given = index < mine.count ? mine[index] : nil
            let expected = index < theirs.count ? theirs[index] : nil
            guard given?.key != expected?.key || given?.value != expected?.value else { continue }
            throw StudyError.shardMismatch(
                file: file, field: given?.key ?? expected?.key ?? "?",
                value: given.map { SweepManifest.renderInline($0.value) } ?? "missing",
                expected: expected.map { SweepManifest.renderInline($0.value) } ?? "nothing")
        }
        if other.shard.count != first.shard.count {
            throw StudyError.shardMismatch(file: file, field: "shard", value: other.shard.text,
                                           expected: "a shard of \(first.shard.count)")
        }
    }

    static func read(folder: String) throws -> ShardFolder {
        let file = "\(folder)/summary.json"
        guard let text = try? String(contentsOf: URL(fileURLWithPath: file), encoding: .utf8) else {
            throw StudyError.notARunFolder(
                path: folder,
                reason: "it has no summary.json; give folders written by "
                    + "'vppsim sweep --shard I/N'")
        }
        guard let root = try? JSONParser.parse(text), let members = root.objectMembers,
              root["study"]?.stringValue == "sweep"
        else {
            throw StudyError.badSummary(file: file, field: "study", value: "not \"sweep\"",
                                        allowed: "the summary.json of a 'vppsim sweep' folder")
        }
        guard let shardText = root["shard"]?.stringValue,
              let shard = try? SweepShard(text: shardText)
        else {
            throw StudyError.badSummary(
                file: file, field: "shard", value: root["shard"]?.shortText ?? "missing",
                allowed: "\"I/N\"")
        }
        let csvPath = "\(folder)/sweep.csv"
        let csvURL = URL(fileURLWithPath: csvPath)
        guard let csv = try? String(contentsOf: csvURL, encoding: .utf8) else {
            throw StudyError.notARunFolder(path: folder, reason: "it has no readable sweep.csv")
        }
        return ShardFolder(folder: folder, shard: shard, manifest: SweepManifest(members: members),
                           csv: csv)
    }
}
