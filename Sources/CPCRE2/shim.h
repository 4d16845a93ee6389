#ifndef CPCRE2_SHIM_H
#define CPCRE2_SHIM_H
/* The 8-bit library: patterns and subjects are UTF-8 bytes. Swift sees the functions under
 * their real names, with the width suffix (pcre2_compile_8, pcre2_match_8). */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#endif
