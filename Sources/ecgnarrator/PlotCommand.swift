import ArgumentParser
import Datasets
import ECGModel
import Foundation
import Interpretation
import Measurement
import Plot
import PlotAnnotations

/// `ecgnarrator plot RECORD`: the record on ECG paper, as SVG or PNG.
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Draw a record as a 12-lead ECG (SVG, or PNG through rsvg-convert) with its fiducials.",
        discussion: """
        The standard page is 3 rows × 4 columns (I/II/III, aVR/aVL/aVF, V1–V3, V4–V6, each \
        column a quarter of the window, leads switching at the column boundaries) with a lead II \
        rhythm strip, on a 1 mm / 5 mm grid, a 1 mV calibration pulse per row, and the header. \
        The record is delineated, measured and interpreted (as `ecgnarrator interpret` does): the \
        header shows the global measurements and the statements, the markers each beat's detected boundaries (P blue, QRS green, T purple; onsets solid, \
        offsets dashed) and each lead's own wave peaks as dots. Only the plotted window and 2 s \
        each side are delineated, so a long recording is quick to plot. With --truth the markers come \
        from a synthetic record's truth file instead, and the truth values join the header. The plots in \
        Samples/plots are `ecgnarrator plot Signals/NAME.hea --out Samples/plots/NAME.svg`.
        """
    )

    @Argument(help: "A WFDB record (`100` or `100.hea`) or one HDF5 exam (`exams.hdf5#7`).")
    var record: String

    @Option(help: "Output file: .svg, or .png (needs rsvg-convert). Default: <record>.svg.")
    var out: String?

    @Option(help: "Draw only this lead over the whole window (II, V5, MLII…).")
    var lead: String?

    @Option(help: "Start of the window in seconds.")
    var start: Double = 0

    @Option(help: "Length of the window in seconds (default: 10 s or up to the end).")
    var duration: Double?

    @Option(help: "Paper speed in mm/s (25 or 50).")
    var speed: Double = 25

    @Option(help: "Gain in mm/mV (5, 10 or 20).")
    var gain: Double = 10

    @Flag(inversion: .prefixedNo, help: "Draw the fiducial markers.")
    var markers = true

    @Option(help: "Take markers and header values from this synthetic truth file (NAME.truth.json).")
    var truth: String?

    @Option(help: "PNG resolution in dots per inch.")
    var dpi: Double = 150

    @OptionGroup var limits: ReadLimitOptions

    func run() throws {
        let entries = try RecordArguments.entries(for: record, limits: limits.value)
        guard entries.count == 1, let entry = entries.first else {
            throw ValidationError("\(record) holds \(entries.count) records; name one (e.g. exams.hdf5#0)")
        }
        let ecg = try entry.readRecord(limits: limits.value)
        var options = PlotOptions(scale: PaperScale(speed: speed, gain: gain), start: start, duration: duration,
                                  showsMarkers: markers)
        if let lead { options.layout = .singleLead(Lead(label: lead)) }
        var plotMarkers = PlotMarkers.none
        var header = PlotHeader(record: ecg)
        do {
            let excerpt = AnalysisExcerpt(of: ecg, start: start, duration: duration)
            let result = try InterpretationPipeline().run(excerpt.record)
            header.lines += MeasurementHeader.lines(result.measured.measurements) + (excerpt.note.map { [$0] } ?? [])
            header.lines += result.interpretation.statements.map(\.text)
            plotMarkers = DelineationMarkers.markers(result.measured.stage.delineation).shifted(by: excerpt.firstSample)
        } catch {
            // A tracing is still worth seeing when it cannot be delineated.
            FileHandle.standardError.write(Data("ecgnarrator plot: \(record): no fiducials: \(error)\n".utf8))
            header.lines.append("Not delineated: \(error)")
        }
        if let truth {
            let values = try TruthMarkers.readTruth(URL(fileURLWithPath: truth))
            plotMarkers = TruthMarkers.markers(values)
            header.lines += TruthMarkers.headerLines(values)
        }
        let svg = try ECGPlot(record: ecg, markers: plotMarkers, header: header, options: options).svg()
        let destination = URL(fileURLWithPath: out ?? "\(ecg.id).svg")
        try PlotOutput.write(svg: svg, to: destination, png: PNGRenderer(dotsPerInch: dpi))
    }
}
