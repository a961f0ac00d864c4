import Foundation
import Testing
@testable import TextMetrics

/// Every English pair of text-metrics.json, every metric variant.
@Suite("Conformance with NLTK 3.10.4 and rouge-score 0.1.2")
struct ConformanceTests {
    let reference: ReferenceFile
    init() throws { reference = try ReferenceFile.load() }

    @Test("284 English pairs are in the reference file")
    func pairCount() throws {
        #expect(reference.english.count == 284)
        #expect(reference.chinese.count == 20)
    }

    @Test("lower_split tokens equal Python's text.lower().split()")
    func lowerSplitTokens() throws {
        var mismatches: [String] = []
        for pair in reference.pairs {
            for side in ["prediction", "reference"] {
                let text: String = try value(pair, side)
                if Tokenizers.lowerSplit(text) != (try tokens(pair, "lower_split", side)) {
                    mismatches.append("\(pair["id"]!) \(side)")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    @Test("word_tokenize_lower tokens equal NLTK's word_tokenize(text.lower(), preserve_line=True)")
    func treebankTokens() throws {
        var mismatches: [String] = []
        for pair in reference.pairs {
            for side in ["prediction", "reference"] {
                let text: String = try value(pair, side)
                if Tokenizers.tokens(text, .wordTokenizeLower) != (try tokens(pair, "word_tokenize_lower", side)) {
                    mismatches.append("\(pair["id"]!) \(side)")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }

    @Test("the scorer with --tokenize word_tokenize_lower reproduces NLTK on raw text")
    func scorerTreebank() throws {
        let scorer = try TextScorer(options: ScoringOptions(tokenization: .wordTokenizeLower), wordNet: try WordNet())
        var matched = 0
        for pair in reference.english {
            let id = pair["id"] as! String
            let s = try scorer.score(prediction: try value(pair, "prediction"), reference: try value(pair, "reference"))
            let bleu = try value(pair, "nltk_bleu1", "word_tokenize_lower", "no_smoothing", as: Double.self)
            let meteor = try value(pair, "meteor", "word_tokenize_lower", "wordnet", as: Double.self)
            #expect(s.bleu1 == bleu && s.meteor == meteor, "\(id)")
            if s.bleu1 == bleu && s.meteor == meteor { matched += 1 }
        }
        print("CONFORMANCE scorer word_tokenize_lower (raw text → BLEU-1, METEOR): \(matched)/284 pairs bit-identical")
    }

    @Test("Porter stems equal NLTK's for every token (both tokenizations)")
    func porterStems() throws {
        let stemmer = PorterStemmer()
        var checked = 0
        var mismatches: [String] = []
        for pair in reference.pairs {
            for (tokenization, stems) in [("lower_split", "porter_stems_of_lower_split"),
                                          ("word_tokenize_lower", "porter_stems_of_word_tokenize_lower")] {
                for side in ["prediction", "reference"] {
                    let words = try tokens(pair, tokenization, side)
                    let expected = try tokens(pair, stems, side)
                    for (word, stem) in zip(words, expected) {
                        checked += 1
                        if stemmer.stem(word) != stem { mismatches.append("\(word) → \(stemmer.stem(word)), NLTK \(stem)") }
                    }
                }
            }
        }
        #expect(checked > 7000)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    @Test("sentence BLEU-1 (no smoothing, method1) and its counts", arguments: ["lower_split", "word_tokenize_lower"])
    func sentenceBLEU1(tokenization: String) throws {
        var matched = 0
        for pair in reference.english {
            let id = pair["id"] as! String
            let hyp = try tokens(pair, tokenization, "prediction")
            let ref = try tokens(pair, tokenization, "reference")
            let expected = try value(pair, "nltk_bleu1", tokenization, "no_smoothing", as: Double.self)
            let vocabulary = Vocabulary()
            let counts = BLEU.counts(hypothesis: vocabulary.ids(hyp), reference: vocabulary.ids(ref), bigrams: false)
            #expect(counts.unigramMatches == (try value(pair, "nltk_bleu1", tokenization, "p1_numerator", as: Int.self)), "\(id)")
            #expect(counts.unigramTotal == (try value(pair, "nltk_bleu1", tokenization, "p1_denominator", as: Int.self)), "\(id)")
            #expect(counts.referenceLength == (try value(pair, "nltk_bleu1", tokenization, "ref_len", as: Int.self)), "\(id)")
            let none = BLEU.sentenceBLEU1(hypothesis: hyp, reference: ref)
            let method1 = BLEU.sentenceBLEU1(hypothesis: hyp, reference: ref, smoothing: .method1)
            #expect(close(none, expected), "\(id): \(none) vs NLTK \(expected)")
            #expect(close(method1, try value(pair, "nltk_bleu1", tokenization, "method1", as: Double.self)), "\(id)")
            if none == expected { matched += 1 }
        }
        print("CONFORMANCE BLEU-1 \(tokenization): \(matched)/\(reference.english.count) pairs bit-identical, all within 1e-12")
        #expect(matched == 284)
    }

    @Test("corpus BLEU-1 pools counts over the 284 pairs", arguments: ["lower_split", "word_tokenize_lower"])
    func corpusBLEU1(tokenization: String) throws {
        let hyps = try reference.english.map { try tokens($0, tokenization, "prediction") }
        let refs = try reference.english.map { try tokens($0, tokenization, "reference") }
        let expected = try value(reference.root, "corpus", "nltk_corpus_bleu1", tokenization, "no_smoothing", as: Double.self)
        let got = BLEU.corpusBLEU1(hypotheses: hyps, references: refs)
        #expect(close(got, expected), "\(got) vs NLTK \(expected)")
        #expect(got == expected, "bit-identical expected")
        let vocabulary = Vocabulary()
        let pooled = zip(hyps, refs).reduce(BLEUCounts.zero) {
            $0 + BLEU.counts(hypothesis: vocabulary.ids($1.0), reference: vocabulary.ids($1.1), bigrams: false)
        }
        #expect(pooled.unigramMatches == (try value(reference.root, "corpus", "nltk_corpus_bleu1", tokenization, "p1_numerator_sum", as: Int.self)))
        #expect(pooled.unigramTotal == (try value(reference.root, "corpus", "nltk_corpus_bleu1", tokenization, "p1_denominator_sum", as: Int.self)))
        let meanOfSentences = zip(hyps, refs).map { BLEU.sentenceBLEU1(hypothesis: $0, reference: $1) }.reduce(0, +) / 284
        #expect(abs(meanOfSentences - got) > 0.01, "corpus BLEU-1 must not be the mean of sentence values")
        print("CONFORMANCE corpus BLEU-1 \(tokenization): \(got) (NLTK \(expected))")
    }

    @Test("ROUGE-L tokens and P/R/F, with and without stemming", arguments: [false, true])
    func rougeL(stemming: Bool) throws {
        let key = stemming ? "stem" : "no_stem"
        var matched = 0
        for pair in reference.english {
            let id = pair["id"] as! String
            let prediction: String = try value(pair, "prediction")
            let target: String = try value(pair, "reference")
            let tokenKey = stemming ? "rouge_stemmed" : "rouge"
            #expect(RougeL.tokens(prediction, useStemmer: stemming) == (try tokens(pair, tokenKey, "prediction")), "\(id)")
            #expect(RougeL.tokens(target, useStemmer: stemming) == (try tokens(pair, tokenKey, "reference")), "\(id)")
            let got = RougeL.score(prediction: prediction, target: target, useStemmer: stemming)
            let p = try value(pair, "rougeL", key, "precision", as: Double.self)
            let r = try value(pair, "rougeL", key, "recall", as: Double.self)
            let f = try value(pair, "rougeL", key, "fmeasure", as: Double.self)
            let ok = close(got.precision, p) && close(got.recall, r) && close(got.fmeasure, f)
            #expect(ok, "\(id): \(got) vs rouge-score P \(p) R \(r) F \(f)")
            if got.precision == p && got.recall == r && got.fmeasure == f { matched += 1 }
        }
        print("CONFORMANCE ROUGE-L \(key): \(matched)/\(reference.english.count) pairs bit-identical, all within 1e-12")
        #expect(matched == 284)
    }

    @Test("METEOR score and alignment, with and without WordNet synonyms",
          arguments: ["lower_split", "word_tokenize_lower"], [true, false])
    func meteor(tokenization: String, synonyms: Bool) throws {
        let meteor = Meteor(wordNet: synonyms ? try WordNet() : nil)
        let key = synonyms ? "wordnet" : "no_synonyms"
        let alignmentKey = synonyms ? "alignment" : "alignment_no_synonyms"
        var matched = 0
        for pair in reference.english {
            let id = pair["id"] as! String
            let hyp = try tokens(pair, tokenization, "prediction")
            let ref = try tokens(pair, tokenization, "reference")
            let expected = try value(pair, "meteor", tokenization, key, as: Double.self)
            let alignment = try meteor.align(hypothesis: hyp, reference: ref)
            func pairs(_ list: [WordMatch]) -> [[Int]] { list.map { [$0.hypothesis, $0.reference] }.sorted { $0[0] < $1[0] } }
            #expect(pairs(alignment.exact) == (try matches(pair, "meteor", tokenization, alignmentKey, "exact")).sorted { $0[0] < $1[0] }, "\(id) exact")
            #expect(pairs(alignment.stem) == (try matches(pair, "meteor", tokenization, alignmentKey, "stem")).sorted { $0[0] < $1[0] }, "\(id) stem")
            #expect(pairs(alignment.synonym) == (try matches(pair, "meteor", tokenization, alignmentKey, "synonym")).sorted { $0[0] < $1[0] }, "\(id) synonym")
            #expect(alignment.chunks == (try value(pair, "meteor", tokenization, alignmentKey, "chunks", as: Int.self)), "\(id) chunks")
            let got = try meteor.score(hypothesis: hyp, reference: ref)
            #expect(close(got, expected), "\(id): \(got) vs NLTK \(expected)")
            if got == expected { matched += 1 }
        }
        print("CONFORMANCE METEOR \(tokenization) \(key): \(matched)/\(reference.english.count) pairs bit-identical, all within 1e-12")
        #expect(matched == 284)
    }

    @Test("WordNet synonym sets equal NLTK's for every stem that reached the synonym stage")
    func synonymLookups() throws {
        let lookups = try value(reference.root, "meteor_synonym_lookups", as: [String: [String]].self)
        let meteor = Meteor(wordNet: try WordNet())
        var mismatches: [String] = []
        for (stem, expected) in lookups where try meteor.synonymCandidates(of: stem) != Set(expected) {
            mismatches.append(stem)
        }
        #expect(lookups.count > 300)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
        print("CONFORMANCE WordNet lookups: \(lookups.count - mismatches.count)/\(lookups.count) match")
    }

    @Test("the scorer's defaults reproduce the published-script numbers for every English pair")
    func scorerDefaults() throws {
        let scorer = try TextScorer(wordNet: try WordNet())
        let stemmed = try TextScorer(options: ScoringOptions(rougeStemming: true, meteorSynonyms: false), wordNet: nil)
        for pair in reference.english {
            let id = pair["id"] as! String
            let prediction: String = try value(pair, "prediction")
            let target: String = try value(pair, "reference")
            let s = try scorer.score(prediction: prediction, reference: target)
            #expect(close(s.bleu1, try value(pair, "nltk_bleu1", "lower_split", "no_smoothing", as: Double.self)), "\(id)")
            #expect(close(s.rougeL.fmeasure, try value(pair, "rougeL", "no_stem", "fmeasure", as: Double.self)), "\(id)")
            #expect(close(s.meteor, try value(pair, "meteor", "lower_split", "wordnet", as: Double.self)), "\(id)")
            let t = try stemmed.score(prediction: prediction, reference: target)
            #expect(close(t.rougeL.fmeasure, try value(pair, "rougeL", "stem", "fmeasure", as: Double.self)), "\(id)")
            #expect(close(t.rougeL.precision, try value(pair, "rougeL", "stem", "precision", as: Double.self)), "\(id)")
            #expect(close(t.meteor, try value(pair, "meteor", "lower_split", "no_synonyms", as: Double.self)), "\(id)")
        }
    }

    @Test("Chinese pairs: zh_char tokens, BLEU-1, METEOR and ROUGE-L")
    func chinese() throws {
        let scorer = try TextScorer(options: ScoringOptions(tokenization: .zhChar), wordNet: try WordNet())
        for pair in reference.chinese {
            let id = pair["id"] as! String
            let prediction: String = try value(pair, "prediction")
            let target: String = try value(pair, "reference")
            #expect(Tokenizers.zhChar(prediction) == (try tokens(pair, "zh_char", "prediction")), "\(id)")
            #expect(Tokenizers.zhChar(target) == (try tokens(pair, "zh_char", "reference")), "\(id)")
            #expect(Tokenization.auto.resolved(prediction: prediction, reference: target) == .zhChar, "\(id)")
            let s = try scorer.score(prediction: prediction, reference: target)
            #expect(close(s.bleu1, try value(pair, "nltk_bleu1", "zh_char", "no_smoothing", as: Double.self)), "\(id)")
            #expect(close(s.meteor, try value(pair, "meteor", "zh_char", "wordnet", as: Double.self)), "\(id)")
            #expect(close(s.rougeL.fmeasure, try value(pair, "rougeL", "zh_char", "fmeasure", as: Double.self)), "\(id)")
            #expect(close(s.rougeL.recall, try value(pair, "rougeL", "zh_char", "recall", as: Double.self)), "\(id)")
        }
    }

    @Test("sacreBLEU 13a tokens for every pair")
    func sacreBLEU13a() throws {
        var mismatches: [String] = []
        for pair in reference.pairs {
            for side in ["prediction", "reference"] {
                let text: String = try value(pair, side)
                if Tokenizers.sacreBLEU13a(text) != (try tokens(pair, "sacrebleu_13a", side)) {
                    mismatches.append("\(pair["id"]!) \(side): \(Tokenizers.sacreBLEU13a(text))")
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }
}
