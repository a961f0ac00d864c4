import Foundation
import ECGModel

/// One annotation of a WFDB annotation file (annot(5)).
public struct WFDBAnnotation: Sendable, Equatable {
    /// Sample number (frame) the annotation refers to. 64-bit: files may point past 2^31.
    public var sample: Int64
    /// The annotation code (1 = N, 5 = V, 24 = p, 39 = `(` …; see ``WFDBAnnotationCode``).
    public var code: Int
    /// The mnemonic for ``code`` (a custom one where the file defines it).
    public var symbol: String
    /// Annotation subtype (signed byte).
    public var subtype: Int
    /// The signal the annotation refers to (unsigned byte; carries over between annotations).
    public var channel: Int
    /// Annotator-defined number (signed byte; carries over between annotations).
    public var number: Int
    /// Auxiliary text (rhythm labels like `(AFIB`, notes), when present, byte for byte.
    public var auxiliary: String?

    public init(sample: Int64, code: Int, symbol: String? = nil, subtype: Int = 0, channel: Int = 0,
                number: Int = 0, auxiliary: String? = nil) {
        self.sample = sample
        self.code = code
        self.symbol = symbol ?? WFDBAnnotationCode.symbol(for: code)
        self.subtype = subtype
        self.channel = channel
        self.number = number
        self.auxiliary = auxiliary
    }

    /// An annotation given by its standard mnemonic (`N`, `V`, `p`, `(` …), or `nil` if the
    /// mnemonic is not one of WFDB's standard codes.
    public init?(sample: Int64, symbol: String, subtype: Int = 0, channel: Int = 0, number: Int = 0,
                 auxiliary: String? = nil) {
        guard let code = WFDBAnnotationCode.code(for: symbol) else { return nil }
        self.init(sample: sample, code: code, symbol: symbol, subtype: subtype, channel: channel,
                  number: number, auxiliary: auxiliary)
    }
}

/// Reads and writes MIT-format annotation files (`.atr`, `.qrs`, LUDB's `.i` … `.v6`).
public enum WFDBAnnotationFile {
    /// Reads every annotation of a MIT-format annotation file.
    ///
    /// SKIP, NUM, SUB, CHN and AUX pseudo-annotations are applied, not returned. As
    /// wfdb-python does, code-0 words and NOTE annotations at sample 0 (file definitions: time
    /// resolution, custom annotation types) are not returned; custom types rename symbols.
    public static func read(from url: URL, limits: ReadLimits = .default) throws -> [WFDBAnnotation] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw WFDBError(.missingFile, file: url.path, "cannot read annotation file: \(error.localizedDescription)")
        }
        return try parse(data, file: url.path, limits: limits)
    }

    /// Parses the bytes of a MIT-format annotation file.
    public static func parse(_ data: Data, file: String, limits: ReadLimits = .default) throws -> [WFDBAnnotation] {
        // Each annotation takes at least one 16-bit word: cap before allocating.
        guard data.count / 2 <= limits.maximumAnnotations * 8 else {
            throw WFDBError(.limitExceeded, file: file, "annotation file of \(data.count) bytes exceeds the read limit")
        }
        var result: [WFDBAnnotation] = []
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let words = raw.count / 2
            var index = 0
            func word(_ i: Int) -> Int { Int(raw[2 * i]) | Int(raw[2 * i + 1]) << 8 }
            func fail(_ message: String) -> WFDBError {
                WFDBError(.malformedAnnotations, file: file, "\(message) (byte \(2 * index))")
            }
            var time: Int64 = 0
            var channel = 0, number = 0
            // The structure of each annotation, as wfdb-python reads it: SKIPs, one annotation
            // word, then any NUM/SUB/CHN/AUX words. The file's last word is the end marker; a
            // zero word elsewhere is a code-0 "not an annotation" that only advances time
            // (WFDB C stops there instead; on well-formed files, which end at their first zero
            // word, both agree).
            while index < words - 1 {
                var interval: Int64 = 0
                while word(index) >> 10 == WFDBAnnotationCode.skip {
                    guard index + 3 < words else { throw fail("SKIP without its 32-bit interval") }
                    let high = word(index + 1), low = word(index + 2)
                    interval += Int64(Int32(bitPattern: UInt32(high << 16 | low)))
                    index += 3
                }
                let w = word(index)
                interval += Int64(w & 0x3FF)
                time += interval
                var annotation = WFDBAnnotation(sample: time, code: w >> 10, channel: channel, number: number)
                index += 1
                guard index < words else { throw fail("annotation without an end marker") }
                while word(index) >> 10 > WFDBAnnotationCode.skip {
                    let extra = word(index)
                    let i = extra & 0x3FF
                    switch extra >> 10 {
                    case WFDBAnnotationCode.number:
                        number = Int(Int8(truncatingIfNeeded: i))
                        annotation.number = number
                        index += 1
                    case WFDBAnnotationCode.subtype:
                        annotation.subtype = Int(Int8(truncatingIfNeeded: i))
                        index += 1
                    case WFDBAnnotationCode.channel:
                        channel = i & 0xFF
                        annotation.channel = channel
                        index += 1
                    default:
                        let length = i & 0xFF
                        let bytesStart = 2 * (index + 1)
                        index += 1 + (length + 1) / 2
                        guard index < words else { throw fail("AUX text runs past the end of the file") }
                        annotation.auxiliary = String(String.UnicodeScalarView(
                            raw[bytesStart..<bytesStart + length].map { Unicode.Scalar($0) }))
                    }
                    guard index < words else { throw fail("annotation without an end marker") }
                }
                guard result.count < limits.maximumAnnotations else {
                    throw WFDBError(.limitExceeded, file: file, "more than \(limits.maximumAnnotations) annotations")
                }
                result.append(annotation)
            }
        }
        return applyDefinitions(result.filter { $0.code != 0 })
    }

    /// Drops the NOTE annotations at sample 0, which wfdb uses for file-level definitions
    /// (`## time resolution: …`, custom annotation types, detector identification), and
    /// applies custom annotation types to the remaining annotations' symbols.
    static func applyDefinitions(_ annotations: [WFDBAnnotation]) -> [WFDBAnnotation] {
        var custom: [Int: String] = [:]
        var inDefinitions = false
        var kept: [WFDBAnnotation] = []
        kept.reserveCapacity(annotations.count)
        for annotation in annotations {
            if annotation.sample == 0, annotation.code == WFDBAnnotationCode.note {
                let line = (annotation.auxiliary ?? "").trimmingCharacters(in: CharacterSet(charactersIn: "\0"))
                if line == "## annotation type definitions" {
                    inDefinitions = true
                } else if line == "## end of definitions" {
                    inDefinitions = false
                } else if inDefinitions {
                    let parts = line.split(separator: " ", maxSplits: 2)
                    if parts.count >= 2, let code = Int(parts[0]) { custom[code] = String(parts[1]) }
                }
                continue
            }
            kept.append(annotation)
        }
        guard !custom.isEmpty else { return kept }
        return kept.map { a in
            var a = a
            if let symbol = custom[a.code] { a.symbol = symbol }
            return a
        }
    }
}
