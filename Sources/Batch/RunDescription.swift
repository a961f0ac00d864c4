import Foundation

/// What identifies a conversion: its input, shard, processors and outputs.
///
/// Written as `run.json` in the work folder when a run starts (with the chunk size) and, with
/// the final counts, as `manifest.json` when it finishes. Neither holds timings or thread
/// counts, so both are the same bytes on every run of the same command.
struct RunDescription: Equatable {
    static let format = "ecgnarrator-convert 1"

    var source: String
    var fingerprint: String
    var datasetRecords: Int
    var shard: Shard
    var records: Int
    var outputs: [BatchOutput]
    var patientOutputs: [BatchOutput]
    var processorSignature: String
    var patientProcessorSignature: String?
    var chunkSize: Int

    init(source: String, fingerprint: String, datasetRecords: Int, shard: Shard, records: Int,
         outputs: [BatchOutput], patientOutputs: [BatchOutput], processorSignature: String,
         patientProcessorSignature: String?, chunkSize: Int) {
        self.source = source
        self.fingerprint = fingerprint
        self.datasetRecords = datasetRecords
        self.shard = shard
        self.records = records
        self.outputs = outputs
        self.patientOutputs = patientOutputs
        self.processorSignature = processorSignature
        self.patientProcessorSignature = patientProcessorSignature
        self.chunkSize = chunkSize
    }

    init(plan: ConversionPlan, processor: any RecordProcessor, patientProcessor: (any PatientProcessor)?) {
        self.init(source: plan.source, fingerprint: plan.fingerprint, datasetRecords: plan.index.count,
                  shard: plan.shard, records: plan.recordCount, outputs: processor.outputs,
                  patientOutputs: patientProcessor?.outputs ?? [], processorSignature: processor.signature,
                  patientProcessorSignature: patientProcessor?.signature, chunkSize: plan.chunkSize)
    }

    private var pairs: [(String, String)] {
        func names(_ outputs: [BatchOutput]) -> String {
            "[" + outputs.map { JSONLine.string($0.name) }.joined(separator: ",") + "]"
        }
        return [
            ("format", JSONLine.string(Self.format)),
            ("dataset", JSONLine.string(source)),
            ("fingerprint", JSONLine.string(fingerprint)),
            ("dataset_records", String(datasetRecords)),
            ("shard", JSONLine.string(shard.description)),
            ("records", String(records)),
            ("outputs", names(outputs)),
            ("patient_outputs", names(patientOutputs)),
            ("outputs_with_header", names((outputs + patientOutputs).filter { $0.header != nil })),
            ("processor", JSONLine.string(processorSignature)),
            ("patient_processor", patientProcessorSignature.map(JSONLine.string) ?? "null"),
        ]
    }

    var runText: String {
        JSONLine.object(pairs + [("chunk_size", String(chunkSize))]) + "\n"
    }

    func manifestText(converted: Int, failed: Int, patients: Int) -> String {
        JSONLine.object(pairs + [("converted", String(converted)), ("errors", String(failed)),
                                 ("patients", String(patients))]) + "\n"
    }

    /// The summary of a finished conversion if `manifest` is this run's, else `nil`.
    func finishedSummary(fromManifest manifest: String) -> ConversionSummary? {
        let prefix = JSONLine.object(pairs).dropLast() + ","
        guard manifest.hasPrefix(prefix), let counts = Manifest(text: manifest) else { return nil }
        return ConversionSummary(records: records, converted: counts.converted, failed: counts.failed,
                                 patients: counts.patients, resumedRecords: records, processedRecords: 0,
                                 processingSeconds: 0, finishingSeconds: 0, wasAlreadyComplete: true)
    }
}

/// A finished conversion's `manifest.json`, as read back by ``BatchMerger`` and reruns.
///
/// Output headers are not in the manifest, only which outputs have one (`""` stands for it
/// here); the merger reads the header line itself from the shards' files.
struct Manifest {
    var description: RunDescription
    var converted: Int
    var failed: Int
    var patients: Int

    init?(text: String) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              object["format"] as? String == RunDescription.format,
              let source = object["dataset"] as? String,
              let fingerprint = object["fingerprint"] as? String,
              let datasetRecords = (object["dataset_records"] as? NSNumber)?.intValue,
              let shardText = object["shard"] as? String, let shard = try? Shard(parsing: shardText),
              let records = (object["records"] as? NSNumber)?.intValue,
              let outputs = object["outputs"] as? [String],
              let patientOutputs = object["patient_outputs"] as? [String],
              let headed = object["outputs_with_header"] as? [String],
              let processor = object["processor"] as? String,
              let converted = (object["converted"] as? NSNumber)?.intValue,
              let failed = (object["errors"] as? NSNumber)?.intValue,
              let patients = (object["patients"] as? NSNumber)?.intValue
        else { return nil }
        description = RunDescription(
            source: source, fingerprint: fingerprint, datasetRecords: datasetRecords, shard: shard,
            records: records, outputs: outputs.map { BatchOutput(name: $0, header: headed.contains($0) ? "" : nil) },
            patientOutputs: patientOutputs.map { BatchOutput(name: $0, header: headed.contains($0) ? "" : nil) },
            processorSignature: processor,
            patientProcessorSignature: object["patient_processor"] as? String, chunkSize: 0)
        self.converted = converted
        self.failed = failed
        self.patients = patients
    }
}
