import CFFTW
import Foundation

/// FFTW wisdom: the plans a process measured, saved so that later processes skip measuring.
///
/// Planning a transform length with ``FFTPlanningRigor/measure`` times candidate algorithms for
/// about a second; the measurement stage needs three lengths, so each process (each `convert`
/// run or shard) spends ≈ 1.3 s of CPU before its first record. Wisdom imported before
/// planning makes that microseconds, and fixes the plan (hence the last bits of every FFT)
/// across runs. Wisdom from another machine is valid but may be slower there.
public enum FFTWisdom {
    /// Loads wisdom written by ``export(to:)``; returns whether the file could be read.
    @discardableResult
    public static func `import`(from url: URL) -> Bool {
        FFTPlanCache.withPlanner { fftw_import_wisdom_from_filename(url.path) != 0 }
    }

    /// Saves the wisdom of every plan made so far to `url`, atomically (written beside it
    /// and renamed, so a concurrent reader never sees half a file); returns whether it worked.
    @discardableResult
    public static func export(to url: URL) -> Bool {
        let temporary = url.path + ".\(getpid()).tmp"
        let written = FFTPlanCache.withPlanner { fftw_export_wisdom_to_filename(temporary) != 0 }
        guard written, rename(temporary, url.path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}
