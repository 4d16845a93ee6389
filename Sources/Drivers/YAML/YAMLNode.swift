/// One value of a YAML document, knowing where it was written so that every error about
/// it can name the line and column.
///
/// There is no case for aliases: `*name` is replaced by the node its anchor marked. Tags
/// are not kept either, since the settings decoder takes a value's type from its
/// declaration, never from how YAML would guess it (`no` stays the text "no").
public enum YAMLNode: Sendable {
    case scalar(YAMLScalar)
    case sequence(YAMLSequence)
    case mapping(YAMLMapping)

    public var mark: YAMLMark {
        switch self {
        case let .scalar(scalar): scalar.mark
        case let .sequence(sequence): sequence.mark
        case let .mapping(mapping): mapping.mark
        }
    }

    public var scalar: YAMLScalar? {
        guard case let .scalar(scalar) = self else { return nil }
        return scalar
    }

    public var sequence: YAMLSequence? {
        guard case let .sequence(sequence) = self else { return nil }
        return sequence
    }

    public var mapping: YAMLMapping? {
        guard case let .mapping(mapping) = self else { return nil }
        return mapping
    }
}
