import Testing
import Interpretation
import Delineation

@Suite struct RhythmThresholdTests {
    @Test(arguments: [(49.0, StatementCode.sinusBradycardia), (50.0, .sinusRhythm), (59.0, .sinusRhythm),
                      (100.0, .sinusRhythm), (101.0, .sinusTachycardia)])
    func sinusRateLimits(rate: Double, expected: StatementCode) {
        let i = interpret(Make.normal(rate: rate))
        #expect(i.statements.first?.code == expected)
        let rateEvidence = i.statements.first?.evidence.first { $0.quantity == .heartRate }
        #expect(rateEvidence?.value == rate)
    }

    @Test func noBeatsMeansNoQRSDetectedAndNoRhythm() {
        var input = Make.normal()
        input.beats = []
        let i = interpret(input)
        #expect(i.statements.map(\.code) == [.noQRSDetected])
    }

    @Test func noRepresentativeBeatMeansPoorQualityNeverARhythm() {
        var input = Make.normal()
        input.hasRepresentativeBeat = false
        let i = interpret(input)
        #expect(i.statements.map(\.code) == [.poorSignalQuality])
        #expect(!i.statements.contains { $0.category == .rhythm })
    }

    /// RR alternating by ±d ms around 800 ms: irregularity = 2d / 800.
    static func alternating(_ d: Double, hasP: Bool) -> InterpretationInput {
        var input = Make.normal(rate: 75)
        input.beats = (0..<12).map { k in
            BeatObservation(rrBefore: k == 0 ? nil : (k % 2 == 0 ? 800 + d : 800 - d), type: .dominant, hasP: hasP,
                            pr: hasP ? 160 : nil)
        }
        input.pr = hasP ? 160 : nil
        return input
    }

    /// RR = 800 + scale · offsets, with offsets that repeat with no period of 2 or 3 beats (mean RR
    /// 800 ms; median successive difference 35 · scale (mean 39 · scale); lag-2 and lag-3 differences larger still).
    static func irregular(scale: Double, hasP: Bool) -> InterpretationInput {
        let offsets: [Double] = [-60, 0, -40, -30, 50, 40, 40, 10, -50, 30, 10]
        var input = Make.normal(rate: 75)
        input.beats = (0..<12).map { k in
            BeatObservation(rrBefore: k == 0 ? nil : 800 + scale * offsets[k - 1], type: .dominant, hasP: hasP,
                            pr: hasP ? 160 : nil)
        }
        input.pr = hasP ? 160 : nil
        return input
    }

    @Test func aPWaveOnTheMedianBeatOfARegularRhythmIsPossibleSinus() {
        // Per-beat P detection failed, but the median beat (which averages out fibrillatory waves)
        // has a P wave and the rhythm is regular.
        var input = Make.normal()
        input.beats = Make.beats(rate: 72, hasP: false)
        input.pr = 160
        #expect(interpret(input).has(.sinusRhythm, .possible))
    }

    @Test func atrialFibrillationNeedsIrregularRRAndAbsentP() {
        // Irregularity threshold 9%: 35 · scale / 800 = 0.10 → AF; 0.08 → not AF.
        let above = Self.irregular(scale: 80.0 / 35, hasP: false), below = Self.irregular(scale: 64.0 / 35, hasP: false)
        #expect(abs((RhythmFeatures(above).irregularity ?? 0) - 0.10) < 1e-9)
        #expect(abs((RhythmFeatures(below).irregularity ?? 0) - 0.08) < 1e-9)
        #expect((RhythmFeatures(above).patternResidual ?? 0) > Thresholds.patternResidual)
        #expect(interpret(above).has(.atrialFibrillation))
        #expect(!interpret(below).has(.atrialFibrillation))
        // Same irregularity with P waves at a constant PR: not AF.
        #expect(!interpret(Self.irregular(scale: 80.0 / 35, hasP: true)).has(.atrialFibrillation))
    }

    @Test func alternatingRRIsRegularlyIrregularNotAtrialFibrillation() {
        // Bigeminal RR (±200 ms around 800 ms, irregularity 50%) repeats every 2 beats: the
        // lag-2 residual is 0. Without P waves that is an undetermined rhythm, never AF.
        let input = Self.alternating(200, hasP: false)
        let f = RhythmFeatures(input)
        #expect((f.irregularity ?? 0) >= Thresholds.irregularity)
        #expect((f.patternResidual ?? 1) < Thresholds.patternResidual)
        let i = interpret(input)
        #expect(!i.has(.atrialFibrillation))
        #expect(i.has(.undeterminedRhythm))
        #expect(i.statement(.undeterminedRhythm)?.evidence.contains { $0.quantity == .rrPatternResidual } == true)
        // Alternation plus the aperiodic offsets: the lag-2 residual is the offsets' own
        // (46.67 · scale / mean RR; the 11 RRs hold one more short than long cycle, so the mean is
        // 800 − 200/11 ms); at 10% the rhythm is irregularly irregular again, at 8% not.
        func mixed(_ scale: Double) -> InterpretationInput {
            var m = Self.irregular(scale: scale, hasP: false)
            for k in m.beats.indices where k > 0 {
                m.beats[k].rrBefore = (m.beats[k].rrBefore ?? 800) + (k % 2 == 0 ? 200 : -200)
            }
            return m
        }
        let mean = 800 - 200.0 / 11
        let at10 = mixed(0.10 * mean / (140.0 / 3)), at8 = mixed(0.08 * mean / (140.0 / 3))
        #expect(abs((RhythmFeatures(at10).patternResidual ?? 0) - 0.10) < 1e-9)
        #expect(abs((RhythmFeatures(at8).patternResidual ?? 0) - 0.08) < 1e-9)
        #expect(interpret(at10).has(.atrialFibrillation))
        #expect(!interpret(at8).has(.atrialFibrillation))
        // With conducted P waves on every beat the rhythm is of sinus origin (its RR range makes it
        // sinus arrhythmia), not AF.
        let withP = interpret(Self.alternating(200, hasP: true))
        #expect(withP.has(.sinusArrhythmia) && !withP.has(.atrialFibrillation))
    }

    @Test func onePrematureBeatAndItsPauseDoNotMakeARegularRhythmIrregular() {
        // LUDB 60: RR 1100, 1056, 632 (premature), 1330 (pause), then about 1000 ms; no P waves
        // found. Mean successive difference 19 % of the mean RR, median 4 %: regular.
        var input = Make.normal(rate: 59)
        let rrs: [Double] = [1100, 1056, 632, 1330, 998, 1038, 1010, 1016, 1004]
        input.beats = ([nil] + rrs).map { BeatObservation(rrBefore: $0, type: .dominant, hasP: false, pr: nil) }
        input.pr = nil
        let f = RhythmFeatures(input)
        #expect(abs((f.irregularity ?? 0) - 42.0 / (rrs.reduce(0, +) / 9)) < 1e-9)
        #expect(!interpret(input).has(.atrialFibrillation))
        // The same cycles changing at every beat are irregularly irregular.
        #expect(interpret(Self.irregular(scale: 80.0 / 35, hasP: false)).has(.atrialFibrillation))
    }

    @Test func tooFewCyclesToTestForAPatternAreNeverAtrialFibrillation() {
        // Four RR intervals (a 10-s record at about 30 bpm) varying by 10 % and more: whether a
        // pattern repeats cannot be tested, so "irregularly irregular" is not said.
        var input = Make.normal(rate: 31)
        input.beats = ([nil, 1906, 2028, 1812, 1988] as [Double?]).map {
            BeatObservation(rrBefore: $0, type: .dominant, hasP: false, pr: nil)
        }
        input.pr = nil
        #expect((RhythmFeatures(input).irregularity ?? 0) >= Thresholds.irregularity)
        #expect(RhythmFeatures(input).patternResidual == nil)
        #expect(!interpret(input).has(.atrialFibrillation))
        // One more cycle and the test can be made.
        input.beats.append(BeatObservation(rrBefore: 1800, type: .dominant, hasP: false, pr: nil))
        #expect(RhythmFeatures(input).patternResidual != nil)
    }

    @Test func aLongRecordsDriftingRateIsNotSinusArrhythmia() {
        // Five minutes whose rate slows steadily from 86 to 55 bpm (RR 700 → 1100 ms): every
        // 10-s strip varies by about 2 %, the whole record by 57 %.
        var input = Make.normal(rate: 70)
        let count = 360
        input.beats = (0..<count).map { k in
            BeatObservation(rrBefore: k == 0 ? nil : 700 + 400 * Double(k) / Double(count), type: .dominant,
                            hasP: true, pr: 160)
        }
        let f = RhythmFeatures(input)
        #expect((f.dominantRRRatio ?? 0) < 1.05)
        #expect(!interpret(input).has(.sinusArrhythmia))
        // The same 57 % within one 10-s strip is marked sinus arrhythmia.
        input.beats = ([nil, 700, 800, 900, 1000, 1100, 1000, 900, 800, 700] as [Double?]).map {
            BeatObservation(rrBefore: $0, type: .dominant, hasP: true, pr: 160)
        }
        #expect(abs((RhythmFeatures(input).dominantRRRatio ?? 0) - 1100.0 / 700) < 1e-9)
        #expect(interpret(input).has(.sinusArrhythmia))
    }

    @Test func pWavesAtRandomPRAreFibrillatoryWaves() {
        // "P waves" before every QRS but with PR varying by ±60 ms: no distinct repeating P waves.
        var input = Self.irregular(scale: 80.0 / 35, hasP: true)
        for k in input.beats.indices { input.beats[k].pr = k % 2 == 0 ? 100 : 220 }
        let i = interpret(input)
        #expect(i.has(.atrialFibrillation))
        #expect(i.statement(.atrialFibrillation)?.evidence.first?.quantity == .prVariability)
        // PR SD 40 ms (±40) is the limit of conducted P waves.
        for k in input.beats.indices { input.beats[k].pr = k % 2 == 0 ? 120 : 200 }
        #expect(!interpret(input).has(.atrialFibrillation))
    }

    @Test func irregularlyIrregularRhythmWithPWavesBeforeOnlySomeBeatsIsPossibleAF() {
        // 12 beats, irregularity 10 %, P waves at a constant PR: on 9 of them (75 %) that is
        // possible atrial fibrillation; on 10 (83 %) it is of sinus origin.
        func withP(on count: Int) -> InterpretationInput {
            var input = Self.irregular(scale: 80.0 / 35, hasP: true)
            for k in input.beats.indices where k >= count { input.beats[k].hasP = false; input.beats[k].pr = nil }
            return input
        }
        let fewer = interpret(withP(on: 9)), most = interpret(withP(on: 10))
        #expect(abs((RhythmFeatures(withP(on: 9)).pWavePresence ?? 0) - 0.75) < 1e-9)
        #expect(fewer.has(.atrialFibrillation, .possible))
        #expect(fewer.statement(.atrialFibrillation)?.evidence.first?.quantity == .pWavePresence)
        #expect(!fewer.statements.contains { $0.code == .sinusRhythm || $0.code == .sinusArrhythmia })
        #expect(!most.has(.atrialFibrillation))
        // A regular rhythm with the same partial P detection is never called AF.
        var regular = withP(on: 9)
        for k in regular.beats.indices where k > 0 { regular.beats[k].rrBefore = 800 }
        #expect(!interpret(regular).has(.atrialFibrillation))
    }

    @Test func partlyDetectedPWavesGivePossibleSinusRhythmOnlyWhenRegular() {
        var input = Make.normal()
        for k in input.beats.indices where k % 3 != 0 { input.beats[k].hasP = false; input.beats[k].pr = nil }
        // 4 of 10 beats with P at a constant PR, regular RR.
        #expect(interpret(input).has(.sinusRhythm, .possible))
        for k in input.beats.indices where k % 3 == 0 && k > 0 { input.beats[k].hasP = false; input.beats[k].pr = nil }
        input.pr = nil
        // 1 of 10 and no P wave on the median beat: not enough for any atrial rhythm.
        #expect(!interpret(input).statements.contains { $0.code == .sinusRhythm })
    }

    @Test func atrialFibrillationResponseFollowsRate() {
        var input = Self.irregular(scale: 2.5, hasP: false)
        input.heartRate = 120
        let s = interpret(input).statement(.atrialFibrillation)
        #expect(s?.response == .rapid)
        #expect(s?.text == "Atrial fibrillation with rapid ventricular response")
        // "Slow" keeps the conventional 60 bpm limit, whatever the sinus bradycardia limit.
        input.heartRate = 59
        #expect(interpret(input).statement(.atrialFibrillation)?.response == .slow)
        input.heartRate = 60
        #expect(interpret(input).statement(.atrialFibrillation)?.response == .controlled)
    }

    @Test func sinusArrhythmiaNeedsTheLongestRRMoreThan35PercentLongerThanTheShortest() {
        // RR alternating 800 ± d ms: longest / shortest = (800 + d) / (800 − d), 1.35 at d ≈ 119.1.
        let marked = interpret(Self.alternating(120, hasP: true))                  // 1.353
        #expect(marked.has(.sinusArrhythmia))
        let ratio = marked.statement(.sinusArrhythmia)?.evidence.first { $0.quantity == .rrRatio }
        #expect(abs((ratio?.value ?? 0) - 920.0 / 680) < 1e-9 && ratio?.criterion == .thewSinusArrhythmia)
        let mild = interpret(Self.alternating(118, hasP: true))                    // 1.347, range 236 ms
        #expect(!mild.has(.sinusArrhythmia) && mild.has(.sinusRhythm))
        // Past the textbook 160 ms the sinus rhythm shows the variation and the limit it stayed under.
        let shown = mild.statement(.sinusRhythm)?.evidence.map(\.quantity) ?? []
        #expect(shown.contains(.rrRange) && shown.contains(.rrRatio))
        let small = interpret(Self.alternating(79, hasP: true)).statement(.sinusRhythm)   // range 158 ms
        #expect(small != nil && !(small?.evidence.contains { $0.quantity == .rrRatio } ?? true))
    }

    @Test func abnormalPAxisIsPossibleEctopicAtrialRhythm() {
        var input = Make.normal()
        input.pAxis = -60
        let i = interpret(input)
        #expect(i.has(.ectopicAtrialRhythm, .possible))
        input.pAxis = 60
        #expect(!interpret(input).has(.ectopicAtrialRhythm))
    }

    @Test func regularNarrowRhythmWithoutPIsPossibleJunctional() {
        var input = Make.normal(rate: 50)
        input.beats = Make.beats(rate: 50, hasP: false)
        input.pr = nil
        let i = interpret(input)
        #expect(i.has(.junctionalRhythm, .possible))
        #expect(!i.has(.firstDegreeAVBlock))
    }

    @Test(arguments: [(100.0, StatementCode.junctionalRhythm), (101.0, .supraventricularTachycardia),
                      (150.0, .supraventricularTachycardia)])
    func regularNarrowRhythmWithoutPAboveTheTachycardiaLimitIsSVT(rate: Double, expected: StatementCode) {
        var input = Make.normal(rate: rate)
        input.beats = Make.beats(rate: rate, hasP: false)
        input.pr = nil
        let rhythm = interpret(input).statements.first { $0.category == .rhythm }
        #expect(rhythm?.code == expected)
        // Junctional origin is a guess from absent P waves; a narrow-QRS tachycardia is
        // supraventricular by definition (its mechanism is not named).
        #expect(rhythm?.certainty == (expected == .junctionalRhythm ? .possible : .definite))
        if expected == .supraventricularTachycardia {
            // Every criterion that triggered it stands in the evidence, and was met.
            let quantities = rhythm?.evidence.map(\.quantity) ?? []
            #expect(quantities == [.pWavePresence, .rrIrregularity, .qrsDuration, .heartRate])
            #expect(rhythm?.evidence.allSatisfy(\.met) == true)
            #expect(rhythm?.evidence.last?.value == rate)
        }
    }

    @Test func wideOrIrregularTachycardiaWithoutPIsNotCalledSVT() {
        var wide = Make.normal(rate: 150)
        wide.beats = Make.beats(rate: 150, hasP: false)
        wide.pr = nil
        wide.qrs = 140
        #expect(!interpret(wide).has(.supraventricularTachycardia))
        #expect(interpret(wide).has(.undeterminedRhythm))
        var irregular = Self.irregular(scale: 3, hasP: false)   // irregularity 13 %
        irregular.heartRate = 120
        #expect(!interpret(irregular).has(.supraventricularTachycardia))
        #expect(interpret(irregular).has(.atrialFibrillation))
    }

    @Test func prematureBeatsAreCountedByType() {
        var input = Make.normal()
        input.beats[3] = BeatObservation(rrBefore: 500, type: .supraventricularPremature, hasP: true, prematurity: 0.6)
        input.beats[6] = BeatObservation(rrBefore: 480, type: .ventricular, hasP: false, prematurity: 0.58)
        let i = interpret(input)
        #expect(i.statement(.atrialPrematureComplexes)?.evidence.first?.value == 1)
        #expect(i.statement(.ventricularPrematureComplexes)?.evidence.first?.value == 1)
        #expect(!i.has(.ventricularBigeminy))
    }

    @Test func atrialPrematureBeatMustInterruptThePrecedingCycle() {
        // Typed premature against the dominant RR (833 ms), but the cycle shortened over the
        // beats before it (sinus arrhythmia): 760 → 700 ms is not 15 % shorter.
        var input = Make.normal()
        input.beats[4] = BeatObservation(rrBefore: 760, type: .dominant, hasP: true, prematurity: 0.91)
        input.beats[5] = BeatObservation(rrBefore: 700, type: .supraventricularPremature, hasP: true, prematurity: 0.84)
        #expect(!interpret(input).has(.atrialPrematureComplexes))
        // Abrupt: 760 → 640 ms (84 % of the preceding cycle).
        input.beats[5] = BeatObservation(rrBefore: 640, type: .supraventricularPremature, hasP: true, prematurity: 0.77)
        #expect(interpret(input).statement(.atrialPrematureComplexes)?.evidence.first?.value == 1)
        // 646 ms is 85 % of 760: not below it.
        input.beats[5] = BeatObservation(rrBefore: 646, type: .supraventricularPremature, hasP: true, prematurity: 0.78)
        #expect(!interpret(input).has(.atrialPrematureComplexes))
        // The second beat has no cycle before its own to compare with.
        input = Make.normal()
        input.beats[1] = BeatObservation(rrBefore: 600, type: .supraventricularPremature, hasP: true, prematurity: 0.72)
        #expect(!interpret(input).has(.atrialPrematureComplexes))
    }

    @Test func bigeminyNeedsThreeAlternatingCycles() {
        var input = Make.normal()
        for k in [1, 3, 5] { input.beats[k] = BeatObservation(rrBefore: 480, type: .ventricular, hasP: false, prematurity: 0.6) }
        #expect(interpret(input).has(.ventricularBigeminy))
        input.beats[5] = Make.beats(rate: 72)[5]
        #expect(!interpret(input).has(.ventricularBigeminy))
    }
}

@Suite struct PacedRhythmTests {
    static func paced(_ count: Int, of total: Int = 10) -> InterpretationInput {
        var input = Make.normal(rate: 70)
        input.beats = Make.beats(rate: 70, count: total, hasP: false)
        for k in 0..<count { input.beats[k].paced = true }
        input.pr = nil
        input.qrs = 160
        input.qrsAxis = -60
        return input
    }

    @Test func mostBeatsPacedIsAVentricularPacedRhythm() {
        // 6 of 10 beats after a spike: paced; 5 of 10 is not a majority.
        let i = interpret(Self.paced(6))
        #expect(i.statements.first?.code == .ventricularPacedRhythm)
        #expect(i.statement(.ventricularPacedRhythm)?.evidence.first?.value == 60)
        #expect(!interpret(Self.paced(5)).has(.ventricularPacedRhythm))
    }

    @Test func pacedQRSIsNotReadAsBundleBranchBlockOrAxisDeviation() {
        var input = Self.paced(10)
        input = Make.replacing(input, "V1") { $0.r = 0.1; $0.s = -1.5 }
        for l in ["I", "V5", "V6"] { input = Make.replacing(input, l) { $0.q = nil; $0.s = nil } }
        let i = interpret(input)
        #expect(i.has(.ventricularPacedRhythm))
        #expect(!i.statements.contains { $0.category == .conduction || $0.category == .axis || $0.category == .repolarization })
        #expect(i.has(.abnormalECG))
        // The same complexes without spikes are a left bundle branch block.
        for k in input.beats.indices { input.beats[k].paced = false }
        #expect(interpret(input).has(.leftBundleBranchBlock))
    }
}

@Suite struct ContinuousAtrialActivityTests {
    static func flutterLike(_ input: InterpretationInput) -> InterpretationInput {
        var input = input
        for k in input.beats.indices { input.beats[k].hasP = false; input.beats[k].pr = nil }
        input.pr = nil
        input.pAxis = nil
        input.atrialRate = nil
        input.continuousAtrialActivity = true
        return input
    }

    @Test func continuousAtrialActivityWithRegularResponseIsPossibleFlutter() {
        let i = interpret(Self.flutterLike(Make.normal(rate: 75)))
        #expect(i.statements.first?.code == .atrialFlutter)
        #expect(i.statement(.atrialFlutter)?.certainty == .possible)
        #expect(i.statement(.atrialFlutter)?.evidence.first?.quantity == .continuousAtrialActivity)
        // The same baseline without the flag: a regular narrow rhythm without P is junctional.
        var plain = Self.flutterLike(Make.normal(rate: 75))
        plain.continuousAtrialActivity = false
        #expect(interpret(plain).has(.junctionalRhythm, .possible))
    }

    @Test func noQTStatementOverFlutterWaves() {
        // QTc 530 ms: prolonged in sinus rhythm, not stated when flutter waves hide the T end.
        var input = Make.normal(rate: 75)
        input.qtcBazett = 530
        #expect(interpret(input).has(.prolongedQT))
        #expect(!interpret(Self.flutterLike(input)).has(.prolongedQT))
    }

    @Test func irregularResponseIsNotCalledFlutterWithoutItsRate() {
        // Irregularity 8% (below the 9% limit): still regular, possible flutter; 10%: irregularly
        // irregular, atrial fibrillation; alternating (regularly irregular): undetermined.
        let regular = Self.flutterLike(RhythmThresholdTests.irregular(scale: 64.0 / 35, hasP: false))
        #expect(interpret(regular).has(.atrialFlutter, .possible))
        let irregular = Self.flutterLike(RhythmThresholdTests.irregular(scale: 80.0 / 35, hasP: false))
        #expect(interpret(irregular).has(.atrialFibrillation))
        let grouped = Self.flutterLike(RhythmThresholdTests.alternating(200, hasP: false))
        #expect(interpret(grouped).has(.undeterminedRhythm))
    }
}
