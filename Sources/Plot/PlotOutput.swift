import Foundation

/// Writes a plot to a file whose extension chooses the format: `.svg` as is, `.png` through
/// ``PNGRenderer``.
public enum PlotOutput {
    public enum Format: String, Sendable { case svg, png }

    /// The format a destination's extension asks for.
    public static func format(of destination: URL) throws -> Format {
        guard let format = Format(rawValue: destination.pathExtension.lowercased()) else {
            throw PlotError(subject: destination.path, message: "the output must end in .svg or .png")
        }
        return format
    }

    /// Writes `svg` to `destination` as SVG or PNG. SVG is written atomically.
    public static func write(svg: String, to destination: URL, png: PNGRenderer = PNGRenderer()) throws {
        switch try format(of: destination) {
        case .svg:
            do {
                try Data(svg.utf8).write(to: destination, options: .atomic)
            } catch {
                throw PlotError(subject: destination.path, message: "could not write: \(error.localizedDescription)")
            }
        case .png:
            try png.write(svg: svg, to: destination)
        }
    }
}
