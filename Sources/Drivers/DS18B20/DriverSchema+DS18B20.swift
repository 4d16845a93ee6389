extension DriverSchema {
    /// Maxim DS18B20 through the kernel's `w1_therm` driver.
    static let ds18b20 = DriverSchema(
        buses: [.w1],
        settings: [
            SettingDeclaration(
                "resolution", .int, default: .int(12), range: 9...12,
                doc: "Bits of resolution; 9 bits convert in 94 ms, 12 bits in 750 ms. Set at the first reading "
                    + "through w1_therm's resolution attribute (Linux 5.10 and later) where the gateway may write it; "
                    + "otherwise a warning gives the command that sets it."
            ),
        ],
        summary: "Maxim DS18B20 through w1_therm: temperature, with CRC and power-on value refused.",
        check: { model in
            fieldErrors(model, outputs: [DriverOutput("temperature", unit: .celsius)]) + parameterErrors(model, accepted: [])
        }
    )
}
