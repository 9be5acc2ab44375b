/* test-cli-suggest.c: byline-cli suggest and the review statistics, driven
 * as a user would drive them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test runs the built binary ($BYLINE_CLI) in a fresh temporary
 * directory and checks the exit status, stdout, stderr and every file
 * left behind. The models are the fake ones in tests/data/suggest/.
 * Assertions are non-fatal, as in test-cli.c.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cli-test-util.h"

typedef CliTestFixture Fixture;

/* ---- Helpers ----------------------------------------------------------- */

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "suggest", name, NULL);
}

/* "python3 -S SCRIPT ARGS" or "sh SCRIPT ARGS" (-S: no site packages,
 * the fake models need none, and python starts faster). */
static char *
model (const char *name,
       const char *args)
{
  g_autofree char *path = data_path (name);
  g_autofree char *quoted = g_shell_quote (path);

  return g_strdup_printf ("%s %s%s%s", g_str_has_suffix (name, ".py") ? "python3 -S" : "sh",
                          quoted, args ? " " : "", args ? args : "");
}

static void
copy_in (Fixture    *f,
         const char *from,
         const char *name)
{
  g_autofree char *data = NULL;
  g_autofree char *to = cli_test_path_in (f, name);
  gsize len;

  data = cli_test_read_file (from, &len);
  g_assert_true (g_file_set_contents (to, data, (gssize) len, NULL));
}

/* The string member @name, or NULL: unlike cli_test_member_string (),
 * a missing member is an answer, not a failure (annotations_with () and
 * has_text () ask every annotation; the assertions compare with NULL). */
static const char *
member_string (JsonObject *obj,
               const char *name)
{
  JsonNode *member = json_object_get_member (obj, name);

  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (member);
}

/* The annotations of a native document with @label (all when NULL). */
static GPtrArray *
annotations_with (JsonObject *doc,
                  const char *label)
{
  GPtrArray *found = g_ptr_array_new ();
  JsonNode *node = doc ? json_object_get_member (doc, "annotations") : NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return found;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *a = json_array_get_object_element (array, i);

      if (label == NULL || g_strcmp0 (member_string (a, "label"), label) == 0)
        g_ptr_array_add (found, a);
    }
  return found;
}

static guint
n_relations (JsonObject *doc)
{
  JsonNode *node = doc ? json_object_get_member (doc, "relations") : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_array_get_length (json_node_get_array (node)) : 0;
}

static gboolean
has_text (GPtrArray  *annotations,
          const char *text)
{
  for (guint i = 0; i < annotations->len; i++)
    {
      if (g_strcmp0 (member_string (annotations->pdata[i], "text"), text) == 0)
        return TRUE;
    }
  g_test_message ("no annotation has the text “%s”", text);
  return FALSE;
}

/* TRUE when a line of @out has exactly the words of @words. */
static gboolean
has_row (const char *out,
         const char *words)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  g_auto(GStrv) want = g_strsplit (words, " ", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) got = g_strsplit_set (lines[i], " ", -1);
      guint n = 0;
      gboolean same = TRUE;

      for (guint j = 0; got[j] != NULL && same; j++)
        {
          if (got[j][0] == '\0')
            continue;
          same = want[n] != NULL && g_str_equal (got[j], want[n]);
          n++;
        }
      if (same && n == g_strv_length (want))
        return TRUE;
    }
  g_test_message ("no row “%s”", words);
  return FALSE;
}

/* An extractor that is not written yet says so: the test is skipped. */
static gboolean
skip_if_missing (const char *err)
{
  if (strstr (err, "not available in this build") == NULL)
    return FALSE;
  g_test_skip (err);
  return TRUE;
}

/* ---- Built-in extractors ------------------------------------------------ */

static void
test_builtin_entities (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *sample = cli_test_sample_path ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out_path = cli_test_path_in (f, "article.byline.json");
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(GPtrArray) all = NULL;
  int status;

  status = cli_test_run (f, &out, &err, "suggest", sample, "-o", "article.byline.json", "--extractors", "entities",
                         NULL);
  if (status == 1 && skip_if_missing (err))
    return;
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "suggestions added ("));
  g_assert_nonnull (strstr (err, "PERSON "));
  root = cli_test_load_json (out_path);
  if (root == NULL)
    return;
  people = annotations_with (json_node_get_object (root), "PERSON");
  places = annotations_with (json_node_get_object (root), "GPE");
  all = annotations_with (json_node_get_object (root), NULL);
  g_assert_cmpuint (people->len, >, 0);
  g_assert_cmpuint (places->len, >, 0);
  g_assert_true (has_text (people, "Antony Blinken"));
  g_assert_true (has_text (places, "Beijing"));
  for (guint i = 0; i < all->len; i++)
    {
      g_assert_cmpstr (member_string (all->pdata[i], "status"), ==, "suggested");
      g_assert_cmpstr (member_string (all->pdata[i], "origin"), ==, "rules:entities");
    }
  cli_test_assert_listing (f, "article.byline.json");
}

/* All extractors by default; a second run suggests nothing again. */
static void
test_builtin_all_twice (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *sample = cli_test_sample_path ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *path = cli_test_path_in (f, "a.byline.json");
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) quotes = NULL;
  gsize len1, len2;
  int status;

  status = cli_test_run (f, &out, &err, "suggest", sample, "-o", "a.byline.json", NULL);
  if (status == 1 && skip_if_missing (err))
    return;
  g_assert_cmpint (status, ==, 0);
  root = cli_test_load_json (path);
  quotes = annotations_with (root ? json_node_get_object (root) : NULL, "QUOTE");
  g_assert_cmpuint (quotes->len, >, 0);
  g_assert_cmpuint (n_relations (root ? json_node_get_object (root) : NULL), >, 0);
  first = cli_test_read_file (path, &len1);

  g_free (out);
  g_free (err);
  g_assert_cmpint (cli_test_run (f, &out, &err, "suggest", "a.byline.json", "-o", "b.byline.json", NULL), ==, 0);
  g_assert_nonnull (strstr (err, "0 suggestions added, 0 relations"));
  {
    g_autofree char *other = cli_test_path_in (f, "b.byline.json");

    second = cli_test_read_file (other, &len2);
  }
  g_assert_cmpmem (first, len1, second, len2);
}

static void
test_unknown_extractor (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *sample = cli_test_sample_path ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cli_test_run (f, &out, &err, "suggest", sample, "-o", "x.byline.json", "--extractors",
                                 "entities,quotez", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "no extractor is called “quotez” (there are: entities, quotes, claims)"));
  cli_test_assert_listing (f, "");
}

/* ---- External models ---------------------------------------------------- */

static void
test_command_native (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *sample = cli_test_sample_path ();
  g_autofree char *command = model ("native.py", "PERSON Blinken");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *path = cli_test_path_in (f, "out.byline.json");
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) stats = NULL;
  g_autoptr(GPtrArray) people = NULL;
  JsonObject *review;

  g_assert_cmpint (cli_test_run (f, &out, &err, "suggest", sample, "-o", "out.byline.json", "--command", command,
                                 NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  /* The model's own stderr, then the summary. */
  g_assert_nonnull (strstr (err, "fake model: 11 found\n"));
  g_assert_nonnull (strstr (err, "11 suggestions added (PERSON 11), 0 relations\n"));
  cli_test_assert_listing (f, "out.byline.json");
  root = cli_test_load_json (path);
  people = annotations_with (root ? json_node_get_object (root) : NULL, NULL);
  g_assert_cmpuint (people->len, ==, 11);
  for (guint i = 0; i < people->len; i++)
    {
      JsonObject *a = people->pdata[i];

      g_assert_cmpstr (member_string (a, "label"), ==, "PERSON");
      g_assert_cmpstr (member_string (a, "layer"), ==, "entities");
      g_assert_cmpstr (member_string (a, "text"), ==, "Blinken");
      g_assert_cmpstr (member_string (a, "origin"), ==, "command:native.py");
      g_assert_cmpstr (member_string (a, "status"), ==, "suggested");
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (a, "confidence"), 0.9, 1e-9);
    }

  /* The statistics see them, undecided. */
  g_free (out);
  g_free (err);
  g_assert_cmpint (cli_test_run (f, &out, &err, "stats", "--json", "out.byline.json", NULL), ==, 0);
  stats = cli_test_parse_json (out, -1);
  review = cli_test_member_object (cli_test_member_object (stats ? json_node_get_object (stats) : NULL, "review"),
                                   "command:native.py");
  g_assert_cmpint (cli_test_member_int (review, "undecided"), ==, 11);
  g_assert_cmpint (cli_test_member_int (review, "accepted"), ==, 0);
  g_assert_true (json_object_get_null_member (review, "acceptance_rate"));
}

/* Built-in extractors and a model together; JSON Lines with relations. */
static void
test_command_and_extractors (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *sample = cli_test_sample_path ();
  g_autofree char *command = model ("quotes.py", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *path = cli_test_path_in (f, "out.byline.json");
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) all = NULL;
  guint from_model = 0, from_rules = 0;
  int status;

  status = cli_test_run (f, &out, &err, "suggest", sample, "-o", "out.byline.json", "--extractors", "entities",
                         "--command", command, NULL);
  if (status == 1 && skip_if_missing (err))
    return;
  g_assert_cmpint (status, ==, 0);
  root = cli_test_load_json (path);
  all = annotations_with (root ? json_node_get_object (root) : NULL, NULL);
  for (guint i = 0; i < all->len; i++)
    {
      const char *origin = member_string (all->pdata[i], "origin");

      if (g_strcmp0 (origin, "command:quotes.py") == 0)
        from_model++;
      else if (g_strcmp0 (origin, "rules:entities") == 0)
        from_rules++;
      else
        g_assert_cmpstr (origin, ==, "one of the two");
    }
  g_assert_cmpuint (from_model, ==, 13 + 6);
  g_assert_cmpuint (from_rules, >, 0);
  g_assert_cmpuint (n_relations (root ? json_node_get_object (root) : NULL), >, 0);
}

static void
test_command_spacy (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *sample = cli_test_sample_path ();
  g_autofree char *command = model ("spacy-style.py", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *path = cli_test_path_in (f, "out.byline.json");
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) places = NULL;
  g_autoptr(GPtrArray) orgs = NULL;

  g_assert_cmpint (cli_test_run (f, &out, &err, "suggest", sample, "-o", "out.byline.json", "-c", command, NULL),
                   ==, 0);
  g_assert_nonnull (strstr (err, "9 suggestions added (GPE 6, ORG 3), 0 relations"));
  root = cli_test_load_json (path);
  places = annotations_with (root ? json_node_get_object (root) : NULL, "GPE");
  orgs = annotations_with (root ? json_node_get_object (root) : NULL, "ORG");
  g_assert_cmpuint (places->len, ==, 6);
  g_assert_cmpuint (orgs->len, ==, 3);
  g_assert_true (has_text (places, "Beijing"));
  g_assert_true (has_text (orgs, "State Department"));
}

/* Suggestions below the minimum confidence are left out, and the
 * relations to them; those with no confidence stay. */
static void
test_min_confidence (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *sample = cli_test_sample_path ();
  g_autofree char *command = model ("quotes.py", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *path = cli_test_path_in (f, "out.byline.json");
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) quotes = NULL;
  g_autoptr(GPtrArray) cues = NULL;

  g_assert_cmpint (cli_test_run (f, &out, &err, "suggest", sample, "-o", "out.byline.json", "--command", command,
                                 "--min-confidence", "0.8", NULL), ==, 0);
  g_assert_nonnull (strstr (err, "6 suggestions added (CUE 6), 0 relations; 13 below the minimum confidence left out"));
  root = cli_test_load_json (path);
  quotes = annotations_with (root ? json_node_get_object (root) : NULL, "QUOTE");
  cues = annotations_with (root ? json_node_get_object (root) : NULL, "CUE");
  g_assert_cmpuint (quotes->len, ==, 0);
  g_assert_cmpuint (cues->len, ==, 6);
  g_assert_cmpuint (n_relations (root ? json_node_get_object (root) : NULL), ==, 0);

  /* At 0.7 they are in, with their relations. */
  g_free (out);
  g_free (err);
  g_assert_cmpint (cli_test_run (f, &out, &err, "suggest", sample, "-o", "out.byline.json", "--command", command,
                                 "--min-confidence", "0.7", NULL), ==, 0);
  g_assert_nonnull (strstr (err, "19 suggestions added (QUOTE 13, CUE 6), "));
  g_assert_null (strstr (err, "below the minimum"));
}

/* A label the schema does not know is kept, with a warning. */
static void
test_unknown_label (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *sample = cli_test_sample_path ();
  g_autofree char *command = model ("native.py", "FLAVOUR Blinken");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cli_test_run (f, &out, &err, "suggest", sample, "-o", "out.byline.json", "--command", command,
                                 NULL), ==, 0);
  g_assert_nonnull (strstr (err, "warning: label “FLAVOUR” is not in schema “news” (kept, in layer “entities”)"));
  /* Once, not once per suggestion. */
  g_assert_true (strstr (err, "FLAVOUR” is not") == g_strrstr (err, "FLAVOUR” is not"));
  g_assert_nonnull (strstr (err, "11 suggestions added (FLAVOUR 11)"));
}

/* -o -: the document on stdout, the summary on stderr. */
static void
test_stdout (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *sample = cli_test_sample_path ();
  g_autofree char *command = model ("native.py", "PERSON Blinken");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) people = NULL;

  g_assert_cmpint (cli_test_run (f, &out, &err, "suggest", sample, "-o", "-", "--command", command, NULL), ==, 0);
  root = cli_test_parse_json (out, -1);
  people = annotations_with (root ? json_node_get_object (root) : NULL, "PERSON");
  g_assert_cmpuint (people->len, ==, 11);
  g_assert_nonnull (strstr (err, "11 suggestions added"));
  cli_test_assert_listing (f, "");
}

/* A JSONL corpus streams through, one document at a time. */
static void
test_corpus (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *command = model ("native.py", "PERSON Smith Jones");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *corpus = cli_test_path_in (f, "corpus.jsonl");
  g_autofree char *result = cli_test_path_in (f, "out.jsonl");
  g_autofree char *data_out = NULL;
  g_auto(GStrv) lines = NULL;
  gsize len;

  g_assert_true (g_file_set_contents (corpus,
                                      "{\"text\": \"Smith met Jones.\", \"id\": \"one\"}\n"
                                      "{\"text\": \"Jones left. Smith stayed; Smith won.\", \"id\": \"two\"}\n", -1, NULL));
  g_assert_cmpint (cli_test_run (f, &out, &err, "suggest", "corpus.jsonl", "-o", "out.jsonl", "--command", command,
                                 NULL), ==, 0);
  g_assert_nonnull (strstr (err, "5 suggestions added (PERSON 5), 0 relations in 2 documents"));
  data_out = cli_test_read_file (result, &len);
  lines = g_strsplit (g_strchomp (data_out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  for (guint i = 0; lines[i] != NULL && i < 2; i++)
    {
      g_autoptr(JsonNode) root = cli_test_parse_json (lines[i], -1);
      g_autoptr(GPtrArray) people = annotations_with (root ? json_node_get_object (root) : NULL, "PERSON");

      g_assert_cmpuint (people->len, ==, i == 0 ? 2 : 3);
    }
  cli_test_assert_listing (f, "corpus.jsonl out.jsonl");
}

/* ---- Models that fail: a clear message, nothing written ----------------- */

typedef struct
{
  const char *script;
  const char *args;
  const char *timeout;
  const char *messages[3];
} Failure;

static const Failure failures[] = {
  { "fail.sh", NULL, NULL,
    { "failed (exit status 3):", "OSError: [E050] Can't find model 'xx_fake_model'.", NULL } },
  { "garbage.sh", NULL, NULL,
    { "printed something that is not JSON: line 1, column 1", "the output begins “Loading model... done", NULL } },
  { "past-end.py", NULL, NULL,
    { "annotations[1]: end 4306", "end 4306 is past the end of the text (4296 characters)", NULL } },
  { "bytes.py", "Wang", NULL,
    { "text “Wang” does not match", "code points", NULL } },
  { "hang.sh", NULL, "1",
    { "did not finish within 1 s and was stopped", NULL } },
};

static void
test_failure (Fixture       *f,
              gconstpointer  data)
{
  const Failure *failure = data;
  g_autofree char *sample = cli_test_sample_path ();
  g_autofree char *command = model (failure->script, failure->args);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *doc = cli_test_path_in (f, "doc.byline.json");
  gsize before_len, after_len;
  gint64 start = g_get_monotonic_time ();

  /* A new output is not created. */
  g_assert_cmpint (cli_test_run (f, &out, &err, "suggest", sample, "-o", "new.byline.json", "--command", command,
                                 "--timeout", failure->timeout ? failure->timeout : "60", NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  for (guint i = 0; failure->messages[i] != NULL; i++)
    g_assert_nonnull (strstr (err, failure->messages[i]));
  /* The message names the input and the command. */
  g_assert_true (g_str_has_prefix (err, sample));
  g_assert_nonnull (strstr (err, failure->script));
  g_assert_null (strstr (err, "suggestions added"));
  cli_test_assert_listing (f, "");
  if (failure->timeout != NULL)
    g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);

  /* Suggesting into the input itself leaves it as it was, with no backup
   * or temporary file beside it. */
  copy_in (f, sample, "doc.txt");
  g_free (out);
  g_free (err);
  g_assert_cmpint (cli_test_run (f, &out, &err, "convert", "doc.txt", "-o", "doc.byline.json", NULL), ==, 0);
  before = cli_test_read_file (doc, &before_len);
  g_free (out);
  g_free (err);
  g_assert_cmpint (cli_test_run (f, &out, &err, "suggest", "doc.byline.json", "-o", "doc.byline.json",
                                 "--command", command,
                                 "--timeout", failure->timeout ? failure->timeout : "60", NULL), ==, 1);
  after = cli_test_read_file (doc, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);
  cli_test_assert_listing (f, "doc.byline.json doc.txt");
}

/* Gone, or a zombie: not running either way. */
static gboolean
process_gone (GPid pid)
{
  g_autofree char *stat_path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *stat = NULL;
  const char *paren;

  if (kill (pid, 0) != 0 && errno == ESRCH)
    return TRUE;
  if (!g_file_get_contents (stat_path, &stat, NULL, NULL))
    return TRUE;
  paren = strrchr (stat, ')');
  return paren != NULL && (paren[2] == 'Z' || paren[2] == 'X');
}

/* Ctrl+C stops the model and the script's own children; nothing is
 * written. Under LeakSanitizer, byline-cli must also leave nothing behind
 * (it once leaked a GCancellableSource here, see on_cancelled () in
 * byline-suggest-command.c). */
static void
test_interrupt (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *sample = cli_test_sample_path ();
  g_autofree char *pids = cli_test_path_in (f, "pids");
  g_autofree char *quoted = g_shell_quote (pids);
  g_autofree char *command = model ("hang.sh", quoted);
  const char *args[] = { "suggest", sample, "-o", "out.byline.json", "--command", command, NULL };
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 until;

  proc = cli_test_spawn (f->dir, args);
  until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!g_file_test (pids, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < until)
    g_usleep (10000);
  g_assert_true (g_file_test (pids, G_FILE_TEST_EXISTS));
  g_subprocess_send_signal (proc, SIGINT);
  until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (g_subprocess_get_identifier (proc) != NULL && g_get_monotonic_time () < until)
    g_usleep (10000);
  if (g_subprocess_get_identifier (proc) != NULL)
    {
      g_test_message ("byline-cli did not stop on SIGINT");
      g_test_fail ();
      g_subprocess_force_exit (proc);
    }
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_test_message ("stderr: %s", err);
  g_assert_true (g_subprocess_get_if_exited (proc));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 130);
  g_assert_nonnull (strstr (err, "interrupted"));

  g_assert_true (g_file_get_contents (pids, &contents, NULL, NULL));
  lines = g_strsplit (g_strstrip (contents), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      GPid pid = (GPid) g_ascii_strtoll (lines[i], NULL, 10);

      until = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
      while (!process_gone (pid) && g_get_monotonic_time () < until)
        g_usleep (10000);
      g_assert_true (process_gone (pid));
    }
  cli_test_assert_listing (f, "pids");
}

static void
test_usage (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *sample = cli_test_sample_path ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  struct
  {
    const char *args[8];
    const char *message;
  } cases[] = {
    { { "suggest", NULL }, "give one INPUT and -o OUTPUT" },
    { { "suggest", sample, NULL }, "-o OUTPUT" },
    { { "suggest", sample, sample, "-o", "x.byline.json", NULL }, "give one INPUT" },
    { { "suggest", sample, "-o", "x.byline.json", "--timeout", "-1", NULL }, "--timeout" },
    { { "suggest", sample, "-o", "x.byline.json", "--min-confidence", "1.5", NULL }, "--min-confidence" },
    { { "suggest", sample, "-o", "x.byline.json", "--command", "  ", NULL }, "--command is empty" },
    { { "suggest", sample, "-o", "x.unknownext", NULL }, "write a .byline.json document or a .jsonl corpus" },
    { { "suggest", sample, "-o", "x.byline.json", "--bogus", NULL }, "byline-cli suggest --help" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GSubprocess) proc = cli_test_spawn (f->dir, cases[i].args);

      g_free (out);
      g_free (err);
      out = err = NULL;
      g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, NULL);
      g_test_message ("case %u: %s", i, err);
      g_assert_true (g_subprocess_get_if_exited (proc));
      g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 2);
      g_assert_nonnull (strstr (err, cases[i].message));
    }
  cli_test_assert_listing (f, "");

  g_free (out);
  g_free (err);
  g_assert_cmpint (cli_test_run (f, &out, &err, "suggest", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "byline-cli suggest [OPTION…] INPUT -o OUTPUT"));
  g_assert_nonnull (strstr (out, "--command"));
  g_assert_nonnull (strstr (out, "--extractors"));
  g_assert_nonnull (strstr (out, "--timeout"));
  g_assert_nonnull (strstr (out, "--min-confidence"));

  g_free (out);
  g_free (err);
  g_assert_cmpint (cli_test_run (f, &out, &err, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "  suggest "));
}

/* ---- stats: acceptance per origin and label ----------------------------- */

static void
assert_review (JsonObject *obj,
               gint64      accepted,
               gint64      rejected,
               gint64      undecided,
               double      rate)
{
  JsonNode *node = json_object_get_member (obj, "acceptance_rate");

  g_assert_cmpint (cli_test_member_int (obj, "accepted"), ==, accepted);
  g_assert_cmpint (cli_test_member_int (obj, "rejected"), ==, rejected);
  g_assert_cmpint (cli_test_member_int (obj, "undecided"), ==, undecided);
  g_assert_nonnull (node);
  if (node == NULL)
    return;
  if (rate < 0)
    g_assert_true (JSON_NODE_HOLDS_NULL (node));
  else
    g_assert_cmpfloat_with_epsilon (json_node_get_double (node), rate, 1e-9);
}

static void
test_stats_review_json (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = data_path ("reviewed.byline.json");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *review, *quotes, *model_obj, *reviewers;

  g_assert_cmpint (cli_test_run (f, &out, &err, "stats", "--json", path, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  root = cli_test_parse_json (out, -1);
  review = cli_test_member_object (root ? json_node_get_object (root) : NULL, "review");
  /* Manual work is not a suggestion: carol's PERSON is not there. */
  g_assert_cmpuint (json_object_get_size (review), ==, 2);
  quotes = cli_test_member_object (review, "rules:quotes");
  model_obj = cli_test_member_object (review, "command:model.py");
  assert_review (quotes, 3, 1, 1, 0.75);
  assert_review (cli_test_member_object (cli_test_member_object (quotes, "labels"), "QUOTE"), 2, 1, 0, 0.6667);
  assert_review (cli_test_member_object (cli_test_member_object (quotes, "labels"), "SPEAKER"), 1, 0, 0, 1.0);
  assert_review (cli_test_member_object (cli_test_member_object (quotes, "labels"), "CUE"), 0, 0, 1, -1);
  assert_review (cli_test_member_object (cli_test_member_object (quotes, "relation_types"), "said_by"), 1, 1, 0, 0.5);
  assert_review (model_obj, 1, 2, 1, 0.3333);
  assert_review (cli_test_member_object (cli_test_member_object (model_obj, "labels"), "PERSON"), 1, 2, 0, 0.3333);
  assert_review (cli_test_member_object (cli_test_member_object (model_obj, "labels"), "GPE"), 0, 0, 1, -1);
  g_assert_cmpuint (json_object_get_size (cli_test_member_object (model_obj, "relation_types")), ==, 0);
  reviewers = cli_test_member_object (root ? json_node_get_object (root) : NULL, "reviewers");
  g_assert_cmpint (cli_test_member_int (cli_test_member_object (reviewers, "alice"), "accepted"), ==, 3);
  g_assert_cmpint (cli_test_member_int (cli_test_member_object (reviewers, "alice"), "rejected"), ==, 1);
  g_assert_cmpint (cli_test_member_int (cli_test_member_object (reviewers, "bob"), "accepted"), ==, 1);
  g_assert_cmpint (cli_test_member_int (cli_test_member_object (reviewers, "bob"), "rejected"), ==, 2);
  g_assert_cmpuint (json_object_get_size (reviewers), ==, 2);
  /* The older tables are still there. */
  g_assert_cmpint (cli_test_member_int (cli_test_member_object (root ? json_node_get_object (root) : NULL, "statuses"),
                                        "manual"), ==, 1);
}

static void
test_stats_review_text (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = data_path ("reviewed.byline.json");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (cli_test_run (f, &out, &err, "stats", path, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (has_row (out, "Review of suggestions: accepted rejected undecided acceptance"));
  g_assert_true (has_row (out, "rules:quotes 3 1 1 75.0%"));
  g_assert_true (has_row (out, "QUOTE 2 1 0 66.7%"));
  g_assert_true (has_row (out, "SPEAKER 1 0 0 100.0%"));
  g_assert_true (has_row (out, "CUE 0 0 1 –"));
  g_assert_true (has_row (out, "said_by (relation) 1 1 0 50.0%"));
  g_assert_true (has_row (out, "command:model.py 1 2 1 33.3%"));
  g_assert_true (has_row (out, "PERSON 1 2 0 33.3%"));
  g_assert_true (has_row (out, "GPE 0 0 1 –"));
  g_assert_true (has_row (out, "alice 3 1"));
  g_assert_true (has_row (out, "bob 1 2"));
  g_assert_null (strstr (out, "carol"));
  /* Labels sit under their origin. */
  g_assert_true (strstr (out, "  command:model.py") < strstr (out, "    GPE"));
  g_assert_true (strstr (out, "    GPE") < strstr (out, "  rules:quotes"));
}

/* ---- main -------------------------------------------------------------- */

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, cli_test_fixture_setup, func, cli_test_fixture_teardown)

int
main (int    argc,
      char **argv)
{
  cli_test_init (&argc, &argv);

  ADD ("/cli/suggest/builtin-entities", test_builtin_entities, NULL);
  ADD ("/cli/suggest/builtin-all-twice", test_builtin_all_twice, NULL);
  ADD ("/cli/suggest/unknown-extractor", test_unknown_extractor, NULL);
  ADD ("/cli/suggest/command-native", test_command_native, NULL);
  ADD ("/cli/suggest/command-and-extractors", test_command_and_extractors, NULL);
  ADD ("/cli/suggest/command-spacy", test_command_spacy, NULL);
  ADD ("/cli/suggest/min-confidence", test_min_confidence, NULL);
  ADD ("/cli/suggest/unknown-label", test_unknown_label, NULL);
  ADD ("/cli/suggest/stdout", test_stdout, NULL);
  ADD ("/cli/suggest/corpus", test_corpus, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (failures); i++)
    {
      g_autofree char *path = g_strconcat ("/cli/suggest/fails/", failures[i].script, NULL);

      ADD (path, test_failure, &failures[i]);
    }
  ADD ("/cli/suggest/interrupt", test_interrupt, NULL);
  ADD ("/cli/suggest/usage", test_usage, NULL);
  ADD ("/cli/stats/review-json", test_stats_review_json, NULL);
  ADD ("/cli/stats/review-text", test_stats_review_text, NULL);

  return g_test_run ();
}
