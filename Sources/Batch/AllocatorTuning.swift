import CMalloc

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
    /// Idempotent; returns `false` where the C library has no `mallopt` (not glibc).
    @discardableResult
    public static func keepFreedMemory() -> Bool {
        cmalloc_keep_freed_memory(64 << 20, 32 << 20) == 1
    }
}
