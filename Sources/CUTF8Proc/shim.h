#ifndef CUTF8PROC_SHIM_H
#define CUTF8PROC_SHIM_H
#include <utf8proc.h>

/*
 * NFC, or NFKC when `compatibility` is non-zero, of `length` bytes of UTF-8 into a buffer
 * the caller frees. utf8proc_NFC and utf8proc_NFKC stop at the first NUL byte, which would
 * cut a password short instead of letting SASLprep refuse the U+0000; and Swift cannot OR
 * utf8proc's option flags, a plain C enum, without casts.
 */
static inline utf8proc_ssize_t cutf8proc_normalize(
    const utf8proc_uint8_t *text, utf8proc_ssize_t length, int compatibility, utf8proc_uint8_t **result
) {
    int options = UTF8PROC_STABLE | UTF8PROC_COMPOSE | (compatibility ? UTF8PROC_COMPAT : 0);
    return utf8proc_map(text, length, result, (utf8proc_option_t)options);
}
#endif
