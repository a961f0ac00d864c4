import CFFTW
import Synchronization

/// How hard FFTW searches for a fast algorithm when it plans a transform size.
public enum FFTPlanningRigor: Sendable, Hashable {
    /// Times candidate algorithms (about a second per size here); the fastest execution.
    case measure
    /// Guesses from heuristics (microseconds); execution up to ~1.5× slower.
    case estimate

    var flags: UInt32 {
        switch self {
        case .measure: FFTW_MEASURE
        case .estimate: FFTW_ESTIMATE
        }
    }
}

/// A pair of FFTW plans (real-to-complex forward, complex-to-real backward) for one length.
///
/// FFTW's *execute* functions are thread-safe on new arrays, so one plan serves every thread.
/// Buffers passed to ``forward(_:_:)`` and ``backward(_:_:)`` must be 16-byte aligned like the
/// planning buffers were (``FFTBuffer`` guarantees it).
public final class RealFFTPlan: @unchecked Sendable {
    /// Transform length (real samples).
    public let count: Int
    /// Number of complex bins (`count / 2 + 1`).
    public var binCount: Int { count / 2 + 1 }
    private let r2c: fftw_plan
    private let c2r: fftw_plan

    fileprivate init?(count: Int, rigor: FFTPlanningRigor) {
        self.count = count
        // MEASURE overwrites the arrays it plans on, so plan on scratch buffers of our own.
        let real = fftw_alloc_real(count)
        let complex = fftw_alloc_complex(count / 2 + 1)
        defer { fftw_free(real); fftw_free(complex) }
        guard let real, let complex,
              let forward = fftw_plan_dft_r2c_1d(Int32(count), real, complex, rigor.flags),
              let backward = fftw_plan_dft_c2r_1d(Int32(count), complex, real, rigor.flags)
        else { return nil }
        r2c = forward
        c2r = backward
    }

    /// Forward transform of `count` reals into `binCount` complex bins (interleaved re, im).
    public func forward(_ input: UnsafeMutablePointer<Double>, _ output: UnsafeMutablePointer<Double>) {
        output.withMemoryRebound(to: fftw_complex.self, capacity: binCount) {
            fftw_execute_dft_r2c(r2c, input, $0)
        }
    }

    /// Unnormalised backward transform (the result is `count` times the signal). Destroys `input`.
    public func backward(_ input: UnsafeMutablePointer<Double>, _ output: UnsafeMutablePointer<Double>) {
        input.withMemoryRebound(to: fftw_complex.self, capacity: binCount) {
            fftw_execute_dft_c2r(c2r, $0, output)
        }
    }
}

/// Creates FFTW plans once per length and hands the same plan to every caller.
///
/// Planning is not thread-safe in FFTW, so it happens under a lock; plans live for the
/// process (a handful of sizes), which is why none is ever destroyed.
public final class FFTPlanCache: Sendable {
    /// The process-wide cache.
    public static let shared = FFTPlanCache()

    struct Key: Hashable { var count: Int; var rigor: FFTPlanningRigor }
    private let plans = Mutex<[Key: RealFFTPlan]>([:])
    let singlePrecisionPlans = Mutex<[Key: SinglePrecisionFFTPlan]>([:])
    private static let plannerLock = Mutex<Void>(())

    public init() {}

    /// Runs `body` holding the lock every FFTW planner call takes (wisdom import and export
    /// touch the same global state).
    static func withPlanner<T>(_ body: () -> T) -> T {
        plannerLock.withLock { _ in body() }
    }

    /// The plan pair for `count` real samples (an even length), planned on first use.
    public func plan(count: Int, rigor: FFTPlanningRigor = .measure) throws(FFTPlanningError) -> RealFFTPlan {
        try cachedPlan(count: count, rigor: rigor, in: plans) { RealFFTPlan(count: $0, rigor: $1) }
    }

    /// The cached plan of `store` for this length and rigor, or a new one from `make`: the one
    /// path both precisions take (length check, planning under the process-wide lock, wisdom).
    func cachedPlan<Plan: Sendable>(count: Int, rigor: FFTPlanningRigor, in store: borrowing Mutex<[Key: Plan]>,
                                    make: (Int, FFTPlanningRigor) -> Plan?) throws(FFTPlanningError) -> Plan {
        guard count >= 2, count % 2 == 0, count <= 1 << 26 else { throw FFTPlanningError(count: count) }
        let key = Key(count: count, rigor: rigor)
        if let existing = store.withLock({ $0[key] }) { return existing }
        // FFTW's planner is global state: every cache plans under one process-wide lock.
        var planned = false
        let plan: Plan? = Self.withPlanner {
            if let existing = store.withLock({ $0[key] }) { return existing }
            guard let made = make(count, rigor) else { return nil }
            store.withLock { $0[key] = made }
            planned = true
            return made
        }
        guard let plan else { throw FFTPlanningError(count: count) }
        // Saved at once, not at exit: a run killed later and resumed then plans identically.
        if planned, rigor == .measure { FFTWisdom.saveToPersistentStore() }
        return plan
    }
}

/// FFTW could not plan a transform of this length.
public struct FFTPlanningError: Error, CustomStringConvertible {
    public let count: Int
    public var description: String { "FFTW could not plan a real transform of length \(count)" }
}

/// A 16-byte-aligned scratch buffer of doubles from FFTW's allocator, freed when released.
public final class FFTBuffer: @unchecked Sendable {
    public let pointer: UnsafeMutablePointer<Double>
    public let count: Int

    public init(count: Int) {
        self.count = count
        guard let raw = fftw_alloc_real(max(count, 1)) else {
            // Allocation failure of a few hundred kilobytes is not recoverable input error.
            fatalError("fftw_alloc_real(\(count)) failed: out of memory")
        }
        pointer = raw
        pointer.initialize(repeating: 0, count: max(count, 1))
    }

    /// A buffer whose contents are undefined until written: for scratch space that every
    /// use fills completely before reading (FFT inputs and outputs), which saves clearing it.
    init(uninitializedCount count: Int) {
        self.count = count
        guard let raw = fftw_alloc_real(max(count, 1)) else {
            fatalError("fftw_alloc_real(\(count)) failed: out of memory")
        }
        pointer = raw
    }

    deinit { fftw_free(pointer) }
}
