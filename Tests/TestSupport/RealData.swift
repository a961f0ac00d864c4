import Foundation

/// Locates the real-data folder (`../shared/data` beside the package, or `$ECG_DATA`).
///
/// Real-data tests call ``RealData/directory(_:)``: in CI (`CI` set) a missing folder is a
/// failure, because a green run that silently skipped the benchmarks would be a lie; on a
/// user's machine it is a skip with a message saying what is missing.
public enum RealData {
    /// The package root, found from this file's location.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The data root: `$ECG_DATA` if set, else `<package>/../shared/data`.
    public static var root: URL {
        if let env = ProcessInfo.processInfo.environment["ECG_DATA"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
    }

    /// The reference folder (`<data>/../reference`), where wfdb-python and NLTK dumps live.
    public static var referenceRoot: URL {
        if let env = ProcessInfo.processInfo.environment["ECG_REFERENCE"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        return root.deletingLastPathComponent().appendingPathComponent("reference")
    }

    /// Whether this run is CI (real data is then mandatory).
    public static var isCI: Bool {
        let value = ProcessInfo.processInfo.environment["CI"] ?? ""
        return !value.isEmpty && value != "0" && value.lowercased() != "false"
    }

    /// Whether `subpath` exists under the data root.
    public static func isAvailable(_ subpath: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(subpath).path)
    }

    /// Whether a real-data test for `subpath` should run. Prints why when it will not.
    ///
    /// Use as a Swift Testing condition: `@Test(.enabled(if: RealData.shouldRun("mitdb")))`.
    /// In CI this returns `true` even when the folder is missing, so that the test runs and
    /// fails loudly on ``directory(_:)``.
    public static func shouldRun(_ subpath: String) -> Bool {
        if isAvailable(subpath) || isCI { return true }
        print("SKIP: real data '\(subpath)' not found under \(root.path) (set ECG_DATA to run these tests)")
        return false
    }

    /// The URL of `subpath` under the data root; throws a descriptive error if it is missing.
    public static func directory(_ subpath: String) throws -> URL {
        let url = root.appendingPathComponent(subpath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw MissingData(path: url.path)
        }
        return url
    }

    /// The URL of a reference file; throws a descriptive error if it is missing.
    public static func reference(_ name: String) throws -> URL {
        let url = referenceRoot.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw MissingData(path: url.path)
        }
        return url
    }

    /// A fresh temporary directory for a test's outputs.
    public static func temporaryDirectory(_ label: String = "test") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("ecgnarrator-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Real data a test needs is not where it should be.
public struct MissingData: Error, CustomStringConvertible {
    public let path: String
    public var description: String {
        "real data missing: \(path) (CI needs ../shared/data beside the checkout, or ECG_DATA)"
    }
}
