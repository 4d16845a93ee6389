extension IIODeviceDriver.Channel {
    /// The channels an `iio` model lists (none when it names a kernel driver).
    static func channels(of model: DeviceModel) -> [Self] {
        model.driverSettings.records("channels").compactMap { record in
            guard let type = record.string("channel").flatMap(IIOChannelType.init(rawValue:)) else { return nil }
            let index = record.int("index")
            let channel = IIOChannel(type: type, index: index, modifier: record.string("modifier"))
            return Self(channel: channel, field: record.string("field") ?? type.defaultField + (index.map(String.init) ?? ""))
        }
    }
}
