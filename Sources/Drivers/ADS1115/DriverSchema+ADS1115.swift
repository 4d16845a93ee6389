extension DriverSchema {
    /// TI ADS1115 16-bit ADC, single-shot conversions per channel.
    static let ads1115 = DriverSchema(
        buses: [.i2c],
        settings: [
            SettingDeclaration(
                "channels",
                .list(.record([
                    SettingDeclaration(
                        "input",
                        .choice(["ain0", "ain1", "ain2", "ain3", "ain0_ain1", "ain0_ain3", "ain1_ain3", "ain2_ain3"]),
                        required: true,
                        doc: "What to convert: one input against ground, or the difference of two."
                    ),
                    SettingDeclaration("field", .string, required: true, doc: "The field to publish the voltage as."),
                    SettingDeclaration(
                        "full_scale", .choice(["6.144", "4.096", "2.048", "1.024", "0.512", "0.256"]),
                        default: .string("2.048"), doc: "± full-scale range in volts (PGA)."
                    ),
                    SettingDeclaration(
                        "data_rate", .choice(["8", "16", "32", "64", "128", "250", "475", "860"]),
                        default: .string("128"), doc: "Samples per second."
                    ),
                ])),
                required: true,
                doc: "The conversions to make, one field each."
            ),
        ],
        summary: "TI ADS1115 ADC on I2C: one voltage field per configured input.",
        check: { model in
            let outputs = model.driverSettings.records("channels").compactMap { channel in
                channel.string("field").map { DriverOutput($0, unit: .volt) }
            }
            return fieldErrors(model, outputs: outputs) + parameterErrors(model, accepted: [])
        }
    )
}
