import ECGModel
import Foundation

/// HDF5 reader's shape, type and attribute handling: the input chooses the rank, dimensions and
/// element type of `tracings` and `exam_id` (or leaves one out), the layout's axis order, lead
/// count and zero-padding trim, and the values; the file is written with HDF5DatasetWriter and
/// read back. (Mutating HDF5's own bytes would fuzz libhdf5, not this reader.)
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHDF5(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    var input = FuzzBytes(data, size)
    let url = scratchDirectory.appendingPathComponent("fuzz.hdf5")
    let flags = input.byte()
    let rank = Int(flags & 3) + 1
    let shape = (0..<rank).map { _ in Int(input.byte()) % 24 }
    let idChoice = Int(flags >> 2 & 3)           // 0: none, 1: matching, 2: other length, 3: 2-D
    let elementType = Int(flags >> 4 & 3)        // 0: float32, 1: float64, 2/3: int64
    let leadCount = 1 + Int(input.byte()) % 14
    let options = input.byte()
    let count = shape.reduce(1, *)
    let values = input.rest
    func value(_ i: Int) -> Double { values.isEmpty ? 0 : Double(Int8(bitPattern: values[i % values.count])) }
    do {
        let writer = try HDF5DatasetWriter(url: url)
        switch elementType {
        case 0: try writer.write("tracings", shape: shape, values: (0..<count).map { Float(value($0)) })
        case 1: try writer.write("tracings", shape: shape, values: (0..<count).map { value($0) / 3 })
        default: try writer.write("tracings", shape: shape, values: (0..<count).map { Int64(value($0)) })
        }
        let exams = shape[0]
        switch idChoice {
        case 1: try writer.write("exam_id", shape: [exams], values: (0..<exams).map { Int64($0 * 7) })
        case 2: try writer.write("exam_id", shape: [exams + 1], values: (0...exams).map { Int64($0) })
        case 3: try writer.write("exam_id", shape: [exams, 2], values: [Int64](repeating: 1, count: exams * 2))
        default: break
        }
        try writer.close()
    } catch {
        return 0
    }
    let layout = HDF5TracingsLayout(
        examIDPath: options & 1 == 0 ? "exam_id" : nil,
        leadLabels: (0..<leadCount).map { "L\($0)" },
        axisOrder: options & 2 == 0 ? .examSampleLead : .examLeadSample,
        trimsZeroPadding: options & 4 != 0)
    guard let file = try? HDF5TracingsFile(url: url, layout: layout, limits: fuzzLimits) else { return 0 }
    for index in [-1, 0, 1, file.count - 1, file.count] {
        if let record = try? file.record(at: index) {
            precondition(record.leads.count == leadCount, "a read exam lost leads")
        }
    }
    return 0
}
