/// The mechanism that drives the synthetic heart.
public enum Rhythm: Sendable, Equatable {
    /// Sinus rhythm: a P wave before every QRS at the configured PR interval.
    case sinus
    /// Atrial fibrillation: no P waves, irregularly irregular RR, and optional fibrillatory
    /// f-waves (a sum of 4–9 Hz oscillations) of the given amplitude in millivolts (0 = none).
    case atrialFibrillation(fibrillatoryWaveAmplitude: Double = 0.05)
    /// Atrial flutter: a continuous sawtooth of F-waves at `atrialRate` per minute (typically
    /// 300), conducted to the ventricles with a fixed `conductionRatio` (2 → 2:1). The
    /// ventricular rate follows from these two and the configured heart rate is ignored.
    case atrialFlutter(atrialRate: Double = 300, conductionRatio: Int = 2, flutterWaveAmplitude: Double = 0.2)
    /// Ventricular pacing: a pacing spike of `spikeAmplitude` mV a few milliseconds before every
    /// QRS, which is wide with a left-bundle-branch-block-like shape; no P waves.
    case ventricularPaced(spikeAmplitude: Double = 2)

    /// The label the truth carries.
    public var label: RhythmLabel {
        switch self {
        case .sinus: .sinus
        case .atrialFibrillation: .atrialFibrillation
        case .atrialFlutter: .atrialFlutter
        case .ventricularPaced: .ventricularPaced
        }
    }

    /// Whether each dominant beat has a P wave.
    var hasPWaves: Bool { self == .sinus }
}

/// The rhythm's name in the truth files.
public enum RhythmLabel: String, Codable, Sendable, Equatable {
    case sinus
    case atrialFibrillation
    case atrialFlutter
    case ventricularPaced
}

/// How the ventricles are activated in conducted (non-ectopic) beats.
public enum VentricularConduction: String, Codable, Sendable, Equatable {
    /// Normal His–Purkinje conduction: septal q in I/V5–V6, rS in V1, qR in V5–V6.
    case normal
    /// Right bundle branch block: a late rightward-anterior lobe gives RSR' in V1 and a broad
    /// S in I and V6. Use a QRS of 120 ms or more.
    case rightBundleBranchBlock
    /// Left bundle branch block: no septal q, QS in V1, a broad notched R in I and V6, and a
    /// discordant T. Use a QRS of 120 ms or more and a T axis roughly opposite the QRS axis.
    case leftBundleBranchBlock
}

/// The type of one beat in the truth.
public enum BeatType: String, Codable, Sendable, Equatable {
    case normal
    /// Premature ventricular complex.
    case pvc
    /// Premature atrial complex.
    case pac
    /// Ventricular paced beat.
    case paced
}
