extension DriverSchema {
    /// Plantower PMS5003/PMS7003 on a UART.
    static let pms = DriverSchema(
        buses: [.serial],
        settings: [
            SettingDeclaration(
                "mode", .choice(["active", "passive"]), default: .string("active"),
                doc: "active: the sensor streams a frame each second; passive: the gateway asks for each."
            ),
        ],
        summary: "Plantower PMS5003/PMS7003 on a UART: particulate mass and counts.",
        check: { model in
            let mass = ["pm1_0", "pm2_5", "pm10", "pm1_0_cf1", "pm2_5_cf1", "pm10_cf1"].map {
                DriverOutput($0, unit: .microgramsPerCubicMetre)
            }
            let counts = PMSFrame.particleSizes.map {
                DriverOutput("particles_" + $0, unit: .particlesPerDecilitre, type: .int)
            }
            return fieldErrors(model, outputs: mass + counts)
                + parameterErrors(model, accepted: [DriverOutput("sleep", type: .boolean)])
        }
    )
}
