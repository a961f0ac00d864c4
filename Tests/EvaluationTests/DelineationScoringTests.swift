import Foundation
import Testing
import WFDB
@testable import Evaluation

struct DelineationScoringTests {
    @Test func matchingIsOneToOneWithinToleranceAndCountsFalsePositivesOnlyInsideTheSpan() {
        let s = FiducialScore.matching(reference: [100, 200, 300], detected: [98, 103, 205, 420, 900, 40],
                                       span: 90...310, tolerance: 10, millisecondsPerSample: 2)
        #expect(s.truePositives == 2)          // 98↔100 (closest), 205↔200
        #expect(s.falseNegatives == 1)         // 300
        #expect(s.falsePositives == 1)         // 103 (inside the span, unmatched); 420, 900, 40 are outside
        #expect(abs((s.meanError ?? 0) - 3) < 1e-9)   // (−2·2 + 5·2) / 2 ms
        #expect(abs((s.standardDeviation ?? 0) - 7) < 1e-9)
        #expect(s.sensitivity == 2.0 / 3.0)
    }

    @Test func markJustOutsideTheSpanStillMatches() {
        let s = FiducialScore.matching(reference: [100], detected: [95], span: 100...400, tolerance: 10,
                                       millisecondsPerSample: 2)
        #expect(s.truePositives == 1 && s.falsePositives == 0)
    }

    static func marks(_ items: [(Int64, String)]) -> [WFDBAnnotation] {
        items.compactMap { WFDBAnnotation(sample: $0.0, symbol: $0.1) }
    }

    /// Two leads, two beats, each lead with its own P onset, QRS limits and T end.
    static func twoLeadsTwoBeats() throws -> (LeadWaveMarks, LeadWaveMarks) {
        let a = try #require(LeadWaveMarks(annotations: marks([
            (100, "("), (120, "p"), (140, ")"), (180, "("), (200, "N"), (225, ")"), (300, "("), (340, "t"), (380, ")"),
            (600, "("), (620, "p"), (640, ")"), (680, "("), (700, "N"), (725, ")"), (800, "("), (840, "t"), (880, ")"),
        ])))
        let b = try #require(LeadWaveMarks(annotations: marks([
            (95, "("), (120, "p"), (140, ")"), (185, "("), (202, "N"), (230, ")"), (300, "("), (345, "t"), (390, ")"),
            (600, "("), (620, "p"), (640, ")"), (676, "("), (701, "N"), (725, ")"), (800, "("), (840, "t"), (880, ")"),
        ])))
        return (a, b)
    }

    @Test func ludbWavesGroupParenthesesWithTheirPeak() throws {
        let lead = try #require(LeadWaveMarks(annotations: Self.marks([
            (10, "("), (30, "p"), (50, ")"), (80, "("), (100, "N"), (120, ")"), (200, "t"), (240, ")"),
        ])))
        #expect(lead.span == 10...240)
        #expect(lead.marks[Fiducial(.p, .onset)] == [10])
        #expect(lead.marks[Fiducial(.qrs, .offset)] == [120])
        #expect(lead.marks[Fiducial(.t, .onset)] == nil)   // no "(" before this t
        #expect(lead.marks[Fiducial(.t, .offset)] == [240])
    }

    /// The LUDB reference takes the earliest onset and latest offset over the leads per beat,
    /// then the median over beats.
    @Test func ludbReferenceUsesEarliestOnsetAndLatestOffset() throws {
        let (a, b) = try Self.twoLeadsTwoBeats()
        let r = LUDBReference.measurements(leads: [a, b], samplingFrequency: 500)
        // Beat 1: P onset 95, QRS 180–230, T end 390. Beat 2: P onset 600, QRS 676–725, T end 880.
        let pr: Double = (170 + 152) / 2
        let qrs: Double = (100 + 98) / 2
        let qt: Double = (420 + 408) / 2
        #expect(r.pr == pr)
        #expect(r.qrs == qrs)
        #expect(r.qt == qt)
        let rr: Double = (700 - 201) * 2
        let hr = try #require(r.heartRate)
        #expect(abs(hr - 60000 / rr) < 0.5)
    }

    @Test func machineMeasurementsSentinelsAreMissing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("machine_measurements.csv")
        try Data("""
        subject_id,study_id,cart_id,ecg_time,report_0,rr_interval,p_onset,p_end,qrs_onset,qrs_end,t_end,p_axis,qrs_axis,t_axis
        1,40000001,6,2180-01-01 00:00:00,"Sinus rhythm, normal",1000,40,150,200,290,600,45,30,40
        2,40000002,6,2180-01-02 00:00:00,Atrial fibrillation,750,29999,29999,180,270,560,29999,-10,65535

        """.utf8).write(to: url)
        let m = try MachineMeasurements.read(from: url)
        let first = try #require(m["40000001"])
        #expect(first.heartRate == 60)
        #expect(first.pr == 160)
        #expect(first.qrs == 90)
        #expect(first.qt == 400)
        #expect(first.qrsAxis == 30)
        let second = try #require(m["40000002"])
        #expect(second.pr == nil)
        #expect(second.pAxis == nil)
        #expect(second.tAxis == nil)
        #expect(second.heartRate == 80)
        #expect(second.qt == 380)
        #expect(second.qrsAxis == -10)
    }
}
