import Foundation

extension WFDBAnnotationFile {
    /// Writes annotations as a MIT-format annotation file that WFDB tools (rdann, bxb …) read.
    ///
    /// Annotations are written in the order given; intervals that do not fit the 10-bit field
    /// (negative, or over 1023 samples) are written with SKIP, split into 32-bit steps when
    /// needed. Subtype, channel, number and aux text are written where they differ from the
    /// defaults the reader assumes.
    public static func write(_ annotations: [WFDBAnnotation], to url: URL) throws {
        let data = try encode(annotations, file: url.path)
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw WFDBError(.writeFailed, file: url.path, "cannot write annotation file: \(error.localizedDescription)")
        }
    }

    /// The bytes of a MIT-format annotation file holding `annotations`.
    public static func encode(_ annotations: [WFDBAnnotation], file: String = "<memory>") throws -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(annotations.count * 2 + 2)
        func put(_ word: Int) {
            bytes.append(UInt8(word & 0xFF))
            bytes.append(UInt8((word >> 8) & 0xFF))
        }
        var time: Int64 = 0
        var channel = 0, number = 0
        for (position, annotation) in annotations.enumerated() {
            guard (1...WFDBAnnotationCode.maximumCode).contains(annotation.code) else {
                throw WFDBError(.writeFailed, file: file,
                                "annotation \(position) has code \(annotation.code), outside 1…\(WFDBAnnotationCode.maximumCode)")
            }
            var interval = annotation.sample - time
            while interval < 0 || interval > 1023 {
                let step = max(Int64(Int32.min), min(Int64(Int32.max), interval))
                let bits = UInt32(bitPattern: Int32(step))
                put(WFDBAnnotationCode.skip << 10)
                put(Int(bits >> 16))
                put(Int(bits & 0xFFFF))
                interval -= step
            }
            put(annotation.code << 10 | Int(interval))
            time = annotation.sample
            if annotation.subtype != 0 {
                put(WFDBAnnotationCode.subtype << 10 | (annotation.subtype & 0xFF))
            }
            if annotation.channel != channel {
                guard (0...255).contains(annotation.channel) else {
                    throw WFDBError(.writeFailed, file: file, "annotation \(position) has channel \(annotation.channel), outside 0…255")
                }
                put(WFDBAnnotationCode.channel << 10 | annotation.channel)
                channel = annotation.channel
            }
            if annotation.number != number {
                guard (-128...127).contains(annotation.number) else {
                    throw WFDBError(.writeFailed, file: file, "annotation \(position) has number \(annotation.number), outside -128…127")
                }
                put(WFDBAnnotationCode.number << 10 | (annotation.number & 0xFF))
                number = annotation.number
            }
            if let aux = annotation.auxiliary, !aux.isEmpty {
                let text: [UInt8] = aux.unicodeScalars.allSatisfy({ $0.value < 256 })
                    ? aux.unicodeScalars.map { UInt8($0.value) } : Array(aux.utf8)
                guard text.count <= 255 else {
                    throw WFDBError(.writeFailed, file: file, "annotation \(position) has \(text.count) bytes of aux text, over 255")
                }
                put(WFDBAnnotationCode.auxiliary << 10 | text.count)
                bytes.append(contentsOf: text)
                if text.count % 2 == 1 { bytes.append(0) }
            }
        }
        put(0)
        return Data(bytes)
    }
}
