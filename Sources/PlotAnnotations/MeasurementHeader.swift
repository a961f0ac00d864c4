import Delineation
import Measurement

/// Header lines with a record's global measurements, as an ECG machine prints them.
public enum MeasurementHeader {
    /// `HR 72 bpm · PR 160 ms · QRS 92 ms · QT 384 ms · QTc 421 ms (Bazett) · axes P 60° QRS 58° T 44°`
    /// and a line with the rhythm's beat counts and RR variability. Missing values print as `—`.
    public static func lines(_ m: RecordMeasurements) -> [String] {
        let g = m.global
        func whole(_ value: Double?, _ unit: String) -> String {
            guard let value, value.isFinite else { return "—" }
            return "\(Int(value.rounded()))\(unit)"
        }
        let intervals = "HR \(whole(g.heartRate, " bpm")) · PR \(whole(g.pr?.value, " ms")) · "
            + "QRS \(whole(g.qrs?.value, " ms")) · QT \(whole(g.qt?.value, " ms")) · "
            + "QTc \(whole(g.qtc?.bazett.value, " ms")) (Bazett) · "
            + "axes P \(whole(g.pAxis, "°")) QRS \(whole(g.qrsAxis, "°")) T \(whole(g.tAxis, "°"))"
        let types = BeatType.allCases.compactMap { type -> String? in
            guard type != .dominant, let count = g.beatTypes[type], count > 0 else { return nil }
            return "\(count) \(name(type))"
        }
        var rhythm = "\(g.beatCount) beats (\(g.dominantBeatCount) dominant"
        rhythm += types.isEmpty ? ")" : ", " + types.joined(separator: ", ") + ")"
        rhythm += " · RR \(whole(g.rrMean?.value, " ms")) ± \(whole(g.rrStandardDeviation?.value, " ms"))"
        if let atrial = g.atrialRate, atrial.isFinite { rhythm += " · atrial rate \(whole(atrial, " bpm"))" }
        return [intervals, rhythm]
    }

    private static func name(_ type: BeatType) -> String {
        switch type {
        case .dominant: "dominant"
        case .supraventricularPremature: "supraventricular premature"
        case .ventricular: "ventricular"
        case .otherMorphology: "other morphology"
        }
    }
}
