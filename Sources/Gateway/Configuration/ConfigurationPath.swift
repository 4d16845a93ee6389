import FoundationEssentials

/// Paths written in a configuration: absolute ones as written, relative ones inside a folder
/// that depends on the key (the configuration's own folder for `password_file` and `ca_file`,
/// the state directory for the history database).
enum ConfigurationPath {
    static func resolve(_ path: String, in directory: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: directory).appendingPathComponent(path).path
    }
}
