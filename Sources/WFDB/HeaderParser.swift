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
        try HeaderParser(file: file, limits: limits).parse(Array(text.utf8))
    }

    /// Parses header bytes, decoding UTF-8 or, failing that, Latin-1 (some headers carry
    /// `µ` or `°` in a legacy 8-bit encoding; wfdb reads them byte for byte).
    public static func parse(_ bytes: Data, file: String, limits: ReadLimits = .default) throws -> WFDBHeader {
        try parse(bytes: [UInt8](bytes), file: file, limits: limits)
    }

    static func parse(bytes: [UInt8], file: String, limits: ReadLimits) throws -> WFDBHeader {
        var utf8 = bytes
        if !bytes.allSatisfy({ $0 < 0x80 }), String(validating: bytes, as: UTF8.self) == nil {
            utf8 = Array(latin1(bytes).utf8)
        }
        return try HeaderParser(file: file, limits: limits).parse(utf8)
    }

    /// Every byte as the code point of the same value (ISO 8859-1), which cannot fail.
    static func latin1(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: bytes.map { Unicode.Scalar($0) })
        return String(scalars)
    }

    /// Reads and parses a header file.
    public static func read(from url: URL, limits: ReadLimits = .default) throws -> WFDBHeader {
        let maximum = max(1 << 22, limits.maximumLineLength * 16)
        guard let (size, bytes) = FileBytes.read(url, offset: 0, maximumBytes: maximum) else {
            throw WFDBError(.missingFile, file: url.path, "header not found or unreadable")
        }
        guard size <= maximum else {
            throw WFDBError(.limitExceeded, file: url.path, "header of \(size) bytes is larger than \(maximum) bytes")
        }
        return try parse(bytes: bytes, file: url.path, limits: limits)
    }
}

/// The header(5) grammar, one line at a time, over UTF-8 bytes (Character-level string
/// handling would cost more than reading the signals).
struct HeaderParser {
    let file: String
    let limits: ReadLimits

    typealias Bytes = ArraySlice<UInt8>

    func fail(_ line: Int, _ message: String) -> WFDBError {
        WFDBError(.malformedHeader, file: file, line: line, message)
    }

    /// A well-formed header that asks for more than the caller's ``ReadLimits`` allow.
    func overLimit(_ line: Int, _ message: String) -> WFDBError {
        WFDBError(.limitExceeded, file: file, line: line, message)
    }

    static func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }

    static func text(_ bytes: Bytes) -> String { String(decoding: bytes, as: UTF8.self) }

    /// Whitespace-separated fields; with `maximumFields`, the rest of the line (trailing
    /// blanks removed) is returned as one last field.
    static func fields(_ line: Bytes, maximumFields: Int = .max) -> [Bytes] {
        var result: [Bytes] = []
        var i = line.startIndex
        while i < line.endIndex {
            while i < line.endIndex, isBlank(line[i]) { i += 1 }
            guard i < line.endIndex else { break }
            if result.count == maximumFields {
                var end = line.endIndex
                while end > i, isBlank(line[end - 1]) || line[end - 1] == 0x0D { end -= 1 }
                result.append(line[i..<end])
                break
            }
            var end = i
            while end < line.endIndex, !isBlank(line[end]) { end += 1 }
            result.append(line[i..<end])
            i = end
        }
        return result
    }

    static func integer(_ bytes: Bytes) -> Int? {
        var i = bytes.startIndex
        guard i < bytes.endIndex else { return nil }
        var negative = false
        if bytes[i] == 0x2D || bytes[i] == 0x2B { negative = bytes[i] == 0x2D; i += 1 }
        guard i < bytes.endIndex, bytes.endIndex - i <= 18 else { return nil }
        var value = 0
        while i < bytes.endIndex {
            let d = Int(bytes[i]) - 48
            guard d >= 0 && d <= 9 else { return nil }
            value = value * 10 + d
            i += 1
        }
        return negative ? -value : value
    }

    static func real(_ bytes: Bytes) -> Double? {
        if let n = integer(bytes) { return Double(n) }
        guard !bytes.isEmpty, bytes.count < 64,
              bytes.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B || $0 == 0x65 || $0 == 0x45 })
        else { return nil }
        return Double(text(bytes))
    }

    func parse(_ bytes: [UInt8]) throws -> WFDBHeader {
        var header: WFDBHeader?
        var comments: [String] = []
        var signals: [WFDBSignalSpec] = []
        var segments: [WFDBSegmentSpec] = []
        var lineNumber = 0
        var recordLineNumber = 0
        var lastContentLine = 1
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            lineNumber += 1
            defer { start = end + 1 }
            guard end - start <= limits.maximumLineLength else {
                throw overLimit(lineNumber, "line longer than \(limits.maximumLineLength) bytes")
            }
            var lineEnd = end
            if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            var first = start
            while first < lineEnd, Self.isBlank(bytes[first]) { first += 1 }
            if first == lineEnd { continue }
            lastContentLine = lineNumber
            let line = bytes[first..<lineEnd]
            if line.first == 0x23 {
                // As wfdb-python: blanks and '#' stripped from both ends ("##<SPL>…" → "<SPL>…").
                var a = line.startIndex, b = line.endIndex
                while a < b, Self.isBlank(line[a]) || line[a] == 0x23 { a += 1 }
                while b > a, Self.isBlank(line[b - 1]) || line[b - 1] == 0x23 { b -= 1 }
                comments.append(Self.text(line[a..<b]))
                continue
            }
            guard let current = header else {
                let parsed = try parseRecordLine(line, line: lineNumber)
                guard parsed.signalCount <= limits.maximumSignals else {
                    throw overLimit(lineNumber, "\(parsed.signalCount) signals exceed the limit of \(limits.maximumSignals)")
                }
                if let n = parsed.segmentCount, n > limits.maximumSignals * 256 {
                    throw overLimit(lineNumber, "\(n) segments exceed the limit")
                }
                header = parsed
                recordLineNumber = lineNumber
                continue
            }
            if let segmentCount = current.segmentCount {
                guard segments.count < segmentCount else {
                    throw fail(lineNumber, "more segment lines than the \(segmentCount) the record line declares")
                }
                segments.append(try parseSegmentLine(line, line: lineNumber))
            } else {
                guard signals.count < current.signalCount else {
                    throw fail(lineNumber, "more signal lines than the \(current.signalCount) the record line declares")
                }
                signals.append(try parseSignalLine(line, line: lineNumber))
            }
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
    func parseRecordLine(_ text: Bytes, line: Int) throws -> WFDBHeader {
        let fields = Self.fields(text)
        guard let first = fields.first else { throw fail(line, "empty record line") }
        var name = first
        var segmentCount: Int?
        if let slash = first.firstIndex(of: 0x2F) {
            name = first[..<slash]
            guard let n = Self.integer(first[(slash + 1)...]), n >= 0 else {
                throw fail(line, "bad segment count in '\(Self.text(first))'")
            }
            segmentCount = n
        }
        guard !name.isEmpty else { throw fail(line, "record line has no record name") }
        var header = WFDBHeader(recordName: Self.text(name), segmentCount: segmentCount, signalCount: 0)
        if fields.count > 1 {
            guard let n = Self.integer(fields[1]), n >= 0 else {
                throw fail(line, "bad number of signals '\(Self.text(fields[1]))'")
            }
            header.signalCount = n
        }
        if fields.count > 2 {
            try parseFrequency(fields[2], into: &header, line: line)
        }
        if fields.count > 3 {
            guard let n = Self.integer(fields[3]), n >= 0 else {
                throw fail(line, "bad number of samples '\(Self.text(fields[3]))'")
            }
            header.sampleCount = Int64(n)
        }
        if fields.count > 4 {
            let time = fields[4]
            guard time.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x3A || $0 == 0x2E }), time.contains(0x3A) else {
                throw fail(line, "bad base time '\(Self.text(time))'")
            }
            header.baseTime = Self.text(time)
        }
        if fields.count > 5 {
            let date = fields[5]
            let parts = date.split(separator: 0x2F, omittingEmptySubsequences: false)
            guard parts.count == 3, parts.allSatisfy({ Self.integer($0) != nil }) else {
                throw fail(line, "bad base date '\(Self.text(date))'")
            }
            header.baseDate = Self.text(date)
        }
        return header
    }

    static let maximumSamplingFrequency = 1_000_000.0

    func parseFrequency(_ field: Bytes, into header: inout WFDBHeader, line: Int) throws {
        var rest = field
        var base: Double?
        if let open = rest.firstIndex(of: 0x28) {
            guard rest.last == 0x29, let value = Self.real(rest[(open + 1)..<(rest.endIndex - 1)]) else {
                throw fail(line, "bad base counter in '\(Self.text(field))'")
            }
            base = value
            rest = rest[..<open]
        }
        var counter: Double?
        if let slash = rest.firstIndex(of: 0x2F) {
            guard let value = Self.real(rest[(slash + 1)...]), value > 0, value.isFinite else {
                throw fail(line, "bad counter frequency in '\(Self.text(field))'")
            }
            counter = value
            rest = rest[..<slash]
        }
        guard let fs = Self.real(rest), fs.isFinite, fs >= 0 else {
            throw fail(line, "bad sampling frequency '\(Self.text(field))'")
        }
        // No ECG is sampled near 1 MHz; a larger value is a damaged header, and would make
        // every later stage size its filters and windows from it.
        guard fs <= Self.maximumSamplingFrequency else {
            throw fail(line, "sampling frequency \(Self.text(field)) Hz is above the \(Int(Self.maximumSamplingFrequency)) Hz this reader accepts")
        }
        header.samplingFrequency = fs > 0 ? fs : 250
        header.counterFrequency = counter
        header.baseCounter = base
    }

    /// `name length`
    func parseSegmentLine(_ text: Bytes, line: Int) throws -> WFDBSegmentSpec {
        let fields = Self.fields(text)
        guard fields.count >= 2, let n = Self.integer(fields[1]), n >= 0 else {
            throw fail(line, "segment line needs a record name and a sample count: '\(Self.text(text))'")
        }
        return WFDBSegmentSpec(recordName: Self.text(fields[0]), sampleCount: Int64(n))
    }

    /// `file format[xspf][:skew][+offset] [gain[(baseline)][/units] [res [zero [init [checksum [block [description]]]]]]]`
    func parseSignalLine(_ text: Bytes, line: Int) throws -> WFDBSignalSpec {
        let fields = Self.fields(text, maximumFields: 8)
        guard fields.count >= 2 else {
            throw fail(line, "signal line needs a file name and a format: '\(Self.text(text))'")
        }
        var spec = WFDBSignalSpec(fileName: Self.text(fields[0]), format: 0)
        try parseFormat(fields[1], into: &spec, line: line)
        var baselineGiven = false
        if fields.count > 2 {
            baselineGiven = try parseGain(fields[2], into: &spec, line: line)
        } else {
            spec.gainWasGiven = false
        }
        func integer(_ index: Int, _ what: String) throws -> Int? {
            guard fields.count > index else { return nil }
            guard let value = Self.integer(fields[index]) else {
                throw fail(line, "bad \(what) '\(Self.text(fields[index]))'")
            }
            return value
        }
        spec.adcResolution = try integer(3, "ADC resolution") ?? 0
        spec.adcZero = try integer(4, "ADC zero") ?? 0
        spec.initialValue = try integer(5, "initial value") ?? spec.adcZero
        spec.checksum = try integer(6, "checksum")
        spec.blockSize = try integer(7, "block size") ?? 0
        if !baselineGiven { spec.baseline = spec.adcZero }
        if fields.count > 8 { spec.description = Self.text(fields[8]) }
        return spec
    }

    func parseFormat(_ field: Bytes, into spec: inout WFDBSignalSpec, line: Int) throws {
        // Digits, then optional x<spf>, :<skew>, +<offset>.
        var index = field.startIndex
        func number() -> Int? {
            let start = index
            while index < field.endIndex, field[index] >= 0x30, field[index] <= 0x39 { index += 1 }
            guard start < index else { return nil }
            return Self.integer(field[start..<index])
        }
        let bad = fail(line, "bad signal format '\(Self.text(field))'")
        guard let format = number() else { throw bad }
        spec.format = format
        while index < field.endIndex {
            let marker = field[index]
            index += 1
            guard let value = number() else { throw bad }
            guard value <= 1 << 31 else { throw fail(line, "value out of range in signal format '\(Self.text(field))'") }
            switch marker {
            case 0x78:
                guard value >= 1 else { throw fail(line, "samples per frame must be at least 1 in '\(Self.text(field))'") }
                spec.samplesPerFrame = value
            case 0x3A: spec.skew = value
            case 0x2B: spec.byteOffset = value
            default: throw bad
            }
        }
    }

    /// Returns whether a baseline was written.
    func parseGain(_ field: Bytes, into spec: inout WFDBSignalSpec, line: Int) throws -> Bool {
        var rest = field
        if let slash = rest.firstIndex(of: 0x2F) {
            spec.units = Self.text(rest[(slash + 1)...])
            rest = rest[..<slash]
        }
        var baselineGiven = false
        if let open = rest.firstIndex(of: 0x28) {
            guard rest.last == 0x29, let value = Self.integer(rest[(open + 1)..<(rest.endIndex - 1)]) else {
                throw fail(line, "bad baseline in '\(Self.text(field))'")
            }
            spec.baseline = value
            baselineGiven = true
            rest = rest[..<open]
        }
        guard let gain = Self.real(rest), gain.isFinite else {
            throw fail(line, "bad ADC gain '\(Self.text(field))'")
        }
        spec.gainWasGiven = gain != 0
        spec.adcGain = gain == 0 ? 200 : gain
        return baselineGiven
    }
}
