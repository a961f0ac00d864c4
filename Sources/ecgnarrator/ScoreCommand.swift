import ArgumentParser
import Foundation
import TextMetrics

/// `ecgnarrator score`: BLEU-1, ROUGE-L and METEOR of model answers, as the Python packages
/// compute them (see ``TextMetrics``).
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score model answers against reference answers with BLEU-1, ROUGE-L and METEOR.",
        discussion: """
        Both files hold JSON lines {"id": …, "task": …, "answer": "…"}, joined on id (every id \
        exactly once in each file). Metrics match NLTK 3.10 (sentence_bleu weights (1,0,0,0), \
        corpus_bleu, meteor_score) and rouge-score 0.1.2. Default tokens: text.lower().split(). \
        For Chinese use --tokenize zh_char (one token per character; whitespace tokens make \
        BLEU-1/METEOR all-or-nothing and rouge-score's tokenizer deletes CJK text) or auto.
        """)

    @Option(name: .customLong("pred"), help: "Predictions (JSONL).")
    var predictions: String

    @Option(name: .customLong("ref"), help: "Reference answers (JSONL).")
    var references: String

    @Option(name: .customLong("by"), help: "Table rows: one per task (task) or all pairs only (none).")
    var grouping: ScoreGrouping = .task

    @Flag(help: "Print the summary as JSON instead of a table.")
    var json = false

    @Option(name: .customLong("per-item"), help: "Write one JSON line of scores per pair to this file.")
    var perItem: String?

    @Option(help: "Tokenization for BLEU-1 and METEOR: lower_split (text.lower().split()), word_tokenize_lower (NLTK word_tokenize, preserve_line=True), zh_char (Chinese per character) or auto (zh_char when CJK is present, else lower_split).")
    var tokenize: Tokenization = .lowerSplit

    @Flag(name: .customLong("rouge-stemmer"), help: "Porter-stem ROUGE-L tokens (rouge-score's use_stemmer=True).")
    var rougeStemmer = false

    @Flag(name: .customLong("no-synonyms"), help: "Skip METEOR's WordNet synonym stage.")
    var noSynonyms = false

    @Option(name: .customLong("wordnet-dir"), help: "WordNet 3.0 dict directory (default $WORDNET_DIR or /usr/share/wordnet).")
    var wordNetDirectory: String?

    @Option(help: "NLTK BLEU smoothing: method0 (none), method1, method2, method3, method4, method5, method7.")
    var smoothing: BLEUSmoothing = .none

    @Option(name: .customLong("bootstrap"), help: "Bootstrap resamples for the 95 % intervals.")
    var resamples = 1000

    @Option(help: "Bootstrap seed.")
    var seed: UInt64 = 20_240_601

    func run() throws {
        let options = ScoringOptions(tokenization: tokenize, rougeStemming: rougeStemmer,
                                     meteorSynonyms: !noSynonyms, smoothing: smoothing)
        let bootstrap = Bootstrap(resamples: resamples, seed: seed)
        let result = try ScoringRun.run(
            predictions: URL(fileURLWithPath: predictions), references: URL(fileURLWithPath: references),
            options: options, wordNetDirectory: wordNetDirectory.map { URL(fileURLWithPath: $0) },
            grouping: grouping, bootstrap: bootstrap, perItem: perItem.map { URL(fileURLWithPath: $0) })
        print(json ? ScoreReport.json(result.summaries, options: options, bootstrap: bootstrap)
                   : ScoreReport.table(result.summaries, bootstrap: bootstrap))
    }
}

extension ScoreGrouping: ExpressibleByArgument {}
extension Tokenization: ExpressibleByArgument {}
extension BLEUSmoothing: ExpressibleByArgument {}
