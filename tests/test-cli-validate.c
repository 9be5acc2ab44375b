/* test-cli-validate.c: byline-cli validate and stats, driven as a user
 * would drive them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test runs the built binary ($BYLINE_CLI) in a fresh temporary
 * directory and checks what a user sees: the exit status, stdout, stderr
 * and the files left behind (all of them: a stray temporary file is a bug).
 * Assertions are non-fatal so that one wrong behaviour does not hide the
 * others; a helper that cannot go on returns early.
 */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cli-test-util.h"

typedef CliTestFixture Fixture;

/* ---- Helpers ----------------------------------------------------------- */

static char *
bad_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "bad", name, NULL);
}

/* The lines of @text that start with @prefix. */
static GPtrArray *
lines_starting_with (const char *text,
                     const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], prefix))
        g_ptr_array_add (found, g_strdup (lines[i]));
    }
  return found;
}

/* ---- validate ---------------------------------------------------------- */

typedef struct
{
  char      *name;
  GPtrArray *expected;  /* of GStrv: fragments that must share one line */
} BadFile;

static void
bad_file_free (gpointer data)
{
  BadFile *bad = data;

  g_free (bad->name);
  g_ptr_array_unref (bad->expected);
  g_free (bad);
}

static GPtrArray *
load_expected (void)
{
  g_autofree char *tsv_path = bad_path ("EXPECTED.tsv");
  g_autofree char *tsv = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *files = g_ptr_array_new_with_free_func (bad_file_free);

  if (!g_file_get_contents (tsv_path, &tsv, NULL, &error))
    g_error ("%s", error->message);
  lines = g_strsplit (tsv, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      BadFile *bad = NULL;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      fields = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (fields) < 2 || fields[1][0] == '\0')
        g_error ("EXPECTED.tsv:%u: want FILE TAB FRAGMENT…", i + 1);
      for (guint j = 0; j < files->len && bad == NULL; j++)
        {
          BadFile *b = files->pdata[j];

          if (g_str_equal (b->name, fields[0]))
            bad = b;
        }
      if (bad == NULL)
        {
          bad = g_new0 (BadFile, 1);
          bad->name = g_strdup (fields[0]);
          bad->expected = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
          g_ptr_array_add (files, bad);
        }
      g_ptr_array_add (bad->expected, g_strdupv (fields + 1));
    }
  return files;
}

static gboolean
line_has_all (const char  *line,
              char       **fragments)
{
  for (guint i = 0; fragments[i] != NULL; i++)
    {
      if (strstr (line, fragments[i]) == NULL)
        return FALSE;
    }
  return TRUE;
}

/* Checks the lines validate printed for @bad: one per expected problem,
 * each matching its own expectation. */
static void
check_bad_lines (const char *out,
                 const char *path,
                 BadFile    *bad)
{
  g_autofree char *prefix = g_strconcat (path, ": ", NULL);
  g_autoptr(GPtrArray) lines = lines_starting_with (out, prefix);
  g_autofree gboolean *used = g_new0 (gboolean, lines->len + 1);

  g_assert_cmpuint (lines->len, ==, bad->expected->len);
  for (guint i = 0; i < bad->expected->len; i++)
    {
      char **fragments = bad->expected->pdata[i];
      gboolean found = FALSE;

      for (guint j = 0; j < lines->len && !found; j++)
        {
          if (!used[j] && line_has_all ((const char *) lines->pdata[j] + strlen (prefix), fragments))
            found = used[j] = TRUE;
        }
      if (!found)
        {
          g_autofree char *want = g_strjoinv ("” and “", fragments);

          g_test_message ("%s: no line has “%s”", bad->name, want);
          g_test_fail ();
        }
    }
}

static void
test_validate_bad (Fixture       *f,
                   gconstpointer  data)
{
  BadFile *bad = (BadFile *) data;
  g_autofree char *path = bad_path (bad->name);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (cli_test_run (f, &out, &err, "validate", path, NULL), ==, 1);
  /* Problems are the output; nothing else goes anywhere. */
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpuint (cli_test_count_lines (out), ==, bad->expected->len);
  check_bad_lines (out, path, bad);
  /* Messages name the file, never a placeholder. */
  g_assert_null (strstr (out, "<data>"));
  g_assert_null (strstr (out, "<input>"));
  g_assert_null (strstr (out, "(null)"));
  cli_test_assert_listing (f, "");
}

/* Every file in tests/data/bad has an expectation, and every expectation
 * a file. */
static void
test_validate_bad_listed (gconstpointer data)
{
  GPtrArray *files = (GPtrArray *) data;
  g_autofree char *dir_path = bad_path (".");
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      gboolean listed = FALSE;

      if (!g_str_has_suffix (name, ".byline.json"))
        continue;
      n++;
      for (guint i = 0; i < files->len && !listed; i++)
        listed = g_str_equal (((BadFile *) files->pdata[i])->name, name);
      if (!listed)
        {
          g_test_message ("%s is not in EXPECTED.tsv", name);
          g_test_fail ();
        }
    }
  g_assert_cmpuint (n, ==, files->len);
  /* The problems the design asks for, at the least. */
  g_assert_cmpuint (files->len, >=, 17);
}

/* Several files at once: one line per problem per file, in the order
 * the files were given, and warnings do not hide errors. */
static void
test_validate_several (Fixture       *f,
                       gconstpointer  data)
{
  GPtrArray *files = (GPtrArray *) data;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *small = cli_test_data_path ("small.byline.json");
  g_autofree char *unknown = cli_test_data_path ("unknown-label.byline.json");
  g_auto(GStrv) lines = NULL;
  guint expected_lines = 1;  /* the warning */
  guint line = 0;

  g_ptr_array_add (argv, g_strdup (g_getenv ("BYLINE_CLI")));
  g_ptr_array_add (argv, g_strdup ("validate"));
  g_ptr_array_add (argv, g_strdup (small));
  for (guint i = 0; i < files->len; i++)
    {
      BadFile *bad = files->pdata[i];

      g_ptr_array_add (argv, bad_path (bad->name));
      expected_lines += bad->expected->len;
      if (i == files->len / 2)
        g_ptr_array_add (argv, g_strdup (unknown));
    }
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  if (proc == NULL)
    return;
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (out == NULL)
    return;
  g_assert_true (g_subprocess_get_if_exited (proc));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 1);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpuint (cli_test_count_lines (out), ==, expected_lines);

  /* Walk the output in argument order. */
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 2; i < argv->len - 1; i++)
    {
      const char *path = argv->pdata[i];
      g_autofree char *prefix = g_strconcat (path, ": ", NULL);

      while (lines[line] != NULL && g_str_has_prefix (lines[line], prefix))
        line++;
    }
  g_assert_cmpuint (line, ==, expected_lines);
  for (guint i = 0; i < files->len; i++)
    {
      BadFile *bad = files->pdata[i];
      g_autofree char *path = bad_path (bad->name);

      check_bad_lines (out, path, bad);
    }
}

static void
test_validate_unknown_label (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *path = cli_test_data_path ("unknown-label.byline.json");
  g_autofree char *prefix = g_strconcat (path, ": warning: ", NULL);
  g_autofree char *copy = cli_test_path_in (f, "copy.byline.json");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *annotations;

  g_assert_cmpint (cli_test_run (f, &out, &err, "validate", path, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpuint (cli_test_count_lines (out), ==, 1);
  g_assert_true (g_str_has_prefix (out, prefix));
  g_assert_nonnull (strstr (out, "FOO"));
  g_assert_nonnull (strstr (out, "(id a2)"));
  cli_test_assert_listing (f, "");

  /* Kept: the label survives a conversion. */
  g_free (out);
  g_free (err);
  g_assert_cmpint (cli_test_run (f, &out, &err, "convert", path, "-o", "copy.byline.json", NULL), ==, 0);
  /* ... and said: convert never drops a doubt silently. */
  g_assert_nonnull (strstr (err, "warning: "));
  g_assert_nonnull (strstr (err, "label “FOO” is not in schema “news” (kept)"));
  root = cli_test_load_json (copy);
  if (root == NULL)
    return;
  annotations = json_object_get_array_member (json_node_get_object (root), "annotations");
  g_assert_nonnull (annotations);
  if (annotations == NULL)
    return;
  g_assert_cmpuint (json_array_get_length (annotations), ==, 2);
  if (json_array_get_length (annotations) == 2)
    g_assert_cmpstr (cli_test_member_string (json_array_get_object_element (annotations, 1), "label"), ==, "FOO");
}

static void
test_validate_missing_file (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cli_test_run (f, &out, &err, "validate", "nowhere.byline.json", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (out, "nowhere.byline.json: "));
  g_assert_cmpuint (cli_test_count_lines (out), ==, 1);
}

/* ---- stats ------------------------------------------------------------- */

static void
assert_counts (JsonObject         *obj,
               const char         *name,
               const char * const *keys,
               const gint64       *counts)
{
  JsonObject *table = cli_test_member_object (obj, name);
  guint n = 0;

  for (; keys[n] != NULL; n++)
    {
      g_test_message ("%s: %s", name, keys[n]);
      g_assert_cmpint (cli_test_member_int (table, keys[n]), ==, counts[n]);
    }
  g_assert_cmpuint (json_object_get_size (table), ==, n);
}

static void
test_stats_json (Fixture       *f,
                 gconstpointer  data)
{
  static const char * const layers[] = { "entities", "speakers", NULL };
  static const gint64 layer_counts[] = { 1, 3 };
  static const char * const labels[] = {
    "entities/PERSON", "speakers/CUE", "speakers/QUOTE", "speakers/SPEAKER", NULL
  };
  static const gint64 label_counts[] = { 1, 1, 1, 1 };
  static const char * const statuses[] = { "accepted", "manual", "suggested", NULL };
  static const gint64 status_counts[] = { 1, 2, 1 };
  static const char * const types[] = { "said_by", NULL };
  static const gint64 type_counts[] = { 1 };
  g_autofree char *path = cli_test_data_path ("small.byline.json");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *obj;

  g_assert_cmpint (cli_test_run (f, &out, &err, "stats", path, "--json", NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  root = cli_test_parse_json (out, -1);
  if (root == NULL)
    return;
  obj = json_node_get_object (root);
  g_assert_cmpint (cli_test_member_int (obj, "documents"), ==, 1);
  g_assert_cmpint (cli_test_member_int (obj, "characters"), ==, 26);
  g_assert_cmpint (cli_test_member_int (obj, "annotations"), ==, 4);
  g_assert_cmpint (cli_test_member_int (obj, "relations"), ==, 1);
  assert_counts (obj, "layers", layers, layer_counts);
  assert_counts (obj, "labels", labels, label_counts);
  assert_counts (obj, "statuses", statuses, status_counts);
  assert_counts (obj, "relation_types", types, type_counts);
  cli_test_assert_listing (f, "");
}

/* TRUE when @out has a line whose words are exactly @a and @b. */
static gboolean
has_row (const char *out,
         const char *a,
         const char *b)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      g_autoptr(GPtrArray) kept = g_ptr_array_new ();

      for (guint j = 0; words[j] != NULL; j++)
        {
          if (words[j][0] != '\0')
            g_ptr_array_add (kept, words[j]);
        }
      if (kept->len == 2 && g_str_equal (kept->pdata[0], a) && g_str_equal (kept->pdata[1], b))
        return TRUE;
    }
  g_test_message ("no row “%s %s”", a, b);
  return FALSE;
}

static void
test_stats_text (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = cli_test_data_path ("small.byline.json");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cli_test_run (f, &out, &err, "stats", path, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (has_row (out, "Documents:", "1"));
  g_assert_true (has_row (out, "Characters:", "26"));
  g_assert_true (has_row (out, "Annotations:", "4"));
  g_assert_true (has_row (out, "Relations:", "1"));
  g_assert_true (has_row (out, "speakers", "3"));
  g_assert_true (has_row (out, "entities", "1"));
  g_assert_true (has_row (out, "QUOTE", "1"));
  g_assert_true (has_row (out, "CUE", "1"));
  g_assert_true (has_row (out, "SPEAKER", "1"));
  g_assert_true (has_row (out, "PERSON", "1"));
  g_assert_true (has_row (out, "manual", "2"));
  g_assert_true (has_row (out, "suggested", "1"));
  g_assert_true (has_row (out, "accepted", "1"));
  g_assert_true (has_row (out, "said_by", "1"));
  cli_test_assert_listing (f, "");
}

/* Labels and layers are free text (unknown ones are kept): --json must
 * stay JSON whatever they hold. */
static void
test_stats_json_escaping (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = cli_test_data_path ("quote-in-label.byline.json");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *obj;

  g_assert_cmpint (cli_test_run (f, &out, &err, "stats", "--json", path, NULL), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (json_parser_get_root (parser));
  if (error != NULL || json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return;
  obj = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (cli_test_member_int (cli_test_member_object (obj, "layers"), "my \"layer\""), ==, 1);
  g_assert_cmpint (cli_test_member_int (cli_test_member_object (obj, "labels"), "my \"layer\"/SAY \"IT\" \\ NOW"),
                   ==, 1);
}

/* ---- main -------------------------------------------------------------- */

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, cli_test_fixture_setup, func, cli_test_fixture_teardown)

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) bad_files = NULL;

  cli_test_init (&argc, &argv);
  bad_files = load_expected ();

  g_test_add_data_func ("/cli/validate/bad-all-listed", bad_files, test_validate_bad_listed);
  for (guint i = 0; i < bad_files->len; i++)
    {
      BadFile *bad = bad_files->pdata[i];
      g_autofree char *test_path = g_strconcat ("/cli/validate/bad/", bad->name, NULL);

      ADD (test_path, test_validate_bad, bad);
    }
  ADD ("/cli/validate/several-files", test_validate_several, bad_files);
  ADD ("/cli/validate/unknown-label", test_validate_unknown_label, NULL);
  ADD ("/cli/validate/missing-file", test_validate_missing_file, NULL);

  ADD ("/cli/stats/json", test_stats_json, NULL);
  ADD ("/cli/stats/text", test_stats_text, NULL);
  ADD ("/cli/stats/json-escaping", test_stats_json_escaping, NULL);

  return g_test_run ();
}
