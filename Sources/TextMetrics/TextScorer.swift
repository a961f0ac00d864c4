/// Which metric variants a ``TextScorer`` computes. The defaults are what the papers' Python
/// code does: `lower_split` tokens, no BLEU smoothing, ROUGE-L without stemming, METEOR with
/// WordNet synonyms.
public struct ScoringOptions: Sendable, Equatable {
    /// Tokens for BLEU-1 and METEOR (and ROUGE-L under `zh_char`).
    public var tokenization: Tokenization
    /// `rouge-score`'s `use_stemmer`.
    public var rougeStemming: Bool
    /// METEOR's WordNet synonym stage (needs a ``WordNet``).
    public var meteorSynonyms: Bool
    /// NLTK BLEU smoothing method (default none).
    public var smoothing: BLEUSmoothing
    /// METEOR's α, β, γ.
    public var meteorParameters: MeteorParameters

    public init(tokenization: Tokenization = .lowerSplit, rougeStemming: Bool = false,
                meteorSynonyms: Bool = true, smoothing: BLEUSmoothing = .none,
                meteorParameters: MeteorParameters = MeteorParameters()) {
        self.tokenization = tokenization
        self.rougeStemming = rougeStemming
        self.meteorSynonyms = meteorSynonyms
        self.smoothing = smoothing
        self.meteorParameters = meteorParameters
    }
}

/// The three metrics for one prediction/reference pair.
public struct PairScore: Sendable, Equatable {
    /// Sentence BLEU-1 (NLTK `sentence_bleu`, weights (1, 0, 0, 0)).
    public var bleu1: Double
    /// ROUGE-L precision, recall and F (rouge-score).
    public var rougeL: RougeLScore
    /// METEOR (NLTK `meteor_score`).
    public var meteor: Double
    /// The counts behind `bleu1`, for corpus BLEU-1.
    public var bleuCounts: BLEUCounts
}

/// Scores prediction/reference pairs with BLEU-1, ROUGE-L and METEOR.
///
/// Keeps a vocabulary and per-word caches (stems, synonym sets), so one scorer should score many
/// pairs. Not thread-safe: use one per thread.
public final class TextScorer {
    public let options: ScoringOptions
    private let vocabulary = Vocabulary()
    private let meteor: Meteor
    private let stemmer = PorterStemmer()
    private var rougeStemCache: [Int32: Int32?] = [:]

    /// - Parameter wordNet: required when `options.meteorSynonyms` is true.
    public init(options: ScoringOptions = ScoringOptions(), wordNet: WordNet?) throws {
        if options.meteorSynonyms && wordNet == nil {
            throw ScoringError(message: "METEOR's synonym stage needs WordNet (or turn synonyms off)")
        }
        self.options = options
        self.meteor = Meteor(wordNet: options.meteorSynonyms ? wordNet : nil,
                             parameters: options.meteorParameters, vocabulary: vocabulary)
    }

    /// Scores one pair of raw answers.
    public func score(prediction: String, reference: String) throws -> PairScore {
        let tokenization = options.tokenization.resolved(prediction: prediction, reference: reference)
        let hyp = tokenIDs(prediction, tokenization)
        let ref = tokenIDs(reference, tokenization)
        let counts = BLEU.counts(hypothesis: hyp, reference: ref, bigrams: options.smoothing.needsBigrams)
        let rouge: RougeLScore
        if tokenization == .zhChar {
            rouge = RougeL.score(prediction: hyp, target: ref)
        } else {
            rouge = RougeL.score(prediction: rougeTokens(prediction), target: rougeTokens(reference))
        }
        return PairScore(bleu1: BLEU.bleu1(counts, smoothing: options.smoothing), rougeL: rouge,
                         meteor: try meteor.score(hypothesisIDs: hyp, referenceIDs: ref),
                         bleuCounts: counts)
    }

    private func tokenIDs(_ text: String, _ tokenization: Tokenization) -> [Int32] {
        if tokenization == .lowerSplit, let ids = vocabulary.lowerSplitIDs(text) { return ids }
        return vocabulary.ids(Tokenizers.tokens(text, tokenization))
    }

    private func rougeTokens(_ text: String) -> [Int32] {
        let ids = vocabulary.rougeIDs(text) ?? vocabulary.ids(RougeL.tokens(text, useStemmer: false))
        guard options.rougeStemming else { return ids }
        return ids.compactMap { id in
            if let cached = rougeStemCache[id] { return cached }
            let token = vocabulary[id]
            var result: Int32? = id
            if token.utf8.count > 3 {
                let stemmed = stemmer.stem(token)
                result = !stemmed.isEmpty && stemmed.utf8.allSatisfy(RougeL.isAlphanumeric) ? vocabulary.id(stemmed) : nil
            }
            rougeStemCache[id] = result
            return result
        }
    }
}
