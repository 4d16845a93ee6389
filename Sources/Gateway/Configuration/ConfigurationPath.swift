/// Paths written in a configuration: absolute ones as written, relative ones inside a folder
/// that depends on the key (the configuration's own folder for `password_file` and `ca_file`,
/// the state directory for the history database).
enum ConfigurationPath {
    static func resolve(_ path: String, in directory: String) -> String {
        guard !path.hasPrefix("/") else { return path }
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }
}
