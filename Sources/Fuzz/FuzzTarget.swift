/// What a fuzzing run feeds its input to: each is a place where the gateway takes bytes it
/// does not control. A target must never trap, whatever the bytes; errors are expected.
enum FuzzTarget: String, CaseIterable {
    /// The XML stream from the server, and every stanza parser behind it.
    case stanza
    /// Serial bytes through the framers and frame decoders of the serial sensors.
    case serial
    /// A gateway configuration and a device model, as YAML.
    case configuration
    /// A chat message body, as the chat command parser reads it.
    case chat

    nonisolated(unsafe) static var selected = FuzzTarget.stanza

    static var names: String {
        allCases.map(\.rawValue).joined(separator: ", ")
    }

    func run(_ bytes: [UInt8]) {
        switch self {
        case .stanza: StanzaFuzzing.run(bytes)
        case .serial: SerialFuzzing.run(bytes)
        case .configuration: ConfigurationFuzzing.run(bytes)
        case .chat: ChatFuzzing.run(bytes)
        }
    }
}
