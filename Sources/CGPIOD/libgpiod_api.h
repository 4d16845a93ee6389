#ifndef CGPIOD_LIBGPIOD_API_H
#define CGPIOD_LIBGPIOD_API_H

/*
 * Tells which libgpiod <gpiod.h> this is, because neither 1.x nor 2.x has a
 * version macro. 1.x defines GPIOD_LINE_BULK_MAX_LINES beside its
 * struct gpiod_line_bulk. 2.x removed both and defines no macros at all: its
 * API (gpiod_line_settings_new, enum gpiod_line_direction, ...) is functions
 * and enums the preprocessor cannot test. So the 1.x macro means API 1 and
 * its absence API 2; were the header neither, cgpiod_v2.c would stop at its
 * first libgpiod 2 call.
 */

#include <gpiod.h>

#if defined(GPIOD_LINE_BULK_MAX_LINES)
#define CGPIOD_LIBGPIOD_API 1
#else
#define CGPIOD_LIBGPIOD_API 2
#endif

#endif
