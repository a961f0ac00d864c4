import Datasets

/// A deterministic 1/N of a dataset, by patient: `--shard K/N` keeps the records whose
/// patient's stable hash is K modulo N, so a patient's records all land in the same shard.
///
/// The hash is FNV-1a (64 bits) of the subject id's decimal digits, the same on every machine
/// and every run (unlike Swift's per-process seeded `Hasher`). A record without a subject id is
/// its own patient and is placed by its record id.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// This shard's number, `0..<count`.
    public var index: Int
    /// How many shards the dataset is cut into.
    public var count: Int

    public init(index: Int, count: Int) throws {
        guard count >= 1, index >= 0, index < count else {
            throw BatchError("shard \(index)/\(count) is not valid: use K/N with 0 ≤ K < N")
        }
        self.index = index
        self.count = count
    }

    /// Parses `K/N`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
            throw BatchError("shard '\(text)' is not of the form K/N (for example 0/8)")
        }
        try self.init(index: k, count: n)
    }

    /// The whole dataset.
    public static let all = try! Shard(index: 0, count: 1)

    public var description: String { "\(index)/\(count)" }

    /// The key a record is sharded by: its subject id, or its record id when it has none.
    public static func patientKey(of entry: DatasetEntry) -> String {
        if let subject = entry.subjectID { return String(subject) }
        return "record:" + entry.recordID
    }

    /// Whether `entry` belongs to this shard.
    public func contains(_ entry: DatasetEntry) -> Bool {
        contains(subjectID: entry.subjectID) { entry.recordID }
    }

    /// Whether the record of this patient (or, without one, of this record id) belongs here.
    public func contains(subjectID: Int?, recordID: () -> String) -> Bool {
        guard count > 1 else { return true }
        let key = subjectID.map { String($0) } ?? "record:" + recordID()
        return Int(StableHash.fnv1a(key) % UInt64(count)) == index
    }
}

/// FNV-1a, a hash with no per-process seed, for decisions that must agree across machines.
public enum StableHash {
    public static func fnv1a<S: Sequence>(bytes: S, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 where S.Element == UInt8 {
        var hash = seed
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }

    public static func fnv1a(_ text: String, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        fnv1a(bytes: text.utf8, seed: seed)
    }
}
