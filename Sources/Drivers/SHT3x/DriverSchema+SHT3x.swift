extension DriverSchema {
    /// Sensirion SHT30/31/35, single-shot measurements without clock stretching.
    static let sht3x = DriverSchema(
        buses: [.i2c],
        settings: [
            SettingDeclaration(
                "repeatability", .choice(["high", "medium", "low"]), default: .string("high"),
                doc: "More repeatability is quieter and slower (15, 6 or 4 ms)."
            ),
        ],
        summary: "Sensirion SHT3x on I2C: temperature and humidity, CRC-checked.",
        check: { model in
            fieldErrors(model, outputs: [
                DriverOutput("temperature", unit: .celsius), DriverOutput("humidity", unit: .percentRelativeHumidity),
            ]) + parameterErrors(model, accepted: [])
        }
    )
}
