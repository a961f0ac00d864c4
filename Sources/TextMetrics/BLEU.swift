import Foundation

/// NLTK's `SmoothingFunction` methods, as they act on BLEU-1 (weights `(1, 0, 0, 0)`).
///
/// With all weight on unigrams, NLTK still computes the precisions of orders 2–4 and smooths
/// them, but only the unigram precision reaches the score. Methods 1–4 leave a non-zero unigram
/// precision alone, so they equal no smoothing; methods 5 and 7 average it with the bigram
/// precision and do change BLEU-1. Method 6 is not offered: NLTK raises an `AssertionError` for
/// it whenever the trigram precision is zero, and otherwise it too leaves BLEU-1 unchanged.
public enum BLEUSmoothing: String, CaseIterable, Sendable {
    /// `method0` (NLTK's default: no smoothing).
    case none = "method0"
    case method1, method2, method3, method4, method5, method7

    var needsBigrams: Bool { self == .method5 || self == .method7 }
}

/// The counts behind one BLEU-1 value; summed over pairs they give corpus BLEU-1.
public struct BLEUCounts: Sendable, Equatable {
    /// Clipped unigram matches.
    public var unigramMatches: Int
    /// `max(1, hypothesis length)`: NLTK's unigram precision denominator.
    public var unigramTotal: Int
    /// Hypothesis length in tokens.
    public var hypothesisLength: Int
    /// Reference length in tokens (the closest reference's length, with one reference).
    public var referenceLength: Int
    /// Clipped bigram matches and `max(1, bigram count)` (only filled for smoothing methods 5, 7).
    public var bigramMatches: Int
    public var bigramTotal: Int

    public init(unigramMatches: Int, unigramTotal: Int, hypothesisLength: Int, referenceLength: Int,
                bigramMatches: Int = 0, bigramTotal: Int = 1) {
        self.unigramMatches = unigramMatches
        self.unigramTotal = unigramTotal
        self.hypothesisLength = hypothesisLength
        self.referenceLength = referenceLength
        self.bigramMatches = bigramMatches
        self.bigramTotal = bigramTotal
    }

    /// Pooled counts, as `corpus_bleu` sums them.
    public static func + (a: BLEUCounts, b: BLEUCounts) -> BLEUCounts {
        BLEUCounts(unigramMatches: a.unigramMatches + b.unigramMatches,
                   unigramTotal: a.unigramTotal + b.unigramTotal,
                   hypothesisLength: a.hypothesisLength + b.hypothesisLength,
                   referenceLength: a.referenceLength + b.referenceLength,
                   bigramMatches: a.bigramMatches + b.bigramMatches,
                   bigramTotal: a.bigramTotal + b.bigramTotal)
    }

    public static let zero = BLEUCounts(unigramMatches: 0, unigramTotal: 0, hypothesisLength: 0,
                                        referenceLength: 0, bigramMatches: 0, bigramTotal: 0)
}

/// BLEU-1 as NLTK's `sentence_bleu(..., weights=(1, 0, 0, 0))` and `corpus_bleu` compute it:
/// clipped unigram precision times the brevity penalty, `BP · exp(log p₁)`.
public enum BLEU {
    /// Sentence BLEU-1 of a tokenized hypothesis against one tokenized reference.
    /// Tokens are compared as given (NLTK does not lower-case).
    public static func sentenceBLEU1(hypothesis: [String], reference: [String],
                                     smoothing: BLEUSmoothing = .none) -> Double {
        let vocabulary = Vocabulary()
        let c = counts(hypothesis: vocabulary.ids(hypothesis), reference: vocabulary.ids(reference),
                       bigrams: smoothing.needsBigrams)
        return bleu1(c, smoothing: smoothing)
    }

    /// Corpus BLEU-1 (`corpus_bleu`): counts pooled over all pairs, not a mean of sentences.
    public static func corpusBLEU1(hypotheses: [[String]], references: [[String]],
                                   smoothing: BLEUSmoothing = .none) -> Double {
        let vocabulary = Vocabulary()
        var total = BLEUCounts.zero
        for (h, r) in zip(hypotheses, references) {
            total = total + counts(hypothesis: vocabulary.ids(h), reference: vocabulary.ids(r),
                                   bigrams: smoothing.needsBigrams)
        }
        return bleu1(total, smoothing: smoothing)
    }

    /// The counts of one pair. Bigram counts are only computed when `bigrams` is true.
    static func counts(hypothesis: [Int32], reference: [Int32], bigrams: Bool) -> BLEUCounts {
        var c = BLEUCounts(unigramMatches: clippedMatches(hypothesis.sorted(), reference.sorted()),
                           unigramTotal: max(1, hypothesis.count),
                           hypothesisLength: hypothesis.count, referenceLength: reference.count)
        if bigrams {
            let h = pairs(hypothesis), r = pairs(reference)
            c.bigramMatches = clippedMatches(h.sorted(), r.sorted())
            c.bigramTotal = max(1, h.count)
        }
        return c
    }

    private static func pairs(_ tokens: [Int32]) -> [Int64] {
        guard tokens.count >= 2 else { return [] }
        return (0..<(tokens.count - 1)).map { Int64(tokens[$0]) << 32 | Int64(UInt32(bitPattern: tokens[$0 + 1])) }
    }

    /// Σ over distinct hypothesis items of min(count in hypothesis, count in reference), by a
    /// merge of the two sorted lists.
    private static func clippedMatches<T: Comparable>(_ h: [T], _ r: [T]) -> Int {
        var i = 0, j = 0, matches = 0
        while i < h.count && j < r.count {
            if h[i] < r[j] { i += 1 } else if r[j] < h[i] { j += 1 } else { matches += 1; i += 1; j += 1 }
        }
        return matches
    }

    /// NLTK's `brevity_penalty(closest_ref_len, hyp_len)`.
    public static func brevityPenalty(referenceLength r: Int, hypothesisLength c: Int) -> Double {
        if c > r { return 1 }
        if c == 0 { return 0 }
        return exp(1 - Double(r) / Double(c))
    }

    /// BLEU-1 from (possibly pooled) counts, in NLTK's order of floating-point operations.
    public static func bleu1(_ c: BLEUCounts, smoothing: BLEUSmoothing = .none) -> Double {
        guard c.unigramMatches > 0 else { return 0 }
        let bp = brevityPenalty(referenceLength: c.referenceLength, hypothesisLength: c.hypothesisLength)
        let p1: Double
        let (a, b) = (c.unigramMatches, c.unigramTotal)
        let (a2, b2) = (c.bigramMatches, c.bigramTotal)
        switch smoothing {
        case .none, .method1, .method2, .method3, .method4:
            p1 = Double(a) / Double(b)
        case .method5:
            // ((p1 + 1) + p1 + p2) / 3 in exact fractions, then one rounding.
            p1 = Double(2 * a * b2 + b * b2 + a2 * b) / Double(3 * b * b2)
        case .method7:
            if a2 == 0 && c.hypothesisLength > 1 {
                // method4 first turns p2 into a float, so the sum leaves exact arithmetic.
                let p2 = (1.0 / (10.0 / log(Double(c.hypothesisLength)))) / Double(b2)
                p1 = (Double(2 * a + b) / Double(b) + p2) / 3
            } else {
                p1 = Double(2 * a * b2 + b * b2 + a2 * b) / Double(3 * b * b2)
            }
        }
        return bp * exp(log(p1))
    }
}
