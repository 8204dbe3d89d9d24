import Engine
import InputData

/// `gridConnection`: the most the site may import and export. Without it the connection is
/// unlimited; `0` and `0` is an island.
enum GridConnectionSection {
    static let keys = ["importLimitKW", "exportLimitKW", "source"]

    static func read(_ reader: FieldReader?) throws -> GridConnection {
        guard let reader else { return GridConnection() }
        return GridConnection(
            importLimitKW: try reader.nonNegative("importLimitKW", default: .infinity),
            exportLimitKW: try reader.nonNegative("exportLimitKW", default: .infinity))
    }
}
