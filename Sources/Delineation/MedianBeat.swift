/// The sample-by-sample median of aligned beats: a clean representative beat.
enum MedianBeat {
    struct Template {
        var samples: [[Float]]
        var center: Int
        var beatCount: Int
    }

    /// Median over the beats whose window fits in the record: from 0.6 RR (at most 450 ms)
    /// before the alignment point to 0.9 RR (at most 750 ms) after it.
    static func build(sig: PreparedSignals, centers: [Int], rr: Double) -> Template? {
        let pre = min(Int(0.6 * rr), sig.samples(450))
        let post = min(Int(0.9 * rr), sig.samples(750))
        let fitting = centers.filter { $0 - pre >= 0 && $0 + post < sig.count }
        guard !fitting.isEmpty, pre > 0, post > 0 else { return nil }
        let length = pre + post + 1
        var samples: [[Float]] = []
        var column = [Float](repeating: 0, count: fitting.count)
        for l in sig.x.indices {
            var out = [Float](repeating: 0, count: length)
            let x = sig.x[l]
            let k = fitting.count
            column.withUnsafeMutableBufferPointer { col in
                x.withUnsafeBufferPointer { x in
                    for s in 0..<length {
                        // Insertion sort: a 10-s record has a few dozen beats at most.
                        for j in 0..<k {
                            let v = x[fitting[j] - pre + s]
                            var i = j
                            while i > 0, col[i - 1] > v { col[i] = col[i - 1]; i -= 1 }
                            col[i] = v
                        }
                        let m = k / 2
                        out[s] = k % 2 == 1 ? col[m] : (col[m - 1] + col[m]) / 2
                    }
                }
            }
            samples.append(out)
        }
        return Template(samples: samples, center: pre, beatCount: fitting.count)
    }
}
