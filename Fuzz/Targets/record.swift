import ECGModel
import Foundation

/// Header and signal file together: the input is header text, a NUL byte, then the bytes of
/// every signal file the header names (each name gets the same bytes). Exercises the grammar's
/// interplay with the decoders: skew, byte offsets, samples per frame, shared files.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRecord(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = FuzzBytes(data, size)
    let split = input.bytes.firstIndex(of: 0) ?? input.bytes.count
    let headerBytes = Array(input.bytes[..<split])
    let signalBytes = split < input.bytes.count ? Array(input.bytes[(split + 1)...]) : []
    let directory = scratchDirectory.appendingPathComponent("record")
    try? FileManager.default.removeItem(at: directory)
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    guard let header = try? WFDBHeader.parse(bytes: headerBytes, file: "r.hea", limits: fuzzLimits) else { return 0 }
    for spec in header.signals where (try? SignalFileReader.checkSafe(fileName: spec.fileName, header: "r.hea")) != nil {
        try? Data(signalBytes).write(to: directory.appendingPathComponent(spec.fileName))
    }
    let headerURL = directory.appendingPathComponent("r.hea")
    guard (try? Data(headerBytes).write(to: headerURL)) != nil else { return 0 }
    if let record = try? WFDBRecord.read(from: headerURL, limits: fuzzLimits) {
        precondition(record.ecgRecord().leads.count == record.signals.count, "a read record lost signals")
    }
    return 0
}
