import Foundation

/// Keeping the paths a dataset's index names inside the dataset's folder.
enum DatasetPaths {
    /// Why `path` (relative, `/`-separated) could escape or is malformed, or `nil` if it is fine.
    static func problem(withRelativePath path: String) -> String? {
        if path.isEmpty { return "empty path" }
        if path.hasPrefix("/") || path.hasPrefix("~") { return "absolute path '\(path)'" }
        if path.contains("\0") || path.contains("\\") { return "path '\(path)' contains NUL or a backslash" }
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            if component == ".." { return "path '\(path)' climbs out with '..'" }
            if component.isEmpty || component == "." { return "path '\(path)' has an empty or '.' component" }
        }
        return nil
    }

    /// Whether `url`, with every symbolic link resolved, lies inside `root` (also resolved).
    static func isInside(_ url: URL, root resolvedRoot: URL) -> Bool {
        let resolved = url.standardizedFileURL.resolvingSymlinksInPath().path
        let base = resolvedRoot.path.hasSuffix("/") ? resolvedRoot.path : resolvedRoot.path + "/"
        return resolved.hasPrefix(base)
    }

    /// `root` made absolute, standardised and with symbolic links resolved.
    static func resolvedRoot(_ root: URL) -> URL {
        root.standardizedFileURL.resolvingSymlinksInPath()
    }

    /// MIMIC-IV-ECG's subject and study from a path `…/p<subject>/s<study>/<record>…`.
    static func mimicIDs(fromComponents components: [String]) -> (subject: Int, study: Int)? {
        guard components.count >= 3 else { return nil }
        let studyFolder = components[components.count - 2]
        let subjectFolder = components[components.count - 3]
        func id(_ folder: String, prefix: Character) -> Int? {
            guard folder.first == prefix, folder.count > 1 else { return nil }
            let digits = folder.dropFirst()
            guard digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
            return Int(digits)
        }
        guard let subject = id(subjectFolder, prefix: "p"), let study = id(studyFolder, prefix: "s") else {
            return nil
        }
        return (subject, study)
    }
}
