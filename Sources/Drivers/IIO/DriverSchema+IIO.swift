extension DriverSchema {
    /// Any kernel Industrial I/O device: a known kernel driver's channels, or a channel list.
    static let iio = DriverSchema(
        buses: [.iio],
        settings: [
            SettingDeclaration(
                "kernel_driver", .choice(IIOKernelDriver.allCases.map(\.rawValue)),
                doc: "A kernel driver whose channels and limits the gateway knows (dht11 serves DHT11 and DHT22)."
            ),
            SettingDeclaration("device_name", .string, doc: "The IIO device's name attribute to look for."),
            SettingDeclaration(
                "channels",
                .list(.record([
                    SettingDeclaration(
                        "channel", .choice(IIOChannelType.allCases.map(\.rawValue)), required: true,
                        doc: "The channel type, as in in_<type>_raw."
                    ),
                    SettingDeclaration("index", .int, range: 0...255, doc: "The channel number, as in in_voltage0_raw."),
                    SettingDeclaration("modifier", .string, doc: "The modifier, as co2 in in_concentration_co2_raw."),
                    SettingDeclaration("field", .string, doc: "The field to publish it as; by default the type's name and index."),
                ])),
                doc: "The channels to read, for devices without a known kernel driver."
            ),
        ],
        summary: "A kernel IIO device in sysfs: a known kernel driver's channels, or the listed ones.",
        check: { model in
            let settings = model.driverSettings
            let kernelDriver = settings.string("kernel_driver").flatMap(IIOKernelDriver.init(rawValue:))
            let channels = settings.records("channels")
            switch (kernelDriver, settings.isWritten("channels")) {
            case let (kernelDriver?, false):
                let deviceName = settings.string("device_name") ?? kernelDriver.rawValue
                let outputs = kernelDriver.channels(deviceName: deviceName).map {
                    DriverOutput($0.channel.type.defaultField, unit: $0.channel.type.unit)
                }
                return fieldErrors(model, outputs: outputs) + parameterErrors(model, accepted: [])
            case (nil, true):
                let outputs = channels.compactMap { channel -> DriverOutput? in
                    guard let type = channel.string("channel").flatMap(IIOChannelType.init(rawValue:)) else { return nil }
                    let field = channel.string("field") ?? type.defaultField + (channel.int("index").map(String.init) ?? "")
                    return DriverOutput(field, unit: type.unit)
                }
                return fieldErrors(model, outputs: outputs) + parameterErrors(model, accepted: [])
            case (_?, true):
                return [settings.invalid("channels", expected: "either kernel_driver or channels", got: "both")]
            case (nil, false):
                return [.invalid(at: settings.location, settings.path, expected: "kernel_driver or channels", got: "neither")]
            }
        }
    )
}
