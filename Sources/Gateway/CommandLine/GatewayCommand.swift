/// What the command line asks the gateway to do, with its options.
public enum GatewayCommand: Equatable, Sendable {
    case run(ConfigurationOptions)
    case checkConfig(ConfigurationOptions)
    case discover(probe: Bool)
    case read(device: String, ConfigurationOptions)
    case demo(ConfigurationOptions)
    case version
    /// Print the help of a subcommand, or the overview of them all for nil.
    case help(Subcommand?)
}

/// Where the configuration and the device catalog are: the options every command that loads
/// a configuration shares.
public struct ConfigurationOptions: Equatable, Sendable {
    public static let defaultConfig = "/etc/xmpp-iot-gateway/gateway.yaml"

    public var config: String
    /// The catalog directory given on the command line; nil leaves the choice to the caller.
    public var catalog: String?

    public init(config: String = ConfigurationOptions.defaultConfig, catalog: String? = nil) {
        self.config = config
        self.catalog = catalog
    }
}
