/// A measured number with its unit and the number of decimals it is written with.
///
/// Precision travels as the lexical form (`21.40` has two decimals), so the decimal count
/// is part of the value: set it from the device model's precision, or leave it nil to
/// write the shortest exact form.
public struct NumericValue: Sendable, Hashable {
    public var value: Double
    public var decimals: Int?
    /// Free text (`°C`, `%`, `m³/h`); empty when unitless.
    public var unit: String

    public init(_ value: Double, decimals: Int? = nil, unit: String = "") {
        self.value = value
        self.decimals = decimals
        self.unit = unit
    }

    /// Reads a lexical xs:double, keeping how many decimals it was written with.
    public init?(lexical: String, unit: String = "") {
        let trimmed = lexical.trimmingWhitespace()
        guard let value = Double(trimmed), value.isFinite else { return nil }
        self.init(value, decimals: DecimalText.fractionDigits(of: trimmed), unit: unit)
    }

    /// The value as written on the wire; `0` for a non-finite value, which a device must
    /// report as `missing` instead.
    public var lexical: String { DecimalText.text(value, decimals: decimals) ?? "0" }

    /// `21.40 °C`, `48 %`, or the bare number when unitless.
    public var humanText: String { unit.isEmpty ? lexical : "\(lexical) \(unit)" }
}
