import Foundation
import ECGModel
import Delineation
import SignalProcessing

/// The full measurement stage: lead quality, filter, detect, delineate, measure.
public struct MeasurementPipeline: Sendable {
    public var delineation: DelineationPipeline
    public var measurer: Measurer
    public var screening: LeadScreening

    public init(delineation: DelineationPipeline = DelineationPipeline(), measurer: Measurer = Measurer(),
                screening: LeadScreening = LeadScreening()) {
        self.delineation = delineation
        self.measurer = measurer
        self.screening = screening
    }

    /// One record's results.
    public struct Result: Sendable {
        public var stage: DelineationPipeline.Output
        public var measurements: RecordMeasurements
        /// CPU time of this thread spent on the whole stage, in seconds.
        public var cpuSeconds: Double
    }

    public func run(_ record: ECGRecord) throws -> Result {
        let start = ThreadCPUClock.now()
        // The delineation stage measures the mV leads when there are any: judge the same ones.
        var ecg = record
        let mv = record.leads.filter { $0.isMillivolts }
        if !mv.isEmpty { ecg.leads = mv }
        var quality = screening.assess(ecg)
        var stage = try delineation.run(LeadScreening.masking(ecg, quality))
        let dominant = stage.delineation.beats.filter { $0.type == .dominant }.map(\.fiducial)
        let screened = screening.addBeatConsistency(quality, filtered: stage.filtered, beats: dominant)
        let newlyExcluded = zip(quality, screened).contains { $0.isUsable && !$1.isUsable }
        quality = screened
        if newlyExcluded {
            let masked = LeadScreening.masking(ecg, quality)
            if masked != ecg { stage = try delineation.run(masked) }
        }
        // Leads are left out only when some remain (see ``LeadScreening/masking(_:_:)``).
        let excluded = quality.indices.filter { !quality[$0].isUsable }
        var measurements = measurer.measure(stage.delineation, recordID: record.id,
                                            excluding: excluded.count < ecg.leads.count ? Set(excluded) : [])
        measurements.quality = quality
        measurements.armLeadReversal = LimbLeadReversalCheck().check(ecg, quality: quality)
        let calibration = LeadCalibrationCheck().check(ecg, quality: quality)
        measurements.calibration = calibration
        if !calibration.axesDeterminable {
            measurements.global.pAxis = nil
            measurements.global.qrsAxis = nil
            measurements.global.tAxis = nil
        } else if let gains = calibration.limbLeadGains {
            // Leads rescaled one by one: their relative calibration is restored for the axes.
            measurements.setFrontalAxes(dividingBy: gains.gains)
        }
        // Sokolow–Lyon is precordial only; Cornell takes R in aVL.
        if calibration.amplitudesNormalised { measurements.global.sokolowLyon = nil }
        if !calibration.amplitudesArePhysical { measurements.global.cornell = nil }
        return Result(stage: stage, measurements: measurements, cpuSeconds: ThreadCPUClock.now() - start)
    }
}
