/// Interns tokens as small integers so the metrics compare integers instead of strings.
///
/// Two tokens share an id exactly when their UTF-8 bytes (equivalently, their code points) are
/// identical, which is Python's `==`. Tokens can be interned straight from a byte buffer, so the
/// fast tokenizers never build a `String` for a word seen before. Not thread-safe: each scorer
/// owns one.
final class Vocabulary {
    /// All state lives in one struct so that a lookup pays for one exclusivity check, not one
    /// per array access.
    private var storage = Storage()

    init() {}

    var count: Int { storage.strings.count }

    var strings: [String] { storage.strings }

    subscript(id: Int32) -> String { storage.strings[Int(id)] }

    func id(_ token: String) -> Int32 {
        var copy = token
        return copy.withUTF8 { id(utf8: $0) }
    }

    func ids(_ tokens: [String]) -> [Int32] { tokens.map { id($0) } }

    /// The id of the token whose UTF-8 encoding is `utf8`.
    func id(utf8: UnsafeBufferPointer<UInt8>) -> Int32 { storage.id(utf8) }

    private struct Storage {
        var strings: [String] = []
        var hashes: [UInt64] = []
        var starts: [Int] = []
        var bytes: [UInt8] = []
        var table: [Int32] = Array(repeating: -1, count: 1024)
        var mask = 1023

        mutating func id(_ utf8: UnsafeBufferPointer<UInt8>) -> Int32 {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while true {
                let entry = table[slot]
                if entry < 0 { break }
                if hashes[Int(entry)] == hash && equals(Int(entry), utf8) { return entry }
                slot = (slot + 1) & mask
            }
            let id = Int32(strings.count)
            strings.append(String(decoding: utf8, as: UTF8.self))
            hashes.append(hash)
            starts.append(bytes.count)
            bytes.append(contentsOf: utf8)
            table[slot] = id
            if strings.count * 2 > table.count { grow() }
            return id
        }

        private func equals(_ entry: Int, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
            let start = starts[entry]
            let end = entry + 1 < starts.count ? starts[entry + 1] : bytes.count
            guard end - start == utf8.count else { return false }
            return bytes.withUnsafeBufferPointer { stored in
                for k in 0..<utf8.count where stored[start + k] != utf8[k] { return false }
                return true
            }
        }

        private mutating func grow() {
            table = Array(repeating: -1, count: table.count * 2)
            mask = table.count - 1
            for (id, hash) in hashes.enumerated() {
                var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
                while table[slot] >= 0 { slot = (slot + 1) & mask }
                table[slot] = Int32(id)
            }
        }
    }
}

/// Tokenizers that intern straight into a ``Vocabulary``, for pure-ASCII text (the common case).
/// They return nil for other text, which then takes the general `String` path; both paths give
/// the same tokens.
extension Vocabulary {
    /// `text.lower().split()` as ids.
    func lowerSplitIDs(_ text: String) -> [Int32]? {
        var copy = text
        return copy.withUTF8 { utf8 -> [Int32]? in
            var ids: [Int32] = []
            ids.reserveCapacity(utf8.count / 5)
            var scratch = [UInt8](repeating: 0, count: 64)
            var length = 0
            func flush() {
                guard length > 0 else { return }
                ids.append(scratch.withUnsafeBufferPointer { id(utf8: UnsafeBufferPointer(rebasing: $0[0..<length])) })
                length = 0
            }
            for byte in utf8 {
                if byte >= 0x80 { return nil }
                if PythonText.isSpace(UInt32(byte)) {
                    flush()
                } else {
                    if length == scratch.count { scratch += [UInt8](repeating: 0, count: scratch.count) }
                    scratch[length] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    length += 1
                }
            }
            flush()
            return ids
        }
    }

    /// rouge-score's tokenizer without stemming, as ids.
    func rougeIDs(_ text: String) -> [Int32]? {
        var copy = text
        return copy.withUTF8 { utf8 -> [Int32]? in
            var ids: [Int32] = []
            ids.reserveCapacity(utf8.count / 5)
            var scratch = [UInt8](repeating: 0, count: 64)
            var length = 0
            func flush() {
                guard length > 0 else { return }
                ids.append(scratch.withUnsafeBufferPointer { id(utf8: UnsafeBufferPointer(rebasing: $0[0..<length])) })
                length = 0
            }
            for byte in utf8 {
                if byte >= 0x80 { return nil }
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                if RougeL.isAlphanumeric(lower) {
                    if length == scratch.count { scratch += [UInt8](repeating: 0, count: scratch.count) }
                    scratch[length] = lower
                    length += 1
                } else {
                    flush()
                }
            }
            flush()
            return ids
        }
    }
}
