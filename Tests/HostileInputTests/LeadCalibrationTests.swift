import ECGModel
import Foundation
import Interpretation
import SignalProcessing
import Synthesis
import Testing
import TestSupport
import WFDB

/// Amplitudes that are not physical millivolts (limb leads rescaled one by one, every lead
/// scaled to one range, as in LUDB 1.0.1) are recognised, and the axes and voltage criteria
/// that would be read from them are withheld, with a statement saying why.
@Suite struct LeadCalibrationTests {
    static let names = LimbLeadReversalTests.names

    @Test(arguments: names)
    func everyBundledRecordHasPhysicalAmplitudes(_ name: String) throws {
        let record = try WFDBRecord.read(from: Scratch.signals.appendingPathComponent("\(name).hea")).ecgRecord()
        let quality = SignalQualityAssessor().assess(record)
        let finding = LeadCalibrationCheck().check(record, quality: quality)
        #expect(finding.amplitudesArePhysical, "\(name): \(finding)")
        #expect((finding.limbLeadResidual ?? 1) < 0.05, "\(name): \(finding)")
    }

    static func scaling(_ record: ECGRecord, _ scale: (LeadSignal) -> Float) -> ECGRecord {
        var r = record
        r.leads = r.leads.map { lead in
            var l = lead
            let s = scale(lead)
            l.samples = l.samples.map { $0 * s }
            return l
        }
        return r
    }

    @Test func oneRescaledLimbLeadBreaksGoldbergersRelation() throws {
        let record = try SyntheticECG(seed: 31).generate().record
        let check = LeadCalibrationCheck()
        #expect(check.check(record, quality: []).limbLeadsInconsistent == false)
        let rescaled = Self.scaling(record) { $0.lead == .aVF ? 1.5 : 1 }
        let finding = check.check(rescaled, quality: [])
        #expect(finding.limbLeadsInconsistent)
        #expect(finding.limbLeadRelation == "aVF = (II + III)/2")
        #expect(!finding.amplitudesNormalised)
        // Only a gain: dividing it out restores the relations, and the fit finds it.
        let gains = try #require(finding.limbLeadGains)
        #expect(abs(try #require(gains.gains[.aVF]) - 1.5) < 0.01)
        for lead in [Lead.ii, .iii, .aVR, .aVL] { #expect(abs(try #require(gains.gains[lead]) - 1) < 0.01, "\(lead)") }
        #expect(gains.fitResidual < 0.01)
        #expect(finding.axesDeterminable)
    }

    @Test func limbLeadsOtherThanRescaledGetNoGains() throws {
        let record = try SyntheticECG(seed: 31).generate().record
        let check = LeadCalibrationCheck()
        // aVL and aVF exchanged: no gain per lead makes them agree again.
        var swapped = record
        let l = try #require(swapped.leads.firstIndex { $0.lead == .aVL }), f = try #require(swapped.leads.firstIndex { $0.lead == .aVF })
        let aVL = swapped.leads[l].samples
        swapped.leads[l].samples = swapped.leads[f].samples
        swapped.leads[f].samples = aVL
        let exchanged = check.check(swapped, quality: [])
        #expect(exchanged.limbLeadsInconsistent)
        #expect(exchanged.limbLeadGains == nil)
        #expect(!exchanged.axesDeterminable)
        // An inverted lead is not a rescaled one.
        let inverted = check.check(Self.scaling(record) { $0.lead == .iii ? -1 : 1 }, quality: [])
        #expect(inverted.limbLeadsInconsistent)
        #expect(inverted.limbLeadGains == nil)
    }

    /// Every lead divided by its own peak-to-peak amplitude, as LUDB 1.0.1 ships its records.
    static func normalised(_ record: ECGRecord) -> ECGRecord {
        scaling(record) { lead in
            let finite = lead.samples.filter(\.isFinite)
            guard let lo = finite.min(), let hi = finite.max(), hi > lo else { return 1 }
            return 1 / (hi - lo)
        }
    }

    @Test func leadsScaledToOneRangeGetNoVoltageCriteriaAndTheirRestoredQRSAxis() throws {
        let record = try #require(SyntheticECG.standard(named: "lvh-voltage")).generate().record
        let pipeline = InterpretationPipeline()
        let original = try pipeline.run(record)
        #expect(original.interpretation.statements.contains { $0.code == .leftVentricularHypertrophy })
        let axes = original.measured.measurements.global
        let originalQRS = try #require(axes.qrsAxis), originalT = try #require(axes.tAxis)

        let result = try pipeline.run(Self.normalised(record))
        let m = result.measured.measurements
        #expect(m.calibration?.amplitudesNormalised == true)
        #expect(m.calibration?.limbLeadsInconsistent == true)
        // Each lead was only rescaled: dividing out the fitted gains gives back the axes (the P
        // axis, which decides the atrial rhythm, is not restored).
        #expect(m.calibration?.limbLeadGains != nil)
        #expect(abs(try #require(m.global.qrsAxis) - originalQRS) < 1)
        #expect(abs(try #require(m.global.tAxis) - originalT) < 1)
        #expect(m.global.pAxis == nil)
        #expect(m.global.sokolowLyon == nil && m.global.cornell == nil)
        let codes = result.interpretation.statements.map(\.code)
        #expect(codes.contains(.amplitudesNormalised) && codes.contains(.limbLeadsRescaled))
        #expect(!codes.contains(.limbLeadsInconsistent))
        let rescaled = try #require(result.interpretation.statement(.limbLeadsRescaled))
        #expect(rescaled.evidence.map(\.quantity) == [.limbLeadResidual, .gainFitResidual])
        #expect((rescaled.evidence.last?.value ?? 100) < 1)
        let withheld: [StatementCode] = [.leftVentricularHypertrophy, .lowVoltageLimbLeads, .lowVoltagePrecordialLeads,
                                         .leftAxisDeviation, .rightAxisDeviation, .indeterminateAxis,
                                         .ectopicAtrialRhythm]
        #expect(!codes.contains { withheld.contains($0) }, "\(codes)")
        #expect(codes.contains(.sinusRhythm), "\(codes)")
        // The recording statements carry their evidence and stay out of the summary line.
        let statement = try #require(result.interpretation.statement(.amplitudesNormalised))
        #expect(statement.evidence.first?.quantity == .peakToPeakSpread)
        let summary = try #require(result.interpretation.statements.last)
        #expect(summary.category == .summary)
        let worst = summary.evidence.first?.related
        #expect(worst != .limbLeadsRescaled && worst != .amplitudesNormalised, "\(summary.text)")
    }
}
