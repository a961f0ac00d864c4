import Foundation

/// Shows a conversion's progress on standard error: a bar redrawn in place at most ten times a
/// second on a terminal, or a plain line every few seconds when standard error is a file or a
/// pipe (a batch job's log).
public final class ProgressBar {
    private let isTerminal: Bool
    private let plainInterval: Double
    private var lastDraw = -Double.infinity
    private var lastPlain = 0.0

    /// - Parameter plainInterval: seconds between plain lines when not on a terminal.
    public init(isTerminal: Bool = isatty(STDERR_FILENO) == 1, plainInterval: Double = 10) {
        self.isTerminal = isTerminal
        self.plainInterval = plainInterval
    }

    /// Shows `progress` if it is time to.
    public func update(_ progress: ConversionProgress) {
        if isTerminal {
            guard progress.elapsedSeconds - lastDraw >= 0.1 || progress.recordsDone == progress.recordsTotal else { return }
            lastDraw = progress.elapsedSeconds
            write("\r\u{1B}[2K" + Self.bar(progress))
        } else if progress.elapsedSeconds - lastPlain >= plainInterval {
            lastPlain = progress.elapsedSeconds
            write(Self.line(progress) + "\n")
        }
    }

    /// Ends the bar's line (on a terminal) so that later messages start on their own line.
    public func finish(_ progress: ConversionProgress) {
        if isTerminal {
            write("\r\u{1B}[2K" + Self.bar(progress) + "\n")
        } else {
            write(Self.line(progress) + "\n")
        }
    }

    /// `[#######-----]  1234/5000  24.7%  812 rec/s  ETA 0:05`
    public static func bar(_ p: ConversionProgress, width: Int = 30) -> String {
        let fraction = p.recordsTotal > 0 ? Double(p.recordsDone) / Double(p.recordsTotal) : 1
        let filled = min(width, Int(fraction * Double(width)))
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
            + "\(p.recordsDone)/\(p.recordsTotal)  " + String(format: "%5.1f%%", fraction * 100)
            + "  " + String(format: "%.0f rec/s", p.recordsPerSecond) + "  ETA " + duration(p.secondsRemaining)
    }

    /// `converted 1234/5000 records (24.7%), 812 records/s, ETA 0:05`
    public static func line(_ p: ConversionProgress) -> String {
        let fraction = p.recordsTotal > 0 ? Double(p.recordsDone) / Double(p.recordsTotal) : 1
        return "converted \(p.recordsDone)/\(p.recordsTotal) records (" + String(format: "%.1f%%", fraction * 100)
            + "), " + String(format: "%.0f records/s", p.recordsPerSecond) + ", ETA " + duration(p.secondsRemaining)
    }

    /// `1:02:03`, `2:03`, or `?` without an estimate.
    public static func duration(_ seconds: Double?) -> String {
        guard let seconds, seconds.isFinite, seconds >= 0 else { return "?" }
        let total = Int(seconds.rounded())
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, s) : String(format: "%d:%02d", m, s)
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
