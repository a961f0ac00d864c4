import Foundation
import Testing
@testable import TextMetrics

@Suite("Porter stemmer (NLTK_EXTENSIONS)")
struct PorterStemmerTests {
    let stemmer = PorterStemmer()

    @Test("the paper's examples", arguments: [
        ("caresses", "caress"), ("ponies", "poni"), ("cats", "cat"), ("feed", "feed"),
        ("agreed", "agre"), ("plastered", "plaster"), ("motoring", "motor"), ("hopping", "hop"),
        ("falling", "fall"), ("filing", "file"), ("relational", "relat"), ("conditional", "condit"),
        ("generalization", "gener"), ("electrical", "electr"), ("adjustment", "adjust"),
        ("controlling", "control"), ("roll", "roll"),
    ])
    func paperExamples(word: String, stem: String) {
        #expect(stemmer.stem(word) == stem)
    }

    @Test("NLTK's own extensions", arguments: [
        ("ties", "tie"),          // -ies on a four-letter word keeps "ie"
        ("tied", "tie"), ("cried", "cri"),
        ("dying", "die"), ("skies", "sky"), ("news", "news"), ("proceed", "proceed"),
        ("happy", "happi"), ("enjoy", "enjoy"),  // y → i only after a consonant
        ("generically", "gener"), ("hopefully", "hope"), ("analogies", "analog"),
        ("by", "by"), ("is", "is"),   // two letters or fewer: unchanged
        ("Heart", "heart"),           // lower-cased first
    ])
    func nltkExtensions(word: String, stem: String) {
        #expect(stemmer.stem(word) == stem)
    }

    @Test("punctuation stays glued, as in lower_split tokens")
    func gluedPunctuation() {
        #expect(stemmer.stem("block.") == "block.")
        #expect(stemmer.stem("demonstrates") == "demonstr")
    }
}

@Suite("Tokenizers")
struct TokenizerTests {
    @Test("lower_split splits on every Python whitespace, including NBSP and U+3000")
    func lowerSplit() {
        #expect(Tokenizers.lowerSplit("QTc\u{00A0}470 ms\tNormal\u{3000}axis\n") == ["qtc", "470", "ms", "normal", "axis"])
        #expect(Tokenizers.lowerSplit("   ") == [])
        #expect(Tokenizers.lowerSplit("Block.") == ["block."])
    }

    @Test("Python's lower-casing, final sigma included")
    func lower() {
        #expect(PythonText.lower("\u{039F}\u{0394}\u{039F}\u{03A3}") == "\u{03BF}\u{03B4}\u{03BF}\u{03C2}")
        #expect(PythonText.lower("\u{03A3}\u{0391}") == "\u{03C3}\u{03B1}")
        #expect(PythonText.lower("\u{212A}") == "k")   // Kelvin sign
    }

    @Test("zh_char: one token per CJK character and CJK punctuation, Latin runs via 13a")
    func zhChar() {
        #expect(Tokenizers.zhChar("窦性心律，心率72次/分。") == ["窦", "性", "心", "律", "，", "心", "率", "72", "次", "/", "分", "。"])
        #expect(Tokenizers.zhChar("ST段压低") == ["st", "段", "压", "低"])
        // sacreBLEU's range typo makes general punctuation such as U+2265 "≥" a character token.
        #expect(Tokenizers.zhChar("QRS≥120ms") == ["qrs", "≥", "120ms"])
    }

    @Test("rouge-score's tokenizer drops CJK and splits on everything outside a–z0–9")
    func rougeTokens() {
        #expect(RougeL.tokens("窦性心律 HR 72") == ["hr", "72"])
        #expect(RougeL.tokens("T-wave inversion (V1–V3)") == ["t", "wave", "inversion", "v1", "v3"])
        #expect(RougeL.tokens("inversions noted", useStemmer: true) == ["invers", "note"])
    }

    @Test("auto picks zh_char only when a CJK ideograph is present")
    func auto() {
        #expect(Tokenization.auto.resolved(prediction: "sinus rhythm", reference: "normal") == .lowerSplit)
        #expect(Tokenization.auto.resolved(prediction: "sinus rhythm", reference: "窦性心律") == .zhChar)
    }
}

@Suite("BLEU-1 details")
struct BLEUTests {
    // Values printed by NLTK 3.10.4:
    // sentence_bleu([r], h, weights=(1,0,0,0), smoothing_function=SmoothingFunction().methodN)
    static let cases: [(String, String, [Double])] = [
        ("sinus rhythm with first degree av block", "sinus rhythm with a first degree block",
         [0.8571428571428571, 1.0714285714285714, 1.0714285714285714]),
        ("rhythm sinus", "sinus rhythm is normal today",
         [0.22313016014842982, 0.22313016014842982, 0.22828556152858892]),
        ("normal", "the ecg is within normal limits today",
         [0.0024787521766663585, 0.0024787521766663585, 0.0024787521766663585]),
        ("a b c d a b", "a b a b c d e", [0.846481724890614, 1.0722101848614445, 1.0722101848614445]),
    ]

    @Test("smoothing methods 0, 5 and 7 equal NLTK's", arguments: 0..<4)
    func smoothing(index: Int) {
        let (h, r, expected) = Self.cases[index]
        let hyp = h.split(separator: " ").map(String.init), ref = r.split(separator: " ").map(String.init)
        for (method, value) in zip([BLEUSmoothing.none, .method5, .method7], expected) {
            #expect(BLEU.sentenceBLEU1(hypothesis: hyp, reference: ref, smoothing: method) == value, "\(method)")
        }
        for method in [BLEUSmoothing.method1, .method2, .method3, .method4] {
            #expect(BLEU.sentenceBLEU1(hypothesis: hyp, reference: ref, smoothing: method) == expected[0], "\(method)")
        }
    }

    @Test("corpus BLEU-1 with method5 and method7 equals NLTK's corpus_bleu")
    func corpusSmoothing() {
        let hyps = Self.cases.map { $0.0.split(separator: " ").map(String.init) }
        let refs = Self.cases.map { $0.1.split(separator: " ").map(String.init) }
        #expect(BLEU.corpusBLEU1(hypotheses: hyps, references: refs, smoothing: .method5) == 0.6090314330905178)
        #expect(BLEU.corpusBLEU1(hypotheses: hyps, references: refs, smoothing: .method7) == 0.6090314330905178)
    }

    @Test("clipping: a repeated word counts at most as often as in the reference")
    func clipping() {
        let v = BLEU.sentenceBLEU1(hypothesis: ["the", "the", "the", "the"], reference: ["the", "cat", "sat", "down"])
        #expect(v == 0.25)
        #expect(BLEU.sentenceBLEU1(hypothesis: [], reference: ["a"]) == 0)
    }
}

@Suite("METEOR details")
struct MeteorTests {
    @Test("NLTK's documented synonym checks and the one-word penalty")
    func synonyms() throws {
        let meteor = Meteor(wordNet: try WordNet())
        #expect(try meteor.score(hypothesis: ["ecg"], reference: ["electrocardiogram"]) == 0.5)
        #expect(try meteor.score(hypothesis: ["quick"], reference: ["fast"]) == 0.5)
        #expect(try meteor.score(hypothesis: ["electrocardiogram"], reference: ["ecg"]) == 0.0)
        let plain = Meteor(wordNet: nil)
        #expect(try plain.score(hypothesis: ["ecg"], reference: ["electrocardiogram"]) == 0.0)
    }

    @Test("NLTK's docstring example scores 0.6944 (best of three references)")
    func docstring() throws {
        let meteor = Meteor(wordNet: try WordNet())
        func words(_ s: String) -> [String] { s.split(separator: " ").map(String.init) }
        let hyp = words("It is a guide to action which ensures that the military always obeys the commands of the party")
        let refs = [words("It is a guide to action that ensures that the military will forever heed Party commands"),
                    words("It is the guiding principle which guarantees the military forces always being under the command of the Party"),
                    words("It is the practical guide for the army always to heed the directions of the party")]
        #expect(abs(try meteor.score(hypothesis: hyp, references: refs) - 0.6944) < 0.00005)
    }

    @Test("morphy: exception lists first, otherwise one round of detachment rules")
    func morphy() throws {
        let wordNet = try WordNet()
        #expect(try wordNet.morphy("geese", .noun) == ["goose"])
        #expect(try wordNet.morphy("dogs", .noun) == ["dog"])
        #expect(try wordNet.morphy("placed", .verb) == ["place"])
        #expect(try wordNet.morphy("qtc", .noun) == [])
    }

    @Test("a missing WordNet directory is a clear error naming the file")
    func missingWordNet() {
        #expect { _ = try WordNet(directory: URL(fileURLWithPath: "/nonexistent/wordnet")) } throws: { error in
            "\(error)".contains("/nonexistent/wordnet/index.noun") && "\(error)".contains("wordnet-base")
        }
    }
}

@Suite("Answer files, join and summaries")
struct ScoringTests {
    func records(_ lines: String, file: String) throws -> [AnswerRecord] {
        try AnswerFile.parse(Data(lines.utf8), file: file)
    }

    @Test("ids join across files; string and integer ids both work")
    func join() throws {
        let preds = try records("{\"id\": \"a\", \"answer\": \"x y\"}\n{\"id\": 7, \"task\": \"t2\", \"answer\": \"z\"}\n", file: "p.jsonl")
        let refs = try records("{\"id\": 7, \"task\": \"t2\", \"answer\": \"z\"}\n\n{\"id\": \"a\", \"task\": \"t1\", \"answer\": \"x\"}\n", file: "r.jsonl")
        let pairs = try AnswerFile.join(predictions: preds, predictionsFile: "p.jsonl", references: refs, referencesFile: "r.jsonl")
        #expect(pairs.map(\.id) == [.integer(7), .string("a")])
        #expect(pairs.map(\.task) == ["t2", "t1"])
        #expect(refs[1].line == 3)
    }

    @Test("a missing id is an error naming it", arguments: [true, false])
    func missing(missingPrediction: Bool) throws {
        let full = try records("{\"id\": \"q1\", \"task\": \"t\", \"answer\": \"a\"}\n{\"id\": \"q2\", \"task\": \"t\", \"answer\": \"b\"}", file: "f")
        let short = try records("{\"id\": \"q1\", \"task\": \"t\", \"answer\": \"a\"}", file: "f")
        #expect {
            _ = try AnswerFile.join(predictions: missingPrediction ? short : full, predictionsFile: "pred.jsonl",
                                    references: missingPrediction ? full : short, referencesFile: "ref.jsonl")
        } throws: { error in
            let text = "\(error)"
            return text.contains("\"q2\"") && text.contains(missingPrediction ? "no prediction" : "no reference")
        }
    }

    @Test("a duplicated id is an error naming it and both lines")
    func duplicate() throws {
        let preds = try records("{\"id\": \"q1\", \"answer\": \"a\"}\n{\"id\": \"q1\", \"answer\": \"b\"}", file: "pred.jsonl")
        let refs = try records("{\"id\": \"q1\", \"task\": \"t\", \"answer\": \"a\"}", file: "ref.jsonl")
        #expect {
            _ = try AnswerFile.join(predictions: preds, predictionsFile: "pred.jsonl", references: refs, referencesFile: "ref.jsonl")
        } throws: { error in
            "\(error)" == "pred.jsonl:2: duplicate id \"q1\" (first on line 1)"
        }
    }

    @Test("a malformed line is an error naming file and line")
    func malformed() {
        #expect {
            _ = try AnswerFile.parse(Data("{\"id\": \"q1\", \"answer\": \"a\"}\n{\"id\": \"q2\"}\n".utf8), file: "pred.jsonl")
        } throws: { error in
            "\(error)".hasPrefix("pred.jsonl:2:") && "\(error)".contains("answer")
        }
    }

    @Test("bootstrap intervals are deterministic, bracket the mean, and depend on the seed")
    func bootstrap() {
        var rng = SplitMix64(seed: 99)
        let values = (0..<200).map { _ in Double(rng.next(below: 1000)) / 1000 }
        let mean = values.reduce(0, +) / 200
        let b = Bootstrap()
        let first = b.interval(values, group: "task")
        let second = b.interval(values, group: "task")
        #expect(first == second)
        // Paired resamples: a metric's interval is the same whether scored alone or with others.
        let together = b.intervals([values.map { 1 - $0 }, values], group: "task")
        #expect(together[1] == first)
        #expect(first.lower < mean && mean < first.upper)
        // A 95 % interval of a mean of 200 uniform values is about ±0.04 wide.
        #expect(first.upper - first.lower > 0.05 && first.upper - first.lower < 0.12)
        let other = Bootstrap(seed: 7).interval(values, group: "task")
        #expect(other != first)
    }

    @Test("summaries group by task and pool corpus BLEU-1 per group")
    func summaries() throws {
        let scorer = try TextScorer(options: ScoringOptions(meteorSynonyms: false), wordNet: nil)
        let pairs = [
            AnswerPair(id: .integer(1), task: "b", prediction: "sinus rhythm", reference: "sinus rhythm"),
            AnswerPair(id: .integer(2), task: "a", prediction: "atrial fibrillation", reference: "sinus rhythm"),
            AnswerPair(id: .integer(3), task: "a", prediction: "normal", reference: "normal ecg today"),
        ]
        let scored = try ScoreReport.score(pairs, scorer: scorer)
        let summaries = ScoreReport.summarize(scored, grouping: .task)
        #expect(summaries.map(\.group) == ["a", "b", "ALL"])
        #expect(summaries.map(\.count) == [2, 1, 3])
        #expect(summaries[1].bleu1.mean == 1)
        // Pooled for task a: 1 match of 3 hypothesis tokens, hyp 3 < ref 5 → BP = exp(1 − 5/3).
        #expect(abs(summaries[0].corpusBLEU1 - exp(1 - 5.0 / 3.0) / 3) < 1e-15)
        let line = ScoreReport.perItemLine(scored[0])
        #expect(line.hasPrefix("{\"id\": 1, "))
        #expect(line.contains("\"rougeL\": {\"precision\": 1.0, \"recall\": 1.0, \"fmeasure\": 1.0}"))
    }
}

@Suite("Fast paths and the file-level run")
struct RunTests {
    @Test("the byte-level ASCII tokenizers give the same tokens as the general ones")
    func fastTokenizers() throws {
        let reference = try ReferenceFile.load()
        let vocabulary = Vocabulary()
        for pair in reference.pairs {
            for side in ["prediction", "reference"] {
                let text: String = try value(pair, side)
                if let ids = vocabulary.lowerSplitIDs(text) {
                    #expect(ids.map { vocabulary[$0] } == Tokenizers.lowerSplit(text), "\(pair["id"]!)")
                }
                if let ids = vocabulary.rougeIDs(text) {
                    #expect(ids.map { vocabulary[$0] } == RougeL.tokens(text), "\(pair["id"]!)")
                }
            }
        }
        #expect(vocabulary.lowerSplitIDs("caf\u{e9}") == nil)
    }

    @Test("ScoringRun reads, joins, scores and writes one per-item line per pair")
    func run() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("textmetrics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let pred = directory.appendingPathComponent("pred.jsonl")
        let ref = directory.appendingPathComponent("ref.jsonl")
        let out = directory.appendingPathComponent("items.jsonl")
        try Data("""
        {"id": "b", "task": "rhythm", "answer": "Sinus rhythm."}
        {"id": "a", "task": "axis", "answer": "Left axis deviation"}
        """.utf8).write(to: pred)
        try Data("""
        {"id": "a", "task": "axis", "answer": "left axis deviation"}
        {"id": "b", "task": "rhythm", "answer": "Sinus rhythm."}
        """.utf8).write(to: ref)
        let result = try ScoringRun.run(predictions: pred, references: ref,
                                        options: ScoringOptions(meteorSynonyms: false), perItem: out)
        #expect(result.summaries.map(\.group) == ["axis", "rhythm", "ALL"])
        let lines = try String(contentsOf: out, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("{\"id\": \"a\""))
        // Three identical words, one chunk: (1 − 0.5/27) · 1.
        #expect(lines[0].contains("\"meteor\": \(1 - 0.5 / 27.0)"))
        let json = ScoreReport.json(result.summaries, options: ScoringOptions(), bootstrap: Bootstrap())
        #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) is [String: Any])
    }
}
