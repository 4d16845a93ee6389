/// Everything the chat command language knows about: the devices a person may address.
/// The gateway fills it from its registry (only the devices the sender may see).
public struct ChatVocabulary: Sendable, Hashable {
    public var devices: [ChatDevice]

    public init(devices: [ChatDevice]) {
        self.devices = devices
    }

    func device(named words: String) -> ChatDevice? {
        devices.first { $0.isNamed(words) }
    }

    /// The most words any device's name can be typed as: no longer run of words names one.
    var mostWordsInAName: Int {
        devices.map(\.mostWordsInAName).max() ?? 0
    }
}
