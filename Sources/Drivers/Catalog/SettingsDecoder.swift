/// Checks YAML nodes (from `YAMLDocument`, so every value still knows its line and column)
/// against `SettingDeclaration`s and turns them into typed `SettingValue`s.
///
/// It does not stop at the first problem: every wrong type, value out of range, unknown key
/// and missing required key is appended to `errors`, and decoding goes on with the rest, so a
/// file with five mistakes reports five errors in one run.
public struct SettingsDecoder {
    /// The file name put into every error's location.
    public let file: String
    public private(set) var errors: [CatalogError] = []

    public init(file: String) {
        self.file = file
    }

    /// Decodes a whole YAML document whose top level is a mapping with the declared keys;
    /// throws every error found.
    public static func decodeDocument(
        yaml text: String, file: String, declarations: [SettingDeclaration]
    ) throws(CatalogErrors) -> SettingsRecord {
        var decoder = SettingsDecoder(file: file)
        let record = decoder.decodeRecord(try YAMLDocument.root(of: text, file: file), declarations: declarations)
        guard decoder.errors.isEmpty else { throw CatalogErrors(decoder.errors) }
        return record
    }

    /// Appends an error found by a check that runs after decoding.
    public mutating func report(_ error: CatalogError) {
        errors.append(error)
    }

    /// Decodes a mapping with the declared keys and no others. A node that is not a mapping is
    /// reported and gives an empty record.
    public mutating func decodeRecord(
        _ node: YAMLNode, declarations: [SettingDeclaration], at path: SettingPath = .root
    ) -> SettingsRecord {
        guard case let .mapping(mapping) = node else {
            report(.invalid(at: location(of: node), path, expected: "a mapping", got: Self.describe(node)))
            return SettingsRecord(location: location(of: node), path: path)
        }
        return decodeMapping(mapping, declarations: declarations, at: path)
    }

    /// Decodes one value of `type`; `nil` (with the error reported) when it does not fit.
    public mutating func decode(
        _ node: YAMLNode, as type: SettingType, range: ClosedRange<Double>? = nil, at path: SettingPath
    ) -> SettingValue? {
        switch type {
        case .string:
            return scalarText(node, type, path).map(SettingValue.string)
        case .int:
            guard let text = scalarText(node, type, path) else { return nil }
            guard let value = NumberText.integer(text) else {
                return mismatch(node, expected: Self.expectation(type, range), path)
            }
            return checked(Double(value), range, node, type, path) ? .int(value) : nil
        case .double:
            guard let text = scalarText(node, type, path) else { return nil }
            guard let value = NumberText.number(text) else {
                return mismatch(node, expected: Self.expectation(type, range), path)
            }
            return checked(value, range, node, type, path) ? .double(value) : nil
        case .bool:
            guard let text = scalarText(node, type, path) else { return nil }
            switch text {
            case "true", "True", "TRUE": return .bool(true)
            case "false", "False", "FALSE": return .bool(false)
            default: return mismatch(node, expected: type.expectation, path)
            }
        case let .choice(choices):
            guard let text = scalarText(node, type, path) else { return nil }
            guard choices.contains(text) else {
                let hint = text.closestMatch(in: choices).map { " (did you mean \"\($0)\"?)" } ?? ""
                report(.invalid(at: location(of: node), path, expected: type.expectation, got: "\"\(text)\"" + hint))
                return nil
            }
            return .string(text)
        case .duration:
            guard let text = scalarText(node, type, path) else { return nil }
            guard let value = Duration(settingText: text) else {
                return mismatch(node, expected: Self.expectation(type, range), path)
            }
            return checked(value.secondsValue, range, node, type, path) ? .duration(value) : nil
        case .regex:
            guard let text = scalarText(node, type, path) else { return nil }
            do {
                _ = try LinePattern(text)
            } catch {
                report(.invalid(at: location(of: node), path, expected: type.expectation, got: "\"\(text)\" (\(error))"))
                return nil
            }
            return .string(text)
        case .interval:
            return decodeInterval(node, path)
        case let .list(element):
            guard case let .sequence(sequence) = node else { return mismatch(node, expected: type.expectation, path) }
            var items: [SettingValue] = []
            for (index, item) in sequence.enumerated() {
                if let value = decodeItem(item, as: element, range: range, at: path.appending(index: index)) {
                    items.append(value)
                }
            }
            return .list(items)
        case let .map(element):
            guard case let .mapping(mapping) = node else { return mismatch(node, expected: type.expectation, path) }
            var record = SettingsRecord(location: location(of: node), path: path)
            for (keyNode, valueNode) in mapping {
                guard let key = keyNode.scalar?.string else {
                    report(.invalid(at: location(of: keyNode), path, expected: "a name", got: Self.describe(keyNode)))
                    continue
                }
                if let value = decodeItem(valueNode, as: element, range: range, at: path.appending(key)) {
                    record.set(key, value, writtenAt: location(of: valueNode))
                }
            }
            return .record(record)
        case let .record(declarations):
            return .record(decodeRecord(node, declarations: declarations, at: path))
        case let .variant(declarations):
            return decodeVariant(node, declarations, path)
        case let .tagged(tag, variants):
            return decodeTagged(node, tag: tag, variants: variants, path)
        }
    }

    // MARK: Mappings

    private mutating func decodeMapping(
        _ mapping: YAMLMapping, declarations: [SettingDeclaration], at path: SettingPath
    ) -> SettingsRecord {
        let mappingLocation = location(mapping.mark)
        var record = SettingsRecord(location: mappingLocation, path: path)
        var written: Set<String> = []
        for (keyNode, valueNode) in mapping {
            let key = keyNode.scalar?.string ?? Self.describe(keyNode)
            guard let declaration = declarations.first(where: { $0.key == key }) else {
                let suggestion = key.closestMatch(in: declarations.map(\.key))
                report(CatalogError(
                    location: location(of: keyNode), path: path.appending(key), problem: .unknownKey(suggestion: suggestion)
                ))
                continue
            }
            // `key:` with nothing after it means "not set": the default applies.
            if Self.isNull(valueNode), !declaration.isRequired {
                continue
            }
            written.insert(key)
            if let value = decodeItem(valueNode, as: declaration.type, range: declaration.range, at: path.appending(key)) {
                record.set(key, value, writtenAt: location(of: valueNode))
            }
        }
        for declaration in declarations where !written.contains(declaration.key) {
            if declaration.isRequired {
                report(CatalogError(
                    location: mappingLocation,
                    path: path.appending(declaration.key),
                    problem: .missingKey(expected: Self.expectation(declaration.type, declaration.range))
                ))
            } else if let value = declaration.defaultValue {
                record.set(declaration.key, value)
            }
        }
        return record
    }

    /// A list item, map value or variant value: an empty one stands for an empty mapping where
    /// a mapping is expected, so `- median:` takes every default.
    private mutating func decodeItem(
        _ node: YAMLNode, as type: SettingType, range: ClosedRange<Double>?, at path: SettingPath
    ) -> SettingValue? {
        if Self.isNull(node), case let .record(declarations) = type {
            return .record(decodeMapping(YAMLMapping([], mark: node.mark), declarations: declarations, at: path))
        }
        return decode(node, as: type, range: range, at: path)
    }

    private mutating func decodeVariant(
        _ node: YAMLNode, _ declarations: [SettingDeclaration], _ path: SettingPath
    ) -> SettingValue? {
        let type = SettingType.variant(declarations)
        guard case let .mapping(mapping) = node, mapping.count == 1, let (keyNode, valueNode) = mapping.first else {
            let got = node.mapping.map { "a mapping with \($0.count) keys" } ?? Self.describe(node)
            return mismatch(node, expected: type.expectation, path, got: got)
        }
        let key = keyNode.scalar?.string ?? Self.describe(keyNode)
        guard let declaration = declarations.first(where: { $0.key == key }) else {
            let suggestion = key.closestMatch(in: declarations.map(\.key))
            report(CatalogError(
                location: location(of: keyNode), path: path.appending(key), problem: .unknownKey(suggestion: suggestion)
            ))
            return nil
        }
        guard let value = decodeItem(valueNode, as: declaration.type, range: declaration.range, at: path.appending(key)) else {
            return nil
        }
        return .variant(key, value)
    }

    private mutating func decodeTagged(
        _ node: YAMLNode, tag: String, variants: [String: [SettingDeclaration]], _ path: SettingPath
    ) -> SettingValue? {
        guard case let .mapping(mapping) = node else {
            return mismatch(node, expected: SettingType.tagged(tag: tag, variants: variants).expectation, path)
        }
        let names = variants.keys.sorted()
        let tagDeclaration = SettingDeclaration(tag, .choice(names), required: true, doc: "")
        guard let tagNode = mapping.first(where: { $0.key.scalar?.string == tag })?.value else {
            report(CatalogError(
                location: location(mapping.mark), path: path.appending(tag), problem: .missingKey(expected: tagDeclaration.type.expectation)
            ))
            return nil
        }
        guard case let .string(name)? = decode(tagNode, as: tagDeclaration.type, at: path.appending(tag)),
            let declarations = variants[name]
        else { return nil }
        return .record(decodeMapping(mapping, declarations: [tagDeclaration] + declarations, at: path))
    }

    private mutating func decodeInterval(_ node: YAMLNode, _ path: SettingPath) -> SettingValue? {
        let expected = SettingType.interval.expectation
        guard case let .sequence(sequence) = node, sequence.count == 2 else {
            let got = node.sequence.map { "a list of \($0.count)" } ?? Self.describe(node)
            return mismatch(node, expected: expected, path, got: got)
        }
        let bounds = sequence.map { $0.scalar.flatMap { NumberText.number($0.string) } }
        guard let low = bounds[0], let high = bounds[1] else {
            return mismatch(node, expected: expected, path, got: "[" + sequence.map(Self.describe).joined(separator: ", ") + "]")
        }
        guard low <= high else {
            return mismatch(node, expected: "a low bound not above the high bound", path, got: "[\(Self.format(low)), \(Self.format(high))]")
        }
        return .interval(low...high)
    }

    // MARK: Scalars

    /// The scalar's text, or `nil` with the error reported when the node is empty or not a scalar.
    private mutating func scalarText(_ node: YAMLNode, _ type: SettingType, _ path: SettingPath) -> String? {
        guard case let .scalar(scalar) = node, !Self.isNull(node) else {
            report(.invalid(at: location(of: node), path, expected: type.expectation, got: Self.describe(node)))
            return nil
        }
        return scalar.string
    }

    private mutating func checked(
        _ value: Double, _ range: ClosedRange<Double>?, _ node: YAMLNode, _ type: SettingType, _ path: SettingPath
    ) -> Bool {
        guard let range, !range.contains(value) else { return true }
        _ = mismatch(node, expected: Self.expectation(type, range), path)
        return false
    }

    private mutating func mismatch(
        _ node: YAMLNode, expected: String, _ path: SettingPath, got: String? = nil
    ) -> SettingValue? {
        report(.invalid(at: location(of: node), path, expected: expected, got: got ?? Self.describe(node)))
        return nil
    }

    private func location(of node: YAMLNode) -> SourceLocation {
        location(node.mark)
    }

    private func location(_ mark: YAMLMark) -> SourceLocation {
        SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    static func isNull(_ node: YAMLNode) -> Bool {
        guard case let .scalar(scalar) = node, scalar.isPlain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    static func describe(_ node: YAMLNode) -> String {
        switch node {
        case let .scalar(scalar): isNull(node) ? "nothing" : "\"\(scalar.string)\""
        case .mapping: "a mapping"
        case .sequence: "a list"
        }
    }

    /// The expectation with the range spelled out: "a whole number from 1 to 247".
    static func expectation(_ type: SettingType, _ range: ClosedRange<Double>?) -> String {
        guard let range else { return type.expectation }
        switch type {
        case .duration:
            let bounds = (Duration.seconds(range.lowerBound), Duration.seconds(range.upperBound))
            return "\(type.expectation) from \(bounds.0.settingText) to \(bounds.1.settingText)"
        default:
            return "\(type.expectation) from \(format(range.lowerBound)) to \(format(range.upperBound))"
        }
    }

    public static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
