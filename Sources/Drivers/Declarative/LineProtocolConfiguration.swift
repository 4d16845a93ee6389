/// What a `line_protocol` model configures: the pattern each line must match, and which named
/// capture group fills which field.
public struct LineProtocolConfiguration: Sendable, Hashable {
    /// What the whole line (without CR LF) must match.
    public var pattern: LinePattern
    public var captures: [LineCapture]
    public var maximumLineLength: Int

    public init(pattern: LinePattern, captures: [LineCapture], maximumLineLength: Int = 256) {
        self.pattern = pattern
        self.captures = captures
        self.maximumLineLength = maximumLineLength
    }

    /// The configuration of a model whose driver is `line_protocol`. Every field must be fed by
    /// a capture: one named like the field, or one that `captures` maps to it. Problems are
    /// appended to `errors`; `nil` when there is no usable pattern.
    init?(model: DeviceModel, errors: inout [CatalogError]) {
        let settings = model.driverSettings
        guard let source = settings.string("pattern"), let pattern = try? LinePattern(source) else { return nil }
        var captures: [LineCapture] = []
        let mapping = settings.record("captures")
        for captureName in mapping?.keys ?? [] {
            guard let mapping, let fieldName = mapping.string(captureName) else { continue }
            guard pattern.hasGroup(named: captureName) else {
                errors.append(mapping.invalid(
                    captureName, expected: "a named capture group (?<\(captureName)>…) in pattern", got: "no such group"
                ))
                continue
            }
            guard let field = model.field(named: fieldName) else {
                errors.append(mapping.invalid(
                    captureName, expected: "one of the model's fields (\(model.fields.map(\.name).joined(separator: ", ")))",
                    got: "\"\(fieldName)\""
                ))
                continue
            }
            guard !captures.contains(where: { $0.field == field.name }) else {
                errors.append(mapping.invalid(captureName, expected: "a field no other capture fills", got: "\"\(fieldName)\""))
                continue
            }
            captures.append(LineCapture(captureName: captureName, field: field.name, type: field.type, choices: field.choices))
        }
        let mappedCaptures = Set(mapping?.keys ?? [])
        for field in model.fields where !captures.contains(where: { $0.field == field.name }) {
            guard pattern.hasGroup(named: field.name), !mappedCaptures.contains(field.name) else {
                errors.append(field.source.invalid(
                    "name",
                    expected: "a named capture group (?<\(field.name)>…) in driver.pattern, or an entry for it in driver.captures",
                    got: "\"\(field.name)\" with neither"
                ))
                continue
            }
            captures.append(LineCapture(captureName: field.name, field: field.name, type: field.type, choices: field.choices))
        }
        self.init(pattern: pattern, captures: captures, maximumLineLength: settings.int("max_line_length") ?? 256)
    }
}
