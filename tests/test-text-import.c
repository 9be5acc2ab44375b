/* test-text-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "byline-error.h"
#include "byline-format.h"
#include "byline-import.h"

static void
test_bom_dropped_crlf_kept (void)
{
  static const char data[] = "\xEF\xBB\xBF" "“Quote,” he said.\r\nLine 2 😀\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineDocument) doc = byline_text_import (data, sizeof data - 1, "/tmp/a/story.v2.txt", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (byline_document_get_text (doc), ==, data + 3);
  g_assert_cmpuint (byline_document_get_n_chars (doc), ==, (guint) g_utf8_strlen (data + 3, -1));
  g_assert_cmpstr (byline_document_get_id (doc), ==, "story");
  g_assert_false (byline_document_get_modified (doc));
  g_assert_false (byline_document_can_undo (doc));
  /* Where it came from, exactly. */
  {
    JsonObject *import = json_object_get_object_member (byline_document_get_meta (doc), "import");
    g_autofree char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, sizeof data - 1);

    g_assert_cmpstr (json_object_get_string_member (import, "file"), ==, "story.v2.txt");
    g_assert_cmpstr (json_object_get_string_member (import, "format"), ==, "text");
    g_assert_cmpstr (json_object_get_string_member (import, "sha256"), ==, sum);
  }
}

static void
test_invalid_utf8_offset (void)
{
  static const char data[] = "line one\nline “two” \xC3\x28 bad";
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineDocument) doc = byline_text_import (data, sizeof data - 1, "bad.txt", &error);

  g_assert_null (doc);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE);
  /* "line one\n" is 9 bytes, "line “two” " 15 more. */
  g_assert_cmpstr (error->message, ==, "bad.txt: invalid UTF-8 at byte offset 24 (line 2, byte 0xc3)");
}

static void
test_nul_byte (void)
{
  static const char data[] = "abc\0def";
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineDocument) doc = byline_text_import (data, sizeof data - 1, "bin.txt", &error);

  g_assert_null (doc);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "NUL byte at byte offset 3"));
}

static void
test_empty_and_no_final_newline (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineDocument) empty = byline_text_import ("", 0, "empty.txt", &error);
  g_autoptr(BylineDocument) last = byline_text_import ("no newline", 10, "x.txt", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (byline_document_get_n_chars (empty), ==, 0);
  g_assert_cmpstr (byline_document_get_text (last), ==, "no newline");
}

static void
test_load_any_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", "blinken-china-nbc.txt", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineDocument) doc = byline_document_load_any (path, &error);

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_assert_cmpstr (byline_document_get_text (doc), ==, data);
  g_assert_cmpstr (byline_document_get_id (doc), ==, "blinken-china-nbc");

  g_clear_object (&doc);
  doc = byline_document_load_any ("/nonexistent/article.txt", &error);
  g_assert_null (doc);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/article.txt"));
}

static void
test_format_registry (void)
{
  g_assert_cmpstr (byline_format_for_path ("a/b.byline.json")->name, ==, "byline");
  g_assert_cmpstr (byline_format_for_path ("a/B.JSON")->name, ==, "json");
  g_assert_cmpstr (byline_format_for_path ("corpus.jsonl")->name, ==, "jsonl");
  g_assert_cmpstr (byline_format_for_path ("page.htm")->name, ==, "html");
  g_assert_cmpstr (byline_format_for_path ("story.txt")->name, ==, "text");
  g_assert_null (byline_format_for_path ("image.png"));
  g_assert_false (byline_format_can_write (byline_format_lookup ("html")));
  g_assert_true (byline_format_can_read (byline_format_lookup ("JSONL")));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text-import/bom-dropped-crlf-kept", test_bom_dropped_crlf_kept);
  g_test_add_func ("/text-import/invalid-utf8-offset", test_invalid_utf8_offset);
  g_test_add_func ("/text-import/nul-byte", test_nul_byte);
  g_test_add_func ("/text-import/empty-and-no-final-newline", test_empty_and_no_final_newline);
  g_test_add_func ("/text-import/load-any-sample", test_load_any_sample);
  g_test_add_func ("/format/registry", test_format_registry);
  return g_test_run ();
}
