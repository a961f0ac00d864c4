import ECGModel
import Foundation
import SignalProcessing
import Synthesis
import Testing
import TestSupport
import WFDB

/// LA/RA reversal is flagged on the reversed record and on no other `Signals/` record.
@Suite struct LimbLeadReversalTests {
    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: Scratch.signals.path)) ?? []
        return files.filter { $0.hasSuffix(".hea") }.map { String($0.dropLast(4)) }.sorted()
    }()

    @Test func signalsFolderHasRecords() { #expect(Self.names.count >= 20) }

    @Test(arguments: names)
    func flagsOnlyTheReversedRecord(_ name: String) throws {
        let record = try WFDBRecord.read(from: Scratch.signals.appendingPathComponent("\(name).hea")).ecgRecord()
        let finding = try #require(LimbLeadReversalCheck().check(record))
        #expect(finding.suspectsArmElectrodeReversal == (name == "arm-lead-reversal"), "\(name): \(finding)")
    }

    @Test(arguments: [0.0, 30, 60])
    func flagsGeneratedReversalAtNormalAxes(_ axis: Double) throws {
        var ecg = SyntheticECG(qrsAxis: axis, seed: 21)
        #expect(LimbLeadReversalCheck().check(try ecg.generate().record)?.suspectsArmElectrodeReversal == false)
        ecg.leadFaults = [.armElectrodeReversal]
        #expect(LimbLeadReversalCheck().check(try ecg.generate().record)?.suspectsArmElectrodeReversal == true)
    }

    @Test func rightAxisDeviationIsNotReversal() throws {
        let record = try SyntheticECG(qrsAxis: 120, seed: 22).generate().record
        #expect(LimbLeadReversalCheck().check(record)?.suspectsArmElectrodeReversal == false)
    }

    @Test func missingLeadIGivesNoFinding() throws {
        var ecg = SyntheticECG(seed: 23)
        ecg.leadFaults = [.missing(.i)]
        #expect(LimbLeadReversalCheck().check(try ecg.generate().record) == nil)
    }
}
