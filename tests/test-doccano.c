/* test-doccano.c: doccano JSONL, read and written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "byline-error.h"
#include "byline-format.h"
#include "byline-native.h"

#include "format-test-util.h"

/* "“Hi 😀,” said 李雷 — cafe + U+0301 👨‍👩‍👧 ‘ok’.\r\n\tSecond 北京\r\nlast line"
 * with no final newline: astral, ZWJ, combining, CJK, curly quotes, em
 * dash, CRLF and a tab. */
#define ADVERSARIAL_TEXT \
  "\xe2\x80\x9cHi \xf0\x9f\x98\x80,\xe2\x80\x9d said \xe6\x9d\x8e\xe9\x9b\xb7 \xe2\x80\x94 " \
  "cafe\xcc\x81 \xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7 " \
  "\xe2\x80\x98ok\xe2\x80\x99.\r\n\tSecond \xe5\x8c\x97\xe4\xba\xac\r\nlast line"

static const BylineFormat *
doccano (void)
{
  const BylineFormat *format = byline_format_lookup ("doccano");

  g_assert_nonnull (format);
  g_assert_true (byline_format_can_read (format));
  g_assert_true (byline_format_can_write (format));
  return format;
}

static char *
example_path (const char *part,
              const char *kind,
              const char *name)
{
  /* tests/data/doccano/ is a copy of doccano's own example files. */
  if (g_str_equal (part, "tests"))
    return g_test_build_filename (G_TEST_DIST, "data", "doccano", "backend", "data_import", "tests",
                                  "data", kind, name, NULL);
  return g_test_build_filename (G_TEST_DIST, "data", "doccano", "backend", part, "pipeline",
                                "examples", kind, name, NULL);
}

static gboolean
read_file (const char      *path,
           BylineProblems  *warnings,
           GPtrArray      **docs,
           GError         **error)
{
  return format_test_read (doccano (), path, warnings, docs, error);
}

static GPtrArray *
read_ok (const char     *path,
         BylineProblems *warnings,
         guint           expected)
{
  return format_test_read_ok (doccano (), path, warnings, expected);
}


/* The annotation over @start–@end, checked to cover @text. */
static BylineAnnotation *
assert_span (BylineDocument *doc,
             guint           start,
             guint           end,
             const char     *label,
             const char     *text)
{
  for (guint i = 0; i < byline_document_get_n_annotations (doc); i++)
    {
      BylineAnnotation *a = byline_document_get_annotation (doc, i);
      g_autofree char *slice = NULL;

      if (byline_annotation_get_start (a) != start || byline_annotation_get_end (a) != end ||
          g_strcmp0 (byline_annotation_get_label (a), label) != 0)
        continue;
      slice = byline_document_dup_slice (doc, start, end);
      g_assert_cmpstr (slice, ==, text);
      g_assert_cmpint (byline_annotation_get_status (a), ==, BYLINE_STATUS_MANUAL);
      return a;
    }
  g_error ("no %s annotation at %u–%u", label, start, end);
  return NULL;
}

static gboolean
has_warning (BylineProblems *warnings,
             const char     *needle)
{
  for (guint i = 0; i < byline_problems_get_n (warnings); i++)
    {
      const BylineProblem *p = byline_problems_get (warnings, i);

      if (p->severity == BYLINE_SEVERITY_WARNING && strstr (p->message, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* ---- doccano's own examples ------------------------------------------- */

static void
assert_conll_example (GPtrArray *docs,
                      gboolean   second_span)
{
  BylineDocument *doc = docs->pdata[0];

  g_assert_cmpstr (byline_document_get_text (doc), ==, "EU rejects German call to boycott British lamb.");
  assert_span (doc, 0, 2, "ORG", "EU");
  if (second_span)
    {
      BylineAnnotation *misc = assert_span (doc, 11, 17, "MISC", "German");

      /* The news schema has no MISC: kept, in the entities layer. */
      g_assert_cmpstr (byline_annotation_get_layer (misc), ==, "entities");
    }
  g_assert_cmpuint (byline_document_get_n_annotations (doc), ==, second_span ? 2 : 1);
  assert_span (docs->pdata[1], 0, 15, "PERSON", "Peter Blackburn");
  assert_span (docs->pdata[2], 10, 15, "PERSON", "Obama");
  g_assert_cmpstr (byline_annotation_get_layer (byline_document_get_annotation (docs->pdata[2], 0)), ==,
                   "entities");
}

static void
test_example_sequence_labeling (void)
{
  g_autofree char *path = example_path ("data_export", "sequence_labeling", "example.jsonl");
  g_autoptr(BylineProblems) warnings = byline_problems_new ();
  g_autoptr(GPtrArray) docs = read_ok (path, warnings, 3);

  assert_conll_example (docs, TRUE);
  /* No ids in the file: FILE-LINE. */
  g_assert_cmpstr (byline_document_get_id (docs->pdata[1]), ==, "example-2");
  g_assert_true (has_warning (warnings, "label “MISC” is not in the schema"));
}

/* The upload form's example names its columns column_data/column_label. */
static void
test_example_upload_columns (void)
{
  g_autofree char *path = example_path ("data_import", "sequence_labeling", "example.jsonl");
  g_autoptr(GPtrArray) docs = read_ok (path, NULL, 3);
  JsonObject *meta = byline_document_get_meta (docs->pdata[0]);

  assert_conll_example (docs, FALSE);
  g_assert_false (json_object_has_member (meta, "column_data"));
  g_assert_false (json_object_has_member (meta, "column_label"));
}

static void
assert_google (BylineDocument *doc,
               gboolean        relation_ids)
{
  BylineRelation *r;

  g_assert_cmpuint (byline_document_get_n_annotations (doc), ==, 4);
  g_assert_cmpstr (byline_annotation_get_id (assert_span (doc, 0, 6, "ORG", "Google")), ==, "a0");
  g_assert_cmpstr (byline_annotation_get_id (assert_span (doc, 22, 39, "DATE", "September 4, 1998")), ==, "a1");
  g_assert_cmpstr (byline_annotation_get_id (assert_span (doc, 44, 54, "PERSON", "Larry Page")), ==, "a2");
  g_assert_cmpstr (byline_annotation_get_id (assert_span (doc, 59, 70, "PERSON", "Sergey Brin")), ==, "a3");
  g_assert_cmpuint (byline_document_get_n_relations (doc), ==, 3);
  r = byline_document_get_relation (doc, 0);
  g_assert_cmpstr (byline_relation_get_relation_type (r), ==, "foundedAt");
  g_assert_cmpstr (byline_relation_get_from (r), ==, "a0");
  g_assert_cmpstr (byline_relation_get_to (r), ==, "a1");
  r = byline_document_get_relation (doc, 2);
  g_assert_cmpstr (byline_relation_get_relation_type (r), ==, "foundedBy");
  g_assert_cmpstr (byline_relation_get_from (r), ==, "a0");
  g_assert_cmpstr (byline_relation_get_to (r), ==, "a3");
  if (relation_ids)
    g_assert_cmpstr (byline_relation_get_id (r), ==, "r2");
}

static void
test_example_relations (void)
{
  g_autoptr(BylineProblems) warnings = byline_problems_new ();
  g_autofree char *pretty = example_path ("data_export", "relation_extraction", "example.jsonl");
  g_autofree char *import = example_path ("data_import", "relation_extraction", "example.jsonl");
  g_autofree char *tests = example_path ("tests", "relation_extraction", "example.jsonl");
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autoptr(GPtrArray) c = NULL;

  /* doccano's documentation example spreads one object over 45 lines. */
  a = read_ok (pretty, warnings, 1);
  assert_google (a->pdata[0], TRUE);
  g_assert_true (has_warning (warnings, "relation type “foundedBy” is not in the schema"));
  b = read_ok (import, NULL, 1);
  assert_google (b->pdata[0], FALSE);
  c = read_ok (tests, NULL, 1);
  assert_google (c->pdata[0], FALSE);
}

/* doccano's importer test file: the third line has no text. */
static void
test_example_importer_tests (void)
{
  g_autofree char *path = example_path ("tests", "sequence_labeling", "example.jsonl");
  g_autofree char *overlap = example_path ("tests", "sequence_labeling", "example_overlapping.jsonl");
  g_autoptr(BylineProblems) warnings = byline_problems_new ();
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GPtrArray) twice = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strconcat (path, ":3: no “text”", NULL);
  JsonNode *page;

  g_assert_false (read_file (path, NULL, &docs, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (error->message, "keys here: label, meta"));
  g_assert_cmpuint (docs->len, ==, 2);
  assert_span (docs->pdata[0], 0, 1, "LOC", "e");
  g_assert_cmpuint (byline_document_get_n_annotations (docs->pdata[1]), ==, 0);
  /* Old exports' "meta" object is the document's metadata. */
  page = json_object_get_member (byline_document_get_meta (docs->pdata[1]), "wikiPageID");
  g_assert_nonnull (page);
  g_assert_cmpint (json_node_get_int (page), ==, 2);

  /* The same span twice is kept once, with a warning. */
  twice = read_ok (overlap, warnings, 1);
  g_assert_cmpuint (byline_document_get_n_annotations (twice->pdata[0]), ==, 1);
  g_assert_true (has_warning (warnings, "span 2 repeats 0–1 LOC: kept once"));
}

/* ---- Other shapes ------------------------------------------------------ */

static void
test_shapes (void)
{
  /* A BOM, CRLF line ends, blank lines, ids as numbers and strings,
   * relation ids, doccano's Comments and flattened metadata, a text
   * classification line and intent detection's cats. */
  static const char data[] =
    "\xEF\xBB\xBF{\"id\": 7, \"text\": \"\\\"We will win,\\\" said Smith.\", \"entities\": ["
    "{\"id\": 11, \"label\": \"QUOTE\", \"start_offset\": 0, \"end_offset\": 14}, "
    "{\"id\": 12, \"label\": \"SPEAKER\", \"start_offset\": 20, \"end_offset\": 25}], "
    "\"relations\": [{\"id\": 3, \"from_id\": 11, \"to_id\": 12, \"type\": \"said_by\"}], "
    "\"Comments\": [\"check\"], \"source\": \"Wire\"}\r\n"
    "\r\n"
    "{\"id\": \"doc-b\", \"text\": \"Good news\", \"label\": [\"positive\", \"sport\"]}\r\n"
    "{\"text\": \"Book a flight\", \"entities\": [[7, 13, \"PRODUCT\"]], \"cats\": [\"travel\"]}\r\n"
    "\r\n";
  g_autofree char *path = format_test_temp_file ("shapes.doccano.jsonl", data, -1);
  g_autoptr(BylineProblems) warnings = byline_problems_new ();
  g_autoptr(GPtrArray) docs = read_ok (path, warnings, 3);
  BylineDocument *doc = docs->pdata[0];
  JsonObject *meta = byline_document_get_meta (doc);
  JsonArray *cats;
  BylineRelation *r;

  g_assert_cmpstr (byline_document_get_id (doc), ==, "7");
  g_assert_cmpstr (byline_annotation_get_id (assert_span (doc, 0, 14, "QUOTE", "\"We will win,\"")), ==, "a11");
  g_assert_cmpstr (byline_annotation_get_layer (byline_document_lookup_annotation (doc, "a11")), ==, "speakers");
  assert_span (doc, 20, 25, "SPEAKER", "Smith");
  r = byline_document_lookup_relation (doc, "r3");
  g_assert_nonnull (r);
  g_assert_cmpstr (byline_relation_get_from (r), ==, "a11");
  g_assert_cmpstr (byline_relation_get_to (r), ==, "a12");
  g_assert_cmpstr (byline_document_get_meta_string (doc, "source"), ==, "Wire");
  g_assert_true (json_object_has_member (meta, "Comments"));

  doc = docs->pdata[1];
  g_assert_cmpstr (byline_document_get_id (doc), ==, "doc-b");
  g_assert_cmpuint (byline_document_get_n_annotations (doc), ==, 0);
  cats = json_object_get_array_member (byline_document_get_attributes (doc), "categories");
  g_assert_cmpuint (json_array_get_length (cats), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (cats, 1), ==, "sport");
  g_assert_true (has_warning (warnings, "kept as the document attribute “categories”"));

  doc = docs->pdata[2];
  g_assert_cmpstr (byline_document_get_id (doc), ==, "shapes-4");
  assert_span (doc, 7, 13, "PRODUCT", "flight");
  cats = json_object_get_array_member (byline_document_get_attributes (doc), "categories");
  g_assert_cmpstr (json_array_get_string_element (cats, 0), ==, "travel");
  format_test_remove_temp (path);
}

/* doccano's JSON import format: one array of the same objects. */
static void
test_json_array (void)
{
  static const char data[] =
    "[\n  {\"text\": \"EU rejects\", \"label\": [[0, 2, \"ORG\"]]},\n"
    "  {\"text\": \"Peter\", \"label\": []}\n]\n";
  g_autofree char *path = format_test_temp_file ("array.json", data, -1);
  g_autoptr(GPtrArray) docs = read_ok (path, NULL, 2);

  assert_span (docs->pdata[0], 0, 2, "ORG", "EU");
  g_assert_cmpstr (byline_document_get_id (docs->pdata[1]), ==, "array-3");
  format_test_remove_temp (path);
}

static gboolean
stop_cb (BylineDocument  *document,
         gpointer         user_data,
         GError         **error)
{
  guint *n = user_data;

  (*n)++;
  g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_FAILED, "enough");
  return FALSE;
}

static void
test_stops_when_asked (void)
{
  g_autofree char *path = example_path ("data_export", "sequence_labeling", "example.jsonl");
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_false (byline_format_read (doccano (), path, NULL, NULL, stop_cb, &n, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_FAILED);
  g_assert_cmpuint (n, ==, 1);
}

/* ---- Errors ------------------------------------------------------------ */

typedef struct
{
  const char *contents;
  int         code;
  const char *message;   /* after "PATH:" */
  guint       n_before;  /* documents delivered before the error */
} BadCase;

static void
test_bad_input (void)
{
  static const BadCase cases[] = {
    /* A truncated line: the next line cannot close it. */
    { "{\"text\": \"ok\", \"label\": []}\n{\"text\": \"abc\", \"label\": [[0, 1\n{\"text\": \"x\", \"label\": []}\n",
      BYLINE_ERROR_PARSE, "2: the JSON value that starts here is not closed at the end of the file (truncated?)", 1 },
    { "{\"text\": \"ab\n{\"text\": \"x\", \"label\": []}\n",
      BYLINE_ERROR_PARSE, "1: the JSON value that starts here is not closed", 0 },
    { "{\"text\": \"abc\", \"label\": [[0, 9, \"ORG\"]]}\n",
      BYLINE_ERROR_OUT_OF_RANGE, "1: span 1: end 9 is past the end of the text (3 characters)", 0 },
    { "{\"text\": \"abc\", \"label\": [[-1, 2, \"ORG\"]]}\n",
      BYLINE_ERROR_OUT_OF_RANGE, "1: span 1: start -1 is out of range", 0 },
    { "{\"text\": \"abc\", \"label\": [[0, 99999999999999, \"ORG\"]]}\n",
      BYLINE_ERROR_OUT_OF_RANGE, "1: span 1: end 99999999999999 is out of range", 0 },
    { "{\"text\": \"abc\", \"label\": [[0, 1.5, \"ORG\"]]}\n",
      BYLINE_ERROR_INVALID, "1: span 1: end is a number, not a whole number", 0 },
    { "{\"text\": \"abc\", \"label\": [[2, 2, \"ORG\"]]}\n",
      BYLINE_ERROR_OUT_OF_RANGE, "1: span 1: start 2 is not before end 2", 0 },
    { "{\"text\": \"abc\", \"label\": [[0, 2]]}\n",
      BYLINE_ERROR_INVALID, "1: span 1: expected [start, end, label]", 0 },
    { "{\"text\": \"abc\", \"label\": \"x\"}\n",
      BYLINE_ERROR_INVALID, "1: “label” is a string, not a list of [start, end, label] spans or of category names", 0 },
    { "{\"text\": \"abc\", \"label\": [\"x\", [0, 1, \"ORG\"]]}\n",
      BYLINE_ERROR_INVALID, "1: “label” mixes category names and a list (item 2)", 0 },
    { "{\"text\": 5}\n", BYLINE_ERROR_INVALID, "1: “text” is a number, not a string", 0 },
    { "{\"text\": \"a\"}\n\"just a string\"\n",
      BYLINE_ERROR_INVALID, "2: expected a JSON object (one document a line), found a string", 1 },
    { "{\"text\": \"a\"}\n{\"text\": \"b\", \"label\": [],}\n",
      BYLINE_ERROR_PARSE, "2: invalid JSON", 1 },
    { "{\"text\": \"a\"}\n{\"text\": \"b\xff\"}\n",
      BYLINE_ERROR_PARSE, "2: invalid UTF-8 (byte 0xff)", 1 },
    { "{\"text\": \"a\"}}\n", BYLINE_ERROR_PARSE, "1: unexpected “}” where a JSON value should start", 1 },
    { "[{\"text\": \"a\"},\n{\"text\": \"b\"}\n", BYLINE_ERROR_PARSE, "1: the array that starts here is not closed", 2 },
    { "[{\"text\": \"a\"} {\"text\": \"b\"}]\n",
      BYLINE_ERROR_PARSE, "1: expected “,” or “]” after an element of the array, found “{”", 1 },
    { "{\"text\": \"Smith\", \"entities\": [{\"id\": 1, \"start_offset\": 0, \"end_offset\": 5, \"label\": \"PERSON\"}],"
      " \"relations\": [{\"from_id\": 1, \"to_id\": 99, \"type\": \"refers_to\"}]}\n",
      BYLINE_ERROR_UNKNOWN_ID, "1: relation 1: unknown to_id 99 (no entity has that id)", 0 },
    { "{\"text\": \"Smith\", \"entities\": [{\"id\": 1, \"start_offset\": 0, \"end_offset\": 5, \"label\": \"PERSON\"},"
      " {\"id\": 1, \"start_offset\": 0, \"end_offset\": 2, \"label\": \"ORG\"}]}\n",
      BYLINE_ERROR_DUPLICATE_ID, "1: entity 2 (id 1): another entity has this id", 0 },
    { "{\"text\": \"Smith\", \"entities\": [{\"id\": 1, \"start\": 0, \"end\": 5, \"label\": \"PERSON\"}]}\n",
      BYLINE_ERROR_INVALID, "1: entity 1 (id 1): needs “start_offset”, “end_offset” and “label”", 0 },
    { "{\"text\": \"Smith\", \"entities\": [], \"relations\": {\"from_id\": 1}}\n",
      BYLINE_ERROR_INVALID, "1: “relations” is an object, not a list", 0 },
  };

  /* Deep nesting would exhaust JSON-GLib's stack: refused first. */
  {
    GString *deep = g_string_new ("{\"text\": \"a\"}\n{\"text\": \"a\", \"label\": ");
    g_autofree char *path = NULL;
    g_autofree char *expected = NULL;
    g_autoptr(GPtrArray) docs = NULL;
    g_autoptr(GError) error = NULL;

    for (guint i = 0; i < 100000; i++)
      g_string_append_c (deep, '[');
    for (guint i = 0; i < 100000; i++)
      g_string_append_c (deep, ']');
    g_string_append (deep, "}\n");
    path = format_test_temp_file ("deep.doccano.jsonl", deep->str, deep->len);
    g_string_free (deep, TRUE);
    expected = g_strconcat (path, ":2: the JSON value that starts here is nested more than 512 levels deep", NULL);
    g_assert_false (read_file (path, NULL, &docs, &error));
    g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE);
    g_assert_cmpstr (error->message, ==, expected);
    g_assert_cmpuint (docs->len, ==, 1);
    format_test_remove_temp (path);
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = format_test_temp_file ("bad.doccano.jsonl", cases[i].contents, -1);
      g_autofree char *expected = g_strconcat (path, ":", cases[i].message, NULL);
      g_autoptr(GPtrArray) docs = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u", i);
      g_assert_false (read_file (path, NULL, &docs, &error));
      g_assert_error (error, BYLINE_ERROR, cases[i].code);
      if (!g_str_has_prefix (error->message, expected))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message, expected);
      g_assert_cmpuint (docs->len, ==, cases[i].n_before);
      format_test_remove_temp (path);
    }
}

static void
test_missing_file (void)
{
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (read_file ("/nonexistent/x.doccano.jsonl", NULL, &docs, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/x.doccano.jsonl: "));
}

/* ---- Writing and round trips ------------------------------------------ */

static char *
write_docs (BylineDocument **docs,
            guint            n,
            BylineLosses    *losses)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("byline-doccano-XXXXXX", &error);
  char *path = g_build_filename (dir, "out.doccano.jsonl", NULL);
  BylineFormatOptions options = { 0 };
  g_autoptr(BylineWriter) writer = NULL;

  options.losses = losses;
  writer = byline_format_open_writer (doccano (), path, &options, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (byline_writer_write (writer, docs[i], &error));
      g_assert_no_error (error);
    }
  g_assert_true (byline_writer_finish (writer, &error));
  g_assert_no_error (error);
  return path;
}

static BylineDocument *
load_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "blinken-china-nbc.byline.json", NULL);
  g_autoptr(GError) error = NULL;
  BylineDocument *doc = byline_document_load_any (path, &error);

  g_assert_no_error (error);
  return doc;
}

static guint
offset_of (BylineDocument *doc,
           const char     *needle)
{
  const char *text = byline_document_get_text (doc);
  const char *hit = strstr (text, needle);

  g_assert_nonnull (hit);
  return byline_document_byte_to_offset (doc, hit - text);
}

static BylineAnnotation *
add_span (BylineDocument *doc,
          const char     *layer,
          const char     *label,
          const char     *needle)
{
  guint start = offset_of (doc, needle);
  guint end = start + g_utf8_strlen (needle, -1);
  g_autoptr(BylineAnnotation) a = byline_annotation_new (layer, label, start, end);
  g_autoptr(GError) error = NULL;
  BylineAnnotation *added = byline_document_add_annotation (doc, a, &error);

  g_assert_no_error (error);
  return added;
}

static void
add_relation (BylineDocument   *doc,
              const char       *type,
              BylineAnnotation *from,
              BylineAnnotation *to)
{
  g_autoptr(BylineRelation) r = byline_relation_new (type, byline_annotation_get_id (from),
                                                     byline_annotation_get_id (to));
  g_autoptr(GError) error = NULL;

  byline_document_add_relation (doc, r, &error);
  g_assert_no_error (error);
}

static BylineDocument *
adversarial_document (void)
{
  BylineDocument *doc = byline_document_new ();
  BylineAnnotation *quote, *speaker, *cue;

  g_assert_true (byline_document_set_text (doc, ADVERSARIAL_TEXT, -1, NULL));
  byline_document_set_id (doc, "adversarial");
  byline_document_set_meta_string (doc, BYLINE_META_TITLE, "Tricky \xe2\x80\x9ctext\xe2\x80\x9d");
  quote = add_span (doc, "speakers", "QUOTE", "\xe2\x80\x9cHi \xf0\x9f\x98\x80,\xe2\x80\x9d");
  cue = add_span (doc, "speakers", "CUE", "said");
  speaker = add_span (doc, "speakers", "SPEAKER", "\xe6\x9d\x8e\xe9\x9b\xb7");
  add_span (doc, "entities", "PRODUCT", "cafe\xcc\x81");
  add_span (doc, "entities", "PERSON", "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7");
  add_span (doc, "speakers", "QUOTE", "\xe2\x80\x98ok\xe2\x80\x99");
  add_span (doc, "entities", "WORK_OF_ART", "\tSecond");
  add_span (doc, "entities", "GPE", "\xe5\x8c\x97\xe4\xba\xac");
  add_span (doc, "entities", "EVENT", ".\r\n\tSecond");
  add_span (doc, "entities", "EVENT", "last line");
  add_relation (doc, "said_by", quote, speaker);
  add_relation (doc, "cue", quote, cue);
  byline_document_mark_loaded (doc);
  return doc;
}

static char *
relation_key (BylineRelation *r)
{
  return g_strdup_printf ("%s %s %s %s", byline_relation_get_id (r), byline_relation_get_relation_type (r),
                          byline_relation_get_from (r), byline_relation_get_to (r));
}

/* @back holds every written annotation of @doc (those not rejected), with
 * the same id, label, layer and characters, and the same relations. */
static void
assert_same_annotations (BylineDocument *doc,
                         BylineDocument *back)
{
  guint n = 0;

  g_assert_cmpstr (byline_document_get_text (back), ==, byline_document_get_text (doc));
  g_assert_cmpstr (byline_document_get_id (back), ==, byline_document_get_id (doc));
  for (guint i = 0; i < byline_document_get_n_annotations (doc); i++)
    {
      BylineAnnotation *a = byline_document_get_annotation (doc, i);
      BylineAnnotation *b;
      g_autofree char *text_a = NULL;
      g_autofree char *text_b = NULL;

      if (byline_annotation_get_status (a) == BYLINE_STATUS_REJECTED)
        continue;
      n++;
      b = byline_document_lookup_annotation (back, byline_annotation_get_id (a));
      g_assert_nonnull (b);
      g_assert_cmpstr (byline_annotation_get_label (b), ==, byline_annotation_get_label (a));
      g_assert_cmpstr (byline_annotation_get_layer (b), ==, byline_annotation_get_layer (a));
      g_assert_cmpuint (byline_annotation_get_start (b), ==, byline_annotation_get_start (a));
      g_assert_cmpuint (byline_annotation_get_end (b), ==, byline_annotation_get_end (a));
      text_a = byline_document_dup_annotation_text (doc, a);
      text_b = byline_document_dup_annotation_text (back, b);
      g_assert_cmpstr (text_b, ==, text_a);
    }
  g_assert_cmpuint (byline_document_get_n_annotations (back), ==, n);
  g_assert_cmpuint (byline_document_get_n_relations (back), ==, byline_document_get_n_relations (doc));
  for (guint i = 0; i < byline_document_get_n_relations (doc); i++)
    {
      BylineRelation *r = byline_document_get_relation (doc, i);
      BylineRelation *s = byline_document_lookup_relation (back, byline_relation_get_id (r));
      g_autofree char *kr = relation_key (r);
      g_autofree char *ks = NULL;

      g_assert_nonnull (s);
      ks = relation_key (s);
      g_assert_cmpstr (ks, ==, kr);
    }
}

static void
assert_same_meta (BylineDocument *doc,
                  BylineDocument *back)
{
  g_autoptr(JsonNode) a = json_node_init_object (json_node_alloc (), byline_document_get_meta (doc));
  g_autoptr(JsonNode) b = json_node_init_object (json_node_alloc (), byline_document_get_meta (back));

  g_assert_true (json_node_equal (a, b));
}

static void
test_round_trip_sample (void)
{
  g_autoptr(BylineDocument) doc = load_sample ();
  g_autoptr(BylineLosses) losses = byline_losses_new ();
  g_autoptr(GPtrArray) docs = NULL;
  g_autofree char *path = NULL;
  g_autofree char *summary = NULL;

  g_assert_cmpuint (byline_document_get_n_relations (doc), >, 0);
  path = write_docs (&doc, 1, losses);
  docs = read_ok (path, NULL, 1);
  assert_same_annotations (doc, docs->pdata[0]);
  assert_same_meta (doc, docs->pdata[0]);

  /* What doccano cannot hold is counted, not dropped silently. */
  summary = byline_losses_to_string (losses);
  g_test_message ("losses: %s", summary);
  /* The sample's one suggestion: GPE "Washington", confidence 0.72. */
  g_assert_cmpuint (byline_losses_get_count (losses, "confidence scores", "GPE"), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (losses, "suggestion status (suggestions written as plain spans)", "GPE"),
                    ==, 1);
  g_assert_nonnull (strstr (summary, "annotation attributes: 5 (check_worthy 1, quote_type 2, stance 1, topic 1)"));
  format_test_remove_temp (path);
}

static void
test_round_trip_adversarial (void)
{
  g_autoptr(BylineDocument) doc = adversarial_document ();
  g_autoptr(BylineDocument) empty = byline_document_new ();
  BylineDocument *both[2];
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *path = NULL;
  g_autofree char *path2 = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(GStrv) lines = NULL;
  JsonObject *line;
  JsonArray *entities;

  g_assert_true (byline_document_set_text (empty, "", 0, NULL));
  byline_document_set_id (empty, "42");
  both[0] = doc;
  both[1] = empty;
  path = write_docs (both, 2, NULL);
  docs = read_ok (path, NULL, 2);
  assert_same_annotations (doc, docs->pdata[0]);
  assert_same_meta (doc, docs->pdata[0]);
  g_assert_cmpstr (byline_document_get_text (docs->pdata[1]), ==, "");
  g_assert_cmpstr (byline_document_get_id (docs->pdata[1]), ==, "42");

  /* The file is what doccano writes: one object a line, code point
   * offsets, numeric ids. The emoji quote is 7 code points (9 UTF-16
   * units). */
  g_assert_true (g_file_get_contents (path, &first, NULL, NULL));
  lines = g_strsplit (first, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[2], ==, "");
  g_assert_true (json_parser_load_from_data (parser, lines[0], -1, NULL));
  line = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (line, "id"), ==, "adversarial");
  g_assert_cmpstr (json_object_get_string_member (line, "title"), ==, "Tricky \xe2\x80\x9ctext\xe2\x80\x9d");
  entities = json_object_get_array_member (line, "entities");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (entities, 0), "start_offset"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (entities, 0), "end_offset"), ==, 7);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (entities, 0), "id"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (line, "relations")), ==, 2);
  g_assert_true (json_parser_load_from_data (parser, lines[1], -1, NULL));
  line = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (line, "id"), ==, 42);

  /* Written again, the same bytes: the output is deterministic. */
  both[0] = docs->pdata[0];
  both[1] = docs->pdata[1];
  path2 = write_docs (both, 2, NULL);
  g_assert_true (g_file_get_contents (path2, &second, NULL, NULL));
  g_assert_cmpstr (second, ==, first);
  again = read_ok (path2, NULL, 2);
  assert_same_annotations (doc, again->pdata[0]);
  format_test_remove_temp (path);
  format_test_remove_temp (path2);
}

/* Ids that are not Byline's "a12" get numbers after the largest. */
static void
test_foreign_ids (void)
{
  g_autoptr(BylineDocument) doc = byline_document_new ();
  g_autoptr(GPtrArray) docs = NULL;
  g_autofree char *path = NULL;
  BylineAnnotation *a, *b;
  BylineDocument *back;
  BylineRelation *r;
  g_autoptr(BylineAnnotation) q = byline_annotation_new ("speakers", "QUOTE", 0, 14);
  g_autoptr(BylineAnnotation) s = byline_annotation_new ("speakers", "SPEAKER", 20, 25);

  g_assert_true (byline_document_set_text (doc, "\"We will win,\" said Smith.", -1, NULL));
  byline_annotation_set_id (q, "q1");
  byline_annotation_set_id (s, "a7");
  a = byline_document_add_annotation (doc, q, NULL);
  b = byline_document_add_annotation (doc, s, NULL);
  add_relation (doc, "said_by", a, b);
  path = write_docs (&doc, 1, NULL);
  docs = read_ok (path, NULL, 1);
  back = docs->pdata[0];
  g_assert_nonnull (byline_document_lookup_annotation (back, "a7"));
  g_assert_cmpuint (byline_annotation_get_start (byline_document_lookup_annotation (back, "a8")), ==, 0);
  r = byline_document_get_relation (back, 0);
  g_assert_cmpstr (byline_relation_get_from (r), ==, "a8");
  g_assert_cmpstr (byline_relation_get_to (r), ==, "a7");
  format_test_remove_temp (path);
}

static void
test_losses (void)
{
  g_autoptr(BylineDocument) doc = byline_document_new ();
  g_autoptr(BylineLosses) losses = byline_losses_new ();
  g_autoptr(GPtrArray) docs = NULL;
  g_autofree char *path = NULL;
  g_autoptr(BylineAnnotation) quote = byline_annotation_new ("speakers", "QUOTE", 0, 14);
  g_autoptr(BylineAnnotation) rejected = byline_annotation_new ("speakers", "SPEAKER", 20, 25);
  g_autoptr(BylineAnnotation) split = byline_annotation_new ("claims", "CLAIM", 1, 3);
  g_autoptr(BylineAnnotation) suggested = byline_annotation_new ("speakers", "CUE", 15, 19);
  BylineAnnotation *q, *r;
  BylineDocument *back;

  g_assert_true (byline_document_set_text (doc, "\"We will win,\" said Smith.", -1, NULL));
  byline_annotation_set_attribute_string (quote, "quote_type", "direct");
  byline_annotation_set_note (quote, "check");
  byline_annotation_set_status (rejected, BYLINE_STATUS_REJECTED);
  g_assert_true (byline_annotation_add_fragment (split, 9, 12));
  byline_annotation_set_status (suggested, BYLINE_STATUS_SUGGESTED);
  byline_annotation_set_confidence (suggested, 0.5);
  q = byline_document_add_annotation (doc, quote, NULL);
  r = byline_document_add_annotation (doc, rejected, NULL);
  byline_document_add_annotation (doc, split, NULL);
  byline_document_add_annotation (doc, suggested, NULL);
  add_relation (doc, "said_by", q, r);

  path = write_docs (&doc, 1, losses);
  g_assert_cmpuint (byline_losses_get_count (losses, "rejected annotations", "SPEAKER"), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (losses, "relations to rejected annotations", "said_by"), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (losses, "annotation attributes", "quote_type"), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (losses, "notes", "QUOTE"), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (losses, "confidence scores", "CUE"), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (losses, "suggestion status (suggestions written as plain spans)", "CUE"),
                    ==, 1);
  g_assert_cmpuint (byline_losses_get_count (losses,
                                             "discontinuous annotations (each fragment written as its own span)",
                                             "CLAIM"), ==, 1);

  /* The discontinuous claim comes back as two spans of its label. */
  docs = read_ok (path, NULL, 1);
  back = docs->pdata[0];
  g_assert_cmpuint (byline_document_get_n_annotations (back), ==, 4);
  assert_span (back, 1, 3, "CLAIM", "We");
  assert_span (back, 9, 12, "CLAIM", "win");
  assert_span (back, 15, 19, "CUE", "said");
  g_assert_cmpuint (byline_document_get_n_relations (back), ==, 0);
  format_test_remove_temp (path);
}

/* A file already there is replaced only when the writer finishes. */
static void
test_writer_atomic (void)
{
  g_autofree char *path = format_test_temp_file ("keep.doccano.jsonl", "old\n", -1);
  g_autoptr(BylineDocument) doc = adversarial_document ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  BylineWriter *writer = byline_format_open_writer (doccano (), path, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (byline_writer_write (writer, doc, &error));
  byline_writer_free (writer);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old\n");
  format_test_remove_temp (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/doccano/example/sequence-labeling", test_example_sequence_labeling);
  g_test_add_func ("/doccano/example/upload-columns", test_example_upload_columns);
  g_test_add_func ("/doccano/example/relations", test_example_relations);
  g_test_add_func ("/doccano/example/importer-tests", test_example_importer_tests);
  g_test_add_func ("/doccano/read/shapes", test_shapes);
  g_test_add_func ("/doccano/read/json-array", test_json_array);
  g_test_add_func ("/doccano/read/stops", test_stops_when_asked);
  g_test_add_func ("/doccano/read/bad", test_bad_input);
  g_test_add_func ("/doccano/read/missing", test_missing_file);
  g_test_add_func ("/doccano/write/round-trip-sample", test_round_trip_sample);
  g_test_add_func ("/doccano/write/round-trip-adversarial", test_round_trip_adversarial);
  g_test_add_func ("/doccano/write/foreign-ids", test_foreign_ids);
  g_test_add_func ("/doccano/write/losses", test_losses);
  g_test_add_func ("/doccano/write/atomic", test_writer_atomic);

  return g_test_run ();
}
