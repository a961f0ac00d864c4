import Foundation
import Testing
import TestSupport
import ECGModel
import WFDB
import Detection
@testable import Evaluation

/// The 12-lead mode on real resting ECGs: LUDB records 1–100 (10 s, 500 Hz), whose lead II
/// annotation file marks every QRS peak (`N`) within the annotated span.
@Suite struct LUDBQRSTests {
    @Test(.enabled(if: RealData.shouldRun("ludb")))
    func twelveLeadDetectionMatchesLUDBQRSPeaks() throws {
        let directory = try RealData.directory("ludb")
        let names = try String(contentsOf: directory.appendingPathComponent("RECORDS"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).map(String.init)
        #expect(names.count == 100)
        var total = BeatMatch(truePositives: 0, falseNegatives: 0, falsePositives: 0)
        var offsets: [Int] = []
        for name in names {
            let base = directory.appendingPathComponent(name)
            let record = try ECGRecord.readWFDB(at: base)
            #expect(record.leads.count == 12)
            #expect(record.samplingFrequency.hertz == 500)  // offsets below are 2 ms per sample
            let reference = BeatAnnotations.beatSamples(
                try WFDBAnnotationFile.read(from: base.appendingPathExtension("ii")))
            guard let first = reference.first, let last = reference.last else { continue }
            // LUDB leaves the first and last complexes unannotated: score inside the annotated
            // span (±0.2 s) only.
            let margin = record.samplingFrequency.samples(in: Milliseconds(200))
            let detections = try QRSDetector().detect(record).samples
                .filter { $0 >= first - margin && $0 <= last + margin }
            let match = BeatMatch(reference: reference, detections: detections,
                                  tolerance: record.samplingFrequency.samples(in: Milliseconds(150)))
            total = total + match
            // Fiducial consistency: distance from each matched detection to the annotated peak.
            for r in reference {
                if let d = detections.min(by: { abs($0 - r) < abs($1 - r) }), abs(d - r) <= 75 {
                    offsets.append(abs(d - r))
                }
            }
        }
        #expect(total.truePositives > 800)
        #expect((total.sensitivity ?? 0) >= 0.998)
        #expect((total.positivePredictivity ?? 0) >= 0.998)
        // The fiducial (peak of the combined band-passed amplitude) lies within 40 ms of the
        // annotators' lead-II QRS peak for at least 95 % of beats.
        let close = offsets.filter { $0 <= 20 }.count
        let sorted = offsets.sorted()
        print("LUDB: TP \(total.truePositives) FN \(total.falseNegatives) FP \(total.falsePositives); fiducial to lead-II peak:",
              "median \(sorted[sorted.count / 2] * 2) ms, 95th percentile \(sorted[sorted.count * 95 / 100] * 2) ms,",
              "\(close)/\(offsets.count) within 40 ms")
        #expect(Double(close) >= 0.95 * Double(offsets.count), "\(close) of \(offsets.count) within 40 ms")
    }
}
