extension DriverSchema {
    private static let oversampling = SettingType.choice(["skipped", "x1", "x2", "x4", "x8", "x16"])

    /// Bosch BME280/BMP280 read over I2C and compensated on the gateway.
    static let bme280 = DriverSchema(
        buses: [.i2c],
        settings: [
            SettingDeclaration(
                "variant", .choice(["bme280", "bmp280"]), default: .string("bme280"),
                doc: "Which chip the model is; the chip id read at start must agree."
            ),
            SettingDeclaration("temperature_oversampling", oversampling, default: .string("x1"), doc: "osrs_t."),
            SettingDeclaration("pressure_oversampling", oversampling, default: .string("x1"), doc: "osrs_p."),
            SettingDeclaration("humidity_oversampling", oversampling, default: .string("x1"), doc: "osrs_h (BME280 only)."),
            SettingDeclaration(
                "iir_filter", .choice(["off", "2", "4", "8", "16"]), default: .string("off"), doc: "IIR filter coefficient."
            ),
            SettingDeclaration(
                "mode", .choice(["forced", "normal"]), default: .string("forced"),
                doc: "forced: one measurement per sample; normal: the chip measures every second and a sample reads the latest."
            ),
        ],
        summary: "Bosch BME280/BMP280 on I2C: temperature, pressure and (BME280) humidity.",
        check: { model in
            var outputs = [DriverOutput("temperature", unit: .celsius), DriverOutput("pressure", unit: .pascal)]
            if model.driverSettings.string("variant") != "bmp280" {
                outputs.append(DriverOutput("humidity", unit: .percentRelativeHumidity))
            }
            return fieldErrors(model, outputs: outputs) + parameterErrors(model, accepted: [])
        }
    )
}
