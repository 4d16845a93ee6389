import Drivers

/// The checks across sections: ids unique, thermostat inputs and outputs that exist and fit,
/// per-device access naming devices that exist. They run on whatever sections decoded, even
/// when another section (a bad owner JID) keeps the configuration from being built.
struct ConfigurationReferences {
    var devices: [DeviceConfiguration]
    var thermostats: [ThermostatConfiguration]
    /// The `access.device_controllers` mapping, if written.
    var deviceControllers: SettingsRecord?
    /// Every device id written, including entries refused (an unknown model): references to
    /// those are not reported again.
    var writtenDeviceIDs: Set<String>

    func device(id: String) -> DeviceConfiguration? {
        devices.first { $0.id == id }
    }

    func errors() -> [CatalogError] {
        var errors: [CatalogError] = []
        var firstLines: [String: Int] = [:]
        let entries = devices.map { ($0.id, $0.source) } + thermostats.map { ($0.id, $0.source) }
        for (id, source) in entries {
            if let line = firstLines[id] {
                errors.append(source.invalid("id", expected: "an id not used before (line \(line))", got: "\"\(id)\""))
            } else {
                firstLines[id] = source.location(of: "id").line
            }
        }
        var outputUsers: [DeviceMemberReference: String] = [:]
        for thermostat in thermostats {
            errors += sensorErrors(thermostat, writtenDeviceIDs: writtenDeviceIDs)
            for (key, output) in [("heat", thermostat.heat), ("cool", thermostat.cool)] {
                guard let output else { continue }
                errors += outputErrors(thermostat, key: key, output: output, writtenDeviceIDs: writtenDeviceIDs)
                if let user = outputUsers[output] {
                    errors.append(thermostat.source.invalid(
                        key, expected: "an output no other thermostat drives", got: "\(output), driven by \(user) too"
                    ))
                } else {
                    outputUsers[output] = thermostat.id + (key == "cool" ? " (cool)" : "")
                }
            }
        }
        if let source = deviceControllers {
            for device in source.keys where firstLines[device] == nil && !writtenDeviceIDs.contains(device) {
                errors.append(unknownDevice(device, in: source, key: device))
            }
        }
        return errors
    }

    private func sensorErrors(_ thermostat: ThermostatConfiguration, writtenDeviceIDs: Set<String>) -> [CatalogError] {
        let source = thermostat.source
        guard let device = device(id: thermostat.sensor.device) else {
            return writtenDeviceIDs.contains(thermostat.sensor.device)
                ? [] : [unknownDevice(thermostat.sensor.device, in: source, key: "sensor")]
        }
        let model = device.model
        guard let field = model.field(named: thermostat.sensor.name) else {
            let names = model.fields.map(\.name)
            let hint = thermostat.sensor.name.closestMatch(in: names).map { " (did you mean \"\($0)\"?)" } ?? ""
            return [source.invalid(
                "sensor", expected: "a field of \(device.id) (model \(model.id): \(names.joined(separator: ", ")))",
                got: "\"\(thermostat.sensor.name)\"" + hint
            )]
        }
        guard field.type.isNumber else {
            return [source.invalid("sensor", expected: "a numeric field", got: "\(thermostat.sensor), a \(field.type.rawValue) field")]
        }
        return []
    }

    private func outputErrors(
        _ thermostat: ThermostatConfiguration, key: String, output: DeviceMemberReference, writtenDeviceIDs: Set<String>
    ) -> [CatalogError] {
        let source = thermostat.source
        guard let device = device(id: output.device) else {
            return writtenDeviceIDs.contains(output.device) ? [] : [unknownDevice(output.device, in: source, key: key)]
        }
        let model = device.model
        guard let parameter = model.parameter(named: output.name) else {
            let names = model.parameters.map(\.name)
            let hint = output.name.closestMatch(in: names).map { " (did you mean \"\($0)\"?)" } ?? ""
            let list = names.isEmpty ? "none" : names.joined(separator: ", ")
            return [source.invalid(
                key, expected: "a parameter of \(device.id) (model \(model.id): \(list))", got: "\"\(output.name)\"" + hint
            )]
        }
        guard parameter.isWritable else {
            return [source.invalid(key, expected: "a writable parameter", got: "\(output), which is read-only")]
        }
        guard parameter.type == .boolean else {
            return [source.invalid(key, expected: "a boolean parameter (on/off)", got: "\(output), a \(parameter.type.rawValue) parameter")]
        }
        return []
    }

    private func unknownDevice(_ id: String, in source: SettingsRecord, key: String) -> CatalogError {
        let known = devices.map(\.id) + thermostats.map(\.id)
        let hint = id.closestMatch(in: known).map { " (did you mean \"\($0)\"?)" } ?? ""
        return source.invalid(key, expected: "the id of a configured device", got: "\"\(id)\"" + hint)
    }
}
