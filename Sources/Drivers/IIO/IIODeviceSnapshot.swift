/// The text of an IIO device's attribute files (`/sys/bus/iio/devices/iio:deviceN/*`),
/// keyed by file name, as the Hardware layer read them.
///
/// Turning text into values is kept apart from reading files so that it is tested on strings;
/// the directory read itself is tested on a real directory tree.
public struct IIODeviceSnapshot: Sendable, Hashable {
    public var attributes: [String: String]

    public init(attributes: [String: String]) {
        self.attributes = attributes
    }

    /// The `name` attribute: the chip or kernel driver name, such as `bme280` or `dht11`.
    public var name: String? {
        attributes["name"].map { String($0.trimmed) }
    }

    /// Every input channel with a `_raw` or `_input` attribute, in name order.
    public var channels: [IIOChannel] {
        Set(attributes.keys.compactMap(IIOChannel.init(attributeName:))).sorted()
    }

    /// The channel's value in the kernel's unit (see `IIOChannelType`): `_input` when the kernel
    /// provides it, else `(raw + offset) × scale` as the ABI defines it, with offset 0 and
    /// scale 1 when the attributes are absent.
    public func kernelValue(of channel: IIOChannel) throws(DriverError) -> Double {
        if let input = attributes[channel.inputAttribute] {
            return try Self.number(input, attribute: channel.inputAttribute)
        }
        guard let rawText = attributes[channel.rawAttribute] else {
            throw .missingAttribute(sensor: .iio, attribute: channel.inputAttribute)
        }
        let raw = try Self.number(rawText, attribute: channel.rawAttribute)
        let offset = try optionalNumber(channel.offsetAttributes) ?? 0
        let scale = try optionalNumber(channel.scaleAttributes) ?? 1
        let value = (raw + offset) * scale
        guard value.isFinite else {
            throw .malformed(sensor: .iio, reason: "\(channel.rawAttribute) scales to \(value)")
        }
        return value
    }

    /// The channel's value in the gateway's unit, refused outside `limit` when one is given.
    public func measurement(
        of channel: IIOChannel,
        field: String? = nil,
        limit: ClosedRange<Double>? = nil
    ) throws(DriverError) -> MeasuredValue {
        let field = field ?? channel.type.defaultField
        var value = try kernelValue(of: channel) * channel.type.kernelUnitFactor
        if let limit {
            value = try limit.admitting(value, field: field, sensor: .iio)
        }
        return MeasuredValue(field: field, value: value, unit: channel.type.unit)
    }

    private func optionalNumber(_ candidates: [String]) throws(DriverError) -> Double? {
        for attribute in candidates {
            if let text = attributes[attribute] {
                return try Self.number(text, attribute: attribute)
            }
        }
        return nil
    }

    private static func number(_ text: String, attribute: String) throws(DriverError) -> Double {
        let trimmed = text.trimmed
        guard let value = Double(decimalText: trimmed) else {
            throw .malformed(sensor: .iio, reason: "\(attribute) is \"\(trimmed)\", not a decimal number")
        }
        return value
    }
}
