import ECGModel
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
                // eight-sample vectors of adjacent-pair sums (the windows here are 5–25
                // samples), plus the window's last sample.
                let width = 2 * half + 1
                let scale = 1 / Float(width)
                let pairs = [Float](unsafeUninitializedCapacity: n - 1) { p, count in
                    for j in 0..<(n - 1) { p[j] = x[j] + x[j + 1] }
                    count = n - 1
                }
                let target = UnsafeMutableRawPointer(out.baseAddress!)
                let stride = MemoryLayout<Float>.stride
                var i = half
                pairs.withUnsafeBufferPointer { pairs in
                    let pairSource = UnsafeRawPointer(pairs.baseAddress!)
                    let source = UnsafeRawPointer(x.baseAddress!)
                    func pair(_ index: Int) -> SIMD8<Float> {
                        pairSource.loadUnaligned(fromByteOffset: index * stride, as: SIMD8<Float>.self)
                    }
                    func single(_ index: Int) -> SIMD8<Float> {
                        source.loadUnaligned(fromByteOffset: index * stride, as: SIMD8<Float>.self)
                    }
                    // Four blocks of eight at once: four independent sums keep the adder busy.
                    // The pair loads reach pairs[i − half + 2·(half − 1) + 31] = pairs[i + half + 29],
                    // inside the n − 1 pairs while i + 32 ≤ n − half.
                    while i + 32 <= n - half {
                        var a = single(i + half), b = single(i + half + 8)
                        var c = single(i + half + 16), d = single(i + half + 24)
                        for k in Swift.stride(from: i - half, to: i + half - 1, by: 2) {
                            a += pair(k); b += pair(k + 8); c += pair(k + 16); d += pair(k + 24)
                        }
                        target.storeBytes(of: a * scale, toByteOffset: i * stride, as: SIMD8<Float>.self)
                        target.storeBytes(of: b * scale, toByteOffset: (i + 8) * stride, as: SIMD8<Float>.self)
                        target.storeBytes(of: c * scale, toByteOffset: (i + 16) * stride, as: SIMD8<Float>.self)
                        target.storeBytes(of: d * scale, toByteOffset: (i + 24) * stride, as: SIMD8<Float>.self)
                        i += 32
                    }
                    while i + 8 <= n - half {
                        var sum = single(i + half)
                        for k in Swift.stride(from: i - half, to: i + half - 1, by: 2) { sum += pair(k) }
                        target.storeBytes(of: sum * scale, toByteOffset: i * stride, as: SIMD8<Float>.self)
                        i += 8
                    }
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

    static func median(_ values: [Double]) -> Double? { values.median() }

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

    /// A straight line through `(start, level)`: what a wave is measured from.
    struct Chord {
        var start: Int
        var level: Float
        var slope: Float

        func detrended(_ x: Float, at i: Int) -> Float { x - (level + slope * Float(i - start)) }
    }

    /// The first index in `range` (inside `x`) where `sign · (x[i] − chord(i))`, or its magnitude
    /// when `absolute`, is largest. Eight candidates at a time; the same index as a scalar scan.
    static func argmax(_ x: [Float], _ range: ClosedRange<Int>, chord: Chord, sign: Float = 1,
                       absolute: Bool = false) -> Int {
        x.withUnsafeBufferPointer { x in
            func value(_ i: Int) -> Float {
                let y = chord.detrended(x[i], at: i)
                return absolute ? abs(y) : sign * y
            }
            var best = range.lowerBound
            var bestValue = value(best)
            var i = range.lowerBound
            let end = range.upperBound + 1
            if end - i >= 16, let raw = UnsafeRawPointer(x.baseAddress) {
                // Per lane: the best value and the first index reaching it.
                let offsets = SIMD8<Float>(0, 1, 2, 3, 4, 5, 6, 7)
                let indexOffsets = SIMD8<Int32>(0, 1, 2, 3, 4, 5, 6, 7)
                var laneBest = SIMD8<Float>(repeating: -.infinity)
                var laneIndex = SIMD8<Int32>(repeating: Int32.max)
                while i + 8 <= end {
                    let v = raw.loadUnaligned(fromByteOffset: i * MemoryLayout<Float>.stride, as: SIMD8<Float>.self)
                    // Float(i − start) + lane is exact for record-sized offsets, as in detrended(_:at:).
                    let y = v - (chord.level + chord.slope * (Float(i - chord.start) + offsets))
                    let candidate = absolute ? y.replacing(with: -y, where: y .< 0) : sign * y
                    let better = candidate .> laneBest
                    laneBest.replace(with: candidate, where: better)
                    laneIndex.replace(with: SIMD8<Int32>(repeating: Int32(i)) &+ indexOffsets, where: better)
                    i += 8
                }
                for lane in 0..<8 where laneIndex[lane] != Int32.max {
                    let index = Int(laneIndex[lane])
                    if laneBest[lane] > bestValue || (laneBest[lane] == bestValue && index < best) {
                        bestValue = laneBest[lane]; best = index
                    }
                }
            }
            while i < end {
                let v = value(i)
                if v > bestValue { bestValue = v; best = i }
                i += 1
            }
            return best
        }
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
        // Four running sums: one would wait out each addition's latency.
        var sums = SIMD4<Double>(repeating: 0)
        var i = 0
        x.withUnsafeBufferPointer { x in
            while i + 4 <= x.count {
                sums += SIMD4(Double(x[i]), Double(x[i + 1]), Double(x[i + 2]), Double(x[i + 3]))
                i += 4
            }
            while i < x.count { sums[0] += Double(x[i]); i += 1 }
        }
        let mean = sums.sum() / Double(x.count)
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
