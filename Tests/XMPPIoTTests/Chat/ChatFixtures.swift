@testable import XMPPIoT

enum ChatFixtures {
    static let living = ChatDevice(
        id: "thermostat-living", name: "Thermostat living room", aliases: ["living", "living room"],
        fields: ["Temperature", "Heating"],
        parameters: [
            ControlParameter(name: "Setpoint", type: .double, unit: "°C", minimum: 5, maximum: 28, currentValue: .double(21.5)),
            ControlParameter(name: "Mode", type: .string, choices: ["off", "heat", "cool", "auto"], currentValue: .string("heat")),
            ControlParameter(name: "Preset", type: .string, choices: ["eco", "comfort"]),
            ControlParameter(name: "MinOnTime", type: .int, unit: "s", minimum: 60, maximum: 3600),
        ],
        primaryParameter: "Setpoint",
        shortcuts: [
            ChatShortcut(word: "off", parameter: "Mode", value: "off"),
            ChatShortcut(word: "heat", parameter: "Mode", value: "heat"),
            ChatShortcut(word: "eco", parameter: "Preset", value: "eco"),
        ])
    static let relay = ChatDevice(id: "relay-1", name: "Garden pump",
                                  parameters: [ControlParameter(name: "Output", type: .boolean)], primaryParameter: "Output")
    static let hygrometer = ChatDevice(id: "hygro-2", name: "Cellar hygrometer", fields: ["Humidity"])
    static let vocabulary = ChatVocabulary(devices: [living, relay, hygrometer])
    static let parser = ChatCommandParser(vocabulary: vocabulary)
}
