import Testing
@testable import Drivers

struct FieldProcessorTests {
    @Test func nonFiniteValuesAreRefusedAndCounted() {
        var processor = FieldProcessing().makeProcessor()
        #expect(processor.accept(.nan, at: instant(0)) == .refused(.notFinite))
        #expect(processor.accept(.infinity, at: instant(0)) == .refused(.notFinite))
        #expect(processor.refusedCount == 2)
        #expect(processor.freshness(at: instant(0)) == .missing)
    }

    @Test func valuesOutsideTheValidRangeAreRefusedBeforeCalibration() {
        var processor = FieldProcessing(validRange: 0...100, filters: [.offset(200)]).makeProcessor()
        #expect(processor.accept(101, at: instant(0)) == .refused(.outOfRange(value: 101, limit: 0...100)))
        #expect(processor.accept(100, at: instant(1)) == .published(sample(300, at: 1)))
    }

    @Test func timeMayStandStillButNotGoBack() {
        var processor = FieldProcessing().makeProcessor()
        #expect(processor.accept(1, at: instant(5)) == .published(sample(1, at: 5)))
        #expect(processor.accept(2, at: instant(5)) == .published(sample(2, at: 5)))
        #expect(processor.accept(3, at: instant(4)) == .refused(.outOfOrder))
    }

    @Test func heldValuesStillCountAsFresh() {
        var processor = FieldProcessing(filters: [.delta(absolute: 1, percent: nil)], expireAfter: .seconds(60)).makeProcessor()
        #expect(processor.accept(20, at: instant(0)) == .published(sample(20, at: 0)))
        #expect(processor.accept(20.1, at: instant(50)) == .held)
        // The delta held 20.1 back, but the sensor is alive: 20 is current at 100 s.
        #expect(processor.freshness(at: instant(100)) == .current(sample(20, at: 0)))
        #expect(processor.freshness(at: instant(110)) == .current(sample(20, at: 0)))
        #expect(processor.freshness(at: instant(110.001)) == .stale(sample(20, at: 0), age: .milliseconds(60_001)))
    }

    @Test func refusedValuesDoNotKeepAFieldFresh() {
        var processor = FieldProcessing(validRange: -55...125, expireAfter: .seconds(60)).makeProcessor()
        _ = processor.accept(21, at: instant(0))
        _ = processor.accept(.nan, at: instant(59))
        _ = processor.accept(1000, at: instant(60))
        #expect(processor.freshness(at: instant(61)) == .stale(sample(21, at: 0), age: .seconds(61)))
    }

    @Test func withoutExpireAfterAValueNeverTurnsStale() {
        var processor = FieldProcessing().makeProcessor()
        _ = processor.accept(1, at: instant(0))
        #expect(processor.freshness(at: instant(1_000_000)) == .current(sample(1, at: 0)))
    }

    @Test func heartbeatTicksUpdateTheLastPublished() {
        var processor = FieldProcessing(filters: [.heartbeat(.seconds(30))]).makeProcessor()
        _ = processor.accept(7, at: instant(0))
        #expect(processor.nextDeadline == instant(30))
        #expect(processor.tick(at: instant(30)) == [sample(7, at: 0)])
        #expect(processor.lastPublished == sample(7, at: 0))
    }

    /// The filter list of a field, from YAML, as the model file and the gateway configuration write it.
    @Test func filterChainFromYAML() throws {
        let yaml = """
            name: t
            expire_after: 5min
            range: [-40, 85]
            filters:
              - offset: -0.5
              - calibrate_linear:
                  points:
                    - {measured: 0, actual: 0}
                    - {measured: 100, actual: 98}
              - sliding_average: {window: 4, send_every: 2}
              - median:
              - delta: {percent: 5}
              - throttle: 30s
              - heartbeat: 10min
            """
        let record = try SettingsDecoder.decodeDocument(yaml: yaml, file: "t.yaml", declarations: DeviceField.declarations)
        var errors: [CatalogError] = []
        let processing = FieldProcessing(record: record, validRange: record.interval("range"), errors: &errors)
        #expect(errors.isEmpty)
        #expect(processing.expireAfter == .seconds(300))
        #expect(processing.validRange == -40...85)
        #expect(processing.filters == [
            .offset(-0.5), .calibrateLinear(LinearCalibration(slope: 0.98, intercept: 0)),
            .slidingAverage(window: 4, sendEvery: 2), .median(window: 5, sendEvery: 1),
            .delta(absolute: nil, percent: 5), .throttle(.seconds(30)), .heartbeat(.seconds(600)),
        ])
    }

    @Test func filterSettingsThatMakeNoFilterAreErrors() throws {
        let yaml = """
            name: t
            filters:
              - calibrate_linear: {points: [{measured: 1, actual: 2}]}
              - delta: {}
              - throttle: 0s
              - sliding_average: {window: 0}
            """
        let errors = catalogErrors {
            let record = try SettingsDecoder.decodeDocument(yaml: yaml, file: "t.yaml", declarations: DeviceField.declarations)
            var errors: [CatalogError] = []
            _ = FieldProcessing(record: record, validRange: nil, errors: &errors)
            if !errors.isEmpty { throw CatalogErrors(errors) }
        }
        // The decoder stops at the out-of-range throttle and window; the rest need the built filters.
        #expect(errors.map(\.path.description) == ["filters[2].throttle", "filters[3].sliding_average.window"])
        let semantic = catalogErrors {
            let record = try SettingsDecoder.decodeDocument(
                yaml: "name: t\nfilters:\n  - calibrate_linear: {points: [{measured: 1, actual: 2}]}\n  - delta: {}\n",
                file: "t.yaml", declarations: DeviceField.declarations
            )
            var errors: [CatalogError] = []
            _ = FieldProcessing(record: record, validRange: nil, errors: &errors)
            if !errors.isEmpty { throw CatalogErrors(errors) }
        }
        #expect(semantic.map(\.path.description) == ["filters[0].calibrate_linear.points", "filters[1].delta"])
    }
}
