/// One `a=value` attribute of a SCRAM message (RFC 5802 §7: `attr-val`).
struct SCRAMAttribute: Hashable {
    var name: Character
    var value: Substring

    /// Splits a message into its attributes, in order. Values may be empty here; what an
    /// empty value means is for the attribute's reader to judge.
    static func parse(_ message: String) throws(SASLError) -> [SCRAMAttribute] {
        var attributes: [SCRAMAttribute] = []
        for part in message.split(separator: ",", omittingEmptySubsequences: false) {
            guard let name = part.first, name.isASCII, name.isLetter,
                  part.dropFirst().first == "="
            else {
                throw .malformedServerMessage("\"\(part)\" is not an a=value attribute")
            }
            attributes.append(SCRAMAttribute(name: name, value: part.dropFirst(2)))
        }
        return attributes
    }

    /// The text of a SCRAM message, which RFC 5802 requires to be UTF-8.
    static func text(of message: [UInt8]) throws(SASLError) -> String {
        guard let text = String(validating: message, as: UTF8.self) else {
            throw .serverMessageNotUTF8
        }
        return text
    }
}
