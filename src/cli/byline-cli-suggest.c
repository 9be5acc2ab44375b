/* byline-cli-suggest.c: byline-cli suggest, which runs the built-in
 * extractors and/or a model of the user's own on a document or a corpus
 * and writes it with the suggestions added, for review
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib-unix.h>

#include "byline-error.h"
#include "byline-format.h"
#include "byline-native.h"
#include "byline-relation.h"
#include "byline-schema.h"
#include "byline-suggest.h"

#include "byline-cli-private.h"

typedef struct
{
  /* What to run */
  char              **extractors;      /* NULL: none; "all" is all */
  gboolean            all_extractors;
  const char         *command;
  guint               timeout_ms;
  double              min_confidence;  /* < 0: keep all */
  GCancellable       *cancellable;
  /* Where */
  const char         *input;
  const BylineFormat *from_format;
  const char         *output;
  const BylineFormat *to_format;
  BylineLosses       *losses;
  BylineWriter       *writer;          /* NULL: stdout */
  BylineSchema       *schema;
  /* What happened */
  GHashTable         *by_label;        /* label -> guint64 added */
  GHashTable         *warned;          /* labels warned about */
  guint               n_documents;
  guint               n_added;
  guint               n_relations;
  guint               n_below;
  /* The worker's end */
  GMainLoop          *loop;
  gboolean            ok;
  GError             *error;
  guint               n_signals;
} SuggestJob;

/* @s without the suggestions below @min (those with no confidence stay),
 * and without the relations to them. */
static BylineSuggestions *
filter_suggestions (BylineSuggestions *s,
                    BylineDocument    *document,
                    double             min,
                    guint             *n_below)
{
  BylineSuggestions *kept = byline_suggestions_new_for_document (document);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) own = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *annotations = byline_suggestions_get_annotations (s);
  GPtrArray *relations = byline_suggestions_get_relations (s);

  for (guint i = 0; i < annotations->len; i++)
    {
      BylineAnnotation *a = annotations->pdata[i];
      guint n = byline_annotation_get_n_fragments (a);
      BylineAnnotation *b;
      const char *id;
      double confidence = -1;
      gboolean has = byline_annotation_get_confidence (a, &confidence);

      g_hash_table_add (own, (gpointer) byline_annotation_get_id (a));
      if (has && confidence < min)
        {
          (*n_below)++;
          continue;
        }
      byline_suggestions_set_origin (kept, byline_annotation_get_origin (a));
      id = byline_suggestions_add_span (kept, byline_annotation_get_layer (a), byline_annotation_get_label (a),
                                        byline_annotation_get_start (a), byline_annotation_get_end (a),
                                        has ? confidence : -1);
      b = byline_suggestions_lookup (kept, id);
      if (n > 1)
        {
          g_autofree BylineFragment *frags = g_new (BylineFragment, n);

          for (guint j = 0; j < n; j++)
            frags[j] = *byline_annotation_get_fragment (a, j);
          byline_annotation_set_fragments (b, frags, n);
        }
      for (guint j = 0; j < byline_annotation_get_n_attributes (a); j++)
        {
          const char *name = byline_annotation_get_attribute_name (a, j);

          byline_annotation_set_attribute (b, name, byline_annotation_get_attribute (a, name));
        }
      if (byline_annotation_get_note (a) != NULL)
        byline_annotation_set_note (b, byline_annotation_get_note (a));
      g_hash_table_insert (ids, (gpointer) byline_annotation_get_id (a), g_strdup (id));
    }
  for (guint i = 0; i < relations->len; i++)
    {
      BylineRelation *r = relations->pdata[i];
      const char *ends[2] = { byline_relation_get_from (r), byline_relation_get_to (r) };
      gboolean dropped = FALSE;

      /* A suggestion's id is renumbered; a document annotation's stays. */
      for (guint j = 0; j < 2; j++)
        {
          if (g_hash_table_contains (ids, ends[j]))
            ends[j] = g_hash_table_lookup (ids, ends[j]);
          else if (g_hash_table_contains (own, ends[j]))
            dropped = TRUE;
        }
      if (dropped)
        continue;
      byline_suggestions_set_origin (kept, byline_relation_get_origin (r));
      byline_suggestions_add_relation (kept, byline_relation_get_relation_type (r), ends[0], ends[1]);
    }
  return kept;
}

/* Labels a command gave that the schema does not know are kept, with a
 * warning, once each. */
static void
warn_unknown_labels (SuggestJob        *job,
                     BylineSuggestions *s)
{
  GPtrArray *annotations = byline_suggestions_get_annotations (s);

  for (guint i = 0; i < annotations->len; i++)
    {
      BylineAnnotation *a = annotations->pdata[i];
      const char *label = byline_annotation_get_label (a);

      if (byline_schema_lookup_label (job->schema, label) == NULL && !g_hash_table_contains (job->warned, label))
        {
          g_printerr (_("%s: warning: label “%s” is not in schema “%s” (kept, in layer “%s”)\n"),
                      job->input, label, byline_schema_get_name (job->schema), byline_annotation_get_layer (a));
          g_hash_table_add (job->warned, g_strdup (label));
        }
    }
}

static gboolean
suggest_document (BylineDocument  *document,
                  gpointer         user_data,
                  GError         **error)
{
  SuggestJob *job = user_data;
  g_autoptr(BylineSuggestions) s = byline_suggestions_new_for_document (document);
  g_autoptr(BylineSuggestions) filtered = NULL;
  g_autoptr(GHashTable) before = g_hash_table_new (g_str_hash, g_str_equal);
  BylineSuggestions *applied;
  guint n_relations = 0;

  job->n_documents++;
  if (job->extractors != NULL || job->all_extractors)
    {
      if (!byline_suggestions_run (s, byline_document_get_text (document),
                                   job->all_extractors ? NULL : (const char * const *) job->extractors,
                                   job->cancellable, error))
        return FALSE;
    }
  if (job->command != NULL)
    {
      g_autofree char *json = NULL;
      g_autofree char *said = NULL;
      gsize len;
      gboolean ok;

      json = byline_native_to_string (document, &len);
      ok = byline_suggestions_run_command (s, job->command, json, len, job->timeout_ms,
                                           job->cancellable, &said, error);
      /* What the model said is the user's to see; a failure's message
       * already ends with it. */
      if (ok && said != NULL && *said != '\0')
        g_printerr ("%s%s", said, g_str_has_suffix (said, "\n") ? "" : "\n");
      if (!ok)
        return FALSE;
      warn_unknown_labels (job, s);
    }

  applied = s;
  if (job->min_confidence >= 0)
    applied = filtered = filter_suggestions (s, document, job->min_confidence, &job->n_below);

  for (guint i = 0; i < byline_document_get_n_annotations (document); i++)
    g_hash_table_add (before, (gpointer) byline_annotation_get_id (byline_document_get_annotation (document, i)));
  job->n_added += byline_suggestions_apply (applied, document, &n_relations);
  job->n_relations += n_relations;
  for (guint i = 0; i < byline_document_get_n_annotations (document); i++)
    {
      BylineAnnotation *a = byline_document_get_annotation (document, i);

      if (!g_hash_table_contains (before, byline_annotation_get_id (a)))
        byline_cli_count (job->by_label, byline_annotation_get_label (a));
    }

  if (job->writer != NULL)
    return byline_writer_write (job->writer, document, error);
  {
    g_autoptr(GString) out = g_string_new (NULL);

    /* On stdout, a corpus stays a corpus: one document a line. */
    byline_native_append (document, job->from_format->multi_document, out);
    if (!g_str_has_suffix (out->str, "\n"))
      g_string_append_c (out, '\n');
    fwrite (out->str, 1, out->len, stdout);
    fflush (stdout);
  }
  return TRUE;
}

static gboolean
suggest_all (SuggestJob  *job,
             GError     **error)
{
  g_autoptr(BylineProblems) warnings = byline_problems_new ();
  BylineFormatOptions options = { 0 };
  gboolean ok;

  if (!g_str_equal (job->output, "-"))
    {
      options.losses = job->losses;
      job->writer = byline_format_open_writer (job->to_format, job->output, &options, error);
      if (job->writer == NULL)
        return FALSE;
    }
  ok = byline_format_read (job->from_format, job->input, NULL, warnings, suggest_document, job, error);
  byline_cli_print_problems (job->input, warnings, stderr);
  if (ok && job->n_documents == 0)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_INVALID, _("%s: holds no document"), job->input);
      ok = FALSE;
    }
  /* A writer freed unfinished leaves no file behind. */
  if (ok && job->writer != NULL)
    ok = byline_writer_finish (job->writer, error);
  g_clear_pointer (&job->writer, byline_writer_free);
  return ok;
}

static gboolean
quit_when_done (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static gpointer
suggest_thread (gpointer user_data)
{
  SuggestJob *job = user_data;

  job->ok = suggest_all (job, &job->error);
  g_idle_add (quit_when_done, job->loop);
  return NULL;
}

/* Ctrl+C stops the command and its children (they are in a process group
 * of their own, which the terminal's signal does not reach); a second one
 * gives up at once. */
static gboolean
on_interrupt (gpointer user_data)
{
  SuggestJob *job = user_data;

  if (job->n_signals++ > 0)
    _exit (130);
  g_cancellable_cancel (job->cancellable);
  return G_SOURCE_CONTINUE;
}

static int
compare_label_counts (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  GHashTable *table = user_data;
  const char *ka = *(const char **) a;
  const char *kb = *(const char **) b;
  guint64 na = *(guint64 *) g_hash_table_lookup (table, ka);
  guint64 nb = *(guint64 *) g_hash_table_lookup (table, kb);

  if (na != nb)
    return na > nb ? -1 : 1;
  return strcmp (ka, kb);
}

static void
print_suggest_summary (SuggestJob *job)
{
  g_autoptr(GPtrArray) labels = byline_cli_sorted_keys (job->by_label);
  g_autoptr(GString) out = g_string_new (NULL);

  g_ptr_array_sort_with_data (labels, compare_label_counts, job->by_label);
  g_string_append_printf (out, ngettext ("%u suggestion added", "%u suggestions added", job->n_added),
                          job->n_added);
  for (guint i = 0; i < labels->len; i++)
    g_string_append_printf (out, "%s%s %" G_GUINT64_FORMAT, i ? ", " : " (", (char *) labels->pdata[i],
                            *(guint64 *) g_hash_table_lookup (job->by_label, labels->pdata[i]));
  if (labels->len > 0)
    g_string_append_c (out, ')');
  g_string_append (out, ", ");
  g_string_append_printf (out, ngettext ("%u relation", "%u relations", job->n_relations), job->n_relations);
  if (job->n_documents > 1)
    g_string_append_printf (out, ngettext (" in %u document", " in %u documents", job->n_documents),
                            job->n_documents);
  if (job->n_below > 0)
    g_string_append_printf (out, ngettext ("; %u below the minimum confidence left out",
                                           "; %u below the minimum confidence left out", job->n_below),
                            job->n_below);
  g_printerr ("%s\n", out->str);
}

int
cmd_suggest (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(BylineLosses) losses = byline_losses_new ();
  g_autofree char *output = NULL;
  g_autofree char *extractors = NULL;
  g_autofree char *command = NULL;
  g_auto(GStrv) args = NULL;
  g_auto(GStrv) names = NULL;
  double timeout = 60;
  double min_confidence = -1;
  SuggestJob job = { 0 };
  GThread *thread;
  guint sources[3];
  int status = 0;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the document with its suggestions to FILE (“-” for stdout)"), N_("OUTPUT") },
    { "extractors", 'e', 0, G_OPTION_ARG_STRING, &extractors, N_("Run these built-in extractors (default: all, unless --command is given)"), N_("A,B") },
    { "command", 'c', 0, G_OPTION_ARG_STRING, &command, N_("Run this model: it reads the document as JSON on stdin and prints suggestions on stdout"), N_("CMD") },
    { "timeout", 't', 0, G_OPTION_ARG_DOUBLE, &timeout, N_("Stop the command after SECONDS (default 60; 0 for no limit)"), N_("SECONDS") },
    { "min-confidence", 0, 0, G_OPTION_ARG_DOUBLE, &min_confidence, N_("Leave out suggestions less confident than X (from 0 to 1)"), N_("X") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("INPUT -o OUTPUT — suggest annotations for review"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Runs the built-in extractors (entities, quotes, claims) and/or a model of your own\n"
      "on INPUT (an article, a .byline.json document, or a .jsonl corpus, one document\n"
      "at a time) and writes it with the suggestions added, for review in Byline.\n"
      "What the document already has, under any status, is not suggested again.\n"
      "\n"
      "The --command is split as a shell would split it. It gets the document as\n"
      "native JSON on stdin and prints, on stdout, {\"annotations\": [...]} (native\n"
      "annotation objects: label, start, end or fragments, optional layer, id,\n"
      "confidence, attributes, origin, text) with optional \"relations\" (type, from,\n"
      "to: ids), or spaCy's {\"ents\": [...]} / {\"spans\": [...]} (Doc.to_json() or a\n"
      "Prodigy task), or JSON Lines of these. Offsets are Unicode code points.\n"
      "Nothing is written if the command fails, times out or prints anything wrong;\n"
      "its stderr is shown. Suggestions carry the origin command:PROGRAM.\n"
      "\n"
      "A summary goes to stderr, so that -o - gives a clean document on stdout."));
  if (!byline_cli_parse_options (context, &argc, &argv))
    return 2;
  if (args == NULL || args[0] == NULL || output == NULL)
    {
      g_printerr (_("byline-cli suggest: give one INPUT and -o OUTPUT\n"));
      return 2;
    }
  if (args[1] != NULL)
    {
      g_printerr (_("byline-cli suggest: give one INPUT (a .jsonl corpus holds many documents)\n"));
      return 2;
    }
  if (!(timeout >= 0 && timeout <= G_MAXUINT / 1000))
    {
      g_printerr (_("byline-cli suggest: --timeout must be a number of seconds ≥ 0\n"));
      return 2;
    }
  if (min_confidence != -1 && !(min_confidence >= 0 && min_confidence <= 1))
    {
      g_printerr (_("byline-cli suggest: --min-confidence must be between 0 and 1\n"));
      return 2;
    }
  if (command != NULL && g_strstrip (command)[0] == '\0')
    {
      g_printerr (_("byline-cli suggest: --command is empty\n"));
      return 2;
    }
  names = byline_cli_split_list (extractors);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], "all"))
        job.all_extractors = TRUE;
      else if (byline_extractor_lookup (names[i]) == NULL)
        {
          const BylineExtractor * const *list = byline_extractors_list ();
          g_autoptr(GString) known = g_string_new (NULL);

          for (guint j = 0; list[j] != NULL; j++)
            g_string_append_printf (known, "%s%s", j ? ", " : "", list[j]->name);
          g_printerr (_("byline-cli suggest: no extractor is called “%s” (there are: %s)\n"), names[i], known->str);
          return 2;
        }
    }
  if (names != NULL && names[0] == NULL && command == NULL)
    {
      g_printerr (_("byline-cli suggest: --extractors names none, and there is no --command\n"));
      return 2;
    }

  job.input = args[0];
  job.from_format = byline_format_for_path (job.input);
  if (job.from_format == NULL && g_file_test (job.input, G_FILE_TEST_IS_DIR))
    job.from_format = byline_format_lookup ("brat");
  if (job.from_format == NULL)
    job.from_format = byline_format_lookup ("text");
  if (!byline_format_can_read (job.from_format))
    {
      g_printerr (_("%s: Byline cannot read the %s format\n"), job.input, job.from_format->name);
      return 2;
    }
  job.output = output;
  if (!g_str_equal (output, "-"))
    {
      job.to_format = byline_format_for_path (output);
      if (job.to_format == NULL || !byline_format_can_write (job.to_format) || job.to_format->directory)
        {
          g_printerr (_("%s: write a .byline.json document or a .jsonl corpus\n"), output);
          return 2;
        }
    }

  job.extractors = (names != NULL && names[0] != NULL) ? names : NULL;
  if (job.extractors == NULL && command == NULL)
    job.all_extractors = TRUE;
  job.command = command;
  job.timeout_ms = (guint) (timeout * 1000 + 0.5);
  job.min_confidence = min_confidence;
  job.cancellable = cancellable;
  job.losses = losses;
  job.schema = byline_schema_get_default ();
  job.by_label = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  job.warned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* The work runs in a thread, as in the window; this one waits for it
   * and for Ctrl+C. */
  loop = g_main_loop_new (NULL, FALSE);
  job.loop = loop;
  sources[0] = g_unix_signal_add (SIGINT, on_interrupt, &job);
  sources[1] = g_unix_signal_add (SIGTERM, on_interrupt, &job);
  sources[2] = g_unix_signal_add (SIGHUP, on_interrupt, &job);
  thread = g_thread_new ("suggest", suggest_thread, &job);
  g_main_loop_run (loop);
  g_thread_join (thread);
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    g_source_remove (sources[i]);

  if (!job.ok)
    {
      if (g_error_matches (job.error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_printerr (_("byline-cli suggest: interrupted; %s is left as it was\n"), output);
          status = 130;
        }
      else
        {
          /* Which file, when the message does not say. */
          if (!g_str_has_prefix (job.error->message, job.input))
            g_printerr ("%s: ", job.input);
          byline_cli_print_error (job.error);
          status = 1;
        }
    }
  else
    {
      print_suggest_summary (&job);
      byline_cli_print_losses (_("The format cannot hold:"), losses);
    }

  g_clear_error (&job.error);
  g_hash_table_unref (job.by_label);
  g_hash_table_unref (job.warned);
  g_object_unref (job.schema);
  return status;
}
