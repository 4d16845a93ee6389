import Hardware

extension I2CDevice {
    /// Runs I2C operations, reporting their failure as a driver's bus error.
    func run<T>(_ body: (I2CDevice) async throws(I2CError) -> T) async throws(DeviceDriverError) -> T {
        do {
            return try await body(self)
        } catch {
            throw DeviceDriverError(error)
        }
    }
}
