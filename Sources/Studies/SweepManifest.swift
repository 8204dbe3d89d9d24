import InputData

/// The summary.json of a sweep folder, written and read back by merge.
struct SweepManifest {
    /// Members that differ between the shards of one sweep.
    static let shardKeys: Set<String> = ["shard", "firstCase", "endCase"]

    var members: [(key: String, value: JSONValue)]

    init(definition: SweepDefinition, shard: SweepShard) {
        let cases = shard.cases(of: definition.caseCount)
        let parameters = definition.parameters.map { parameter -> JSONValue in
            let values = parameter.valueTexts.map { JSONValue.string($0, line: 0) }
            return .object([("path", .string(parameter.path, line: 0)),
                            ("values", .array(values, line: 0))], line: 0)
        }
        let seeds: JSONValue = definition.seeds.map { list in
            .array(list.map { .number(Double($0), line: 0) }, line: 0)
        } ?? .string("scenario", line: 0)
        members = [
            ("study", .string("sweep", line: 0)),
            ("scenario", .string(definition.scenarioPath, line: 0)),
            ("parameters", .array(parameters, line: 0)),
            ("strategies", .array(definition.strategies.map { .string($0, line: 0) }, line: 0)),
            ("seeds", seeds),
            ("cases", .number(Double(definition.caseCount), line: 0)),
            ("shard", .string(shard.text, line: 0)),
            ("firstCase", .number(Double(cases.lowerBound), line: 0)),
            ("endCase", .number(Double(cases.upperBound), line: 0)),
        ]
    }

    init(members: [(key: String, value: JSONValue)]) {
        self.members = members
    }

    var json: String { SweepManifest.render(.object(members, line: 0), indent: "") + "\n" }

    subscript(key: String) -> JSONValue? {
        members.first { $0.key == key }?.value
    }

    /// Members that must be equal in every shard of one sweep.
    var definingMembers: [(key: String, value: JSONValue)] {
        members.filter { !SweepManifest.shardKeys.contains($0.key) }
    }

    /// JSON text of a value; objects one member a line, lists on one line.
    static func render(_ value: JSONValue, indent: String) -> String {
        switch value {
        case let .object(members, _):
            let rendered = members.map { ($0.key, render($0.value, indent: indent + "  ")) }
            return StudyFormat.jsonObject(rendered, indent: indent)
        case let .array(elements, _):
            return StudyFormat.jsonArray(elements.map(renderInline))
        case let .number(number, _): return formatNumber(number)
        case let .string(text, _): return StudyFormat.jsonString(text)
        case let .bool(flag, _): return flag ? "true" : "false"
        case .null: return "null"
        }
    }

    /// JSON text on one line, for the elements of lists.
    static func renderInline(_ value: JSONValue) -> String {
        switch value {
        case let .object(members, _):
            let rendered = members.map {
                StudyFormat.jsonString($0.key) + ": " + renderInline($0.value)
            }
            return "{" + rendered.joined(separator: ", ") + "}"
        case let .array(elements, _): return StudyFormat.jsonArray(elements.map(renderInline))
        default: return render(value, indent: "")
        }
    }
}
