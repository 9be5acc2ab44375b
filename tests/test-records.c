/* test-records.c: JSON article records and JSONL streaming
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "byline-error.h"
#include "byline-import.h"

/* The text of unicode.jsonl: curly quotes, an astral emoji, CJK, an em
 * dash, e + U+0301 and a ZWJ family, 35 code points in 66 bytes. */
#define UNICODE_TEXT \
  "\xe2\x80\x9cHi \xf0\x9f\x98\x80,\xe2\x80\x9d said \xe6\x9d\x8e\xe9\x9b\xb7 \xe2\x80\x94 " \
  "cafe\xcc\x81 \xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7 " \
  "\xe2\x80\x98ok\xe2\x80\x99."
#define UNICODE_N_CHARS 35

#define N_STREAM_RECORDS 20000

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "records", name, NULL);
}

static char *
bad_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "records", "bad", name, NULL);
}

static gboolean
collect_cb (BylineDocument  *document,
            gpointer         user_data,
            GError         **error)
{
  GPtrArray *docs = user_data;

  g_assert_true (BYLINE_IS_DOCUMENT (document));
  g_assert_false (byline_document_get_modified (document));
  g_assert_false (byline_document_can_undo (document));
  g_ptr_array_add (docs, g_object_ref (document));
  return TRUE;
}

/* Reads @path; the documents delivered before any error are in @docs. */
static gboolean
read_path (const char  *path,
           GPtrArray  **docs,
           GError     **error)
{
  *docs = g_ptr_array_new_with_free_func (g_object_unref);
  return byline_records_read_file (path, collect_cb, *docs, error);
}

static GPtrArray *
read_ok (const char *name,
         guint       expected)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GError) error = NULL;
  GPtrArray *docs = NULL;
  gboolean ok;

  ok = read_path (path, &docs, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_cmpuint (docs->len, ==, expected);
  return docs;
}

static BylineDocument *
doc_at (GPtrArray *docs,
        guint      i)
{
  return g_ptr_array_index (docs, i);
}

static const char *
meta (BylineDocument *doc,
      const char     *key)
{
  return byline_document_get_meta_string (doc, key);
}

/* Checks the authors array against a NULL-terminated list; none means the
 * key must be absent. */
static void
assert_authors (BylineDocument *doc,
                ...)
{
  JsonObject *m = byline_document_get_meta (doc);
  JsonArray *authors;
  const char *name;
  va_list args;
  guint i = 0;

  va_start (args, doc);
  name = va_arg (args, const char *);
  if (name == NULL)
    {
      g_assert_false (json_object_has_member (m, BYLINE_META_AUTHORS));
      va_end (args);
      return;
    }
  g_assert_true (json_object_has_member (m, BYLINE_META_AUTHORS));
  authors = json_object_get_array_member (m, BYLINE_META_AUTHORS);
  for (; name != NULL; name = va_arg (args, const char *), i++)
    {
      g_assert_cmpuint (i, <, json_array_get_length (authors));
      g_assert_cmpstr (json_array_get_string_element (authors, i), ==, name);
    }
  va_end (args);
  g_assert_cmpuint (json_array_get_length (authors), ==, i);
}

static void
assert_source (BylineDocument *doc,
               const char     *file,
               const char     *data,
               gsize           len)
{
  JsonObject *m = byline_document_get_meta (doc);
  JsonObject *import;
  g_autofree char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);

  g_assert_true (json_object_has_member (m, "import"));
  import = json_object_get_object_member (m, "import");
  g_assert_cmpstr (json_object_get_string_member (import, "file"), ==, file);
  g_assert_cmpstr (json_object_get_string_member (import, "format"), ==, "json");
  g_assert_cmpstr (json_object_get_string_member (import, "sha256"), ==, sum);
}

static void
assert_file_source (BylineDocument *doc,
                    const char     *name)
{
  g_autofree char *path = data_path (name);
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  assert_source (doc, name, contents, len);
}

/* Reads a bad file, checks the error's code and that its message starts
 * with "PATH<suffix>" and contains @needle, and returns how many documents
 * were delivered before it. */
static guint
read_bad (const char *name,
          gint        code,
          const char *suffix,
          const char *needle)
{
  g_autofree char *path = bad_path (name);
  g_autofree char *prefix = g_strconcat (path, suffix, NULL);
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = read_path (path, &docs, &error);
  g_assert_false (ok);
  g_assert_error (error, BYLINE_ERROR, code);
  g_test_message ("%s", error->message);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("\"%s\" does not start with \"%s\"", error->message, prefix);
  if (needle != NULL && strstr (error->message, needle) == NULL)
    g_error ("\"%s\" does not contain \"%s\"", error->message, needle);
  return docs->len;
}

static void
test_trafilatura (void)
{
  g_autoptr(GPtrArray) docs = read_ok ("trafilatura.json", 1);
  BylineDocument *doc = doc_at (docs, 0);

  g_assert_cmpstr (byline_document_get_id (doc), ==, "trafilatura");
  g_assert_cmpstr (byline_document_get_text (doc), ==,
                   "\xe2\x80\x9cWe will win,\xe2\x80\x9d said Smith.\n"
                   "The talks \xe2\x80\x94 the third this year \xe2\x80\x94 ended late on Tuesday.\n"
                   "\nOfficials called them \xe2\x80\x9c" "candid\xe2\x80\x9d.");
  g_assert_cmpstr (meta (doc, BYLINE_META_TITLE), ==,
                   "Blinken presses China on support for Russia\xe2\x80\x99s war");
  g_assert_cmpstr (meta (doc, BYLINE_META_PUBLISHED), ==, "2024-04-23");
  /* trafilatura's "source" is the page URL; the site name is elsewhere. */
  g_assert_cmpstr (meta (doc, BYLINE_META_URL), ==,
                   "https://example-news.com/2024/04/23/blinken-china");
  g_assert_cmpstr (meta (doc, BYLINE_META_SOURCE), ==, "Example News");
  g_assert_cmpstr (meta (doc, BYLINE_META_LANGUAGE), ==, "en");
  /* Not split: "; " might be part of a name. */
  assert_authors (doc, "Jane Doe; Ravi Patel", NULL);
  g_assert_false (json_object_has_member (byline_document_get_meta (doc), "fingerprint"));
  assert_file_source (doc, "trafilatura.json");
}

static void
test_newspaper3k (void)
{
  g_autoptr(GPtrArray) docs = read_ok ("newspaper3k.json", 1);
  BylineDocument *doc = doc_at (docs, 0);

  g_assert_cmpstr (byline_document_get_id (doc), ==, "newspaper3k");
  g_assert_cmpstr (byline_document_get_text (doc), ==,
                   "The summit ended on Tuesday without a deal.\n\n"
                   "\xe2\x80\x9cIt\xe2\x80\x99s not over,\xe2\x80\x9d Garcia said \xe2\x80\x94 for now.");
  g_assert_cmpstr (meta (doc, BYLINE_META_TITLE), ==, "Summit ends without a deal");
  g_assert_cmpstr (meta (doc, BYLINE_META_URL), ==,
                   "https://www.example.org/world/2024/04/23/summit-ends");
  g_assert_cmpstr (meta (doc, BYLINE_META_PUBLISHED), ==, "2024-04-23T10:15:00+00:00");
  g_assert_null (meta (doc, BYLINE_META_SOURCE));
  g_assert_null (meta (doc, BYLINE_META_LANGUAGE));
  assert_authors (doc, "Maria Garcia", "Tom Lee", NULL);
  assert_file_source (doc, "newspaper3k.json");
}

static void
test_news_please (void)
{
  g_autoptr(GPtrArray) docs = read_ok ("news-please.json", 1);
  BylineDocument *doc = doc_at (docs, 0);

  g_assert_cmpstr (byline_document_get_id (doc), ==, "news-please");
  /* "text" is null: the text comes from "maintext". */
  g_assert_cmpstr (byline_document_get_text (doc), ==,
                   "\xe2\x80\x9eWir werden gewinnen\xe2\x80\x9c, sagte Schmidt. "
                   "Die Gespr\xc3\xa4" "che \xe2\x80\x93 die dritten in diesem Jahr \xe2\x80\x93 "
                   "endeten sp\xc3\xa4t.");
  g_assert_cmpstr (meta (doc, BYLINE_META_TITLE), ==, "Gipfel endet ohne Einigung");
  g_assert_cmpstr (meta (doc, BYLINE_META_URL), ==, "https://www.example.de/politik/gipfel");
  g_assert_cmpstr (meta (doc, BYLINE_META_PUBLISHED), ==, "2024-04-23 14:05:00");
  g_assert_cmpstr (meta (doc, BYLINE_META_SOURCE), ==, "www.example.de");
  g_assert_cmpstr (meta (doc, BYLINE_META_LANGUAGE), ==, "de");
  assert_authors (doc, "Anna Schmidt", NULL);
  assert_file_source (doc, "news-please.json");
}

static void
test_jsonl (void)
{
  g_autoptr(GPtrArray) docs = read_ok ("articles.jsonl", 3);
  g_autofree char *path = data_path ("articles.jsonl");
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  BylineDocument *doc;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_suffix (lines[1], "\r"));
  g_assert_cmpstr (lines[2], ==, "\r");
  g_assert_false (g_str_has_suffix (contents, "\n"));

  doc = doc_at (docs, 0);
  g_assert_cmpstr (byline_document_get_id (doc), ==, "17");
  g_assert_cmpstr (byline_document_get_text (doc), ==, "One.\nTwo \xe2\x80\x94 three.");
  g_assert_cmpuint (byline_document_get_n_chars (doc), ==, 17);
  g_assert_cmpstr (meta (doc, BYLINE_META_TITLE), ==, "First");
  g_assert_cmpstr (meta (doc, BYLINE_META_URL), ==, "https://a.example/1");
  assert_authors (doc, NULL);
  assert_source (doc, "articles.jsonl", lines[0], strlen (lines[0]));

  /* The CRLF line: its checksum is over the record, not the line end. */
  doc = doc_at (docs, 1);
  g_assert_cmpstr (byline_document_get_id (doc), ==, "articles-2");
  g_assert_cmpstr (byline_document_get_text (doc), ==,
                   "\xe2\x80\x9cQuoted,\xe2\x80\x9d she said.");
  assert_authors (doc, "Li Wei", NULL);
  assert_source (doc, "articles.jsonl", lines[1], strlen (lines[1]) - 1);

  /* After a blank CRLF line, and without a final newline. */
  doc = doc_at (docs, 2);
  g_assert_cmpstr (byline_document_get_id (doc), ==, "articles-3");
  g_assert_cmpstr (byline_document_get_text (doc), ==, "Third article text.");
  g_assert_cmpstr (meta (doc, BYLINE_META_PUBLISHED), ==, "2024-05-01");
  g_assert_cmpstr (meta (doc, BYLINE_META_LANGUAGE), ==, "en");
  g_assert_false (json_object_has_member (byline_document_get_meta (doc), "unknown"));
  assert_source (doc, "articles.jsonl", lines[3], strlen (lines[3]));
}

static void
test_array (void)
{
  g_autoptr(GPtrArray) docs = read_ok ("array.json", 3);
  BylineDocument *doc;

  doc = doc_at (docs, 0);
  g_assert_cmpstr (byline_document_get_id (doc), ==, "array-1");
  g_assert_cmpstr (byline_document_get_text (doc), ==, "First body.");
  g_assert_cmpstr (meta (doc, BYLINE_META_URL), ==, "https://b.example/1");
  assert_file_source (doc, "array.json");

  doc = doc_at (docs, 1);
  g_assert_cmpstr (byline_document_get_id (doc), ==, "a-0042");
  g_assert_cmpstr (byline_document_get_text (doc), ==, "Second body.");
  g_assert_cmpstr (meta (doc, BYLINE_META_PUBLISHED), ==, "Tue, 23 Apr 2024 10:00:00 GMT");
  g_assert_cmpstr (meta (doc, BYLINE_META_SOURCE), ==, "B News");

  /* An empty "text" gives way to "content"; null authors are skipped. */
  doc = doc_at (docs, 2);
  g_assert_cmpstr (byline_document_get_id (doc), ==, "array-3");
  g_assert_cmpstr (byline_document_get_text (doc), ==, "Third body, from content.");
  assert_authors (doc, "Ann Lee", "Bo Chan", NULL);
  assert_file_source (doc, "array.json");
}

static void
test_unicode (void)
{
  g_autoptr(GPtrArray) docs = read_ok ("unicode.jsonl", 2);
  g_autofree char *path = data_path ("unicode.jsonl");
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpuint (strlen (UNICODE_TEXT), ==, 66);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);

  /* Line 1 holds the text raw, line 2 as \u escapes with surrogate pairs;
   * both must give the JSON string value byte for byte. */
  for (guint i = 0; i < 2; i++)
    {
      BylineDocument *doc = doc_at (docs, i);
      g_autoptr(JsonParser) parser = json_parser_new ();
      const char *value;

      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, NULL));
      value = json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "text");
      g_assert_cmpstr (value, ==, UNICODE_TEXT);

      g_assert_cmpstr (byline_document_get_id (doc), ==, i == 0 ? "raw" : "escaped");
      g_assert_cmpuint (byline_document_get_text_bytes (doc), ==, strlen (value));
      g_assert_cmpmem (byline_document_get_text (doc), byline_document_get_text_bytes (doc),
                       value, strlen (value));
      g_assert_cmpuint (byline_document_get_n_chars (doc), ==, UNICODE_N_CHARS);
    }
}

static void
test_bom (void)
{
  g_autoptr(GPtrArray) lines = read_ok ("bom.jsonl", 2);
  g_autoptr(GPtrArray) single = read_ok ("bom.json", 1);

  g_assert_cmpstr (byline_document_get_text (doc_at (lines, 0)), ==, "With a BOM.");
  g_assert_cmpstr (byline_document_get_id (doc_at (lines, 0)), ==, "bom-1");
  g_assert_cmpstr (byline_document_get_text (doc_at (lines, 1)), ==, "Second.");
  g_assert_cmpstr (byline_document_get_text (doc_at (single, 0)), ==, "Single with a BOM.");
  g_assert_cmpstr (meta (doc_at (single, 0), BYLINE_META_TITLE), ==, "T");
  g_assert_cmpstr (byline_document_get_id (doc_at (single, 0)), ==, "bom");
  /* The checksum is over the file as stored, BOM included. */
  assert_file_source (doc_at (single, 0), "bom.json");
}

static void
test_detected (void)
{
  /* One object a line in a .json file is JSONL too. */
  g_autoptr(GPtrArray) docs = read_ok ("detected.json", 2);

  g_assert_cmpstr (byline_document_get_text (doc_at (docs, 0)), ==, "Line one record.");
  g_assert_cmpstr (byline_document_get_id (doc_at (docs, 0)), ==, "detected-1");
  g_assert_cmpstr (byline_document_get_text (doc_at (docs, 1)), ==, "Line two record.");
  g_assert_cmpstr (byline_document_get_id (doc_at (docs, 1)), ==, "detected-2");
}

static void
test_single_jsonl (void)
{
  g_autoptr(GPtrArray) docs = read_ok ("single.jsonl", 1);
  g_autoptr(GPtrArray) empty = read_ok ("empty.jsonl", 0);

  /* One record: no "-1" suffix. */
  g_assert_cmpstr (byline_document_get_id (doc_at (docs, 0)), ==, "single");
  g_assert_cmpstr (byline_document_get_text (doc_at (docs, 0)), ==, "Only one.");
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *json)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_from_object (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(BylineDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  object = parse_object (parser,
                         "{\"id\": 12345678901, \"text\": null, \"content\": \"\", \"body\": \"From body.\","
                         " \"maintext\": \"Not this.\", \"link\": \"https://l.example\","
                         " \"canonical_url\": \"https://c.example\", \"author\": \"A. Writer\","
                         " \"source\": {\"id\": null, \"name\": \"Wire\"}, \"hostname\": \"h.example\","
                         " \"extra\": [true, {\"x\": 1}]}");
  doc = byline_records_document_from_object (object, "dir/feed.json", "record 9", &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpstr (byline_document_get_id (doc), ==, "12345678901");
  g_assert_cmpstr (byline_document_get_text (doc), ==, "From body.");
  g_assert_cmpstr (meta (doc, BYLINE_META_URL), ==, "https://l.example");
  g_assert_cmpstr (meta (doc, BYLINE_META_SOURCE), ==, "Wire");
  assert_authors (doc, "A. Writer", NULL);
  g_assert_false (byline_document_get_modified (doc));
  g_clear_object (&doc);

  /* No id: named after the file. */
  object = parse_object (parser, "{\"text\": \"T.\", \"id\": null}");
  doc = byline_records_document_from_object (object, "dir/feed.v2.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (byline_document_get_id (doc), ==, "feed");
  g_clear_object (&doc);

  /* Errors name the file, the location and the key. */
  object = parse_object (parser, "{\"text\": \"T.\", \"title\": [\"a\"]}");
  doc = byline_records_document_from_object (object, "feed.json", "line 4", &error);
  g_assert_null (doc);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "feed.json: line 4: \"title\" must be a string, got an array");
  g_clear_error (&error);

  object = parse_object (parser, "{\"title\": \"No text\", \"maintext\": \" \\n \"}");
  doc = byline_records_document_from_object (object, "feed.json", "line 5", &error);
  g_assert_null (doc);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "feed.json: line 5: no article text (expected one of text, content, body, maintext)");
  g_clear_error (&error);

  object = parse_object (parser, "{\"text\": true, \"body\": \"B.\"}");
  doc = byline_records_document_from_object (object, "feed.json", NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "feed.json: \"text\" must be a string, got a boolean");
  g_clear_error (&error);

  object = parse_object (parser, "{\"text\": \"T.\", \"id\": 1.5}");
  doc = byline_records_document_from_object (object, "feed.json", NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "\"id\""));
  g_clear_error (&error);

  /* A lone surrogate escape cannot be text. */
  object = parse_object (parser, "{\"text\": \"a\\ud800b\"}");
  doc = byline_records_document_from_object (object, "feed.json", NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "\"text\""));
}

static void
test_bad_truncated (void)
{
  guint n = read_bad ("truncated.jsonl", BYLINE_ERROR_PARSE, ":3: invalid JSON: ", NULL);

  /* Streamed: the two good lines were delivered before the error. */
  g_assert_cmpuint (n, ==, 2);
}

static void
test_bad_no_text (void)
{
  read_bad ("no-text.json", BYLINE_ERROR_INVALID,
            ": no article text (expected one of text, content, body, maintext)", NULL);
  g_assert_cmpuint (read_bad ("no-text-line.jsonl", BYLINE_ERROR_INVALID,
                              ": line 2: no article text", NULL), ==, 1);
}

static void
test_bad_text_number (void)
{
  read_bad ("text-number.json", BYLINE_ERROR_INVALID, ": \"text\" must be a string, got a number", NULL);
  read_bad ("authors-number.json", BYLINE_ERROR_INVALID, ": \"authors\"", "got a number");
}

static void
test_bad_top_level_string (void)
{
  read_bad ("top-level-string.json", BYLINE_ERROR_INVALID, ":2: expected a JSON object", "got a string");
}

static void
test_bad_invalid_utf8 (void)
{
  guint n = read_bad ("invalid-utf8.jsonl", BYLINE_ERROR_PARSE, ":2: invalid UTF-8", "0xff");

  g_assert_cmpuint (n, ==, 1);
}

static void
test_bad_shapes (void)
{
  g_assert_cmpuint (read_bad ("array-line.jsonl", BYLINE_ERROR_INVALID,
                              ":2: expected a JSON object, got an array", NULL), ==, 1);
  g_assert_cmpuint (read_bad ("array-element.json", BYLINE_ERROR_INVALID,
                              ": record 2: expected a JSON object, got a string", NULL), ==, 1);
  /* JSON-GLib skips comments: such a line holds no record. */
  g_assert_cmpuint (read_bad ("comment-line.jsonl", BYLINE_ERROR_INVALID,
                              ":2: expected a JSON object, got nothing", NULL), ==, 1);
  /* JSON-GLib alone would keep the first object and drop the second. */
  g_assert_cmpuint (read_bad ("concatenated.json", BYLINE_ERROR_PARSE,
                              ":4: invalid JSON", NULL), ==, 0);
}

static void
test_missing_file (void)
{
  g_autofree char *path = data_path ("no-such-file.jsonl");
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (read_path (path, &docs, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_cmpuint (docs->len, ==, 0);
}

typedef struct
{
  guint           n_seen;
  guint           stop_at;
  BylineDocument *previous;
} StreamState;

static gboolean
stream_cb (BylineDocument  *document,
           gpointer         user_data,
           GError         **error)
{
  StreamState *state = user_data;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;

  state->n_seen++;
  id = g_strdup_printf ("corpus-%u", state->n_seen);
  text = g_strdup_printf ("Body of article %u \xe2\x80\x94 \xe2\x80\x9cquoted\xe2\x80\x9d.", state->n_seen);
  g_assert_cmpstr (byline_document_get_id (document), ==, id);
  g_assert_cmpstr (byline_document_get_text (document), ==, text);

  /* The reader keeps no document once it is handed on. */
  g_assert_null (state->previous);
  state->previous = document;
  g_object_add_weak_pointer (G_OBJECT (document), (gpointer *) &state->previous);

  if (state->n_seen == state->stop_at)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "stopped at %u", state->n_seen);
      return FALSE;
    }
  return TRUE;
}

/* Writes N_STREAM_RECORDS records, every 1000th with CRLF, into a temporary
 * corpus.jsonl; with @bad_line set, that line is not JSON. */
static char *
write_corpus (char  **dir,
              guint   bad_line)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  char *path;

  *dir = g_dir_make_tmp ("byline-records-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "corpus.jsonl", NULL);
  for (guint i = 1; i <= N_STREAM_RECORDS; i++)
    {
      if (i == bad_line)
        {
          g_string_append (out, "{\"text\": not json}\n");
          continue;
        }
      g_string_append_printf (out,
                              "{\"title\": \"Article %u\", \"text\": \"Body of article %u "
                              "\xe2\x80\x94 \\u201cquoted\\u201d.\"}%s",
                              i, i, i % 1000 == 0 ? "\r\n" : "\n");
    }
  g_file_set_contents (path, out->str, out->len, &error);
  g_assert_no_error (error);
  return path;
}

static void
remove_corpus (char *dir,
               char *path)
{
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  g_free (path);
  g_free (dir);
}

static void
test_stream (void)
{
  g_autoptr(GError) error = NULL;
  StreamState state = { 0, };
  char *dir = NULL;
  char *path = write_corpus (&dir, 0);

  g_assert_true (byline_records_read_file (path, stream_cb, &state, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (state.n_seen, ==, N_STREAM_RECORDS);
  g_assert_null (state.previous);
  remove_corpus (dir, path);
}

static void
test_stream_stop (void)
{
  g_autoptr(GError) error = NULL;
  StreamState state = { 0, };
  char *dir = NULL;
  char *path = write_corpus (&dir, 15000);
  g_autofree char *prefix = g_strconcat (path, ":15000: invalid JSON", NULL);

  /* Read to the end, the bad line is found... */
  g_assert_false (byline_records_read_file (path, stream_cb, &state, &error));
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_cmpuint (state.n_seen, ==, 14999);
  g_clear_error (&error);

  /* ...but not when the callback stops first: its error comes back. */
  memset (&state, 0, sizeof state);
  state.stop_at = 100;
  g_assert_false (byline_records_read_file (path, stream_cb, &state, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpstr (error->message, ==, "stopped at 100");
  g_assert_cmpuint (state.n_seen, ==, 100);
  g_assert_null (state.previous);
  remove_corpus (dir, path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/records/trafilatura", test_trafilatura);
  g_test_add_func ("/records/newspaper3k", test_newspaper3k);
  g_test_add_func ("/records/news-please", test_news_please);
  g_test_add_func ("/records/jsonl", test_jsonl);
  g_test_add_func ("/records/array", test_array);
  g_test_add_func ("/records/unicode", test_unicode);
  g_test_add_func ("/records/bom", test_bom);
  g_test_add_func ("/records/detected", test_detected);
  g_test_add_func ("/records/single-jsonl", test_single_jsonl);
  g_test_add_func ("/records/from-object", test_from_object);
  g_test_add_func ("/records/bad/truncated", test_bad_truncated);
  g_test_add_func ("/records/bad/no-text", test_bad_no_text);
  g_test_add_func ("/records/bad/text-number", test_bad_text_number);
  g_test_add_func ("/records/bad/top-level-string", test_bad_top_level_string);
  g_test_add_func ("/records/bad/invalid-utf8", test_bad_invalid_utf8);
  g_test_add_func ("/records/bad/shapes", test_bad_shapes);
  g_test_add_func ("/records/missing-file", test_missing_file);
  g_test_add_func ("/records/stream", test_stream);
  g_test_add_func ("/records/stream-stop", test_stream_stop);

  return g_test_run ();
}
