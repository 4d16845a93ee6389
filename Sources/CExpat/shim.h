#ifndef CEXPAT_SHIM_H
#define CEXPAT_SHIM_H
#include <expat.h>

/// Expat 2.6 added "reparse deferral": it may hold back a large token until more bytes
/// arrive. An XMPP stream is interactive, so a stanza must be delivered as soon as its
/// last byte is in; switch the feature off where it exists.
static inline void cexpat_disable_reparse_deferral(XML_Parser parser) {
#if XML_MAJOR_VERSION > 2 || (XML_MAJOR_VERSION == 2 && XML_MINOR_VERSION >= 6)
    XML_SetReparseDeferralEnabled(parser, XML_FALSE);
#else
    (void)parser;
#endif
}
#endif
