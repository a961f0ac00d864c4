import ECGModel

/// A record drawn as an ECG on paper: red grid, calibration pulses, lead labels, tracings,
/// fiducial markers and a header, written as SVG in paper millimetres.
///
/// The SVG's user unit is the millimetre (`width="270mm"` with `viewBox="0 0 270 …"`), so a
/// distance read from the file is a distance on paper: one second is ``PaperScale/speed`` units,
/// one millivolt ``PaperScale/gain`` units. Output is deterministic (fixed element order and
/// number formatting), so the same input always gives byte-identical text.
public struct ECGPlot: Sendable {
    public var record: ECGRecord
    public var markers: PlotMarkers
    public var header: PlotHeader
    public var options: PlotOptions

    public init(record: ECGRecord, markers: PlotMarkers = .none, header: PlotHeader? = nil,
                options: PlotOptions = PlotOptions()) {
        self.record = record
        self.markers = markers
        self.header = header ?? PlotHeader(record: record)
        self.options = options
    }

    /// Longest window drawn on one page, in seconds.
    public static let maximumDuration = 600.0

    /// The plot as an SVG document.
    public func svg() throws -> String {
        let fs = record.samplingFrequency.hertz
        let scale = options.scale
        guard fs.isFinite, fs > 0 else { throw failure("sampling frequency \(fs) Hz is not positive") }
        guard record.sampleCount > 0 else { throw failure("the record has no samples") }
        guard scale.speed.isFinite, scale.speed > 0, scale.speed <= 200 else {
            throw failure("paper speed \(scale.speed) mm/s is outside (0, 200]")
        }
        guard scale.gain.isFinite, scale.gain > 0, scale.gain <= 100 else {
            throw failure("gain \(scale.gain) mm/mV is outside (0, 100]")
        }
        let recordSeconds = Double(record.sampleCount) / fs
        guard options.start.isFinite, options.start >= 0, options.start < recordSeconds else {
            throw failure("start \(options.start) s is outside the record (0 to \(SVGNumber.text(recordSeconds)) s)")
        }
        let duration = options.duration ?? min(PlotOptions.standardDuration, recordSeconds - options.start)
        guard duration.isFinite, duration > 0, duration <= Self.maximumDuration else {
            throw failure("duration \(duration) s is outside (0, \(Int(Self.maximumDuration))] s")
        }
        let panels: [Panel]
        let rows: Int
        let pageLines = header.lines + [scaleLine(duration: duration)]
        switch options.layout {
        case .standard12:
            rows = 4
            let geometry = PageGeometry(scale: scale, start: options.start, duration: duration, rows: rows,
                                        headerLines: pageLines.count)
            panels = standardPanels(geometry)
        case .singleLead(let lead):
            rows = 1
            guard let signal = signal(for: lead) else {
                let present = record.leads.map(\.label).joined(separator: ", ")
                throw failure("the record has no lead \(lead.name) (it has \(present))")
            }
            let geometry = PageGeometry(scale: scale, start: options.start, duration: duration, rows: rows,
                                        headerLines: pageLines.count)
            panels = [panel(signal.lead, signal: signal, row: 0, column: 0, from: options.start,
                            to: options.start + duration, geometry: geometry)]
        }
        let geometry = PageGeometry(scale: scale, start: options.start, duration: duration, rows: rows,
                                    headerLines: pageLines.count)
        return render(panels: panels, geometry: geometry, headerLines: pageLines)
    }

    private func failure(_ message: String) -> PlotError {
        PlotError(subject: "plot of \(record.id)", message: message)
    }

    private func scaleLine(duration: Double) -> String {
        let end = options.start + duration
        return "\(SVGNumber.text(options.scale.speed)) mm/s · \(SVGNumber.text(options.scale.gain)) mm/mV · "
            + "\(SVGNumber.text(options.start))–\(SVGNumber.text(end)) s"
    }

    /// A lead by identity, or for non-standard signals by label ignoring case.
    func signal(for lead: Lead) -> LeadSignal? {
        if let found = record[lead] { return found }
        if case .other(let label) = lead {
            return record.leads.first { $0.label.lowercased() == label.lowercased() }
        }
        return nil
    }

    private func standardPanels(_ geometry: PageGeometry) -> [Panel] {
        let columns: [[Lead]] = [[.i, .ii, .iii], [.aVR, .aVL, .aVF], [.v1, .v2, .v3], [.v4, .v5, .v6]]
        let quarter = geometry.duration / 4
        var panels: [Panel] = []
        for (column, leads) in columns.enumerated() {
            let from = options.start + Double(column) * quarter
            for (row, lead) in leads.enumerated() {
                panels.append(panel(lead, signal: record[lead], row: row, column: column,
                                    from: from, to: from + quarter, geometry: geometry))
            }
        }
        let rhythm = record[options.rhythmLead] ?? record.standardLeads.first ?? record.leads.first
        panels.append(panel(rhythm?.lead ?? options.rhythmLead, signal: rhythm, row: 3, column: 0,
                            from: options.start, to: options.start + geometry.duration, geometry: geometry))
        return panels
    }

    private func panel(_ lead: Lead, signal: LeadSignal?, row: Int, column: Int, from: Double, to: Double,
                       geometry: PageGeometry) -> Panel {
        let fs = record.samplingFrequency.hertz
        let count = signal?.samples.count ?? 0
        let first = min(count, max(0, Int((from * fs - 1e-6).rounded(.up))))
        let last = min(count, max(first, Int((to * fs - 1e-6).rounded(.up))))
        var label = signal.map { $0.lead.isStandard ? lead.name : $0.label } ?? "\(lead.name) (missing)"
        if let signal, !signal.samples[first..<last].contains(where: \.isFinite) {
            // Present in the file but every sample here is invalid (a disconnected electrode).
            label += " (no signal)"
        }
        return Panel(lead: lead, label: label, signal: signal, row: row, column: column, samples: first..<last,
                     left: geometry.x(seconds: from), right: geometry.x(seconds: to))
    }
}
