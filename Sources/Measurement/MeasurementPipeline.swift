import Foundation
import ECGModel
import Delineation

/// The full measurement stage: filter, detect, delineate, measure.
public struct MeasurementPipeline: Sendable {
    public var delineation: DelineationPipeline
    public var measurer: Measurer

    public init(delineation: DelineationPipeline = DelineationPipeline(), measurer: Measurer = Measurer()) {
        self.delineation = delineation
        self.measurer = measurer
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
        let stage = try delineation.run(record)
        let measurements = measurer.measure(stage.delineation, recordID: record.id)
        return Result(stage: stage, measurements: measurements, cpuSeconds: ThreadCPUClock.now() - start)
    }
}

