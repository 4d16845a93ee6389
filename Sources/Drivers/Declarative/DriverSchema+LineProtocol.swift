extension DriverSchema {
    /// A sensor that prints text lines: a regular expression with named captures per line.
    static let lineProtocol = DriverSchema(
        buses: [.serial],
        settings: [
            SettingDeclaration(
                "pattern", .regex, required: true,
                doc: "A regular expression the whole line must match; each named group (?<name>…) fills a field."
            ),
            SettingDeclaration(
                "captures", .map(.string),
                doc: "Capture group name → field name, for groups not named like their field."
            ),
            SettingDeclaration(
                "max_line_length", .int, default: .int(256), range: 16...4096,
                doc: "Longer lines are discarded and counted."
            ),
        ],
        summary: "Text lines on a serial port, matched by a pattern whose named captures become fields.",
        check: { model in
            var errors: [CatalogError] = []
            _ = LineProtocolConfiguration(model: model, errors: &errors)
            return errors + parameterErrors(model, accepted: [])
        }
    )
}
