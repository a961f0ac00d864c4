/// Turns samples into SVG path data in paper millimetres.
///
/// Invalid (`NaN`/infinite) samples break the line, as a gap on paper would. Each unbroken run is
/// simplified (Ramer–Douglas–Peucker) so that no sample is farther than the tolerance from the
/// drawn line: a flat baseline collapses to a few points, while every peak stays where it is.
struct TracePath {
    /// Paper x of a sample index.
    var x: (Int) -> Double
    /// Paper y of a sample value (before clamping).
    var y: (Float) -> Double
    /// Values are clamped to this band so wild samples cannot produce huge coordinates; the
    /// drawing is clipped to the grid anyway.
    var yRange: ClosedRange<Double>
    var tolerance: Double

    struct Point { var x: Double; var y: Double }

    /// Path data (`M x y x y … M x y …`) for `samples[range]`, empty if nothing is finite.
    func data(_ samples: [Float], range: Range<Int>) -> String {
        var out = ""
        var run: [Point] = []
        func flush() {
            guard !run.isEmpty else { return }
            let kept = run.count == 1 ? [run[0], Point(x: run[0].x + 0.05, y: run[0].y)] : simplified(run)
            out += "M"
            for (k, p) in kept.enumerated() {
                out += (k == 0 ? "" : " ") + SVGNumber.text(p.x) + " " + SVGNumber.text(p.y)
            }
            run.removeAll(keepingCapacity: true)
        }
        for index in range {
            let value = samples[index]
            if value.isFinite {
                let py = min(max(y(value), yRange.lowerBound), yRange.upperBound)
                run.append(Point(x: x(index), y: py))
            } else {
                flush()
            }
        }
        flush()
        return out
    }

    /// Ramer–Douglas–Peucker with an explicit stack (a 10 s lead at 1 kHz would be deep recursion).
    func simplified(_ points: [Point]) -> [Point] {
        guard tolerance > 0, points.count > 2 else { return points }
        var keep = [Bool](repeating: false, count: points.count)
        keep[0] = true
        keep[points.count - 1] = true
        var stack = [(0, points.count - 1)]
        while let (first, last) = stack.popLast() {
            guard last - first > 1 else { continue }
            let a = points[first], b = points[last]
            var farthest = first
            var largest = -1.0
            for k in (first + 1)..<last {
                let d = distance(points[k], a, b)
                if d > largest { largest = d; farthest = k }
            }
            if largest > tolerance {
                keep[farthest] = true
                stack.append((first, farthest))
                stack.append((farthest, last))
            }
        }
        return points.indices.filter { keep[$0] }.map { points[$0] }
    }

    /// Distance from `p` to the segment `a`–`b`.
    private func distance(_ p: Point, _ a: Point, _ b: Point) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let length2 = dx * dx + dy * dy
        var t = length2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2 : 0
        t = min(max(t, 0), 1)
        let ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y
        return (ex * ex + ey * ey).squareRoot()
    }
}
