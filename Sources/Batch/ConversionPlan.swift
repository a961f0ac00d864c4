import Datasets
import ECGModel
import Foundation

/// Which records a conversion processes, in which chunks, identified so that a restarted run
/// can check it is continuing the same conversion.
///
/// The plan holds the dataset's compact ``DatasetIndex`` (a few dozen bytes per record) but
/// never records' waveforms: workers read each record when they reach it.
public struct ConversionPlan: Sendable {
    /// What was opened (the dataset path as the user gave it), for the manifest.
    public let source: String
    /// Every record of the dataset, in dataset order; positions index it.
    public let index: DatasetIndex
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
    public init(source: String, index: DatasetIndex, shard: Shard = .all, chunkSize: Int? = nil) throws {
        self.source = source
        self.index = index
        self.shard = shard
        positions = (0..<index.count).filter { position in
            shard.contains(subjectID: index.subjectID(at: position)) { index.recordID(at: position) }
        }
        if let chunkSize {
            guard chunkSize >= 1 else { throw BatchError("the chunk size must be at least 1 (got \(chunkSize))") }
            self.chunkSize = chunkSize
        } else {
            self.chunkSize = min(256, max(1, (positions.count + 63) / 64))
        }
        fingerprint = Self.fingerprint(of: index)
    }

    /// Plans the conversion of `entries` (a dataset already opened).
    public init(source: String, entries: [DatasetEntry], shard: Shard = .all, chunkSize: Int? = nil) throws {
        try self.init(source: source, index: DatasetIndex(entries: entries), shard: shard, chunkSize: chunkSize)
    }

    /// Opens a dataset (see ``DatasetIndex/init(opening:limits:)``) and plans its conversion.
    public init(opening url: URL, shard: Shard = .all, chunkSize: Int? = nil, limits: ReadLimits = .default) throws {
        try self.init(source: url.path, index: DatasetIndex(opening: url, limits: limits), shard: shard,
                      chunkSize: chunkSize)
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

    static func fingerprint(of index: DatasetIndex) -> String {
        var hash = StableHash.fnv1a(String(index.count))
        for position in 0..<index.count {
            hash = StableHash.fnv1a(index.fingerprintKey(at: position) + "\n", seed: hash)
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
