/// No mechanism the server offered is acceptable: what it offered, and why each was refused.
public struct SASLMechanismSelectionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The mechanism names from the server's `<mechanisms/>`, in its order.
    public var offeredMechanisms: [String]
    /// One refusal per offered mechanism, in the server's order.
    public var refusals: [SASLMechanismRefusal]

    public init(offeredMechanisms: [String], refusals: [SASLMechanismRefusal]) {
        self.offeredMechanisms = offeredMechanisms
        self.refusals = refusals
    }

    public var description: String {
        guard !offeredMechanisms.isEmpty else {
            return "no acceptable SASL mechanism: the server offered none"
        }
        let offered = offeredMechanisms.joined(separator: " ")
        let reasons = refusals.map(\.description).joined(separator: "; ")
        return "no acceptable SASL mechanism: server offered \(offered); \(reasons)"
    }
}
