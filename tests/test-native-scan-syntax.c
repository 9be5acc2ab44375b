/* test-native-scan-syntax.c: the scanner reads JSON's syntax exactly as
 * the tree reader does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * UTF-8, numbers, escapes and surrogates, what JSON-GLib reads its own way
 * (comments, single quotes, huge numbers) and deep nesting, each fed to
 * both readers by scan_test_check_same() (see test-native-scan.c).
 */
#include <string.h>

#include <glib/gstdio.h>

#include "byline-error.h"
#include "byline-json-writer.h"
#include "byline-native.h"
#include "byline-native-scan.h"

#include "scan-test-util.h"

/* ---- Tests -------------------------------------------------------------- */

static void
test_utf8 (void)
{
  guchar buf[4];

  /* Every sequence of one to three bytes, and four-byte ones with every
   * lead and second byte: the scanner's check is g_utf8_validate()'s. */
  for (guint a = 0; a < 256; a++)
    {
      buf[0] = a;
      g_assert_cmpuint (_byline_native_scan_utf8_char (buf, 1) == 1, ==,
                        g_utf8_validate_len ((const char *) buf, 1, NULL));
      for (guint b = 0; b < 256; b++)
        {
          buf[1] = b;
          if (a >= 0x80)
            g_assert_cmpuint (_byline_native_scan_utf8_char (buf, 2) == 2, ==,
                              g_utf8_validate_len ((const char *) buf, 2, NULL));
          if (a < 0xE0)
            continue;
          for (guint c = 0; c < 256; c++)
            {
              gsize n;

              buf[2] = c;
              n = _byline_native_scan_utf8_char (buf, 3);
              if (a < 0xF0)
                g_assert_cmpuint (n == 3, ==, g_utf8_validate_len ((const char *) buf, 3, NULL));
              else
                g_assert_cmpuint (n, ==, 0);  /* too short */
            }
          if (a < 0xF0)
            continue;
          for (guint c = 0x70; c < 0xD0; c += 0x0F)
            for (guint d = 0x70; d < 0xD0; d += 0x0F)
              {
                buf[2] = c;
                buf[3] = d;
                g_assert_cmpuint (_byline_native_scan_utf8_char (buf, 4) == 4, ==,
                                  g_utf8_validate_len ((const char *) buf, 4, NULL));
              }
        }
    }
}

#define HEAD_START \
  "{\"format\": \"byline\", \"version\": 1, \"text\": \"0123456789\", " \
  "\"annotations\": [{\"layer\": \"entities\", \"label\": \"PERSON\", "

/* Numbers where offsets, the version and the confidence go. */
static void
test_numbers (void)
{
  static const char * const numbers[] = {
    "0", "-0", "5", "1e1", "1E1", "1.0", "5.0", "-0.0", "10e-1", "01", "+5", ".5", "5.", "0x5", "-5",
    "4294967295", "2147483647", "2147483648", "999999999999999999", "9999999999999999999",
    "99999999999999999999", "18446744073709551621", "-9223372036854775808", "1e400", "NaN", "5 ",
  };
  static const char * const templates[] = {
    HEAD_START "\"start\": @, \"end\": 9}]}",
    HEAD_START "\"start\": 0, \"end\": @}]}",
    HEAD_START "\"fragments\": [[@, 9]]}]}",
    HEAD_START "\"start\": 0, \"end\": 9, \"confidence\": @}]}",
    HEAD_START "\"start\": 0, \"end\": 9, \"attributes\": {\"n\": @}}]}",
    "{\"format\": \"byline\", \"version\": @, \"text\": \"0123456789\"}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"0123456789\", \"meta\": {\"n\": [@]}}",
  };
  guint scanned = 0;

  for (guint t = 0; t < G_N_ELEMENTS (templates); t++)
    for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
      {
        g_autoptr(GString) json = g_string_new (templates[t]);

        g_string_replace (json, "@", numbers[i], 1);
        scanned += scan_test_check_same_str (json->str, json->str);
      }
  g_assert_cmpuint (scanned, >=, 20);
}

/* Escapes in the text and in an annotation's text, surrogates whole and
 * lone. */
static void
test_escapes (void)
{
  static const char * const texts[][2] = {
    { "\\ud83d\\ude00", "\\ud83d\\ude00" },
    { "\\uD83D\\uDE00", "😀" },
    { "😀", "\\ud83d\\ude00" },
    { "\\ud83d", "x" },
    { "\\ude00", "x" },
    { "\\ud83dx", "x" },
    { "\\ud83d\\u0041", "x" },
    { "\\ud83d\\ud83d", "x" },
    { "\\ud83d\\", "x" },
    { "\\ud83d\\u", "x" },
    { "\\u0000", "x" },
    { "\\u00", "x" },
    { "\\u00zz", "x" },
    { "\\x41", "x" },
    { "\\101", "x" },
    { "\\'", "x" },
    { "\\/\\b\\f\\n\\r\\t\\\"\\\\", "\\/" },
    { "\\u00e9\\u0301", "\\u00e9" },
    { "\\uFFFF\\uFFFE\\uFDD0", "\\uffff" },
    { "tab\tinside", "t" },
    { "\xed\xa0\xbd\xed\xb8\x80", "x" },
    { "\xc0\x80", "x" },
    { "\xf4\x90\x80\x80", "x" },
  };
  guint scanned = 0;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"format\": \"byline\", \"version\": 1, \"text\": \"%s\", "
                                               "\"annotations\": [{\"layer\": \"entities\", \"label\": \"PERSON\", "
                                               "\"start\": 0, \"end\": 1, \"text\": \"%s\"}], \"x\": \"%s\"}",
                                               texts[i][0], texts[i][1], texts[i][0]);

      scanned += scan_test_check_same_str (json, json);
    }
  g_assert_cmpuint (scanned, >=, 5);
}

/* What JSON-GLib takes and RFC 8259 does not, and shapes around the
 * document: the scanner declines them all and the tree reader decides. */
static void
test_lenient_syntax (void)
{
  static const char * const inputs[] = {
    "", " ", "\xEF\xBB\xBF", "{}", "[]", "null", "\"byline\"", "1",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\"}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\"} x",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\"} {}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\"}{\"format\": \"byline\", \"version\": 1, \"text\": \"b\"}",
    "/* c */ {\"format\": \"byline\", \"version\": 1, \"text\": \"abc\"}",
    "{\"format\": \"byline\", // c\n \"version\": 1, \"text\": \"abc\"}",
    "{'format': 'byline', \"version\": 1, \"text\": \"abc\"}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\",}",
    "{\"format\": \"byline\" \"version\": 1, \"text\": \"abc\"}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\", \"x\": [1,]}",
    "{\"format\": \"byline\",\f\"version\": 1, \"text\": \"abc\"}",
    "{\"format\": \"byline\",\v\"version\": 1, \"text\": \"abc\"}",
    "{\"format\": \"byline\",\xc2\xa0\"version\": 1, \"text\": \"abc\"}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\", \"x\": True}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\", \"x\": $10}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\", \"x\": 0b1}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\", \"x\": 017}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\", x: 1}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\", \"\": 1}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\", \"annotations\": null}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\", \"annotations\": {}}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\", \"annotations\": [1]}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\", \"annotations\": [[]]}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\", \"annotations\": [{}]}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\", \"annotations\": [], \"relations\": [{}]}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\", \"annotations\": [], \"relations\": [null]}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\", \"relations\": [{\"type\": \"t\", \"from\": \"a\", \"to\": \"b\"}]}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\", \"relations\": [{\"id\": \"r\", \"type\": \"t\", \"from\": \"a\", \"to\": \"a\"}, {\"id\": \"r\", \"type\": \"t\", \"from\": \"a\", \"to\": \"a\"}],"
      " \"annotations\": [{\"id\": \"a\", \"layer\": \"entities\", \"label\": \"ORG\", \"start\": 0, \"end\": 1}]}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\", \"annotations\": [{\"id\": \"a\", \"layer\": \"entities\", \"label\": \"ORG\", \"start\": 0, \"end\": 1}, {\"id\": \"a\", \"layer\": \"entities\", \"label\": \"ORG\", \"start\": 0, \"end\": 2}]}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\", \"annotations\": [{\"id\": \"a\", \"layer\": \"entities\", \"label\": \"ORG\", \"start\": 2, \"end\": 1}]}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\", \"annotations\": [{\"id\": \"a\", \"layer\": \"entities\", \"label\": \"ORG\", \"start\": 1, \"end\": 1}]}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\", \"annotations\": [{\"id\": \"a\", \"layer\": \"entities\", \"label\": \"ORG\", \"start\": 0, \"end\": 9}]}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\", \"annotations\": [{\"id\": \"a\", \"layer\": \"entities\", \"label\": \"ORG\", \"start\": 0, \"end\": 1, \"text\": \"b\"}]}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\", \"annotations\": [{\"id\": \"a\", \"layer\": \"entities\", \"label\": \"ORG\", \"start\": 0, \"end\": 1, \"status\": \"maybe\"}]}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\", \"annotations\": [{\"id\": \"a\", \"layer\": \"entities\", \"label\": \"ORG\", \"fragments\": [[0, 1], [1, 2]]}]}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\", \"annotations\": [{\"id\": \"a\", \"layer\": \"entities\", \"label\": \"ORG\", \"fragments\": [[0, 1], [2, 3]], \"text\": \"a c\"}]}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\", \"annotations\": [{\"id\": \"a\", \"layer\": \"entities\", \"label\": \"ORG\", \"fragments\": [[2, 3], [0, 1]], \"text\": \"a c\"}]}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\", \"annotations\": [{\"id\": \"a\", \"layer\": \"entities\", \"label\": \"ORG\", \"fragments\": [[0, 3]], \"start\": 0}]}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\", \"annotations\": [{\"id\": \"a\", \"layer\": \"entities\", \"label\": \"ORG\", \"start\": 0, \"end\": 1, \"confidence\": 1e400}]}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\", \"schema\": \"mine\", \"annotations\": [{\"layer\": \"l\", \"label\": \"L\", \"start\": 0, \"end\": 1}]}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\", \"schema\": 5}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\", \"meta\": [], \"id\": 5}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\", \"meta\": {\"a\": 1, \"a\": 2, \"b\": {\"c\": 1, \"c\": [2]}}}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\", \"annotations\": [{\"layer\": \"entities\", \"label\": \"ORG\", \"start\": 0, \"end\": 1, \"attributes\": {\"a\": 1, \"b\": 2, \"a\": 3}}]}",
    "{\"format\": \"Byline\", \"version\": 1, \"text\": \"abc\"}",
    "{\"format\": \"byline\", \"version\": 2, \"text\": \"abc\"}",
    "{\"format\": \"byline\", \"version\": 0, \"text\": \"abc\"}",
    "{\"format\": \"byline\", \"version\": \"1\", \"text\": \"abc\"}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": 5}",
    "{\"format\": \"byline\", \"version\": 1}",
    "{\"version\": 1, \"text\": \"abc\"}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\", \"text\": \"abd\"}",
    "{\"format\": \"byline\", \"version\": 1, \"text\": \"a\xff\"}",
  };
  static const char with_nul[] = "{\"format\": \"byline\", \"version\": 1, \"text\": \"a\0b\"}";
  guint scanned = 0;

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    scanned += scan_test_check_same_str (inputs[i], inputs[i]);
  scan_test_check_same (with_nul, sizeof with_nul - 1, "a NUL byte");
  g_assert_cmpuint (scanned, >=, 8);
}

static void
expect_refused (const char *json,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineDocument) doc = NULL;

  scan_test_check_same_str (json, json);
  doc = byline_native_load_data (json, strlen (json), "r.byline.json", NULL, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE);
  if (strcmp (error->message, message) != 0)
    g_error ("expected “%s”, got “%s”", message, error->message);
}

static void
expect_loaded (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineDocument) doc = NULL;

  scan_test_check_same_str (json, json);
  doc = byline_native_load_data (json, strlen (json), "r.byline.json", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
}

#define DOC_START "{\"format\": \"byline\", \"version\": 1,\n \"text\": \"abc\",\n "

/* JSON-GLib 1.6 turns a lone surrogate into invalid UTF-8, or swallows the
 * character after it, and keeps "\u0000" in a string that C then cuts
 * short: both readers refuse them, with the line and column. */
static void
test_refused_escapes (void)
{
  expect_refused (DOC_START "\"x\": \"a\\ud83dx\"}",
                  "r.byline.json: invalid JSON at line 3, column 9: lone surrogate \\ud83d in a string "
                  "(a character past U+FFFF is written as a pair, such as \\ud83d\\ude00)");
  expect_refused (DOC_START "\"x\": \"\\ude00\"}",
                  "r.byline.json: invalid JSON at line 3, column 8: lone surrogate \\ude00 in a string "
                  "(a character past U+FFFF is written as a pair, such as \\ud83d\\ude00)");
  expect_refused (DOC_START "\"x\": \"\\uD83D\\u0041\"}",
                  "r.byline.json: invalid JSON at line 3, column 8: lone surrogate \\ud83d in a string "
                  "(a character past U+FFFF is written as a pair, such as \\ud83d\\ude00)");
  expect_refused (DOC_START "\"\\ud83d\": 1}",
                  "r.byline.json: invalid JSON at line 3, column 3: lone surrogate \\ud83d in a string "
                  "(a character past U+FFFF is written as a pair, such as \\ud83d\\ude00)");
  expect_refused ("{\"format\": \"byline\", \"version\": 1, \"text\": \"\u00e9\\u0000\"}",
                  "r.byline.json: invalid JSON at line 1, column 46: \\u0000 in a string "
                  "(Byline cannot keep NUL characters)");
  /* Not escapes: an escaped backslash, a comment, a single-quoted string. */
  expect_loaded (DOC_START "\"x\": \"\\\\ud83d\\ud83d\\ude00\"}");
  expect_loaded (DOC_START "\"x\": 1 /* \"\\ud83d\" */}");
  expect_loaded (DOC_START "\"x\": '\\ud83d'}");
}

/* Up to the limit, both readers read deep values alike; past it the file
 * is refused before JSON-GLib 1.6, which has no limit, recurses into it
 * and, some 60,000 levels down, overflows the stack. */
static void
test_deep_nesting (void)
{
  static const guint depths[] = { 1, 2, 100, 255, 256, 510, 511, 512, 513, 1000, 200000 };

  for (guint i = 0; i < G_N_ELEMENTS (depths); i++)
    for (guint shape = 0; shape < 3; shape++)
      {
        g_autofree char *value = shape == 0 ? scan_test_nested (depths[i], "[", "]", "1")
                               : shape == 1 ? scan_test_nested (depths[i], "{\"a\": ", "}", "null")
                                            : scan_test_nested (depths[i], "[{\"b\": ", "}]", "\"deep\"");
        g_autofree char *json = g_strdup_printf ("{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\", "
                                                 "\"x_deep\": %s, \"annotations\": %s}",
                                                 value, shape == 0 ? value : "[]");
        /* The root is one level, each "[" or "{" another. */
        guint levels = 1 + depths[i] * (shape == 2 ? 2 : 1);
        g_autofree char *what = g_strdup_printf ("depth %u, shape %u", depths[i], shape);
        gboolean scanned = scan_test_check_same_str (json, what);

        if (levels > BYLINE_NATIVE_SCAN_MAX_DEPTH)
          {
            g_autoptr(GError) error = NULL;
            g_autoptr(BylineDocument) doc = byline_native_load_data (json, strlen (json), "deep.byline.json",
                                                                     NULL, NULL, &error);
            g_autofree char *expected = g_strdup_printf ("nested deeper than %u levels",
                                                         BYLINE_NATIVE_SCAN_MAX_DEPTH);

            g_assert_null (doc);
            g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE);
            g_assert_nonnull (strstr (error->message, expected));
            g_assert_true (g_str_has_prefix (error->message, "deep.byline.json: invalid JSON at line 1, column "));
          }
        else
          g_assert_true (scanned == (shape != 0));
      }
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/native-scan/utf8", test_utf8);
  g_test_add_func ("/native-scan/numbers", test_numbers);
  g_test_add_func ("/native-scan/escapes", test_escapes);
  g_test_add_func ("/native-scan/lenient-syntax", test_lenient_syntax);
  g_test_add_func ("/native-scan/refused-escapes", test_refused_escapes);
  g_test_add_func ("/native-scan/deep-nesting", test_deep_nesting);
  status = g_test_run ();
  scan_test_report ();
  return status;
}
