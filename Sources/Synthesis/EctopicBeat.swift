import ECGModel

/// A premature beat placed at a given beat index.
public struct EctopicBeat: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        /// Premature ventricular complex: early, wide, no P wave, discordant T, followed by a
        /// fully compensatory pause (the sinus node is not reset).
        case prematureVentricular
        /// Premature atrial complex: early, with a P wave of different axis and PR, a normal
        /// QRS, and the sinus node reset (non-compensatory pause).
        case prematureAtrial
    }

    /// Index of the beat (0 = first beat of the record) that is replaced by the ectopic beat.
    public var beatIndex: Int
    public var kind: Kind
    /// Coupling interval as a fraction of the underlying cycle length.
    public var couplingFraction: Double

    public init(beatIndex: Int, kind: Kind, couplingFraction: Double? = nil) {
        self.beatIndex = beatIndex
        self.kind = kind
        self.couplingFraction = couplingFraction ?? (kind == .prematureVentricular ? 0.6 : 0.7)
    }

    /// A premature ventricular complex at `index`.
    public static func pvc(at index: Int, coupling: Double = 0.6) -> EctopicBeat {
        EctopicBeat(beatIndex: index, kind: .prematureVentricular, couplingFraction: coupling)
    }

    /// A premature atrial complex at `index`.
    public static func pac(at index: Int, coupling: Double = 0.7) -> EctopicBeat {
        EctopicBeat(beatIndex: index, kind: .prematureAtrial, couplingFraction: coupling)
    }

    /// Ventricular bigeminy: a PVC at every odd beat index below `beatCount` (indices beyond
    /// the record's last beat are ignored).
    public static func ventricularBigeminy(beatCount: Int = 200, coupling: Double = 0.6) -> [EctopicBeat] {
        stride(from: 1, to: beatCount, by: 2).map { pvc(at: $0, coupling: coupling) }
    }
}

/// The shapes of ectopic beats.
public struct EctopicMorphology: Sendable, Equatable {
    /// PVC QRS duration (wide: 140 ms or more).
    public var pvcQRSDuration: Milliseconds
    /// PVC frontal net-area QRS axis in degrees.
    public var pvcQRSAxis: Double
    /// PVC QT interval (QRS onset to T offset).
    public var pvcQTInterval: Milliseconds
    /// Frontal P axis of premature atrial beats (e.g. −60°: inverted P in II, III, aVF).
    public var pacPAxis: Double
    /// PR interval of premature atrial beats.
    public var pacPRInterval: Milliseconds

    public init(pvcQRSDuration: Milliseconds = Milliseconds(150), pvcQRSAxis: Double = -60,
                pvcQTInterval: Milliseconds = Milliseconds(420), pacPAxis: Double = -60,
                pacPRInterval: Milliseconds = Milliseconds(130)) {
        self.pvcQRSDuration = pvcQRSDuration
        self.pvcQRSAxis = pvcQRSAxis
        self.pvcQTInterval = pvcQTInterval
        self.pacPAxis = pacPAxis
        self.pacPRInterval = pacPRInterval
    }
}
