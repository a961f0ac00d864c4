import ECGModel

/// What to draw and how.
public struct PlotOptions: Sendable, Equatable {
    /// Which panels the page holds.
    public enum Layout: Sendable, Equatable {
        /// 3 rows × 4 columns (I/II/III, aVR/aVL/aVF, V1–V3, V4–V6), each column a quarter of
        /// the window with the leads switching at the column boundaries as on a paper ECG, and a
        /// rhythm strip of ``PlotOptions/rhythmLead`` over the whole window below.
        case standard12
        /// One lead over the whole window.
        case singleLead(Lead)
    }

    public var layout: Layout
    public var scale: PaperScale
    /// Start of the window, in seconds from the start of the record.
    public var start: Double
    /// Length of the window in seconds; `nil` means up to 10 s (less if the record is shorter).
    public var duration: Double?
    /// Whether to draw the fiducial markers.
    public var showsMarkers: Bool
    /// The lead of the rhythm strip (the standard layout); the first lead present if absent.
    public var rhythmLead: Lead
    /// Largest distance (paper mm) a simplified trace may stray from the samples. Dropping
    /// points closer than a fraction of the line width keeps files small without visible change;
    /// 0 keeps every sample.
    public var simplificationTolerance: Double

    public init(layout: Layout = .standard12, scale: PaperScale = .standard, start: Double = 0,
                duration: Double? = nil, showsMarkers: Bool = true, rhythmLead: Lead = .ii,
                simplificationTolerance: Double = 0.03) {
        self.layout = layout
        self.scale = scale
        self.start = start
        self.duration = duration
        self.showsMarkers = showsMarkers
        self.rhythmLead = rhythmLead
        self.simplificationTolerance = simplificationTolerance
    }

    /// The default window length of a 12-lead page.
    public static let standardDuration = 10.0
}
