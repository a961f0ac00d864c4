import Foundation
import Synchronization

/// Princeton WordNet 3.0 read from its database files, answering the one question METEOR asks:
/// which lemma names do `nltk.corpus.wordnet.synsets(word)` return?
///
/// NLTK's `synsets(word)` lower-cases the word, runs `morphy` for each part of speech in the
/// order noun, verb, adjective, adverb (exception lists `*.exc` first, otherwise one round of
/// detachment rules, keeping only forms present in that part of speech's index), and returns
/// every synset of every surviving form. ``lemmaNames(of:)`` reproduces that list of synsets'
/// lemma names in the same order.
///
/// Files are read lazily: the four `index.*` files and `*.exc` lists on the first lookup, each
/// `data.*` file only when a synset in it is needed (memory-mapped). Index lookups are binary
/// searches over the byte-sorted index lines, so nothing is parsed up front. Results are cached.
/// The reader is thread-safe.
public final class WordNet: Sendable {
    /// WordNet's four parts of speech, in the order NLTK's `POS_LIST` visits them.
    public enum PartOfSpeech: String, CaseIterable, Sendable {
        case noun = "n", verb = "v", adjective = "a", adverb = "r"

        /// The suffix of this part of speech's files (`index.noun`, `noun.exc`, …).
        public var fileSuffix: String {
            switch self {
            case .noun: return "noun"
            case .verb: return "verb"
            case .adjective: return "adj"
            case .adverb: return "adv"
            }
        }

        /// NLTK's `MORPHOLOGICAL_SUBSTITUTIONS` for this part of speech, in NLTK's order.
        var detachmentRules: [(String, String)] {
            switch self {
            case .noun:
                return [("s", ""), ("ses", "s"), ("ves", "f"), ("xes", "x"), ("zes", "z"),
                        ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y")]
            case .verb:
                return [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"),
                        ("ed", ""), ("ing", "e"), ("ing", "")]
            case .adjective:
                return [("er", ""), ("est", ""), ("er", "e"), ("est", "e")]
            case .adverb:
                return []
            }
        }
    }

    /// The directory holding `index.noun`, `data.noun`, `noun.exc`, ….
    public let directory: URL

    private let state = Mutex(State())

    private struct State: ~Copyable {
        var indexes: [PartOfSpeech: IndexFile] = [:]
        var exceptions: [PartOfSpeech: [ExactString: [String]]] = [:]
        var dataFiles: [PartOfSpeech: Data] = [:]
        var synsetLemmas: [PartOfSpeech: [Int: [String]]] = [:]
        var lemmaNameCache: [ExactString: [String]] = [:]
    }

    /// The default WordNet directory: `$WORDNET_DIR` if set, else Debian's `/usr/share/wordnet`
    /// (package `wordnet-base`).
    public static var defaultDirectory: URL {
        if let env = ProcessInfo.processInfo.environment["WORDNET_DIR"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        return URL(fileURLWithPath: "/usr/share/wordnet")
    }

    /// Opens WordNet in `directory`, checking that every file it will need exists (nothing is
    /// read yet).
    public init(directory: URL = WordNet.defaultDirectory) throws {
        self.directory = directory
        for pos in PartOfSpeech.allCases {
            for name in ["index.\(pos.fileSuffix)", "data.\(pos.fileSuffix)", "\(pos.fileSuffix).exc"] {
                let path = directory.appendingPathComponent(name).path
                guard FileManager.default.isReadableFile(atPath: path) else {
                    throw WordNetError(file: path, line: nil,
                                       message: "missing; install Debian's wordnet-base or point WORDNET_DIR / --wordnet-dir at a WordNet 3.0 dict directory")
                }
            }
        }
    }

    /// The lemma names of every synset `nltk.corpus.wordnet.synsets(word)` returns, synset by
    /// synset in NLTK's order (duplicates kept; names keep WordNet's case and underscores).
    public func lemmaNames(of word: String) throws -> [String] {
        let key = ExactString(PythonText.lower(word))
        return try state.withLock { state in
            if let cached = state.lemmaNameCache[key] { return cached }
            var names: [String] = []
            for pos in PartOfSpeech.allCases {
                for form in try Self.morphy(key.value, pos, &state, directory) {
                    for offset in try Self.offsets(of: form, pos, &state, directory) ?? [] {
                        names += try Self.synsetLemmas(pos, offset, &state, directory)
                    }
                }
            }
            state.lemmaNameCache[key] = names
            return names
        }
    }

    /// NLTK's `_morphy(form, pos)` (WordNet's base forms of `form` that exist for `pos`).
    public func morphy(_ form: String, _ pos: PartOfSpeech) throws -> [String] {
        try state.withLock { state in try Self.morphy(form, pos, &state, directory) }
    }

    // MARK: Internals (all called with the lock held)

    private static func morphy(_ form: String, _ pos: PartOfSpeech, _ state: inout State,
                               _ directory: URL) throws -> [String] {
        let exceptions = try exceptionList(pos, &state, directory)
        var candidates = [form]
        if let listed = exceptions[ExactString(form)] {
            candidates += listed
        } else {
            let scalars = Array(form.unicodeScalars)
            for (old, new) in pos.detachmentRules {
                let oldScalars = Array(old.unicodeScalars)
                if scalars.count >= oldScalars.count,
                   scalars[(scalars.count - oldScalars.count)...].elementsEqual(oldScalars) {
                    var view = String.UnicodeScalarView()
                    view.append(contentsOf: scalars[0..<(scalars.count - oldScalars.count)])
                    view.append(contentsOf: new.unicodeScalars)
                    candidates.append(String(view))
                }
            }
        }
        var result: [String] = []
        var seen = Set<ExactString>()
        for candidate in candidates where try offsets(of: candidate, pos, &state, directory) != nil {
            if seen.insert(ExactString(candidate)).inserted { result.append(candidate) }
        }
        return result
    }

    private static func exceptionList(_ pos: PartOfSpeech, _ state: inout State,
                                      _ directory: URL) throws -> [ExactString: [String]] {
        if let loaded = state.exceptions[pos] { return loaded }
        let path = directory.appendingPathComponent("\(pos.fileSuffix).exc").path
        let text = try readText(path)
        var map: [ExactString: [String]] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let terms = PythonText.split(String(line))
            guard let first = terms.first else { continue }
            map[ExactString(first)] = Array(terms.dropFirst())
        }
        state.exceptions[pos] = map
        return map
    }

    private static func offsets(of lemma: String, _ pos: PartOfSpeech, _ state: inout State,
                                _ directory: URL) throws -> [Int]? {
        if state.indexes[pos] == nil {
            state.indexes[pos] = try IndexFile(path: directory.appendingPathComponent("index.\(pos.fileSuffix)").path)
        }
        return try state.indexes[pos]!.offsets(of: lemma)
    }

    private static func synsetLemmas(_ pos: PartOfSpeech, _ offset: Int, _ state: inout State,
                                     _ directory: URL) throws -> [String] {
        if let cached = state.synsetLemmas[pos]?[offset] { return cached }
        let path = directory.appendingPathComponent("data.\(pos.fileSuffix)").path
        if state.dataFiles[pos] == nil {
            do {
                state.dataFiles[pos] = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
            } catch {
                throw WordNetError(file: path, line: nil, message: "cannot be read: \(error)")
            }
        }
        let data = state.dataFiles[pos]!
        let names = try DataFileLine.lemmaNames(in: data, at: offset, path: path)
        state.synsetLemmas[pos, default: [:]][offset] = names
        return names
    }

    private static func readText(_ path: String) throws -> String {
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return String(decoding: data, as: UTF8.self)
        } catch {
            throw WordNetError(file: path, line: nil, message: "cannot be read: \(error)")
        }
    }
}

/// A WordNet database file is missing or malformed.
public struct WordNetError: Error, CustomStringConvertible, Sendable {
    /// The file concerned.
    public let file: String
    /// The 1-based line, where one applies.
    public let line: Int?
    /// What is wrong.
    public let message: String

    public var description: String {
        if let line { return "WordNet \(file):\(line): \(message)" }
        return "WordNet \(file): \(message)"
    }
}

/// One `index.*` file, searched in place: WordNet sorts index lines by their lemma's bytes.
private struct IndexFile {
    let path: String
    let bytes: [UInt8]
    /// Start of every lemma line (the licence header lines start with a space and are skipped).
    let lineStarts: [Int]

    init(path: String) throws {
        self.path = path
        do {
            bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw WordNetError(file: path, line: nil, message: "cannot be read: \(error)")
        }
        var starts: [Int] = []
        starts.reserveCapacity(bytes.count / 40)
        var lineStart = 0
        var lineNumber = 1
        var previous: ArraySlice<UInt8>? = nil
        let n = bytes.count
        while lineStart < n {
            var end = lineStart
            while end < n && bytes[end] != 0x0A { end += 1 }
            if end > lineStart && bytes[lineStart] != 0x20 {
                let lemma = Self.lemmaBytes(bytes, lineStart)
                if let prev = previous, !prev.lexicographicallyPrecedes(lemma) {
                    throw WordNetError(file: path, line: lineNumber,
                                       message: "index lines are not sorted by lemma; binary search would be wrong")
                }
                previous = lemma
                starts.append(lineStart)
            }
            lineStart = end + 1
            lineNumber += 1
        }
        lineStarts = starts
    }

    static func lemmaBytes(_ bytes: [UInt8], _ start: Int) -> ArraySlice<UInt8> {
        var end = start
        while end < bytes.count && bytes[end] != 0x20 && bytes[end] != 0x0A { end += 1 }
        return bytes[start..<end]
    }

    /// The synset offsets listed for `lemma`, or nil when the lemma is not in this index.
    func offsets(of lemma: String) throws -> [Int]? {
        let key = Array(lemma.utf8)
        var low = 0
        var high = lineStarts.count
        while low < high {
            let mid = (low + high) / 2
            let candidate = Self.lemmaBytes(bytes, lineStarts[mid])
            if candidate.lexicographicallyPrecedes(key) {
                low = mid + 1
            } else {
                high = mid
            }
        }
        guard low < lineStarts.count, Self.lemmaBytes(bytes, lineStarts[low]).elementsEqual(key) else {
            return nil
        }
        return try parseOffsets(lineStart: lineStarts[low])
    }

    /// `lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...`
    private func parseOffsets(lineStart: Int) throws -> [Int] {
        var end = lineStart
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        let line = String(decoding: bytes[lineStart..<end], as: UTF8.self)
        let fields = PythonText.split(line)
        func fail(_ message: String) -> WordNetError {
            let lineNumber = bytes[0..<lineStart].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            return WordNetError(file: path, line: lineNumber, message: message)
        }
        guard fields.count >= 4, let synsetCount = Int(fields[2]), synsetCount > 0,
              let pointerCount = Int(fields[3]), pointerCount >= 0 else {
            throw fail("malformed index line")
        }
        let senseField = 4 + pointerCount
        guard fields.count >= senseField + 2 + synsetCount, Int(fields[senseField]) == synsetCount else {
            throw fail("malformed index line (synset and sense counts disagree)")
        }
        var offsets: [Int] = []
        for field in fields[(senseField + 2)..<(senseField + 2 + synsetCount)] {
            guard let offset = Int(field) else { throw fail("bad synset offset '\(field)'") }
            offsets.append(offset)
        }
        return offsets
    }
}

/// Reads the lemma names of the synset at a byte offset of a `data.*` file.
private enum DataFileLine {
    static func lemmaNames(in data: Data, at offset: Int, path: String) throws -> [String] {
        func fail(_ message: String) -> WordNetError {
            WordNetError(file: path, line: nil, message: "synset at byte offset \(offset): \(message)")
        }
        guard offset >= 0, offset < data.count else { throw fail("offset beyond the end of the file") }
        var end = offset
        let lineBytes: [UInt8] = data.withUnsafeBytes { raw in
            while end < raw.count && raw[end] != 0x0A { end += 1 }
            return Array(raw[offset..<end])
        }
        let line = String(decoding: lineBytes, as: UTF8.self)
        let columns = line.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let fields = PythonText.split(String(columns))
        guard fields.count >= 4, let ownOffset = Int(fields[0]), ownOffset == offset else {
            throw fail("the line there does not start with that offset (index and data files disagree)")
        }
        guard let lemmaCount = Int(fields[3], radix: 16), fields.count >= 4 + 2 * lemmaCount else {
            throw fail("malformed word count")
        }
        var names: [String] = []
        for k in 0..<lemmaCount {
            names.append(stripSyntacticMarker(fields[4 + 2 * k]))
        }
        return names
    }

    /// NLTK's `re.match(r"(.*?)(\([^()]*\))?$", name)`: drop a final `(a)`, `(p)`, `(ip)` marker.
    static func stripSyntacticMarker(_ name: String) -> String {
        let scalars = Array(name.unicodeScalars)
        guard scalars.last == ")", let open = scalars.lastIndex(of: "(") else { return name }
        if scalars[(open + 1)..<(scalars.count - 1)].contains(")") { return name }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[0..<open])
        return String(view)
    }
}
