/// A metric's mean over a group with its bootstrap interval.
public struct MetricSummary: Sendable, Equatable {
    /// Mean over the group's pairs.
    public var mean: Double
    /// Bootstrap interval bounds for the mean.
    public var lower: Double
    public var upper: Double
}

/// The scores of one group of pairs (one task, or all pairs).
public struct GroupSummary: Sendable, Equatable {
    /// The task, or ``ScoreReport/allGroup``.
    public var group: String
    /// Number of pairs.
    public var count: Int
    public var bleu1: MetricSummary
    public var rougeLPrecision: MetricSummary
    public var rougeLRecall: MetricSummary
    public var rougeLF: MetricSummary
    public var meteor: MetricSummary
    /// Corpus BLEU-1 of the group (pooled counts).
    public var corpusBLEU1: Double
}

/// One scored pair.
public struct ScoredPair: Sendable, Equatable {
    public var pair: AnswerPair
    public var score: PairScore
}

/// Grouping of the summary table.
public enum ScoreGrouping: String, CaseIterable, Sendable {
    /// One row per task, then all pairs.
    case task
    /// All pairs only.
    case none
}

/// Scoring a whole predictions file against a references file, and its reports.
public enum ScoreReport {
    /// Label of the row covering every pair.
    public static let allGroup = "ALL"

    /// Scores every pair, in order.
    public static func score(_ pairs: [AnswerPair], scorer: TextScorer) throws -> [ScoredPair] {
        try pairs.map { ScoredPair(pair: $0, score: try scorer.score(prediction: $0.prediction, reference: $0.reference)) }
    }

    /// Per-group means, bootstrap intervals and corpus BLEU-1; tasks sorted by name, then ALL.
    public static func summarize(_ scored: [ScoredPair], grouping: ScoreGrouping,
                                 bootstrap: Bootstrap = Bootstrap(), smoothing: BLEUSmoothing = .none) -> [GroupSummary] {
        var groups: [(String, [ScoredPair])] = []
        if grouping == .task {
            let byTask = Dictionary(grouping: scored, by: { $0.pair.task })
            for task in byTask.keys.sorted() { groups.append((task, byTask[task]!)) }
        }
        groups.append((allGroup, scored))
        return groups.map { summarize(name: $0.0, $0.1, bootstrap: bootstrap, smoothing: smoothing) }
    }

    static func summarize(name: String, _ items: [ScoredPair], bootstrap: Bootstrap,
                          smoothing: BLEUSmoothing) -> GroupSummary {
        let extractors: [(PairScore) -> Double] = [
            { $0.bleu1 }, { $0.rougeL.precision }, { $0.rougeL.recall }, { $0.rougeL.fmeasure }, { $0.meteor },
        ]
        let columns = extractors.map { f in items.map { f($0.score) } }
        let intervals = bootstrap.intervals(columns, group: name)
        let summaries = zip(columns, intervals).map { values, interval in
            MetricSummary(mean: values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count),
                          lower: interval.lower, upper: interval.upper)
        }
        let pooled = items.reduce(BLEUCounts.zero) { $0 + $1.score.bleuCounts }
        return GroupSummary(group: name, count: items.count, bleu1: summaries[0],
                            rougeLPrecision: summaries[1], rougeLRecall: summaries[2], rougeLF: summaries[3],
                            meteor: summaries[4], corpusBLEU1: BLEU.bleu1(pooled, smoothing: smoothing))
    }

    /// A plain-text table: n, then mean [95 % interval] per metric, and corpus BLEU-1.
    public static func table(_ summaries: [GroupSummary], bootstrap: Bootstrap = Bootstrap()) -> String {
        func cell(_ m: MetricSummary) -> String {
            "\(fixed(m.mean)) [\(fixed(m.lower)), \(fixed(m.upper))]"
        }
        let header = ["task", "n", "BLEU-1", "ROUGE-L F", "METEOR", "corpus BLEU-1"]
        var rows = [header]
        for s in summaries {
            rows.append([s.group, String(s.count), cell(s.bleu1), cell(s.rougeLF), cell(s.meteor), fixed(s.corpusBLEU1)])
        }
        let widths = header.indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        var lines = rows.map { row in
            row.enumerated().map { c, text in
                c == 0 ? text.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                       : String(repeating: " ", count: widths[c] - text.count) + text
            }.joined(separator: "  ")
        }
        lines.insert(String(repeating: "-", count: lines[0].count), at: 1)
        let percent = Int((bootstrap.confidence * 100).rounded())
        lines.append("mean [\(percent) % percentile bootstrap interval, \(bootstrap.resamples) resamples, seed \(bootstrap.seed)]")
        return lines.joined(separator: "\n")
    }

    /// The summaries as a JSON document.
    public static func json(_ summaries: [GroupSummary], options: ScoringOptions, bootstrap: Bootstrap) -> String {
        func metric(_ m: MetricSummary) -> String {
            "{\"mean\": \(JSONText.number(m.mean)), \"ci_lower\": \(JSONText.number(m.lower)), \"ci_upper\": \(JSONText.number(m.upper))}"
        }
        let groups = summaries.map { s in
            "    {\"task\": \(JSONText.quoted(s.group)), \"n\": \(s.count), \"bleu1\": \(metric(s.bleu1)), " +
            "\"rougeL\": {\"precision\": \(metric(s.rougeLPrecision)), \"recall\": \(metric(s.rougeLRecall)), \"fmeasure\": \(metric(s.rougeLF))}, " +
            "\"meteor\": \(metric(s.meteor)), \"corpus_bleu1\": \(JSONText.number(s.corpusBLEU1))}"
        }
        let settings = "{\"tokenize\": \(JSONText.quoted(options.tokenization.rawValue)), \"rouge_stemmer\": \(options.rougeStemming), " +
            "\"meteor_synonyms\": \(options.meteorSynonyms), \"smoothing\": \(JSONText.quoted(options.smoothing.rawValue)), " +
            "\"bootstrap\": {\"resamples\": \(bootstrap.resamples), \"seed\": \(bootstrap.seed), \"confidence\": \(bootstrap.confidence)}}"
        return "{\n  \"settings\": \(settings),\n  \"groups\": [\n" + groups.joined(separator: ",\n") + "\n  ]\n}"
    }

    /// One `--per-item` line: `{"id", "bleu1", "rougeL": {precision, recall, fmeasure}, "meteor"}`.
    public static func perItemLine(_ item: ScoredPair) -> String {
        let r = item.score.rougeL
        return "{\"id\": \(item.pair.id.json), \"task\": \(JSONText.quoted(item.pair.task)), \"bleu1\": \(JSONText.number(item.score.bleu1)), " +
            "\"rougeL\": {\"precision\": \(JSONText.number(r.precision)), \"recall\": \(JSONText.number(r.recall)), \"fmeasure\": \(JSONText.number(r.fmeasure))}, " +
            "\"meteor\": \(JSONText.number(item.score.meteor))}"
    }

    static func fixed(_ x: Double) -> String {
        guard x.isFinite else { return "n/a" }
        let scaled = (x * 10_000).rounded()
        let negative = scaled < 0
        let magnitude = Int(abs(scaled))
        let fraction = String(magnitude % 10_000)
        return (negative ? "-" : "") + "\(magnitude / 10_000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }
}
