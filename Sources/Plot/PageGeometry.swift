/// Where everything sits on the page, in paper millimetres (the SVG's own user units).
struct PageGeometry {
    static let margin = 5.0
    static let headerLineHeight = 4.5
    /// The calibration pulse lasts 200 ms, as on electrocardiographs.
    static let calibrationSeconds = 0.2

    let scale: PaperScale
    let start: Double
    let duration: Double
    let rows: Int
    let headerLines: Int

    /// Left edge of the grid.
    var gridLeft: Double { Self.margin }
    /// Top edge of the grid, below the header.
    var gridTop: Double { (Self.margin + 2 + Double(headerLines) * Self.headerLineHeight).rounded(.up) }
    /// Width of the calibration zone at the start of each row (whole 5 mm squares).
    var calibrationWidth: Double { roundedUpToMajor(Self.calibrationSeconds * scale.speed + 4) }
    /// Left edge of the tracings: time `start` is drawn here.
    var traceLeft: Double { gridLeft + calibrationWidth }
    var traceWidth: Double { duration * scale.speed }
    var gridWidth: Double { calibrationWidth + roundedUpToMajor(traceWidth) }
    /// Row height grows with the gain so a 2 mV complex still fits: at least 25 mm, 4 mV tall.
    var rowHeight: Double { roundedUpToMajor(max(25, 4 * scale.gain)) }
    var gridHeight: Double { Double(rows) * rowHeight }
    var pageWidth: Double { gridWidth + 2 * Self.margin }
    var pageHeight: Double { gridTop + gridHeight + Self.margin }

    func rowTop(_ row: Int) -> Double { gridTop + Double(row) * rowHeight }
    /// The isoelectric line of a row, on a whole millimetre a little below the middle
    /// (QRS complexes are mostly upright).
    func baseline(_ row: Int) -> Double { rowTop(row) + (rowHeight * 0.55).rounded() }

    /// Paper x of time `seconds` from the start of the record.
    func x(seconds: Double) -> Double { traceLeft + (seconds - start) * scale.speed }

    private func roundedUpToMajor(_ millimetres: Double) -> Double {
        (millimetres / 5 - 1e-9).rounded(.up) * 5
    }
}
