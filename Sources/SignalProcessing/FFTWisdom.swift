import CFFTW
import Foundation
import Synchronization

/// FFTW wisdom: the plans a process measured, saved so that later processes skip measuring.
///
/// Planning a transform length with ``FFTPlanningRigor/measure`` times candidate algorithms for
/// about a second; the measurement stage needs three lengths, so each process (each `convert`
/// run or shard) spends ≈ 1.3 s of CPU before its first record. Wisdom imported before
/// planning makes that microseconds, and fixes the plan (hence the last bits of every FFT)
/// across runs. Wisdom from another machine is valid but may be slower there.
public enum FFTWisdom {
    /// Loads wisdom written by ``export(to:)``; returns whether the file could be read.
    ///
    /// Single-precision plans keep their own wisdom (FFTW's `fftwf` library), in the file
    /// named by ``singlePrecisionPath(_:)`` beside it; it is loaded too when present.
    @discardableResult
    public static func `import`(from url: URL) -> Bool {
        FFTPlanCache.withPlanner {
            guard fftw_import_wisdom_from_filename(url.path) != 0 else { return false }
            _ = fftwf_import_wisdom_from_filename(singlePrecisionPath(url))
            return true
        }
    }

    /// Where the single-precision wisdom belonging to the wisdom file `url` is kept.
    static func singlePrecisionPath(_ url: URL) -> String { url.path + "-single" }

    /// Saves the wisdom of every plan made so far to `url`, atomically (written beside it
    /// and renamed, so a concurrent reader never sees half a file); returns whether it worked.
    ///
    /// Writing and renaming both happen under the planner's lock: the temporary name is the
    /// process's, so two threads exporting at once must not interleave on it.
    @discardableResult
    public static func export(to url: URL) -> Bool {
        let temporary = url.path + ".\(getpid()).tmp"
        let single = singlePrecisionPath(url)
        let singleTemporary = single + ".\(getpid()).tmp"
        return FFTPlanCache.withPlanner {
            guard fftw_export_wisdom_to_filename(temporary) != 0, rename(temporary, url.path) == 0 else {
                unlink(temporary)
                return false
            }
            guard fftwf_export_wisdom_to_filename(singleTemporary) != 0, rename(singleTemporary, single) == 0 else {
                unlink(singleTemporary)
                return false
            }
            return true
        }
    }
}

extension FFTWisdom {
    private static let store = Mutex<URL?>(nil)

    /// Keeps wisdom in `url` for this and later processes: imports it now if it exists, and
    /// saves it again whenever a new transform length is measured.
    ///
    /// The file is only an optimisation: when it cannot be read or written, planning simply
    /// measures as it would without it.
    public static func usePersistentStore(at url: URL) {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        store.withLock { $0 = url }
        if FileManager.default.fileExists(atPath: url.path) { self.import(from: url) }
    }

    static func saveToPersistentStore() {
        guard let url = store.withLock({ $0 }) else { return }
        export(to: url)
    }

    /// Where the command-line tool keeps its wisdom: `$ECGNARRATOR_FFTW_WISDOM` (a file path,
    /// or `off`), else `fftw-wisdom-<host>` in `$XDG_CACHE_HOME/ecgnarrator` or
    /// `~/.cache/ecgnarrator` (one file per host: measured plans are the fastest on the machine
    /// that measured them).
    public static func defaultStore(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let explicit = environment["ECGNARRATOR_FFTW_WISDOM"] {
            return explicit.isEmpty || explicit == "off" ? nil : URL(fileURLWithPath: explicit)
        }
        let cache: URL
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            cache = URL(fileURLWithPath: xdg)
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            cache = URL(fileURLWithPath: home).appendingPathComponent(".cache")
        } else {
            return nil
        }
        let host = ProcessInfo.processInfo.hostName.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }
        return cache.appendingPathComponent("ecgnarrator").appendingPathComponent("fftw-wisdom-" + (host.isEmpty ? "host" : host))
    }
}
