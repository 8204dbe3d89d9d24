import Foundation
import InputData
import Testing

/// Cells around which blanks are trimmed: ASCII spaces and tabs on the fast path, other
/// Unicode spaces (category Zs) through Foundation, with the same result.
@Suite struct CSVTableTests {
    @Test func numbersAreTrimmedOfSpacesTabsAndUnicodeSpaces() throws {
        let text = "timestamp,load_kW\n"
            + "2025-01-01T00:00, 1.5\t\n"
            + "2025-01-01T01:00,\u{00A0}2e3\u{3000}\n"
            + " 2025-01-01T02:00\t,-0.25\n"
        let table = try CSVTable(text: text, file: "data.csv")

        #expect(try table.numbers(column: "load_kW") == [1.5, 2000, -0.25])
        let series = try ProfileSeries(table: table, column: "load_kW")
        #expect(series.values == [1.5, 2000, -0.25])
        #expect(series.intervalMinutes == 60)
    }

    @Test func trimmingKeepsInnerTextAndEmptiesBlankCells() {
        #expect(CSVTable.trimmed(" \t a b \t") == "a b")
        #expect(CSVTable.trimmed(" \t ") == "")
        #expect(CSVTable.trimmed("") == "")
        #expect(CSVTable.trimmed("\u{2003}x\u{00A0}") == "x")
    }

    @Test func blanksBeforeAnOpeningQuoteAreDropped() throws {
        let text = "timestamp, load_kW, note\n2025-01-01T00:00, \"1.5\",\t\"a, b\"\n"
        let table = try CSVTable(text: text, file: "data.csv")
        #expect(try table.numbers(column: "load_kW") == [1.5])
        #expect(try table.strings(column: "note") == ["a, b"])
    }

    @Test func aCellThatIsNotANumberIsNamed() {
        let text = "timestamp,load_kW\n2025-01-01T00:00,1.5\n2025-01-01T01:00, 1,5 \n"
        #expect(throws: InputDataError.self) { try CSVTable(text: text, file: "data.csv") }
        let quoted = "timestamp,load_kW\n2025-01-01T00:00,1.5\n2025-01-01T01:00,\" 1x5 \"\n"
        do {
            _ = try CSVTable(text: quoted, file: "data.csv").numbers(column: "load_kW")
            Issue.record("a cell ' 1x5 ' was read as a number")
        } catch let error as InputDataError {
            #expect("\(error)".contains("row 3"))
            #expect("\(error)".contains(" 1x5 "))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
