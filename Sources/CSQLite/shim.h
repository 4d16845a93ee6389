#include <sqlite3.h>

/* SQLITE_TRANSIENT is a cast macro Swift cannot import: it tells sqlite3_bind_* to copy. */
static inline sqlite3_destructor_type csqlite_transient(void) {
    return SQLITE_TRANSIENT;
}
