import Datasets
import ECGModel
import Foundation
import Testing
import TestSupport

struct CSVReaderTests {
    func table(_ text: String, limits: ReadLimits = .default) throws -> CSVTable {
        try CSVTable(data: Data(text.utf8), file: "test.csv", limits: limits)
    }

    func error(_ text: String, limits: ReadLimits = .default) -> DatasetError? {
        do {
            _ = try table(text, limits: limits)
            return nil
        } catch let error as DatasetError {
            return error
        } catch {
            return nil
        }
    }

    @Test func quotedFieldsWithCommasNewlinesAndQuotes() throws {
        let csv = try table("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"line one\nline two\",\n")
        #expect(csv.header == ["a", "b", "c"])
        #expect(csv.rows.count == 2)
        #expect(csv.rows[0]["b"] == "x, y")
        #expect(csv.rows[0]["c"] == "say \"hi\"")
        #expect(csv.rows[1]["b"] == "line one\nline two")
        #expect(csv.rows[1]["c"] == "")
        #expect(csv.rows[1].line == 3)
        #expect(csv.rows[0]["missing"] == nil)
    }

    @Test func crlfByteOrderMarkBlankLinesAndNoFinalNewline() throws {
        let csv = try table("\u{FEFF}id,name\r\n1,\"a\r\nb\"\r\n\r\n2,c")
        #expect(csv.header == ["id", "name"])
        #expect(csv.rows.map(\.fields) == [["1", "a\r\nb"], ["2", "c"]])
        #expect(csv.rows.map(\.line) == [2, 5])
    }

    @Test func emptyFieldsAndQuotedEmptyField() throws {
        let csv = try table("a,b,c\n,,\n\"\",x,\"\"\n")
        #expect(csv.rows.map(\.fields) == [["", "", ""], ["", "x", ""]])
    }

    @Test func malformedInputNamesFileAndLine() throws {
        let unterminated = try #require(error("a,b\n1,2\n3,\"open\nstill open\n"))
        #expect(unterminated.line == 3)
        #expect(unterminated.description.hasPrefix("test.csv:3: "))
        #expect(error("a,b\n1,x\"y\n")?.line == 2)
        #expect(error("a,b\n1,\"x\"y\n")?.line == 2)
        let count = try #require(error("a,b\n1,2\n3\n"))
        #expect(count.line == 3)
        #expect(count.message.contains("1 fields where the header has 2"))
        #expect(error("a,a\n1,2\n")?.line == 1)
        #expect(error("")?.message.contains("no header") == true)
        #expect(error("a,b\n1,2\r3,4\n") != nil)
        #expect(error("a,b\n1,2\n") == nil)
    }

    @Test func invalidUTF8IsAnError() throws {
        var data = Data("a,b\n1,".utf8)
        data.append(contentsOf: [0xFF, 0xFE, 0x0A])
        #expect(throws: DatasetError.self) { try CSVTable(data: data, file: "bad.csv") }
    }

    @Test func lineLengthLimit() throws {
        let long = String(repeating: "x", count: 100)
        let limits = ReadLimits(maximumLineLength: 50)
        #expect(error("a,b\n1,\(long)\n", limits: limits)?.line == 2)
        #expect(error("a,b\n1,\(long)", limits: limits)?.line == 2)
        #expect(error("a,b\n1,\"x\n\(long)\"\n", limits: limits)?.line == 3)
        #expect(error("a,b\n1,\(long)\n", limits: ReadLimits(maximumLineLength: 200)) == nil)
    }

    @Test func typedAccessorsReportLineAndColumn() throws {
        let csv = try table("id,age\n7,abc\n")
        #expect(try csv.value("id", in: csv.rows[0]) == "7")
        #expect(try csv.integer("id", in: csv.rows[0]) == 7)
        #expect(throws: DatasetError.self) { try csv.integer("age", in: csv.rows[0]) }
        #expect(throws: DatasetError.self) { try csv.requireColumns(["id", "sex"]) }
        do {
            _ = try csv.integer("age", in: csv.rows[0])
        } catch let error as DatasetError {
            #expect(error.line == 2 && error.message.contains("age"))
        }
    }

    @Test func missingFileIsAnError() throws {
        let url = URL(fileURLWithPath: "/nonexistent/ecgnarrator/none.csv")
        do {
            _ = try CSVTable(contentsOf: url)
            Issue.record("a missing file was read")
        } catch let error as DatasetError {
            #expect(error.file == url.path)
        }
    }

    /// LUDB's ludb.csv quotes fields with embedded line feeds. Reference values from Python's
    /// `csv.reader(open('ludb/ludb.csv', newline=''))` (200 rows, 12 columns; rows start on
    /// physical lines 2, 6, 10, …, 893).
    @Test(.enabled(if: RealData.shouldRun("ludb/ludb.csv")))
    func ludbCSVWithEmbeddedNewlines() throws {
        let csv = try CSVTable(contentsOf: RealData.directory("ludb").appendingPathComponent("ludb.csv"))
        #expect(csv.header.count == 12)
        #expect(csv.header[4] == "Electric axis of the heart")
        #expect(csv.rows.count == 200)
        #expect(csv.rows.prefix(3).map(\.line) == [2, 6, 10])
        #expect(csv.rows.last?.line == 893)
        #expect(csv.rows.last?["ID"] == "200")
        let first = csv.rows[0]
        #expect(first["Sex"] == "F\n")
        #expect(first["Age"] == "51\n")
        #expect(first["Hypertrophies"] == "Left ventricular overload\nLeft ventricular hypertrophy")
    }

    /// CODE-15%-layout exams.csv: its scp_codes column is a quoted dict with commas (150 rows, 17 columns).
    @Test(.enabled(if: RealData.shouldRun("code15-layout")))
    func examsCSVWithQuotedCommas() throws {
        let csv = try CSVTable(contentsOf: RealData.directory("code15-layout").appendingPathComponent("exams.csv"))
        #expect(csv.header.count == 17)
        #expect(csv.rows.count == 150)
        #expect(csv.rows[0]["exam_id"] == "521045")
        #expect(csv.rows[0]["scp_codes"] == "{'NORM': 100.0, 'LVOLT': 0.0, 'SR': 0.0}")
    }
}
