import Detection
import ECGModel
import Foundation
import SignalProcessing
import Synthesis
import Testing

/// The detector on signals without a heartbeat: it must find no beats, or the quality index
/// must flag the leads, so that nothing downstream states a rhythm it cannot support.
@Suite struct DetectorRobustnessTests {
    let fs = 500.0

    func record(_ leads: [[Float]], rate: Double = 500) -> ECGRecord {
        ECGRecord(metadata: RecordMetadata(recordID: "hostile"), samplingFrequency: SamplingFrequency(hertz: rate),
                  leads: leads.enumerated().map { LeadSignal(lead: Lead.standard12[$0.offset % 12], label: Lead.standard12[$0.offset % 12].name, samples: $0.element) })
    }

    func gaussian(_ count: Int, rms: Float, seed: UInt64) -> [Float] {
        var state = seed
        func uniform() -> Float {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Float(state >> 40) / Float(1 << 24) + 1e-7
        }
        return (0..<count).map { _ in rms * (-2 * log(uniform())).squareRoot() * cos(2 * .pi * uniform()) }
    }

    @Test func flatLineGivesNoBeats() throws {
        let detections = try QRSDetector().detect(record(Array(repeating: [Float](repeating: 0.2, count: 5000), count: 12)))
        #expect(detections.samples.isEmpty)
    }

    @Test func allNaNGivesNoBeats() throws {
        let detections = try QRSDetector().detect(record(Array(repeating: [Float](repeating: .nan, count: 5000), count: 12)))
        #expect(detections.samples.isEmpty)
    }

    @Test func pureNoiseGivesNoBeatsOrIsFlaggedAsNoise() throws {
        let leads = (0..<12).map { gaussian(5000, rms: 0.2, seed: UInt64($0 + 1)) }
        let detections = try QRSDetector().detect(record(leads))
        let qualities = SignalQualityAssessor().assess(record(leads))
        #expect(detections.samples.isEmpty || qualities.allSatisfy { $0.problems.contains(.highFrequencyNoise) },
                "\(detections.samples.count) beats on noise with qualities \(qualities.map(\.problems))")
        #expect(qualities.allSatisfy { $0.index < 1 })
    }

    @Test func saturatedRecordStillFindsTheBeatsOrFlagsTheLeads() throws {
        var ecg = SyntheticECG(heartRate: 75, seed: 3)
        ecg.leadFaults = [.saturation(limit: 0.25)]
        let (signal, truth) = try ecg.generate()
        let detections = try QRSDetector().detect(signal)
        let flagged = SignalQualityAssessor().assess(signal).filter { $0.problems.contains(.saturated) }
        // Either the beats are found (clipped R waves keep their timing) or the leads are flagged.
        let found = abs(detections.samples.count - truth.beats.count) <= 1
        #expect(found || !flagged.isEmpty, "\(detections.samples.count) of \(truth.beats.count) beats, \(flagged.count) leads flagged")
        #expect(!flagged.isEmpty)
    }

    @Test func oneMissingAndOneFlatLeadDoNotHideTheBeats() throws {
        var ecg = SyntheticECG(heartRate: 60, seed: 5)
        ecg.leadFaults = [.missing(.ii), .flat(.v2)]
        let (signal, truth) = try ecg.generate()
        let detections = try QRSDetector().detect(signal)
        #expect(abs(detections.samples.count - truth.beats.count) <= 1, "\(detections.samples.count) vs \(truth.beats.count)")
    }

    @Test func tinyRecordsDoNotCrash() throws {
        for count in [0, 1, 2, 7, 100] {
            let detections = try? QRSDetector().detect(record([[Float](repeating: 0.1, count: count)]))
            #expect((detections?.samples.count ?? 0) == 0)
        }
    }

    @Test func samplingFrequencyBelowFiftyHertzIsRefusedClearly() {
        #expect(throws: QRSDetectionError.self) {
            try QRSDetector().detect(record([gaussian(100, rms: 1, seed: 9)], rate: 10))
        }
    }
}
