import Foundation

/// How far a multi-lead reference interval lies from the annotators' own single-lead interval,
/// record by record.
///
/// LUDB's global reference takes, per beat, the earliest onset and the latest offset of twelve
/// manual marks made lead by lead. Part of that width is the scatter of the marks, which
/// changes from record to record. ``idealShareWithinTolerance`` says how often an estimator
/// that knew every record's median single-lead interval exactly, widened by the best single
/// constant, would fall within tolerance: a yardstick for what the reference asks of any
/// method that does not model the annotators' scatter.
public struct ReferenceSpread: Sendable, Equatable {
    /// Reference minus single-lead interval, per record, in ms.
    public var differences: [Double] = []

    public init(differences: [Double] = []) {
        self.differences = differences
    }

    public var mean: Double? {
        differences.isEmpty ? nil : differences.reduce(0, +) / Double(differences.count)
    }

    /// Population standard deviation over records.
    public var standardDeviation: Double? {
        guard let mean else { return nil }
        return (differences.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(differences.count)).squareRoot()
    }

    /// The largest share of records whose difference lies within ±`tolerance` of one constant,
    /// and that constant (the middle of the densest window of width 2·tolerance).
    public func idealShareWithinTolerance(_ tolerance: Double) -> (share: Double, widening: Double)? {
        guard !differences.isEmpty else { return nil }
        let sorted = differences.sorted()
        var best = (count: 0, low: sorted[0], high: sorted[0])
        var first = 0
        for last in sorted.indices {
            while sorted[last] - sorted[first] > 2 * tolerance { first += 1 }
            if last - first + 1 > best.count { best = (last - first + 1, sorted[first], sorted[last]) }
        }
        return (Double(best.count) / Double(sorted.count), (best.low + best.high) / 2)
    }
}
