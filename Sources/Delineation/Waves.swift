import ECGModel

/// One wave's fiducial points in one lead (or globally), as 0-based sample indices.
///
/// A wave that is present always has a peak; onset or offset may be `nil` when the boundary
/// could not be located (for instance cut off by the end of the recording).
public struct Wave: Sendable, Equatable {
    public var onset: Int?
    public var peak: Int
    public var offset: Int?
    /// Signed amplitude at the peak in the lead's units (mV), relative to the isoelectric level.
    /// Zero for global (multi-lead) waves.
    public var amplitude: Float
    /// Whether a second lobe of opposite polarity was found (biphasic P or T).
    public var isBiphasic: Bool

    public init(onset: Int?, peak: Int, offset: Int?, amplitude: Float = 0, isBiphasic: Bool = false) {
        self.onset = onset
        self.peak = peak
        self.offset = offset
        self.amplitude = amplitude
        self.isBiphasic = isBiphasic
    }
}

/// The QRS complex in one lead: its boundaries and the named deflections within it.
///
/// Deflections follow the usual naming: Q is a negative deflection before the first positive one,
/// R the first positive deflection, S the negative deflection after R, R′ a second positive
/// deflection after S (rSR′ patterns, notched complexes).
public struct QRSWave: Sendable, Equatable {
    public var onset: Int
    /// The J point.
    public var offset: Int
    /// The largest absolute deflection (what LUDB annotators mark as the QRS peak).
    public var peak: Int
    public var q: Int?
    public var r: Int?
    public var s: Int?
    public var rPrime: Int?

    public init(onset: Int, offset: Int, peak: Int, q: Int? = nil, r: Int? = nil, s: Int? = nil, rPrime: Int? = nil) {
        self.onset = onset
        self.offset = offset
        self.peak = peak
        self.q = q
        self.r = r
        self.s = s
        self.rPrime = rPrime
    }
}

/// The delineation of one beat in one lead. `nil` means the wave is absent (not found) in this lead.
public struct LeadBeat: Sendable, Equatable {
    public var p: Wave?
    public var qrs: QRSWave?
    public var t: Wave?

    public init(p: Wave? = nil, qrs: QRSWave? = nil, t: Wave? = nil) {
        self.p = p
        self.qrs = qrs
        self.t = t
    }
}

/// Global (multi-lead) fiducial points of one beat: earliest onset and latest offset over the
/// leads, with outlying leads rejected.
public struct GlobalBeat: Sendable, Equatable {
    public var pOnset: Int?
    public var pPeak: Int?
    public var pOffset: Int?
    public var qrsOnset: Int
    public var qrsOffset: Int
    public var tOnset: Int?
    public var tPeak: Int?
    public var tOffset: Int?

    public init(pOnset: Int? = nil, pPeak: Int? = nil, pOffset: Int? = nil, qrsOnset: Int, qrsOffset: Int,
                tOnset: Int? = nil, tPeak: Int? = nil, tOffset: Int? = nil) {
        self.pOnset = pOnset
        self.pPeak = pPeak
        self.pOffset = pOffset
        self.qrsOnset = qrsOnset
        self.qrsOffset = qrsOffset
        self.tOnset = tOnset
        self.tPeak = tPeak
        self.tOffset = tOffset
    }

    /// Whether a P wave was found before this beat's QRS.
    public var hasP: Bool { pPeak != nil }
    /// Whether a T wave was found after this beat's QRS.
    public var hasT: Bool { tPeak != nil }
}
