/// Where a running conversion stands, as reported to a progress display.
public struct ConversionProgress: Sendable, Equatable {
    /// Records finished, counting those finished by earlier (interrupted) runs.
    public var recordsDone: Int
    /// Records the conversion processes in all.
    public var recordsTotal: Int
    /// Records that were already finished when this run started.
    public var recordsAtStart: Int
    /// Seconds since this run started processing.
    public var elapsedSeconds: Double

    public init(recordsDone: Int, recordsTotal: Int, recordsAtStart: Int, elapsedSeconds: Double) {
        self.recordsDone = recordsDone
        self.recordsTotal = recordsTotal
        self.recordsAtStart = recordsAtStart
        self.elapsedSeconds = elapsedSeconds
    }

    /// Records per second processed by this run.
    public var recordsPerSecond: Double {
        elapsedSeconds > 0 ? Double(recordsDone - recordsAtStart) / elapsedSeconds : 0
    }

    /// Estimated seconds left at the current rate, `nil` before there is a rate.
    public var secondsRemaining: Double? {
        let rate = recordsPerSecond
        return rate > 0 ? Double(recordsTotal - recordsDone) / rate : nil
    }
}

/// What a conversion did.
public struct ConversionSummary: Sendable, Equatable {
    /// Records the conversion covers (this shard's).
    public var records: Int
    /// Records converted, and records that went to `errors.jsonl`.
    public var converted: Int
    public var failed: Int
    /// Patients written by the patient-level step (0 without one).
    public var patients: Int
    /// Records already done by earlier runs when this one started (a resumed run).
    public var resumedRecords: Int
    /// Records processed by this run.
    public var processedRecords: Int
    /// Wall-clock seconds this run spent processing records, and finishing the outputs.
    public var processingSeconds: Double
    public var finishingSeconds: Double
    /// Whether the output folder already held this conversion, finished (nothing was done).
    public var wasAlreadyComplete: Bool
}
