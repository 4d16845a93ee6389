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

    /// The most words any device's id, name or alias can be typed as: one more than its
    /// spaces, `-` and `_`. No longer run of words can name a device.
    var mostWordsInAName: Int {
        var most = 0
        for device in devices {
            for name in [device.id, device.name] + device.aliases {
                let separators = name.filter { $0 == " " || $0 == "-" || $0 == "_" }.count
                most = Swift.max(most, separators + 1)
            }
        }
        return most
    }
}
