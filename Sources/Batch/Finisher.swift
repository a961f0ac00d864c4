import Datasets
import Foundation

/// Joins a conversion's chunk files into the final outputs, and runs the patient-level step.
struct Finisher {
    /// Records per patient bucket: the patient step holds one bucket's payloads in memory.
    static let bucketRecords = 65_536

    let plan: ConversionPlan
    let converter: BatchConverter
    let description: RunDescription
    let folder: URL
    let chunks: URL

    func finish() throws -> ConversionSummary {
        let outputs = converter.processor.outputs
        var files: [String: PendingFile] = [:]
        var order: [String] = []
        func create(_ name: String, header: String?) throws -> PendingFile {
            let file = try PendingFile(folder.appendingPathComponent(name))
            if let header { try file.appendLine(header) }
            files[name] = file
            order.append(name)
            return file
        }
        defer { for file in files.values { file.discard() } }
        let index = try create(BatchConverter.indexFile, header: BatchConverter.indexHeader)
        let errors = try create(BatchConverter.errorsFile, header: nil)
        let outputFiles = try outputs.map { try create($0.name, header: $0.header) }
        let patients = converter.patientProcessor.map { PatientStep(plan: plan, processor: $0, work: chunks, threads: converter.threads) }
        try patients?.prepareBuckets()

        var failed = 0
        for chunkIndex in 0..<plan.chunkCount {
            let url = chunks.appendingPathComponent(ChunkFile.fileName(chunkIndex))
            let chunk: ChunkFile
            do {
                chunk = try ChunkFile.read(url, expectedIndex: chunkIndex)
            } catch {
                if FileManager.default.fileExists(atPath: url.path) {
                    try? FileManager.default.removeItem(at: url)
                    throw BatchError("\(url.path) was damaged and has been removed; run the same command again to redo its records")
                }
                throw BatchError("\(url.path) is missing; run the same command again to redo its records")
            }
            try index.append(chunk.section(BatchConverter.indexFile))
            let errorBytes = chunk.section(BatchConverter.errorsFile)
            failed += errorBytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            try errors.append(errorBytes)
            for (k, output) in outputs.enumerated() { try outputFiles[k].append(chunk.section(output.name)) }
            try patients?.distribute(chunk.section(BatchConverter.payloadSection))
        }

        var patientCount = 0
        if let patients, let processor = converter.patientProcessor {
            let patientIndex = try create(BatchConverter.patientIndexFile, header: "subject_id")
            let patientFiles = try processor.outputs.map { try create($0.name, header: $0.header) }
            patientCount = try patients.run { subject, lines in
                try patientIndex.appendLine(String(subject))
                for (k, output) in processor.outputs.enumerated() {
                    guard let line = lines[output.name], !LineBreakCheck.containsLineBreak(line) else {
                        throw BatchError("the patient processor gave no single line for \(output.name) of subject \(subject)")
                    }
                    try patientFiles[k].appendLine(line)
                }
            }
        }
        for name in order { try files[name]?.commit() }
        files.removeAll()
        let manifest = description.manifestText(converted: plan.recordCount - failed, failed: failed,
                                                patients: patientCount)
        try AtomicFile.write(Data(manifest.utf8), to: folder.appendingPathComponent(BatchConverter.manifestFile))
        return ConversionSummary(records: plan.recordCount, converted: plan.recordCount - failed, failed: failed,
                                 patients: patientCount, resumedRecords: 0, processedRecords: 0,
                                 processingSeconds: 0, finishingSeconds: 0, wasAlreadyComplete: false)
    }
}

/// The patient-level step in bounded memory.
///
/// Patients (subjects in increasing id) are cut into buckets of consecutive subjects holding at
/// most about ``Finisher/bucketRecords`` records. While the chunks are joined, each converted
/// record's payload is appended to its patient's bucket file; then each bucket is read back on
/// its own, and its patients are processed in order with their records oldest first.
final class PatientStep {
    let plan: ConversionPlan
    let processor: any PatientProcessor
    let work: URL
    /// Threads the patients of a bucket are processed on.
    let threads: Int
    /// Each patient's record positions, oldest first, subjects in increasing id.
    private var patients: [(subject: Int, positions: [Int])] = []
    private var bucketOfSubject: [Int: Int] = [:]
    /// Index of each bucket's first patient in `patients`.
    private var bucketStarts: [Int] = []
    private var bucketFiles: [PendingFile] = []

    init(plan: ConversionPlan, processor: any PatientProcessor, work: URL, threads: Int = 1) {
        self.plan = plan
        self.processor = processor
        self.work = work
        self.threads = threads
    }

    func prepareBuckets() throws {
        var bySubject: [Int: [Int]] = [:]
        for position in plan.positions {
            if let subject = plan.index.subjectID(at: position) { bySubject[subject, default: []].append(position) }
        }
        let index = plan.index
        patients = bySubject.keys.sorted().map { subject in
            let ecgs = (bySubject[subject] ?? []).map { ($0, index.entry(at: $0)) }
            return (subject, ecgs.sorted { Self.inAcquisitionOrder($0.1, $1.1, $0.0, $1.0) }.map(\.0))
        }
        var inBucket = 0
        for (k, patient) in patients.enumerated() {
            if bucketFiles.isEmpty || (inBucket > 0 && inBucket + patient.positions.count > Finisher.bucketRecords) {
                bucketStarts.append(k)
                bucketFiles.append(try PendingFile(work.appendingPathComponent("patients-\(bucketFiles.count).txt")))
                inBucket = 0
            }
            bucketOfSubject[patient.subject] = bucketFiles.count - 1
            inBucket += patient.positions.count
        }
    }

    /// Appends a chunk's payload lines (`position<TAB>payload`) to their buckets.
    func distribute(_ payloads: [UInt8]) throws {
        var start = 0
        while let end = payloads[start...].firstIndex(of: 0x0A) {
            let line = payloads[start...end]
            if let tab = line.firstIndex(of: 0x09),
               let position = Int(String(decoding: payloads[start..<tab], as: UTF8.self)),
               position >= 0, position < plan.index.count,
               let subject = plan.index.subjectID(at: position), let bucket = bucketOfSubject[subject] {
                try bucketFiles[bucket].append(line)
            }
            start = end + 1
        }
    }

    /// Runs the processor on every patient with converted records; returns how many there were.
    func run(_ write: (Int, [String: String]) throws -> Void) throws -> Int {
        var count = 0
        for (bucket, file) in bucketFiles.enumerated() {
            try file.flushToDisk()
            let reader = try LineReader(file.temporary)
            var payloadOf: [Int: String] = [:]
            while let line = try reader.next() {
                guard let tab = line.firstIndex(of: "\t"), let position = Int(line[..<tab]) else { continue }
                payloadOf[position] = String(line[line.index(after: tab)...])
            }
            let end = bucket + 1 < bucketStarts.count ? bucketStarts[bucket + 1] : patients.count
            let present: [(subject: Int, records: [PatientRecord])] = patients[bucketStarts[bucket]..<end].compactMap { patient in
                let records = patient.positions.compactMap { position in
                    payloadOf[position].map { PatientRecord(position: position, payload: $0) }
                }
                return records.isEmpty ? nil : (patient.subject, records)
            }
            payloadOf.removeAll()
            let processor = processor
            let lines = OrderedParallelMap.map(present, threads: threads) {
                processor.process(subjectID: $0.subject, records: $0.records)
            }
            for (patient, patientLines) in zip(present, lines) {
                try write(patient.subject, patientLines)
                count += 1
            }
            file.discard()
        }
        return count
    }

    /// The order of ``Patient/grouping(_:)``: by time (untimed last), study, record, location,
    /// and finally dataset position.
    static func inAcquisitionOrder(_ a: DatasetEntry, _ b: DatasetEntry, _ pa: Int, _ pb: Int) -> Bool {
        if Patient.inAcquisitionOrder(a, b) { return true }
        if Patient.inAcquisitionOrder(b, a) { return false }
        return pa < pb
    }
}
