import ArgumentParser
import Foundation
import TextMetrics

/// `ecgnarrator bench score`: how fast BLEU-1, ROUGE-L and METEOR score synthetic answer pairs.
struct BenchScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Time scoring of deterministic synthetic answer pairs on one core.")

    @Option(help: "Number of pairs.")
    var pairs = 50_000

    @Option(help: "Words per answer.")
    var words = 100

    @Option(help: "Generator seed.")
    var seed: UInt64 = 1

    @Flag(name: .customLong("no-synonyms"), help: "Skip METEOR's WordNet synonym stage.")
    var noSynonyms = false

    @Flag(name: .customLong("rouge-stemmer"), help: "Porter-stem ROUGE-L tokens.")
    var rougeStemmer = false

    @Option(name: .customLong("wordnet-dir"), help: "WordNet 3.0 dict directory.")
    var wordNetDirectory: String?

    func run() throws {
        let options = ScoringOptions(rougeStemming: rougeStemmer, meteorSynonyms: !noSynonyms)
        let result = try ScoringBenchmark.run(pairs: pairs, wordsPerAnswer: words, seed: seed, options: options,
                                              wordNetDirectory: wordNetDirectory.map { URL(fileURLWithPath: $0) })
        print(result.report)
    }
}
