#ifndef CGPIOD_INTERNAL_H
#define CGPIOD_INTERNAL_H

/* Helpers shared by cgpiod_v1.c and cgpiod_v2.c. */

#include <errno.h>
#include <string.h>

#include "cgpiod.h"

/*
 * libgpiod reports failures through errno. Should a failure ever leave errno
 * at 0, returning -0 would read as success, so it becomes -EIO.
 */
static inline int cgpiod_negative_errno(void)
{
    return errno > 0 ? -errno : -EIO;
}

/* Copies a libgpiod string, which may be NULL, into a line info field. */
static inline void cgpiod_copy_name(char destination[CGPIOD_NAME_SIZE],
                                    const char *source)
{
    size_t length = source ? strnlen(source, CGPIOD_NAME_SIZE - 1) : 0;

    if (length > 0)
        memcpy(destination, source, length);
    destination[length] = '\0';
}

#endif
