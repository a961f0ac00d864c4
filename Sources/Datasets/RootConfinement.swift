#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// The per-record form of ``DatasetPaths/isInside(_:root:)``: whether a file lies inside its
/// dataset folder once symbolic links are resolved, without resolving the whole path again
/// for every record.
///
/// Resolving a path costs a `readlink`/`stat` per component, and a record's path has about ten
/// (most of them the dataset folder's own). The folder is resolved once per process; below it,
/// a path whose components are plain folders and a plain file (none a symbolic link, checked
/// with one `lstat` each) cannot leave the resolved folder. Anything else (a link, a missing
/// file, a path not spelled under the folder) takes the full resolution.
enum RootConfinement {
    private static let resolvedRoots = Mutex<[String: String]>([:])

    /// `root`'s resolved path, resolved on first use in this process.
    static func resolvedRootPath(_ root: URL) -> String {
        let key = root.path
        if let path = resolvedRoots.withLock({ $0[key] }) { return path }
        let path = DatasetPaths.resolvedRoot(root).path
        resolvedRoots.withLock { $0[key] = path }
        return path
    }

    /// Whether `file`, with every symbolic link resolved, lies inside `root` (same answer as
    /// ``DatasetPaths/isInside(_:root:)`` with `root` resolved).
    static func isInside(_ file: URL, root: URL) -> Bool {
        let resolvedRoot = resolvedRootPath(root)
        if let relative = relativeComponents(of: file.path, under: root.path),
           allPlain(relative, under: resolvedRoot) {
            return true
        }
        return DatasetPaths.isInside(file, root: URL(fileURLWithPath: resolvedRoot))
    }

    /// The components of `path` below `rootPath`, or `nil` when `path` is not spelled under it
    /// or a component is empty, `.` or `..` (which plain concatenation would get wrong).
    private static func relativeComponents(of path: String, under rootPath: String) -> [Substring]? {
        let base = rootPath.hasSuffix("/") ? rootPath : rootPath + "/"
        guard path.hasPrefix(base), path.count > base.count else { return nil }
        let components = path.dropFirst(base.count).split(separator: "/", omittingEmptySubsequences: false)
        for component in components where component.isEmpty || component == "." || component == ".." {
            return nil
        }
        return components
    }

    /// Whether each of `components`, appended one by one to `resolvedRoot`, exists and is not a
    /// symbolic link.
    private static func allPlain(_ components: [Substring], under resolvedRoot: String) -> Bool {
        var path = resolvedRoot.hasSuffix("/") ? String(resolvedRoot.dropLast()) : resolvedRoot
        for component in components {
            path += "/"
            path += component
            var status = stat()
            guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) != S_IFLNK else { return false }
        }
        return true
    }
}
