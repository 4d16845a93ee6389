extension BME280Settings {
    /// The settings a `bme280` model's driver section gives. Normal mode stands by 1 s between
    /// measurements, a time both chips know.
    init(model: DeviceModel) {
        let settings = model.driverSettings
        func oversampling(_ key: String) -> Oversampling {
            let text = settings.string(key) ?? "x1"
            return Oversampling.allCases.first { "\($0)" == text } ?? .x1
        }
        let filters: [String: Filter] = ["off": .off, "2": .coefficient2, "4": .coefficient4, "8": .coefficient8, "16": .coefficient16]
        self.init(
            temperatureOversampling: oversampling("temperature_oversampling"),
            pressureOversampling: oversampling("pressure_oversampling"),
            humidityOversampling: oversampling("humidity_oversampling"),
            mode: settings.string("mode") == "normal" ? .normal : .forced,
            standby: .ms1000,
            filter: settings.string("iir_filter").flatMap { filters[$0] } ?? .off
        )
    }
}

extension BME280Variant {
    /// The chip a `bme280` model says it is.
    public init(model: DeviceModel) {
        self = model.driverSettings.string("variant") == "bmp280" ? .bmp280 : .bme280
    }
}
