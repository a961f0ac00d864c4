import Foundation

/// The process's peak resident memory, for reporting how much a conversion needed.
public enum PeakMemory {
    /// Peak resident set size in bytes (Linux `VmHWM` in /proc/self/status), `nil` elsewhere.
    public static func residentBytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if fields.count >= 2, let kilobytes = Int(fields[1]) { return kilobytes * 1024 }
        }
        return nil
    }
}
