import Foundation
import ECGModel

extension WFDBHeader {
    /// Parses header text as header(5) defines it.
    ///
    /// - Parameters:
    ///   - text: the header's contents; lines may end in LF or CRLF.
    ///   - file: the header's path, used in error messages.
    ///   - limits: caps on line length and signal count, checked before anything is allocated.
    public static func parse(_ text: String, file: String, limits: ReadLimits = .default) throws -> WFDBHeader {
        var parser = HeaderParser(file: file, limits: limits)
        return try parser.parse(text)
    }

    /// Parses header bytes, decoding UTF-8 or, failing that, Latin-1 (some headers carry
    /// `µ` or `°` in a legacy 8-bit encoding; wfdb reads them byte for byte).
    public static func parse(_ bytes: Data, file: String, limits: ReadLimits = .default) throws -> WFDBHeader {
        let text = String(data: bytes, encoding: .utf8) ?? latin1(bytes)
        return try parse(text, file: file, limits: limits)
    }

    /// Every byte as the code point of the same value (ISO 8859-1), which cannot fail.
    static func latin1(_ bytes: Data) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: bytes.map { Unicode.Scalar($0) })
        return String(scalars)
    }

    /// Reads and parses a header file.
    public static func read(from url: URL, limits: ReadLimits = .default) throws -> WFDBHeader {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw WFDBError(.missingFile, file: url.path, "cannot read header: \(error.localizedDescription)")
        }
        return try parse(data, file: url.path, limits: limits)
    }
}

/// The header(5) grammar, one line at a time.
struct HeaderParser {
    let file: String
    let limits: ReadLimits

    init(file: String, limits: ReadLimits) {
        self.file = file
        self.limits = limits
    }

    func fail(_ line: Int, _ message: String) -> WFDBError {
        WFDBError(.malformedHeader, file: file, line: line, message)
    }

    mutating func parse(_ text: String) throws -> WFDBHeader {
        var header: WFDBHeader?
        var comments: [String] = []
        var signals: [WFDBSignalSpec] = []
        var segments: [WFDBSegmentSpec] = []
        var lineNumber = 0
        var recordLineNumber = 0
        var lastContentLine = 1
        // "\r\n" is one Character in Swift, so CRLF needs naming explicitly.
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            guard rawLine.utf8.count <= limits.maximumLineLength else {
                throw fail(lineNumber, "line longer than \(limits.maximumLineLength) bytes")
            }
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty { continue }
            lastContentLine = lineNumber
            if trimmed.hasPrefix("#") {
                // As wfdb-python: blanks and '#' stripped from both ends ("##<SPL>…" → "<SPL>…").
                comments.append(String(trimmed).trimmingCharacters(in: CharacterSet(charactersIn: " \t#")))
                continue
            }
            guard var current = header else {
                header = try parseRecordLine(trimmed, line: lineNumber)
                recordLineNumber = lineNumber
                if let h = header {
                    guard h.signalCount <= limits.maximumSignals else {
                        throw fail(lineNumber, "\(h.signalCount) signals exceed the limit of \(limits.maximumSignals)")
                    }
                    if let n = h.segmentCount, n > limits.maximumSignals * 256 {
                        throw fail(lineNumber, "\(n) segments exceed the limit")
                    }
                }
                continue
            }
            if let segmentCount = current.segmentCount {
                guard segments.count < segmentCount else {
                    throw fail(lineNumber, "more segment lines than the \(segmentCount) the record line declares")
                }
                segments.append(try parseSegmentLine(trimmed, line: lineNumber))
            } else {
                guard signals.count < current.signalCount else {
                    throw fail(lineNumber, "more signal lines than the \(current.signalCount) the record line declares")
                }
                signals.append(try parseSignalLine(trimmed, line: lineNumber))
            }
            current.signals = signals
            header = current
        }
        guard var result = header else {
            throw fail(lastContentLine, "no record line")
        }
        if let segmentCount = result.segmentCount {
            guard segments.count == segmentCount else {
                throw fail(recordLineNumber, "record line declares \(segmentCount) segments, found \(segments.count)")
            }
        } else if signals.count != result.signalCount {
            throw fail(recordLineNumber, "record line declares \(result.signalCount) signals, found \(signals.count)")
        }
        result.signals = signals
        result.segments = segments
        result.comments = comments
        return result
    }

    /// `name[/segments] [signals [fs[/counter[(base)]] [samples [time [date]]]]]`
    func parseRecordLine(_ text: Substring, line: Int) throws -> WFDBHeader {
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let first = fields.first else { throw fail(line, "empty record line") }
        var name = String(first)
        var segmentCount: Int?
        if let slash = first.firstIndex(of: "/") {
            name = String(first[..<slash])
            guard let n = Int(first[first.index(after: slash)...]), n >= 0 else {
                throw fail(line, "bad segment count in '\(first)'")
            }
            segmentCount = n
        }
        guard !name.isEmpty else { throw fail(line, "record line has no record name") }
        var header = WFDBHeader(recordName: name, segmentCount: segmentCount, signalCount: 0)
        if fields.count > 1 {
            guard let n = Int(fields[1]), n >= 0 else {
                throw fail(line, "bad number of signals '\(fields[1])'")
            }
            header.signalCount = n
        }
        if fields.count > 2 {
            try parseFrequency(fields[2], into: &header, line: line)
        }
        if fields.count > 3 {
            guard let n = Int64(fields[3]), n >= 0 else {
                throw fail(line, "bad number of samples '\(fields[3])'")
            }
            header.sampleCount = n
        }
        if fields.count > 4 {
            let time = String(fields[4])
            guard time.allSatisfy({ $0.isNumber || $0 == ":" || $0 == "." }), time.contains(":") else {
                throw fail(line, "bad base time '\(time)'")
            }
            header.baseTime = time
        }
        if fields.count > 5 {
            let date = String(fields[5])
            let parts = date.split(separator: "/")
            guard parts.count == 3, parts.allSatisfy({ Int($0) != nil }) else {
                throw fail(line, "bad base date '\(date)'")
            }
            header.baseDate = date
        }
        return header
    }

    func parseFrequency(_ field: Substring, into header: inout WFDBHeader, line: Int) throws {
        var rest = field
        var base: Double?
        if let open = rest.firstIndex(of: "(") {
            guard rest.hasSuffix(")"), let value = Double(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]) else {
                throw fail(line, "bad base counter in '\(field)'")
            }
            base = value
            rest = rest[..<open]
        }
        var counter: Double?
        if let slash = rest.firstIndex(of: "/") {
            guard let value = Double(rest[rest.index(after: slash)...]), value > 0, value.isFinite else {
                throw fail(line, "bad counter frequency in '\(field)'")
            }
            counter = value
            rest = rest[..<slash]
        }
        guard let fs = Double(rest), fs.isFinite, fs >= 0 else {
            throw fail(line, "bad sampling frequency '\(field)'")
        }
        header.samplingFrequency = fs > 0 ? fs : 250
        header.counterFrequency = counter
        header.baseCounter = base
    }

    /// `name length`
    func parseSegmentLine(_ text: Substring, line: Int) throws -> WFDBSegmentSpec {
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard fields.count >= 2, let n = Int64(fields[1]), n >= 0 else {
            throw fail(line, "segment line needs a record name and a sample count: '\(text)'")
        }
        return WFDBSegmentSpec(recordName: String(fields[0]), sampleCount: n)
    }

    /// `file format[xspf][:skew][+offset] [gain[(baseline)][/units] [res [zero [init [checksum [block [description]]]]]]]`
    func parseSignalLine(_ text: Substring, line: Int) throws -> WFDBSignalSpec {
        var fields: [Substring] = []
        var cursor = text.startIndex
        var descriptionStart: Substring.Index?
        while cursor < text.endIndex {
            while cursor < text.endIndex, text[cursor] == " " || text[cursor] == "\t" { cursor = text.index(after: cursor) }
            guard cursor < text.endIndex else { break }
            if fields.count == 8 { descriptionStart = cursor; break }
            var end = cursor
            while end < text.endIndex, text[end] != " ", text[end] != "\t" { end = text.index(after: end) }
            fields.append(text[cursor..<end])
            cursor = end
        }
        guard fields.count >= 2 else {
            throw fail(line, "signal line needs a file name and a format: '\(text)'")
        }
        var spec = WFDBSignalSpec(fileName: String(fields[0]), format: 0)
        try parseFormat(fields[1], into: &spec, line: line)
        var baselineGiven = false
        if fields.count > 2 {
            baselineGiven = try parseGain(fields[2], into: &spec, line: line)
        } else {
            spec.gainWasGiven = false
        }
        func integer(_ index: Int, _ what: String) throws -> Int? {
            guard fields.count > index else { return nil }
            guard let value = Int(fields[index]) else {
                throw fail(line, "bad \(what) '\(fields[index])'")
            }
            return value
        }
        spec.adcResolution = try integer(3, "ADC resolution") ?? 0
        spec.adcZero = try integer(4, "ADC zero") ?? 0
        spec.initialValue = try integer(5, "initial value") ?? spec.adcZero
        spec.checksum = try integer(6, "checksum")
        spec.blockSize = try integer(7, "block size") ?? 0
        if !baselineGiven { spec.baseline = spec.adcZero }
        if let descriptionStart {
            spec.description = String(text[descriptionStart...]).trimmingTrailingBlanks()
        }
        return spec
    }

    func parseFormat(_ field: Substring, into spec: inout WFDBSignalSpec, line: Int) throws {
        // Digits, then optional x<spf>, :<skew>, +<offset> in any order the writers produce.
        var index = field.startIndex
        func number() -> Int? {
            let start = index
            while index < field.endIndex, field[index].isASCII, field[index].isNumber { index = field.index(after: index) }
            guard start < index else { return nil }
            return Int(field[start..<index])
        }
        guard let format = number() else { throw fail(line, "bad signal format '\(field)'") }
        spec.format = format
        while index < field.endIndex {
            let marker = field[index]
            index = field.index(after: index)
            guard let value = number() else { throw fail(line, "bad signal format '\(field)'") }
            switch marker {
            case "x":
                guard value >= 1 else { throw fail(line, "samples per frame must be at least 1 in '\(field)'") }
                spec.samplesPerFrame = value
            case ":": spec.skew = value
            case "+": spec.byteOffset = value
            default: throw fail(line, "bad signal format '\(field)'")
            }
        }
    }

    /// Returns whether a baseline was written.
    func parseGain(_ field: Substring, into spec: inout WFDBSignalSpec, line: Int) throws -> Bool {
        var rest = field
        if let slash = rest.firstIndex(of: "/") {
            spec.units = String(rest[rest.index(after: slash)...])
            rest = rest[..<slash]
        }
        var baselineGiven = false
        if let open = rest.firstIndex(of: "(") {
            guard rest.hasSuffix(")"), let value = Int(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]) else {
                throw fail(line, "bad baseline in '\(field)'")
            }
            spec.baseline = value
            baselineGiven = true
            rest = rest[..<open]
        }
        guard let gain = Double(rest), gain.isFinite else {
            throw fail(line, "bad ADC gain '\(field)'")
        }
        spec.gainWasGiven = gain != 0
        spec.adcGain = gain == 0 ? 200 : gain
        return baselineGiven
    }
}

extension String {
    func trimmingTrailingBlanks() -> String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return String(s)
    }
}
