import Testing
import Interpretation
import SignalProcessing

/// Statements about the recording: unsuitable leads, a poor recording, arm lead reversal.
@Suite struct QualityRulesTests {
    static let labels = ["I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"]

    /// Twelve clean leads, with the given labels' problems.
    static func quality(_ problems: [String: [SignalProblem]]) -> [LeadQuality] {
        labels.map { label in
            LeadQuality(label: label, missingFraction: problems[label] == [.missing] ? 1 : 0,
                        peakToPeak: problems[label] == [.flat] ? 0.004 : 1.5,
                        saturatedFraction: problems[label]?.contains(.saturated) == true ? 0.08 : 0,
                        beatConsistency: problems[label]?.contains(.inconsistentBeats) == true ? 0.21 : 0.97,
                        problems: problems[label] ?? [])
        }
    }

    @Test func cleanLeadsGiveNoQualityStatement() {
        var input = Make.normal()
        input.leadQuality = Self.quality([:])
        let i = interpret(input)
        #expect(!i.statements.contains { $0.category == .quality })
        #expect(i.has(.normalECG))
    }

    @Test func unusableLeadsAreNamedWithTheirEvidenceAndTheRestIsInterpreted() {
        var input = Make.normal()
        input.leadQuality = Self.quality(["V3": [.flat], "aVL": [.highFrequencyNoise, .inconsistentBeats],
                                          "II": [.saturated], "V6": [.baselineWander]])
        let i = interpret(input)
        let s = i.statement(.leadsUnsuitable)
        #expect(s?.leads == ["II", "aVL", "V3"], "a noisy but usable lead (V6) is not named")
        #expect(s?.text == "Lead(s) unsuitable for analysis: II, aVL, V3")
        let evidence = s?.evidence ?? []
        #expect(evidence.map(\.quantity) == [.clippedSamples, .beatConsistency, .peakToPeakAmplitude])
        #expect(evidence.map(\.leads) == [["II"], ["aVL"], ["V3"]])
        #expect(evidence[1].criterion == .templateMatching)
        #expect(evidence[1].text.contains("21%"), "\(evidence[1].text)")
        #expect(evidence.allSatisfy { $0.met })
        // The heart's findings are still reported, and the summary ignores the technical line.
        #expect(i.has(.sinusRhythm))
        #expect(i.has(.normalECG))
        #expect(i.statements.first?.code == .leadsUnsuitable, "quality statements come first")
    }

    @Test func mostLeadsUnusableIsAPoorRecordingWithoutRhythm() {
        var input = Make.normal()
        var problems: [String: [SignalProblem]] = [:]
        for label in Self.labels.prefix(7) { problems[label] = [.highFrequencyNoise, .inconsistentBeats] }
        input.leadQuality = Self.quality(problems)
        let i = interpret(input)
        #expect(i.has(.poorSignalQuality))
        #expect(i.has(.leadsUnsuitable))
        #expect(!i.statements.contains { $0.category != .quality }, "\(i.statements.map(\.text))")
    }

    @Test func halfTheLeadsUnusableStillAllowsAnInterpretation() {
        var input = Make.normal()
        var problems: [String: [SignalProblem]] = [:]
        for label in Self.labels.prefix(6) { problems[label] = [.flat] }
        input.leadQuality = Self.quality(problems)
        let i = interpret(input)
        #expect(!i.has(.poorSignalQuality))
        #expect(i.has(.sinusRhythm))
    }

    @Test func everyLeadUnusableWithoutBeatsSaysNoQRSOnly() {
        var input = Make.normal()
        input.beats = []
        input.leadQuality = Self.quality(Dictionary(uniqueKeysWithValues: Self.labels.map { ($0, [SignalProblem.flat]) }))
        let i = interpret(input)
        #expect(i.statements.map(\.code) == [.noQRSDetected])
    }

    @Test func clearArmReversalIsFlaggedWithItsPolarities() {
        var input = Make.normal()
        input.armLeadReversal = LimbLeadReversalCheck.Finding(leadI: 0.2, aVR: 0.9, v6: 6, suspectsArmElectrodeReversal: true)
        input.pAxis = 120
        let i = interpret(input)
        let s = i.statement(.armLeadReversal)
        #expect(s?.text == "Consider arm lead reversal")
        #expect(s?.evidence.map(\.leads) == [["I"], ["V6"], ["aVR"], []])
        #expect(s?.evidence.last?.quantity == .pAxis)
        #expect(s?.evidence.first?.formattedValue == "0.20")
        #expect(i.has(.borderlineECG), "a suspected reversal makes the ECG borderline, not normal")
    }

    @Test func suspectedArmReversalWithholdsEveryAxisReading() {
        // Swapped arm electrodes turn a normal frontal plane into P and QRS axes near +120°.
        var input = Make.normal()
        input.pAxis = 120
        input.qrsAxis = 120
        input.tAxis = 135
        let asRecorded = interpret(input)
        #expect(asRecorded.has(.rightAxisDeviation))
        #expect(asRecorded.has(.ectopicAtrialRhythm, .possible))
        input.armLeadReversal = LimbLeadReversalCheck.Finding(leadI: 0.2, aVR: 0.9, v6: 6, suspectsArmElectrodeReversal: true)
        let suspected = interpret(input)
        #expect(suspected.has(.armLeadReversal))
        #expect(!suspected.has(.rightAxisDeviation))
        #expect(!suspected.has(.leftPosteriorFascicularBlock))
        #expect(!suspected.has(.ectopicAtrialRhythm))
        // The rhythm is read without the P axis, which is not cited as evidence either.
        let rhythm = suspected.statements.first { $0.category == .rhythm }
        #expect(rhythm?.code == .sinusRhythm)
        #expect(rhythm?.evidence.first { $0.quantity == .pAxis }?.value == nil)
        // The reversal statement still shows the inverted P axis that triggered it.
        #expect(suspected.statement(.armLeadReversal)?.evidence.last?.value == 120)
    }

    @Test(arguments: [nil, 60.0, -85] as [Double?])
    func withoutAnInvertedPWaveNoReversalIsStated(_ pAxis: Double?) {
        // Paced or bundle-branch-block complexes can point lead I's QRS down on their own.
        var input = Make.normal()
        input.armLeadReversal = LimbLeadReversalCheck.Finding(leadI: 0.2, aVR: 0.9, v6: 6, suspectsArmElectrodeReversal: true)
        input.pAxis = pAxis
        #expect(!interpret(input).has(.armLeadReversal))
    }

    @Test func noSuspicionNoReversalStatement() {
        var input = Make.normal()
        input.armLeadReversal = LimbLeadReversalCheck.Finding(leadI: 3, aVR: 0.2, v6: 5, suspectsArmElectrodeReversal: false)
        #expect(!interpret(input).has(.armLeadReversal))
    }
}
