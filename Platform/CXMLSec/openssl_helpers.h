#ifndef CXMLSEC_OPENSSL_HELPERS_H
#define CXMLSEC_OPENSSL_HELPERS_H

/* Reading certificates needs a few OpenSSL calls that are macros (stack and BIO helpers,
   OPENSSL_free, name-printing flags); Swift does not import macros, so they are wrapped. */

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/provider.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

/* The bytes written so far into a memory BIO; they stay owned by the BIO. */
static inline long cxmlsec_bio_contents(BIO *bio, const char **bytes) {
    char *pointer = NULL;
    long length = BIO_get_mem_data(bio, &pointer);
    *bytes = pointer;
    return length;
}

static inline void cxmlsec_openssl_free(void *pointer) {
    OPENSSL_free(pointer);
}

static inline void cxmlsec_free_certificate_stack(STACK_OF(X509) *stack) {
    sk_X509_pop_free(stack, X509_free);
}

/* RFC 2253 text ("CN=...,O=...") that keeps UTF-8 as is instead of escaping it as \XX. */
static inline int cxmlsec_print_name(BIO *bio, const X509_NAME *name) {
    unsigned long flags = XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB;
    return X509_NAME_print_ex(bio, name, 0, flags);
}

/* A new RSA-2048 key and a self-signed certificate for it, valid from `start` (seconds since
   1970) for `days` days, with CN and, when given, serialNumber (where SUNAT certificates carry
   the RUC). Returns 1 and sets both outputs, or 0. Built in C because EVP_RSA_gen is a macro. */
static inline int cxmlsec_self_signed(const char *common_name, const char *serial_number, long long start, int days,
                                      EVP_PKEY **out_key, X509 **out_certificate) {
    time_t from = (time_t)start;
    EVP_PKEY *key = EVP_RSA_gen(2048);
    X509 *certificate = X509_new();
    int ok = key != NULL && certificate != NULL;
    if (ok) {
        unsigned char serial[16];
        ok = RAND_bytes(serial, sizeof serial) == 1;
        serial[0] &= 0x7f;
        BIGNUM *number = ok ? BN_bin2bn(serial, sizeof serial, NULL) : NULL;
        ok = number != NULL && BN_to_ASN1_INTEGER(number, X509_get_serialNumber(certificate)) != NULL;
        BN_free(number);
    }
    X509_NAME *name = ok ? X509_get_subject_name(certificate) : NULL;
    ok = ok && X509_set_version(certificate, 2) == 1
        && X509_time_adj_ex(X509_getm_notBefore(certificate), 0, 0, &from) != NULL
        && X509_time_adj_ex(X509_getm_notAfter(certificate), days, 0, &from) != NULL
        && X509_set_pubkey(certificate, key) == 1
        && X509_NAME_add_entry_by_txt(name, "C", MBSTRING_UTF8, (const unsigned char *)"PE", -1, -1, 0) == 1
        && X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, (const unsigned char *)common_name, -1, -1, 0) == 1
        && (serial_number == NULL
            || X509_NAME_add_entry_by_txt(name, "serialNumber", MBSTRING_UTF8, (const unsigned char *)serial_number, -1, -1, 0) == 1)
        && X509_set_issuer_name(certificate, name) == 1
        && X509_sign(certificate, key, EVP_sha256()) > 0;
    if (!ok) {
        EVP_PKEY_free(key);
        X509_free(certificate);
        return 0;
    }
    *out_key = key;
    *out_certificate = certificate;
    return 1;
}

#endif
