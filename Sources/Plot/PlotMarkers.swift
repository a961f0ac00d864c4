import ECGModel

/// The kind of fiducial point a marker shows, named as in delineation.
public enum FiducialKind: String, Sendable, Equatable, Hashable, CaseIterable {
    case pOnset, pPeak, pOffset
    case qrsOnset, qrsPeak, qrsOffset
    case tOnset, tPeak, tOffset
    case pacingSpike

    /// The wave the point belongs to, which decides the marker's colour.
    public var wave: Wave {
        switch self {
        case .pOnset, .pPeak, .pOffset: .p
        case .qrsOnset, .qrsPeak, .qrsOffset, .pacingSpike: .qrs
        case .tOnset, .tPeak, .tOffset: .t
        }
    }

    /// Peaks are drawn as dots on the trace, boundaries as vertical lines across it.
    public var isPeak: Bool { self == .pPeak || self == .qrsPeak || self == .tPeak }

    /// The SVG class name (`qrs-onset`, `r-peak`…).
    public var className: String {
        var name = ""
        for character in rawValue {
            if character.isUppercase { name += "-" + character.lowercased() } else { name.append(character) }
        }
        return name
    }

    /// The waves of the cardiac cycle.
    public enum Wave: String, Sendable { case p, qrs, t }
}

/// One fiducial point to draw: a sample index (0-based, in the record's own samples) and its kind.
public struct PlotMarker: Sendable, Equatable, Hashable {
    public var sample: Int
    public var kind: FiducialKind

    public init(sample: Int, kind: FiducialKind) {
        self.sample = sample
        self.kind = kind
    }
}

/// Fiducial points to overlay on a plot, from any source (a delineator, a synthetic truth, a
/// reference annotation): global (multi-lead) points drawn in every panel, and per-lead points
/// drawn only in their lead's panels.
public struct PlotMarkers: Sendable, Equatable {
    public var global: [PlotMarker]
    public var perLead: [Lead: [PlotMarker]]

    public init(global: [PlotMarker] = [], perLead: [Lead: [PlotMarker]] = [:]) {
        self.global = global
        self.perLead = perLead
    }

    /// No markers.
    public static let none = PlotMarkers()

    public var isEmpty: Bool { global.isEmpty && perLead.values.allSatisfy(\.isEmpty) }

    /// The markers to draw in a panel of `lead`: global ones, then the lead's own.
    public func markers(for lead: Lead) -> [PlotMarker] {
        global + (perLead[lead] ?? [])
    }
}

extension PlotMarkers {
    /// The same markers with every sample index moved by `offset` (markers found on an
    /// excerpt that starts `offset` samples into the record).
    public func shifted(by offset: Int) -> PlotMarkers {
        func move(_ list: [PlotMarker]) -> [PlotMarker] {
            list.map { PlotMarker(sample: $0.sample + offset, kind: $0.kind) }
        }
        return PlotMarkers(global: move(global), perLead: perLead.mapValues(move))
    }
}
