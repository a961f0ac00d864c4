import Foundation
import Testing
import ECGModel
import SignalProcessing
@testable import Detection

/// Leads low-passed upstream may be subsampled before the detector's band-pass: the beats and
/// their fiducials must be those found on the full-rate leads.
@Suite struct BandLimitedInputTests {
    @Test(arguments: [360.0, 500.0, 1000.0])
    func subsampledLowPassedLeadsGiveTheSameBeats(fs: Double) throws {
        var ecg = SyntheticECG.rhythm(fs: fs, seconds: 10, rate: 95, leadGains: [1, -0.6, 0.3], seed: 3)
        ecg.addWander(amplitude: 0.5, frequency: 0.3)
        ecg.addNoise(lead: 1, rms: 0.02, seed: 8)
        let lowPass = try ConditioningFilter(response: ECGFilters.baselineWander() * ECGFilters.lowPass(cutoff: 40),
                                             samplingFrequency: fs, rigor: .estimate, tailTolerance: 1e-7)
        let leads = try ecg.leads.map { try lowPass.apply($0) }
        let detector = QRSDetector()
        #expect(DetectionFunction.decimation(samplingFrequency: fs, configuration: detector.configuration,
                                             bandLimit: 48) > 1)
        let full = try detector.detect(leads: leads, samplingFrequency: fs)
        let subsampled = try detector.detect(leads: leads, samplingFrequency: fs, bandLimit: 48)
        #expect(full.count == ecg.beats.count)
        #expect(subsampled.count == full.count)
        // Same fiducial to within one sample (parabolic interpolation on differently rounded grids).
        for (a, b) in zip(full, subsampled) { #expect(abs(a - b) <= 1, "fiducial \(a) vs \(b)") }
    }
}
