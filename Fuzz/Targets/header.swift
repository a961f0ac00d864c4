import ECGModel
import Foundation

/// Header parser: any bytes must parse or throw a WFDBError, never trap or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHeader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = FuzzBytes(data, size)
    if let header = try? WFDBHeader.parse(bytes: input.bytes, file: "fuzz.hea", limits: fuzzLimits) {
        // Derived properties read every parsed field.
        _ = (header.signalNames, header.baseDateTime, header.baseTimeOfDay, header.isMultiSegment)
    }
    return 0
}
