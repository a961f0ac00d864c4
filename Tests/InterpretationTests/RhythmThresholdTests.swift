import Testing
import Interpretation
import Delineation

@Suite struct RhythmThresholdTests {
    @Test(arguments: [(59.0, StatementCode.sinusBradycardia), (60.0, .sinusRhythm), (100.0, .sinusRhythm),
                      (101.0, .sinusTachycardia)])
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

    @Test func aPWaveOnTheMedianBeatOfARegularRhythmIsPossibleSinus() {
        // Per-beat P detection failed, but the median beat (which averages out fibrillatory waves)
        // has a P wave and the rhythm is regular.
        var input = Make.normal()
        input.beats = Make.beats(rate: 72, hasP: false)
        input.pr = 160
        #expect(interpret(input).has(.sinusRhythm, .possible))
    }

    @Test func atrialFibrillationNeedsIrregularRRAndAbsentP() {
        // Irregularity threshold 9%: 2d/800 = 0.10 → AF; 0.08 → not AF.
        #expect(interpret(Self.alternating(40, hasP: false)).has(.atrialFibrillation))
        #expect(!interpret(Self.alternating(32, hasP: false)).has(.atrialFibrillation))
        // Same irregularity with P waves at a constant PR: not AF.
        #expect(!interpret(Self.alternating(40, hasP: true)).has(.atrialFibrillation))
    }

    @Test func pWavesAtRandomPRAreFibrillatoryWaves() {
        // "P waves" before every QRS but with PR varying by ±60 ms: no distinct repeating P waves.
        var input = Self.alternating(40, hasP: true)
        for k in input.beats.indices { input.beats[k].pr = k % 2 == 0 ? 100 : 220 }
        let i = interpret(input)
        #expect(i.has(.atrialFibrillation))
        #expect(i.statement(.atrialFibrillation)?.evidence.first?.quantity == .prVariability)
        // PR SD 40 ms (±40) is the limit of conducted P waves.
        for k in input.beats.indices { input.beats[k].pr = k % 2 == 0 ? 120 : 200 }
        #expect(!interpret(input).has(.atrialFibrillation))
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
        var input = Self.alternating(60, hasP: false)
        input.heartRate = 120
        let s = interpret(input).statement(.atrialFibrillation)
        #expect(s?.response == .rapid)
        #expect(s?.text == "Atrial fibrillation with rapid ventricular response")
    }

    @Test func sinusArrhythmiaNeedsRRRangeAbove160ms() {
        #expect(interpret(Self.alternating(81, hasP: true)).has(.sinusArrhythmia))   // range 162 ms
        #expect(!interpret(Self.alternating(79, hasP: true)).has(.sinusArrhythmia))  // range 158 ms
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

    @Test func prematureBeatsAreCountedByType() {
        var input = Make.normal()
        input.beats[3] = BeatObservation(rrBefore: 500, type: .supraventricularPremature, hasP: true, prematurity: 0.6)
        input.beats[6] = BeatObservation(rrBefore: 480, type: .ventricular, hasP: false, prematurity: 0.58)
        let i = interpret(input)
        #expect(i.statement(.atrialPrematureComplexes)?.evidence.first?.value == 1)
        #expect(i.statement(.ventricularPrematureComplexes)?.evidence.first?.value == 1)
        #expect(!i.has(.ventricularBigeminy))
    }

    @Test func bigeminyNeedsThreeAlternatingCycles() {
        var input = Make.normal()
        for k in [1, 3, 5] { input.beats[k] = BeatObservation(rrBefore: 480, type: .ventricular, hasP: false, prematurity: 0.6) }
        #expect(interpret(input).has(.ventricularBigeminy))
        input.beats[5] = Make.beats(rate: 72)[5]
        #expect(!interpret(input).has(.ventricularBigeminy))
    }
}
