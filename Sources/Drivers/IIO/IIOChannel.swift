/// One input channel of an IIO device, as its sysfs attributes name it:
/// `in_temp_input`, `in_voltage0_raw`, `in_concentration_co2_raw`.
public struct IIOChannel: Sendable, Hashable, Comparable {
    public var type: IIOChannelType
    /// The channel number (`in_voltage0_…`); `nil` on devices with one channel of the type.
    public var index: Int?
    /// The modifier (`co2` in `in_concentration_co2_raw`, `object` in `in_temp_object_raw`).
    public var modifier: String?

    public init(type: IIOChannelType, index: Int? = nil, modifier: String? = nil) {
        self.type = type
        self.index = index
        self.modifier = modifier
    }

    /// The channel a `…_raw` or `…_input` attribute belongs to; `nil` for other attributes,
    /// output channels, differential pairs and types the gateway does not read.
    public init?(attributeName name: String) {
        guard name.hasPrefix("in_") else { return nil }
        var body = Substring(name.dropFirst(3))
        if body.hasSuffix("_raw") {
            body = body.dropLast(4)
        } else if body.hasSuffix("_input") {
            body = body.dropLast(6)
        } else {
            return nil
        }
        let parts = body.split(separator: "_", maxSplits: 1, omittingEmptySubsequences: false)
        let head = parts[0]
        let typeName = head.prefix { $0.isLetter }
        let digits = head.dropFirst(typeName.count)
        guard let type = IIOChannelType(rawValue: String(typeName)) else { return nil }
        guard digits.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        let index = Int(digits)
        guard digits.isEmpty || index != nil else { return nil }
        let modifier = parts.count == 2 ? String(parts[1]) : nil
        guard modifier.map({ !$0.isEmpty }) ?? true else { return nil }
        self.init(type: type, index: index, modifier: modifier)
    }

    /// The attribute name up to the `_raw`/`_input`/`_scale`/`_offset` suffix.
    public var attributePrefix: String {
        "in_" + type.rawValue + (index.map(String.init) ?? "") + (modifier.map { "_" + $0 } ?? "")
    }

    /// `<prefix>_input`: the value already scaled by the kernel.
    public var inputAttribute: String { attributePrefix + "_input" }
    /// `<prefix>_raw`: the unscaled value.
    public var rawAttribute: String { attributePrefix + "_raw" }

    /// Where the scale may be, most specific first: a device can share one `in_voltage_scale`
    /// among all its voltage channels.
    public var scaleAttributes: [String] { Self.candidates(attributePrefix, type: type, suffix: "_scale") }
    /// Where the offset may be, most specific first.
    public var offsetAttributes: [String] { Self.candidates(attributePrefix, type: type, suffix: "_offset") }

    public static func < (lhs: IIOChannel, rhs: IIOChannel) -> Bool {
        lhs.attributePrefix < rhs.attributePrefix
    }

    private static func candidates(_ prefix: String, type: IIOChannelType, suffix: String) -> [String] {
        let shared = "in_" + type.rawValue + suffix
        return prefix + suffix == shared ? [shared] : [prefix + suffix, shared]
    }
}
