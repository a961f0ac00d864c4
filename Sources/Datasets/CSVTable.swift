import ECGModel
import Foundation

/// One data row of a ``CSVTable``, read by column name.
public struct CSVRow: Sendable, Equatable {
    /// The fields in column order.
    public var fields: [String]
    /// The line the row starts on (1-based, the header being line 1 in the usual case).
    public var line: Int
    let columns: [String: Int]

    /// The field in `column`, or `nil` if the table has no such column.
    public subscript(_ column: String) -> String? {
        columns[column].map { fields[$0] }
    }
}

/// A CSV file with a header line, its rows keyed by the header's column names.
///
/// Every row must have as many fields as the header; column names must be unique.
public struct CSVTable: Sendable {
    /// The file read (for error messages).
    public let file: String
    /// Column names in file order.
    public let header: [String]
    /// The data rows in file order.
    public let rows: [CSVRow]
    private let columns: [String: Int]

    /// Reads and parses `url`.
    public init(contentsOf url: URL, limits: ReadLimits = .default) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw DatasetError(file: url.path, message: "cannot read the file (\(error.localizedDescription))")
        }
        try self.init(data: data, file: url.path, limits: limits)
    }

    /// Parses CSV text held in memory; `file` names it in errors.
    public init(data: Data, file: String, limits: ReadLimits = .default) throws {
        var header: [String]?
        var columns: [String: Int] = [:]
        var rows: [CSVRow] = []
        try CSVReader.forEachRecord(in: data, file: file, limits: limits) { fields, line in
            guard let header else {
                for (index, name) in fields.enumerated() {
                    guard columns.updateValue(index, forKey: name) == nil else {
                        throw DatasetError(file: file, line: line, message: "column '\(name)' appears twice in the header")
                    }
                }
                header = fields
                return
            }
            guard fields.count == header.count else {
                throw DatasetError(file: file, line: line,
                                   message: "\(fields.count) fields where the header has \(header.count)")
            }
            rows.append(CSVRow(fields: fields, line: line, columns: columns))
        }
        guard let header else { throw DatasetError(file: file, message: "empty file: no header line") }
        self.file = file
        self.header = header
        self.rows = rows
        self.columns = columns
    }

    /// Whether the header has `column`.
    public func hasColumn(_ column: String) -> Bool { columns[column] != nil }

    /// Throws unless the header has every one of `required`.
    public func requireColumns(_ required: [String]) throws {
        let missing = required.filter { columns[$0] == nil }
        guard missing.isEmpty else {
            throw DatasetError(file: file, line: 1, message: "missing column(s) \(missing.joined(separator: ", ")) in the header")
        }
    }

    /// The field of `row` in `column`, or an error naming the file, line and column.
    public func value(_ column: String, in row: CSVRow) throws -> String {
        guard let value = row[column] else {
            throw DatasetError(file: file, line: row.line, message: "no column '\(column)'")
        }
        return value
    }

    /// The field of `row` in `column` as an integer, or an error naming the file, line and column.
    public func integer(_ column: String, in row: CSVRow) throws -> Int {
        let text = try value(column, in: row)
        guard let number = Int(text) else {
            throw DatasetError(file: file, line: row.line, message: "\(column) '\(text)' is not an integer")
        }
        return number
    }
}
