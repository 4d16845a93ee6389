import Testing
@testable import XMPPIoT

@Suite struct ChatCommandParserTests {
    let parser = ChatFixtures.parser

    @Test(arguments: [
        ("help", ChatCommand.help), ("HELP", .help), ("?", .help), ("list", .list), ("  List  ", .list),
        ("status", .status(deviceId: nil)), ("status living", .status(deviceId: "thermostat-living")),
        ("Status   Living Room", .status(deviceId: "thermostat-living")), ("living", .status(deviceId: "thermostat-living")),
        ("get hygro-2", .get(deviceId: "hygro-2", field: nil)),
        ("get living temperature", .get(deviceId: "thermostat-living", field: "Temperature")),
        ("living setpoint", .get(deviceId: "thermostat-living", field: "Setpoint")),
        ("status thermostat living", .status(deviceId: "thermostat-living")),
        ("get relay_1", .get(deviceId: "relay-1", field: nil)),
    ] as [(String, ChatCommand)])
    func readsQueries(text: String, expected: ChatCommand) throws {
        #expect(try parser.parse(text) == expected)
    }

    @Test(arguments: [
        ("set living setpoint 21.5", "Setpoint", ControlValue.double(21.5)),
        ("set living 21.5", "Setpoint", .double(21.5)),
        ("set living 21,5", "Setpoint", .double(21.5)),
        ("set living 21.5°C", "Setpoint", .double(21.5)),
        ("set living 21.5 °C", "Setpoint", .double(21.5)),
        ("set living 21.5 c", "Setpoint", .double(21.5)),
        ("set living 22 degrees", "Setpoint", .double(22)),
        ("living 19", "Setpoint", .double(19)),
        ("living off", "Mode", .string("off")),
        ("Living OFF", "Mode", .string("off")),
        ("living eco", "Preset", .string("eco")),
        ("set living eco", "Preset", .string("eco")),
        ("set living mode Cool", "Mode", .string("cool")),
        ("set   living   minontime   300s", "MinOnTime", .int(300)),
        ("set living room setpoint 20", "Setpoint", .double(20)),
        ("set relay-1 on", "Output", .boolean(true)),
        ("relay-1 off", "Output", .boolean(false)),
        ("set living setpoint to 20.5", "Setpoint", .double(20.5)),
        ("set living to 20", "Setpoint", .double(20)),
        ("living = 19.5", "Setpoint", .double(19.5)),
    ] as [(String, String, ControlValue)])
    func readsSettings(text: String, parameter: String, value: ControlValue) throws {
        guard case .set(_, let setting) = try parser.parse(text) else {
            Issue.record("'\(text)' is not a set")
            return
        }
        #expect(setting == ControlSetting(name: parameter, value: value))
    }

    @Test(arguments: [
        ("set living 35", "Setpoint must be between 5 and 28 °C."),
        ("living 2", "Setpoint must be between 5 and 28 °C."),
        ("set living 21.5 km", "'21.5 km' is not a number. Setpoint is between 5 and 28 °C."),
        ("set living mode turbo", "Mode must be one of off, heat, cool, auto."),
        ("set living minontime 90.5", "MinOnTime takes whole numbers."),
        ("set relay-1 maybe", "Output is on or off."),
        ("set kitchen 20", "There is no device 'kitchen'. Devices: thermostat-living, relay-1, hygro-2."),
        ("make coffee", "I don't know 'make'. \(ChatCommandParser.usage)"),
        ("", ChatCommandParser.usage),
        ("get living pressure", "thermostat-living has no field 'pressure'; it has Temperature, Heating, Setpoint, Mode, Preset, MinOnTime."),
        ("set hygro-2 50", "I don't know '50' on hygro-2; it has nothing to set."),
        ("set living", "Set what? thermostat-living has Setpoint, Mode, Preset, MinOnTime, off, heat, eco."),
        ("set living setpoint", "Set Setpoint to what? Setpoint is between 5 and 28 °C."),
        ("status living now", "Try: status thermostat-living"),
        ("set living " + String(repeating: "9x", count: 5000),
         "'9x9x9x9x9x9x9x9x9x9x9x9x9x9x9x9x9x9x9x9x…' is not a number. Setpoint is between 5 and 28 °C."),
    ] as [(String, String)])
    func explainsWhatIsAllowed(text: String, message: String) {
        #expect(throws: ChatCommandError(message)) { try parser.parse(text) }
    }

    @Test func onlyRunsOfWordsAsLongAsANameCanBeAreTriedAsDeviceNames() throws {
        // "Thermostat living room" is the longest name: three words.
        #expect(ChatFixtures.vocabulary.mostWordsInAName == 3)
        #expect(ChatVocabulary(devices: [ChatDevice(id: "a-b_c d", name: "x")]).mostWordsInAName == 4)
        #expect(ChatVocabulary(devices: []).mostWordsInAName == 0)
        // A pasted page after a name: the name is found, the rest is the value.
        let page = Array(repeating: "word", count: 10_000).joined(separator: " ")
        #expect(throws: ChatCommandError("Mode must be one of off, heat, cool, auto.")) {
            try parser.parse("thermostat living room mode " + page)
        }
        #expect(throws: ChatCommandError("I don't know 'word'. \(ChatCommandParser.usage)")) { try parser.parse(page) }
    }

    @Test func theAddressedDeviceIsMeantWhenTheTextNamesNone() throws {
        let living = "thermostat-living"
        #expect(try parser.parse("21.5", addressedTo: living) == .set(deviceId: living, setting: ControlSetting(name: "Setpoint", value: .double(21.5))))
        #expect(try parser.parse("off", addressedTo: living) == .set(deviceId: living, setting: ControlSetting(name: "Mode", value: .string("off"))))
        #expect(try parser.parse("set setpoint 20", addressedTo: living)
            == .set(deviceId: living, setting: ControlSetting(name: "Setpoint", value: .double(20))))
        #expect(try parser.parse("status", addressedTo: living) == .status(deviceId: living))
        #expect(try parser.parse("get", addressedTo: living) == .get(deviceId: living, field: nil))
        #expect(try parser.parse("temperature", addressedTo: living) == .get(deviceId: living, field: "Temperature"))
        #expect(try parser.parse("status relay-1", addressedTo: living) == .status(deviceId: "relay-1"))
        #expect(try parser.parse("relay-1 on", addressedTo: living)
            == .set(deviceId: "relay-1", setting: ControlSetting(name: "Output", value: .boolean(true))))
    }
}
