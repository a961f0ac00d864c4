import ECGModel
import Plot

/// The part of a record to delineate for a plot: the plotted window and a margin each side.
///
/// A 30-minute Holter record plotted over 10 s needs only those seconds delineated (a margin
/// lets the beats at the window's edges be delineated whole); a standard 10 s ECG plotted whole
/// is analysed whole, so its measurements are those of `ecgnarrator measure`.
public struct AnalysisExcerpt: Sendable {
    /// The excerpt, a record of its own.
    public var record: ECGRecord
    /// Where the excerpt starts in the original record, in samples.
    public var firstSample: Int
    /// Whether the excerpt is the whole record.
    public var isWholeRecord: Bool

    /// The window `[start, start + duration)` (duration as ``ECGPlot`` defaults it) widened by
    /// `margin` seconds each side, clipped to the record.
    public init(of record: ECGRecord, start: Double, duration: Double?, margin: Double = 2) {
        let fs = record.samplingFrequency.hertz
        let total = record.sampleCount
        let recordSeconds = fs > 0 ? Double(total) / fs : 0
        let length = duration ?? min(PlotOptions.standardDuration, recordSeconds - start)
        func sample(_ seconds: Double) -> Int {
            guard seconds.isFinite, fs > 0 else { return 0 }
            return min(total, max(0, Int((seconds * fs).rounded())))
        }
        let first = sample(start - margin)
        let last = max(first, sample(start + length + margin))
        var excerpt = record
        if first > 0 || last < total {
            for index in excerpt.leads.indices {
                let samples = excerpt.leads[index].samples
                let end = min(last, samples.count)
                excerpt.leads[index].samples = first < end ? Array(samples[first..<end]) : []
            }
        }
        self.record = excerpt
        self.firstSample = first
        self.isWholeRecord = first == 0 && last >= total
    }

    /// `Measured over 58–72 s of the record.` when the excerpt is not the whole record.
    public var note: String? {
        guard !isWholeRecord else { return nil }
        let fs = record.samplingFrequency.hertz
        let from = Double(firstSample) / fs
        let to = from + Double(record.sampleCount) / fs
        func text(_ value: Double) -> String {
            value == value.rounded() ? "\(Int(value))" : "\((value * 100).rounded() / 100)"
        }
        return "Measured over \(text(from))–\(text(to)) s of the record."
    }
}
