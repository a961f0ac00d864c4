import ECGModel
import Foundation

/// A strict RFC 4180 reader: comma-separated fields, `"`-quoted fields that may hold commas,
/// line breaks and doubled quotes (`""`), records ended by LF or CRLF.
///
/// Strictness is deliberate: a stray quote inside an unquoted field, text after a closing quote,
/// a bare carriage return, an unterminated quote, invalid UTF-8 or a line longer than
/// ``ECGModel/ReadLimits/maximumLineLength`` is an error naming the file and line, never a
/// guess. A leading UTF-8 byte-order mark is skipped, and empty lines are skipped.
public enum CSVReader {
    /// Calls `body` with each record's fields and the line the record starts on.
    public static func forEachRecord(in data: Data, file: String, limits: ReadLimits = .default,
                                     _ body: ([String], Int) throws -> Void) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            try parse(buffer.bindMemory(to: UInt8.self), file: file, limits: limits, body)
        }
    }

    /// Reads `url` and calls `body` with each record's fields and starting line.
    public static func forEachRecord(in url: URL, limits: ReadLimits = .default,
                                     _ body: ([String], Int) throws -> Void) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw DatasetError(file: url.path, message: "cannot read the file (\(error.localizedDescription))")
        }
        try forEachRecord(in: data, file: url.path, limits: limits, body)
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","),
                       lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String, limits: ReadLimits,
                              _ body: ([String], Int) throws -> Void) throws {
        var position = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        var line = 1
        var lineStart = position
        var fields: [String] = []
        var field: [UInt8] = []
        var recordLine = 1

        func fail(_ message: String, at errorLine: Int? = nil) -> DatasetError {
            DatasetError(file: file, line: errorLine ?? line, message: message)
        }
        func finishField() throws {
            guard let text = String(bytes: field, encoding: .utf8) else {
                throw fail("invalid UTF-8 in field \(fields.count + 1)")
            }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
        }
        func newLine(after index: Int) throws {
            guard index - lineStart <= limits.maximumLineLength else {
                throw fail("line longer than \(limits.maximumLineLength) bytes")
            }
            line += 1
            lineStart = index + 1
        }
        func endOfRecord(at index: Int) -> Int? {
            if bytes[index] == lineFeed { return index }
            if bytes[index] == carriageReturn, index + 1 < bytes.count, bytes[index + 1] == lineFeed { return index + 1 }
            return nil
        }

        while position < bytes.count {
            // At the start of a record: skip an empty line.
            if fields.isEmpty, field.isEmpty, let end = endOfRecord(at: position) {
                try newLine(after: end)
                position = end + 1
                continue
            }
            recordLine = line
            // Read fields until the record ends.
            var recordDone = false
            while !recordDone {
                if position < bytes.count, bytes[position] == quote {
                    let quoteLine = line
                    position += 1
                    var closed = false
                    while position < bytes.count {
                        let byte = bytes[position]
                        if byte == quote {
                            if position + 1 < bytes.count, bytes[position + 1] == quote {
                                field.append(quote)
                                position += 2
                                continue
                            }
                            position += 1
                            closed = true
                            break
                        }
                        if byte == lineFeed { try newLine(after: position) }
                        field.append(byte)
                        position += 1
                    }
                    guard closed else { throw fail("quoted field opened on this line is never closed", at: quoteLine) }
                    if position < bytes.count, bytes[position] != comma, endOfRecord(at: position) == nil {
                        throw fail("unexpected character after a closing quote in field \(fields.count + 1)")
                    }
                } else {
                    while position < bytes.count {
                        let byte = bytes[position]
                        if byte == comma || byte == lineFeed || byte == carriageReturn { break }
                        if byte == quote {
                            throw fail("quote inside unquoted field \(fields.count + 1) (quote the whole field and double the quote)")
                        }
                        field.append(byte)
                        position += 1
                    }
                }
                try finishField()
                if position >= bytes.count {
                    guard bytes.count - lineStart <= limits.maximumLineLength else {
                        throw fail("line longer than \(limits.maximumLineLength) bytes")
                    }
                    recordDone = true
                } else if bytes[position] == comma {
                    position += 1
                } else if let end = endOfRecord(at: position) {
                    try newLine(after: end)
                    position = end + 1
                    recordDone = true
                } else {
                    throw fail("carriage return not followed by a line feed")
                }
            }
            try body(fields, recordLine)
            fields.removeAll(keepingCapacity: true)
        }
    }
}
