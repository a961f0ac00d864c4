import Crypto
import Foundation
import TestSupport
@testable import WFDB

/// One `wfdb-*.json` reference file (see ../shared/reference/README.md).
struct ReferenceFile {
    let records: [[String: Any]]

    init(_ name: String) throws {
        // Python's json writes NaN bare where wfdb-python has no mnemonic for a code.
        let text = try String(contentsOf: try RealData.reference(name), encoding: .utf8)
            .replacingOccurrences(of: ": NaN", with: ": \"NaN\"")
            .replacingOccurrences(of: "\n       NaN\n", with: "\n       \"NaN\"\n")
        let data = Data(text.utf8)
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        records = object?["records"] as? [[String: Any]] ?? []
    }
}

/// SHA-256 of Int64 little-endian values, as make_reference.py digests samples.
func sha256Int64LE<S: Sequence>(_ values: S) -> String where S.Element: BinaryInteger {
    var bytes = [UInt8]()
    for value in values {
        var v = Int64(value).littleEndian
        withUnsafeBytes(of: &v) { bytes.append(contentsOf: $0) }
    }
    return SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
}

/// Collects mismatches with the record's name so one failure message lists them all.
struct Mismatches {
    var lines: [String] = []
    mutating func check(_ ok: Bool, _ record: String, _ what: @autoclosure () -> String) {
        if !ok { lines.append("\(record): \(what())") }
    }
}

func int(_ any: Any?) -> Int? { (any as? NSNumber)?.intValue }
func double(_ any: Any?) -> Double? { (any as? NSNumber)?.doubleValue }

/// Seconds since midnight from wfdb-python's `str(datetime.time)` (`HH:MM:SS[.ffffff]`).
func secondsOfDay(_ text: String) -> Double? {
    let parts = text.split(separator: ":").compactMap { Double($0) }
    guard parts.count == 3 else { return nil }
    return parts[0] * 3600 + parts[1] * 60 + parts[2]
}

/// Runs a decompressor on a `.gz` table of the wfdb tools' text output.
func gunzip(_ url: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-dc", url.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

/// wfdb-python's symbol for a code: NaN where its table has no mnemonic (we write `[n]`).
func referenceSymbol(_ symbol: String) -> String {
    symbol.hasPrefix("[") && symbol.hasSuffix("]") && symbol.count > 2 ? "NaN" : symbol
}
