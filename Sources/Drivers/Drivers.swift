// One file per sensor or actuator family, plus the declarative drivers that Devices/ configures.
