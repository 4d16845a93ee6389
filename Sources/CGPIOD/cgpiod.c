#include "cgpiod.h"
#include <gpiod.h>
const char *cgpiod_library_version(void) { return gpiod_version_string(); }
