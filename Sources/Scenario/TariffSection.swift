import InputData
import VPPCore

struct Tariff {
    var importPricePerKWh: [Double]
    var exportPricePerKWh: [Double]
    var currency: String
}

enum TariffSection {
    static let keys = ["importPrice", "exportPricePerKWh", "currency", "source"]
    static let importKeys = ["constantPerKWh", "series", "touSchedule", "source"]

    static func read(_ reader: FieldReader, grid: TimeGrid, files: DataFiles) throws -> Tariff {
        let price = try reader.object("importPrice", allowed: importKeys)
        let given = ["constantPerKWh", "series", "touSchedule"].filter(price.has)
        guard given.count == 1 else {
            throw ScenarioError.inconsistent(
                file: reader.file, field: price.path, line: price.line,
                detail: "give exactly one of constantPerKWh, series, touSchedule (given: "
                    + (given.isEmpty ? "none" : given.joined(separator: ", ")) + ")")
        }
        let importPrices: [Double]
        switch given[0] {
        case "constantPerKWh":
            importPrices = Array(
                repeating: try price.nonNegative("constantPerKWh"), count: grid.stepCount)
        case "series":
            importPrices = try files.profile(
                price.object("series", allowed: DataFiles.profileKeys), grid: grid)
        default:
            let path = try price.string("touSchedule")
            importPrices = try files.reading(field: price.fieldPath("touSchedule")) {
                try TOUTariff(contentsOf: files.url(path), displayName: path).prices(
                    on: grid, file: path)
            }
        }
        if let negative = importPrices.firstIndex(where: { $0 < 0 }) {
            throw reader.inconsistency(
                "importPrice", "the price at \(grid.time(ofStep: negative)) is "
                    + "\(importPrices[negative]); import prices must not be negative")
        }
        let export = try reader.nonNegative("exportPricePerKWh", default: 0)
        return Tariff(
            importPricePerKWh: importPrices,
            exportPricePerKWh: Array(repeating: export, count: grid.stepCount),
            currency: try reader.string("currency", default: "USD"))
    }
}
