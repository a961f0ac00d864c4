#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The calling thread's CPU time, so timings exclude time other processes took on a shared
/// machine.
public enum CPUClock {
    /// Seconds of CPU time this thread has used.
    public static func threadSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    /// Runs `body` and returns its result with the thread CPU seconds it took.
    public static func measure<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> (T, Double) {
        let start = threadSeconds()
        let result = try body()
        return (result, threadSeconds() - start)
    }
}
