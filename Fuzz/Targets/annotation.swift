import ECGModel
import Foundation

/// Annotation reader (MIT format): any bytes parse or throw; a parsed list re-encodes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnnotation(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = FuzzBytes(data, size)
    if let annotations = try? WFDBAnnotationFile.parse(Data(input.bytes), file: "fuzz.atr", limits: fuzzLimits) {
        _ = try? WFDBAnnotationFile.encode(annotations, file: "fuzz.atr")
    }
    return 0
}
