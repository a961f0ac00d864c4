/// The sample-by-sample median of aligned beats: a clean representative beat.
enum MedianBeat {
    struct Template {
        var samples: [[Float]]
        var center: Int
        var beatCount: Int
    }

    /// Median over the beats whose window fits in the record: from 0.6 RR (at most 450 ms)
    /// before the alignment point to 0.9 RR (at most 750 ms) after it.
    static func build(sig: PreparedSignals, centers: [Int], rr: Double, rrAfter: Double? = nil) -> Template? {
        let pre = min(Int(0.6 * rr), sig.samples(450))
        let post = min(Int(0.9 * (rrAfter ?? rr)), sig.samples(750))
        let fitting = centers.filter { $0 - pre >= 0 && $0 + post < sig.count }
        guard !fitting.isEmpty, pre > 0, post > 0 else { return nil }
        let length = pre + post + 1
        var samples: [[Float]] = []
        let k = fitting.count
        // Per lead: gather the beats column by column (each sample's k values contiguous), then
        // sort each short column in place; insertion sort suits a few dozen values.
        if k <= columnsSortedTogether {
            return Template(samples: sig.x.map { medians(of: $0, starts: fitting.map { $0 - pre }, length: length) },
                            center: pre, beatCount: k)
        }
        var block = [Float](repeating: 0, count: k * length)
        for l in sig.x.indices {
            var out = [Float](repeating: 0, count: length)
            sig.x[l].withUnsafeBufferPointer { x in
                block.withUnsafeMutableBufferPointer { block in
                    for (j, c) in fitting.enumerated() {
                        let start = c - pre
                        for s in 0..<length { block[s * k + j] = x[start + s] }
                    }
                    out.withUnsafeMutableBufferPointer { out in
                        for s in 0..<length {
                            let base = s * k
                            for j in 1..<max(1, k) {
                                let v = block[base + j]
                                var i = j
                                while i > 0, block[base + i - 1] > v { block[base + i] = block[base + i - 1]; i -= 1 }
                                block[base + i] = v
                            }
                            let m = k / 2
                            out[s] = k % 2 == 1 ? block[base + m] : (block[base + m - 1] + block[base + m]) / 2
                        }
                    }
                }
            }
            samples.append(out)
        }
        return Template(samples: samples, center: pre, beatCount: fitting.count)
    }

    /// The compare-exchange pairs `(i, j)`, `i < j`, of Batcher's merge-exchange sort of
    /// `count` elements (Knuth, TAOCP vol. 3, algorithm 5.2.2 M): O(k log² k) comparators,
    /// against k²/2 for odd–even transposition.
    static func sortingNetwork(count n: Int) -> [(Int, Int)] {
        guard n > 1 else { return [] }
        var t = 0
        while 1 << t < n { t += 1 }
        var pairs: [(Int, Int)] = []
        var p = 1 << (t - 1)
        while p > 0 {
            var q = 1 << (t - 1), r = 0, d = p
            while d > 0 {
                for i in 0..<(n - d) where i & p == r { pairs.append((i, i + d)) }
                d = q - p
                q >>= 1
                r = p
            }
            p >>= 1
        }
        return pairs
    }

    /// One compare-exchange of a median network and which of its outputs are still read.
    struct Exchange {
        var low: Int, high: Int
        var keepsMinimum: Bool, keepsMaximum: Bool
    }

    /// The compare-exchanges of ``sortingNetwork(count:)`` that the median of `count` values
    /// depends on: walking back from the middle element(s), an exchange stays when an output
    /// it writes is read later (then both its inputs are), and writes only the outputs read.
    /// The middle elements come out exactly as after the full sort.
    static func medianNetwork(count n: Int) -> [Exchange] {
        var needed = [Bool](repeating: false, count: max(n, 1))
        guard n > 1 else { return [] }
        needed[n / 2] = true
        if n % 2 == 0 { needed[n / 2 - 1] = true }
        var kept: [Exchange] = []
        for (i, j) in sortingNetwork(count: n).reversed() where needed[i] || needed[j] {
            kept.append(Exchange(low: i, high: j, keepsMinimum: needed[i], keepsMaximum: needed[j]))
            needed[i] = true
            needed[j] = true
        }
        return kept.reversed()
    }

    /// Element-by-element median of equally long rows (the first row's length).
    static func columnMedians(_ rows: [[Float]]) -> [Float] {
        guard let length = rows.first?.count else { return [] }
        let joined = rows.flatMap { $0.count == length ? $0 : Array($0.prefix(length)) + [Float](repeating: 0, count: max(0, length - $0.count)) }
        return medians(of: joined, starts: rows.indices.map { $0 * length }, length: length)
    }

    /// Up to this many beats, eight samples of the median are found at once by a sorting network.
    static let columnsSortedTogether = 48

    /// Sample-by-sample median of the `length`-sample windows of `x` starting at `starts`.
    /// Up to ``columnsSortedTogether`` windows: eight neighbouring samples at a time, each
    /// window's eight values one vector, the middle ones found by the part of a sorting network
    /// they depend on (``medianNetwork(count:)``), branch-free per sample.
    static func medians(of x: [Float], starts: [Int], length: Int) -> [Float] {
        let k = starts.count
        var out = [Float](repeating: 0, count: length)
        guard k > 0 else { return out }
        guard k <= columnsSortedTogether else {
            // Many beats (long recordings): sorting each column beats a k² network.
            var column = [Float](repeating: 0, count: k)
            for s in 0..<length {
                for (j, start) in starts.enumerated() { column[j] = x[start + s] }
                column.sort()
                out[s] = k % 2 == 1 ? column[k / 2] : (column[k / 2 - 1] + column[k / 2]) / 2
            }
            return out
        }
        var rows = [SIMD8<Float>](repeating: SIMD8(), count: k)
        let network = medianNetwork(count: k)
        x.withUnsafeBufferPointer { x in
            out.withUnsafeMutableBufferPointer { out in
                rows.withUnsafeMutableBufferPointer { rows in
                    var s = 0
                    while s < length {
                        let lanes = min(8, length - s)
                        if lanes == 8, let raw = UnsafeRawPointer(x.baseAddress) {
                            for (j, start) in starts.enumerated() {
                                rows[j] = raw.loadUnaligned(fromByteOffset: (start + s) * MemoryLayout<Float>.stride,
                                                            as: SIMD8<Float>.self)
                            }
                        } else {
                            for (j, start) in starts.enumerated() {
                                var row = SIMD8<Float>()
                                for lane in 0..<lanes { row[lane] = x[start + s + lane] }
                                rows[j] = row
                            }
                        }
                        for exchange in network {
                            let a = rows[exchange.low], b = rows[exchange.high]
                            if exchange.keepsMinimum { rows[exchange.low] = a.lanewiseMin(b) }
                            if exchange.keepsMaximum { rows[exchange.high] = a.lanewiseMax(b) }
                        }
                        let m = k / 2
                        let median = k % 2 == 1 ? rows[m] : (rows[m - 1] + rows[m]) / 2
                        if lanes == 8, let raw = UnsafeMutableRawPointer(out.baseAddress) {
                            raw.storeBytes(of: median, toByteOffset: s * MemoryLayout<Float>.stride, as: SIMD8<Float>.self)
                        } else {
                            for lane in 0..<lanes { out[s + lane] = median[lane] }
                        }
                        s += 8
                    }
                }
            }
        }
        return out
    }
}
