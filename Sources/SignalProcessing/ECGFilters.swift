import ECGModel

/// The standard ECG conditioning filters, as zero-phase frequency responses.
public enum ECGFilters {
    /// Diagnostic baseline-wander removal: −6 dB at `cutoff` (0.5 Hz default), unity gain
    /// from 0.75 Hz, zero phase, so ST-segment levels relative to the PR baseline survive.
    public static func baselineWander(cutoff: Double = 0.5) -> FrequencyResponse {
        .highPass(cutoff: cutoff)
    }

    /// Low-pass: 40 Hz for detection and display, 150 Hz to keep QRS detail for measurement.
    public static func lowPass(cutoff: Double = 40) -> FrequencyResponse {
        .lowPass(cutoff: cutoff)
    }

    /// The chain used before measurement: baseline removal, mains notches (detected from the
    /// signal unless given), and a low-pass below the Nyquist frequency.
    public static func diagnostic(samplingFrequency fs: Double, powerline: PowerlineFrequency?,
                                  baselineCutoff: Double = 0.5, lowPassCutoff: Double = 150) -> FrequencyResponse {
        var response = baselineWander(cutoff: baselineCutoff)
        if let powerline { response = response * .powerline(powerline.rawValue, nyquist: fs / 2) }
        if lowPassCutoff * 1.2 < fs / 2 { response = response * lowPass(cutoff: lowPassCutoff) }
        return response
    }

    /// Filters every lead of `record` with the diagnostic chain. NaN samples are held at the
    /// last valid value while filtering and restored as NaN afterwards.
    public static func conditioned(_ record: ECGRecord, powerline: PowerlineFrequency? = nil,
                                   baselineCutoff: Double = 0.5,
                                   lowPassCutoff: Double = 150) throws(FFTPlanningError) -> ECGRecord {
        let fs = record.samplingFrequency.hertz
        var result = record
        for index in result.leads.indices {
            let raw = result.leads[index].samples
            let finite = SignalSanitizer.holdingInvalidSamples(raw)
            let mains = powerline ?? PowerlineDetector.detect(finite, samplingFrequency: fs)
            let filter = try ZeroPhaseFilter(
                response: diagnostic(samplingFrequency: fs, powerline: mains,
                                     baselineCutoff: baselineCutoff, lowPassCutoff: lowPassCutoff),
                samplingFrequency: fs)
            var filtered = filter.apply(finite)
            for i in raw.indices where !raw[i].isFinite { filtered[i] = .nan }
            result.leads[index].samples = filtered
        }
        return result
    }
}

/// Makes signals safe for filtering.
public enum SignalSanitizer {
    /// Replaces NaN/infinite samples by the last finite value (the first finite value at the
    /// start, 0 if none), so gaps become flat stretches rather than poisoning a whole block.
    public static func holdingInvalidSamples(_ x: [Float]) -> [Float] {
        guard !allFinite(x) else { return x }
        var out = x
        var last: Float = x.first(where: { $0.isFinite }) ?? 0
        for i in out.indices {
            if out[i].isFinite { last = out[i] } else { out[i] = last }
        }
        return out
    }

    /// Whether every sample is finite, eight at a time (`x − x` is 0 for a finite sample and
    /// NaN for NaN or infinity, and one NaN makes the running sum NaN).
    public static func allFinite(_ x: [Float]) -> Bool {
        x.withUnsafeBufferPointer { x in
            guard let raw = UnsafeRawPointer(x.baseAddress) else { return true }
            // Two running sums, so that each addition need not wait for the previous one.
            var check = SIMD8<Float>(repeating: 0), other = check
            var i = 0
            while i + 16 <= x.count {
                let v = raw.loadUnaligned(fromByteOffset: i * MemoryLayout<Float>.stride, as: SIMD8<Float>.self)
                let w = raw.loadUnaligned(fromByteOffset: (i + 8) * MemoryLayout<Float>.stride, as: SIMD8<Float>.self)
                check += v - v
                other += w - w
                i += 16
            }
            check += other
            while i + 8 <= x.count {
                let v = raw.loadUnaligned(fromByteOffset: i * MemoryLayout<Float>.stride, as: SIMD8<Float>.self)
                check += v - v
                i += 8
            }
            var rest: Float = 0
            while i < x.count { rest += x[i] - x[i]; i += 1 }
            return check.sum() + rest == 0
        }
    }
}
