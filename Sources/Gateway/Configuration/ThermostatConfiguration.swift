import Drivers

/// One thermostat (`thermostats:` entry), composed of configured devices: the field it reads
/// the temperature from, the writable boolean parameters that switch heating and cooling, and
/// its limits. It is itself a device with its own id (and JID resource).
public struct ThermostatConfiguration: Sendable, Hashable {
    /// What the outputs are driven to when the temperature input is stale or failed.
    public enum SafeState: String, Sendable, Hashable, CaseIterable {
        /// Every output off.
        case off
        /// Heating on, cooling off (frost protection where pipes may freeze).
        case heat
        /// Cooling on, heating off.
        case cool
    }

    public var id: String
    /// A numeric field of a configured device.
    public var sensor: DeviceMemberReference
    /// A writable boolean parameter of a configured device.
    public var heat: DeviceMemberReference
    public var cool: DeviceMemberReference?
    /// Setpoints a user may choose; others are refused.
    public var setpointRange: ClosedRange<Double>
    /// The setpoint before anyone sets one (and when no persisted one exists).
    public var defaultSetpoint: Double
    /// Heating switches on below setpoint − hysteresis and off at setpoint + hysteresis.
    public var hysteresis: Double
    public var minimumOnTime: Duration
    public var minimumOffTime: Duration
    /// An output on for this long is switched off regardless; `nil`: no limit.
    public var maximumRunTime: Duration?
    /// Named setpoints (`eco`, `comfort`), each within `setpointRange`.
    public var presets: [String: Double]
    public var safeState: SafeState
    public var source: SettingsRecord

    /// The thermostat's modes. A preset is chosen with the same word as a mode in chat
    /// (`living eco`, `living off`), so preset names must differ from these.
    public static let modes = ["off", "heat", "cool", "auto"]

    public static let defaultHysteresis = 0.5
    public static let defaultMinimumOnTime = Duration.seconds(120)
    public static let defaultMinimumOffTime = Duration.seconds(120)

    static let declarations: [SettingDeclaration] = [
        SettingDeclaration("id", .string, required: true, doc: "The thermostat's id: its JID resource and its name in chat commands."),
        SettingDeclaration("sensor", .string, required: true, doc: "The temperature input, <device>.<field>."),
        SettingDeclaration("heat", .string, required: true, doc: "The heating output, <device>.<parameter>: writable and boolean."),
        SettingDeclaration("cool", .string, doc: "The cooling output, <device>.<parameter>: writable and boolean."),
        SettingDeclaration("setpoint_range", .interval, required: true, doc: "[low, high]: the setpoints a user may choose."),
        SettingDeclaration("default_setpoint", .double, required: true, doc: "The setpoint until someone sets one."),
        SettingDeclaration(
            "hysteresis", .double, default: .double(defaultHysteresis), range: 0.01...10,
            doc: "Half the band around the setpoint in which the output does not switch."
        ),
        SettingDeclaration(
            "minimum_on_time", .duration, default: .duration(defaultMinimumOnTime), range: 0...86_400,
            doc: "An output switched on stays on at least this long."
        ),
        SettingDeclaration(
            "minimum_off_time", .duration, default: .duration(defaultMinimumOffTime), range: 0...86_400,
            doc: "An output switched off stays off at least this long."
        ),
        SettingDeclaration("maximum_run_time", .duration, range: 1...604_800, doc: "An output is switched off after running this long."),
        SettingDeclaration("presets", .map(.double), doc: "Named setpoints, such as eco: 17 and comfort: 21."),
        SettingDeclaration(
            "safe_state", .choice(SafeState.allCases.map(\.rawValue)), default: .string(SafeState.off.rawValue),
            doc: "Outputs when the temperature input is stale or failed."
        ),
    ]

    /// The thermostat a decoded entry describes; `nil` when a required key is missing or a
    /// reference is not `<device>.<name>` (reported). Checks against the devices come later.
    init?(record: SettingsRecord, errors: inout [CatalogError]) {
        func reference(_ key: String) -> DeviceMemberReference? {
            guard let text = record.string(key) else { return nil }
            guard let reference = DeviceMemberReference(text) else {
                errors.append(record.invalid(key, expected: DeviceMemberReference.expectation, got: "\"\(text)\""))
                return nil
            }
            return reference
        }
        let sensor = reference("sensor")
        let heat = reference("heat")
        let cool = reference("cool")
        guard let id = record.string("id"), let sensor, let heat, record.string("cool") == nil || cool != nil,
            let setpointRange = record.interval("setpoint_range"), let defaultSetpoint = record.double("default_setpoint")
        else { return nil }
        if !ResourceName.isValid(id) {
            errors.append(record.invalid("id", expected: ResourceName.expectation, got: "\"\(id)\""))
        }
        let rangeText = "from \(SettingsDecoder.format(setpointRange.lowerBound)) to \(SettingsDecoder.format(setpointRange.upperBound))"
        if !setpointRange.contains(defaultSetpoint) {
            errors.append(record.invalid(
                "default_setpoint", expected: "a setpoint within setpoint_range (\(rangeText))", got: SettingsDecoder.format(defaultSetpoint)
            ))
        }
        var presetValues: [String: Double] = [:]
        let presets = record.record("presets")
        for name in presets?.keys ?? [] {
            guard let presets, let value = presets.double(name) else { continue }
            if !Self.isPresetName(name) {
                let modes = Self.modes.joined(separator: ", ")
                errors.append(presets.invalid(
                    name, expected: "a preset name of lower-case letters, digits and _, starting with a letter, other than a mode (\(modes))",
                    got: "\"\(name)\""
                ))
            } else if !setpointRange.contains(value) {
                errors.append(presets.invalid(name, expected: "a setpoint within setpoint_range (\(rangeText))", got: SettingsDecoder.format(value)))
            }
            presetValues[name] = value
        }
        let safeState = record.string("safe_state").flatMap(SafeState.init(rawValue:)) ?? .off
        if safeState == .cool, cool == nil {
            errors.append(record.invalid("safe_state", expected: "off or heat (there is no cool output)", got: "cool"))
        }
        let minimumOnTime = record.duration("minimum_on_time") ?? Self.defaultMinimumOnTime
        let maximumRunTime = record.duration("maximum_run_time")
        if let maximumRunTime, maximumRunTime < minimumOnTime {
            errors.append(record.invalid(
                "maximum_run_time", expected: "at least minimum_on_time (\(minimumOnTime.settingText))", got: maximumRunTime.settingText
            ))
        }
        self.id = id
        self.sensor = sensor
        self.heat = heat
        self.cool = cool
        self.setpointRange = setpointRange
        self.defaultSetpoint = defaultSetpoint
        hysteresis = record.double("hysteresis") ?? Self.defaultHysteresis
        self.minimumOnTime = minimumOnTime
        minimumOffTime = record.duration("minimum_off_time") ?? Self.defaultMinimumOffTime
        self.maximumRunTime = maximumRunTime
        self.presets = presetValues
        self.safeState = safeState
        source = record
    }

    static func isPresetName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first), !modes.contains(name) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
