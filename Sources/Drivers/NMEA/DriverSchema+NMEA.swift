extension DriverSchema {
    /// An NMEA 0183 GPS receiver, built into the line machinery.
    static let nmea = DriverSchema(
        buses: [.serial],
        settings: [
            SettingDeclaration(
                "sentences", .list(.choice(["GGA", "RMC"])), default: .list([.string("GGA"), .string("RMC")]),
                doc: "The sentence types to decode; others are ignored."
            ),
        ],
        summary: "An NMEA 0183 GPS receiver: position, altitude, speed, course and fix, checksum-checked.",
        check: { model in
            fieldErrors(model, outputs: [
                DriverOutput("latitude", unit: .degree),
                DriverOutput("longitude", unit: .degree),
                DriverOutput("altitude", unit: .metre),
                DriverOutput("speed", unit: .metresPerSecond),
                DriverOutput("course", unit: .degree),
                DriverOutput("satellites", type: .int),
                DriverOutput("fix_quality", type: .int),
            ]) + parameterErrors(model, accepted: [])
        }
    )
}
