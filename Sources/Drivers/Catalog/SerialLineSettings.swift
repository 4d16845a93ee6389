/// Speed and framing of a serial line, as a model file's `line` mapping gives them.
public struct SerialLineSettings: Sendable, Hashable {
    /// The parity bit after each character's data bits.
    public enum Parity: String, Sendable, Hashable, CaseIterable {
        case none, even, odd
    }

    public var baud: Int
    public var dataBits: Int
    public var parity: Parity
    public var stopBits: Int

    public init(baud: Int = 9600, dataBits: Int = 8, parity: Parity = .none, stopBits: Int = 1) {
        self.baud = baud
        self.dataBits = dataBits
        self.parity = parity
        self.stopBits = stopBits
    }

    /// The usual short form, `9600 8N1`.
    public var summary: String {
        "\(baud) \(dataBits)\(parity.rawValue.prefix(1).uppercased())\(stopBits)"
    }

    /// The keys of `line`.
    static let declarations: [SettingDeclaration] = [
        SettingDeclaration("baud", .int, default: .int(9600), range: 50...4_000_000, doc: "Bits per second."),
        SettingDeclaration("data_bits", .int, default: .int(8), range: 5...8, doc: "Number of data bits per character."),
        SettingDeclaration(
            "parity", .choice(Parity.allCases.map(\.rawValue)), default: .string("none"), doc: "Parity bit."
        ),
        SettingDeclaration("stop_bits", .int, default: .int(1), range: 1...2, doc: "Stop bits per character."),
    ]

    /// The settings of a decoded `line` record; defaults fill whatever it leaves out.
    init(record: SettingsRecord) {
        self.init(
            baud: record.int("baud") ?? 9600,
            dataBits: record.int("data_bits") ?? 8,
            parity: record.string("parity").flatMap(Parity.init(rawValue:)) ?? .none,
            stopBits: record.int("stop_bits") ?? 1
        )
    }
}
