/* test-cli.c: byline-cli driven as a user would drive it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test runs the built binary ($BYLINE_CLI) in a fresh temporary
 * directory and checks what a user sees: the exit status, stdout, stderr
 * and the files left behind (all of them: a stray temporary file is a bug).
 * Assertions are non-fatal so that one wrong behaviour does not hide the
 * others; a helper that cannot go on returns early.
 *
 * This file drives convert and the usage messages; validate and stats
 * are in test-cli-validate.c, suggest in test-cli-suggest.c.
 */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cli-test-util.h"

/* The running example of formats.md. */
#define EXAMPLE_TEXT "\"We will win,\" said Smith."

/* A UTF-8 BOM, then curly quotes, CRLF line ends, 😀, a ZWJ family
 * (👩‍👩‍👧), e + U+0301, CJK, an em dash and a last line without a newline. */
#define BOM "\xef\xbb\xbf"
#define UNICODE_BODY \
  "\xe2\x80\x9cHi \xf0\x9f\x98\x80,\xe2\x80\x9d she said.\r\n" \
  "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7 " \
  "cafe\xcc\x81 \xe6\x9d\x8e\xe9\x9b\xb7 \xe2\x80\x94 \xe2\x80\x98ok\xe2\x80\x99\r\n" \
  "\r\n" \
  "last line"

typedef CliTestFixture Fixture;

/* ---- Helpers ----------------------------------------------------------- */

static void
write_file (const char *path,
            const char *data,
            gssize      len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

static void
write_in (Fixture    *f,
          const char *name,
          const char *data,
          gssize      len)
{
  g_autofree char *path = cli_test_path_in (f, name);

  write_file (path, data, len);
}

/* Asserts that @root is a native document whose text is @text, byte for
 * byte. */
static void
assert_object_text (JsonObject *root,
                    const char *text,
                    gsize       text_len)
{
  const char *got;

  g_assert_cmpstr (cli_test_member_string (root, "format"), ==, "byline");
  g_assert_cmpint (cli_test_member_int (root, "version"), ==, 1);
  got = cli_test_member_string (root, "text");
  g_assert_cmpmem (got, strlen (got), text, text_len);
}

static void
assert_document_text (const char *path,
                      const char *text,
                      gsize       text_len)
{
  g_autoptr(JsonNode) root = cli_test_load_json (path);

  if (root != NULL)
    assert_object_text (json_node_get_object (root), text, text_len);
}

static void
assert_files_equal (const char *a,
                    const char *b)
{
  g_autofree char *da = NULL;
  g_autofree char *db = NULL;
  gsize la, lb;

  da = cli_test_read_file (a, &la);
  db = cli_test_read_file (b, &lb);
  g_assert_cmpmem (da, la, db, lb);
}

/* ---- convert: the sample article ---------------------------------------- */

static void
test_convert_sample (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *sample = cli_test_sample_path ();
  g_autofree char *sample_data = NULL;
  g_autofree char *out_path = cli_test_path_in (f, "sample.byline.json");
  g_autofree char *again_path = cli_test_path_in (f, "again.byline.json");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *names = NULL;
  gsize sample_len;

  sample_data = cli_test_read_file (sample, &sample_len);
  /* The sample has curly quotes and dashes: a test on ASCII proves little. */
  g_assert_cmpuint (sample_len, >, 1000);
  g_assert_nonnull (strstr (sample_data, "\xe2\x80\x99"));

  g_assert_cmpint (cli_test_run (f, &out, &err, "convert", sample, "-o", "sample.byline.json", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  assert_document_text (out_path, sample_data, sample_len);

  g_free (out);
  g_free (err);
  g_assert_cmpint (cli_test_run (f, &out, &err, "validate", "sample.byline.json", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "");

  /* Load and save gives the same bytes. */
  g_free (out);
  g_free (err);
  g_assert_cmpint (cli_test_run (f, &out, &err, "convert", "sample.byline.json", "-o", "again.byline.json", NULL),
                   ==, 0);
  g_assert_cmpstr (err, ==, "");
  assert_files_equal (out_path, again_path);

  names = cli_test_listing (f->dir);
  g_assert_cmpstr (names, ==, "again.byline.json sample.byline.json");
}

/* The annotated running example goes through load and save unchanged:
 * key order, annotation order, numbers and escapes are all canonical. */
static void
test_convert_annotated_roundtrip (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *small = cli_test_data_path ("small.byline.json");
  g_autofree char *copy = cli_test_path_in (f, "copy.byline.json");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *names = NULL;

  g_assert_cmpint (cli_test_run (f, &out, &err, "convert", small, "-o", "copy.byline.json", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  assert_files_equal (small, copy);
  names = cli_test_listing (f->dir);
  g_assert_cmpstr (names, ==, "copy.byline.json");
}

/* ---- convert: Unicode, BOM, CRLF, invalid input ------------------------- */

static void
test_convert_unicode (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *in_path = cli_test_path_in (f, "unicode.txt");
  g_autofree char *out_path = cli_test_path_in (f, "unicode.byline.json");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *names = NULL;
  g_autofree char *written = NULL;
  g_autoptr(JsonNode) root = NULL;
  gsize len;

  write_file (in_path, BOM UNICODE_BODY, -1);
  g_assert_cmpint (cli_test_run (f, &out, &err, "convert", "unicode.txt", "-o", "unicode.byline.json", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");

  /* The BOM is not text; everything else, CRLF included, is kept. */
  written = cli_test_read_file (out_path, &len);
  g_assert_true (g_utf8_validate_len (written, len, NULL));
  g_assert_null (strstr (written, BOM));
  root = cli_test_parse_json (written, (gssize) len);
  if (root != NULL)
    {
      assert_object_text (json_node_get_object (root), UNICODE_BODY, strlen (UNICODE_BODY));
      g_assert_cmpstr (cli_test_member_string (json_node_get_object (root), "id"), ==, "unicode");
    }

  g_free (out);
  g_free (err);
  g_assert_cmpint (cli_test_run (f, &out, &err, "validate", "unicode.byline.json", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "");

  names = cli_test_listing (f->dir);
  g_assert_cmpstr (names, ==, "unicode.byline.json unicode.txt");
}

/* Converting @content fails with @expected in the message and leaves
 * nothing behind: no output, no temporary file. */
static void
check_invalid_input (Fixture    *f,
                     const char *content,
                     gsize       content_len,
                     const char *expected)
{
  g_autofree char *in_path = cli_test_path_in (f, "bad.txt");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *names = NULL;

  write_file (in_path, content, (gssize) content_len);
  g_assert_cmpint (cli_test_run (f, &out, &err, "convert", "bad.txt", "-o", "bad.byline.json", NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "bad.txt: "));
  g_assert_nonnull (strstr (err, expected));
  g_assert_cmpuint (cli_test_count_lines (err), ==, 1);
  names = cli_test_listing (f->dir);
  g_assert_cmpstr (names, ==, "bad.txt");
}

static void
test_convert_invalid_utf8 (Fixture       *f,
                           gconstpointer  data)
{
  /* Offsets count the bytes of the file as stored, BOM included:
   * 3 + 8 ("“ok”") + 1 + 7 ("line 2 ") + 4 (😀) + 2 (CRLF) + 6 ("third ")
   * = 31, then the bad pair 0xC3 0x28. */
  static const char content[] =
    BOM "\xe2\x80\x9cok\xe2\x80\x9d\nline 2 \xf0\x9f\x98\x80\r\nthird \xc3\x28 line\n";

  check_invalid_input (f, content, sizeof content - 1,
                       "bad.txt: invalid UTF-8 at byte offset 31 (line 3, ");
}

static void
test_convert_invalid_utf8_first_byte (Fixture       *f,
                                      gconstpointer  data)
{
  check_invalid_input (f, "\xff" "abc", 4, "bad.txt: invalid UTF-8 at byte offset 0 (line 1, ");
}

static void
test_convert_truncated_sequence (Fixture       *f,
                                 gconstpointer  data)
{
  /* A file cut in the middle of 😀. */
  check_invalid_input (f, "ab\ncd\n\xf0\x9f\x98", 9, "bad.txt: invalid UTF-8 at byte offset 6 (line 3, ");
}

static void
test_convert_nul_byte (Fixture       *f,
                       gconstpointer  data)
{
  check_invalid_input (f, "ab\ncd\0ef", 8, "bad.txt: NUL byte at byte offset 5 (line 2)");
}

/* Hostile nesting: JSON-GLib parses recursively, and 100,000 levels
 * would overflow the stack. Every JSON reader refuses it with a message. */
static void
test_convert_deep_nesting (Fixture       *f,
                           gconstpointer  data)
{
  static const char * const names[] = {
    "deep.jsonl", "deep.json", "deep.byline.json", "deep.doccano.jsonl", "deep.labelstudio.json",
    "deep.spacy.jsonl",
  };
  static const char * const heads[] = {
    "", "{\"text\": \"x\", \"a\": ", "{\"format\": \"byline\", \"version\": 1, \"text\": \"x\", \"meta\": ",
    "{\"text\": \"x\", \"a\": ", "[{\"data\": {\"text\": \"x\"}, \"a\": ",
    "{\"text\": \"x\", \"a\": ",
  };
  static const char * const tails[] = { "", "}", "}", "}", "}]", "}" };
  const guint depth = 100000;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = cli_test_path_in (f, names[i]);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      GString *content = g_string_new (heads[i]);

      for (guint d = 0; d < depth; d++)
        g_string_append_c (content, '[');
      for (guint d = 0; d < depth; d++)
        g_string_append_c (content, ']');
      g_string_append (content, tails[i]);
      g_string_append_c (content, '\n');
      write_file (path, content->str, content->len);
      g_string_free (content, TRUE);

      g_assert_cmpint (cli_test_run (f, &out, &err, "convert", names[i], "-o", "out.byline.jsonl", NULL), ==, 1);
      g_assert_true (g_str_has_prefix (err, names[i]));
      g_assert_nonnull (strstr (err, "nested"));
      g_assert_false (g_file_test ("out.byline.jsonl", G_FILE_TEST_EXISTS));
    }
}

/* ---- convert: never lose the old output -------------------------------- */

static void
test_convert_failure_keeps_output (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *good = cli_test_path_in (f, "good.txt");
  g_autofree char *bad = cli_test_path_in (f, "bad.txt");
  g_autofree char *corpus = cli_test_path_in (f, "corpus.jsonl");
  g_autofree char *doc = cli_test_path_in (f, "doc.byline.json");
  g_autofree char *lines = cli_test_path_in (f, "out.jsonl");
  g_autofree char *doc_before = NULL;
  g_autofree char *lines_before = NULL;
  g_autofree char *doc_after = NULL;
  g_autofree char *lines_after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *names = NULL;
  gsize doc_len, lines_len, len;

  write_file (good, "A good article.\n", -1);
  write_file (bad, "A bad \xfe article.\n", -1);
  write_file (corpus, "{\"id\": \"x1\", \"text\": \"one\"}\n{\"id\": \"x2\", \"text\": \"two\"}\n", -1);

  g_assert_cmpint (cli_test_run (f, &out, &err, "convert", "good.txt", "-o", "doc.byline.json", NULL), ==, 0);
  g_free (out);
  g_free (err);
  g_assert_cmpint (cli_test_run (f, &out, &err, "convert", "good.txt", "-o", "out.jsonl", NULL), ==, 0);
  doc_before = cli_test_read_file (doc, &doc_len);
  lines_before = cli_test_read_file (lines, &lines_len);
  g_assert_cmpuint (doc_len, >, 0);
  g_assert_cmpuint (lines_len, >, 0);

  /* A bad input onto an existing document. */
  g_free (out);
  g_free (err);
  g_assert_cmpint (cli_test_run (f, &out, &err, "convert", "bad.txt", "-o", "doc.byline.json", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (err, "bad.txt: invalid UTF-8 at byte offset 6 (line 1, "));

  /* The second input fails after the first went into the stream. */
  g_free (out);
  g_free (err);
  g_assert_cmpint (cli_test_run (f, &out, &err, "convert", "good.txt", "bad.txt", "-o", "out.jsonl", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (err, "bad.txt: invalid UTF-8"));

  /* Two documents cannot go into one .byline.json. */
  g_free (out);
  g_free (err);
  g_assert_cmpint (cli_test_run (f, &out, &err, "convert", "corpus.jsonl", "-o", "doc.byline.json", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (err, "doc.byline.json: "));

  doc_after = cli_test_read_file (doc, &len);
  g_assert_cmpmem (doc_after, len, doc_before, doc_len);
  lines_after = cli_test_read_file (lines, &len);
  g_assert_cmpmem (lines_after, len, lines_before, lines_len);

  /* No temporary file, and no backup from the runs that failed. */
  names = cli_test_listing (f->dir);
  g_assert_cmpstr (names, ==, "bad.txt corpus.jsonl doc.byline.json good.txt out.jsonl");
}

static void
test_convert_backup (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *doc = cli_test_path_in (f, "doc.byline.json");
  g_autofree char *backup = cli_test_path_in (f, "doc.byline.json~");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *names = NULL;
  gsize first_len, second_len, len;

  write_in (f, "one.txt", "first version\n", -1);
  write_in (f, "two.txt", "second version\n", -1);
  write_in (f, "three.txt", "third version\n", -1);

  /* Nothing to keep the first time. */
  g_assert_cmpint (cli_test_run (f, &out, &err, "convert", "one.txt", "-o", "doc.byline.json", NULL), ==, 0);
  names = cli_test_listing (f->dir);
  g_assert_cmpstr (names, ==, "doc.byline.json one.txt three.txt two.txt");
  first = cli_test_read_file (doc, &first_len);

  g_free (out);
  g_free (err);
  g_assert_cmpint (cli_test_run (f, &out, &err, "convert", "two.txt", "-o", "doc.byline.json", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  kept = cli_test_read_file (backup, &len);
  g_assert_cmpmem (kept, len, first, first_len);
  assert_document_text (doc, "second version\n", strlen ("second version\n"));
  second = cli_test_read_file (doc, &second_len);

  /* The backup is the version just replaced, not the oldest one. */
  g_free (out);
  g_free (err);
  g_assert_cmpint (cli_test_run (f, &out, &err, "convert", "three.txt", "-o", "doc.byline.json", NULL), ==, 0);
  g_free (kept);
  kept = cli_test_read_file (backup, &len);
  g_assert_cmpmem (kept, len, second, second_len);
  assert_document_text (doc, "third version\n", strlen ("third version\n"));

  g_free (names);
  names = cli_test_listing (f->dir);
  g_assert_cmpstr (names, ==, "doc.byline.json doc.byline.json~ one.txt three.txt two.txt");
}

/* ---- convert: corpora --------------------------------------------------- */

static const char * const corpus_ids[] = { "art-1", "art-2", "art-3" };
static const char * const corpus_titles[] = { "First", "Second", "Third" };
static const char * const corpus_texts[] = {
  "\xe2\x80\x9cHello,\xe2\x80\x9d \xf0\x9f\x98\x80 she said.",
  "Line one.\nLine two \xe2\x80\x94 cafe\xcc\x81.",
  "\xe4\xb8\xad\xe6\x96\x87 \xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7",
};

static void
write_corpus (Fixture *f)
{
  g_autoptr(GString) jsonl = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (corpus_ids); i++)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonGenerator) gen = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *line = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, corpus_ids[i]);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, corpus_titles[i]);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, corpus_texts[i]);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      json_generator_set_root (gen, root);
      line = json_generator_to_data (gen, NULL);
      g_string_append (jsonl, line);
      g_string_append_c (jsonl, '\n');
    }
  write_in (f, "corpus.jsonl", jsonl->str, (gssize) jsonl->len);
}

static void
assert_corpus_document (JsonObject *obj,
                        guint       i)
{
  assert_object_text (obj, corpus_texts[i], strlen (corpus_texts[i]));
  g_assert_cmpstr (cli_test_member_string (obj, "id"), ==, corpus_ids[i]);
  g_assert_cmpstr (cli_test_member_string (cli_test_member_object (obj, "meta"), "title"), ==, corpus_titles[i]);
}

static void
test_convert_corpus_jsonl (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *out_path = cli_test_path_in (f, "out.jsonl");
  g_autofree char *written = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *names = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonNode) stats = NULL;
  gsize len;

  write_corpus (f);
  g_assert_cmpint (cli_test_run (f, &out, &err, "convert", "corpus.jsonl", "-o", "out.jsonl", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");

  written = cli_test_read_file (out_path, &len);
  g_assert_cmpuint (len, >, 0);
  g_assert_cmpint (written[len - 1], ==, '\n');
  g_assert_cmpuint (cli_test_count_lines (written), ==, 3);
  lines = g_strsplit (written, "\n", -1);
  for (guint i = 0; i < 3 && lines[i] != NULL; i++)
    {
      g_autoptr(JsonNode) root = cli_test_parse_json (lines[i], -1);

      if (root != NULL)
        assert_corpus_document (json_node_get_object (root), i);
    }

  /* The corpus counts as three documents. */
  g_free (out);
  g_free (err);
  g_assert_cmpint (cli_test_run (f, &out, &err, "stats", "--json", "out.jsonl", NULL), ==, 0);
  stats = cli_test_parse_json (out, -1);
  if (stats != NULL)
    g_assert_cmpint (cli_test_member_int (json_node_get_object (stats), "documents"), ==, 3);

  names = cli_test_listing (f->dir);
  g_assert_cmpstr (names, ==, "corpus.jsonl out.jsonl");
}

static void
test_convert_corpus_directory (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *outdir = cli_test_path_in (f, "outdir");
  g_autofree char *names = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *direct = NULL;
  g_autofree char *via_dir = NULL;
  g_autofree char *direct_path = cli_test_path_in (f, "direct.jsonl");
  g_autofree char *via_dir_path = cli_test_path_in (f, "via-dir.jsonl");
  gsize direct_len, via_dir_len;

  write_corpus (f);
  g_assert_cmpint (cli_test_run (f, &out, &err, "convert", "corpus.jsonl", "-o", "outdir/", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  names = cli_test_listing (outdir);
  g_assert_cmpstr (names, ==, "art-1.byline.json art-2.byline.json art-3.byline.json");
  for (guint i = 0; i < G_N_ELEMENTS (corpus_ids); i++)
    {
      g_autofree char *name = g_strconcat (corpus_ids[i], ".byline.json", NULL);
      g_autofree char *path = g_build_filename (outdir, name, NULL);
      g_autoptr(JsonNode) root = cli_test_load_json (path);

      if (root != NULL)
        assert_corpus_document (json_node_get_object (root), i);
    }

  /* Again, into the existing directory: each file keeps a backup, and
   * reading the directory back skips the backups. */
  g_free (out);
  g_free (err);
  g_assert_cmpint (cli_test_run (f, &out, &err, "convert", "corpus.jsonl", "-o", "outdir", NULL), ==, 0);
  g_free (names);
  names = cli_test_listing (outdir);
  g_assert_cmpstr (names, ==, "art-1.byline.json art-1.byline.json~ art-2.byline.json "
                              "art-2.byline.json~ art-3.byline.json art-3.byline.json~");

  g_free (out);
  g_free (err);
  g_assert_cmpint (cli_test_run (f, &out, &err, "convert", "corpus.jsonl", "-o", "direct.jsonl", NULL), ==, 0);
  g_free (out);
  g_free (err);
  g_assert_cmpint (cli_test_run (f, &out, &err, "convert", "outdir", "-o", "via-dir.jsonl", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  direct = cli_test_read_file (direct_path, &direct_len);
  via_dir = cli_test_read_file (via_dir_path, &via_dir_len);
  g_assert_cmpmem (via_dir, via_dir_len, direct, direct_len);

  g_free (names);
  names = cli_test_listing (f->dir);
  g_assert_cmpstr (names, ==, "corpus.jsonl direct.jsonl outdir via-dir.jsonl");
}

static void
test_convert_corpus_to_one_file (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *names = NULL;

  write_corpus (f);
  g_assert_cmpint (cli_test_run (f, &out, &err, "convert", "corpus.jsonl", "-o", "one.byline.json", NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  /* The message names the output and says what to do instead. */
  g_assert_true (g_str_has_prefix (err, "one.byline.json: "));
  g_assert_nonnull (strstr (err, ".jsonl"));
  g_assert_nonnull (strstr (err, "directory"));
  names = cli_test_listing (f->dir);
  g_assert_cmpstr (names, ==, "corpus.jsonl");
}

/* Document ids are not paths: a corpus cannot write outside the output
 * directory, over a dot file or over another document. */
static void
test_convert_unsafe_ids (Fixture       *f,
                         gconstpointer  data)
{
  static const char * const ids[] = { "../escape", "a/b", "dup", "dup", ".hidden", "c:\\\\d" };
  g_autoptr(GString) jsonl = g_string_new (NULL);
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *outdir = cli_test_path_in (f, "outdir");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *names = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_files = 0;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_string_append_printf (jsonl, "{\"id\": \"%s\", \"text\": \"text %u\"}\n", ids[i], i);
  write_in (f, "corpus.jsonl", jsonl->str, (gssize) jsonl->len);

  g_assert_cmpint (cli_test_run (f, &out, &err, "convert", "corpus.jsonl", "-o", "outdir/", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  names = cli_test_listing (f->dir);
  g_assert_cmpstr (names, ==, "corpus.jsonl outdir");

  dir = g_dir_open (outdir, 0, NULL);
  g_assert_nonnull (dir);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (outdir, name, NULL);
      g_autoptr(JsonNode) root = NULL;

      n_files++;
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      g_assert_cmpint (name[0], !=, '.');
      g_assert_true (g_str_has_suffix (name, ".byline.json"));
      root = cli_test_load_json (path);
      if (root != NULL)
        g_hash_table_add (texts, g_strdup (cli_test_member_string (json_node_get_object (root), "text")));
    }
  /* Every document has its own file. */
  g_assert_cmpuint (n_files, ==, G_N_ELEMENTS (ids));
  g_assert_cmpuint (g_hash_table_size (texts), ==, G_N_ELEMENTS (ids));
}

/* ---- usage ------------------------------------------------------------- */

static void
test_help_main (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cli_test_run (f, &out, &err, "--help", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_str_has_prefix (out, "Usage: byline-cli COMMAND"));
  g_assert_nonnull (strstr (out, "  convert "));
  g_assert_nonnull (strstr (out, "  validate "));
  g_assert_nonnull (strstr (out, "  stats "));

  /* No command at all: the usage, on stderr, and a usage error. */
  g_free (out);
  g_free (err);
  g_assert_cmpint (cli_test_run (f, &out, &err, NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "Usage: byline-cli COMMAND"));
}

typedef struct
{
  const char *command;
  const char *operands;  /* as the usage line must show them */
  const char *repeated;  /* an operand shown twice */
  const char *option;    /* one option the help must list */
} HelpCase;

static const HelpCase help_cases[] = {
  { "convert", "INPUT… -o OUTPUT", "INPUT… INPUT…", "--output" },
  { "validate", "FILE…", "FILE… FILE…", NULL },
  { "stats", "FILE…", "FILE… FILE…", "--json" },
};

static void
test_help_command (Fixture       *f,
                   gconstpointer  data)
{
  const HelpCase *hc = data;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *usage = g_strdup_printf ("byline-cli %s [OPTION…] %s", hc->command, hc->operands);

  g_assert_cmpint (cli_test_run (f, &out, &err, hc->command, "--help", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_str_has_prefix (out, "Usage:"));
  /* The usage line is one a user can type: the program name, the
   * command, and each operand once. */
  g_test_message ("want “%s” in the usage", usage);
  g_assert_nonnull (strstr (out, usage));
  g_assert_null (strstr (out, hc->repeated));
  if (hc->option != NULL)
    g_assert_nonnull (strstr (out, hc->option));

  /* -h is the same. */
  {
    g_autofree char *out2 = NULL;
    g_autofree char *err2 = NULL;

    g_assert_cmpint (cli_test_run (f, &out2, &err2, hc->command, "-h", NULL), ==, 0);
    g_assert_cmpstr (out2, ==, out);
  }
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *names = NULL;

  g_assert_cmpint (cli_test_run (f, &out, &err, "frobnicate", "x.txt", NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "unknown command"));
  g_assert_nonnull (strstr (err, "frobnicate"));
  g_assert_nonnull (strstr (err, "Usage: byline-cli COMMAND"));

  /* convert without -o: nothing written, a message saying what is
   * missing. */
  write_in (f, "in.txt", "Some text.\n", -1);
  g_free (out);
  g_free (err);
  g_assert_cmpint (cli_test_run (f, &out, &err, "convert", "in.txt", NULL), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "-o OUTPUT"));
  names = cli_test_listing (f->dir);
  g_assert_cmpstr (names, ==, "in.txt");

  g_free (out);
  g_free (err);
  g_assert_cmpint (cli_test_run (f, &out, &err, "convert", "-o", "x.byline.json", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "INPUT"));

  g_free (out);
  g_free (err);
  g_assert_cmpint (cli_test_run (f, &out, &err, "convert", "--bogus", "in.txt", "-o", "x.byline.json", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--bogus"));
  g_assert_nonnull (strstr (err, "byline-cli convert --help"));

  g_free (out);
  g_free (err);
  g_assert_cmpint (cli_test_run (f, &out, &err, "convert", "in.txt", "-o", "x.unknownext", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--to"));

  g_free (out);
  g_free (err);
  g_assert_cmpint (cli_test_run (f, &out, &err, "validate", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "FILE"));

  g_free (out);
  g_free (err);
  g_assert_cmpint (cli_test_run (f, &out, &err, "stats", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "FILE"));

  g_free (names);
  names = cli_test_listing (f->dir);
  g_assert_cmpstr (names, ==, "in.txt");
}

/* ---- main -------------------------------------------------------------- */

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, cli_test_fixture_setup, func, cli_test_fixture_teardown)

int
main (int    argc,
      char **argv)
{
  cli_test_init (&argc, &argv);

  ADD ("/cli/convert/sample", test_convert_sample, NULL);
  ADD ("/cli/convert/annotated-roundtrip", test_convert_annotated_roundtrip, NULL);
  ADD ("/cli/convert/unicode", test_convert_unicode, NULL);
  ADD ("/cli/convert/invalid-utf8", test_convert_invalid_utf8, NULL);
  ADD ("/cli/convert/invalid-utf8-first-byte", test_convert_invalid_utf8_first_byte, NULL);
  ADD ("/cli/convert/truncated-sequence", test_convert_truncated_sequence, NULL);
  ADD ("/cli/convert/nul-byte", test_convert_nul_byte, NULL);
  ADD ("/cli/convert/deep-nesting", test_convert_deep_nesting, NULL);
  ADD ("/cli/convert/failure-keeps-output", test_convert_failure_keeps_output, NULL);
  ADD ("/cli/convert/backup", test_convert_backup, NULL);
  ADD ("/cli/convert/corpus-jsonl", test_convert_corpus_jsonl, NULL);
  ADD ("/cli/convert/corpus-directory", test_convert_corpus_directory, NULL);
  ADD ("/cli/convert/corpus-to-one-file", test_convert_corpus_to_one_file, NULL);
  ADD ("/cli/convert/unsafe-ids", test_convert_unsafe_ids, NULL);

  ADD ("/cli/help/main", test_help_main, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (help_cases); i++)
    {
      g_autofree char *test_path = g_strconcat ("/cli/help/", help_cases[i].command, NULL);

      ADD (test_path, test_help_command, &help_cases[i]);
    }
  ADD ("/cli/usage/errors", test_usage_errors, NULL);

  return g_test_run ();
}
