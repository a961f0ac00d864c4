import Datasets
import ECGModel
import Foundation

/// Which records a conversion processes, in which chunks, identified so that a restarted run
/// can check it is continuing the same conversion.
///
/// The plan holds the dataset's index (its ``DatasetEntry`` list, a few hundred bytes per
/// record) but never records' waveforms: workers read each record when they reach it.
public struct ConversionPlan: Sendable {
    /// What was opened (the dataset path as the user gave it), for the manifest.
    public let source: String
    /// Every entry of the dataset, in dataset order; positions index this array.
    public let entries: [DatasetEntry]
    /// The positions this conversion processes (this shard's), in dataset order.
    public let positions: [Int]
    public let shard: Shard
    /// Records per chunk: the unit of work, of atomic output and of resumption.
    public let chunkSize: Int
    /// A stable digest of the whole dataset's index (ids, patients, times, order), the same
    /// on every machine, so shards of one dataset can be recognised by ``merge``.
    public let fingerprint: String

    /// Plans the conversion of `entries` (or of this shard's part of them).
    ///
    /// - Parameter chunkSize: records per chunk; by default about 1/64 of the records, between
    ///   1 and 256, so that small runs still spread over all cores and large ones write a
    ///   manageable number of chunk files.
    public init(source: String, entries: [DatasetEntry], shard: Shard = .all, chunkSize: Int? = nil) throws {
        self.source = source
        self.entries = entries
        self.shard = shard
        positions = entries.indices.filter { shard.contains(entries[$0]) }
        if let chunkSize {
            guard chunkSize >= 1 else { throw BatchError("the chunk size must be at least 1 (got \(chunkSize))") }
            self.chunkSize = chunkSize
        } else {
            self.chunkSize = min(256, max(1, (positions.count + 63) / 64))
        }
        fingerprint = Self.fingerprint(of: entries)
    }

    /// Opens a dataset with ``DatasetLoader`` and plans its conversion.
    public init(opening url: URL, shard: Shard = .all, chunkSize: Int? = nil, limits: ReadLimits = .default) throws {
        let dataset = try DatasetLoader.open(url, limits: limits)
        try self.init(source: url.path, entries: dataset.entries, shard: shard, chunkSize: chunkSize)
    }

    /// Records this conversion processes.
    public var recordCount: Int { positions.count }

    /// How many chunks the records are cut into.
    public var chunkCount: Int { (positions.count + chunkSize - 1) / chunkSize }

    /// The indices into ``positions`` of chunk `index`.
    public func chunk(_ index: Int) -> Range<Int> {
        let start = index * chunkSize
        return start..<min(start + chunkSize, positions.count)
    }

    static func fingerprint(of entries: [DatasetEntry]) -> String {
        var hash = StableHash.fnv1a(String(entries.count))
        for entry in entries {
            var key = entry.recordID
            key += "\t" + (entry.subjectID.map(String.init) ?? "")
            key += "\t" + (entry.studyID.map(String.init) ?? "")
            key += "\t" + (entry.ecgTime.map { String(Int64($0.timeIntervalSince1970)) } ?? "")
            if case .hdf5(let file, let index) = entry.location {
                key += "\t" + file.lastPathComponent + "#" + String(index)
            } else if case .wfdb(let header) = entry.location {
                key += "\t" + header.lastPathComponent
            }
            hash = StableHash.fnv1a(key + "\n", seed: hash)
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
