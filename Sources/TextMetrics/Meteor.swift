import Foundation

/// The parameters of NLTK's `meteor_score` (its defaults: α = 0.9, β = 3, γ = 0.5).
public struct MeteorParameters: Sendable, Equatable {
    /// Weight of precision against recall in the harmonic mean.
    public var alpha: Double
    /// Shape of the fragmentation penalty.
    public var beta: Double
    /// Weight of the fragmentation penalty.
    public var gamma: Double

    public init(alpha: Double = 0.9, beta: Double = 3.0, gamma: Double = 0.5) {
        self.alpha = alpha
        self.beta = beta
        self.gamma = gamma
    }
}

/// One aligned word: its position in the hypothesis and in the reference.
public struct WordMatch: Sendable, Equatable, Hashable {
    public let hypothesis: Int
    public let reference: Int

    public init(hypothesis: Int, reference: Int) {
        self.hypothesis = hypothesis
        self.reference = reference
    }
}

/// The alignment METEOR chose, stage by stage, in the order NLTK found the matches.
public struct MeteorAlignment: Sendable, Equatable {
    /// Matches of identical (lower-cased) words.
    public var exact: [WordMatch] = []
    /// Matches of identical Porter stems among the words left over.
    public var stem: [WordMatch] = []
    /// Matches through WordNet among the stems left over.
    public var synonym: [WordMatch] = []
    /// Number of contiguous runs in the matches sorted by hypothesis position (0 without matches).
    public var chunks: Int = 0
    /// Hypothesis and reference lengths in tokens.
    public var hypothesisLength: Int = 0
    public var referenceLength: Int = 0

    /// All matches.
    public var matchCount: Int { exact.count + stem.count + synonym.count }
}

/// METEOR exactly as NLTK 3.10's `nltk.translate.meteor_score.meteor_score` computes it.
///
/// Stages, each greedy over the words still unmatched: exact (lower-cased) words, then Porter
/// stems (NLTK's stemmer), then WordNet synonyms of the *stems*. Within a stage, hypothesis words
/// are visited from last to first and each takes the highest-index candidate in the reference
/// (NLTK documents a fewest-crossings choice but does not implement it). The synonym candidates
/// of a stem `h` are the lemma names (without `_`, case kept) of `wordnet.synsets(h)` plus `h`.
/// Score: `P = m/|hyp|`, `R = m/|ref|`, `F = PR / (αP + (1−α)R)`,
/// `score = (1 − γ (chunks/m)^β) · F`, and 0 when nothing matches.
///
/// A `Meteor` caches stems and synonym sets per word, so reuse one for many pairs. It is not
/// thread-safe; use one per thread.
public final class Meteor {
    /// WordNet for the synonym stage; `nil` turns that stage off.
    public let wordNet: WordNet?
    public let parameters: MeteorParameters

    let vocabulary: Vocabulary
    private let stemmer = PorterStemmer()
    private var loweredCache: [Int32] = []
    private var stemCache: [Int32] = []
    private var synonymCache: [Int32: Set<Int32>] = [:]

    /// - Parameters:
    ///   - wordNet: the WordNet to take synonyms from; `nil` scores without the synonym stage.
    ///   - parameters: α, β, γ.
    public convenience init(wordNet: WordNet?, parameters: MeteorParameters = MeteorParameters()) {
        self.init(wordNet: wordNet, parameters: parameters, vocabulary: Vocabulary())
    }

    init(wordNet: WordNet?, parameters: MeteorParameters, vocabulary: Vocabulary) {
        self.wordNet = wordNet
        self.parameters = parameters
        self.vocabulary = vocabulary
    }

    /// The METEOR score of a tokenized hypothesis against one tokenized reference
    /// (`single_meteor_score`; tokens are lower-cased here, as NLTK's `preprocess` does).
    public func score(hypothesis: [String], reference: [String]) throws -> Double {
        try score(hypothesisIDs: vocabulary.ids(hypothesis), referenceIDs: vocabulary.ids(reference))
    }

    /// The best score over several references (`meteor_score`'s maximum).
    public func score(hypothesis: [String], references: [[String]]) throws -> Double {
        var best = -Double.infinity
        for reference in references { best = max(best, try score(hypothesis: hypothesis, reference: reference)) }
        return best
    }

    /// The alignment behind ``score(hypothesis:reference:)``.
    public func align(hypothesis: [String], reference: [String]) throws -> MeteorAlignment {
        try align(hypothesisIDs: vocabulary.ids(hypothesis), referenceIDs: vocabulary.ids(reference))
    }

    /// The score for an alignment.
    public func score(of alignment: MeteorAlignment) -> Double {
        let m = alignment.matchCount
        guard m > 0, alignment.hypothesisLength > 0, alignment.referenceLength > 0 else { return 0 }
        let precision = Double(m) / Double(alignment.hypothesisLength)
        let recall = Double(m) / Double(alignment.referenceLength)
        let alpha = parameters.alpha
        let fmean = (precision * recall) / (alpha * precision + (1 - alpha) * recall)
        let fragmentation = Double(alignment.chunks) / Double(m)
        let penalty = parameters.gamma * pow(fragmentation, parameters.beta)
        return (1 - penalty) * fmean
    }

    func score(hypothesisIDs: [Int32], referenceIDs: [Int32]) throws -> Double {
        score(of: try align(hypothesisIDs: hypothesisIDs, referenceIDs: referenceIDs))
    }

    func align(hypothesisIDs: [Int32], referenceIDs: [Int32]) throws -> MeteorAlignment {
        let hyp = hypothesisIDs.map(lowered)
        let ref = referenceIDs.map(lowered)
        var alignment = MeteorAlignment()
        alignment.hypothesisLength = hyp.count
        alignment.referenceLength = ref.count
        var hypFree = [Bool](repeating: true, count: hyp.count)
        var refFree = [Bool](repeating: true, count: ref.count)

        alignment.exact = Self.matchGreedily(hyp, ref, &hypFree, &refFree)

        let hypStems = hyp.indices.map { hypFree[$0] ? stem(hyp[$0]) : -1 }
        let refStems = ref.indices.map { refFree[$0] ? stem(ref[$0]) : -1 }
        alignment.stem = Self.matchGreedily(hypStems, refStems, &hypFree, &refFree)

        if wordNet != nil, hypFree.contains(true), refFree.contains(true) {
            var synonymMatches: [WordMatch] = []
            for i in hyp.indices.reversed() where hypFree[i] {
                let candidates = try synonyms(ofStem: hypStems[i])
                for j in ref.indices.reversed() where refFree[j] && candidates.contains(refStems[j]) {
                    synonymMatches.append(WordMatch(hypothesis: i, reference: j))
                    hypFree[i] = false
                    refFree[j] = false
                    break
                }
            }
            alignment.synonym = synonymMatches
        }

        let sorted = (alignment.exact + alignment.stem + alignment.synonym).sorted { $0.hypothesis < $1.hypothesis }
        var chunks = sorted.isEmpty ? 0 : 1
        if sorted.count > 1 {
            for k in 0..<(sorted.count - 1) {
                let a = sorted[k], b = sorted[k + 1]
                if !(b.hypothesis == a.hypothesis + 1 && b.reference == a.reference + 1) { chunks += 1 }
            }
        }
        alignment.chunks = chunks
        return alignment
    }

    /// NLTK's `_match_enums`: hypothesis words from last to first, each taking the
    /// highest-index free reference word it equals.
    private static func matchGreedily(_ hyp: [Int32], _ ref: [Int32], _ hypFree: inout [Bool],
                                      _ refFree: inout [Bool]) -> [WordMatch] {
        var matches: [WordMatch] = []
        for i in hyp.indices.reversed() where hypFree[i] {
            let word = hyp[i]
            for j in ref.indices.reversed() where ref[j] == word && refFree[j] {
                matches.append(WordMatch(hypothesis: i, reference: j))
                hypFree[i] = false
                refFree[j] = false
                break
            }
        }
        return matches
    }

    private func grow(_ cache: inout [Int32]) {
        if cache.count < vocabulary.count {
            cache.append(contentsOf: repeatElement(-1, count: vocabulary.count - cache.count))
        }
    }

    private func lowered(_ id: Int32) -> Int32 {
        grow(&loweredCache)
        if loweredCache[Int(id)] >= 0 { return loweredCache[Int(id)] }
        let word = vocabulary[id]
        let lower = PythonText.lower(word)
        let result = PythonText.identical(lower, word) ? id : vocabulary.id(lower)
        grow(&loweredCache)
        loweredCache[Int(id)] = result
        return result
    }

    private func stem(_ id: Int32) -> Int32 {
        grow(&stemCache)
        if stemCache[Int(id)] >= 0 { return stemCache[Int(id)] }
        let result = vocabulary.id(stemmer.stem(vocabulary[id]))
        grow(&stemCache)
        stemCache[Int(id)] = result
        return result
    }

    private func synonyms(ofStem id: Int32) throws -> Set<Int32> {
        if let cached = synonymCache[id] { return cached }
        var set: Set<Int32> = [id]
        if let wordNet {
            for name in try wordNet.lemmaNames(of: vocabulary[id]) where !name.unicodeScalars.contains("_") {
                set.insert(vocabulary.id(name))
            }
        }
        synonymCache[id] = set
        return set
    }

    /// The synonym candidates of a (stemmed) word: what NLTK tests reference stems against.
    public func synonymCandidates(of word: String) throws -> Set<String> {
        Set(try synonyms(ofStem: vocabulary.id(word)).map { vocabulary[$0] })
    }
}
