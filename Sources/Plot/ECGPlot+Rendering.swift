import ECGModel

/// Colours and strokes of the page, close to standard ECG paper.
enum PlotStyle {
    static let minorGrid = "#f6c1c1"
    static let majorGrid = "#e06666"
    static let trace = "#000000"
    static let minorWidth = 0.1
    static let majorWidth = 0.25
    static let traceWidth = 0.3
    static let labelSize = 3.5
    static let headerSize = 3.0

    static func markerColour(_ wave: FiducialKind.Wave) -> String {
        switch wave {
        case .p: "#1565c0"
        case .qrs: "#2e7d32"
        case .t: "#8e24aa"
        }
    }
}

extension ECGPlot {
    func render(panels: [Panel], geometry g: PageGeometry, headerLines: [String]) -> String {
        var svg = SVGWriter()
        svg.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        svg.open("svg", ["xmlns": "http://www.w3.org/2000/svg", "version": "1.1",
                         "width": .string(SVGNumber.text(g.pageWidth) + "mm"),
                         "height": .string(SVGNumber.text(g.pageHeight) + "mm"),
                         "viewBox": .string("0 0 \(SVGNumber.text(g.pageWidth)) \(SVGNumber.text(g.pageHeight))"),
                         "font-family": "DejaVu Sans, Helvetica, Arial, sans-serif",
                         "data-speed": .number(options.scale.speed), "data-gain": .number(options.scale.gain)])
        svg.text("title", [:], content: headerLines.first ?? record.id)
        svg.empty("rect", ["x": "0", "y": "0", "width": .number(g.pageWidth), "height": .number(g.pageHeight),
                           "fill": "#ffffff"])
        renderHeader(&svg, geometry: g, lines: headerLines)
        renderGrid(&svg, geometry: g)
        svg.open("defs")
        svg.open("clipPath", ["id": "grid-area"])
        svg.empty("rect", ["x": .number(g.gridLeft), "y": .number(g.gridTop), "width": .number(g.gridWidth),
                           "height": .number(g.gridHeight)])
        svg.close("clipPath")
        svg.close("defs")
        svg.open("g", ["clip-path": "url(#grid-area)"])
        for row in 0..<g.rows { renderCalibration(&svg, geometry: g, row: row) }
        renderLeadSwitches(&svg, panels: panels, geometry: g)
        for panel in panels { renderPanel(&svg, panel, geometry: g) }
        svg.close("g")
        svg.close("svg")
        return svg.text
    }

    private func renderHeader(_ svg: inout SVGWriter, geometry g: PageGeometry, lines: [String]) {
        svg.open("g", ["class": "header", "font-size": .number(PlotStyle.headerSize), "fill": "#000000"])
        for (index, line) in lines.enumerated() {
            let y = PageGeometry.margin + 3 + Double(index) * PageGeometry.headerLineHeight
            if index == 0 {
                svg.text("text", ["x": .number(g.gridLeft), "y": .number(y), "font-weight": "bold"], content: line)
            } else {
                svg.text("text", ["x": .number(g.gridLeft), "y": .number(y)], content: line)
            }
        }
        svg.close("g")
    }

    /// 1 mm lines, then 5 mm lines over them, each as one path of full-length strokes.
    private func renderGrid(_ svg: inout SVGWriter, geometry g: PageGeometry) {
        let columns = Int((g.gridWidth).rounded())
        let rows = Int((g.gridHeight).rounded())
        for (name, major) in [("grid-minor", false), ("grid-major", true)] {
            var d = ""
            for k in 0...columns where (k % 5 == 0) == major {
                let x = g.gridLeft + Double(k)
                d += "M\(SVGNumber.text(x)) \(SVGNumber.text(g.gridTop))V\(SVGNumber.text(g.gridTop + g.gridHeight))"
            }
            for k in 0...rows where (k % 5 == 0) == major {
                let y = g.gridTop + Double(k)
                d += "M\(SVGNumber.text(g.gridLeft)) \(SVGNumber.text(y))H\(SVGNumber.text(g.gridLeft + g.gridWidth))"
            }
            svg.empty("path", ["class": .string(name), "d": .string(d), "fill": "none",
                               "stroke": .string(major ? PlotStyle.majorGrid : PlotStyle.minorGrid),
                               "stroke-width": .number(major ? PlotStyle.majorWidth : PlotStyle.minorWidth)])
        }
    }

    /// The 1 mV, 200 ms square pulse at the start of a row, drawn at the page's gain and speed.
    private func renderCalibration(_ svg: inout SVGWriter, geometry g: PageGeometry, row: Int) {
        let base = g.baseline(row)
        let x0 = g.gridLeft + 1
        let width = PageGeometry.calibrationSeconds * g.scale.speed
        let top = base - g.scale.millimetres(millivolts: 1)
        let d = "M\(SVGNumber.text(x0)) \(SVGNumber.text(base))H\(SVGNumber.text(x0 + 1))V\(SVGNumber.text(top))"
            + "H\(SVGNumber.text(x0 + 1 + width))V\(SVGNumber.text(base))H\(SVGNumber.text(x0 + 2 + width))"
        svg.empty("path", ["class": "calibration", "data-row": .number(Double(row)), "d": .string(d), "fill": "none",
                           "stroke": .string(PlotStyle.trace), "stroke-width": .number(PlotStyle.traceWidth)])
    }

    /// Short ticks where a row switches from one lead to the next, as electrocardiographs print.
    private func renderLeadSwitches(_ svg: inout SVGWriter, panels: [Panel], geometry g: PageGeometry) {
        var d = ""
        for panel in panels where panel.column > 0 {
            let base = g.baseline(panel.row)
            d += "M\(SVGNumber.text(panel.left)) \(SVGNumber.text(base - 2.5))V\(SVGNumber.text(base + 2.5))"
        }
        guard !d.isEmpty else { return }
        svg.empty("path", ["class": "lead-switch", "d": .string(d), "stroke": .string(PlotStyle.trace),
                           "stroke-width": .number(PlotStyle.traceWidth)])
    }

    private func renderPanel(_ svg: inout SVGWriter, _ panel: Panel, geometry g: PageGeometry) {
        let fs = record.samplingFrequency.hertz
        let base = g.baseline(panel.row)
        let top = g.rowTop(panel.row)
        let gain = g.scale.gain
        svg.open("g", ["class": "panel", "data-lead": .string(panel.lead.name),
                       "data-row": .number(Double(panel.row)), "data-column": .number(Double(panel.column))])
        let labelAttributes: KeyValuePairs<String, SVGWriter.Value> = [
            "class": "lead-label", "x": .number(panel.left + 1.5), "y": .number(top + 5),
            "font-size": .number(PlotStyle.labelSize), "font-weight": "bold",
        ]
        svg.text("text", labelAttributes, content: panel.label)
        if let signal = panel.signal {
            let path = TracePath(x: { g.x(seconds: Double($0) / fs) },
                                 y: { base - Double($0) * gain },
                                 yRange: (g.gridTop - 1)...(g.gridTop + g.gridHeight + 1),
                                 tolerance: options.simplificationTolerance)
            let d = path.data(signal.samples, range: panel.samples)
            if !d.isEmpty {
                svg.empty("path", ["class": "trace", "d": .string(d), "fill": "none",
                                   "stroke": .string(PlotStyle.trace), "stroke-width": .number(PlotStyle.traceWidth),
                                   "stroke-linejoin": "round", "stroke-linecap": "round"])
            }
            if options.showsMarkers, signal.samples[panel.samples].contains(where: \.isFinite) {
                renderMarkers(&svg, panel: panel, signal: signal, geometry: g)
            }
        }
        svg.close("g")
    }

    private func renderMarkers(_ svg: inout SVGWriter, panel: Panel, signal: LeadSignal, geometry g: PageGeometry) {
        let fs = record.samplingFrequency.hertz
        let base = g.baseline(panel.row)
        let reach = g.rowHeight * 0.22
        let shown = markers.markers(for: panel.lead).filter { panel.samples.contains($0.sample) }
        for marker in shown.sorted(by: { ($0.sample, $0.kind.rawValue) < ($1.sample, $1.kind.rawValue) }) {
            let x = g.x(seconds: Double(marker.sample) / fs)
            let colour = PlotStyle.markerColour(marker.kind.wave)
            let kindClass = SVGWriter.Value.string("marker " + marker.kind.className)
            if marker.kind.isPeak {
                // A peak is a point on the trace: without a valid sample there is nothing to mark.
                let value = signal.samples[marker.sample]
                guard value.isFinite else { continue }
                let y = base - Double(value) * g.scale.gain
                let clamped = min(max(y, g.gridTop), g.gridTop + g.gridHeight)
                svg.empty("circle", ["class": kindClass, "data-sample": .number(Double(marker.sample)),
                                     "cx": .number(x), "cy": .number(clamped), "r": "0.6", "fill": .string(colour)])
            } else {
                let isOffset = marker.kind.rawValue.hasSuffix("Offset")
                let dash: SVGWriter.Value = isOffset ? "0.8 0.5" : "none"
                svg.empty("line", ["class": kindClass, "data-sample": .number(Double(marker.sample)),
                                   "x1": .number(x), "y1": .number(base - reach), "x2": .number(x),
                                   "y2": .number(base + reach), "stroke": .string(colour),
                                   "stroke-width": "0.2", "stroke-dasharray": dash])
            }
        }
    }
}
