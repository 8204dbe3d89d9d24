import InputData

/// One `--set PATH=V1,V2,...` of a sweep: where in the scenario JSON, and the values.
///
/// A path is dot-separated: object keys, list positions from 0, `*` for every element of a
/// list, or an asset id to pick the list element with that `id` (`evFleets.home-ev.count`).
/// Ids that contain a dot cannot be named this way; use the position instead.
public struct SweepParameter: Sendable, Equatable {
    enum Component: Sendable, Equatable {
        case name(String)
        case index(Int)
        case every
    }

    public let path: String
    /// The values as given on the command line, written into the sweep's CSV.
    public let valueTexts: [String]
    let components: [Component]
    let values: [JSONValue]

    /// Parses "PATH=V1,V2"; a value that is not JSON (a bare word) is taken as a string.
    public init(argument: String) throws {
        guard let equals = argument.firstIndex(of: "=") else {
            throw StudyError.badOption(option: "--set", value: argument, allowed: "PATH=V1,V2,... "
                + "(e.g. evFleets.0.count=5,10,20)")
        }
        path = String(argument[..<equals])
        valueTexts = argument[argument.index(after: equals)...]
            .split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard !path.isEmpty, !valueTexts.contains(where: \.isEmpty) else {
            throw StudyError.badOption(option: "--set", value: argument,
                                       allowed: "a path and one or more non-empty values")
        }
        components = path.split(separator: ".", omittingEmptySubsequences: false).map { part in
            if part == "*" { return .every }
            if let index = Int(part), index >= 0 { return .index(index) }
            return .name(String(part))
        }
        values = valueTexts.map { text in
            (try? JSONParser.parse(text)) ?? .string(text, line: 0)
        }
    }

    /// `root` with value number `valueIndex` written at this parameter's path.
    func apply(valueIndex: Int, to root: JSONValue) throws -> JSONValue {
        var fields: [String] = []
        return try set(values[valueIndex], at: components[...], in: root, walked: [], &fields)
    }

    /// The fields of `root` this parameter writes, with list elements by position
    /// (`batteries.0.energyCapacityKWh`); several for a `*`, none for a `*` on an empty list.
    func fields(in root: JSONValue) throws -> [String] {
        var fields: [String] = []
        _ = try set(values[0], at: components[...], in: root, walked: [], &fields)
        return fields
    }

    private func set(
        _ value: JSONValue, at rest: ArraySlice<Component>, in node: JSONValue, walked: [String],
        _ fields: inout [String]
    ) throws -> JSONValue {
        guard let component = rest.first else {
            fields.append(walked.joined(separator: "."))
            return value.placed(atLine: node.line)
        }
        let remaining = rest.dropFirst()
        let here = (walked + [describe(component)]).joined(separator: ".")
        switch (node, component) {
        case let (.object(members, line), .name(key)):
            var edited = members
            if let position = members.firstIndex(where: { $0.key == key }) {
                edited[position].value = try set(value, at: remaining, in: members[position].value,
                                                 walked: walked + [key], &fields)
            } else if remaining.isEmpty {
                fields.append((walked + [key]).joined(separator: "."))
                edited.append((key, value.placed(atLine: line)))
            } else {
                throw fail(here, "no such key; the keys here are: "
                    + members.map(\.key).joined(separator: ", "))
            }
            return .object(edited, line: line)
        case let (.array(elements, line), .index(index)):
            guard elements.indices.contains(index) else {
                throw fail(here, "the list has \(elements.count) elements "
                    + "(positions 0 to \(elements.count - 1))")
            }
            var edited = elements
            edited[index] = try set(
                value, at: remaining, in: elements[index], walked: walked + [String(index)],
                &fields)
            return .array(edited, line: line)
        case let (.array(elements, line), .every):
            return .array(try elements.enumerated().map { position, element in
                try set(
                    value, at: remaining, in: element, walked: walked + [String(position)], &fields)
            }, line: line)
        case let (.array(elements, line), .name(id)):
            guard let index = elements.firstIndex(where: { $0["id"]?.stringValue == id }) else {
                let ids = elements.compactMap { $0["id"]?.stringValue }
                throw fail(here, "no element has the id '\(id)'; "
                    + "the ids are: \(ids.joined(separator: ", "))")
            }
            var edited = elements
            edited[index] = try set(
                value, at: remaining, in: elements[index], walked: walked + [String(index)],
                &fields)
            return .array(edited, line: line)
        default:
            throw fail(here, "the scenario has \(node.typeName) here, which "
                + (node.objectMembers != nil ? "takes a key, not a position" : "has no members"))
        }
    }

    private func describe(_ component: Component) -> String {
        switch component {
        case let .name(name): name
        case let .index(index): String(index)
        case .every: "*"
        }
    }

    private func fail(_ component: String, _ reason: String) -> StudyError {
        StudyError.badSweepPath(path: path, component: component, reason: reason)
    }
}
