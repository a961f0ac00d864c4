/// One-to-one matching of detected beats to reference beats within a time tolerance,
/// as ANSI/AAMI EC57 and WFDB's `bxb` score beat detectors.
public struct BeatMatch: Sendable, Equatable {
    /// Reference beats with a detection within the tolerance.
    public var truePositives: Int
    /// Reference beats without a matching detection.
    public var falseNegatives: Int
    /// Detections matching no reference beat.
    public var falsePositives: Int
    /// Sample indices of the unmatched reference beats.
    public var missed: [Int]
    /// Sample indices of the unmatched detections.
    public var extra: [Int]

    /// Matches `detections` to `reference` (both sorted sample indices) within ±`tolerance`
    /// samples. Each detection matches at most one beat; when two detections are near one
    /// beat, the closer one matches and the other counts as a false positive.
    public init(reference: [Int], detections: [Int], tolerance: Int) {
        var tp = 0
        var missed: [Int] = []
        var extra: [Int] = []
        var i = 0, j = 0
        while i < reference.count && j < detections.count {
            let r = reference[i], d = detections[j]
            if d < r - tolerance {
                extra.append(d); j += 1
            } else if d > r + tolerance {
                missed.append(r); i += 1
            } else {
                // d is within reach of r. Prefer the next detection if it is closer to r, and
                // leave d to the next beat if it is closer to that one and that beat has no
                // closer candidate.
                if j + 1 < detections.count, abs(detections[j + 1] - r) < abs(d - r) {
                    extra.append(d); j += 1; continue
                }
                if i + 1 < reference.count, abs(reference[i + 1] - d) < abs(d - r),
                   abs(reference[i + 1] - d) <= tolerance {
                    missed.append(r); i += 1; continue
                }
                tp += 1; i += 1; j += 1
            }
        }
        missed += reference[i...]
        extra += detections[j...]
        truePositives = tp
        falseNegatives = missed.count
        falsePositives = extra.count
        self.missed = missed
        self.extra = extra
    }

    public init(truePositives: Int, falseNegatives: Int, falsePositives: Int) {
        self.truePositives = truePositives
        self.falseNegatives = falseNegatives
        self.falsePositives = falsePositives
        missed = []
        extra = []
    }

    /// Sensitivity TP / (TP + FN), or `nil` without reference beats.
    public var sensitivity: Double? {
        truePositives + falseNegatives == 0 ? nil : Double(truePositives) / Double(truePositives + falseNegatives)
    }

    /// Positive predictivity TP / (TP + FP), or `nil` without detections.
    public var positivePredictivity: Double? {
        truePositives + falsePositives == 0 ? nil : Double(truePositives) / Double(truePositives + falsePositives)
    }

    /// F1 = 2 TP / (2 TP + FN + FP), or `nil` when there is nothing to score.
    public var f1: Double? {
        let d = 2 * truePositives + falseNegatives + falsePositives
        return d == 0 ? nil : Double(2 * truePositives) / Double(d)
    }

    /// Sum of two matches' counts (gross statistics pool beats over records).
    public static func + (a: BeatMatch, b: BeatMatch) -> BeatMatch {
        BeatMatch(truePositives: a.truePositives + b.truePositives,
                  falseNegatives: a.falseNegatives + b.falseNegatives,
                  falsePositives: a.falsePositives + b.falsePositives)
    }
}
