import CGPIOD

/// What the kernel reports about a line, whoever holds it — what `gpioinfo` prints.
public struct GPIOLineInfo: Sendable, Hashable {
    public var offset: Int
    /// `nil` when the device tree gave the line no name.
    public var name: String?
    /// Who holds the line; `nil` when it is free or its holder gave no label.
    public var consumer: String?
    public var isUsed: Bool
    public var isOutput: Bool
    public var activeLow: Bool
    public var bias: GPIOBias
    public var drive: GPIODrive

    init(_ info: cgpiod_line_info) {
        offset = Int(info.offset)
        name = Self.text(info.name)
        consumer = Self.text(info.consumer)
        isUsed = info.used
        isOutput = info.direction == CGPIOD_DIRECTION_OUTPUT
        activeLow = info.active_low
        bias = GPIOBias(info.bias)
        drive = GPIODrive(info.drive)
    }

    /// A fixed-size C name field as text; `nil` when empty.
    private static func text<Field>(_ field: Field) -> String? {
        let text = withUnsafeBytes(of: field) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
        return text.isEmpty ? nil : text
    }
}
