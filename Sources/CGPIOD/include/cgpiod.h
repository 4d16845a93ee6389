#ifndef CGPIOD_H
#define CGPIOD_H
/// Version string of the libgpiod this shim was built against.
const char *cgpiod_library_version(void);
#endif
