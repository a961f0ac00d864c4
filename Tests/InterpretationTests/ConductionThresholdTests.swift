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
        var input = RhythmThresholdTests.irregular(scale: 80.0 / 35, hasP: false)
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

    @Test func completeRightPatternWinsOverALeftLikeV1() {
        // rSR′ in V1 with S deeper than R′, no lateral q: V1 alone looks left-like, but the R′ and
        // the terminal S in I and V6 make it a right bundle branch block.
        var input = Self.rbbb(qrs: 140)
        input = Make.replacing(input, "V1") { $0.r = 0.2; $0.s = -0.8; $0.rPrime = 0.5 }
        for l in ["I", "V5", "V6"] { input = Make.replacing(input, l) { $0.q = nil } }
        let i = interpret(input)
        #expect(i.has(.rightBundleBranchBlock, .definite))
        #expect(!i.has(.leftBundleBranchBlock))
    }

    @Test func terminalSMustReachBelowTheJPoint() {
        // A left bundle branch block whose depressed ST makes I and V6 end below baseline, with a
        // small spurious R′ in V1: the "S" is 0.09 mV below J in I (not a terminal S), so the
        // right pattern is incomplete and the left one stands.
        func input(sBelowJ: Double) -> InterpretationInput {
            var input = Self.lbbb(qrs: 150)
            input = Make.replacing(input, "V1") { $0.rPrime = 0.2 }
            input = Make.replacing(input, "I") { $0.stJ = -0.15; $0.s = -0.15 - sBelowJ }
            input = Make.replacing(input, "V6") { $0.stJ = -0.14; $0.s = -0.26 }
            return input
        }
        let st = interpret(input(sBelowJ: 0.09))
        #expect(st.has(.leftBundleBranchBlock) && !st.has(.rightBundleBranchBlock))
        let s = interpret(input(sBelowJ: 0.1))
        #expect(s.has(.rightBundleBranchBlock, .definite) && !s.has(.leftBundleBranchBlock))
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

    @Test func lbbbExcludedByALateralQ() {
        // Part III: absent q in I, V5 and V6; a q of 0.06 mV (above the 0.05 mV negligible size)
        // makes it a nonspecific delay, 0.05 mV does not.
        let withQ = interpret(Make.replacing(Self.lbbb(qrs: 150), "V6") { $0.q = -0.06 })
        #expect(!withQ.has(.leftBundleBranchBlock))
        #expect(withQ.has(.intraventricularConductionDelay))
        #expect(interpret(Make.replacing(Self.lbbb(qrs: 150), "V6") { $0.q = -0.05 }).has(.leftBundleBranchBlock, .definite))
    }

    @Test func lbbbNeedsTheBroadRInTheLateralLeads() {
        // Global QRS 150 ms, but I, V5 and V6 each 119 ms: the width is not where the R is.
        func lateral(_ ms: Double) -> InterpretationInput {
            var input = Self.lbbb(qrs: 150)
            for l in ["I", "V5", "V6"] { input = Make.replacing(input, l) { $0.qrsDuration = ms } }
            return input
        }
        let narrow = interpret(lateral(119))
        #expect(!narrow.has(.leftBundleBranchBlock))
        #expect(narrow.has(.intraventricularConductionDelay))
        let broad = interpret(lateral(120))
        #expect(broad.has(.leftBundleBranchBlock, .definite))
        #expect(broad.statement(.leftBundleBranchBlock)?.evidence.contains {
            $0.quantity == .qrsDuration && $0.leads == ["V5", "V6"] && $0.value == 120 } == true)
        // Lead I broad on its own (a notch; LUDB 41: I 138 ms, V5 96 ms, V6 86 ms) is not the
        // left precordial delay of a left bundle branch block.
        var onlyI = lateral(100)
        onlyI = Make.replacing(onlyI, "I") { $0.qrsDuration = 138 }
        #expect(!interpret(onlyI).has(.leftBundleBranchBlock))
        // One of V5 and V6 is enough; lead I decides only when neither has its own duration.
        #expect(interpret(Make.replacing(lateral(100), "V6") { $0.qrsDuration = 120 }).has(.leftBundleBranchBlock))
        var noPrecordialWidth = Make.replacing(lateral(100), "V5") { $0.qrsDuration = nil }
        noPrecordialWidth = Make.replacing(noPrecordialWidth, "V6") { $0.qrsDuration = nil }
        #expect(!interpret(noPrecordialWidth).has(.leftBundleBranchBlock))
        #expect(interpret(Make.replacing(noPrecordialWidth, "I") { $0.qrsDuration = 120 }).has(.leftBundleBranchBlock))
    }

    @Test func wideQRSWithoutBundlePatternIsIVCD() {
        var input = Make.normal()
        input.qrs = 124
        let i = interpret(input)
        #expect(i.has(.intraventricularConductionDelay))
        #expect(!i.has(.rightBundleBranchBlock) && !i.has(.leftBundleBranchBlock))
    }

    @Test func nonspecificDelayNeedsQRSAbove110ms() {
        // Part III: "greater than 110 ms"; 110 ms is still normal.
        var input = Make.normal()
        input.qrs = 110
        #expect(!interpret(input).has(.intraventricularConductionDelay))
        input.qrs = 111
        #expect(interpret(input).has(.intraventricularConductionDelay))
    }

    @Test func nonspecificDelayMustShowInTheMedianLead() throws {
        // The twelve-lead QRS of a normal complex passes 110 ms on the spread of the leads'
        // limits alone: the median lead must be above 110 ms too.
        var input = Make.normal()
        input.qrs = 124
        input.medianLeadQRS = 110
        #expect(!interpret(input).has(.intraventricularConductionDelay))
        input.medianLeadQRS = 111
        let s = try #require(interpret(input).statement(.intraventricularConductionDelay))
        #expect(s.evidence.contains { $0.quantity == .medianLeadQRSDuration && $0.value == 111 })
        input.qrs = 116
        input.medianLeadQRS = 100
        #expect(!interpret(input).has(.intraventricularConductionDelay))
        input.medianLeadQRS = 112
        #expect(interpret(input).has(.intraventricularConductionDelay))
    }

    @Test func bundleBranchBlockKeepsTheTwelveLeadQRS() {
        // The pattern carries the diagnosis: a short median lead does not remove it.
        var input = Self.lbbb(qrs: 150)
        input.medianLeadQRS = 105
        #expect(interpret(input).has(.leftBundleBranchBlock, .definite))
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
