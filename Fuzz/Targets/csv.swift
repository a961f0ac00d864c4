import ECGModel
import Foundation

/// CSV reader (record_list.csv and the other dataset tables): parse, then look up columns.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = FuzzBytes(data, size)
    let bytes = Data(input.bytes)
    if let table = try? CSVTable(data: bytes, file: "record_list.csv", limits: fuzzLimits) {
        for row in table.rows.prefix(64) {
            _ = try? table.integer("study_id", in: row)
            _ = try? table.value("path", in: row)
        }
    }
    var rows = 0
    _ = try? CSVReader.forEachRecord(in: bytes, file: "record_list.csv", limits: fuzzLimits) { _, _ in rows += 1 }
    return 0
}
