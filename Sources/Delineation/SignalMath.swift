/// Small O(n) array helpers the delineator runs on every lead.
enum SignalMath {
    /// Centred moving average of odd `width` (edges averaged over the samples available).
    static func boxcar(_ x: [Float], width: Int) -> [Float] {
        let n = x.count
        guard width > 1, n > 0 else { return x }
        let half = width / 2
        guard n > 2 * half + 1 else { return boxcarClipped(x, half: half) }
        var out = [Float](repeating: 0, count: n)
        x.withUnsafeBufferPointer { x in
            out.withUnsafeMutableBufferPointer { out in
                // Edges: the window is clipped to the samples available.
                var edge: Double = 0
                for i in 0..<half { edge += Double(x[i]) }
                for i in 0..<half {
                    edge += Double(x[i + half])
                    out[i] = Float(edge / Double(i + half + 1))
                }
                // Interior: eight outputs at a time, each the sum of the window's shifted
                // eight-sample vectors (the windows here are 5–25 samples).
                let width = 2 * half + 1
                let scale = 1 / Float(width)
                let source = UnsafeRawPointer(x.baseAddress!)
                let target = UnsafeMutableRawPointer(out.baseAddress!)
                let stride = MemoryLayout<Float>.stride
                func load(_ index: Int) -> SIMD8<Float> {
                    source.loadUnaligned(fromByteOffset: index * stride, as: SIMD8<Float>.self)
                }
                var i = half
                // Four blocks of eight at once: four independent sums keep the adder busy.
                while i + 32 <= n - half {
                    var a = SIMD8<Float>(repeating: 0), b = a, c = a, d = a
                    for k in (i - half)..<(i - half + width) {
                        a += load(k); b += load(k + 8); c += load(k + 16); d += load(k + 24)
                    }
                    target.storeBytes(of: a * scale, toByteOffset: i * stride, as: SIMD8<Float>.self)
                    target.storeBytes(of: b * scale, toByteOffset: (i + 8) * stride, as: SIMD8<Float>.self)
                    target.storeBytes(of: c * scale, toByteOffset: (i + 16) * stride, as: SIMD8<Float>.self)
                    target.storeBytes(of: d * scale, toByteOffset: (i + 24) * stride, as: SIMD8<Float>.self)
                    i += 32
                }
                while i + 8 <= n - half {
                    var sum = SIMD8<Float>(repeating: 0)
                    for k in (i - half)..<(i - half + width) { sum += load(k) }
                    target.storeBytes(of: sum * scale, toByteOffset: i * stride, as: SIMD8<Float>.self)
                    i += 8
                }
                while i < n - half {
                    var sum: Float = 0
                    for k in (i - half)...(i + half) { sum += x[k] }
                    out[i] = sum * scale
                    i += 1
                }
                var tail: Double = 0
                for i in (n - 2 * half - 1)..<n { tail += Double(x[i]) }
                for i in (n - half)..<n {
                    tail -= Double(x[i - half - 1])
                    out[i] = Float(tail / Double(n - i + half))
                }
            }
        }
        return out
    }

    /// Σ |a[i] − b[i]| over the shorter length, eight lanes at a time.
    static func absoluteDifferenceSum(_ a: UnsafeBufferPointer<Float>, _ b: UnsafeBufferPointer<Float>) -> Float {
        let n = min(a.count, b.count)
        guard n > 0, let pa = UnsafeRawPointer(a.baseAddress), let pb = UnsafeRawPointer(b.baseAddress) else { return 0 }
        let stride = MemoryLayout<Float>.stride
        var lanes = SIMD8<Float>(repeating: 0)
        var i = 0
        while i + 8 <= n {
            let d = pa.loadUnaligned(fromByteOffset: i * stride, as: SIMD8<Float>.self)
                - pb.loadUnaligned(fromByteOffset: i * stride, as: SIMD8<Float>.self)
            lanes += d.lanewiseMax(-d)
            i += 8
        }
        var total = lanes.sum()
        while i < n { total += abs(a[i] - b[i]); i += 1 }
        return total
    }

    /// Σ x, Σ x² and Σ x·t over `x` (and as many samples of `t`), eight lanes at a time.
    static func moments(_ x: UnsafeBufferPointer<Float>, _ t: UnsafeBufferPointer<Float>) -> (Float, Float, Float) {
        let n = min(x.count, t.count)
        guard n > 0, let px = UnsafeRawPointer(x.baseAddress), let pt = UnsafeRawPointer(t.baseAddress) else {
            return (0, 0, 0)
        }
        let stride = MemoryLayout<Float>.stride
        var s = SIMD8<Float>(repeating: 0), ss = s, st = s
        var i = 0
        while i + 8 <= n {
            let v = px.loadUnaligned(fromByteOffset: i * stride, as: SIMD8<Float>.self)
            let w = pt.loadUnaligned(fromByteOffset: i * stride, as: SIMD8<Float>.self)
            s += v; ss += v * v; st += v * w
            i += 8
        }
        var sx = s.sum(), sxx = ss.sum(), sxt = st.sum()
        while i < n {
            let v = x[i]
            sx += v; sxx += v * v; sxt += v * t[i]
            i += 1
        }
        return (sx, sxx, sxt)
    }

    static func boxcarClipped(_ x: [Float], half: Int) -> [Float] {
        let n = x.count
        var prefix = [Double](repeating: 0, count: n + 1)
        for i in 0..<n { prefix[i + 1] = prefix[i] + Double(x[i]) }
        return (0..<n).map { i in
            let lo = max(0, i - half), hi = min(n - 1, i + half)
            return Float((prefix[hi + 1] - prefix[lo]) / Double(hi - lo + 1))
        }
    }

    /// Central-difference derivative in units per sample.
    static func derivative(_ x: [Float]) -> [Float] {
        let n = x.count
        guard n > 2 else { return [Float](repeating: 0, count: n) }
        var d = [Float](repeating: 0, count: n)
        for i in 1..<(n - 1) { d[i] = (x[i + 1] - x[i - 1]) * 0.5 }
        d[0] = d[1]
        d[n - 1] = d[n - 2]
        return d
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        let m = s.count / 2
        return s.count % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2
    }

    static func median(_ values: [Int]) -> Int? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        return s[(s.count - 1) / 2]
    }

    /// Index of the largest value of `x` in `lo...hi` (clamped), or `nil` for an empty range.
    static func argmax(_ x: [Float], _ lo: Int, _ hi: Int) -> Int? {
        let a = max(0, lo), b = min(x.count - 1, hi)
        guard a <= b else { return nil }
        var best = a
        for i in a...b where x[i] > x[best] { best = i }
        return best
    }

    static func argmin(_ x: [Float], _ lo: Int, _ hi: Int) -> Int? {
        let a = max(0, lo), b = min(x.count - 1, hi)
        guard a <= b else { return nil }
        var best = a
        for i in a...b where x[i] < x[best] { best = i }
        return best
    }

    /// `x` minus its mean, divided by the result's norm (all zeros when `x` is constant), so
    /// that the Pearson correlation of two vectors is the ``dot(_:_:)`` of theirs.
    static func centredUnitVector(_ x: [Float]) -> [Double] {
        guard !x.isEmpty else { return [] }
        var mean = 0.0
        for v in x { mean += Double(v) }
        mean /= Double(x.count)
        var centred = x.map { Double($0) - mean }
        let norm = dot(centred, centred).squareRoot()
        guard norm > 0 else { return [Double](repeating: 0, count: x.count) }
        for i in centred.indices { centred[i] /= norm }
        return centred
    }

    /// Σ a[i]·b[i] over the shorter length, with four independent partial sums.
    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        let n = min(a.count, b.count)
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
                var i = 0
                while i + 4 <= n {
                    s0 += a[i] * b[i]; s1 += a[i + 1] * b[i + 1]
                    s2 += a[i + 2] * b[i + 2]; s3 += a[i + 3] * b[i + 3]
                    i += 4
                }
                while i < n { s0 += a[i] * b[i]; i += 1 }
                return (s0 + s1) + (s2 + s3)
            }
        }
    }

    /// Robust extreme of per-lead values: drops leads further than `tolerance` (or 3 scaled MADs,
    /// whichever is larger) from the median, then returns the earliest (`latest == false`) or
    /// latest remaining value. This is how multi-lead programs keep one noisy lead from
    /// stretching a global interval.
    static func robustExtreme(_ values: [Int], latest: Bool, tolerance: Int) -> Int? {
        guard let med = median(values) else { return nil }
        let deviations = values.map { abs($0 - med) }
        let mad = Double(median(deviations) ?? 0) * 1.4826
        let limit = max(Double(tolerance), 3 * mad)
        let kept = values.filter { Double(abs($0 - med)) <= limit }
        return latest ? kept.max() : kept.min()
    }
}
