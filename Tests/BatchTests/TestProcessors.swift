import Batch
import Datasets
import ECGModel
import Foundation

/// A small, deterministic record processor for exercising the conversion machinery quickly:
/// per record, its lead count, length and the sum of its samples in µV, plus a JSON line.
struct SampleSumProcessor: RecordProcessor {
    var outputs: [BatchOutput] {
        [BatchOutput(name: "sums.csv", header: "record,subject_id,leads,samples,sum_uV"),
         BatchOutput(name: "leads.jsonl")]
    }

    var signature: String { "sample sums" }

    func process(_ record: ECGRecord, entry: DatasetEntry) throws -> ProcessedRecord {
        let sum = record.leads.reduce(0.0) { total, lead in
            total + lead.samples.reduce(0.0) { $0 + ($1.isFinite ? Double($1) : 0) }
        }
        let csv = "\(record.id),\(entry.subjectID.map(String.init) ?? ""),\(record.leads.count),\(record.sampleCount),\(Int((sum * 1000).rounded()))"
        let json = "{\"record\":\"\(record.id)\",\"leads\":[" + record.leads.map { "\"\($0.lead.name)\"" }.joined(separator: ",") + "]}"
        return ProcessedRecord(lines: ["sums.csv": csv, "leads.jsonl": json], patientPayload: record.id)
    }
}

/// Lists each patient's records (oldest first) in one JSON line.
struct RecordListPatientProcessor: PatientProcessor {
    var outputs: [BatchOutput] { [BatchOutput(name: "patients.jsonl")] }
    var signature: String { "record lists" }

    func process(subjectID: Int, records: [PatientRecord]) -> [String: String] {
        ["patients.jsonl": "{\"subject_id\":\(subjectID),\"records\":["
            + records.map { "\"\($0.payload)@\($0.position)\"" }.joined(separator: ",") + "]}"]
    }
}

/// Reads every regular file of a finished output folder (the work folder must be gone).
func outputFiles(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
        files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
    }
    return files
}

func lines(_ data: Data?) -> [String] {
    guard let data else { return [] }
    return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        .dropLast().map(String.init)
}
