/* test-native.c: the .byline.json format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "byline-error.h"
#include "byline-import.h"
#include "byline-native.h"

/* The formats.md running example, 26 characters. */
static const char example[] =
  "{\n"
  "  \"format\": \"byline\",\n"
  "  \"version\": 1,\n"
  "  \"id\": \"doc-1\",\n"
  "  \"meta\": {\"title\": \"Win\", \"source\": \"Wire\", \"url\": \"https://example.org/a\", \"published\": \"2024-04-23\", \"authors\": [\"A. Writer\"], \"language\": \"en\", \"zz_custom\": {\"b\": 1, \"a\": [true, null, 2.5]}},\n"
  "  \"text\": \"\\\"We will win,\\\" said Smith.\",\n"
  "  \"schema\": \"news\",\n"
  "  \"attributes\": {\"done\": false, \"topic\": \"sport\"},\n"
  "  \"annotations\": [\n"
  "    {\"id\": \"a1\", \"layer\": \"speakers\", \"label\": \"QUOTE\", \"start\": 0, \"end\": 14, \"text\": \"\\\"We will win,\\\"\", \"status\": \"manual\", \"origin\": \"alice\", \"attributes\": {\"quote_type\": \"direct\"}},\n"
  "    {\"id\": \"a3\", \"layer\": \"speakers\", \"label\": \"CUE\", \"start\": 15, \"end\": 19, \"text\": \"said\", \"status\": \"accepted\", \"origin\": \"rules:quotes\", \"confidence\": 0.1, \"reviewer\": \"bob\", \"note\": \"line\\nbreak\\ttab\", \"created\": \"2024-04-23T10:00:00Z\", \"modified\": \"2024-04-24T10:00:00Z\"},\n"
  "    {\"id\": \"a2\", \"layer\": \"speakers\", \"label\": \"SPEAKER\", \"start\": 20, \"end\": 25, \"text\": \"Smith\", \"status\": \"suggested\", \"origin\": \"rules:quotes\", \"confidence\": 0.8, \"x_reviewer\": \"bob\"}\n"
  "  ],\n"
  "  \"relations\": [\n"
  "    {\"id\": \"r1\", \"type\": \"said_by\", \"from\": \"a1\", \"to\": \"a2\"},\n"
  "    {\"id\": \"r2\", \"type\": \"cue\", \"from\": \"a1\", \"to\": \"a3\", \"status\": \"suggested\", \"origin\": \"rules:quotes\", \"attributes\": {\"certain\": true}}\n"
  "  ],\n"
  "  \"x_project\": \"pilot\"\n"
  "}\n";

static void
test_load_example (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineProblems) problems = byline_problems_new ();
  g_autoptr(BylineDocument) doc = byline_native_load_data (example, strlen (example), "example.byline.json",
                                                           NULL, problems, &error);
  BylineAnnotation *cue;
  BylineAnnotation *speaker;
  double confidence;

  g_assert_no_error (error);
  g_assert_cmpuint (byline_problems_get_n (problems), ==, 0);
  g_assert_cmpstr (byline_document_get_id (doc), ==, "doc-1");
  g_assert_cmpuint (byline_document_get_n_chars (doc), ==, 26);
  g_assert_cmpuint (byline_document_get_n_annotations (doc), ==, 3);
  g_assert_cmpuint (byline_document_get_n_relations (doc), ==, 2);
  g_assert_cmpstr (byline_document_get_meta_string (doc, "title"), ==, "Win");
  g_assert_false (byline_document_get_modified (doc));
  g_assert_false (byline_document_can_undo (doc));

  cue = byline_document_lookup_annotation (doc, "a3");
  g_assert_cmpint (byline_annotation_get_status (cue), ==, BYLINE_STATUS_ACCEPTED);
  g_assert_cmpstr (byline_annotation_get_note (cue), ==, "line\nbreak\ttab");
  /* Who accepted the suggestion is kept. */
  g_assert_cmpstr (byline_annotation_get_reviewer (cue), ==, "bob");
  g_assert_true (byline_annotation_get_confidence (cue, &confidence));
  g_assert_cmpfloat (confidence, ==, 0.1);
  speaker = byline_document_lookup_annotation (doc, "a2");
  g_assert_cmpstr (byline_annotation_get_origin (speaker), ==, "rules:quotes");
  g_assert_nonnull (byline_annotation_get_extra (speaker));
  g_assert_cmpstr (json_object_get_string_member (byline_annotation_get_extra (speaker), "x_reviewer"), ==, "bob");
  g_assert_cmpstr (byline_annotation_get_attribute_string (byline_document_lookup_annotation (doc, "a1"), "quote_type"),
                   ==, "direct");
}

/* Load, save, load, save: the second save is the first, byte for byte,
 * and the first is the input when the input was written by Byline. */
static void
test_roundtrip_bytes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineDocument) doc = byline_native_load_data (example, strlen (example), "x", NULL, NULL, &error);
  g_autofree char *first = NULL;
  g_autoptr(BylineDocument) again = NULL;
  g_autofree char *second = NULL;
  gsize len;

  g_assert_no_error (error);
  first = byline_native_to_string (doc, &len);
  /* Unknown keys survive, in sorted order after the known ones. */
  g_assert_nonnull (strstr (first, "\"x_reviewer\": \"bob\""));
  g_assert_nonnull (strstr (first, "\"x_project\": \"pilot\""));
  g_assert_nonnull (strstr (first, "\"zz_custom\": {\"a\": [true, null, 2.5], \"b\": 1}"));
  /* Annotations sorted by start: QUOTE, CUE, SPEAKER. */
  g_assert_true (strstr (first, "\"CUE\"") < strstr (first, "\"SPEAKER\""));

  again = byline_native_load_data (first, len, "y", NULL, NULL, &error);
  g_assert_no_error (error);
  second = byline_native_to_string (again, NULL);
  g_assert_cmpstr (first, ==, second);
}

static void
test_adversarial_text_roundtrip (void)
{
  static const char text[] =
    "“Quote 😀” — said Zoë (e\xcc\x81) in 北京\r\n"
    "👩‍👩‍👧 family\ttab \"straight\" back\\slash \x01 control";
  g_autoptr(BylineDocument) doc = byline_document_new ();
  g_autoptr(BylineDocument) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineAnnotation) q = byline_annotation_new ("speakers", "QUOTE", 0, 9);
  g_autoptr(BylineAnnotation) zoe = byline_annotation_new ("entities", "PERSON", 17, 20);
  g_autoptr(BylineAnnotation) acc = byline_annotation_new ("entities", "PERSON", 22, 24);
  g_autoptr(BylineAnnotation) bj = byline_annotation_new ("entities", "GPE", 29, 31);
  g_autoptr(BylineAnnotation) fam = byline_annotation_new ("entities", "PERSON", 33, 38);
  g_autofree char *data = NULL;
  g_autofree char *data2 = NULL;
  gsize len;

  g_assert_true (byline_document_set_text (doc, text, -1, &error));
  byline_annotation_add_fragment (fam, 39, 45);
  byline_annotation_set_confidence (zoe, 1.0 / 3.0);
  byline_annotation_set_confidence (bj, 1.0);
  for (guint i = 0; i < 5; i++)
    {
      BylineAnnotation *a = ((BylineAnnotation *[]) { q, zoe, acc, bj, fam })[i];

      g_assert_nonnull (byline_document_add_annotation (doc, a, &error));
      g_assert_no_error (error);
    }
  data = byline_native_to_string (doc, &len);
  /* The file is readable UTF-8: nothing but what JSON needs is escaped. */
  g_assert_nonnull (strstr (data, "“Quote 😀”"));
  g_assert_nonnull (strstr (data, "\\r\\n"));
  g_assert_nonnull (strstr (data, "\\u0001"));
  g_assert_nonnull (strstr (data, "\"text\": \"Zoë\""));
  g_assert_nonnull (strstr (data, "\"text\": \"北京\""));
  g_assert_nonnull (strstr (data, "\"text\": \"👩‍👩‍👧 family\""));
  g_assert_nonnull (strstr (data, "\"confidence\": 1.0,"));

  back = byline_native_load_data (data, len, "adversarial", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_document_get_text (back), ==, text);
  for (guint i = 0; i < byline_document_get_n_annotations (doc); i++)
    {
      BylineAnnotation *a = byline_document_get_annotation (doc, i);
      BylineAnnotation *b = byline_document_lookup_annotation (back, byline_annotation_get_id (a));

      g_assert_nonnull (b);
      g_assert_true (byline_annotation_equal (a, b));
    }
  data2 = byline_native_to_string (back, NULL);
  g_assert_cmpstr (data, ==, data2);
}

static BylineDocument *
load_expecting (const char *json,
                int         code,
                const char *fragment)
{
  g_autoptr(GError) error = NULL;
  BylineDocument *doc = byline_native_load_data (json, strlen (json), "bad.byline.json", NULL, NULL, &error);

  g_assert_null (doc);
  g_assert_error (error, BYLINE_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, "bad.byline.json: "));
  if (strstr (error->message, fragment) == NULL)
    g_error ("expected “%s” in “%s”", fragment, error->message);
  return NULL;
}

#define HEAD "{\"format\": \"byline\", \"version\": 1, \"text\": \"“We” said Smith.\", "

static void
test_bad_input (void)
{
  load_expecting ("{\"format\": \"byline\", \"version\": 1, \"text\": \"abc\"", BYLINE_ERROR_PARSE, "invalid JSON at line 1, column");
  load_expecting ("[1, 2]", BYLINE_ERROR_INVALID, "expected a JSON object");
  load_expecting ("{\"version\": 1, \"text\": \"abc\"}", BYLINE_ERROR_INVALID, "not a Byline document");
  load_expecting ("{\"format\": \"byline\", \"version\": 2, \"text\": \"abc\"}",
                  BYLINE_ERROR_UNSUPPORTED_VERSION, "version 2 is not supported");
  load_expecting ("{\"format\": \"byline\", \"version\": 1}", BYLINE_ERROR_INVALID, "“text” is missing");
  load_expecting (HEAD "\"annotations\": [{\"id\": \"a1\", \"layer\": \"entities\", \"label\": \"PERSON\", \"start\": 10, \"end\": 17}]}",
                  BYLINE_ERROR_OUT_OF_RANGE, "past the end of the text (16 characters)");
  load_expecting (HEAD "\"annotations\": [{\"id\": \"a1\", \"layer\": \"entities\", \"label\": \"PERSON\", \"start\": -1, \"end\": 3}]}",
                  BYLINE_ERROR_OUT_OF_RANGE, "“start” must be a whole number ≥ 0, not -1");
  load_expecting (HEAD "\"annotations\": [{\"id\": \"a1\", \"layer\": \"entities\", \"label\": \"PERSON\", \"start\": 1.5, \"end\": 3}]}",
                  BYLINE_ERROR_OUT_OF_RANGE, "not 1.5");
  load_expecting (HEAD "\"annotations\": [{\"id\": \"a1\", \"layer\": \"entities\", \"label\": \"PERSON\", \"start\": 5, \"end\": 3}]}",
                  BYLINE_ERROR_OUT_OF_RANGE, "start 5 is after end 3");
  /* Text counted in UTF-16 or bytes does not match the code points. */
  load_expecting (HEAD "\"annotations\": [{\"id\": \"a1\", \"layer\": \"entities\", \"label\": \"PERSON\", \"start\": 11, \"end\": 16, \"text\": \"Smith\"}]}",
                  BYLINE_ERROR_TEXT_MISMATCH, "text \"Smith\" does not match the document text \"mith.\" at 11–16");
  load_expecting (HEAD "\"annotations\": [{\"id\": \"a1\", \"layer\": \"entities\", \"label\": \"PERSON\", \"start\": 10, \"end\": 15},"
                  "{\"id\": \"a1\", \"layer\": \"entities\", \"label\": \"ORG\", \"start\": 0, \"end\": 4}]}",
                  BYLINE_ERROR_DUPLICATE_ID, "duplicate annotation id “a1”");
  load_expecting (HEAD "\"annotations\": [{\"id\": \"a1\", \"layer\": \"entities\", \"label\": \"PERSON\", \"start\": 10, \"end\": 15}],"
                  "\"relations\": [{\"id\": \"r1\", \"type\": \"said_by\", \"from\": \"a1\", \"to\": \"a7\"}]}",
                  BYLINE_ERROR_UNKNOWN_ID, "“a7” is not an annotation");
  load_expecting (HEAD "\"annotations\": [{\"id\": \"a1\", \"layer\": \"entities\", \"label\": 7, \"start\": 10, \"end\": 15}]}",
                  BYLINE_ERROR_INVALID, "“label” has the wrong type (a number)");
  load_expecting (HEAD "\"annotations\": [{\"id\": \"a1\", \"layer\": \"speakers\", \"label\": \"QUOTE\", \"fragments\": [[0, 5], [3, 8]]}]}",
                  BYLINE_ERROR_INVALID, "fragments overlap at 3");
  load_expecting (HEAD "\"annotations\": [{\"id\": \"a1\", \"layer\": \"entities\", \"label\": \"PERSON\", \"start\": 10, \"end\": 15, \"status\": \"maybe\"}]}",
                  BYLINE_ERROR_INVALID, "unknown status \"maybe\"");
  load_expecting (HEAD "\"annotations\": {}}", BYLINE_ERROR_INVALID, "“annotations” must be a list");
  load_expecting ("{\"format\": \"byline\", \"version\": 1, \"text\": \"a\xff\"}", BYLINE_ERROR_PARSE, "invalid UTF-8 at byte offset 45 (line 1, byte 0xff)");
}

static void
test_all_problems_listed (void)
{
  static const char json[] = HEAD "\"annotations\": ["
    "{\"id\": \"a1\", \"layer\": \"entities\", \"label\": \"PERSON\", \"start\": 10, \"end\": 99},"
    "{\"id\": \"a2\", \"layer\": \"entities\", \"label\": \"FOO\", \"start\": 10, \"end\": 15},"
    "{\"id\": \"a3\", \"layer\": \"entities\", \"label\": \"FOO\", \"start\": 0, \"end\": 4, \"text\": \"nope\"}]}";
  g_autoptr(BylineProblems) problems = byline_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineDocument) doc = byline_native_load_data (json, strlen (json), "f", NULL, problems, &error);
  guint warnings = 0;

  g_assert_null (doc);
  g_assert_cmpuint (byline_problems_get_n_errors (problems), ==, 2);
  for (guint i = 0; i < byline_problems_get_n (problems); i++)
    {
      const BylineProblem *p = byline_problems_get (problems, i);

      if (p->severity == BYLINE_SEVERITY_WARNING)
        {
          warnings++;
          g_assert_nonnull (strstr (p->message, "label “FOO” is not in schema “news” (kept)"));
        }
    }
  /* Reported once per label, not once per annotation. */
  g_assert_cmpuint (warnings, ==, 1);
  g_assert_nonnull (strstr (error->message, "(and 1 more error)"));
}

static void
test_unknown_label_kept (void)
{
  static const char json[] = HEAD "\"annotations\": ["
    "{\"id\": \"a2\", \"layer\": \"entities\", \"label\": \"FOO\", \"start\": 10, \"end\": 15}]}";
  g_autoptr(BylineProblems) problems = byline_problems_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineDocument) doc = byline_native_load_data (json, strlen (json), "f", NULL, problems, &error);
  g_autofree char *out = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (byline_problems_get_n (problems), ==, 1);
  out = byline_native_to_string (doc, NULL);
  g_assert_nonnull (strstr (out, "\"label\": \"FOO\""));
}

static void
test_save_atomic_with_backup (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("byline-native-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "doc.byline.json", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(BylineDocument) doc = byline_native_load_data (example, strlen (example), "x", NULL, NULL, &error);
  g_autoptr(BylineAnnotation) extra = byline_annotation_new ("entities", "PERSON", 20, 25);
  g_autofree char *first = NULL;
  g_autofree char *old = NULL;
  g_autofree char *now = NULL;
  g_autoptr(GDir) listing = NULL;
  guint n_files = 0;

  g_assert_no_error (error);
  g_assert_true (byline_native_save (doc, path, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (path, &first, NULL, NULL));

  byline_document_add_annotation (doc, extra, NULL);
  g_assert_true (byline_document_get_modified (doc));
  g_assert_true (byline_native_save (doc, path, &error));
  g_assert_false (byline_document_get_modified (doc));
  g_assert_true (g_file_get_contents (backup, &old, NULL, NULL));
  g_assert_cmpstr (old, ==, first);
  g_assert_true (g_file_get_contents (path, &now, NULL, NULL));
  g_assert_nonnull (strstr (now, "\"label\": \"PERSON\""));

  /* No temporary file is left behind. */
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 2);

  /* Saving into a directory that does not exist fails and creates nothing. */
  {
    g_autofree char *bad = g_build_filename (dir, "missing", "doc.byline.json", NULL);

    g_assert_false (byline_native_save (doc, bad, &error));
    g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_IO);
    g_assert_nonnull (strstr (error->message, bad));
    g_clear_error (&error);
  }

  g_unlink (backup);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_sample_article (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", "blinken-china-nbc.txt", NULL);
  g_autofree char *data = NULL;
  gsize len;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineDocument) doc = NULL;
  g_autoptr(BylineDocument) back = NULL;
  g_autofree char *saved = NULL;
  const char *text;
  const char *hit;
  const char *end;
  guint start;
  g_autoptr(BylineAnnotation) quote = NULL;
  g_autoptr(BylineAnnotation) person = NULL;
  g_autofree char *covered = NULL;

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  doc = byline_text_import (data, len, path, &error);
  g_assert_no_error (error);
  text = byline_document_get_text (doc);
  g_assert_cmpstr (text, ==, data);

  /* A curly-quoted quote after en dashes and curly apostrophes. */
  hit = strstr (text, "“We are prepared");
  start = byline_document_byte_to_offset (doc, (gsize) (hit - text));
  g_assert_cmpuint (start, ==, (guint) g_utf8_pointer_to_offset (text, hit));
  end = strstr (hit, "Europe,”") + strlen ("Europe,”");
  quote = byline_annotation_new ("speakers", "QUOTE", start,
                                 byline_document_byte_to_offset (doc, (gsize) (end - text)));
  g_assert_nonnull (byline_document_add_annotation (doc, quote, &error));
  covered = byline_document_dup_annotation_text (doc, quote);
  g_assert_true (g_str_has_prefix (covered, "“We are prepared"));
  g_assert_true (g_str_has_suffix (covered, "Europe,”"));

  hit = strstr (text, "Antony Blinken");
  start = (guint) g_utf8_pointer_to_offset (text, hit);
  person = byline_annotation_new ("entities", "PERSON", start, start + 14);
  g_assert_nonnull (byline_document_add_annotation (doc, person, &error));

  saved = byline_native_to_string (doc, &len);
  back = byline_native_load_data (saved, len, "sample", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_document_get_text (back), ==, data);
  g_assert_true (byline_annotation_equal (quote, byline_document_lookup_annotation (back, byline_annotation_get_id (quote))));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/native/load-example", test_load_example);
  g_test_add_func ("/native/roundtrip-bytes", test_roundtrip_bytes);
  g_test_add_func ("/native/adversarial-text", test_adversarial_text_roundtrip);
  g_test_add_func ("/native/bad-input", test_bad_input);
  g_test_add_func ("/native/all-problems-listed", test_all_problems_listed);
  g_test_add_func ("/native/unknown-label-kept", test_unknown_label_kept);
  g_test_add_func ("/native/save-atomic-with-backup", test_save_atomic_with_backup);
  g_test_add_func ("/native/sample-article", test_sample_article);
  return g_test_run ();
}
