extension DriverSchema {
    /// Winsen MH-Z19B/C on a UART.
    static let mhz19 = DriverSchema(
        buses: [.serial],
        settings: [
            SettingDeclaration(
                "detection_range", .choice(["2000", "5000", "10000"]), default: .string("5000"),
                doc: "Measuring range in ppm, set at start; readings above it are refused."
            ),
            SettingDeclaration(
                "automatic_baseline_correction", .bool, default: .bool(false),
                doc: "Set at start; on from the factory, it drifts readings in rooms that never get fresh air."
            ),
        ],
        summary: "Winsen MH-Z19B/C on a UART: CO₂ concentration.",
        check: { model in
            fieldErrors(model, outputs: [DriverOutput("co2", unit: .partsPerMillion)])
                + parameterErrors(model, accepted: [DriverOutput("automatic_baseline_correction", type: .boolean)])
        }
    )
}
