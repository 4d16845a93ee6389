extension ADS1115DeviceDriver.Channel {
    /// The conversions an `ads1115` model's `channels` list.
    static func channels(of model: DeviceModel) -> [Self] {
        let inputs: [String: ADS1115Configuration.Input] = [
            "ain0": .ain0, "ain1": .ain1, "ain2": .ain2, "ain3": .ain3,
            "ain0_ain1": .ain0MinusAin1, "ain0_ain3": .ain0MinusAin3, "ain1_ain3": .ain1MinusAin3, "ain2_ain3": .ain2MinusAin3,
        ]
        return model.driverSettings.records("channels").compactMap { record in
            guard let input = record.string("input").flatMap({ inputs[$0] }), let field = record.string("field") else {
                return nil
            }
            let volts = Double(record.string("full_scale") ?? "2.048")
            let rate = Int(record.string("data_rate") ?? "128")
            let configuration = ADS1115Configuration(
                input: input,
                range: ADS1115Configuration.FullScaleRange.allCases.first { $0.volts == volts } ?? .volts2_048,
                dataRate: ADS1115Configuration.DataRate.allCases.first { $0.samplesPerSecond == rate } ?? .sps128
            )
            return Self(configuration: configuration, field: field)
        }
    }
}
