import Foundation

/// Turns SVG into PNG with librsvg's `rsvg-convert` (Debian `librsvg2-bin`), run as a subprocess.
///
/// The page keeps its paper size: a 270 mm wide page at 150 dots per inch is
/// 270 / 25.4 × 150 ≈ 1594 pixels wide.
public struct PNGRenderer: Sendable {
    /// Resolution in dots per inch.
    public var dotsPerInch: Double
    /// The converter; `nil` means `rsvg-convert` found on `PATH`.
    public var executable: URL?

    public init(dotsPerInch: Double = 150, executable: URL? = nil) {
        self.dotsPerInch = dotsPerInch
        self.executable = executable
    }

    /// `rsvg-convert` on `PATH`, if any.
    public static func findConverter(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("rsvg-convert")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Writes `svg` as a PNG file at `destination`.
    public func write(svg: String, to destination: URL) throws {
        guard dotsPerInch.isFinite, dotsPerInch > 0, dotsPerInch <= 1200 else {
            throw PlotError(subject: destination.path, message: "resolution \(dotsPerInch) dpi is outside (0, 1200]")
        }
        guard let converter = executable ?? Self.findConverter() else {
            throw PlotError(subject: destination.path, message:
                "PNG output needs rsvg-convert, which is not on PATH (Debian/Ubuntu: apt-get install librsvg2-bin; "
                + "macOS: brew install librsvg); write .svg instead")
        }
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("ecgnarrator-plot-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).svg")
        try Data(svg.utf8).write(to: scratch)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let dpi = SVGNumber.text(dotsPerInch)
        let process = Process()
        process.executableURL = converter
        process.arguments = ["--format", "png", "--dpi-x", dpi, "--dpi-y", dpi,
                             "--output", destination.path, scratch.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw PlotError(subject: destination.path, message: "could not run \(converter.path): \(error)")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PlotError(subject: destination.path, message:
                "\(converter.lastPathComponent) failed (status \(process.terminationStatus)): "
                + message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}
