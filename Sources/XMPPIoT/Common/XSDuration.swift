/// An xs:duration (`PT3M30S`, `P1DT2H`), kept in its lexical form.
public struct XSDuration: Sendable, Hashable, CustomStringConvertible {
    public let lexical: String

    /// Accepts `[-]P[nY][nM][nD][T[nH][nM][n[.n]S]]` with at least one component.
    public init?(lexical text: String) {
        let text = text.trimmingWhitespace()
        var rest = Substring(text)
        if rest.first == "-" { rest = rest.dropFirst() }
        guard rest.first == "P" else { return nil }
        rest = rest.dropFirst()
        var inTime = false
        var components = 0
        var designators: [Character] = ["Y", "M", "D"]
        var number = ""
        for character in rest {
            if character.isASCII, character.isNumber || (character == "." && inTime && !number.contains(".")) {
                number.append(character)
                continue
            }
            if character == "T" {
                guard !inTime, number.isEmpty else { return nil }
                inTime = true
                designators = ["H", "M", "S"]
                continue
            }
            guard let position = designators.firstIndex(of: character), !number.isEmpty, number.last != ".",
                  character == "S" || !number.contains(".") else { return nil }
            designators.removeSubrange(...position)
            number = ""
            components += 1
        }
        guard components > 0, number.isEmpty, !(inTime && text.hasSuffix("T")) else { return nil }
        lexical = text
    }

    /// A duration of whole seconds, in hours, minutes and seconds: `PT1H2M3S`, `PT0S`.
    public init(seconds: Int) {
        let magnitude = seconds.magnitude
        var text = seconds < 0 ? "-PT" : "PT"
        let (hours, minutes, secs) = (magnitude / 3600, magnitude / 60 % 60, magnitude % 60)
        if hours > 0 { text += "\(hours)H" }
        if minutes > 0 { text += "\(minutes)M" }
        if secs > 0 || magnitude == 0 { text += "\(secs)S" }
        lexical = text
    }

    public var description: String { lexical }
}
