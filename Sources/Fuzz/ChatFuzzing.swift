import XMPPIoT

/// A chat body to the hub and to one device, with a thermostat and a relay to talk about.
enum ChatFuzzing {
    static let parser = ChatCommandParser(vocabulary: ChatVocabulary(devices: [
        ChatDevice(
            id: "thermostat-living", name: "Thermostat living room", aliases: ["living"],
            fields: ["Temperature", "Heating"],
            parameters: [
                ControlParameter(name: "Setpoint", type: .double, unit: "°C", minimum: 5, maximum: 28),
                ControlParameter(name: "Mode", type: .string, choices: ["off", "heat", "auto"]),
                ControlParameter(name: "MinOnTime", type: .int, unit: "s", minimum: 60, maximum: 3600),
            ],
            primaryParameter: "Setpoint"),
        ChatDevice(id: "relay-1", name: "Garden pump",
                   parameters: [ControlParameter(name: "Output", type: .boolean)], primaryParameter: "Output"),
    ]))

    static func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        _ = try? parser.parse(text)
        _ = try? parser.parse(text, addressedTo: "thermostat-living")
    }
}
