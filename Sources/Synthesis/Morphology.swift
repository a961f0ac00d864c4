import ECGModel

/// The lobe recipes of each QRS shape, as fractions of the QRS extent.
///
/// The directions are chosen so that the vector loop turns the way the real one does: an
/// initial septal force to the right and forward (q in I and V6, r in V1), an early leftward
/// and anterior main force (R in V2–V4), a late leftward and posterior main force (R in V5–V6,
/// deep S in V1–V2, transition near V3) and a small terminal rightward, superior, posterior force.
enum QRSShape {
    case normal
    case rightBundleBranchBlock
    case leftBundleBranchBlock
    case ventricularEctopic

    func specifications(_ a: WaveAmplitudes) -> [LobeSpecification] {
        switch self {
        case .normal:
            return [
                LobeSpecification(start: 0, peak: 0.15, end: 0.32, amplitude: a.septalQ, frontalOffset: 150, anterior: 0.8),
                LobeSpecification(start: 0.12, peak: 0.38, end: 0.62, amplitude: 0.6 * a.r, frontalOffset: 10, anterior: 0.7),
                LobeSpecification(start: 0.30, peak: 0.55, end: 0.85, amplitude: a.r, frontalOffset: -10, anterior: -0.6),
                LobeSpecification(start: 0.60, peak: 0.80, end: 1, amplitude: a.s, frontalOffset: 200, anterior: -0.3),
            ]
        case .rightBundleBranchBlock:
            // Left ventricle activates on time (first ~55 %), then the right ventricle late,
            // unopposed, to the right and forward: R' in V1, broad S in I and V6.
            return [
                LobeSpecification(start: 0, peak: 0.10, end: 0.22, amplitude: a.septalQ, frontalOffset: 150, anterior: 0.8),
                LobeSpecification(start: 0.08, peak: 0.26, end: 0.44, amplitude: 0.6 * a.r, frontalOffset: 10, anterior: 0.7),
                LobeSpecification(start: 0.20, peak: 0.36, end: 0.56, amplitude: a.r, frontalOffset: -10, anterior: -0.6),
                LobeSpecification(start: 0.46, peak: 0.74, end: 1, amplitude: 0.55 * a.r, frontalOffset: 165, anterior: 1.1),
            ]
        case .leftBundleBranchBlock:
            // Septum activates right to left (no septal q), then two leftward posterior fronts
            // whose peaks are separated: QS in V1, broad notched R in I and V6.
            return [
                LobeSpecification(start: 0, peak: 0.15, end: 0.36, amplitude: 0.3 * a.r, frontalOffset: -15, anterior: -0.2),
                LobeSpecification(start: 0.14, peak: 0.38, end: 0.64, amplitude: 0.9 * a.r, frontalOffset: 0, anterior: -0.45),
                LobeSpecification(start: 0.42, peak: 0.72, end: 1, amplitude: a.r, frontalOffset: -15, anterior: -0.8),
            ]
        case .ventricularEctopic:
            return [
                LobeSpecification(start: 0, peak: 0.30, end: 0.62, amplitude: 1.4 * a.r, frontalOffset: 0, anterior: -0.5),
                LobeSpecification(start: 0.30, peak: 0.62, end: 1, amplitude: 1.1 * a.r, frontalOffset: -25, anterior: -0.7),
            ]
        }
    }

    /// Anterior component of the T wave: upright in V1 when repolarisation is discordant.
    var tAnterior: Double {
        switch self {
        case .normal: 0.3
        case .rightBundleBranchBlock: -0.4
        case .leftBundleBranchBlock, .ventricularEctopic: 0.6
        }
    }
}

/// Builds beat templates (sample positions relative to QRS onset) from a configuration.
struct TemplateFactory {
    let configuration: SyntheticECG

    private var fs: SamplingFrequency { configuration.samplingFrequency }

    private func samples(_ duration: Milliseconds) -> Int { fs.samples(in: duration) }

    private func fail(_ message: String) -> SynthesisError {
        SynthesisError(record: configuration.name, message)
    }

    /// The beat that the rhythm produces when nothing is premature.
    func dominant() throws(SynthesisError) -> BeatTemplate {
        let c = configuration
        switch c.rhythm {
        case .sinus:
            return try beat(type: .normal, shape: qrsShape(c.conduction), qrsDuration: c.qrsDuration,
                            qrsAxis: c.qrsAxis, qt: c.qtInterval, tAxis: c.tAxis, tAmplitude: c.amplitudes.t,
                            p: (c.prInterval, c.pAxis))
        case .atrialFibrillation, .atrialFlutter:
            return try beat(type: .normal, shape: qrsShape(c.conduction), qrsDuration: c.qrsDuration,
                            qrsAxis: c.qrsAxis, qt: c.qtInterval, tAxis: c.tAxis, tAmplitude: c.amplitudes.t,
                            p: nil)
        case .ventricularPaced(let spikeAmplitude):
            var template = try beat(type: .paced, shape: .leftBundleBranchBlock, qrsDuration: c.qrsDuration,
                                    qrsAxis: c.qrsAxis, qt: c.qtInterval, tAxis: c.tAxis,
                                    tAmplitude: c.amplitudes.t, p: nil)
            // A one-sample spike, with at least one baseline sample before the QRS onset.
            let at = -max(2, samples(Milliseconds(4)))
            template.spike = Wave.single(onset: at, peak: at, offset: at, amplitude: spikeAmplitude,
                                         axis: c.qrsAxis, anterior: -0.3)
            return template
        }
    }

    /// A premature ventricular complex.
    func prematureVentricular() throws(SynthesisError) -> BeatTemplate {
        let c = configuration
        let m = c.ectopicMorphology
        return try beat(type: .pvc, shape: .ventricularEctopic, qrsDuration: m.pvcQRSDuration,
                        qrsAxis: m.pvcQRSAxis, qt: m.pvcQTInterval, tAxis: m.pvcQRSAxis + 180,
                        tAmplitude: 1.5 * c.amplitudes.t, p: nil)
    }

    /// A premature atrial complex: ectopic P, conducted normally.
    func prematureAtrial() throws(SynthesisError) -> BeatTemplate {
        let c = configuration
        let m = c.ectopicMorphology
        return try beat(type: .pac, shape: qrsShape(c.conduction), qrsDuration: c.qrsDuration,
                        qrsAxis: c.qrsAxis, qt: c.qtInterval, tAxis: c.tAxis, tAmplitude: c.amplitudes.t,
                        p: (m.pacPRInterval, m.pacPAxis))
    }

    private func qrsShape(_ conduction: VentricularConduction) -> QRSShape {
        switch conduction {
        case .normal: .normal
        case .rightBundleBranchBlock: .rightBundleBranchBlock
        case .leftBundleBranchBlock: .leftBundleBranchBlock
        }
    }

    private func beat(type: BeatType, shape: QRSShape, qrsDuration: Milliseconds, qrsAxis: Double,
                      qt: Milliseconds, tAxis: Double, tAmplitude: Double,
                      p: (pr: Milliseconds, axis: Double)?) throws(SynthesisError) -> BeatTemplate {
        let c = configuration
        let qrsOffset = samples(qrsDuration)
        guard qrsOffset >= 4 else { throw fail("QRS duration \(qrsDuration) is under 4 samples at \(fs)") }
        let qrs = Wave.build(onset: 0, offset: qrsOffset, axis: qrsAxis,
                             specifications: shape.specifications(c.amplitudes))

        // T: the last ~60 % of the JT interval, peaking 60 % of the way through (slow upstroke,
        // faster downstroke), so the ST segment is isoelectric and the T offset is exactly QT.
        let tOffset = samples(qt)
        let jt = tOffset - qrsOffset
        let tLength = Int((0.6 * Double(jt)).rounded())
        let tOnset = tOffset - tLength
        guard tOnset >= qrsOffset + 2, tLength >= 2 else {
            throw fail("QT \(qt) leaves no ST segment after a QRS of \(qrsDuration)")
        }
        let tPeak = tOnset + Int((0.6 * Double(tLength)).rounded())
        let t = Wave.single(onset: tOnset, peak: tPeak, offset: tOffset, amplitude: tAmplitude,
                            axis: tAxis, anterior: shape.tAnterior)

        var pWave: Wave?
        if let p {
            let pOnset = -samples(p.pr)
            let pOffset = pOnset + samples(c.pDuration)
            guard pOffset <= -2, pOffset - pOnset >= 2 else {
                throw fail("PR \(p.pr) leaves no PR segment after a P wave of \(c.pDuration)")
            }
            let pPeak = pOnset + Int((0.5 * Double(pOffset - pOnset)).rounded())
            pWave = Wave.single(onset: pOnset, peak: pPeak, offset: pOffset, amplitude: c.amplitudes.p,
                                axis: p.axis, anterior: 0.2)
        }
        return BeatTemplate(type: type, p: pWave, qrs: qrs, t: t, spike: nil)
    }
}
