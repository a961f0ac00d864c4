#if canImport(Glibc)
import Glibc
#endif

/// Keeps glibc's allocator from handing freed memory back to the kernel between records.
///
/// Every record allocates and frees a few hundred kilobytes of sample arrays on each worker
/// thread. With glibc's defaults (trim above 128 kB of free memory at the top of a heap, large
/// blocks from their own `mmap`) those pages go back to the kernel after each record and
/// fault in again, zeroed, for the next (about 60 page faults per record, half the
/// conversion's system time). Raised thresholds keep them in the process; what is kept is bounded
/// by the threads' working sets (a few MB each), far below the conversion's memory budget.
public enum AllocatorTuning {
    /// Raises the trim and `mmap` thresholds (64 MB and 32 MB) for the rest of the process.
    /// Idempotent; does nothing where the C library has no `mallopt` (not glibc).
    public static func keepFreedMemory() {
        #if canImport(Glibc)
        // `<malloc.h>` is not part of Swift's Glibc module: look the function up instead. The
        // option numbers are glibc's ABI (`M_TRIM_THRESHOLD` −1, `M_MMAP_THRESHOLD` −3).
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(-1, 64 << 20)
        _ = mallopt(-3, 32 << 20)
        #endif
    }
}
