import Foundation

/// The HDF5 tracings files of a folder, as CODE-15% ships them: `exams_part0.hdf5` …
/// `exams_part17.hdf5` beside one `exams.csv`.
enum TracingFiles {
    /// The HDF5 files at the top of `folder` (not in subfolders), in numeric order of the
    /// numbers in their names (`exams_part2` before `exams_part10`); a link leading out of
    /// the folder is refused.
    static func at(_ folder: URL) throws -> [URL] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw DatasetError(file: folder.path, message: "cannot list the folder (\(error.localizedDescription))")
        }
        let root = DatasetPaths.resolvedRoot(folder)
        var files: [URL] = []
        for name in names.sorted(by: numericOrder) where ["hdf5", "h5"].contains((name as NSString).pathExtension.lowercased()) {
            let url = folder.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            guard DatasetPaths.isInside(url, root: root) else {
                throw DatasetError(file: url.path, message: "leads outside \(folder.path) through a symbolic link")
            }
            files.append(url)
        }
        return files
    }

    /// File names compared with runs of digits as numbers, ties broken by the plain order.
    static func numericOrder(_ a: String, _ b: String) -> Bool {
        func parts(_ s: String) -> [(text: String, number: Int?)] {
            var out: [(String, Int?)] = []
            var current = "", digits = false
            for c in s {
                let isDigit = c.isASCII && c.isNumber
                if !current.isEmpty, isDigit != digits {
                    out.append((current, digits ? Int(current) : nil)); current = ""
                }
                current.append(c); digits = isDigit
            }
            if !current.isEmpty { out.append((current, digits ? Int(current) : nil)) }
            return out
        }
        let pa = parts(a), pb = parts(b)
        for (x, y) in zip(pa, pb) {
            if let m = x.number, let n = y.number {
                if m != n { return m < n }
            } else if x.text != y.text {
                return x.text < y.text
            }
        }
        return pa.count != pb.count ? pa.count < pb.count : a < b
    }
}
