import Testing
@testable import Gateway

struct ConfigurationChangesTests {
    static let before = configurationHeader + """
        devices:
          - id: climate
            model: bme280
            bus: 1
            fields:
              temperature: {calibration: [{offset: -0.5}]}
          - id: relay
            model: gpio-relay
            simulate: true
          - id: button
            model: gpio-button
            simulate: true
        thermostats:
          - id: heating
            sensor: climate.temperature
            heat: relay.state
            setpoint_range: [5, 28]
            default_setpoint: 20
        """

    @Test func onlyWhatChangedIsReported() throws {
        let old = try #require(loadConfiguration(Self.before))
        // Comments and a new order move every line, but change nothing by themselves.
        let new = try #require(loadConfiguration("""
            # Reordered, with a comment.
            account:
              jid: gateway@example.org
              password: hunter2
            access:
              owner: alice@example.org
              controllers: [bob@example.org]
              readers: [dashboard@example.org]
            devices:
              - id: relay
                model: gpio-relay
                simulate: true
                interval: 1min
              - id: co2
                model: mh-z19b
                simulate: true
              # The same as before, written differently.
              - {id: climate, model: bme280, bus: "1", fields: {temperature: {calibration: [{offset: -0.5}]}}}
            thermostats:
              - id: heating
                sensor: climate.temperature
                heat: relay.state
                setpoint_range: [5, 28]
                default_setpoint: 21
            """))
        let changes = ConfigurationChanges(from: old, to: new)
        #expect(changes.addedDevices == ["co2"])
        #expect(changes.removedDevices == ["button"])
        #expect(changes.changedDevices == ["relay"])
        #expect(changes.changedThermostats == ["heating"])
        #expect(changes.addedThermostats.isEmpty && changes.removedThermostats.isEmpty)
        #expect(!changes.accountChanged)
        #expect(changes.accessChanged)
        #expect(!changes.publishingChanged)
        #expect(!changes.loggingChanged)
        #expect(!changes.isEmpty)
    }

    @Test func theSameFileChangesNothing() throws {
        let old = try #require(loadConfiguration(Self.before))
        let new = try #require(loadConfiguration("# edited\n\n" + Self.before))
        #expect(ConfigurationChanges(from: old, to: new).isEmpty)
    }

    @Test func accountAndCalibrationChanges() throws {
        let old = try #require(loadConfiguration(Self.before))
        let edited = Self.before
            .replacingOccurrences(of: "password: hunter2", with: "password_file: password")
            .replacingOccurrences(of: "offset: -0.5", with: "offset: -0.4")
        let new = try #require(loadConfiguration(edited + "\nlogging: {level: debug}\npublishing: {defaults: {throttle: 1s}}"))
        let changes = ConfigurationChanges(from: old, to: new)
        #expect(changes.accountChanged)
        #expect(changes.changedDevices == ["climate"])
        #expect(changes.loggingChanged)
        #expect(changes.publishingChanged)
        #expect(!changes.accessChanged)
        #expect(changes.changedThermostats.isEmpty)
    }
}
