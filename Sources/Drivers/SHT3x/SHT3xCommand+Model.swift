extension SHT3xCommand.Repeatability {
    /// The repeatability an `sht3x` model's driver section gives.
    init(model: DeviceModel) {
        switch model.driverSettings.string("repeatability") {
        case "medium": self = .medium
        case "low": self = .low
        default: self = .high
        }
    }
}
