/* test_digest.c - SHA-256 against the FIPS 180-4 examples and messages of every length around
 * the 64-byte block and its padding boundary (expected values from an independent
 * implementation), and the same digest from the bytes given in pieces. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "digest.h"
#include "xalloc.h"

static void check(const void *data, size_t len, const char *want)
{
    char hex[DIGEST_HEX_LEN + 1];
    digest_sha256_hex(data, len, hex);
    assert_string_equal(hex, want);
}

static void test_fips_examples(void **state)
{
    (void)state;
    check("", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    check("abc", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *m448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    check(m448, strlen(m448), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    const char *m896 =
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
        "klmnopqrlmnopqrsmnopqrstnopqrstu";
    check(m896, strlen(m896), "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

static void test_a_million_a(void **state)
{
    (void)state;
    size_t n = 1000000;
    char *a = xmalloc(n);
    memset(a, 'a', n);
    check(a, n, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    free(a);
}

/* Byte i of each message is (7 i + 3) mod 256: lengths on both sides of 56 (where the length
 * no longer fits the last block) and of each block boundary. */
static void test_lengths_around_blocks(void **state)
{
    (void)state;
    static const struct {
        size_t len;
        const char *want;
    } cases[] = {
        {55, "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b"},
        {56, "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27"},
        {63, "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055"},
        {64, "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241"},
        {65, "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e"},
        {119, "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e"},
        {120, "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5"},
        {127, "a8d23e75d936f303d248888d9b165ee543f4cbafcad3c9dd2a79bd84faa11d07"},
        {128, "d2742f1f4ac6bb7ca2b239ee18402ba8b3f9f8e652d2a72973c2b9ba11c08cf6"},
        {1000, "1e9bc38cbf860b9ec31918b065f9b52476c549a782e0e7990bed8ce3868d2371"},
    };
    uint8_t m[1000];
    for (size_t i = 0; i < sizeof m; i++)
        m[i] = (uint8_t)(i * 7 + 3);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check(m, cases[i].len, cases[i].want);
}

/* The same bytes given in pieces of every size give the same digest as given at once. */
static void test_pieces(void **state)
{
    (void)state;
    uint8_t m[300];
    for (size_t i = 0; i < sizeof m; i++)
        m[i] = (uint8_t)(i * 7 + 3);
    char whole[DIGEST_HEX_LEN + 1];
    digest_sha256_hex(m, sizeof m, whole);
    for (size_t piece = 1; piece <= 130; piece++) {
        struct digest_sha256 s;
        uint8_t sum[DIGEST_SHA256_SIZE];
        digest_sha256_init(&s);
        for (size_t at = 0; at < sizeof m; at += piece)
            digest_sha256_update(&s, m + at, sizeof m - at < piece ? sizeof m - at : piece);
        digest_sha256_final(&s, sum);
        char hex[DIGEST_HEX_LEN + 1];
        for (size_t i = 0; i < DIGEST_SHA256_SIZE; i++)
            snprintf(hex + 2 * i, 3, "%02x", sum[i]);
        assert_string_equal(hex, whole);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fips_examples),
        cmocka_unit_test(test_a_million_a),
        cmocka_unit_test(test_lengths_around_blocks),
        cmocka_unit_test(test_pieces),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
