import CFFTW

/// A pair of single-precision FFTW plans (`fftwf`: real-to-complex forward, complex-to-real
/// backward) for one length.
///
/// The conditioning filter's samples are `Float` and its gains are smooth, so single precision
/// loses nothing a millivolt signal shows (rounding near 10⁻⁷ of the block's largest sample)
/// while each transform does twice the work per vector instruction. Planning-sensitive uses
/// (the impulse-response probe, the sub-hertz baseline) stay in double precision
/// (``RealFFTPlan``). Buffers must be 16-byte aligned like the planning buffers were
/// (``SinglePrecisionFFTBuffer`` guarantees it).
public final class SinglePrecisionFFTPlan: @unchecked Sendable {
    /// Transform length (real samples).
    public let count: Int
    /// Number of complex bins (`count / 2 + 1`).
    public var binCount: Int { count / 2 + 1 }
    private let r2c: fftwf_plan
    private let c2r: fftwf_plan

    fileprivate init?(count: Int, rigor: FFTPlanningRigor) {
        self.count = count
        // MEASURE overwrites the arrays it plans on, so plan on scratch buffers of our own.
        let real = fftwf_alloc_real(count)
        let complex = fftwf_alloc_complex(count / 2 + 1)
        defer { fftwf_free(real); fftwf_free(complex) }
        guard let real, let complex,
              let forward = fftwf_plan_dft_r2c_1d(Int32(count), real, complex, rigor.flags),
              let backward = fftwf_plan_dft_c2r_1d(Int32(count), complex, real, rigor.flags)
        else { return nil }
        r2c = forward
        c2r = backward
    }

    /// Forward transform of `count` reals into `binCount` complex bins (interleaved re, im).
    public func forward(_ input: UnsafeMutablePointer<Float>, _ output: UnsafeMutablePointer<Float>) {
        output.withMemoryRebound(to: fftwf_complex.self, capacity: binCount) {
            fftwf_execute_dft_r2c(r2c, input, $0)
        }
    }

    /// Unnormalised backward transform (the result is `count` times the signal). Destroys `input`.
    public func backward(_ input: UnsafeMutablePointer<Float>, _ output: UnsafeMutablePointer<Float>) {
        input.withMemoryRebound(to: fftwf_complex.self, capacity: binCount) {
            fftwf_execute_dft_c2r(c2r, $0, output)
        }
    }
}

extension FFTPlanCache {
    /// The single-precision plan pair for `count` real samples (an even length), planned on
    /// first use under the same process-wide planner lock as the double-precision plans.
    public func singlePrecisionPlan(count: Int, rigor: FFTPlanningRigor = .measure)
        throws(FFTPlanningError) -> SinglePrecisionFFTPlan {
        try cachedPlan(count: count, rigor: rigor, in: singlePrecisionPlans) { SinglePrecisionFFTPlan(count: $0, rigor: $1) }
    }
}

/// A 16-byte-aligned scratch buffer of floats from FFTW's allocator, freed when released;
/// its contents are undefined until written (every use fills it before reading).
public final class SinglePrecisionFFTBuffer: @unchecked Sendable {
    public let pointer: UnsafeMutablePointer<Float>
    public let count: Int

    public init(uninitializedCount count: Int) {
        self.count = count
        guard let raw = fftwf_alloc_real(max(count, 1)) else {
            // Allocation failure of a few hundred kilobytes is not recoverable input error.
            fatalError("fftwf_alloc_real(\(count)) failed: out of memory")
        }
        pointer = raw
    }

    deinit { fftwf_free(pointer) }
}
