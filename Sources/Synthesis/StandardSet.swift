import ECGModel
import Foundation

extension SyntheticECG {
    /// The project's standard synthetic records (500 Hz, 10 s, 12 leads), one per finding that
    /// later stages must recognise. Every record has its own seed so their noise differs.
    public static let standardSet: [SyntheticECG] = [
        SyntheticECG(name: "sinus-normal", summary: "Normal sinus rhythm, normal intervals and axis", seed: 101),
        SyntheticECG(name: "sinus-bradycardia", summary: "Sinus bradycardia 45 bpm", heartRate: 45,
                     qtInterval: Milliseconds(420), seed: 102),
        SyntheticECG(name: "sinus-tachycardia", summary: "Sinus tachycardia 125 bpm", heartRate: 125,
                     prInterval: Milliseconds(140), pDuration: Milliseconds(90),
                     qtInterval: Milliseconds(280), seed: 103),
        SyntheticECG(name: "atrial-fibrillation",
                     summary: "Atrial fibrillation, mean 90 bpm, irregularly irregular, f-waves", heartRate: 90,
                     rrVariability: 0.3, rhythm: .atrialFibrillation(fibrillatoryWaveAmplitude: 0.08),
                     qtInterval: Milliseconds(340), seed: 104),
        SyntheticECG(name: "atrial-flutter", summary: "Atrial flutter 300/min with 4:1 conduction (75 bpm)",
                     rhythm: .atrialFlutter(atrialRate: 300, conductionRatio: 4, flutterWaveAmplitude: 0.25),
                     qtInterval: Milliseconds(380), seed: 105),
        SyntheticECG(name: "atrial-flutter-2to1", summary: "Atrial flutter 300/min with 2:1 conduction (150 bpm)",
                     rhythm: .atrialFlutter(atrialRate: 300, conductionRatio: 2, flutterWaveAmplitude: 0.25),
                     qtInterval: Milliseconds(280), seed: 122),
        SyntheticECG(name: "first-degree-av-block", summary: "Sinus rhythm with first-degree AV block (PR 240 ms)",
                     heartRate: 70, prInterval: Milliseconds(240), seed: 106),
        SyntheticECG(name: "rbbb", summary: "Sinus rhythm with right bundle branch block (QRS 140 ms, RSR' in V1)",
                     heartRate: 70, qrsDuration: Milliseconds(140), qtInterval: Milliseconds(420),
                     conduction: .rightBundleBranchBlock, tAxis: 50, seed: 107),
        SyntheticECG(name: "lbbb", summary: "Sinus rhythm with left bundle branch block (QRS 150 ms, notched R in V6)",
                     heartRate: 70, qrsDuration: Milliseconds(150), qtInterval: Milliseconds(440),
                     conduction: .leftBundleBranchBlock, qrsAxis: 0, tAxis: 180, seed: 108),
        SyntheticECG(name: "left-axis-deviation", summary: "Sinus rhythm with left axis deviation (−45°)",
                     qrsAxis: -45, tAxis: 20, seed: 109),
        SyntheticECG(name: "right-axis-deviation", summary: "Sinus rhythm with right axis deviation (+120°)",
                     qrsAxis: 120, tAxis: 70, seed: 110),
        SyntheticECG(name: "pvc-bigeminy", summary: "Sinus rhythm 70 bpm with ventricular bigeminy",
                     heartRate: 70, ectopicBeats: EctopicBeat.ventricularBigeminy(), seed: 111),
        SyntheticECG(name: "pac", summary: "Sinus rhythm 70 bpm with two premature atrial complexes",
                     heartRate: 70, ectopicBeats: [.pac(at: 3), .pac(at: 8)], seed: 112),
        SyntheticECG(name: "long-qt", summary: "Sinus rhythm 60 bpm with long QT (500 ms)", heartRate: 60,
                     qtInterval: Milliseconds(500), seed: 113),
        SyntheticECG(name: "paced", summary: "Ventricular paced rhythm 70 bpm (QRS 160 ms)", heartRate: 70,
                     rhythm: .ventricularPaced(spikeAmplitude: 2.5), qrsDuration: Milliseconds(160),
                     qtInterval: Milliseconds(440), qrsAxis: -60, tAxis: 120, seed: 114),
        SyntheticECG(name: "lvh-voltage", summary: "Sinus rhythm with LVH-like voltages", qrsAxis: 30, tAxis: 40,
                     amplitudes: WaveAmplitudes(r: 2.8, s: 0.6), seed: 115),
        SyntheticECG(name: "low-voltage", summary: "Sinus rhythm with low QRS voltage",
                     amplitudes: WaveAmplitudes().scaled(by: 0.3), seed: 116),
        SyntheticECG(name: "noisy-wander",
                     summary: "Normal sinus rhythm with Gaussian noise, baseline wander and 50 Hz interference",
                     noise: NoiseOptions(gaussianRMS: 0.03, baselineWanderAmplitude: 0.4,
                                         baselineWanderFrequency: 0.3, powerlineAmplitude: 0.1,
                                         powerlineFrequency: 50), seed: 117),
        SyntheticECG(name: "muscle-noise", summary: "Normal sinus rhythm with EMG-like noise (0.05 mV RMS)",
                     noise: NoiseOptions(muscleRMS: 0.05), seed: 118),
        SyntheticECG(name: "flat-lead", summary: "Normal sinus rhythm with lead V3 flat (electrode off)",
                     leadFaults: [.flat(.v3)], seed: 119),
        SyntheticECG(name: "missing-lead", summary: "Normal sinus rhythm with lead aVL missing (every sample invalid)",
                     leadFaults: [.missing(.aVL)], seed: 121),
        SyntheticECG(name: "arm-lead-reversal", summary: "Normal sinus rhythm recorded with LA/RA electrodes swapped",
                     leadFaults: [.armElectrodeReversal], seed: 120),
    ]

    /// Looks a standard record up by name.
    public static func standard(named name: String) -> SyntheticECG? {
        standardSet.first { $0.name == name }
    }
}

/// The Markdown README of a folder of synthetic records.
public enum SyntheticCatalog {
    /// A table with one row per record and its known intervals and axes.
    public static func readme(for truths: [SyntheticTruth]) -> String {
        var lines = [
            "# Synthetic ECGs with known truth",
            "",
            "Generated by `ecgnarrator synth`; do not edit by hand. Each record is a WFDB record",
            "(`<name>.hea` + `<name>.dat`, format 16, 12 leads I … V6 in mV, gain 1000/mV) with",
            "`<name>.truth.json`: every beat's P/QRS/T onsets, peaks and offsets in samples (exact:",
            "the first and last nonzero samples of each wave in the generator) and the global",
            "intervals below, realised to the nearest sample. Axes are frontal net-area axes:",
            "atan2((2·A_II − A_I)/√3, A_I) with A the sum of a lead over the wave.",
            "",
            "The stored samples are rounded to 1 µV, so a wave's first and last stored nonzero",
            "samples may lie up to 2 samples (4 ms) inside its truth onset and offset (the waves",
            "start with zero slope). Rate is 60000 / mean RR over all beats; per-lead amplitudes",
            "of the dominant beat are in each truth file under `leadAmplitudes`.",
            "",
            "| Record | Rhythm | fs (Hz) | Beats | Rate (bpm) | PR (ms) | QRS (ms) | QT (ms) | QTc (ms) | P / QRS / T axis (°) | Description |",
            "|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for t in truths {
            let beats = [BeatType.normal, .pvc, .pac, .paced].compactMap { type -> String? in
                let n = t.count(of: type)
                return n > 0 ? "\(n) \(type.rawValue)" : nil
            }.joined(separator: ", ")
            let axes = "\(t.pAxis.map { format($0) } ?? "–") / \(format(t.qrsAxis)) / \(format(t.tAxis))"
            let cells = [
                "`\(t.record)`", t.rhythm.rawValue, format(t.samplingFrequency), beats,
                format(t.heartRate, places: 1), t.prInterval.map { format($0) } ?? "–", format(t.qrsDuration),
                format(t.qtInterval), format(t.qtcBazett, places: 0), axes, t.summary,
            ]
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Fixed-point formatting that does not depend on the locale.
    static func format(_ value: Double, places: Int = 0) -> String {
        let scaled = (value * pow(10, Double(places))).rounded()
        let negative = scaled < 0
        let digits = String(Int(abs(scaled)))
        guard places > 0 else { return (negative ? "−" : "") + digits }
        let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
        let split = padded.index(padded.endIndex, offsetBy: -places)
        return (negative ? "−" : "") + padded[..<split] + "." + padded[split...]
    }
}
