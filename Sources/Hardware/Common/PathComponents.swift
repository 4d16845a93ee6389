/// The parts of a path as text, split the way `dirname` and `basename` split them: the
/// folder a file is in, and the name it has there. Nothing is looked up on disk.
public enum PathComponents {
    /// `/etc/gateway/gateway.yaml` → `/etc/gateway`, `gateway.yaml` → `.`, `/gateway` → `/`.
    public static func directory(of path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        let directory = trimmingTrailingSlashes(String(trimmed[..<slash]))
        return directory.isEmpty ? "/" : directory
    }

    /// `Devices/bme280.yaml` → `bme280.yaml`, `Devices/` → `Devices`, `/` → `/`.
    public static func lastComponent(of path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        guard trimmed != "/", let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// Without the slashes a folder may be written with (`Devices/`), except the root's own.
    private static func trimmingTrailingSlashes(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }
}
