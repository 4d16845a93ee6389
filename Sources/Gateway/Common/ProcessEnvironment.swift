import Glibc

/// The process's environment, read with `getenv`: Foundation's process information would
/// link much of Foundation for a few variables. Types that read variables take a lookup
/// `(String) -> String?` defaulting to `ProcessEnvironment.value(of:)`, so tests can pass
/// their own.
public enum ProcessEnvironment {
    public static func value(of name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
