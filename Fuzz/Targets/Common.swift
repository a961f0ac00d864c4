import ECGModel
import Foundation

/// Limits small enough that one fuzz input can never allocate more than a few megabytes:
/// an input that declares more must be refused with an error, which is what is being tested.
let fuzzLimits = ReadLimits(maximumTotalSamples: 1 << 20, maximumSignals: 64,
                            maximumLineLength: 4096, maximumAnnotations: 1 << 16)

/// A private scratch directory per fuzzing process (libFuzzer may run several jobs).
let scratchDirectory: URL = {
    let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    let url = URL(fileURLWithPath: base).appendingPathComponent("ecgnarrator-fuzz-\(getpid())")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}()

/// Reads the fuzz input as a byte cursor from which a target draws its choices.
struct FuzzBytes {
    var bytes: [UInt8]
    var index = 0

    init(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    }

    mutating func byte() -> UInt8 {
        guard index < bytes.count else { return 0 }
        defer { index += 1 }
        return bytes[index]
    }

    mutating func uint16() -> Int { Int(byte()) | Int(byte()) << 8 }

    var rest: [UInt8] { index < bytes.count ? Array(bytes[index...]) : [] }
}
