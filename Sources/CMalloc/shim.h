#ifndef CMALLOC_SHIM_H
#define CMALLOC_SHIM_H

/* glibc's allocator tuning, which Swift's Glibc module does not export (<malloc.h>). */
#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#endif

/* Raise the thresholds above which glibc returns freed memory to the kernel (trim) and serves
   large blocks from their own mmap. Returns 1 when both were set, 0 where there is no mallopt. */
static inline int cmalloc_keep_freed_memory(int trim_threshold, int mmap_threshold) {
#if defined(M_TRIM_THRESHOLD) && defined(M_MMAP_THRESHOLD)
    return mallopt(M_TRIM_THRESHOLD, trim_threshold) == 1 && mallopt(M_MMAP_THRESHOLD, mmap_threshold) == 1;
#else
    (void)trim_threshold; (void)mmap_threshold;
    return 0;
#endif
}

#endif
