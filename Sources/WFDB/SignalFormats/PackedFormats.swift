/// Bit-packed formats: 212 (2 × 12 bits in 3 bytes), 310 and 311 (3 × 10 bits in 4 bytes).
/// A trailing partial group occupies only the bytes its samples need.
extension SignalFormat {
    @inline(__always)
    static func signExtend(_ value: UInt32, bits: UInt32) -> Int32 {
        Int32(bitPattern: value << (32 - bits)) >> Int32(32 - bits)
    }

    func decode212(_ bytes: UnsafeRawBufferPointer, count: Int, into output: UnsafeMutablePointer<Int32>) {
        guard count > 0, let b = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        let pairs = count / 2
        for p in 0..<pairs {
            let b0 = UInt32(b[3 * p]), b1 = UInt32(b[3 * p + 1]), b2 = UInt32(b[3 * p + 2])
            output[2 * p] = Self.signExtend(b0 | (b1 & 0x0F) << 8, bits: 12)
            output[2 * p + 1] = Self.signExtend(b2 | (b1 & 0xF0) << 4, bits: 12)
        }
        if count % 2 == 1 {
            let b0 = UInt32(b[3 * pairs]), b1 = UInt32(b[3 * pairs + 1])
            output[count - 1] = Self.signExtend(b0 | (b1 & 0x0F) << 8, bits: 12)
        }
    }

    func decode310(_ bytes: UnsafeRawBufferPointer, count: Int, into output: UnsafeMutablePointer<Int32>) {
        guard count > 0, let b = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        let groups = count / 3
        func word(_ offset: Int) -> UInt32 { UInt32(b[offset]) | UInt32(b[offset + 1]) << 8 }
        for g in 0..<groups {
            let w0 = word(4 * g), w1 = word(4 * g + 2)
            output[3 * g] = Self.signExtend((w0 >> 1) & 0x3FF, bits: 10)
            output[3 * g + 1] = Self.signExtend((w1 >> 1) & 0x3FF, bits: 10)
            output[3 * g + 2] = Self.signExtend((w0 >> 11) & 0x1F | ((w1 >> 11) & 0x1F) << 5, bits: 10)
        }
        let rest = count % 3
        if rest >= 1 { output[3 * groups] = Self.signExtend((word(4 * groups) >> 1) & 0x3FF, bits: 10) }
        if rest == 2 { output[3 * groups + 1] = Self.signExtend((word(4 * groups + 2) >> 1) & 0x3FF, bits: 10) }
    }

    func decode311(_ bytes: UnsafeRawBufferPointer, count: Int, into output: UnsafeMutablePointer<Int32>) {
        guard count > 0, let b = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        let groups = count / 3
        for g in 0..<groups {
            let w = UInt32(b[4 * g]) | UInt32(b[4 * g + 1]) << 8 | UInt32(b[4 * g + 2]) << 16 | UInt32(b[4 * g + 3]) << 24
            output[3 * g] = Self.signExtend(w & 0x3FF, bits: 10)
            output[3 * g + 1] = Self.signExtend((w >> 10) & 0x3FF, bits: 10)
            output[3 * g + 2] = Self.signExtend((w >> 20) & 0x3FF, bits: 10)
        }
        let rest = count % 3
        if rest >= 1 {
            let w = UInt32(b[4 * groups]) | UInt32(b[4 * groups + 1]) << 8
            output[3 * groups] = Self.signExtend(w & 0x3FF, bits: 10)
            if rest == 2 {
                let w2 = w | UInt32(b[4 * groups + 2]) << 16
                output[3 * groups + 1] = Self.signExtend((w2 >> 10) & 0x3FF, bits: 10)
            }
        }
    }
}
