import Testing
import Interpretation

@Suite struct ConductionThresholdTests {
    @Test(arguments: [(200.0, false), (201.0, true), (221.0, true), (260.0, true)])
    func firstDegreeAVBlockAbove200ms(pr: Double, expected: Bool) {
        var input = Make.normal()
        input.pr = pr
        let i = interpret(input)
        #expect(i.has(.firstDegreeAVBlock) == expected)
        if expected { #expect(i.statement(.firstDegreeAVBlock)?.evidence.first?.value == pr) }
    }

    @Test func firstDegreeAVBlockNeedsAtrialRhythm() {
        // Irregular RR without P waves (atrial fibrillation): a PR on the median beat means nothing.
        var input = RhythmThresholdTests.alternating(60, hasP: false)
        input.pr = 240
        let i = interpret(input)
        #expect(i.has(.atrialFibrillation))
        #expect(!i.has(.firstDegreeAVBlock))
    }

    @Test func shortPRWithWideQRSIsPossibleWPW() {
        var input = Make.normal()
        input.pr = 100
        #expect(interpret(input).has(.shortPR))
        input.qrs = 115
        #expect(interpret(input).has(.wpwPattern, .possible))
        input.pr = 120
        #expect(!interpret(input).has(.wpwPattern))
    }

    /// rsR′ in V1, terminal S in I and V6.
    static func rbbb(qrs: Double) -> InterpretationInput {
        var input = Make.normal()
        input.qrs = qrs
        input = Make.replacing(input, "V1") { $0.r = 0.3; $0.s = -0.3; $0.rPrime = 0.8 }
        input = Make.replacing(input, "I") { $0.s = -0.3 }
        input = Make.replacing(input, "V6") { $0.s = -0.35 }
        return input
    }

    @Test func rbbbAtAndAroundQRS120() {
        #expect(interpret(Self.rbbb(qrs: 120)).has(.rightBundleBranchBlock, .definite))
        let below = interpret(Self.rbbb(qrs: 119))
        #expect(!below.has(.rightBundleBranchBlock))
        #expect(below.has(.incompleteRightBundleBranchBlock))
        #expect(!interpret(Self.rbbb(qrs: 109)).has(.incompleteRightBundleBranchBlock))
    }

    @Test func rbbbWithoutTerminalSIsOnlyPossible() {
        let input = Make.replacing(Self.rbbb(qrs: 140), "V6") { $0.s = nil }
        #expect(interpret(input).has(.rightBundleBranchBlock, .possible))
    }

    /// QS in V1, monophasic R without q in I, V5, V6.
    static func lbbb(qrs: Double) -> InterpretationInput {
        var input = Make.normal()
        input.qrs = qrs
        input = Make.replacing(input, "V1") { $0.r = 0.1; $0.s = -1.5 }
        for l in ["I", "V5", "V6"] { input = Make.replacing(input, l) { $0.q = nil; $0.s = nil } }
        return input
    }

    @Test func lbbbAtAndAroundQRS120() {
        #expect(interpret(Self.lbbb(qrs: 120)).has(.leftBundleBranchBlock, .definite))
        #expect(!interpret(Self.lbbb(qrs: 119)).has(.leftBundleBranchBlock))
    }

    @Test func lbbbWithLateralQIsOnlyPossible() {
        let input = Make.replacing(Self.lbbb(qrs: 150), "V6") { $0.q = -0.2 }
        #expect(interpret(input).has(.leftBundleBranchBlock, .possible))
    }

    @Test func wideQRSWithoutBundlePatternIsIVCD() {
        var input = Make.normal()
        input.qrs = 124
        let i = interpret(input)
        #expect(i.has(.intraventricularConductionDelay))
        #expect(!i.has(.rightBundleBranchBlock) && !i.has(.leftBundleBranchBlock))
    }

    static func lafb(axis: Double) -> InterpretationInput {
        var input = Make.normal()
        input.qrsAxis = axis
        input = Make.replacing(input, "aVL") { $0.q = -0.1; $0.r = 0.8; $0.s = nil }
        for l in ["II", "III", "aVF"] { input = Make.replacing(input, l) { $0.q = nil; $0.r = 0.2; $0.s = -0.8 } }
        return input
    }

    @Test func lafbAxisLimitMinus45() {
        #expect(interpret(Self.lafb(axis: -45)).has(.leftAnteriorFascicularBlock, .definite))
        #expect(interpret(Self.lafb(axis: -60)).has(.leftAxisDeviation))
        let at44 = interpret(Self.lafb(axis: -44))
        #expect(at44.has(.leftAnteriorFascicularBlock, .possible))
        #expect(at44.has(.leftAxisDeviation))
    }

    @Test func lafbNeedsItsMorphology() {
        var input = Make.normal()
        input.qrsAxis = -60
        let i = interpret(input)
        #expect(!i.has(.leftAnteriorFascicularBlock))
        #expect(i.has(.leftAxisDeviation))
    }

    @Test func lafbMorphologyWithAxisMinus30To45IsPossible() {
        #expect(interpret(Self.lafb(axis: -40)).has(.leftAnteriorFascicularBlock, .possible))
        #expect(!interpret(Self.lafb(axis: -29)).has(.leftAnteriorFascicularBlock))
    }

    @Test func firstDegreeAVBlockUpTo220msIsBorderline() {
        var input = Make.normal()
        input.pr = 220
        #expect(interpret(input).has(.firstDegreeAVBlock, .borderline))
        input.pr = 221
        #expect(interpret(input).has(.firstDegreeAVBlock, .definite))
    }

    @Test func noPRStatementsWhenPWavesAreOnlyOnTheMedianBeat() {
        var input = Make.normal()
        input.beats = Make.beats(rate: 72, hasP: false)
        input.pr = 260
        let i = interpret(input)
        #expect(i.has(.sinusRhythm, .possible))
        #expect(!i.has(.firstDegreeAVBlock))
    }

    @Test func lpfbIsConsideredWithRightAxisAndMorphology() {
        var input = Make.normal()
        input.qrsAxis = 110
        for l in ["I", "aVL"] { input = Make.replacing(input, l) { $0.q = nil; $0.r = 0.2; $0.s = -0.7 } }
        for l in ["III", "aVF"] { input = Make.replacing(input, l) { $0.q = -0.1; $0.r = 1.2; $0.s = nil } }
        let i = interpret(input)
        #expect(i.has(.leftPosteriorFascicularBlock, .consider))
        #expect(i.has(.rightAxisDeviation))
        input.qrsAxis = 85
        #expect(!interpret(input).has(.leftPosteriorFascicularBlock))
    }
}
