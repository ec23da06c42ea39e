/* test_arena.c - the bump allocator: alignment, big allocations, marks that release the
 * newest allocations for reuse without touching older ones, and adopted blocks (under ASan,
 * a leak or a use after free fails the test). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "xalloc.h"

static void test_alloc(void **state)
{
    (void)state;
    struct arena *a = arena_new();
    char *s = arena_strndup(a, "hello world", 5);
    assert_string_equal(s, "hello");
    for (int i = 0; i < 1000; i++) {
        void *p = arena_alloc(a, (size_t)i % 97 + 1);
        assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
    }
    unsigned char *big = arena_calloc(a, 3, 1024 * 1024); /* beyond any block */
    assert_int_equal(big[3 * 1024 * 1024 - 1], 0);
    assert_string_equal(s, "hello");
    arena_free(a);
    arena_free(NULL);
}

static void test_mark_rewind(void **state)
{
    (void)state;
    struct arena *a = arena_new();
    char *kept = arena_strndup(a, "kept", 4);
    struct arena_mark m = arena_mark(a);
    char *first = arena_alloc(a, 100);
    for (int round = 0; round < 3; round++) {
        /* enough to fill several blocks, then all of it released */
        for (int i = 0; i < 2000; i++)
            memset(arena_alloc(a, 512), 0xab, 512);
        arena_rewind(a, m);
        assert_ptr_equal(arena_alloc(a, 100), first); /* the same memory again */
        assert_string_equal(kept, "kept");
    }
    /* a mark in a later block, and one of an empty arena */
    struct arena *b = arena_new();
    struct arena_mark empty = arena_mark(b);
    arena_alloc(b, 64 * 1024);
    struct arena_mark later = arena_mark(b);
    char *x = arena_strndup(b, "x", 1);
    arena_alloc(b, 2 * 1024 * 1024);
    arena_rewind(b, later);
    assert_ptr_equal(arena_strndup(b, "y", 1), x);
    arena_rewind(b, empty);
    arena_free(b);
    arena_free(a);
}

static void test_adopt(void **state)
{
    (void)state;
    struct arena *a = arena_new();
    assert_null(arena_adopt(a, NULL));
    for (int i = 0; i < 10; i++) {
        char *p = arena_adopt(a, xmalloc(1000));
        memset(p, i, 1000);
    }
    arena_free(a); /* frees them: a leak would fail under LeakSanitizer */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_alloc),
        cmocka_unit_test(test_mark_rewind),
        cmocka_unit_test(test_adopt),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
