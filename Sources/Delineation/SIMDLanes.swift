extension SIMD8 where Scalar == Float {
    /// Lane-wise minimum by compare and blend. The standard library's `pointwiseMin` goes
    /// through `Float.minimum` one lane at a time (it orders NaNs), which is far slower;
    /// callers pass finite values.
    @inline(__always) func lanewiseMin(_ other: Self) -> Self { replacing(with: other, where: other .< self) }

    /// Lane-wise maximum by compare and blend (finite values, see ``lanewiseMin(_:)``).
    @inline(__always) func lanewiseMax(_ other: Self) -> Self { replacing(with: other, where: other .> self) }
}
