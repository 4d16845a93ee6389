#ifndef COPENSSL_SHIM_H
#define COPENSSL_SHIM_H
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

/*
 * TLS (Sources/XMPPClient/TLS): OpenSSL 3.0 exposes these as macros over
 * SSL_CTX_ctrl/SSL_ctrl/BIO_ctrl, which Swift cannot call.
 */
static inline int copenssl_SSL_CTX_set_min_proto_version(SSL_CTX *ctx, int version) {
    return (int)SSL_CTX_set_min_proto_version(ctx, version);
}

static inline int copenssl_SSL_CTX_set_max_proto_version(SSL_CTX *ctx, int version) {
    return (int)SSL_CTX_set_max_proto_version(ctx, version);
}

/* Frees a connection's read and write buffers while they are empty. */
static inline void copenssl_SSL_CTX_set_release_buffers(SSL_CTX *ctx) {
    (void)SSL_CTX_set_mode(ctx, SSL_MODE_RELEASE_BUFFERS);
}

/* No TLS 1.2 renegotiation: it complicates channel binding and is an attack surface. */
static inline void copenssl_SSL_CTX_disable_renegotiation(SSL_CTX *ctx) {
    (void)SSL_CTX_set_options(ctx, SSL_OP_NO_RENEGOTIATION);
}

static inline void copenssl_SSL_CTX_disable_session_cache(SSL_CTX *ctx) {
    (void)SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
    (void)SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
}

static inline int copenssl_SSL_set_tlsext_host_name(SSL *ssl, const char *name) {
    return (int)SSL_set_tlsext_host_name(ssl, name);
}

/* 1 when the TLS 1.2 extended master secret (RFC 7627) was negotiated. */
static inline int copenssl_SSL_get_extms_support(SSL *ssl) {
    return (int)SSL_get_extms_support(ssl);
}

/* Bytes a memory BIO has allocated, used or not: it grows and never shrinks. */
static inline size_t copenssl_BIO_mem_capacity(BIO *bio) {
    BUF_MEM *memory = NULL;
    if (BIO_get_mem_ptr(bio, &memory) <= 0 || memory == NULL) {
        return 0;
    }
    return memory->max;
}

#endif
