import ECGModel

extension QRSDetector {
    /// Parameters of the detector, each a physiological or signal-processing quantity
    /// rather than a per-database tuning knob.
    public struct Configuration: Sendable, Equatable {
        /// Band that holds most QRS energy and little P/T-wave or muscle energy (Hz):
        /// gain rises from `lowStop` to `lowPass`, falls from `highPass` to `highStop`.
        public var lowStop: Double = 4
        public var lowPass: Double = 9
        public var highPass: Double = 20
        public var highStop: Double = 32
        /// Moving-integration window of the slope energy: about a normal QRS duration.
        public var integrationWindow: Milliseconds = Milliseconds(100)
        /// No two beats closer than this (the ventricular absolute refractory period).
        public var refractoryPeriod: Milliseconds = Milliseconds(200)
        /// A candidate this close to the previous beat is checked for being its T wave.
        public var tWaveWindow: Milliseconds = Milliseconds(360)
        /// Window over which each lead's typical beat energy is estimated.
        public var scaleWindow: Milliseconds = Milliseconds(2000)
        /// Number of scale windows on each side used for the running median.
        public var scaleNeighbourhood: Int = 4
        /// Highest normalised energy one lead can contribute (limits artifacts).
        public var leadCap: Float = 2
        /// Detection threshold as a fraction of the way from the noise to the signal level.
        public var thresholdFraction: Float = 0.35
        /// Search back for a missed beat when no beat came for this many mean RR intervals.
        public var searchBackFactor: Double = 1.66
        /// A late candidate is a T wave when its energy is below this fraction of the previous beat's.
        public var tWaveEnergyRatio: Float = 0.3
        /// Range of window-peak to typical-beat energy ratios over which a lead's weight falls
        /// from full to none (a QRS, even ectopic, rarely carries 10× a lead's typical energy).
        public var artifactEnergyRatio: ClosedRange<Float> = 5...12
        /// Leads whose band-passed amplitude stays below this (mV) are treated as flat.
        public var flatLeadAmplitude: Float = 0.01
        /// FFTW planning effort for the band-pass.
        public var planningRigor: FFTPlanningRigorChoice = .measure

        public init() {}
    }

    /// Planning effort, re-exported so that callers need not import SignalProcessing.
    public enum FFTPlanningRigorChoice: Sendable, Equatable { case measure, estimate }
}
