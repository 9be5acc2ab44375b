/* test-suggest-command.c: suggestions from a user's own model, as a command
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fake models in tests/data/suggest/ are tiny python3 and sh scripts;
 * other outputs are printed by "sh -c" so that each shape is one line here.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "byline-error.h"
#include "byline-format.h"
#include "byline-native.h"
#include "byline-relation.h"
#include "byline-suggest.h"

/* “Hi 😀,” she said. / ZWJ family / e + U+0301 / 北京 / em dash, CRLF */
#define UNICODE_TEXT \
  "\xe2\x80\x9cHi \xf0\x9f\x98\x80,\xe2\x80\x9d she said.\r\n" \
  "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7 " \
  "cafe\xcc\x81 \xe5\x8c\x97\xe4\xba\xac \xe2\x80\x94 \xe2\x80\x98ok\xe2\x80\x99\r\n" \
  "last line"

/* ---- Helpers ----------------------------------------------------------- */

static char *
script (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "suggest", name, NULL);

  return g_shell_quote (path);
}

/* "python3 SCRIPT ARGS" or "sh SCRIPT ARGS" with the script's path. */
static char *
command_for (const char *interpreter,
             const char *name,
             const char *args)
{
  g_autofree char *path = script (name);

  return g_strdup_printf ("%s %s%s%s", interpreter, path, args ? " " : "", args ? args : "");
}

/* A command that reads its input and prints @output. */
static char *
printing (const char *output)
{
  g_autofree char *quoted = g_shell_quote (output);

  return g_strdup_printf ("sh -c 'cat > /dev/null; printf %%s \"$1\"' sh %s", quoted);
}

static BylineDocument *
sample_document (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "blinken-china-nbc.txt", NULL);
  g_autoptr(GError) error = NULL;
  BylineDocument *doc = byline_document_load_any (path, &error);

  g_assert_no_error (error);
  return doc;
}

static BylineDocument *
text_document (const char *text)
{
  BylineDocument *doc = byline_document_new ();

  g_assert_true (byline_document_set_text (doc, text, -1, NULL));
  byline_document_mark_loaded (doc);
  return doc;
}

/* Runs @command on @doc; the suggestions, or NULL with @error set. */
static BylineSuggestions *
run_on (BylineDocument  *doc,
        const char      *command,
        guint            timeout_ms,
        char           **stderr_text,
        GError         **error)
{
  g_autoptr(BylineSuggestions) s = byline_suggestions_new_for_document (doc);
  g_autofree char *json = NULL;
  gsize len;

  json = byline_native_to_string (doc, &len);
  {
    /* Some commands hold bytes that are not UTF-8, which TAP output
     * must be. */
    g_autofree char *shown = g_utf8_make_valid (command, -1);

    g_test_message ("running %s", shown);
  }
  if (!byline_suggestions_run_command (s, command, json, len, timeout_ms, NULL, stderr_text, error))
    {
      /* Nothing is added from a run that failed. */
      g_assert_cmpuint (byline_suggestions_get_annotations (s)->len, ==, 0);
      g_assert_cmpuint (byline_suggestions_get_relations (s)->len, ==, 0);
      return NULL;
    }
  return g_steal_pointer (&s);
}

/* Code point offsets of every @word in @text. */
static GArray *
occurrences (const char *text,
             const char *word)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (guint));

  for (const char *p = strstr (text, word); p != NULL; p = strstr (p + 1, word))
    {
      guint offset = (guint) g_utf8_pointer_to_offset (text, p);

      g_array_append_val (starts, offset);
    }
  return starts;
}

static guint
count_label (BylineSuggestions *s,
             const char        *label)
{
  GPtrArray *all = byline_suggestions_get_annotations (s);
  guint n = 0;

  for (guint i = 0; i < all->len; i++)
    {
      if (g_str_equal (byline_annotation_get_label (all->pdata[i]), label))
        n++;
    }
  return n;
}

static void
assert_slice (BylineDocument   *doc,
              BylineAnnotation *a,
              const char       *expected)
{
  g_autofree char *slice = byline_document_dup_annotation_text (doc, a);

  g_assert_cmpstr (slice, ==, expected);
}

static void
assert_error_contains (GError     *error,
                       const char *part)
{
  g_assert_nonnull (error);
  g_test_message ("error: %s", error->message);
  g_assert_nonnull (strstr (error->message, part));
}

/* Gone, or a zombie waiting for whoever reaps it: not running either way. */
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

static void
assert_processes_gone (const char *pid_file)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) pids = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents (pid_file, &contents, NULL, NULL));
  pids = g_strsplit (g_strstrip (contents), "\n", -1);
  for (guint i = 0; pids[i] != NULL; i++)
    {
      GPid pid = (GPid) g_ascii_strtoll (pids[i], NULL, 10);
      gint64 until = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

      g_assert_cmpint (pid, >, 1);
      /* A reparented child is reaped by init, a moment later. */
      while (!process_gone (pid) && g_get_monotonic_time () < until)
        g_usleep (10000);
      g_test_message ("process %d is gone", (int) pid);
      g_assert_true (process_gone (pid));
      n++;
    }
  /* The script and the child it started. */
  g_assert_cmpuint (n, ==, 2);
}

/* ---- Models that work --------------------------------------------------- */

static void
test_native (void)
{
  g_autoptr(BylineDocument) doc = sample_document ();
  g_autofree char *command = command_for ("python3 -S", "native.py", "PERSON Blinken");
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineSuggestions) s = run_on (doc, command, 30000, &err, &error);
  g_autoptr(GArray) expected = occurrences (byline_document_get_text (doc), "Blinken");
  GPtrArray *found;
  guint added, n_relations;

  g_assert_no_error (error);
  g_assert_nonnull (s);
  found = byline_suggestions_get_annotations (s);
  g_assert_cmpuint (expected->len, ==, 11);
  g_assert_cmpuint (found->len, ==, expected->len);
  for (guint i = 0; i < found->len; i++)
    {
      BylineAnnotation *a = found->pdata[i];
      double confidence = 0;

      g_assert_cmpstr (byline_annotation_get_label (a), ==, "PERSON");
      g_assert_cmpstr (byline_annotation_get_layer (a), ==, "entities");
      g_assert_cmpuint (byline_annotation_get_start (a), ==, g_array_index (expected, guint, i));
      g_assert_cmpuint (byline_annotation_get_end (a), ==, g_array_index (expected, guint, i) + 7);
      g_assert_cmpstr (byline_annotation_get_origin (a), ==, "command:native.py");
      g_assert_cmpint (byline_annotation_get_status (a), ==, BYLINE_STATUS_SUGGESTED);
      g_assert_true (byline_annotation_get_confidence (a, &confidence));
      g_assert_cmpfloat_with_epsilon (confidence, 0.9, 1e-9);
    }
  /* What the model said on stderr is handed back. */
  g_assert_nonnull (err);
  g_assert_nonnull (strstr (err, "fake model: 11 found"));

  added = byline_suggestions_apply (s, doc, &n_relations);
  g_assert_cmpuint (added, ==, 11);
  g_assert_cmpuint (n_relations, ==, 0);
  for (guint i = 0; i < byline_document_get_n_annotations (doc); i++)
    assert_slice (doc, byline_document_get_annotation (doc, i), "Blinken");
}

/* JSON Lines with attributes and relations; CUE's layer from the schema. */
static void
test_jsonl_relations (void)
{
  g_autoptr(BylineDocument) doc = sample_document ();
  g_autofree char *command = command_for ("python3 -S", "quotes.py", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineSuggestions) s = run_on (doc, command, 30000, NULL, &error);
  GPtrArray *found, *relations;
  guint n_relations = 0, added;

  g_assert_no_error (error);
  g_assert_nonnull (s);
  found = byline_suggestions_get_annotations (s);
  relations = byline_suggestions_get_relations (s);
  g_assert_cmpuint (count_label (s, "QUOTE"), ==, 13);
  g_assert_cmpuint (count_label (s, "CUE"), ==, 6);
  g_assert_cmpuint (relations->len, >, 0);
  for (guint i = 0; i < found->len; i++)
    {
      BylineAnnotation *a = found->pdata[i];
      double confidence;

      g_assert_cmpstr (byline_annotation_get_layer (a), ==, "speakers");
      g_assert_cmpstr (byline_annotation_get_origin (a), ==, "command:quotes.py");
      if (g_str_equal (byline_annotation_get_label (a), "QUOTE"))
        {
          g_assert_cmpstr (byline_annotation_get_attribute_string (a, "quote_type"), ==, "direct");
          g_assert_true (byline_annotation_get_confidence (a, &confidence));
          g_assert_cmpfloat_with_epsilon (confidence, 0.7, 1e-9);
        }
      else
        g_assert_false (byline_annotation_get_confidence (a, &confidence));
    }
  for (guint i = 0; i < relations->len; i++)
    {
      BylineRelation *r = relations->pdata[i];
      BylineAnnotation *from = byline_suggestions_lookup (s, byline_relation_get_from (r));
      BylineAnnotation *to = byline_suggestions_lookup (s, byline_relation_get_to (r));

      g_assert_cmpstr (byline_relation_get_relation_type (r), ==, "cue");
      g_assert_cmpstr (byline_annotation_get_label (from), ==, "QUOTE");
      g_assert_cmpstr (byline_annotation_get_label (to), ==, "CUE");
      g_assert_cmpuint (byline_annotation_get_start (to), >=, byline_annotation_get_end (from));
    }
  added = byline_suggestions_apply (s, doc, &n_relations);
  g_assert_cmpuint (added, ==, 19);
  g_assert_cmpuint (n_relations, ==, relations->len);
  g_assert_cmpuint (byline_document_get_n_relations (doc), ==, relations->len);
}

static void
test_spacy (void)
{
  g_autoptr(BylineDocument) doc = sample_document ();
  const char *modes[] = { NULL, "prodigy" };

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      g_autofree char *command = command_for ("python3 -S", "spacy-style.py", modes[m]);
      g_autoptr(GError) error = NULL;
      g_autoptr(BylineSuggestions) s = run_on (doc, command, 30000, NULL, &error);
      GPtrArray *found;

      g_assert_no_error (error);
      g_assert_nonnull (s);
      found = byline_suggestions_get_annotations (s);
      g_assert_cmpuint (count_label (s, "GPE"), ==, 6);
      g_assert_cmpuint (count_label (s, "ORG"), ==, 3);
      g_assert_cmpuint (found->len, ==, 9);
      for (guint i = 0; i < found->len; i++)
        {
          BylineAnnotation *a = found->pdata[i];
          double confidence = -1;
          gboolean has = byline_annotation_get_confidence (a, &confidence);

          g_assert_cmpstr (byline_annotation_get_layer (a), ==, "entities");
          g_assert_cmpstr (byline_annotation_get_origin (a), ==, "command:spacy-style.py");
          assert_slice (doc, a, g_str_equal (byline_annotation_get_label (a), "GPE") ? "Beijing" : "State Department");
          /* Prodigy's scores are confidences; Doc.to_json() has none. */
          g_assert_cmpint (has, ==, modes[m] != NULL);
          if (has)
            g_assert_cmpfloat_with_epsilon (confidence, 0.6, 1e-9);
        }
    }
}

/* Offsets in code points over astral characters, ZWJ sequences,
 * combining accents and CRLF. */
static void
test_unicode (void)
{
  g_autoptr(BylineDocument) doc = text_document (UNICODE_TEXT);
  const char *words[] = { "\xe5\x8c\x97\xe4\xba\xac", "cafe\xcc\x81", "ok", "last line" };
  g_autoptr(GString) args = g_string_new ("GPE");
  g_autofree char *command = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineSuggestions) s = NULL;
  GPtrArray *found;

  for (guint w = 0; w < G_N_ELEMENTS (words); w++)
    {
      g_autofree char *quoted = g_shell_quote (words[w]);

      g_string_append_printf (args, " %s", quoted);
    }
  command = command_for ("python3 -S", "native.py", args->str);
  s = run_on (doc, command, 30000, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (s);
  found = byline_suggestions_get_annotations (s);
  g_assert_cmpuint (found->len, ==, G_N_ELEMENTS (words));
  for (guint w = 0; w < found->len; w++)
    assert_slice (doc, found->pdata[w], words[w]);
}

/* A model that prints megabytes before it reads a megabyte of input must
 * not block on a full pipe. */
static void
test_big_output (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(BylineDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineSuggestions) s = NULL;
  const char *command =
    "python3 -S -c 'import sys, json\n"
    "print(json.dumps({\"annotations\": [{\"label\": \"CARDINAL\", \"start\": i % 1000, \"end\": i % 1000 + 1} "
    "for i in range(20000)]}))\n"
    "sys.stdout.flush()\n"
    "assert len(json.load(sys.stdin)[\"text\"]) == 1000000'";

  while (text->len < 1000000)
    g_string_append (text, "0123456789");
  doc = text_document (text->str);
  s = run_on (doc, command, 60000, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (s);
  g_assert_cmpuint (byline_suggestions_get_annotations (s)->len, ==, 1000);
}

/* The shapes of output, one by one. */
static void
test_shapes (void)
{
  g_autoptr(BylineDocument) doc = text_document ("\xe2\x80\x9cWe will win,\xe2\x80\x9d said Smith.");
  g_autoptr(BylineAnnotation) smith = byline_annotation_new ("entities", "PERSON", 20, 25);
  BylineAnnotation *there;

  there = byline_document_add_annotation (doc, smith, NULL);
  g_assert_nonnull (there);

  /* A bare list; a label the schema has in another case is its own;
   * "score" is a confidence; the sh script is command:sh. */
  {
    g_autofree char *command = printing ("[{\"label\": \"person\", \"start\": 20, \"end\": 25, \"score\": 0.25}]");
    g_autoptr(GError) error = NULL;
    g_autoptr(BylineSuggestions) s = run_on (doc, command, 10000, NULL, &error);
    BylineAnnotation *a;
    double confidence;

    g_assert_no_error (error);
    g_assert_cmpuint (byline_suggestions_get_annotations (s)->len, ==, 1);
    a = byline_suggestions_get_annotations (s)->pdata[0];
    g_assert_cmpstr (byline_annotation_get_label (a), ==, "PERSON");
    g_assert_cmpstr (byline_annotation_get_layer (a), ==, "entities");
    g_assert_cmpstr (byline_annotation_get_origin (a), ==, "command:sh");
    g_assert_true (byline_annotation_get_confidence (a, &confidence));
    g_assert_cmpfloat (confidence, ==, 0.25);
  }

  /* One annotation object; an unknown label is kept, in entities, or in
   * the layer it names; fragments with their text joined by a space; an
   * origin of its own, per object or for the whole output; a relation
   * to the document's own annotation. Pretty-printed, two values. */
  {
    g_autofree char *output = g_strdup_printf (
      "{\"label\": \"FOO\", \"start\": 0, \"end\": 1, \"origin\": \"mine\"}\n"
      "{\n  \"origin\": \"model-v2\",\n  \"annotations\": [\n"
      "    {\"id\": 7, \"layer\": \"speakers\", \"label\": \"QUOTE\", \"fragments\": [[9, 13], [1, 3]], \"text\": \"We win,\"},\n"
      "    {\"id\": \"x\", \"layer\": \"mine\", \"label\": \"BAR\", \"start\": 15, \"end\": 19}\n  ],\n"
      "  \"relations\": [{\"type\": \"said_by\", \"from\": 7, \"to\": \"%s\"}]\n}\n",
      byline_annotation_get_id (there));
    g_autofree char *command = printing (output);
    g_autoptr(GError) error = NULL;
    g_autoptr(BylineSuggestions) s = run_on (doc, command, 10000, NULL, &error);
    GPtrArray *found;
    BylineRelation *r;

    g_assert_no_error (error);
    found = byline_suggestions_get_annotations (s);
    g_assert_cmpuint (found->len, ==, 3);
    g_assert_cmpstr (byline_annotation_get_label (found->pdata[0]), ==, "FOO");
    g_assert_cmpstr (byline_annotation_get_layer (found->pdata[0]), ==, "entities");
    g_assert_cmpstr (byline_annotation_get_origin (found->pdata[0]), ==, "mine");
    g_assert_cmpstr (byline_annotation_get_label (found->pdata[1]), ==, "QUOTE");
    g_assert_cmpuint (byline_annotation_get_n_fragments (found->pdata[1]), ==, 2);
    g_assert_cmpuint (byline_annotation_get_fragment (found->pdata[1], 0)->start, ==, 1);
    g_assert_cmpuint (byline_annotation_get_fragment (found->pdata[1], 1)->end, ==, 13);
    g_assert_cmpstr (byline_annotation_get_origin (found->pdata[1]), ==, "model-v2");
    g_assert_cmpstr (byline_annotation_get_layer (found->pdata[2]), ==, "mine");
    g_assert_cmpuint (byline_suggestions_get_relations (s)->len, ==, 1);
    r = byline_suggestions_get_relations (s)->pdata[0];
    g_assert_cmpstr (byline_relation_get_from (r), ==, byline_annotation_get_id (found->pdata[1]));
    g_assert_cmpstr (byline_relation_get_to (r), ==, byline_annotation_get_id (there));
    /* The relation has its output's origin too. */
    g_assert_cmpstr (byline_relation_get_origin (r), ==, "model-v2");
    g_assert_cmpint (byline_relation_get_status (r), ==, BYLINE_STATUS_SUGGESTED);
  }

  /* A UTF-8 BOM and a trailing blank line are fine; so is nothing found. */
  {
    g_autofree char *command = printing ("\xef\xbb\xbf{\"annotations\": [], \"ents\": []}\n\n");
    g_autoptr(GError) error = NULL;
    g_autoptr(BylineSuggestions) s = run_on (doc, command, 10000, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (byline_suggestions_get_annotations (s)->len, ==, 0);
  }
}

/* ---- Models that fail --------------------------------------------------- */

typedef struct
{
  const char *output;
  int         code;
  const char *message;
} BadOutput;

static const BadOutput bad_outputs[] = {
  { "", BYLINE_ERROR_PARSE, "printed nothing" },
  { "\n  \n", BYLINE_ERROR_PARSE, "printed nothing" },
  { "42", BYLINE_ERROR_INVALID, "found a number" },
  { "{}", BYLINE_ERROR_INVALID, "without “annotations”" },
  { "{\"annotations\": {}}", BYLINE_ERROR_INVALID, "annotations: expected a list" },
  { "{\"annotations\": [{\"label\": \"PERSON\", \"start\": 20, \"end\": 25}", BYLINE_ERROR_PARSE, "not JSON: line 1, column" },
  { "{\"annotations\": [3]}", BYLINE_ERROR_INVALID, "annotations[0]: expected an annotation object" },
  { "{\"annotations\": [{\"start\": 20, \"end\": 25}]}", BYLINE_ERROR_INVALID, "missing “label”" },
  { "{\"annotations\": [{\"label\": \"PERSON\", \"start\": 20}]}", BYLINE_ERROR_INVALID, "missing “end”" },
  { "{\"annotations\": [{\"label\": \"PERSON\", \"start\": 20.0, \"end\": 25}]}", BYLINE_ERROR_OUT_OF_RANGE, "whole number ≥ 0, not 20.0" },
  { "{\"annotations\": [{\"label\": \"PERSON\", \"start\": -1, \"end\": 25}]}", BYLINE_ERROR_OUT_OF_RANGE, "not -1" },
  { "{\"annotations\": [{\"label\": \"PERSON\", \"start\": \"20\", \"end\": 25}]}", BYLINE_ERROR_OUT_OF_RANGE, "not \"20\"" },
  { "{\"annotations\": [{\"label\": \"PERSON\", \"start\": 99999999999, \"end\": 25}]}", BYLINE_ERROR_OUT_OF_RANGE, "whole number" },
  { "{\"annotations\": [{\"label\": \"PERSON\", \"start\": 25, \"end\": 20}]}", BYLINE_ERROR_OUT_OF_RANGE, "start 25 is after end 20" },
  { "{\"annotations\": [{\"label\": \"PERSON\", \"start\": 20, \"end\": 20}]}", BYLINE_ERROR_OUT_OF_RANGE, "empty span" },
  { "{\"annotations\": [{\"label\": \"PERSON\", \"start\": 20, \"end\": 27}]}", BYLINE_ERROR_OUT_OF_RANGE, "end 27 is past the end of the text (26 characters)" },
  { "{\"annotations\": [{\"label\": \"PERSON\", \"start\": 20, \"end\": 25, \"text\": \"Smyth\"}]}", BYLINE_ERROR_TEXT_MISMATCH, "“Smyth” does not match the document's “Smith”" },
  { "{\"annotations\": [{\"label\": \"PERSON\", \"start\": 20, \"end\": 25, \"confidence\": 1.5}]}", BYLINE_ERROR_OUT_OF_RANGE, "1.5 is not between 0 and 1" },
  { "{\"annotations\": [{\"label\": \"PERSON\", \"start\": 20, \"end\": 25, \"score\": \"high\"}]}", BYLINE_ERROR_INVALID, "must be a number" },
  { "{\"annotations\": [{\"label\": \"PERSON\", \"fragments\": [[1, 5], [3, 8]]}]}", BYLINE_ERROR_INVALID, "fragments overlap at 3" },
  { "{\"annotations\": [{\"label\": \"PERSON\", \"fragments\": [[1, 5]], \"start\": 1}]}", BYLINE_ERROR_INVALID, "both" },
  { "{\"annotations\": [{\"label\": \"PERSON\", \"fragments\": [1, 5]}]}", BYLINE_ERROR_INVALID, "fragment 0 is not a [start, end] pair" },
  { "{\"annotations\": [{\"id\": \"a\", \"label\": \"PERSON\", \"start\": 1, \"end\": 2}, "
    "{\"id\": \"a\", \"label\": \"PERSON\", \"start\": 3, \"end\": 4}]}", BYLINE_ERROR_DUPLICATE_ID, "annotations[1]: id “a” is used twice" },
  { "{\"annotations\": [{\"id\": \"a\", \"label\": \"PERSON\", \"start\": 1, \"end\": 2}], "
    "\"relations\": [{\"type\": \"said_by\", \"from\": \"a\", \"to\": \"nowhere\"}]}", BYLINE_ERROR_UNKNOWN_ID, "relations[0]: “to” is “nowhere”" },
  { "{\"relations\": [{\"label\": \"SAID_BY\", \"head\": 1, \"child\": 4}]}", BYLINE_ERROR_INVALID, "not supported" },
  { "{\"relations\": [{\"from\": \"a\", \"to\": \"b\"}]}", BYLINE_ERROR_INVALID, "missing “type”" },
  { "{\"text\": \"another text\", \"ents\": []}", BYLINE_ERROR_TEXT_MISMATCH, "another text" },
  { "{\"spans\": {\"sc\": [{\"label\": \"ORG\", \"start\": 0, \"end\": 900}]}}", BYLINE_ERROR_OUT_OF_RANGE, "spans.sc[0]: end 900" },
  { "{\"annotations\": []}\n{\"annotations\": [{\"label\": \"PERSON\"}]}\n", BYLINE_ERROR_INVALID, "line 2: annotations[0]: missing “start”" },
  { "{\"annotations\": []}\n{\"annotations\": [}\n", BYLINE_ERROR_PARSE, "not JSON: line 2, column 18" },
  { "{\"annotations\": []}\nDone.\n", BYLINE_ERROR_PARSE, "not JSON: line 2, column 1: unexpected identifier `Done'" },
  { "\xff\xfe{}", BYLINE_ERROR_PARSE, "not UTF-8 text (line 1)" },
};

static void
test_bad_outputs (void)
{
  g_autoptr(BylineDocument) doc = text_document ("\xe2\x80\x9cWe will win,\xe2\x80\x9d said Smith.");

  for (guint i = 0; i < G_N_ELEMENTS (bad_outputs); i++)
    {
      g_autofree char *command = printing (bad_outputs[i].output);
      g_autoptr(GError) error = NULL;
      g_autoptr(BylineSuggestions) s = run_on (doc, command, 10000, NULL, &error);

      g_assert_null (s);
      assert_error_contains (error, bad_outputs[i].message);
      g_assert_error (error, BYLINE_ERROR, bad_outputs[i].code);
      /* Every message names the command. */
      g_assert_true (g_str_has_prefix (error->message, "“sh -c"));
    }
}

static void
test_deep_nesting (void)
{
  g_autoptr(BylineDocument) doc = text_document ("Some text.");
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineSuggestions) s = NULL;
  const char *command = "sh -c 'cat > /dev/null; head -c 100000 /dev/zero | tr \"\\\\000\" \"[\"'";

  s = run_on (doc, command, 30000, NULL, &error);
  g_assert_null (s);
  assert_error_contains (error, "nested deeper than 512 levels");
}

static void
test_failing (void)
{
  g_autoptr(BylineDocument) doc = sample_document ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(BylineDocument) big = NULL;
  g_autofree char *command = command_for ("sh", "fail.sh", NULL);

  /* The sample fits in the pipe; a megabyte does not, and the command
   * never reads it: still its exit status and its words. */
  while (text->len < 1000000)
    g_string_append (text, "Some text. ");
  big = text_document (text->str);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *err = NULL;
      g_autoptr(BylineSuggestions) s = run_on (i ? big : doc, command, 30000, &err, &error);

      g_assert_null (s);
      g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_FAILED);
      assert_error_contains (error, "failed (exit status 3)");
      assert_error_contains (error, "Can't find model 'xx_fake_model'");
      assert_error_contains (error, "fail.sh");
      g_assert_nonnull (strstr (err, "Loading xx_fake_model..."));
    }
}

static void
test_garbage (void)
{
  g_autoptr(BylineDocument) doc = sample_document ();
  g_autofree char *command = command_for ("sh", "garbage.sh", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineSuggestions) s = run_on (doc, command, 30000, NULL, &error);

  g_assert_null (s);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE);
  assert_error_contains (error, "printed something that is not JSON: line 1, column 1: unexpected identifier `Loading'");
  /* What it printed, so that the user sees the stray line. */
  assert_error_contains (error, "Loading model... done");
}

static void
test_past_end (void)
{
  g_autoptr(BylineDocument) doc = sample_document ();
  g_autofree char *command = command_for ("python3 -S", "past-end.py", NULL);
  g_autofree char *expected = g_strdup_printf ("annotations[1]: end %u is past the end of the text (%u characters)",
                                               byline_document_get_n_chars (doc) + 10,
                                               byline_document_get_n_chars (doc));
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineSuggestions) s = run_on (doc, command, 30000, NULL, &error);

  /* The first, valid suggestion is not added either (run_on checks). */
  g_assert_null (s);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_OUT_OF_RANGE);
  assert_error_contains (error, expected);
}

/* Byte offsets: the classic mistake, caught by the text. */
static void
test_byte_offsets (void)
{
  g_autoptr(BylineDocument) doc = sample_document ();
  g_autofree char *command = command_for ("python3 -S", "bytes.py", "Wang");
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineSuggestions) s = run_on (doc, command, 30000, NULL, &error);

  g_assert_null (s);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_TEXT_MISMATCH);
  assert_error_contains (error, "“Wang” does not match");
  assert_error_contains (error, "code points");
}

static void
test_not_runnable (void)
{
  g_autoptr(BylineDocument) doc = text_document ("Some text.");
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineSuggestions) s = run_on (doc, "byline-no-such-program --model x", 10000, NULL, &error);

  g_assert_null (s);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_FAILED);
  assert_error_contains (error, "Could not run “byline-no-such-program --model x”");

  g_clear_error (&error);
  s = run_on (doc, "python3 'unbalanced", 10000, NULL, &error);
  g_assert_null (s);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID);
  assert_error_contains (error, "Cannot read the command");

  g_clear_error (&error);
  s = run_on (doc, "sh -c 'kill -TERM $$'", 10000, NULL, &error);
  g_assert_null (s);
  g_assert_error (error, BYLINE_ERROR, BYLINE_ERROR_FAILED);
  assert_error_contains (error, "was killed by signal 15");
}

/* ---- Timeout and cancellation ------------------------------------------ */

static char *
pid_file_path (char **dir)
{
  g_autoptr(GError) error = NULL;

  *dir = g_dir_make_tmp ("byline-suggest-XXXXXX", &error);
  g_assert_no_error (error);
  return g_build_filename (*dir, "pids", NULL);
}

static void
wait_for_file (const char *path)
{
  gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!g_file_test (path, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < until)
    g_usleep (10000);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_timeout (void)
{
  g_autoptr(BylineDocument) doc = sample_document ();
  g_autofree char *dir = NULL;
  g_autofree char *pids = pid_file_path (&dir);
  g_autofree char *quoted = g_shell_quote (pids);
  g_autofree char *command = command_for ("sh", "hang.sh", quoted);
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineSuggestions) s = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 elapsed;

  s = run_on (doc, command, 1500, NULL, &error);
  elapsed = g_get_monotonic_time () - start;
  g_assert_null (s);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
  assert_error_contains (error, "did not finish within 1.5 s");
  g_assert_cmpint (elapsed, >=, 1400 * 1000);
  g_assert_cmpint (elapsed, <, 5 * G_USEC_PER_SEC);
  assert_processes_gone (pids);
  g_unlink (pids);
  g_rmdir (dir);
}

typedef struct
{
  BylineSuggestions *s;
  const char        *command;
  char              *json;
  gsize              len;
  GCancellable      *cancellable;
  GError            *error;
  gboolean           ok;
} Job;

static gpointer
run_job (gpointer data)
{
  Job *job = data;

  job->ok = byline_suggestions_run_command (job->s, job->command, job->json, job->len, 0,
                                            job->cancellable, NULL, &job->error);
  return NULL;
}

static void
test_cancel (void)
{
  g_autoptr(BylineDocument) doc = sample_document ();
  g_autoptr(BylineSuggestions) s = byline_suggestions_new_for_document (doc);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = NULL;
  g_autofree char *pids = pid_file_path (&dir);
  g_autofree char *quoted = g_shell_quote (pids);
  g_autofree char *command = command_for ("sh", "hang.sh", quoted);
  Job job = { s, command, NULL, 0, cancellable, NULL, FALSE };
  GThread *thread;
  gint64 start;

  job.json = byline_native_to_string (doc, &job.len);
  /* No time limit: only the cancellation stops it. */
  thread = g_thread_new ("suggest", run_job, &job);
  wait_for_file (pids);
  start = g_get_monotonic_time ();
  g_cancellable_cancel (cancellable);
  g_thread_join (thread);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 2 * G_USEC_PER_SEC);
  g_assert_false (job.ok);
  g_assert_error (job.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (byline_suggestions_get_annotations (s)->len, ==, 0);
  assert_processes_gone (pids);

  /* Cancelled before it starts: it never runs. */
  g_clear_error (&job.error);
  g_unlink (pids);
  job.ok = byline_suggestions_run_command (s, command, job.json, job.len, 0, cancellable, NULL, &job.error);
  g_assert_false (job.ok);
  g_assert_error (job.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_usleep (200000);
  g_assert_false (g_file_test (pids, G_FILE_TEST_EXISTS));

  g_clear_error (&job.error);
  g_free (job.json);
  g_rmdir (dir);
}

/* The thread that cancels is still in its own ::cancelled handlers when
 * the command is gone and the runner is done with it. With a
 * GCancellableSource on the caller's cancellable (GLib before 2.81.1), the
 * source leaked there, which LeakSanitizer reports at exit: what a busy
 * machine did now and then (the cancelling thread held up right after it
 * woke the runner), made certain. */
typedef struct
{
  const char *pids;
  gboolean    waited;
} SlowCancel;

static void
on_cancelled_slowly (GCancellable *cancellable,
                     gpointer      user_data)
{
  SlowCancel *slow = user_data;
  g_autofree char *contents = NULL;
  GPid pid;
  gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  /* The script, reaped: the runner has only to tidy up. */
  if (!g_file_get_contents (slow->pids, &contents, NULL, NULL))
    return;
  pid = (GPid) g_ascii_strtoll (contents, NULL, 10);
  while (pid > 1 && !(kill (pid, 0) != 0 && errno == ESRCH) && g_get_monotonic_time () < until)
    g_usleep (10000);
  g_usleep (200000);
  slow->waited = TRUE;
}

static void
test_cancel_slow_handlers (void)
{
  g_autoptr(BylineDocument) doc = sample_document ();
  g_autoptr(BylineSuggestions) s = byline_suggestions_new_for_document (doc);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = NULL;
  g_autofree char *pids = pid_file_path (&dir);
  g_autofree char *quoted = g_shell_quote (pids);
  g_autofree char *command = command_for ("sh", "hang.sh", quoted);
  Job job = { s, command, NULL, 0, cancellable, NULL, FALSE };
  SlowCancel slow = { pids, FALSE };
  GThread *thread;

  job.json = byline_native_to_string (doc, &job.len);
  /* After the runner's own handler, whenever that was connected. */
  g_signal_connect_after (cancellable, "cancelled", G_CALLBACK (on_cancelled_slowly), &slow);
  thread = g_thread_new ("suggest", run_job, &job);
  wait_for_file (pids);
  g_cancellable_cancel (cancellable);
  g_thread_join (thread);
  g_assert_true (slow.waited);
  g_assert_false (job.ok);
  g_assert_error (job.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_processes_gone (pids);

  g_clear_error (&job.error);
  g_free (job.json);
  g_unlink (pids);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/suggest-command/native", test_native);
  g_test_add_func ("/suggest-command/jsonl-relations", test_jsonl_relations);
  g_test_add_func ("/suggest-command/spacy", test_spacy);
  g_test_add_func ("/suggest-command/unicode", test_unicode);
  g_test_add_func ("/suggest-command/big-output", test_big_output);
  g_test_add_func ("/suggest-command/shapes", test_shapes);
  g_test_add_func ("/suggest-command/bad-outputs", test_bad_outputs);
  g_test_add_func ("/suggest-command/deep-nesting", test_deep_nesting);
  g_test_add_func ("/suggest-command/failing", test_failing);
  g_test_add_func ("/suggest-command/garbage", test_garbage);
  g_test_add_func ("/suggest-command/past-end", test_past_end);
  g_test_add_func ("/suggest-command/byte-offsets", test_byte_offsets);
  g_test_add_func ("/suggest-command/not-runnable", test_not_runnable);
  g_test_add_func ("/suggest-command/timeout", test_timeout);
  g_test_add_func ("/suggest-command/cancel", test_cancel);
  g_test_add_func ("/suggest-command/cancel-slow-handlers", test_cancel_slow_handlers);

  return g_test_run ();
}
