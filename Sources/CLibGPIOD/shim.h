#ifndef CLIBGPIOD_SHIM_H
#define CLIBGPIOD_SHIM_H
#include <gpiod.h>
#endif
