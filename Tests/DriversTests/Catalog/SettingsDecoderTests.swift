import Testing
@testable import Drivers

struct SettingsDecoderTests {
    static let declarations: [SettingDeclaration] = [
        SettingDeclaration("name", .string, required: true, doc: ""),
        SettingDeclaration("count", .int, default: .int(3), range: 1...10, doc: ""),
        SettingDeclaration("gain", .double, range: -1...1, doc: ""),
        SettingDeclaration("enabled", .bool, default: .bool(false), doc: ""),
        SettingDeclaration("mode", .choice(["fast", "slow"]), doc: ""),
        SettingDeclaration("period", .duration, range: 1...3600, doc: ""),
        SettingDeclaration("pattern", .regex, doc: ""),
        SettingDeclaration("limits", .interval, doc: ""),
        SettingDeclaration("tags", .list(.string), doc: ""),
        SettingDeclaration("aliases", .map(.string), doc: ""),
        SettingDeclaration(
            "items", .list(.record([SettingDeclaration("id", .int, required: true, doc: "")])), doc: ""
        ),
    ]

    func decode(_ yaml: String) throws(CatalogErrors) -> SettingsRecord {
        try SettingsDecoder.decodeDocument(yaml: yaml, file: "t.yaml", declarations: Self.declarations)
    }

    @Test func decodesEveryTypeAndFillsDefaults() throws {
        let record = try decode("""
            name: probe
            gain: -0.5
            mode: slow
            period: 1.5min
            pattern: '(?<t>[0-9]+)'
            limits: [-40, 85]
            tags: [a, b]
            aliases: {t: temperature}
            items:
              - id: 0x10
            """)
        #expect(record.string("name") == "probe")
        #expect(record.int("count") == 3)
        #expect(!record.isWritten("count"))
        #expect(record.double("gain") == -0.5)
        #expect(record.bool("enabled") == false)
        #expect(record.string("mode") == "slow")
        #expect(record.duration("period") == .seconds(90))
        #expect(record.interval("limits") == -40...85)
        #expect(record.strings("tags") == ["a", "b"])
        #expect(record.record("aliases")?.string("t") == "temperature")
        #expect(record.records("items").first?.int("id") == 16)
        #expect(record.records("items").first?.path.description == "items[0]")
        #expect(record.location(of: "mode").line == 3)
    }

    @Test func reportsEveryErrorAtOnceWithLineAndPath() {
        let errors = catalogErrors {
            try decode("""
                count: 11
                gain: lots
                enabled: yes
                mode: fastest
                period: 30
                pattern: '(unclosed'
                limits: [5, 1]
                items:
                  - id: 1
                  - {}
                colour: red
                """)
        }
        let summary = errors.map { "\($0.location.line) \($0.path)" }
        #expect(summary == [
            "1 name", "1 count", "2 gain", "3 enabled", "4 mode", "5 period", "6 pattern", "7 limits", "10 items[1].id",
            "11 colour",
        ])
        #expect(errors.allSatisfy { $0.location.file == "t.yaml" })
        #expect(errors[1].description == "t.yaml:1:8: count: expected a whole number from 1 to 10, got \"11\"")
        #expect(errors[0].problem == .missingKey(expected: "a text"))
        #expect(errors[4].problem == .invalidValue(expected: "one of fast, slow", got: "\"fastest\" (did you mean \"fast\"?)"))
        #expect(errors[6].problem == .invalidValue(
            expected: "a regular expression", got: "\"(unclosed\" (missing closing parenthesis at offset 9)"))
    }

    @Test(arguments: [
        ("colour", nil), ("nme", "name"), ("Name", "name"), ("item", "items"), ("gian", "gain"), ("tag_s", "tags"),
    ] as [(String, String?)])
    func unknownKeysSuggestTheClosestDeclaredKey(key: String, suggestion: String?) {
        let errors = catalogErrors { try decode("name: x\n\(key): 1\n") }
        #expect(errors.map(\.problem) == [.unknownKey(suggestion: suggestion)])
        #expect(errors.first?.location.line == 2)
    }

    @Test func anEmptyValueMeansNotWritten() throws {
        let record = try decode("name: x\ncount:\n")
        #expect(record.int("count") == 3)
        let errors = catalogErrors { try decode("name:\n") }
        #expect(errors.map(\.problem) == [.invalidValue(expected: "a text", got: "nothing")])
    }

    @Test func booleansAreOnlyTrueAndFalse() {
        for word in ["yes", "on", "1"] {
            #expect(catalogErrors { try decode("name: x\nenabled: \(word)\n") }.count == 1)
        }
    }

    @Test func quotedScalarsKeepTheirText() throws {
        // The decoder reads text, not YAML 1.1's guesses, so `off` and `no` stay words.
        let record = try SettingsDecoder.decodeDocument(
            yaml: "state: off\ncountry: no\n", file: "t.yaml",
            declarations: [
                SettingDeclaration("state", .choice(["off", "on"]), doc: ""),
                SettingDeclaration("country", .string, doc: ""),
            ]
        )
        #expect(record.string("state") == "off")
        #expect(record.string("country") == "no")
    }

    @Test func yamlSyntaxErrorsNameTheLine() {
        let errors = catalogErrors { try decode("name: x\ncount: [1, 2\n") }
        #expect(errors.count == 1)
        guard case .syntax = errors.first?.problem else {
            Issue.record("not a syntax error: \(errors)")
            return
        }
        #expect((errors.first?.location.line ?? 0) >= 2)
    }

    @Test func duplicateKeysAreSyntaxErrors() {
        let errors = catalogErrors { try decode("name: x\nname: y\n") }
        guard case let .syntax(reason)? = errors.first?.problem else {
            Issue.record("not a syntax error: \(errors)")
            return
        }
        #expect(reason.contains("name"))
    }

    @Test func variantsTakeExactlyOneKnownKey() throws {
        let declarations = [SettingDeclaration("filters", .list(.variant(FieldFilterSpec.declarations)), doc: "")]
        let record = try SettingsDecoder.decodeDocument(
            yaml: "filters:\n  - median:\n  - throttle: 5s\n", file: "t.yaml", declarations: declarations
        )
        #expect(record.list("filters")?.count == 2)
        let errors = catalogErrors {
            try SettingsDecoder.decodeDocument(
                yaml: "filters:\n  - {median: {}, offset: 1}\n  - medain: {}\n  - 5\n", file: "t.yaml", declarations: declarations
            )
        }
        #expect(errors.map(\.path.description) == ["filters[0]", "filters[1].medain", "filters[2]"])
        #expect(errors[1].problem == .unknownKey(suggestion: "median"))
    }

    @Test func taggedMappingsFollowTheirTagsDeclarations() {
        let errors = catalogErrors {
            try DeviceModel(yaml: """
                name: x
                vendor: y
                bus: i2c
                fields: []
                driver:
                  kind: sht3x
                  variant: bme280
                """, file: "t.yaml")
        }
        #expect(errors.map(\.path.description) == ["driver.variant"])
        let unknownKind = catalogErrors {
            try DeviceModel(yaml: "name: x\nvendor: y\nbus: i2c\nfields: []\ndriver: {kind: sht31}\n", file: "t.yaml")
        }
        #expect(unknownKind.map(\.path.description) == ["driver.kind"])
        #expect(unknownKind.first?.description.contains("did you mean \"sht3x\"") == true)
    }
}
