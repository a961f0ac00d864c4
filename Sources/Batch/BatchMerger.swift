import Datasets
import Foundation

/// Joins the output folders of the shards `0/N … N-1/N` of one conversion into the output an
/// unsharded conversion would have written, byte for byte.
///
/// Each shard's `index.tsv` gives, in dataset order, every record's position and whether it
/// went to the record outputs or to `errors.jsonl`; a k-way merge on position takes each
/// record's lines from its shard. Patients are whole within a shard, so the patient outputs
/// merge by subject id through each shard's `patients.tsv`. Everything streams.
public enum BatchMerger {
    /// Merges `shards` (output folders of finished shard conversions) into `folder`.
    @discardableResult
    public static func merge(_ shards: [URL], into folder: URL) throws -> ConversionSummary {
        guard !shards.isEmpty else { throw BatchError("merge needs the output folders of the shards") }
        let manifests = try shards.map { url -> Manifest in
            let file = url.appendingPathComponent(BatchConverter.manifestFile)
            guard let text = try? String(contentsOf: file, encoding: .utf8) else {
                throw BatchError("\(file.path) is missing: \(url.path) is not a finished conversion (run its convert command again to finish it)")
            }
            guard let manifest = Manifest(text: text) else {
                throw BatchError("\(file.path) is not a conversion manifest this version can read")
            }
            return manifest
        }
        let first = manifests[0].description
        let count = first.shard.count
        var seen = Set<Int>()
        for (url, manifest) in zip(shards, manifests) {
            let d = manifest.description
            guard d.fingerprint == first.fingerprint, d.datasetRecords == first.datasetRecords else {
                throw BatchError("\(url.path) is a conversion of another dataset than \(shards[0].path) (fingerprint \(d.fingerprint) ≠ \(first.fingerprint))")
            }
            guard d.processorSignature == first.processorSignature,
                  d.patientProcessorSignature == first.patientProcessorSignature,
                  d.outputs == first.outputs, d.patientOutputs == first.patientOutputs else {
                throw BatchError("\(url.path) was converted with other options than \(shards[0].path) (\(d.processorSignature) ≠ \(first.processorSignature))")
            }
            guard d.shard.count == count else {
                throw BatchError("\(url.path) is shard \(d.shard) but \(shards[0].path) is shard \(first.shard): the shard counts differ")
            }
            guard seen.insert(d.shard.index).inserted else {
                throw BatchError("shard \(d.shard) is given twice (\(url.path))")
            }
        }
        let missing = (0..<count).filter { !seen.contains($0) }
        guard missing.isEmpty else {
            throw BatchError("shards \(missing.map { "\($0)/\(count)" }.joined(separator: ", ")) are missing: merge needs all \(count) shards")
        }

        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let headers = try headerLines(of: first.outputs, in: shards)
        let patientHeaders = try headerLines(of: first.patientOutputs, in: shards)
        var pending: [PendingFile] = []
        defer { for file in pending { file.discard() } }
        func create(_ name: String, header: String?) throws -> PendingFile {
            let file = try PendingFile(folder.appendingPathComponent(name))
            if let header { try file.appendLine(header) }
            pending.append(file)
            return file
        }

        // Records, by dataset position.
        let index = try create(BatchConverter.indexFile, header: BatchConverter.indexHeader)
        let errors = try create(BatchConverter.errorsFile, header: nil)
        let outputs = try first.outputs.map { try create($0.name, header: headers[$0.name] ?? nil) }
        var streams = try shards.map { shard in
            try ShardStream(shard, index: BatchConverter.indexFile, keyHeader: BatchConverter.indexHeader,
                            outputs: [BatchConverter.errorsFile] + first.outputs.map(\.name),
                            headers: [nil] + first.outputs.map { headers[$0.name] ?? nil })
        }
        var converted = 0, failed = 0
        while let k = streams.indices.filter({ streams[$0].current != nil })
            .min(by: { streams[$0].current!.key < streams[$1].current!.key }) {
            let line = streams[k].current!.line
            try index.appendLine(line)
            if line.hasSuffix("\terror") {
                try errors.appendLine(try streams[k].take(0))
                failed += 1
            } else {
                for j in outputs.indices { try outputs[j].appendLine(try streams[k].take(j + 1)) }
                converted += 1
            }
            try streams[k].advance()
        }

        // Patients, by subject id.
        var patients = 0
        if first.patientProcessorSignature != nil {
            let patientIndex = try create(BatchConverter.patientIndexFile, header: "subject_id")
            let patientFiles = try first.patientOutputs.map { try create($0.name, header: patientHeaders[$0.name] ?? nil) }
            var patientStreams = try shards.map { shard in
                try ShardStream(shard, index: BatchConverter.patientIndexFile, keyHeader: "subject_id",
                                outputs: first.patientOutputs.map(\.name),
                                headers: first.patientOutputs.map { patientHeaders[$0.name] ?? nil })
            }
            while let k = patientStreams.indices.filter({ patientStreams[$0].current != nil })
                .min(by: { patientStreams[$0].current!.key < patientStreams[$1].current!.key }) {
                try patientIndex.appendLine(patientStreams[k].current!.line)
                for j in patientFiles.indices { try patientFiles[j].appendLine(try patientStreams[k].take(j)) }
                patients += 1
                try patientStreams[k].advance()
            }
        }
        for file in pending { try file.commit() }
        pending.removeAll()

        // The HDF5 export is made from the joined text outputs, as after an unsharded run.
        if first.outputs.contains(where: { $0.name == HDF5Export.fiducialsFile }) {
            try HDF5Export.write(from: folder)
        }
        var merged = first
        merged.shard = .all
        merged.records = manifests.reduce(0) { $0 + $1.description.records }
        try AtomicFile.write(Data(merged.manifestText(converted: converted, failed: failed, patients: patients).utf8),
                             to: folder.appendingPathComponent(BatchConverter.manifestFile))
        return ConversionSummary(records: merged.records, converted: converted, failed: failed, patients: patients,
                                 resumedRecords: 0, processedRecords: 0, processingSeconds: 0,
                                 finishingSeconds: 0, wasAlreadyComplete: false)
    }

    /// Each output's header line as the shards wrote it (they must agree).
    private static func headerLines(of outputs: [BatchOutput], in shards: [URL]) throws -> [String: String?] {
        var headers: [String: String?] = [:]
        for output in outputs {
            guard output.header != nil else {
                headers[output.name] = .some(nil)
                continue
            }
            let lines = try shards.map { try LineReader($0.appendingPathComponent(output.name)).next() }
            guard let header = lines[0], lines.allSatisfy({ $0 == header }) else {
                throw BatchError("the shards' \(output.name) files do not start with the same header line")
            }
            headers[output.name] = header
        }
        return headers
    }
}

/// One shard's index and outputs, read in step.
private struct ShardStream {
    let folder: URL
    private let index: LineReader
    private let outputs: [LineReader]
    /// The index line under the cursor and its numeric key (position or subject id).
    private(set) var current: (key: Int, line: String)?

    init(_ folder: URL, index name: String, keyHeader: String, outputs names: [String], headers: [String?]) throws {
        self.folder = folder
        index = try LineReader(folder.appendingPathComponent(name))
        guard try index.next() == keyHeader else {
            throw BatchError("\(folder.appendingPathComponent(name).path): the first line is not '\(keyHeader)'")
        }
        outputs = try zip(names, headers).map { name, header in
            let reader = try LineReader(folder.appendingPathComponent(name))
            if header != nil { _ = try reader.next() }
            return reader
        }
        try advance()
    }

    mutating func advance() throws {
        guard let line = try index.next() else {
            current = nil
            return
        }
        let key = line.prefix { $0 != "\t" }
        guard let value = Int(key) else {
            throw BatchError("\(folder.path): index line \(index.lineNumber) does not start with a number")
        }
        if let current, value <= current.key {
            throw BatchError("\(folder.path): index line \(index.lineNumber) is out of order")
        }
        current = (value, line)
    }

    func take(_ output: Int) throws -> String {
        guard let line = try outputs[output].next() else {
            throw BatchError("\(folder.path): an output file has fewer lines than its index says")
        }
        return line
    }
}
