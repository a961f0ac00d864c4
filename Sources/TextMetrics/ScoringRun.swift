import Foundation

/// Everything `ecgnarrator score` does, as a library call: read both files, join on `id`,
/// score every pair, summarize per group and optionally write per-item scores.
public enum ScoringRun {
    /// The outcome of scoring a predictions file.
    public struct Result: Sendable {
        public var scored: [ScoredPair]
        public var summaries: [GroupSummary]
    }

    /// Scores `predictions` against `references`.
    ///
    /// - Parameters:
    ///   - wordNetDirectory: WordNet for METEOR's synonyms (default ``WordNet/defaultDirectory``);
    ///     ignored when `options.meteorSynonyms` is false.
    ///   - perItem: if given, one JSON line per pair is written there.
    public static func run(predictions: URL, references: URL, options: ScoringOptions = ScoringOptions(),
                           wordNetDirectory: URL? = nil, grouping: ScoreGrouping = .task,
                           bootstrap: Bootstrap = Bootstrap(), perItem: URL? = nil) throws -> Result {
        let predictionRecords = try AnswerFile.read(predictions)
        let referenceRecords = try AnswerFile.read(references)
        let pairs = try AnswerFile.join(predictions: predictionRecords, predictionsFile: predictions.path,
                                        references: referenceRecords, referencesFile: references.path)
        let wordNet = options.meteorSynonyms ? try WordNet(directory: wordNetDirectory ?? WordNet.defaultDirectory) : nil
        let scorer = try TextScorer(options: options, wordNet: wordNet)
        let scored = try ScoreReport.score(pairs, scorer: scorer)
        if let perItem {
            let text = scored.map(ScoreReport.perItemLine).joined(separator: "\n") + (scored.isEmpty ? "" : "\n")
            do { try Data(text.utf8).write(to: perItem) } catch {
                throw ScoringError(message: "\(perItem.path): cannot be written (\(error.localizedDescription))")
            }
        }
        let summaries = ScoreReport.summarize(scored, grouping: grouping, bootstrap: bootstrap, smoothing: options.smoothing)
        return Result(scored: scored, summaries: summaries)
    }
}

/// The scoring speed benchmark behind `ecgnarrator bench score`.
public enum ScoringBenchmark {
    /// Timings of one benchmark run.
    public struct Result: Sendable {
        public var pairs: Int
        public var wordsPerAnswer: Int
        /// Generating the synthetic answers (not part of scoring).
        public var generationSeconds: Double
        /// Scoring every pair: tokenization, BLEU-1, ROUGE-L, METEOR, including lazy WordNet loading.
        public var scoringSeconds: Double
        /// CPU time of the scoring thread (the machine may be shared; wall time then overstates).
        public var scoringCPUSeconds: Double
        /// Per-task summaries with bootstrap intervals, and corpus BLEU-1.
        public var summarySeconds: Double
        public var summaryCPUSeconds: Double
        public var meanBLEU1: Double
        public var meanRougeLF: Double
        public var meanMeteor: Double

        public var pairsPerSecond: Double { Double(pairs) / scoringSeconds }

        /// A human-readable report.
        public var report: String {
            func s(_ x: Double) -> String { String(format: "%.3f s", x) }
            return """
            pairs: \(pairs) (about \(wordsPerAnswer) words per answer, single thread)
            generation: \(s(generationSeconds)) (not counted)
            scoring: \(s(scoringSeconds)) wall = \(String(format: "%.0f", pairsPerSecond)) pairs/s; \(s(scoringCPUSeconds)) thread CPU = \(String(format: "%.0f", Double(pairs) / scoringCPUSeconds)) pairs/s
            summary (per task and all: bootstrap 1000 resamples, corpus BLEU-1): \(s(summarySeconds)) wall, \(s(summaryCPUSeconds)) thread CPU
            total (scoring + summary): \(s(scoringSeconds + summarySeconds)) wall, \(s(scoringCPUSeconds + summaryCPUSeconds)) thread CPU
            means: BLEU-1 \(String(format: "%.4f", meanBLEU1)), ROUGE-L F \(String(format: "%.4f", meanRougeLF)), METEOR \(String(format: "%.4f", meanMeteor))
            """
        }
    }

    /// Scores `pairs` synthetic pairs with `options` and times it.
    public static func run(pairs count: Int = 50_000, wordsPerAnswer: Int = 100, seed: UInt64 = 1,
                           options: ScoringOptions = ScoringOptions(), wordNetDirectory: URL? = nil) throws -> Result {
        let clock = ContinuousClock()
        var generated: [(prediction: String, reference: String)] = []
        let generation = clock.measure { generated = SyntheticPairs.generate(count: count, wordsPerAnswer: wordsPerAnswer, seed: seed) }
        let tasks = ["rhythm", "morphology", "diagnosis", "report"]
        let answerPairs = generated.enumerated().map { k, pair in
            AnswerPair(id: .integer(k), task: tasks[k % tasks.count], prediction: pair.prediction, reference: pair.reference)
        }
        var scored: [ScoredPair] = []
        let cpuStart = threadCPUSeconds()
        let scoring = try clock.measure {
            let wordNet = options.meteorSynonyms ? try WordNet(directory: wordNetDirectory ?? WordNet.defaultDirectory) : nil
            let scorer = try TextScorer(options: options, wordNet: wordNet)
            scored = try ScoreReport.score(answerPairs, scorer: scorer)
        }
        let scoringCPU = threadCPUSeconds() - cpuStart
        var summaries: [GroupSummary] = []
        let summaryCPUStart = threadCPUSeconds()
        let summary = clock.measure { summaries = ScoreReport.summarize(scored, grouping: .task, smoothing: options.smoothing) }
        let summaryCPU = threadCPUSeconds() - summaryCPUStart
        let all = summaries.last { $0.group == ScoreReport.allGroup }
        return Result(pairs: count, wordsPerAnswer: wordsPerAnswer, generationSeconds: generation.seconds,
                      scoringSeconds: scoring.seconds, scoringCPUSeconds: scoringCPU, summarySeconds: summary.seconds, summaryCPUSeconds: summaryCPU,
                      meanBLEU1: all?.bleu1.mean ?? .nan, meanRougeLF: all?.rougeLF.mean ?? .nan,
                      meanMeteor: all?.meteor.mean ?? .nan)
    }
}

/// CPU time consumed by the calling thread.
func threadCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
