/* test-labelstudio.c: Label Studio JSON tasks, read and written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "byline-error.h"
#include "byline-format.h"

#include "format-test-util.h"

/* "“Hi 😀,” said 李雷 — cafe + U+0301 👨‍👩‍👧 ‘ok’.\r\n\tSecond 北京\r\nlast line"
 * with no final newline. */
#define ADVERSARIAL_TEXT \
  "\xe2\x80\x9cHi \xf0\x9f\x98\x80,\xe2\x80\x9d said \xe6\x9d\x8e\xe9\x9b\xb7 \xe2\x80\x94 " \
  "cafe\xcc\x81 \xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7 " \
  "\xe2\x80\x98ok\xe2\x80\x99.\r\n\tSecond \xe5\x8c\x97\xe4\xba\xac\r\nlast line"

static const BylineFormat *
labelstudio (void)
{
  const BylineFormat *format = byline_format_lookup ("labelstudio");

  g_assert_nonnull (format);
  g_assert_true (byline_format_can_read (format));
  g_assert_true (byline_format_can_write (format));
  return format;
}

static gboolean
read_file (const char      *path,
           BylineProblems  *warnings,
           GPtrArray      **docs,
           GError         **error)
{
  return format_test_read (labelstudio (), path, warnings, docs, error);
}

static GPtrArray *
read_ok (const char     *path,
         BylineProblems *warnings,
         guint           expected)
{
  return format_test_read_ok (labelstudio (), path, warnings, expected);
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

static BylineAnnotation *
assert_annotation (BylineDocument *doc,
                   const char     *id,
                   const char     *label,
                   guint           start,
                   guint           end,
                   const char     *text,
                   BylineStatus    status)
{
  BylineAnnotation *a = byline_document_lookup_annotation (doc, id);
  g_autofree char *slice = NULL;

  g_assert_nonnull (a);
  g_assert_cmpstr (byline_annotation_get_label (a), ==, label);
  g_assert_cmpuint (byline_annotation_get_start (a), ==, start);
  g_assert_cmpuint (byline_annotation_get_end (a), ==, end);
  slice = byline_document_dup_annotation_text (doc, a);
  g_assert_cmpstr (slice, ==, text);
  g_assert_cmpint (byline_annotation_get_status (a), ==, status);
  return a;
}

static BylineRelation *
find_relation (BylineDocument *doc,
               const char     *type,
               const char     *from,
               const char     *to)
{
  for (guint i = 0; i < byline_document_get_n_relations (doc); i++)
    {
      BylineRelation *r = byline_document_get_relation (doc, i);

      if (g_str_equal (byline_relation_get_relation_type (r), type) &&
          g_str_equal (byline_relation_get_from (r), from) && g_str_equal (byline_relation_get_to (r), to))
        return r;
    }
  return NULL;
}

static double
confidence_of (BylineAnnotation *a)
{
  double c = -1;

  g_assert_true (byline_annotation_get_confidence (a, &c));
  return c;
}

/* ---- Reading an export ------------------------------------------------- */

static void
test_read_export (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "labelstudio", "export.json", NULL);
  g_autoptr(BylineProblems) warnings = byline_problems_new ();
  g_autoptr(GPtrArray) docs = read_ok (path, warnings, 3);
  BylineDocument *doc = docs->pdata[0];
  BylineAnnotation *a;
  BylineRelation *r;
  JsonObject *attrs = byline_document_get_attributes (doc);
  JsonArray *topic;

  g_assert_cmpstr (byline_document_get_id (doc), ==, "17");
  g_assert_cmpstr (byline_document_get_meta_string (doc, "title"), ==, "Win");
  g_assert_cmpstr (byline_document_get_meta_string (doc, "url"), ==, "https://example.org/a");

  /* The annotation: manual work by user 1, with its times. */
  a = assert_annotation (doc, "q1", "QUOTE", 0, 14, "\"We will win,\"", BYLINE_STATUS_MANUAL);
  g_assert_cmpstr (byline_annotation_get_layer (a), ==, "speakers");
  g_assert_cmpstr (byline_annotation_get_origin (a), ==, "labelstudio:user:1");
  g_assert_cmpstr (byline_annotation_get_created (a), ==, "2024-04-23T10:00:00.000000Z");
  g_assert_cmpstr (byline_annotation_get_modified (a), ==, "2024-04-23T10:05:00.000000Z");
  g_assert_false (byline_annotation_get_confidence (a, NULL));
  /* The per-region choice, listed before its region, is its attribute. */
  g_assert_cmpstr (byline_annotation_get_attribute_string (a, "quote_type"), ==, "direct");
  assert_annotation (doc, "c1", "CUE", 15, 19, "said", BYLINE_STATUS_MANUAL);
  a = assert_annotation (doc, "s1", "SPEAKER", 20, 25, "Smith", BYLINE_STATUS_MANUAL);
  g_assert_cmpstr (byline_annotation_get_note (a), ==, "check the name");

  /* Relations; "left" points from to_id to from_id. */
  g_assert_nonnull (find_relation (doc, "said_by", "q1", "s1"));
  r = find_relation (doc, "cue", "q1", "c1");
  g_assert_nonnull (r);
  g_assert_cmpint (byline_relation_get_status (r), ==, BYLINE_STATUS_MANUAL);

  /* Document-level choices and text areas are document attributes. */
  topic = json_object_get_array_member (attrs, "topic");
  g_assert_cmpuint (json_array_get_length (topic), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (topic, 0), ==, "politics");
  g_assert_cmpstr (json_object_get_string_member (attrs, "summary"), ==, "A quote.");

  /* Predictions are suggestions: the region's score, else the
   * prediction's; a region with two labels is two annotations. */
  a = assert_annotation (doc, "p1", "PERSON", 20, 25, "Smith", BYLINE_STATUS_SUGGESTED);
  g_assert_cmpstr (byline_annotation_get_origin (a), ==, "labelstudio:ner-v1");
  g_assert_cmpfloat (confidence_of (a), ==, 0.9);
  a = assert_annotation (doc, "p2", "QUOTE", 0, 14, "\"We will win,\"", BYLINE_STATUS_SUGGESTED);
  g_assert_cmpfloat (confidence_of (a), ==, 0.82);
  a = assert_annotation (doc, "p2-2", "CLAIM", 0, 14, "\"We will win,\"", BYLINE_STATUS_SUGGESTED);
  g_assert_cmpstr (byline_annotation_get_layer (a), ==, "claims");
  g_assert_cmpfloat (confidence_of (a), ==, 0.82);
  g_assert_cmpstr (byline_annotation_get_origin (a), ==, "labelstudio:ner-v1");
  r = find_relation (doc, "said_by", "p2", "p1");
  g_assert_nonnull (r);
  g_assert_cmpint (byline_relation_get_status (r), ==, BYLINE_STATUS_SUGGESTED);
  g_assert_cmpstr (byline_relation_get_origin (r), ==, "labelstudio:ner-v1");
  g_assert_cmpuint (byline_document_get_n_annotations (doc), ==, 6);
  g_assert_cmpuint (byline_document_get_n_relations (doc), ==, 3);

  /* Task 2: offsets in code points over emoji, ZWJ, combining marks, CJK
   * and CRLF; the user object's email is the origin; the cancelled
   * annotation is left out, with a warning. */
  doc = docs->pdata[1];
  g_assert_cmpstr (byline_document_get_text (doc), ==, ADVERSARIAL_TEXT);
  a = assert_annotation (doc, "e1", "QUOTE", 0, 7, "\xe2\x80\x9cHi \xf0\x9f\x98\x80,\xe2\x80\x9d",
                         BYLINE_STATUS_MANUAL);
  g_assert_cmpstr (byline_annotation_get_origin (a), ==, "bob@example.org");
  assert_annotation (doc, "e2", "PERSON", 24, 29,
                     "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7",
                     BYLINE_STATUS_MANUAL);
  assert_annotation (doc, "e3", "PRODUCT", 18, 23, "cafe\xcc\x81", BYLINE_STATUS_MANUAL);
  assert_annotation (doc, "e4", "GPE", 45, 47, "\xe5\x8c\x97\xe4\xba\xac", BYLINE_STATUS_MANUAL);
  assert_annotation (doc, "e5", "WORK_OF_ART", 37, 44, "\tSecond", BYLINE_STATUS_MANUAL);
  assert_annotation (doc, "e6", "EVENT", 49, 58, "last line", BYLINE_STATUS_MANUAL);
  g_assert_cmpuint (byline_document_get_n_chars (doc), ==, 58);
  g_assert_true (has_warning (warnings, "annotation 2 was cancelled"));

  doc = docs->pdata[2];
  g_assert_cmpuint (byline_document_get_n_annotations (doc), ==, 0);
  g_assert_cmpstr (byline_document_get_meta_string (doc, "source"), ==, "Wire");
}

/* A single task, JSONL of tasks, and a task that is its own data. */
static void
test_read_shapes (void)
{
  static const char single[] =
    "\xEF\xBB\xBF{\"data\": {\"text\": \"Smith\"}, \"annotations\": [{\"result\": [{\"id\": \"x\", "
    "\"type\": \"labels\", \"from_name\": \"label\", \"to_name\": \"text\", "
    "\"value\": {\"start\": 0, \"end\": 5, \"labels\": [\"PERSON\"]}}]}]}\r\n";
  static const char jsonl[] =
    "{\"data\": {\"text\": \"one\"}}\n{\"data\": {\"text\": \"two\"}}\n\n";
  static const char flat[] = "[{\"text\": \"Plain task\", \"title\": \"T\"}]";
  static const char other_key[] = "[{\"data\": {\"article\": \"Named otherwise\", \"n\": 3}}]";
  g_autofree char *p1 = format_test_temp_file ("single.json", single, -1);
  g_autofree char *p2 = format_test_temp_file ("tasks.jsonl", jsonl, -1);
  g_autofree char *p3 = format_test_temp_file ("flat.json", flat, -1);
  g_autofree char *p4 = format_test_temp_file ("other.json", other_key, -1);
  g_autoptr(BylineProblems) warnings = byline_problems_new ();
  g_autoptr(GPtrArray) a = read_ok (p1, NULL, 1);
  g_autoptr(GPtrArray) b = read_ok (p2, NULL, 2);
  g_autoptr(GPtrArray) c = read_ok (p3, NULL, 1);
  g_autoptr(GPtrArray) d = read_ok (p4, warnings, 1);

  assert_annotation (a->pdata[0], "x", "PERSON", 0, 5, "Smith", BYLINE_STATUS_MANUAL);
  g_assert_null (byline_annotation_get_origin (byline_document_lookup_annotation (a->pdata[0], "x")));
  g_assert_cmpstr (byline_document_get_id (a->pdata[0]), ==, "single-1");
  g_assert_cmpstr (byline_document_get_text (b->pdata[1]), ==, "two");
  g_assert_cmpstr (byline_document_get_id (b->pdata[1]), ==, "tasks-2");
  g_assert_cmpstr (byline_document_get_text (c->pdata[0]), ==, "Plain task");
  g_assert_cmpstr (byline_document_get_meta_string (c->pdata[0], "title"), ==, "T");
  g_assert_cmpstr (byline_document_get_text (d->pdata[0]), ==, "Named otherwise");
  g_assert_true (has_warning (warnings, "the text is its only string, “article”"));
  format_test_remove_temp (p1);
  format_test_remove_temp (p2);
  format_test_remove_temp (p3);
  format_test_remove_temp (p4);
}

static char *write_docs (BylineDocument **docs,
                         guint            n,
                         BylineLosses    *losses);

/* "bi" relations keep their direction through Byline; a relation without
 * a label is kept with the type "relation". */
static void
test_relation_directions (void)
{
  static const char data[] =
    "[{\"data\": {\"text\": \"Smith met Jones.\"}, \"annotations\": [{\"result\": ["
    "{\"id\": \"a\", \"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 5, \"labels\": [\"PERSON\"]}},"
    "{\"id\": \"b\", \"type\": \"labels\", \"value\": {\"start\": 10, \"end\": 15, \"labels\": [\"PERSON\"]}},"
    "{\"type\": \"relation\", \"from_id\": \"a\", \"to_id\": \"b\", \"direction\": \"bi\", \"labels\": [\"met\", \"knows\"]},"
    "{\"type\": \"relation\", \"from_id\": \"b\", \"to_id\": \"a\"}]}]}]";
  g_autofree char *path = format_test_temp_file ("relations.json", data, -1);
  g_autoptr(BylineProblems) warnings = byline_problems_new ();
  g_autoptr(GPtrArray) docs = read_ok (path, warnings, 1);
  g_autoptr(GPtrArray) back = NULL;
  g_autofree char *out = NULL;
  g_autofree char *contents = NULL;
  BylineDocument *doc = docs->pdata[0];
  BylineRelation *r;

  g_assert_cmpuint (byline_document_get_n_relations (doc), ==, 3);
  r = find_relation (doc, "met", "a", "b");
  g_assert_nonnull (r);
  g_assert_cmpstr (json_object_get_string_member (byline_relation_get_extra (r), "direction"), ==, "bi");
  g_assert_nonnull (find_relation (doc, "knows", "a", "b"));
  g_assert_nonnull (find_relation (doc, "relation", "b", "a"));
  g_assert_true (has_warning (warnings, "a relation without a label: kept with the type “relation”"));
  g_assert_true (has_warning (warnings, "relation type “met” is not in the schema"));

  out = write_docs (&doc, 1, NULL);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"from_id\": \"a\", \"to_id\": \"b\", \"direction\": \"bi\", \"labels\": [\"met\"]"));
  back = read_ok (out, NULL, 1);
  r = find_relation (back->pdata[0], "met", "a", "b");
  g_assert_nonnull (r);
  g_assert_cmpstr (json_object_get_string_member (byline_relation_get_extra (r), "direction"), ==, "bi");
  format_test_remove_temp (out);
  format_test_remove_temp (path);
}

/* ---- Errors ------------------------------------------------------------ */

typedef struct
{
  const char *contents;
  int         code;
  const char *message;   /* after "PATH:" */
  guint       n_before;
} BadCase;

#define TASK_START "{\"id\": 7, \"data\": {\"text\": \"Smith said.\"}, \"annotations\": [{\"result\": ["
#define REGION(id, s, e, text) \
  "{\"id\": \"" id "\", \"type\": \"labels\", \"from_name\": \"label\", \"to_name\": \"text\", " \
  "\"value\": {\"start\": " #s ", \"end\": " #e ", \"text\": \"" text "\", \"labels\": [\"PERSON\"]}}"

static void
test_bad_input (void)
{
  static const BadCase cases[] = {
    { "[\n" TASK_START REGION ("r1", 0, 5, "Smith") "]}]},\n" TASK_START REGION ("r1", 0, 5, "Smith") "]}]}\n",
      BYLINE_ERROR_PARSE, "1: the array that starts here is not closed with “]” at the end of the file (truncated?)", 2 },
    { "[\n" TASK_START REGION ("r1", 0, 5, "Smith") "]}]},\n" TASK_START "{\"id\": \"r1\", \"type\": \"labels\", \"value\": {\"start\": 0, \"text\": \"Sm",
      BYLINE_ERROR_PARSE, "3: the JSON value that starts here is not closed at the end of the file", 1 },
    { "[" TASK_START REGION ("r1", 0, 50, "Smith") "]}]}]",
      BYLINE_ERROR_OUT_OF_RANGE, "1: task 1 (id 7): annotation 1, result “r1”: end 50 is past the end of the text (11 characters)", 0 },
    { "[" TASK_START REGION ("r1", 0, 5, "Smyth") "]}]}]",
      BYLINE_ERROR_TEXT_MISMATCH, "1: task 1 (id 7): annotation 1, result “r1”: its text “Smyth” is not the text at 0–5, “Smith”", 0 },
    { "[" TASK_START REGION ("r1", 0, 5, "Smith") ", {\"type\": \"relation\", \"from_id\": \"r1\", \"to_id\": \"zz\", \"labels\": [\"x\"]}]}]}]",
      BYLINE_ERROR_UNKNOWN_ID, "1: task 1 (id 7): annotation 1, relation 1: unknown to_id “zz” (no region of this annotation has that id)", 0 },
    { "[" TASK_START REGION ("r1", -1, 5, "Smith") "]}]}]",
      BYLINE_ERROR_OUT_OF_RANGE, "1: task 1 (id 7): annotation 1, result “r1”: start -1 is out of range", 0 },
    { "[" TASK_START REGION ("r1", 6, 6, "") "]}]}]",
      BYLINE_ERROR_OUT_OF_RANGE, "1: task 1 (id 7): annotation 1, result “r1”: start 6 is not before end 6", 0 },
    { "[{\"data\": {\"text\": \"a\"}, \"annotations\": \"x\"}]",
      BYLINE_ERROR_INVALID, "1: task 1: “annotations” is a string, not a list", 0 },
    { "[{\"data\": {\"text\": \"a\"}, \"annotations\": [{\"result\": [42]}]}]",
      BYLINE_ERROR_INVALID, "1: task 1: annotation 1: result 1 is a number, not an object", 0 },
    { "[" TASK_START "{\"id\": \"r1\", \"type\": \"labels\", \"value\": {\"start\": 0, \"end\": 5, \"labels\": \"PERSON\"}}]}]}]",
      BYLINE_ERROR_INVALID, "1: task 1 (id 7): annotation 1, result “r1”: “labels” is a string, not a list of labels", 0 },
    { "[{\"data\": {\"text\": 3}}]", BYLINE_ERROR_INVALID, "1: task 1: data “text” is a number, not a string", 0 },
    { "[{\"data\": {\"a\": 1, \"b\": [2]}}]", BYLINE_ERROR_INVALID, "1: task 1: no “text” in the task's data (keys: a, b)", 0 },
    { "[{\"data\": \"x\"}]", BYLINE_ERROR_INVALID, "1: task 1: “data” is a string, not an object", 0 },
    { "[{\"data\": {\"text\": \"a\"}},\n 5]", BYLINE_ERROR_INVALID, "2: task 2 is a number, not an object", 1 },
    { "[{\"data\": {\"text\": \"a\"}},\n{\"data\": {\"text\": \"b\xc3\"}}]", BYLINE_ERROR_PARSE, "2: task 2: invalid UTF-8 (byte 0xc3)", 1 },
    { "[{\"data\": {\"text\": \"a\"}},\n{\"data\": {\"text\": \"b\"}, }]", BYLINE_ERROR_PARSE, "2: task 2: invalid JSON (column ", 1 },
    { "[{\"data\": {\"text\": \"a\"}}] []", BYLINE_ERROR_PARSE, "1: text after the end of the array", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = format_test_temp_file ("bad.labelstudio.json", cases[i].contents, -1);
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

/* ---- Writing and round trips ------------------------------------------ */

static char *
write_docs (BylineDocument **docs,
            guint            n,
            BylineLosses    *losses)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("byline-ls-XXXXXX", &error);
  char *path = g_build_filename (dir, "out.labelstudio.json", NULL);
  BylineFormatOptions options = { 0 };
  g_autoptr(BylineWriter) writer = NULL;

  options.losses = losses;
  writer = byline_format_open_writer (labelstudio (), path, &options, &error);
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

static BylineAnnotation *
add_span (BylineDocument *doc,
          const char     *layer,
          const char     *label,
          const char     *needle,
          BylineStatus    status)
{
  const char *text = byline_document_get_text (doc);
  const char *hit = strstr (text, needle);
  guint start, end;
  g_autoptr(BylineAnnotation) a = NULL;
  g_autoptr(GError) error = NULL;
  BylineAnnotation *added;

  g_assert_nonnull (hit);
  start = byline_document_byte_to_offset (doc, hit - text);
  end = start + g_utf8_strlen (needle, -1);
  a = byline_annotation_new (layer, label, start, end);
  byline_annotation_set_status (a, status);
  if (status == BYLINE_STATUS_SUGGESTED)
    byline_annotation_set_origin (a, "rules:quotes");
  added = byline_document_add_annotation (doc, a, &error);
  g_assert_no_error (error);
  return added;
}

static void
add_relation (BylineDocument   *doc,
              const char       *type,
              BylineAnnotation *from,
              BylineAnnotation *to,
              BylineStatus      status)
{
  g_autoptr(BylineRelation) r = byline_relation_new (type, byline_annotation_get_id (from),
                                                     byline_annotation_get_id (to));
  g_autoptr(GError) error = NULL;

  byline_relation_set_status (r, status);
  byline_document_add_relation (doc, r, &error);
  g_assert_no_error (error);
}

static BylineDocument *
adversarial_document (void)
{
  BylineDocument *doc = byline_document_new ();
  BylineAnnotation *quote, *speaker, *cue, *q2, *s2;

  g_assert_true (byline_document_set_text (doc, ADVERSARIAL_TEXT, -1, NULL));
  byline_document_set_id (doc, "adversarial");
  byline_document_set_meta_string (doc, BYLINE_META_TITLE, "Tricky \xe2\x80\x9ctext\xe2\x80\x9d");
  quote = add_span (doc, "speakers", "QUOTE", "\xe2\x80\x9cHi \xf0\x9f\x98\x80,\xe2\x80\x9d", BYLINE_STATUS_MANUAL);
  cue = add_span (doc, "speakers", "CUE", "said", BYLINE_STATUS_MANUAL);
  speaker = add_span (doc, "speakers", "SPEAKER", "\xe6\x9d\x8e\xe9\x9b\xb7", BYLINE_STATUS_MANUAL);
  add_span (doc, "entities", "PRODUCT", "cafe\xcc\x81", BYLINE_STATUS_MANUAL);
  add_span (doc, "entities", "PERSON",
            "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7", BYLINE_STATUS_MANUAL);
  q2 = add_span (doc, "speakers", "QUOTE", "\xe2\x80\x98ok\xe2\x80\x99", BYLINE_STATUS_SUGGESTED);
  s2 = add_span (doc, "speakers", "SPEAKER", "\tSecond", BYLINE_STATUS_SUGGESTED);
  add_span (doc, "entities", "GPE", "\xe5\x8c\x97\xe4\xba\xac", BYLINE_STATUS_SUGGESTED);
  add_span (doc, "entities", "EVENT", ".\r\n\tSecond", BYLINE_STATUS_MANUAL);
  add_span (doc, "entities", "EVENT", "last line", BYLINE_STATUS_MANUAL);
  add_relation (doc, "said_by", quote, speaker, BYLINE_STATUS_MANUAL);
  add_relation (doc, "cue", quote, cue, BYLINE_STATUS_MANUAL);
  add_relation (doc, "said_by", q2, s2, BYLINE_STATUS_SUGGESTED);
  byline_document_mark_loaded (doc);
  return doc;
}

/* What Label Studio holds comes back: ids, characters, labels, layers,
 * statuses (accepted becomes manual), confidence, notes, text and number
 * attributes, suggestion origins (with the labelstudio: prefix), and the
 * relations. */
static void
assert_round_trip (BylineDocument *doc,
                   BylineDocument *back)
{
  guint n = 0;

  g_assert_cmpstr (byline_document_get_text (back), ==, byline_document_get_text (doc));
  g_assert_cmpstr (byline_document_get_id (back), ==, byline_document_get_id (doc));
  for (guint i = 0; i < byline_document_get_n_annotations (doc); i++)
    {
      BylineAnnotation *a = byline_document_get_annotation (doc, i);
      BylineAnnotation *b;
      g_autofree char *ta = NULL;
      g_autofree char *tb = NULL;
      double ca, cb;
      BylineStatus status = byline_annotation_get_status (a);

      if (status == BYLINE_STATUS_REJECTED)
        continue;
      n++;
      b = byline_document_lookup_annotation (back, byline_annotation_get_id (a));
      g_assert_nonnull (b);
      g_assert_cmpstr (byline_annotation_get_label (b), ==, byline_annotation_get_label (a));
      g_assert_cmpstr (byline_annotation_get_layer (b), ==, byline_annotation_get_layer (a));
      g_assert_cmpuint (byline_annotation_get_start (b), ==, byline_annotation_get_start (a));
      g_assert_cmpuint (byline_annotation_get_end (b), ==, byline_annotation_get_end (a));
      ta = byline_document_dup_annotation_text (doc, a);
      tb = byline_document_dup_annotation_text (back, b);
      g_assert_cmpstr (tb, ==, ta);
      g_assert_cmpstr (byline_annotation_get_note (b), ==, byline_annotation_get_note (a));
      if (status == BYLINE_STATUS_SUGGESTED)
        {
          g_autofree char *origin = g_strconcat ("labelstudio:", byline_annotation_get_origin (a), NULL);

          g_assert_cmpint (byline_annotation_get_status (b), ==, BYLINE_STATUS_SUGGESTED);
          g_assert_cmpstr (byline_annotation_get_origin (b), ==, origin);
          g_assert_cmpint (byline_annotation_get_confidence (b, &cb), ==, byline_annotation_get_confidence (a, &ca));
          if (byline_annotation_get_confidence (a, &ca))
            g_assert_cmpfloat (cb, ==, ca);
        }
      else
        g_assert_cmpint (byline_annotation_get_status (b), ==, BYLINE_STATUS_MANUAL);
      for (guint k = 0; k < byline_annotation_get_n_attributes (a); k++)
        {
          const char *name = byline_annotation_get_attribute_name (a, k);
          JsonNode *va = byline_annotation_get_attribute (a, name);
          JsonNode *vb = byline_annotation_get_attribute (b, name);

          if (JSON_NODE_HOLDS_VALUE (va) && json_node_get_value_type (va) == G_TYPE_BOOLEAN)
            continue;
          g_assert_nonnull (vb);
          g_assert_true (json_node_equal (va, vb));
        }
    }
  g_assert_cmpuint (byline_document_get_n_annotations (back), ==, n);
  for (guint i = 0; i < byline_document_get_n_relations (doc); i++)
    {
      BylineRelation *r = byline_document_get_relation (doc, i);
      BylineRelation *s = find_relation (back, byline_relation_get_relation_type (r),
                                         byline_relation_get_from (r), byline_relation_get_to (r));

      g_assert_nonnull (s);
      g_assert_cmpint (byline_relation_get_status (s), ==,
                       byline_relation_get_status (r) == BYLINE_STATUS_SUGGESTED ? BYLINE_STATUS_SUGGESTED
                                                                                  : BYLINE_STATUS_MANUAL);
    }
  g_assert_cmpuint (byline_document_get_n_relations (back), ==, byline_document_get_n_relations (doc));
  {
    g_autoptr(JsonNode) ma = json_node_init_object (json_node_alloc (), byline_document_get_meta (doc));
    g_autoptr(JsonNode) mb = json_node_init_object (json_node_alloc (), byline_document_get_meta (back));

    g_assert_true (json_node_equal (ma, mb));
  }
}

static void
test_round_trip_sample (void)
{
  g_autoptr(BylineDocument) doc = load_sample ();
  g_autoptr(BylineLosses) losses = byline_losses_new ();
  g_autoptr(GPtrArray) docs = NULL;
  g_autofree char *path = NULL;
  g_autofree char *summary = NULL;
  BylineAnnotation *gpe;

  path = write_docs (&doc, 1, losses);
  docs = read_ok (path, NULL, 1);
  assert_round_trip (doc, docs->pdata[0]);

  /* The sample's suggestion comes back as one, from a prediction. */
  gpe = byline_document_lookup_annotation (docs->pdata[0], "a24");
  g_assert_cmpint (byline_annotation_get_status (gpe), ==, BYLINE_STATUS_SUGGESTED);
  g_assert_cmpstr (byline_annotation_get_origin (gpe), ==, "labelstudio:rules:entities");
  g_assert_cmpfloat (confidence_of (gpe), ==, 0.72);

  summary = byline_losses_to_string (losses);
  g_test_message ("losses: %s", summary);
  g_assert_cmpuint (byline_losses_get_count (losses, "origins of manual annotations (Label Studio credits the importing user)",
                                             "demo"), ==, 23);
  format_test_remove_temp (path);
}

static void
test_round_trip_adversarial (void)
{
  g_autoptr(BylineDocument) doc = adversarial_document ();
  g_autoptr(BylineDocument) numbered = byline_document_new ();
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *path2 = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  BylineDocument *both[2];
  JsonArray *tasks;
  JsonObject *task, *item, *value;
  JsonArray *predictions;

  g_assert_true (byline_document_set_text (numbered, "Smith.", -1, NULL));
  byline_document_set_id (numbered, "42");
  both[0] = doc;
  both[1] = numbered;
  path = write_docs (both, 2, NULL);
  docs = read_ok (path, NULL, 2);
  assert_round_trip (doc, docs->pdata[0]);
  g_assert_cmpstr (byline_document_get_id (docs->pdata[1]), ==, "42");

  /* The whole file is one JSON array that Label Studio reads: the task's
   * id is a number, or else in the data; value.text is the slice. */
  g_assert_true (g_file_get_contents (path, &first, NULL, NULL));
  g_assert_true (g_str_has_prefix (first, "[\n{"));
  g_assert_true (g_str_has_suffix (first, "}\n]\n"));
  g_assert_true (json_parser_load_from_data (parser, first, -1, &error));
  g_assert_no_error (error);
  tasks = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (tasks), ==, 2);
  task = json_array_get_object_element (tasks, 0);
  g_assert_false (json_object_has_member (task, "id"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (task, "data"), "id"), ==,
                   "adversarial");
  item = json_array_get_object_element (json_object_get_array_member (
           json_array_get_object_element (json_object_get_array_member (task, "annotations"), 0), "result"), 0);
  value = json_object_get_object_member (item, "value");
  g_assert_cmpint (json_object_get_int_member (value, "start"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (value, "end"), ==, 7);
  g_assert_cmpstr (json_object_get_string_member (value, "text"), ==,
                   "\xe2\x80\x9cHi \xf0\x9f\x98\x80,\xe2\x80\x9d");
  predictions = json_object_get_array_member (task, "predictions");
  g_assert_cmpuint (json_array_get_length (predictions), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (predictions, 0), "model_version"),
                   ==, "rules:quotes");
  /* No region has a score: nor does the prediction. */
  g_assert_false (json_object_has_member (json_array_get_object_element (predictions, 0), "score"));
  task = json_array_get_object_element (tasks, 1);
  g_assert_cmpint (json_object_get_int_member (task, "id"), ==, 42);
  g_assert_false (json_object_has_member (task, "annotations"));
  g_assert_false (json_object_has_member (task, "predictions"));

  /* Written again: the same bytes. */
  both[0] = docs->pdata[0];
  both[1] = docs->pdata[1];
  path2 = write_docs (both, 2, NULL);
  g_assert_true (g_file_get_contents (path2, &second, NULL, NULL));
  g_assert_cmpstr (second, ==, first);
  again = read_ok (path2, NULL, 2);
  assert_round_trip (doc, again->pdata[0]);
  format_test_remove_temp (path);
  format_test_remove_temp (path2);
}

/* Reading Label Studio's own export and writing it again keeps what Byline
 * holds: reading that gives the same documents. */
static void
test_export_round_trip (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "labelstudio", "export.json", NULL);
  g_autoptr(GPtrArray) docs = read_ok (path, NULL, 3);
  g_autoptr(GPtrArray) back = NULL;
  g_autofree char *out = NULL;
  g_autofree char *contents = NULL;
  BylineDocument *doc, *b;

  out = write_docs ((BylineDocument **) docs->pdata, docs->len, NULL);
  back = read_ok (out, NULL, 3);
  doc = docs->pdata[0];
  b = back->pdata[0];
  g_assert_cmpstr (byline_document_get_id (b), ==, "17");
  g_assert_cmpuint (byline_document_get_n_annotations (b), ==, byline_document_get_n_annotations (doc));
  g_assert_cmpuint (byline_document_get_n_relations (b), ==, byline_document_get_n_relations (doc));
  assert_annotation (b, "p2-2", "CLAIM", 0, 14, "\"We will win,\"", BYLINE_STATUS_SUGGESTED);
  g_assert_cmpfloat (confidence_of (byline_document_lookup_annotation (b, "p2-2")), ==, 0.82);
  g_assert_cmpfloat (confidence_of (byline_document_lookup_annotation (b, "p1")), ==, 0.9);
  g_assert_cmpstr (byline_annotation_get_attribute_string (byline_document_lookup_annotation (b, "q1"), "quote_type"),
                   ==, "direct");
  g_assert_cmpstr (byline_annotation_get_note (byline_document_lookup_annotation (b, "s1")), ==, "check the name");
  g_assert_nonnull (find_relation (b, "cue", "q1", "c1"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (byline_document_get_attributes (b), "topic")),
                    ==, 2);
  g_assert_cmpstr (json_object_get_string_member (byline_document_get_attributes (b), "summary"), ==, "A quote.");
  g_assert_cmpstr (byline_document_get_meta_string (b, "title"), ==, "Win");
  /* The task's meta goes back; Label Studio's bookkeeping does not. */
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"meta\": {\"batch\": 3}"));
  g_assert_null (strstr (contents, "inner_id"));
  g_assert_cmpstr (byline_document_get_text (back->pdata[1]), ==, ADVERSARIAL_TEXT);
  format_test_remove_temp (out);
}

static void
test_losses_and_predictions (void)
{
  g_autoptr(BylineDocument) doc = byline_document_new ();
  g_autoptr(BylineLosses) losses = byline_losses_new ();
  g_autoptr(GPtrArray) docs = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(BylineAnnotation) quote = byline_annotation_new ("speakers", "QUOTE", 0, 14);
  g_autoptr(BylineAnnotation) rejected = byline_annotation_new ("speakers", "SPEAKER", 20, 25);
  g_autoptr(BylineAnnotation) split = byline_annotation_new ("claims", "CLAIM", 1, 3);
  g_autoptr(BylineAnnotation) s1 = byline_annotation_new ("speakers", "CUE", 15, 19);
  g_autoptr(BylineAnnotation) s2 = byline_annotation_new ("entities", "PERSON", 20, 25);
  g_autoptr(BylineAnnotation) s3 = byline_annotation_new ("entities", "ORG", 20, 25);
  BylineAnnotation *q, *r, *c, *p;
  BylineDocument *back;
  const char *first_prediction, *second_prediction;

  g_assert_true (byline_document_set_text (doc, "\"We will win,\" said Smith.", -1, NULL));
  byline_document_set_id (doc, "doc-1");
  byline_annotation_set_attribute_string (quote, "quote_type", "direct");
  byline_annotation_set_attribute (quote, "verified", json_node_init_boolean (json_node_alloc (), TRUE));
  byline_annotation_set_status (quote, BYLINE_STATUS_ACCEPTED);
  byline_annotation_set_status (rejected, BYLINE_STATUS_REJECTED);
  g_assert_true (byline_annotation_add_fragment (split, 9, 12));
  byline_annotation_set_status (s1, BYLINE_STATUS_SUGGESTED);
  byline_annotation_set_origin (s1, "rules:quotes");
  byline_annotation_set_confidence (s1, 0.5);
  byline_annotation_set_status (s2, BYLINE_STATUS_SUGGESTED);
  byline_annotation_set_origin (s2, "labelstudio:ner-v1");
  byline_annotation_set_confidence (s2, 0.25);
  byline_annotation_set_status (s3, BYLINE_STATUS_SUGGESTED);
  byline_annotation_set_origin (s3, "labelstudio:ner-v1");
  byline_annotation_set_confidence (s3, 0.75);
  q = byline_document_add_annotation (doc, quote, NULL);
  r = byline_document_add_annotation (doc, rejected, NULL);
  byline_document_add_annotation (doc, split, NULL);
  c = byline_document_add_annotation (doc, s1, NULL);
  p = byline_document_add_annotation (doc, s2, NULL);
  byline_document_add_annotation (doc, s3, NULL);
  add_relation (doc, "said_by", q, r, BYLINE_STATUS_MANUAL);
  add_relation (doc, "cue", q, c, BYLINE_STATUS_MANUAL);
  add_relation (doc, "refers_to", c, p, BYLINE_STATUS_SUGGESTED);
  byline_document_set_attribute (doc, "done", json_node_init_boolean (json_node_alloc (), TRUE));
  byline_document_set_attribute (doc, "topic", json_node_init_string (json_node_alloc (), "politics"));

  path = write_docs (&doc, 1, losses);
  g_assert_cmpuint (byline_losses_get_count (losses, "rejected annotations", "SPEAKER"), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (losses, "relations to rejected annotations", "said_by"), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (losses, "relations between an annotation and a prediction, or two predictions",
                                             "cue"), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (losses, "relations between an annotation and a prediction, or two predictions",
                                             "refers_to"), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (losses, "discontinuous annotations (each fragment written as its own region)",
                                             "CLAIM"), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (losses, "accepted status (written as annotations)", "QUOTE"), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (losses, "annotation attributes that are not text, a list of texts or a number",
                                             "verified"), ==, 1);
  g_assert_cmpuint (byline_losses_get_count (losses, "document attributes that are not text, a list of texts or a number",
                                             "done"), ==, 1);

  /* Two predictions, in the order of their model versions; the score of
   * a prediction whose regions all have one is their mean. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  first_prediction = strstr (contents, "\"model_version\": \"ner-v1\", \"score\": 0.5,");
  second_prediction = strstr (contents, "\"model_version\": \"rules:quotes\", \"score\": 0.5,");
  g_assert_nonnull (first_prediction);
  g_assert_nonnull (second_prediction);
  g_assert_true (first_prediction < second_prediction);

  docs = read_ok (path, NULL, 1);
  back = docs->pdata[0];
  g_assert_cmpstr (byline_document_get_id (back), ==, "doc-1");
  assert_annotation (back, byline_annotation_get_id (q), "QUOTE", 0, 14, "\"We will win,\"", BYLINE_STATUS_MANUAL);
  g_assert_cmpstr (byline_annotation_get_attribute_string (byline_document_lookup_annotation (back, byline_annotation_get_id (q)),
                                                           "quote_type"), ==, "direct");
  /* The fragments are two regions, each on its own characters. */
  {
    g_autofree char *second_id = g_strconcat (byline_annotation_get_id (split), "-f2", NULL);

    assert_annotation (back, byline_annotation_get_id (split), "CLAIM", 1, 3, "We", BYLINE_STATUS_MANUAL);
    assert_annotation (back, second_id, "CLAIM", 9, 12, "win", BYLINE_STATUS_MANUAL);
  }
  g_assert_cmpfloat (confidence_of (byline_document_lookup_annotation (back, byline_annotation_get_id (p))), ==, 0.25);
  g_assert_cmpstr (byline_annotation_get_origin (byline_document_lookup_annotation (back, byline_annotation_get_id (p))),
                   ==, "labelstudio:ner-v1");
  g_assert_cmpuint (byline_document_get_n_relations (back), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (byline_document_get_attributes (back), "topic"), ==, "politics");
  format_test_remove_temp (path);
}

static void
test_empty (void)
{
  g_autofree char *path = write_docs (NULL, 0, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "[]\n");
  docs = read_ok (path, NULL, 0);
  format_test_remove_temp (path);
}

/* Many tasks, some larger than the reader's buffer: every task arrives
 * whole, whatever falls on a buffer's edge. */
static void
test_many_tasks (void)
{
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) docs = NULL;
  g_autofree char *path = NULL;

  for (guint i = 0; i < 300; i++)
    {
      GString *text = g_string_new (NULL);
      BylineDocument *doc = byline_document_new ();
      g_autoptr(BylineAnnotation) a = NULL;
      g_autofree char *id = g_strdup_printf ("doc-%u", i);
      guint n;

      for (guint k = 0; k < (i % 50 == 7 ? 1500 : 1 + i % 5); k++)
        g_string_append (text, ADVERSARIAL_TEXT " \\ \"quoted\" ");
      g_assert_true (byline_document_set_text (doc, text->str, text->len, NULL));
      g_string_free (text, TRUE);
      byline_document_set_id (doc, id);
      n = byline_document_get_n_chars (doc);
      a = byline_annotation_new ("entities", "PERSON", n - 10, n - 1);
      byline_document_add_annotation (doc, a, NULL);
      g_ptr_array_add (written, doc);
    }
  path = write_docs ((BylineDocument **) written->pdata, written->len, NULL);
  docs = read_ok (path, NULL, written->len);
  for (guint i = 0; i < written->len; i++)
    assert_round_trip (written->pdata[i], docs->pdata[i]);
  format_test_remove_temp (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/labelstudio/read/export", test_read_export);
  g_test_add_func ("/labelstudio/read/shapes", test_read_shapes);
  g_test_add_func ("/labelstudio/read/relation-directions", test_relation_directions);
  g_test_add_func ("/labelstudio/read/bad", test_bad_input);
  g_test_add_func ("/labelstudio/write/round-trip-sample", test_round_trip_sample);
  g_test_add_func ("/labelstudio/write/round-trip-adversarial", test_round_trip_adversarial);
  g_test_add_func ("/labelstudio/write/export-round-trip", test_export_round_trip);
  g_test_add_func ("/labelstudio/write/losses-and-predictions", test_losses_and_predictions);
  g_test_add_func ("/labelstudio/write/empty", test_empty);
  g_test_add_func ("/labelstudio/write/many-tasks", test_many_tasks);

  return g_test_run ();
}
