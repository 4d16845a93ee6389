import Testing
@testable import Gateway

struct ThermostatConfigurationTests {
    static let devices = configurationHeader + """
        devices:
          - id: probe
            model: ds18b20
            simulate: true
          - id: relay
            model: gpio-relay
            simulate: true
          - id: button
            model: gpio-button
            simulate: true
          - id: meter
            model: sdm120-modbus
            simulate: true
          - id: locked
            model: read-only-relay
            simulate: true
          - id: fan
            model: gpio-relay
            simulate: true

        """

    @Test func defaultsAndCoolingOutput() throws {
        let configuration = try #require(loadConfiguration(Self.devices + """
            thermostats:
              - id: living
                sensor: probe.temperature
                heat: relay.state
                cool: fan.state
                setpoint_range: [16, 26]
                default_setpoint: 21
                safe_state: heat
            """))
        let thermostat = try #require(configuration.thermostat(id: "living"))
        #expect(thermostat.cool == DeviceMemberReference(device: "fan", name: "state"))
        #expect(thermostat.hysteresis == 0.5)
        #expect(thermostat.minimumOnTime == .seconds(120))
        #expect(thermostat.minimumOffTime == .seconds(120))
        #expect(thermostat.maximumRunTime == nil)
        #expect(thermostat.presets.isEmpty)
        #expect(thermostat.safeState == .heat)
    }

    /// Every reference is checked against the devices and their models.
    @Test func referencesAndLimitsAreChecked() {
        #expect(configurationErrors(Self.devices + """
            thermostats:
              - id: heating
                sensor: prob.temperature
                heat: relay.stat
                cool: meter.demand_period
                setpoint_range: [5, 28]
                default_setpoint: 30
                presets: {eco: 4, comfort: 21}
              - id: cooling
                sensor: button.state
                heat: locked.state
                setpoint_range: [5, 28]
                default_setpoint: 20
                safe_state: cool
                minimum_on_time: 10min
                maximum_run_time: 5min
              - id: relay
                sensor: probe.temperature
                heat: relay.state
                setpoint_range: [5, 28]
                default_setpoint: 20
              - id: second
                sensor: probe.temperature
                heat: relay.state
                setpoint_range: [5, 28]
                default_setpoint: 20
              - id: third
                sensor: probe
                heat: fan.state
                setpoint_range: [5, 28]
                default_setpoint: 20
            """) == [
            #"gateway.yaml:28:13: thermostats[0].sensor: expected the id of a configured device, got "prob" (did you mean "probe"?)"#,
            #"gateway.yaml:29:11: thermostats[0].heat: expected a parameter of relay (model gpio-relay: state), got "stat" (did you mean "state"?)"#,
            "gateway.yaml:30:11: thermostats[0].cool: expected a boolean parameter (on/off), got meter.demand_period, a numeric parameter",
            "gateway.yaml:32:23: thermostats[0].default_setpoint: expected a setpoint within setpoint_range (from 5 to 28), got 30",
            "gateway.yaml:33:20: thermostats[0].presets.eco: expected a setpoint within setpoint_range (from 5 to 28), got 4",
            "gateway.yaml:35:13: thermostats[1].sensor: expected a numeric field, got button.state, a boolean field",
            "gateway.yaml:36:11: thermostats[1].heat: expected a writable parameter, got locked.state, which is read-only",
            "gateway.yaml:39:17: thermostats[1].safe_state: expected off or heat (there is no cool output), got cool",
            "gateway.yaml:41:23: thermostats[1].maximum_run_time: expected at least minimum_on_time (10min), got 5min",
            #"gateway.yaml:42:9: thermostats[2].id: expected an id not used before (line 11), got "relay""#,
            "gateway.yaml:49:11: thermostats[3].heat: expected an output no other thermostat drives, got relay.state, driven by relay too",
            #"gateway.yaml:53:13: thermostats[4].sensor: expected <device id>.<name>, such as living-relay.state, got "probe""#,
        ])
    }

    @Test func presetNamesAreWordsOtherThanModes() {
        #expect(configurationErrors(Self.devices + """
            thermostats:
              - id: heating
                sensor: probe.temperature
                heat: relay.state
                setpoint_range: [5, 28]
                default_setpoint: 20
                presets: {"off": 5, Night Time: 16, night_2: 17}
            """) == [
            #"gateway.yaml:32:22: thermostats[0].presets.off: expected a preset name of lower-case letters, digits and _, starting with a letter, other than a mode (off, heat, cool, auto), got "off""#,
            #"gateway.yaml:32:37: thermostats[0].presets.Night Time: expected a preset name of lower-case letters, digits and _, starting with a letter, other than a mode (off, heat, cool, auto), got "Night Time""#,
        ])
    }

    /// A thermostat naming a device whose entry was refused gets no second error about it.
    @Test func aRefusedDeviceIsReportedOnce() {
        #expect(configurationErrors(configurationHeader + """
            devices:
              - id: probe
                model: ds18b2O
                simulate: true
            thermostats:
              - id: heating
                sensor: probe.temperature
                heat: probe.state
                setpoint_range: [5, 28]
                default_setpoint: 20
            """) == [
            #"gateway.yaml:9:12: devices[0].model: expected a model of the device catalog, got "ds18b2O" (did you mean "ds18b20"?)"#,
        ])
    }

    /// A section that cannot be built (a bad owner) does not hide the errors of the others.
    @Test func referencesAreCheckedWhenAccessIsBroken() {
        #expect(configurationErrors("""
            account: {jid: gateway@example.org, password: x}
            access: {owner: "alice@", device_controllers: {heatng: [bob@example.org]}}
            devices:
              - {id: relay, model: gpio-relay, simulate: true}
            thermostats:
              - {id: heating, sensor: relay.temperature, heat: relay.state, setpoint_range: [5, 28], default_setpoint: 20}
            """) == [
            #"gateway.yaml:2:17: access.owner: expected a bare JID such as name@example.org, got "alice@" (the domainpart of a JID cannot be empty)"#,
            #"gateway.yaml:2:56: access.device_controllers.heatng: expected the id of a configured device, got "heatng" (did you mean "heating"?)"#,
            #"gateway.yaml:6:27: thermostats[0].sensor: expected a field of relay (model gpio-relay: state), got "temperature""#,
        ])
    }

    @Test func perDeviceControllersNameConfiguredDevices() throws {
        #expect(configurationErrors("""
            account:
              jid: gateway@example.org
              password: hunter2
            access:
              owner: alice@example.org
              device_controllers:
                heatng: [carol@example.org]
                relay: [dave@example.org]
            devices:
              - id: relay
                model: gpio-relay
                simulate: true
            """) == [#"gateway.yaml:7:13: access.device_controllers.heatng: expected the id of a configured device, got "heatng""#])
    }

    @Test func referencesSplitAtTheFirstDot() {
        #expect(DeviceMemberReference("living-relay.state") == DeviceMemberReference(device: "living-relay", name: "state"))
        #expect(DeviceMemberReference("a.b.c") == DeviceMemberReference(device: "a", name: "b.c"))
        #expect(DeviceMemberReference(".state") == nil)
        #expect(DeviceMemberReference("relay.") == nil)
        #expect(DeviceMemberReference("relay") == nil)
        #expect(DeviceMemberReference(device: "relay", name: "state").description == "relay.state")
    }

    @Test func resourceNames() {
        #expect(ResourceName.isValid("living-room_2"))
        #expect(!ResourceName.isValid("2nd-floor"))
        #expect(!ResourceName.isValid("Living"))
        #expect(!ResourceName.isValid("hall.climate"))
        #expect(!ResourceName.isValid(""))
        #expect(ResourceName.isValid(String(repeating: "a", count: 64)))
        #expect(!ResourceName.isValid(String(repeating: "a", count: 65)))
    }
}
