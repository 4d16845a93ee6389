/// The rule for device and thermostat ids: each becomes the JID resource of the device's
/// session, a node id in XEP-0323 readouts, a word in chat commands and part of
/// `<device>.<field>` references, so it keeps to an alphabet all of those accept unchanged.
public enum ResourceName {
    /// Longest id accepted; resources may be longer, but ids are typed in chat messages.
    public static let maximumLength = 64

    public static let expectation =
        "an id of lower-case letters, digits, - and _, starting with a letter, at most \(maximumLength) characters"

    public static func isValid(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first), id.unicodeScalars.count <= maximumLength
        else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}
