/// Where sysfs is mounted: `/sys` on a gateway, a directory tree built by a test elsewhere.
/// Every sysfs lookup of this module starts here, so tests exercise the real reading code
/// on real files.
public struct SysfsRoot: Sendable, Hashable, CustomStringConvertible {
    public var path: String

    public init(path: String) {
        self.path = path
    }

    /// The kernel's sysfs.
    public static let system = SysfsRoot(path: "/sys")

    /// The path of something below the root, such as `bus/w1/devices`.
    public func appending(_ relativePath: String) -> String {
        path.hasSuffix("/") ? path + relativePath : path + "/" + relativePath
    }

    public var description: String { path }
}
