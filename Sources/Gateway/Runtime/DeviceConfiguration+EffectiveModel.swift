import Drivers

extension DeviceConfiguration {
    /// The model as this installation runs it: every field's processing with the device's
    /// calibration, filters and expiry, and the publishing thresholds (`defaults` from
    /// `publishing`, overridden per field) as the last filters of the chain.
    func effectiveModel(publishing defaults: PublishPolicy) -> DeviceModel {
        var effective = model
        effective.fields = model.fields.map { field in
            var field = field
            guard field.type.isNumber else { return field }
            var processing = fieldOverrides[field.name]?.processing(from: field.processing) ?? field.processing
            processing.filters += publishPolicy(of: field.name, defaults: defaults).filters
            field.processing = processing
            return field
        }
        return effective
    }
}

extension PublishPolicy {
    /// The policy as processing filters: change threshold, throttle, then heartbeat.
    var filters: [FieldFilterSpec] {
        var filters: [FieldFilterSpec] = []
        if let changeThreshold, changeThreshold > 0 { filters.append(.delta(absolute: changeThreshold, percent: nil)) }
        if let throttle { filters.append(.throttle(throttle)) }
        if let heartbeat { filters.append(.heartbeat(heartbeat)) }
        return filters
    }
}
