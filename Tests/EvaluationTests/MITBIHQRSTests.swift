import Foundation
import Testing
import TestSupport
import WFDB
@testable import Evaluation

/// The targets on the MIT-BIH Arrhythmia Database records 100–124, all channels,
/// whole records, ±150 ms: gross Se ≥ 99.8 %, gross +P ≥ 99.8 %, every record F1 ≥ 98 %.
@Suite struct MITBIHQRSTests {
    @Test(.enabled(if: RealData.shouldRun("mitdb")))
    func meetsTheTargetsOnMITBIH() throws {
        let directory = try RealData.directory("mitdb")
        let report = try QRSEvaluator().evaluate(database: directory)
        print(report.table())
        #expect(report.records.count == 23)
        #expect(report.gross.referenceBeats > 47_000)
        #expect((report.gross.sensitivity ?? 0) >= 99.8)
        #expect((report.gross.positivePredictivity ?? 0) >= 99.8)
        for record in report.records {
            #expect((record.f1 ?? 0) >= 98, "record \(record.record)")
        }
    }

    @Test(.enabled(if: RealData.shouldRun("mitdb")))
    func detectWritesAnnotationsAndJSON() throws {
        let directory = try RealData.directory("mitdb")
        let out = try RealData.temporaryDirectory("detect")
        defer { try? FileManager.default.removeItem(at: out) }
        let output = try QRSDetectionRun().run(recordPath: directory.appendingPathComponent("100.hea"),
                                               outputDirectory: out)
        #expect(output.record == "100")
        #expect(output.fs == 360)
        // Written annotations read back identically, and the JSON holds the same beats.
        let annotations = try WFDBAnnotationFile.read(from: out.appendingPathComponent("100.qrs"))
        #expect(annotations.map { Int($0.sample) } == output.qrs)
        let json = try JSONDecoder().decode(QRSDetectionRun.Output.self,
                                            from: Data(contentsOf: out.appendingPathComponent("100.json")))
        #expect(json == output)
        // Record 100 is clean: every reference beat found, nothing extra.
        let reference = BeatAnnotations.beatSamples(try WFDBAnnotationFile.read(from: directory.appendingPathComponent("100.atr")))
        let match = BeatMatch(reference: reference, detections: output.qrs, tolerance: 54)
        #expect(match.falseNegatives == 0 && match.falsePositives == 0)
    }
}
