import Foundation
import InputData
import VPPCore

/// Opens the data files a scenario names, relative to the scenario file's folder, each once.
final class DataFiles {
    let scenarioFile: String
    let directory: URL
    private var tables: [String: CSVTable] = [:]

    init(scenarioURL: URL, scenarioFile: String) {
        self.scenarioFile = scenarioFile
        directory = scenarioURL.deletingLastPathComponent()
    }

    func url(_ relativePath: String) -> URL {
        relativePath.hasPrefix("/") ? URL(fileURLWithPath: relativePath)
            : directory.appendingPathComponent(relativePath)
    }

    /// Runs `body`, reporting any data-file problem against the scenario field that named it.
    func reading<T>(field: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let problem as InputDataError {
            throw ScenarioError.dataFile(file: scenarioFile, field: field, problem: problem)
        }
    }

    func table(_ relativePath: String, field: String) throws -> CSVTable {
        if let cached = tables[relativePath] { return cached }
        let table = try reading(field: field) {
            try CSVTable(contentsOf: url(relativePath), displayName: relativePath)
        }
        tables[relativePath] = table
        return table
    }

    /// A profile `{"file": ..., "column": ...}` on the simulation grid.
    func profile(_ reader: FieldReader, grid: TimeGrid) throws -> [Double] {
        try resampled(series(reader), grid: grid, field: reader.path)
    }

    /// A profile as the file holds it, before resampling: for series that must be
    /// transformed per data interval (a power curve) before they are averaged over steps.
    func series(_ reader: FieldReader) throws -> ProfileSeries {
        let file = try reader.string("file")
        let column = try reader.string("column")
        let table = try table(file, field: reader.fieldPath("file"))
        return try reading(field: reader.path) { try ProfileSeries(table: table, column: column) }
    }

    func resampled(_ series: ProfileSeries, grid: TimeGrid, field: String) throws -> [Double] {
        try reading(field: field) { try series.resampled(to: grid) }
    }

    static let profileKeys = ["file", "column", "source"]
}
