// Buses as Linux exposes them: serial ports, I2C, GPIO, 1-Wire, IIO and udev.
