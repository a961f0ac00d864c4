import Testing
import Interpretation

@Suite struct AxisVoltageRepolarizationTests {
    @Test(arguments: [(-29.0, nil), (-30.0, StatementCode.leftAxisDeviation), (-90.0, .leftAxisDeviation),
                      (90.0, nil), (91.0, .rightAxisDeviation), (-91.0, .indeterminateAxis)])
    func axisRanges(axis: Double, expected: StatementCode?) {
        var input = Make.normal()
        input.qrsAxis = axis
        let axisStatements = interpret(input).statements.filter { $0.category == .axis }.map(\.code)
        #expect(axisStatements == (expected.map { [$0] } ?? []))
    }

    @Test func sokolowLyonAt350() {
        var input = Make.normal()
        input.sokolowLyon = 3.5
        #expect(interpret(input).has(.leftVentricularHypertrophy, .definite))
        input.sokolowLyon = 3.49
        #expect(!interpret(input).has(.leftVentricularHypertrophy))
    }

    @Test func minimalSokolowLyonVoltageInAYoungAdultIsBorderline() {
        var input = Make.normal(sex: .male)
        input.sokolowLyon = 4.49
        input.age = 34
        let young = interpret(input).statement(.leftVentricularHypertrophy)
        #expect(young?.certainty == .borderline)
        #expect(young?.evidence.contains { $0.quantity == .age && $0.value == 34 } == true)
        input.age = 35
        #expect(interpret(input).has(.leftVentricularHypertrophy, .definite))
        input.age = 20
        input.sokolowLyon = 4.5
        #expect(interpret(input).has(.leftVentricularHypertrophy, .definite))
        // Cornell voltage met as well: definite at any age; age unknown: definite.
        input.sokolowLyon = 3.9
        input.cornell = 2.9
        #expect(interpret(input).has(.leftVentricularHypertrophy, .definite))
        input.cornell = nil
        input.age = nil
        #expect(interpret(input).has(.leftVentricularHypertrophy, .definite))
    }

    @Test func cornellDependsOnSex() {
        var input = Make.normal(sex: .female)
        input.cornell = 2.1
        #expect(interpret(input).has(.leftVentricularHypertrophy, .definite))
        input.cornell = 2.0
        #expect(!interpret(input).has(.leftVentricularHypertrophy))
        input.sex = .male
        input.cornell = 2.8
        #expect(!interpret(input).has(.leftVentricularHypertrophy))
        input.cornell = 2.81
        #expect(interpret(input).has(.leftVentricularHypertrophy, .definite))
    }

    @Test func cornellWithUnknownSexSaysSo() {
        var input = Make.normal(sex: .unknown)
        input.cornell = 2.4
        let s = interpret(input).statement(.leftVentricularHypertrophy)
        #expect(s?.certainty == .possible)
        #expect(s?.evidence.contains { $0.quantity == .sex && $0.threshold == "unknown" } == true)
        #expect(s?.text == "Possible left ventricular hypertrophy")
    }

    @Test func noVoltageLVHWithWideQRS() {
        var input = Make.normal()
        input.sokolowLyon = 4.5
        input.qrs = 150
        #expect(!interpret(input).has(.leftVentricularHypertrophy))
    }

    @Test func lowLimbVoltageNeedsEveryLimbLeadBelow05() {
        var input = Make.normal()
        for l in ["I", "II", "III", "aVR", "aVL", "aVF"] {
            input = Make.replacing(input, l) { $0.q = nil; $0.r = 0.3; $0.s = -0.15 }   // 0.45 mV
        }
        #expect(interpret(input).has(.lowVoltageLimbLeads))
        input = Make.replacing(input, "II") { $0.r = 0.35 }                           // 0.50 mV
        #expect(!interpret(input).has(.lowVoltageLimbLeads))
    }

    @Test func lowVoltageNotClaimedWhenALeadIsNotMeasurable() {
        var input = Make.normal()
        for l in ["I", "II", "III", "aVR", "aVL", "aVF"] { input = Make.replacing(input, l) { $0.q = nil; $0.r = 0.2; $0.s = -0.1 } }
        input = Make.replacing(input, "aVF") { $0.q = nil; $0.r = nil; $0.s = nil }
        #expect(!interpret(input).has(.lowVoltageLimbLeads))
    }

    @Test func prolongedQTBySex() {
        var input = Make.normal(sex: .male)
        input.qtcBazett = 450
        #expect(interpret(input).has(.prolongedQT, .definite))
        input.qtcBazett = 449
        #expect(!interpret(input).has(.prolongedQT))
        input.sex = .female
        input.qtcBazett = 459
        #expect(!interpret(input).has(.prolongedQT))
        input.qtcBazett = 460
        #expect(interpret(input).has(.prolongedQT, .definite))
        input.sex = .unknown
        input.qtcBazett = 455
        #expect(interpret(input).has(.prolongedQT, .borderline))
    }

    /// The limits apply to the median lead's QTc; the twelve-lead QTc is evidence beside it.
    @Test func prolongedQTUsesTheMedianLeadQTc() throws {
        var input = Make.normal(sex: .male)
        input.qtcBazett = 480
        input.medianLeadQTcBazett = 449
        #expect(!interpret(input).has(.prolongedQT))
        input.medianLeadQTcBazett = 450
        let s = try #require(interpret(input).statement(.prolongedQT))
        #expect(s.certainty == .definite)
        #expect(s.evidence.first { $0.quantity == .medianLeadQTcBazett }?.value == 450)
        #expect(s.evidence.first { $0.quantity == .qtcBazett }?.value == 480)
        // Above 100 bpm the median lead's Fridericia value must agree.
        input.heartRate = 110
        input.medianLeadQTcFridericia = 440
        #expect(interpret(input).has(.prolongedQT, .borderline))
        input.medianLeadQTcFridericia = 451
        #expect(interpret(input).has(.prolongedQT, .definite))
        // A Fridericia value further below the limit than a QT can be misread (30.6 ms) is no
        // borderline: Bazett alone over-corrects at this rate.
        input.medianLeadQTcFridericia = 420
        #expect(interpret(input).has(.prolongedQT, .borderline))
        input.medianLeadQTcFridericia = 419
        #expect(!interpret(input).has(.prolongedQT))
        input.medianLeadQTcFridericia = 451
        // The twelve-lead QTc below the limit does not veto the median lead's.
        input.heartRate = 72
        input.qtcBazett = 440
        input.medianLeadQTcBazett = 455
        #expect(interpret(input).statement(.prolongedQT)?.evidence.first { $0.quantity == .qtcBazett }?.met == false)
    }

    @Test func stElevationNeedsTwoContiguousLeads() {
        var input = Make.replacing(Make.normal(), "II") { $0.stJ = 0.15 }
        #expect(!interpret(input).has(.stElevation))
        input = Make.replacing(input, "aVF") { $0.stJ = 0.1 }
        let s = interpret(input).statement(.stElevation)
        #expect(s?.region == .inferior)
        #expect(s?.evidence.first?.leads == ["II", "aVF"])
        #expect(s?.text == "Inferior ST elevation")
        input = Make.replacing(input, "aVF") { $0.stJ = 0.09 }
        #expect(!interpret(input).has(.stElevation))
    }

    @Test func stElevationInV2V3UsesTheSexSpecificLimit() {
        var input = Make.normal(sex: .female)
        input = Make.replacing(input, "V2") { $0.stJ = 0.15 }
        input = Make.replacing(input, "V3") { $0.stJ = 0.15 }
        #expect(interpret(input).has(.stElevation))
        input.sex = .male
        #expect(!interpret(input).has(.stElevation))
    }

    @Test func tInversionInLateralLeads() {
        var input = Make.replacing(Make.normal(), "V5") { $0.t = -0.2 }
        input = Make.replacing(input, "V6") { $0.t = -0.1 }
        let i = interpret(input)
        #expect(i.statement(.tWaveInversion)?.region == .lateral)
        #expect(i.has(.abnormalECG))
        input = Make.replacing(input, "V6") { $0.t = -0.09 }
        #expect(!interpret(input).has(.tWaveInversion))
    }

    @Test func summaryFollowsWorstStatement() {
        #expect(interpret(Make.normal()).has(.normalECG))
        #expect(interpret(Make.normal(rate: 45)).has(.borderlineECG))
        var input = Make.normal()
        input.pr = 240
        #expect(interpret(input).has(.abnormalECG))
    }
}
