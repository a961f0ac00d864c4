import Foundation
import ECGModel
import WFDB
import Delineation

/// The wave marks of one lead of a LUDB record: `(` onset, `p`/`N`/`t` peak, `)` offset.
public struct LeadWaveMarks: Sendable, Equatable {
    /// Marks per fiducial, 0-based samples.
    public var marks: [Fiducial: [Int]]
    /// From the first to the last mark: the stretch the cardiologists annotated.
    public var span: ClosedRange<Int>
    /// Per annotated wave: its kind, onset, peak, offset.
    public var waves: [(wave: DelineatedWave, onset: Int?, peak: Int, offset: Int?)]

    public static func == (a: LeadWaveMarks, b: LeadWaveMarks) -> Bool { a.marks == b.marks && a.span == b.span }

    /// Groups a LUDB annotation sequence into waves. Parentheses belong to the peak they enclose.
    public init?(annotations: [WFDBAnnotation]) {
        guard let first = annotations.first, let last = annotations.last else { return nil }
        var marks: [Fiducial: [Int]] = [:]
        var waves: [(DelineatedWave, Int?, Int, Int?)] = []
        for (k, a) in annotations.enumerated() {
            let wave: DelineatedWave
            switch a.symbol {
            case "p": wave = .p
            case "N": wave = .qrs
            case "t": wave = .t
            default: continue
            }
            let peak = Int(a.sample)
            let onset = k > 0 && annotations[k - 1].symbol == "(" ? Int(annotations[k - 1].sample) : nil
            let offset = k + 1 < annotations.count && annotations[k + 1].symbol == ")" ? Int(annotations[k + 1].sample) : nil
            marks[Fiducial(wave, .peak), default: []].append(peak)
            if let onset { marks[Fiducial(wave, .onset), default: []].append(onset) }
            if let offset { marks[Fiducial(wave, .offset), default: []].append(offset) }
            waves.append((wave, onset, peak, offset))
        }
        self.marks = marks
        self.waves = waves
        span = Int(first.sample)...max(Int(first.sample), Int(last.sample))
    }
}

/// Delineation accuracy over a LUDB-style database (per-lead annotation files named by lead).
public struct DelineationEvaluation: Sendable {
    /// Per lead label (as in the record headers) and fiducial.
    public var perLead: [String: [Fiducial: FiducialScore]] = [:]
    /// Lead labels in first-seen order.
    public var leadOrder: [String] = []
    public var records = 0
    /// Records that could not be read or processed, with the reason.
    public var failures: [String] = []
    public var cpuSeconds = 0.0

    public init() {}

    /// Pooled over all leads.
    public var pooled: [Fiducial: FiducialScore] {
        var out: [Fiducial: FiducialScore] = [:]
        for scores in perLead.values {
            for (k, v) in scores { out[k, default: FiducialScore()] = out[k, default: FiducialScore()] + v }
        }
        return out
    }

    /// The table `ecgnarrator evaluate delineation` prints.
    public func table(perLead showLeads: Bool = true) -> String {
        func pct(_ v: Double?) -> String { v.map { String(format: "%6.2f", $0 * 100) } ?? "     —" }
        func num(_ v: Double?) -> String { v.map { String(format: "%+6.1f", $0) } ?? "     —" }
        func sd(_ v: Double?) -> String { v.map { String(format: "%5.1f", $0) } ?? "    —" }
        func rows(_ scores: [Fiducial: FiducialScore]) -> [String] {
            Fiducial.all.compactMap { f in
                guard let s = scores[f] else { return nil }
                let name = f.description.padding(toLength: 12, withPad: " ", startingAt: 0)
                return "  \(name) \(pct(s.sensitivity)) \(pct(s.positivePredictivity)) \(num(s.meanError)) \(sd(s.standardDeviation)) \(String(format: "%6d", s.truePositives + s.falseNegatives))"
            }
        }
        let head = "  Fiducial        Se%   PPV%   mean    SD    refs   (error = tool − reference, ms)"
        var lines = ["Delineation over \(records) records (\(leadOrder.count) leads), match within 150 ms, inside each lead's annotated span",
                     "", "Pooled over all leads", head]
        lines += rows(pooled)
        if showLeads {
            for lead in leadOrder {
                guard let s = perLead[lead] else { continue }
                lines += ["", "Lead \(lead)", head]
                lines += rows(s)
            }
        }
        if !failures.isEmpty { lines += ["", "Failed records:"] + failures.map { "  " + $0 } }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Runs the delineation pipeline over a LUDB-layout database and scores it.
public struct DelineationEvaluator: Sendable {
    public var pipeline: DelineationPipeline
    /// Matching tolerance (LUDB convention: 150 ms).
    public var tolerance: Milliseconds

    public init(pipeline: DelineationPipeline = DelineationPipeline(), tolerance: Milliseconds = Milliseconds(150)) {
        self.pipeline = pipeline
        self.tolerance = tolerance
    }

    /// Record paths (without extension) listed in `RECORDS`, or every `*.hea` under the folder.
    public static func recordPaths(in directory: URL) throws -> [URL] {
        let list = directory.appendingPathComponent("RECORDS")
        if let text = try? String(contentsOf: list, encoding: .utf8) {
            return text.split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
                .map { directory.appendingPathComponent($0) }
        }
        guard let items = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
            throw EvaluationInputError(path: directory.path, reason: "cannot list the folder")
        }
        var urls: [URL] = []
        for case let url as URL in items where url.pathExtension == "hea" { urls.append(url.deletingPathExtension()) }
        guard !urls.isEmpty else { throw EvaluationInputError(path: directory.path, reason: "no RECORDS file and no .hea files") }
        return urls.sorted { $0.path.localizedStandardCompare($1.path) == .orderedAscending }
    }

    /// Scores the records of `directory` (all, or the first `limit`).
    public func evaluate(directory: URL, limit: Int? = nil) throws -> DelineationEvaluation {
        var result = DelineationEvaluation()
        var paths = try Self.recordPaths(in: directory)
        if let limit { paths = Array(paths.prefix(limit)) }
        for path in paths {
            do {
                try evaluate(record: path, into: &result)
            } catch {
                result.failures.append("\(path.lastPathComponent): \(error)")
            }
        }
        return result
    }

    /// Adds one record's scores to `result`.
    public func evaluate(record path: URL, into result: inout DelineationEvaluation) throws {
        let record = try WFDBRecord.read(from: path).ecgRecord()
        let start = ThreadCPUClock.now()
        let output = try pipeline.run(record)
        result.cpuSeconds += ThreadCPUClock.now() - start
        let d = output.delineation
        let fs = d.samplingFrequency.hertz
        let tol = d.samplingFrequency.samples(in: tolerance)
        for (l, label) in d.labels.enumerated() {
            let annURL = path.appendingPathExtension(label)
            guard FileManager.default.fileExists(atPath: annURL.path) else { continue }
            let annotations = try WFDBAnnotationFile.read(from: annURL)
            guard let marks = LeadWaveMarks(annotations: annotations) else { continue }
            if result.perLead[label] == nil { result.leadOrder.append(label) }
            for f in Fiducial.all {
                let detected = d.beats.compactMap { Self.point(f, of: $0.leads[l]) }
                let s = FiducialScore.matching(reference: marks.marks[f] ?? [], detected: detected, span: marks.span,
                                               tolerance: tol, millisecondsPerSample: 1000 / fs)
                result.perLead[label, default: [:]][f, default: FiducialScore()] =
                    result.perLead[label, default: [:]][f, default: FiducialScore()] + s
            }
        }
        result.records += 1
    }

    static func point(_ f: Fiducial, of beat: LeadBeat) -> Int? {
        switch (f.wave, f.point) {
        case (.p, .onset): beat.p?.onset
        case (.p, .peak): beat.p?.peak
        case (.p, .offset): beat.p?.offset
        case (.qrs, .onset): beat.qrs?.onset
        case (.qrs, .peak): beat.qrs?.peak
        case (.qrs, .offset): beat.qrs?.offset
        case (.t, .onset): beat.t?.onset
        case (.t, .peak): beat.t?.peak
        case (.t, .offset): beat.t?.offset
        }
    }
}

/// An evaluation input (database folder, reference file) is missing or unusable.
public struct EvaluationInputError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "\(path): \(reason)" }
}

