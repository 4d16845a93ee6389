extension Double {
    /// A temperature or setpoint as people write it: `5`, `21.5`, `0.25`.
    var thermostatText: String {
        if self == rounded(), abs(self) < 1e15 {
            return String(Int(self))
        }
        return String(self)
    }
}
