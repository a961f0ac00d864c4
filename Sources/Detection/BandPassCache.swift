import Synchronization
import SignalProcessing

/// The detector's QRS band-pass, built once per sampling frequency and configuration.
///
/// Building a ``ZeroPhaseFilter`` measures its impulse response and samples its mask; doing
/// that once per process rather than once per record keeps a 10-s record well under a
/// millisecond.
final class BandPassCache: Sendable {
    static let shared = BandPassCache()

    private struct Key: Hashable {
        var fs: Double, lowStop: Double, lowPass: Double, highPass: Double, highStop: Double, measure: Bool
    }
    private let filters = Mutex<[Key: ZeroPhaseFilter]>([:])

    func filter(samplingFrequency fs: Double,
                configuration c: QRSDetector.Configuration) throws(FFTPlanningError) -> ZeroPhaseFilter {
        let key = Key(fs: fs, lowStop: c.lowStop, lowPass: c.lowPass, highPass: c.highPass,
                      highStop: c.highStop, measure: c.planningRigor == .measure)
        if let cached = filters.withLock({ $0[key] }) { return cached }
        let nyquist = fs / 2
        var response = FrequencyResponse(stages: [.highPass(stop: c.lowStop, pass: c.lowPass)])
        if c.highPass < nyquist {
            response = response * FrequencyResponse(stages: [.lowPass(pass: c.highPass, stop: min(c.highStop, nyquist))])
        }
        // Blocks of at least 16 s (8192 samples at 500 Hz; 2048 at the 125 Hz a low-passed
        // record is subsampled to), so that a 10-s resting ECG is one block at any rate.
        let made = try ZeroPhaseFilter(response: response, samplingFrequency: fs, minimumBlockSize: Int(16 * fs),
                                       rigor: key.measure ? .measure : .estimate, tailTolerance: 1e-7)
        filters.withLock { $0[key] = made }
        return made
    }
}
