/// One wave (P, QRS or T) of a beat template, with its exact extent.
struct Wave: Sendable {
    var lobes: [Lobe]
    /// First nonzero sample, relative to the beat's QRS onset.
    var onset: Int
    /// Last nonzero sample.
    var offset: Int
    /// Peak sample (largest dipole magnitude).
    var peak: Int

    /// The net area of the sampled wave (sum over its samples), per vector component.
    var netArea: HeartVector {
        var area = HeartVector.zero
        for n in onset...offset {
            area = area + vector(at: n)
        }
        return area
    }

    /// The dipole at sample `n`.
    func vector(at n: Int) -> HeartVector {
        var v = HeartVector.zero
        for lobe in lobes {
            let value = lobe.amplitude * lobe.shape(at: Double(n))
            if value != 0 { v = v + lobe.direction * value }
        }
        return v
    }

    /// Builds a wave over `onset...offset` from lobe specifications, then turns every lobe in
    /// the frontal plane so that the sampled net-area vector points exactly at `axis`.
    ///
    /// Turning all lobes by one angle turns their sum by the same angle, so the frontal axis a
    /// measurement computes from the limb leads' net areas is the configured one by
    /// construction, whatever the lobes' shapes.
    static func build(onset: Int, offset: Int, axis: Double, specifications: [LobeSpecification]) -> Wave {
        var lobes = specifications.map { spec in
            Lobe.spanning(onset, offset, from: spec.start, peak: spec.peak, to: spec.end,
                          amplitude: spec.amplitude,
                          direction: .direction(frontal: axis + spec.frontalOffset, anterior: spec.anterior))
        }
        var wave = Wave(lobes: lobes, onset: onset, offset: offset, peak: onset)
        let correction = axis - wave.netArea.frontalAngle
        lobes = lobes.map { lobe in
            var turned = lobe
            turned.direction = lobe.direction.rotatedInFrontalPlane(by: correction)
            return turned
        }
        wave.lobes = lobes
        wave.peak = (onset...offset).max { wave.vector(at: $0).magnitude < wave.vector(at: $1).magnitude } ?? onset
        return wave
    }

    /// A single-lobe wave (P or T) peaking exactly at `peak`.
    static func single(onset: Int, peak: Int, offset: Int, amplitude: Double, axis: Double,
                       anterior: Double) -> Wave {
        let lobe = Lobe(start: Double(onset) - 0.5, peak: Double(peak), end: Double(offset) + 0.5,
                        amplitude: amplitude, direction: .direction(frontal: axis, anterior: anterior))
        return Wave(lobes: [lobe], onset: onset, offset: offset, peak: peak)
    }
}

/// A lobe placed by fractions of its wave's extent, with a direction relative to the wave's axis.
struct LobeSpecification: Sendable {
    var start: Double
    var peak: Double
    var end: Double
    var amplitude: Double
    /// Frontal direction relative to the wave's axis, in degrees.
    var frontalOffset: Double
    /// Anterior (+) or posterior (−) component relative to a unit frontal part.
    var anterior: Double
}

/// A beat's waves relative to its QRS onset (sample 0).
struct BeatTemplate: Sendable {
    var type: BeatType
    var p: Wave?
    var qrs: Wave
    var t: Wave
    /// Pacing spike (paced beats only): a lobe nonzero at one sample.
    var spike: Wave?

    /// First nonzero sample of the beat.
    var firstSample: Int { min(p?.onset ?? qrs.onset, spike?.onset ?? qrs.onset) }
    /// Last nonzero sample of the beat.
    var lastSample: Int { t.offset }

    var waves: [Wave] { [p, spike, qrs, t].compactMap { $0 } }
}
