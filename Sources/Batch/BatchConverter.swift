import Datasets
import ECGModel
import Foundation
import Synchronization

/// Converts a dataset with a ``RecordProcessor`` on a fixed pool of worker threads, resumably.
///
/// ## How work is never lost and never doubled
/// The planned records are cut into chunks of consecutive records (``ConversionPlan/chunkSize``).
/// A worker takes the next unfinished chunk, reads and processes its records one at a time, and
/// writes all the chunk's output lines into one chunk file in `<out>/.ecgnarrator-work/chunks`,
/// atomically (temporary file, fsync, rename). The chunk files present are the manifest of
/// finished work: a run killed at any moment, even by SIGKILL, loses at most the chunks in
/// progress, and the next run with the same command does only the missing chunks. When every
/// chunk is done, the outputs are concatenated in chunk order (= dataset order) into the
/// final files, each written under a temporary name and renamed, then `manifest.json` is
/// written and the work folder removed. The final files therefore hold every record exactly
/// once, in dataset order, and their bytes do not depend on the thread count, the chunk size
/// or how many times the run was interrupted.
///
/// Memory holds the dataset index, one record and one chunk's output lines per worker.
public struct BatchConverter: Sendable {
    public var processor: any RecordProcessor
    public var patientProcessor: (any PatientProcessor)?
    /// Worker threads (default: every core).
    public var threads: Int
    public var limits: ReadLimits

    /// The folder inside the output folder holding a run's unfinished work.
    public static let workFolderName = ".ecgnarrator-work"
    /// Files every conversion writes besides the processors' outputs.
    public static let errorsFile = "errors.jsonl"
    public static let indexFile = "index.tsv"
    public static let patientIndexFile = "patients.tsv"
    public static let manifestFile = "manifest.json"
    static let indexHeader = "position\tsubject_id\tstudy_id\trecord\tstatus"
    static let payloadSection = "patient-payload"

    public init(processor: any RecordProcessor, patientProcessor: (any PatientProcessor)? = nil,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount, limits: ReadLimits = .default) {
        self.processor = processor
        self.patientProcessor = patientProcessor
        self.threads = max(1, threads)
        self.limits = limits
    }

    /// Runs (or resumes, or recognises as finished) the conversion of `plan` into `folder`.
    ///
    /// `progress` is called from the calling thread about ten times a second while records are
    /// processed, and once at the end of processing. When `isCancelled` returns `true` (it is
    /// asked before each chunk), the workers finish the chunks they hold and the run throws a
    /// ``BatchError`` saying so; the finished chunks are kept for the next run.
    public func run(_ plan: ConversionPlan, into folder: URL,
                    progress: ((ConversionProgress) -> Void)? = nil,
                    isCancelled: (@Sendable () -> Bool)? = nil) throws -> ConversionSummary {
        AllocatorTuning.keepFreedMemory()
        let manager = FileManager.default
        let work = folder.appendingPathComponent(Self.workFolderName)
        let chunks = work.appendingPathComponent("chunks")
        let description = RunDescription(plan: plan, processor: processor, patientProcessor: patientProcessor)
        do {
            try manager.createDirectory(at: chunks, withIntermediateDirectories: true)
        } catch {
            throw BatchError("\(chunks.path): cannot create the work folder (\(error.localizedDescription))")
        }

        // A finished conversion leaves manifest.json and removes its work folder; a rerun of the
        // same command then has nothing to do.
        let manifestURL = folder.appendingPathComponent(Self.manifestFile)
        let runURL = work.appendingPathComponent("run.json")
        if let existing = try? String(contentsOf: manifestURL, encoding: .utf8), !manager.fileExists(atPath: runURL.path) {
            if let summary = description.finishedSummary(fromManifest: existing) {
                try? manager.removeItem(at: work)
                return summary
            }
        }
        if let existing = try? String(contentsOf: runURL, encoding: .utf8) {
            guard existing == description.runText else {
                throw BatchError("""
                    \(folder.path) holds an unfinished conversion of other input or options \
                    (\(runURL.path) differs); run the same command again to finish it, or choose another --out folder
                    """)
            }
        } else {
            // A new conversion: the files of a finished earlier one must not linger beside it.
            if let text = try? String(contentsOf: manifestURL, encoding: .utf8), let old = Manifest(text: text) {
                for name in (old.description.outputs + old.description.patientOutputs).map(\.name)
                    + [Self.indexFile, Self.errorsFile, Self.patientIndexFile] where !name.contains("/") {
                    try? manager.removeItem(at: folder.appendingPathComponent(name))
                }
            }
            try? manager.removeItem(at: manifestURL)
            try FileIO.writeDurably(Data(description.runText.utf8), to: runURL)
        }

        var done = Set<Int>()
        for name in (try? manager.contentsOfDirectory(atPath: chunks.path)) ?? [] {
            if name.hasPrefix(".") {
                try? manager.removeItem(at: chunks.appendingPathComponent(name))
            } else if let index = ChunkFile.index(fromFileName: name), index < plan.chunkCount {
                done.insert(index)
            }
        }
        let pending = (0..<plan.chunkCount).filter { !done.contains($0) }
        let recordsAtStart = done.reduce(0) { $0 + plan.chunk($1).count }

        let start = Date()
        try process(pending, of: plan, into: chunks, recordsAtStart: recordsAtStart, progress: progress,
                    isCancelled: isCancelled)
        let processed = Date()
        var summary = try Finisher(plan: plan, converter: self, description: description, folder: folder,
                                   chunks: chunks).finish()
        try manager.removeItem(at: work)
        summary.resumedRecords = recordsAtStart
        summary.processedRecords = plan.recordCount - recordsAtStart
        summary.processingSeconds = processed.timeIntervalSince(start)
        summary.finishingSeconds = Date().timeIntervalSince(processed)
        return summary
    }

    /// Processes the `pending` chunks on the worker threads, reporting progress meanwhile.
    private func process(_ pending: [Int], of plan: ConversionPlan, into chunks: URL, recordsAtStart: Int,
                         progress: ((ConversionProgress) -> Void)?, isCancelled: (@Sendable () -> Bool)?) throws {
        let state = WorkerState()
        let start = Date()
        let workers = min(threads, max(1, pending.count))
        for _ in 0..<workers {
            let thread = Thread { [self] in
                while !state.stop.load(ordering: .relaxed) {
                    if let isCancelled, isCancelled() {
                        state.cancelled.store(true, ordering: .relaxed)
                        break
                    }
                    let slot = state.next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard slot < pending.count else { break }
                    let chunkIndex = pending[slot]
                    do {
                        try processChunk(chunkIndex, of: plan).write(into: chunks)
                        state.recordsDone.wrappingAdd(plan.chunk(chunkIndex).count, ordering: .relaxed)
                    } catch {
                        state.failure.withLock { if $0 == nil { $0 = "\(error)" } }
                        state.stop.store(true, ordering: .relaxed)
                    }
                }
                state.workerFinished.signal()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        func report() {
            progress?(ConversionProgress(recordsDone: recordsAtStart + state.recordsDone.load(ordering: .relaxed),
                                         recordsTotal: plan.recordCount, recordsAtStart: recordsAtStart,
                                         elapsedSeconds: Date().timeIntervalSince(start)))
        }
        // Woken by each finishing worker, not only every 0.1 s: a sleep here left the finishing
        // step waiting up to 0.1 s after the last record.
        var finished = 0
        while finished < workers {
            if state.workerFinished.wait(timeout: .now() + 0.1) == .success { finished += 1 }
            report()
        }
        if let failure = state.failure.withLock({ $0 }) { throw BatchError(failure) }
        if state.cancelled.load(ordering: .relaxed) {
            let done = recordsAtStart + state.recordsDone.load(ordering: .relaxed)
            throw BatchError("conversion interrupted with \(done) of \(plan.recordCount) records done; run the same command again to continue")
        }
    }

    /// Reads and processes one chunk's records into a chunk file (not yet written).
    func processChunk(_ index: Int, of plan: ConversionPlan) throws -> ChunkFile {
        let outputs = processor.outputs
        var lines = [[UInt8]](repeating: [], count: outputs.count)
        var errors: [UInt8] = []
        var indexLines: [UInt8] = []
        var payloads: [UInt8] = []
        let range = plan.chunk(index)
        for slot in range {
            let position = plan.positions[slot]
            let entry = plan.index.entry(at: position)
            var status = "ok"
            do {
                let record = try entry.readRecord(limits: limits)
                let result = try processor.process(record, entry: entry)
                let recordLines = try outputs.map { output -> String in
                    guard let line = result.lines[output.name] else {
                        throw BatchError("the processor gave no line for \(output.name)")
                    }
                    guard !LineBreakCheck.containsLineBreak(line) else {
                        throw BatchError("the processor's line for \(output.name) contains a line break")
                    }
                    return line
                }
                for (k, line) in recordLines.enumerated() {
                    lines[k].append(contentsOf: line.utf8)
                    lines[k].append(0x0A)
                }
                if patientProcessor != nil, let payload = result.patientPayload {
                    payloads.append(contentsOf: "\(position)\t\(Self.singleLine(payload))\n".utf8)
                }
            } catch {
                status = "error"
                errors.append(contentsOf: Self.errorLine(position: position, entry: entry, error: error).utf8)
                errors.append(0x0A)
            }
            indexLines.append(contentsOf: Self.indexLine(position: position, entry: entry, status: status).utf8)
            indexLines.append(0x0A)
        }
        var sections: [(name: String, bytes: [UInt8])] = [(Self.indexFile, indexLines), (Self.errorsFile, errors)]
        for (k, output) in outputs.enumerated() { sections.append((output.name, lines[k])) }
        if patientProcessor != nil { sections.append((Self.payloadSection, payloads)) }
        return ChunkFile(index: index, recordCount: range.count, sections: sections)
    }

    static func errorLine(position: Int, entry: DatasetEntry, error: any Error) -> String {
        JSONLine.object([
            ("position", String(position)),
            ("record", JSONLine.string(entry.recordID)),
            ("subject_id", JSONLine.integer(entry.subjectID)),
            ("study_id", JSONLine.integer(entry.studyID)),
            ("source", JSONLine.string(entry.location.description)),
            ("error", JSONLine.string(String(describing: error))),
        ])
    }

    static func indexLine(position: Int, entry: DatasetEntry, status: String) -> String {
        [String(position), entry.subjectID.map(String.init) ?? "", entry.studyID.map(String.init) ?? "",
         singleLine(entry.recordID), status].joined(separator: "\t")
    }

    static func singleLine(_ text: String) -> String {
        // Every tab and line break (U+000A–U+000D, U+0085, U+2028, U+2029) has a UTF-8 byte in
        // 0x09…0x0D or the lead byte 0xC2 or 0xE2: text without one (the usual payload, a whole
        // record's JSON) is returned as it is instead of being rebuilt character by character.
        let mayBreak = text.utf8.contains { $0 >= 0x09 && $0 <= 0x0D || $0 == 0xC2 || $0 == 0xE2 }
        guard mayBreak else { return text }
        return String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }
}

/// Counters the worker threads share.
private final class WorkerState: Sendable {
    let next = Atomic<Int>(0)
    let recordsDone = Atomic<Int>(0)
    let stop = Atomic<Bool>(false)
    let cancelled = Atomic<Bool>(false)
    let failure = Mutex<String?>(nil)
    let workerFinished = DispatchSemaphore(value: 0)
}
