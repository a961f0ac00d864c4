import Foundation

/// The waves a delineation is scored on.
public enum DelineatedWave: String, Sendable, CaseIterable, Hashable {
    case p = "P", qrs = "QRS", t = "T"
}

/// The fiducial points of a wave.
public enum WavePoint: String, Sendable, CaseIterable, Hashable {
    case onset, peak, offset
}

/// One wave point (e.g. QRS onset), the unit a delineation table reports on.
public struct Fiducial: Sendable, Hashable, CustomStringConvertible {
    public var wave: DelineatedWave
    public var point: WavePoint
    public init(_ wave: DelineatedWave, _ point: WavePoint) {
        self.wave = wave
        self.point = point
    }
    public static let all: [Fiducial] = DelineatedWave.allCases.flatMap { w in WavePoint.allCases.map { Fiducial(w, $0) } }
    public var description: String { "\(wave.rawValue) \(point.rawValue)" }
}

/// Sensitivity, positive predictivity and error statistics of one fiducial point.
public struct FiducialScore: Sendable, Equatable {
    public var truePositives = 0
    public var falseNegatives = 0
    public var falsePositives = 0
    /// Sum and sum of squares of the errors (detected − reference) in ms, for mean and SD.
    public var errorSum = 0.0
    public var errorSquareSum = 0.0

    public init() {}

    public var sensitivity: Double? {
        truePositives + falseNegatives > 0 ? Double(truePositives) / Double(truePositives + falseNegatives) : nil
    }
    public var positivePredictivity: Double? {
        truePositives + falsePositives > 0 ? Double(truePositives) / Double(truePositives + falsePositives) : nil
    }
    public var meanError: Double? { truePositives > 0 ? errorSum / Double(truePositives) : nil }
    public var standardDeviation: Double? {
        guard truePositives > 1, let m = meanError else { return nil }
        let variance = errorSquareSum / Double(truePositives) - m * m
        return max(0, variance).squareRoot()
    }

    public static func + (a: FiducialScore, b: FiducialScore) -> FiducialScore {
        var r = a
        r.truePositives += b.truePositives
        r.falseNegatives += b.falseNegatives
        r.falsePositives += b.falsePositives
        r.errorSum += b.errorSum
        r.errorSquareSum += b.errorSquareSum
        return r
    }

    /// Scores detections of one fiducial in one lead against the reference marks.
    ///
    /// Pairs are matched one-to-one, closest first, within `tolerance` samples. Only the
    /// annotated span counts: a detection outside `span` that matches no reference mark is not a
    /// false positive (the annotators did not look there), while one just outside the span that
    /// does match a mark near its edge is a true positive.
    public static func matching(reference: [Int], detected: [Int], span: ClosedRange<Int>, tolerance: Int,
                                millisecondsPerSample: Double) -> FiducialScore {
        let candidates = detected.filter { $0 >= span.lowerBound - tolerance && $0 <= span.upperBound + tolerance }
        var pairs: [(distance: Int, r: Int, d: Int)] = []
        for (i, r) in reference.enumerated() {
            for (j, d) in candidates.enumerated() where abs(d - r) <= tolerance { pairs.append((abs(d - r), i, j)) }
        }
        pairs.sort { ($0.distance, $0.r, $0.d) < ($1.distance, $1.r, $1.d) }
        var usedR = Set<Int>(), usedD = Set<Int>()
        var score = FiducialScore()
        for p in pairs where !usedR.contains(p.r) && !usedD.contains(p.d) {
            usedR.insert(p.r); usedD.insert(p.d)
            let e = Double(candidates[p.d] - reference[p.r]) * millisecondsPerSample
            score.truePositives += 1
            score.errorSum += e
            score.errorSquareSum += e * e
        }
        score.falseNegatives = reference.count - usedR.count
        score.falsePositives = candidates.indices.filter { !usedD.contains($0) && span.contains(candidates[$0]) }.count
        return score
    }
}
