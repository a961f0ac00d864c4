import Delineation
import ECGModel

/// Rhythm features computed from the beat sequence.
public struct RhythmFeatures: Sendable, Equatable {
    public var beatCount: Int
    /// Median |RR(k) − RR(k−1)| / mean RR over all beats. The median, not the mean: an
    /// irregularly irregular rhythm changes its cycle at most beats, while one premature beat
    /// and its pause change it at two or three (LUDB 60, sinus rhythm with one PAC: mean 19 %,
    /// median 4 %; every unpaced atrial fibrillation of LUDB and PTB-XL stays above 14 %).
    public var irregularity: Double?
    /// The irregularity a repeating cycle of 2 or 3 beats leaves: the smaller of mean
    /// |RR(k) − RR(k−2)| and mean |RR(k) − RR(k−3)|, over the mean RR. Small while
    /// ``irregularity`` is large: the RR sequence is regularly irregular (bigeminy, trigeminy,
    /// grouped beating), not irregularly irregular.
    public var patternResidual: Double?
    /// Longest minus shortest RR between consecutive dominant beats (ms); for a recording
    /// longer than 10 s, the median over its 10-s strips.
    public var dominantRRRange: Double?
    /// Longest over shortest RR between consecutive dominant beats; for a recording longer
    /// than 10 s, the median over its 10-s strips.
    public var dominantRRRatio: Double?
    /// The strip length (ms) over which cycle lengths are compared: a resting ECG's 10 s.
    static let stripLength = 10_000.0
    /// Fraction of non-ventricular beats with a P wave.
    public var pWavePresence: Double?
    public var meanRR: Double?
    /// Standard deviation of the per-beat PR intervals (ms), over beats with a P wave: small when
    /// the P waves are conducted (sinus, ectopic atrial), large when "P waves" are fibrillatory
    /// waves that happen to precede a QRS.
    public var prStandardDeviation: Double?
    /// Fraction of beats with a pacemaker spike before the QRS.
    public var pacedFraction: Double?

    public init(_ input: InterpretationInput) {
        beatCount = input.beats.count
        if !input.beats.isEmpty {
            pacedFraction = Double(input.beats.filter(\.paced).count) / Double(input.beats.count)
        }
        let rrs = input.beats.compactMap(\.rrBefore)
        if !rrs.isEmpty {
            let mean = rrs.reduce(0, +) / Double(rrs.count)
            meanRR = mean
            if rrs.count >= 2, mean > 0 {
                let diffs = zip(rrs.dropFirst(), rrs).map { abs($0 - $1) }
                irregularity = diffs.median().map { $0 / mean }
            }
            let residuals = [2, 3].compactMap { lag -> Double? in
                // At least two full cycles of the period, or a pattern cannot be told from chance.
                guard rrs.count >= 2 * lag + 1, mean > 0 else { return nil }
                let d = zip(rrs.dropFirst(lag), rrs).map { abs($0 - $1) }
                return d.reduce(0, +) / Double(d.count) / mean
            }
            patternResidual = residuals.min()
        }
        // The dominant cycles of each 10-s strip (the whole record for a resting ECG): over a
        // long recording the rate drifts with activity, which is not sinus arrhythmia, so a
        // longer record reports its typical strip (the medians of its strips' ranges and ratios).
        var strips: [[Double]] = [[]]
        var elapsed = 0.0
        for (k, b) in input.beats.enumerated() where k > 0 {
            elapsed += b.rrBefore ?? 0
            if elapsed > Self.stripLength {
                if !(strips.last?.isEmpty ?? true) { strips.append([]) }
                elapsed = b.rrBefore ?? 0
            }
            if b.type == .dominant, input.beats[k - 1].type == .dominant, let rr = b.rrBefore { strips[strips.count - 1].append(rr) }
        }
        let spans = strips.compactMap { cycles -> (range: Double, ratio: Double?)? in
            guard cycles.count >= 2, let lo = cycles.min(), let hi = cycles.max() else { return nil }
            return (hi - lo, lo > 0 ? hi / lo : nil)
        }
        if !spans.isEmpty {
            dominantRRRange = spans.map(\.range).median()
            dominantRRRatio = spans.compactMap(\.ratio).median()
        }
        let prs = input.beats.compactMap(\.pr)
        if prs.count >= 3 {
            let mean = prs.reduce(0, +) / Double(prs.count)
            prStandardDeviation = (prs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(prs.count)).squareRoot()
        }
        let atrial = input.beats.filter { $0.type != .ventricular }
        if !atrial.isEmpty {
            pWavePresence = Double(atrial.filter(\.hasP).count) / Double(atrial.count)
        }
    }
}

/// Signal quality and the rhythm statement (exactly one rhythm statement when the signal allows).
enum RhythmRules {
    static func evaluate(_ input: InterpretationInput) -> [Statement] {
        let f = RhythmFeatures(input)
        let beatEvidence = Evidence(.beatCount, value: Double(f.beatCount), unit: .count, threshold: "≥ 2",
                                    met: f.beatCount >= 2, criterion: .signalQuality)
        if f.beatCount == 0 {
            return [Statement(code: .noQRSDetected, evidence: [beatEvidence])]
        }
        guard f.beatCount >= 2, input.hasRepresentativeBeat, let rate = input.heartRate else {
            return [Statement(code: .poorSignalQuality, evidence: [beatEvidence,
                Evidence(.heartRate, value: input.heartRate, unit: .bpm, met: false, criterion: .signalQuality)])]
        }
        let rateEvidence = Evidence(.heartRate, value: rate, unit: .bpm, met: true, criterion: .ahaPart1Rhythm)
        // Most QRS complexes start at a pacemaker stimulus: the ventricles are paced, whatever the
        // atria do (their rhythm is not judged from the paced QRS sequence).
        if let paced = f.pacedFraction, paced > Thresholds.pacedBeats {
            return [Statement(code: .ventricularPacedRhythm, evidence: [
                Evidence(.pacedBeats, value: paced * 100, unit: .percent,
                         threshold: "> \(Int(Thresholds.pacedBeats * 100))%", met: true, criterion: .ahaPart2PacedRhythm),
                rateEvidence])]
        }
        let irregular = (f.irregularity ?? 0) >= Thresholds.irregularity
        // Irregularly irregular: no short repeating cycle explains the variation (bigeminy's RR
        // alternates, and alternates regularly).
        let patterned = irregular && (f.patternResidual ?? .infinity) < Thresholds.patternResidual
        // "Irregularly irregular" says no pattern repeats: with too few beats to test for one
        // (fewer than five RR intervals, a 10-s record below about 36 bpm), it cannot be said.
        let irregularlyIrregular = irregular && f.patternResidual != nil && !patterned
        var irregularityEvidence = Evidence(.rrIrregularity, value: f.irregularity.map { $0 * 100 }, unit: .percent,
                                            threshold: "≥ \(Int(Thresholds.irregularity * 100))%", met: irregular,
                                            criterion: .escAtrialFibrillation)
        let patternEvidence = Evidence(.rrPatternResidual, value: f.patternResidual.map { $0 * 100 }, unit: .percent,
                                       threshold: "≥ \(Int(Thresholds.patternResidual * 100))%", met: !patterned,
                                       criterion: .escAtrialFibrillation)
        let presence = f.pWavePresence ?? 0
        let conducted = (f.prStandardDeviation ?? .infinity) <= Thresholds.prConsistency
        let pPresent = conducted && presence >= Thresholds.pWavePresence
        // The median beat has a P wave only if P waves precede most QRS complexes at a constant PR
        // (fibrillatory waves average out): with a regular rhythm that is a possible atrial rhythm
        // even when per-beat P detection failed.
        let medianBeatP = input.pr != nil && !irregularlyIrregular
        let pPartial = (conducted && presence >= Thresholds.pWavePresencePossible) || medianBeatP
        let pEvidence = Evidence(.pWavePresence, value: f.pWavePresence.map { $0 * 100 }, unit: .percent,
                                 threshold: pPresent || !pPartial ? "≥ \(Int(Thresholds.pWavePresence * 100))%"
                                     : "≥ \(Int(Thresholds.pWavePresencePossible * 100))% with a regular rhythm",
                                 met: pPresent || pPartial, criterion: .ahaPart1Rhythm)
        let medianPEvidence = Evidence(.prInterval, value: input.pr, unit: .ms, threshold: "P wave on the median beat",
                                       met: input.pr != nil, criterion: .ahaPart1Rhythm)
        let prEvidence = Evidence(.prVariability, value: f.prStandardDeviation, unit: .ms,
                                  threshold: "≤ \(Int(Thresholds.prConsistency)) ms", met: conducted,
                                  criterion: .escAtrialFibrillation)
        let response: VentricularResponse = rate > Thresholds.tachycardia ? .rapid
            : rate < Thresholds.slowVentricularResponse ? .slow : .controlled

        if !pPresent && !pPartial {
            if let atrial = input.atrialRate, Thresholds.flutterAtrialRate.contains(atrial) {
                return [Statement(code: .atrialFlutter, certainty: .possible, response: response, evidence: [
                    Evidence(.atrialRate, value: atrial, unit: .bpm, threshold: "240–350 bpm", met: true,
                             criterion: .escAtrialFibrillation), rateEvidence])]
            }
            if input.continuousAtrialActivity, !irregular {
                // Undulating atrial activity that fills the baseline between the QRS complexes,
                // with the regular ventricular response of a fixed conduction ratio: the flutter
                // pattern. "Possible" because the flutter-wave rate itself is not measured; with an
                // irregular response (variable conduction, or a noisy baseline) nothing is claimed.
                return [Statement(code: .atrialFlutter, certainty: .possible, response: response, evidence: [
                    Evidence(.continuousAtrialActivity, value: 1, unit: .none, threshold: "no isoelectric TP/PR segment",
                             met: true, criterion: .escAtrialFibrillation),
                    pEvidence, irregularityEvidence, rateEvidence])]
            }
            if irregularlyIrregular {
                // No distinct repeating P waves: too few, or not at a constant PR.
                return [Statement(code: .atrialFibrillation, response: response, evidence: [
                    presence < Thresholds.pWavePresence ? Evidence(.pWavePresence, value: pEvidence.value, unit: .percent,
                                         threshold: "< \(Int(Thresholds.pWavePresence * 100))%", met: true,
                                         criterion: .escAtrialFibrillation)
                              : Evidence(.prVariability, value: f.prStandardDeviation, unit: .ms,
                                         threshold: "> \(Int(Thresholds.prConsistency)) ms", met: true,
                                         criterion: .escAtrialFibrillation),
                    irregularityEvidence, patternEvidence, rateEvidence])]
            }
            let narrow = (input.qrs ?? .infinity) < Thresholds.completeBlockQRS
            if narrow, rate <= Thresholds.tachycardia, !irregular {
                return [Statement(code: .junctionalRhythm, certainty: .possible, evidence: [
                    Evidence(.pWavePresence, value: pEvidence.value, unit: .percent,
                             threshold: "< \(Int(Thresholds.pWavePresence * 100))%", met: true, criterion: .ahaPart1Rhythm),
                    Evidence(.rrIrregularity, value: irregularityEvidence.value, unit: .percent,
                             threshold: "< \(Int(Thresholds.irregularity * 100))%", met: true, criterion: .escAtrialFibrillation),
                    Evidence(.qrsDuration, value: input.qrs, unit: .ms, threshold: "< 120 ms", met: true,
                             criterion: .ahaPart3Conduction), rateEvidence])]
            }
            if narrow, rate > Thresholds.tachycardia, !irregular {
                // A regular narrow-QRS tachycardia without P waves is supraventricular by the
                // guideline's definition; its mechanism (AVNRT, AVRT, flutter with 2:1 conduction,
                // or a sinus or atrial tachycardia whose P waves hide in the T waves) is not
                // claimed, so the statement names none.
                return [Statement(code: .supraventricularTachycardia, evidence: [
                    Evidence(.pWavePresence, value: pEvidence.value, unit: .percent,
                             threshold: "< \(Int(Thresholds.pWavePresence * 100))%", met: true, criterion: .ahaPart1Rhythm),
                    Evidence(.rrIrregularity, value: irregularityEvidence.value, unit: .percent,
                             threshold: "< \(Int(Thresholds.irregularity * 100))%", met: true, criterion: .escAtrialFibrillation),
                    Evidence(.qrsDuration, value: input.qrs, unit: .ms, threshold: "< 120 ms", met: true,
                             criterion: .ahaPart3Conduction),
                    Evidence(.heartRate, value: rate, unit: .bpm, threshold: "> \(Int(Thresholds.tachycardia)) bpm", met: true,
                             criterion: .accSupraventricularTachycardia)])]
            }
            if patterned { irregularityEvidence.threshold = "" }
            return [Statement(code: .undeterminedRhythm, evidence: [pEvidence, prEvidence, irregularityEvidence]
                              + (patterned ? [patternEvidence] : []) + [rateEvidence])]
        }

        if irregularlyIrregular, presence < Thresholds.pWavePresenceInIrregularRhythm {
            // An irregularly irregular rhythm with P waves before only some of the beats: sinus
            // arrhythmia would keep a P wave before every one.
            return [Statement(code: .atrialFibrillation, certainty: .possible, response: response, evidence: [
                Evidence(.pWavePresence, value: pEvidence.value, unit: .percent,
                         threshold: "< \(Int(Thresholds.pWavePresenceInIrregularRhythm * 100))% with an irregularly irregular RR",
                         met: true, criterion: .escAtrialFibrillation),
                irregularityEvidence, patternEvidence, prEvidence, rateEvidence])]
        }

        // P waves present: sinus or ectopic atrial ("possible" when only some were found).
        let atrialCertainty: Certainty = pPresent ? .definite : .possible
        let atrialEvidence = pPresent ? pEvidence : medianPEvidence
        if let pAxis = input.pAxis, !Thresholds.sinusPAxis.contains(pAxis), irregularlyIrregular {
            // An irregularly irregular rhythm whose "P waves" have no sinus axis: the repeating
            // deflections are not sinus P waves (coarse fibrillatory waves locked near the QRS).
            return [Statement(code: .atrialFibrillation, certainty: .possible, response: response, evidence: [
                irregularityEvidence, patternEvidence,
                Evidence(.pAxis, value: pAxis, unit: .degrees, threshold: "outside −30°…+105°", met: true,
                         criterion: .escAtrialFibrillation), rateEvidence])]
        }
        if let pAxis = input.pAxis, !Thresholds.sinusPAxis.contains(pAxis) {
            return [Statement(code: .ectopicAtrialRhythm, certainty: .possible, evidence: [atrialEvidence, prEvidence,
                Evidence(.pAxis, value: pAxis, unit: .degrees, threshold: "outside −30°…+105°", met: true,
                         criterion: .ahaPart1Rhythm), rateEvidence])]
        }
        let axisEvidence = Evidence(.pAxis, value: input.pAxis, unit: .degrees, threshold: "−30°…+105°",
                                    met: input.pAxis != nil, criterion: .ahaPart1Rhythm)
        if rate < Thresholds.bradycardia {
            return [Statement(code: .sinusBradycardia, certainty: atrialCertainty, evidence: [atrialEvidence, prEvidence, axisEvidence,
                Evidence(.heartRate, value: rate, unit: .bpm, threshold: "< \(Int(Thresholds.bradycardia)) bpm", met: true,
                         criterion: .bradycardiaGuideline)])]
        }
        if rate > Thresholds.tachycardia {
            return [Statement(code: .sinusTachycardia, certainty: atrialCertainty, evidence: [atrialEvidence, prEvidence, axisEvidence,
                Evidence(.heartRate, value: rate, unit: .bpm, threshold: "> 100 bpm", met: true, criterion: .ahaPart1Rhythm)])]
        }
        let ratioLimit = FixedPoint.text(Thresholds.sinusArrhythmiaRatio, decimals: 2)
        if let ratio = f.dominantRRRatio, ratio > Thresholds.sinusArrhythmiaRatio {
            return [Statement(code: .sinusArrhythmia, certainty: atrialCertainty, evidence: [atrialEvidence, prEvidence, axisEvidence,
                Evidence(.rrRatio, value: ratio, unit: .ratio, threshold: "> \(ratioLimit)", met: true,
                         criterion: .thewSinusArrhythmia),
                Evidence(.rrRange, value: f.dominantRRRange, unit: .ms, met: true, criterion: .thewSinusArrhythmia),
                rateEvidence])]
        }
        var evidence = [atrialEvidence, prEvidence, axisEvidence,
                        Evidence(.heartRate, value: rate, unit: .bpm, threshold: "\(Int(Thresholds.bradycardia))–100 bpm", met: true,
                                 criterion: .bradycardiaGuideline)]
        if let range = f.dominantRRRange, range > Thresholds.textbookSinusArrhythmiaRange, let ratio = f.dominantRRRatio {
            // Past the textbook range but not marked: the reader sees the variation and the limit.
            evidence += [Evidence(.rrRange, value: range, unit: .ms, met: true, criterion: .thewSinusArrhythmia),
                         Evidence(.rrRatio, value: ratio, unit: .ratio, threshold: "≤ \(ratioLimit)", met: true,
                                  criterion: .thewSinusArrhythmia)]
        }
        return [Statement(code: .sinusRhythm, certainty: atrialCertainty, evidence: evidence)]
    }
}
