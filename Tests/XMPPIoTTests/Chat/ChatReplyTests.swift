import Testing
@testable import XMPPIoT

@Suite struct ChatReplyTests {
    let stamp = date("2025-03-01T10:15:00Z")

    @Test func statusLineWithUnits() {
        let fields = [
            SensorField(name: "Temperature", value: .numeric(NumericValue(21.4, decimals: 2, unit: "°C")), timestamp: stamp),
            SensorField(name: "Heating", value: .boolean(true), timestamp: stamp),
            SensorField(name: "Humidity", value: .numeric(NumericValue(0, unit: "%")), timestamp: stamp, quality: .missing),
        ]
        #expect(ChatReply.status(deviceName: "Thermostat living room", fields: fields)
            == "Thermostat living room: Temperature 21.40 °C · Heating on")
        #expect(ChatReply.status(deviceName: "Pump", fields: []) == "Pump: no readings.")
        #expect(ChatReply.field(fields[0]) == "Temperature: 21.40 °C")
        var stale = fields[0]
        stale.quality = .stale
        #expect(ChatReply.field(stale) == "Temperature: 21.40 °C (stale)")
    }

    @Test func confirmsSettingsWithUnits() {
        let setpoint = ChatFixtures.living.parameters[0]
        #expect(ChatReply.applied(deviceName: "Thermostat living room", setting: ControlSetting(name: "Setpoint", value: .double(22)),
                                  parameter: setpoint) == "Thermostat living room: Setpoint set to 22 °C.")
        let output = ChatFixtures.relay.parameters[0]
        #expect(ChatReply.applied(deviceName: "Garden pump", setting: ControlSetting(name: "Output", value: .boolean(false)),
                                  parameter: output) == "Garden pump: Output set to off.")
        let mode = ChatFixtures.living.parameters[1]
        #expect(ChatReply.applied(deviceName: "T", setting: ControlSetting(name: "Mode", value: .string("eco")), parameter: mode)
            == "T: Mode set to eco.")
    }

    @Test func listsDevicesAndExplainsCommands() {
        #expect(ChatReply.list(ChatFixtures.vocabulary) == """
            thermostat-living — Thermostat living room
            relay-1 — Garden pump
            hygro-2 — Cellar hygrometer
            """)
        #expect(ChatReply.list(ChatVocabulary(devices: [])) == "No devices.")
        let help = ChatReply.help(ChatFixtures.vocabulary)
        #expect(help.contains("set <device> <parameter> <value>"))
        #expect(help.contains("\"thermostat-living 21.5\" sets Setpoint, \"thermostat-living off\" too."))
    }
}
