/// PM1.0, PM2.5 and PM10 mass concentrations in µg/m³, as one Plantower frame reports them
/// for one calibration.
public struct PMSMassConcentration: Sendable, Hashable {
    public var pm1_0: Int
    public var pm2_5: Int
    public var pm10: Int

    public init(pm1_0: Int, pm2_5: Int, pm10: Int) {
        self.pm1_0 = pm1_0
        self.pm2_5 = pm2_5
        self.pm10 = pm10
    }
}
