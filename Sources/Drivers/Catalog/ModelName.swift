/// The rule for field and parameter names: lower-case letters, digits and `_`, starting with a
/// letter. They become XEP-0323 field names, chat command words and regex capture names, and
/// all three accept this alphabet.
enum ModelName {
    static let expectation = "a name of lower-case letters, digits and _, starting with a letter"

    static func isValid(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// The records whose `name` keeps the rule and is not taken by an earlier one; an error at
    /// the `name` of each other one. Leaving those out spares follow-on errors about them.
    static func checked(_ records: [SettingsRecord], errors: inout [CatalogError]) -> [SettingsRecord] {
        var firstLines: [String: Int] = [:]
        var accepted: [SettingsRecord] = []
        for record in records {
            guard let name = record.string("name") else { continue }
            if !isValid(name) {
                errors.append(record.invalid("name", expected: expectation, got: "\"\(name)\""))
            } else if let line = firstLines[name] {
                errors.append(record.invalid("name", expected: "a name not used before (line \(line))", got: "\"\(name)\""))
            } else {
                firstLines[name] = record.location(of: "name").line
                accepted.append(record)
            }
        }
        return accepted
    }
}
