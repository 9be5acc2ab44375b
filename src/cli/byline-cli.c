/* byline-cli.c: Byline without a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every command here is a thin layer over src/core: the window and the
 * command line share one implementation. Errors go to stderr as
 * "FILE: message" and give a non-zero exit; an output file appears whole
 * or not at all.
 */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <glib-unix.h>

#include "byline-error.h"
#include "byline-export.h"
#include "byline-format.h"
#include "byline-import.h"
#include "byline-json-writer.h"
#include "byline-native.h"
#include "byline-problems.h"
#include "byline-relation.h"
#include "byline-schema.h"
#include "byline-suggest.h"

typedef int (*CommandFunc) (int argc, char **argv);

typedef struct
{
  const char  *name;
  CommandFunc  func;
  const char  *summary;
} Command;

static void
print_error (GError *error)
{
  g_printerr ("%s\n", error->message);
}

static gboolean
parse_options (GOptionContext  *context,
               int             *argc,
               char          ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("byline-cli: %s\n", error->message);
      g_printerr (_("Try “byline-cli %s --help”.\n"), (*argv)[0]);
      return FALSE;
    }
  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* Expands directories into the files in them that a reader knows, sorted,
 * so that a folder of articles converts in a stable order. */
/* A directory with .ann files in it is a brat corpus: its reader takes
 * the whole directory (pairs of ID.txt and ID.ann). */
static gboolean
is_brat_directory (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".ann"))
        return TRUE;
    }
  return FALSE;
}

static GPtrArray *
expand_inputs (char               **inputs,
               const BylineFormat  *forced,
               GError             **error)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; inputs[i] != NULL; i++)
    {
      g_autoptr(GDir) dir = NULL;
      g_autoptr(GPtrArray) names = NULL;
      const char *name;

      if (!g_file_test (inputs[i], G_FILE_TEST_IS_DIR) ||
          (forced != NULL && forced->directory) ||
          (forced == NULL && is_brat_directory (inputs[i])))
        {
          g_ptr_array_add (paths, g_strdup (inputs[i]));
          continue;
        }
      dir = g_dir_open (inputs[i], 0, error);
      if (dir == NULL)
        return NULL;
      names = g_ptr_array_new_with_free_func (g_free);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (inputs[i], name, NULL);
          const BylineFormat *format = byline_format_for_path (name);

          if (format != NULL && byline_format_can_read (format) && !g_str_has_suffix (name, "~") &&
              g_file_test (path, G_FILE_TEST_IS_REGULAR))
            g_ptr_array_add (names, g_steal_pointer (&path));
        }
      g_ptr_array_sort (names, compare_strings);
      for (guint j = 0; j < names->len; j++)
        g_ptr_array_add (paths, g_strdup (names->pdata[j]));
    }
  return g_steal_pointer (&paths);
}

static const BylineFormat *
input_format (const char          *path,
              const BylineFormat  *forced,
              GError             **error)
{
  const BylineFormat *format = forced ? forced : byline_format_for_path (path);

  if (format == NULL && g_file_test (path, G_FILE_TEST_IS_DIR))
    format = byline_format_lookup ("brat");

  if (format == NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNKNOWN_FORMAT,
                   _("%s: cannot tell the format from the name; give --from FORMAT"), path);
      return NULL;
    }
  if (!byline_format_can_read (format))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_UNKNOWN_FORMAT,
                   _("%s: Byline cannot read the %s format"), path, format->name);
      return NULL;
    }
  return format;
}

/* ---- convert ---------------------------------------------------------- */

static void
print_problems (const char     *where,
                BylineProblems *problems,
                FILE           *stream)
{
  for (guint i = 0; i < byline_problems_get_n (problems); i++)
    {
      g_autofree char *str = byline_problem_to_string (byline_problems_get (problems, i));

      fprintf (stream, "%s: %s\n", where, str);
    }
}

static gboolean
count_one (BylineDocument  *document,
           gpointer         user_data,
           GError         **error)
{
  (*(guint *) user_data)++;
  return TRUE;
}

static gboolean
export_document (BylineDocument  *document,
                 gpointer         user_data,
                 GError         **error)
{
  return byline_export_add (user_data, document, error);
}

static void
print_formats (void)
{
  const BylineFormat * const *formats = byline_formats_list ();

  for (guint i = 0; formats[i] != NULL; i++)
    {
      g_autofree char *exts = g_strjoinv (" ", (char **) formats[i]->extensions);

      g_print ("%-12s %-5s %-5s %-30s %s\n", formats[i]->name,
               byline_format_can_read (formats[i]) ? "read" : "-",
               byline_format_can_write (formats[i]) ? "write" : "-",
               exts, _(formats[i]->description));
    }
}

/* "PERSON,GPE" -> a list; NULL stays NULL */
static char **
split_list (const char *text)
{
  g_auto(GStrv) parts = NULL;
  GPtrArray *list;

  if (text == NULL)
    return NULL;
  parts = g_strsplit (text, ",", -1);
  list = g_ptr_array_new ();
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_ptr_array_add (list, g_strdup (parts[i]));
    }
  g_ptr_array_add (list, NULL);
  return (char **) g_ptr_array_free (list, FALSE);
}

/* Every input, read with its format; @func gets each document. */
static gboolean
read_inputs (GPtrArray                 *inputs,
             const BylineFormat        *from_format,
             const BylineFormatOptions *options,
             gboolean                   report,
             BylineDocumentFunc         func,
             gpointer                   user_data,
             GError                   **error)
{
  for (guint i = 0; i < inputs->len; i++)
    {
      const char *path = inputs->pdata[i];
      const BylineFormat *format = input_format (path, from_format, error);
      g_autoptr(BylineProblems) warnings = byline_problems_new ();
      gboolean ok = format != NULL &&
                    byline_format_read (format, path, options, warnings, func, user_data, error);

      /* What was kept but doubtful is said, never dropped silently. */
      if (report)
        print_problems (path, warnings, stderr);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static void
print_losses (const char   *title,
              BylineLosses *losses)
{
  g_autofree char *text = byline_losses_to_string (losses);
  g_auto(GStrv) lines = NULL;

  if (*text == '\0')
    return;
  g_printerr ("%s\n", title);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] != '\0')
        g_printerr ("  %s\n", lines[i]);
    }
}

static int
cmd_convert (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) inputs = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineExport) export = NULL;
  g_autoptr(BylineSchema) schema = NULL;
  g_autofree char *output = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *layer = NULL;
  g_autofree char *scheme = NULL;
  g_autofree char *layers = NULL;
  g_autofree char *labels = NULL;
  g_autofree char *statuses = NULL;
  g_autofree char *split = NULL;
  g_autofree char *schema_path = NULL;
  g_auto(GStrv) args = NULL;
  g_auto(GStrv) layer_list = NULL;
  g_auto(GStrv) label_list = NULL;
  gint64 seed = 1;
  gboolean list = FALSE;
  gboolean as_suggestions = FALSE;
  gboolean summary = FALSE;
  const BylineFormat *from_format = NULL;
  const BylineFormat *to_format = NULL;
  BylineFormatOptions options = { 0 };
  BylineExportSettings settings = { 0 };
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE, or into DIRECTORY/ one file per document"), N_("OUTPUT") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("Read this format (default: from each file name)"), N_("FORMAT") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Write this format (default: from the output name)"), N_("FORMAT") },
    { "list-formats", 0, 0, G_OPTION_ARG_NONE, &list, N_("List the formats and exit"), NULL },
    { "as-suggestions", 0, 0, G_OPTION_ARG_NONE, &as_suggestions, N_("Imported spans become suggestions to review (origin import:FORMAT)"), NULL },
    { "schema", 0, 0, G_OPTION_ARG_FILENAME, &schema_path, N_("The annotation schema that says which layer a label is in (default: the news schema)"), N_("FILE") },
    { "layer", 0, 0, G_OPTION_ARG_STRING, &layer, N_("Token formats (conll, hf): the one layer to tag (default: entities)"), N_("LAYER") },
    { "scheme", 0, 0, G_OPTION_ARG_STRING, &scheme, N_("Token formats: iob2 (default), iob1 or bioes"), N_("SCHEME") },
    { "layers", 0, 0, G_OPTION_ARG_STRING, &layers, N_("Export only these layers"), N_("A,B") },
    { "labels", 0, 0, G_OPTION_ARG_STRING, &labels, N_("Export only these labels"), N_("A,B") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &statuses, N_("Export only these statuses (default for datasets: manual,accepted)"), N_("S,T") },
    { "split", 0, 0, G_OPTION_ARG_STRING, &split, N_("Split by document into OUTPUT/train, dev and test, as in 80,10,10"), N_("TRAIN,DEV,TEST") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("The seed of the split (default 1)"), N_("N") },
    { "summary", 0, 0, G_OPTION_ARG_NONE, &summary, N_("Print what was exported, left out and lost"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("INPUT… -o OUTPUT — convert articles, annotations and datasets"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Inputs are files or directories (a directory with .ann files is a brat corpus). A JSONL\n"
      "input may hold any number of documents; they stream through in constant memory.\n"
      "OUTPUT ending in “/”, or an existing directory, gets one file per document, named\n"
      "after its id (brat writes ID.txt and ID.ann there). With --split, OUTPUT is a\n"
      "directory that gets train, dev and test parts.\n"
      "\n"
      "Dataset formats get manual and accepted annotations only, unless --status says\n"
      "otherwise; what the filters leave out and what the format cannot hold is\n"
      "reported on stderr."));
  if (!parse_options (context, &argc, &argv))
    return 2;

  if (list)
    {
      print_formats ();
      return 0;
    }
  if (args == NULL || args[0] == NULL || output == NULL)
    {
      g_printerr (_("byline-cli convert: give at least one INPUT and -o OUTPUT\n"));
      return 2;
    }
  if (from != NULL && (from_format = byline_format_lookup (from)) == NULL)
    {
      g_printerr (_("byline-cli convert: unknown format “%s” (see --list-formats)\n"), from);
      return 2;
    }
  if (to != NULL)
    to_format = byline_format_lookup (to);
  else if (g_str_has_suffix (output, "/") || g_file_test (output, G_FILE_TEST_IS_DIR) || split != NULL)
    to_format = byline_format_lookup ("byline");
  else
    to_format = byline_format_for_path (output);
  if (to_format == NULL)
    {
      g_printerr (to ? _("byline-cli convert: unknown format “%s” (see --list-formats)\n")
                     : _("%s: cannot tell the format from the name; give --to FORMAT\n"),
                  to ? to : output);
      return 2;
    }
  if (!byline_format_can_write (to_format))
    {
      g_printerr (_("byline-cli convert: Byline cannot write the %s format\n"), to_format->name);
      return 2;
    }
  if ((scheme != NULL && !byline_tag_scheme_from_string (scheme, &options.scheme)))
    {
      g_printerr (_("byline-cli convert: unknown tag scheme “%s”: use iob2, iob1 or bioes\n"), scheme);
      return 2;
    }
  if ((split != NULL && !byline_export_parse_split (split, settings.split, &error)) ||
      (statuses != NULL && !byline_export_parse_statuses (statuses, &settings.statuses, &error)))
    {
      g_printerr ("byline-cli convert: %s\n", error->message);
      return 2;
    }
  if (schema_path != NULL && (schema = byline_schema_new_from_file (schema_path, &error)) == NULL)
    {
      print_error (error);
      return 1;
    }
  if (layer != NULL)
    {
      BylineSchema *s = schema ? schema : byline_schema_get_default ();

      if (byline_schema_lookup_layer (s, layer) == NULL)
        {
          g_printerr (_("byline-cli convert: the schema has no layer “%s”\n"), layer);
          return 2;
        }
    }
  options.as_suggestions = as_suggestions;
  options.schema = schema;
  options.layer = layer;
  layer_list = split_list (layers);
  label_list = split_list (labels);
  settings.layers = (const char * const *) layer_list;
  settings.labels = (const char * const *) label_list;
  settings.seed = (guint64) seed;

  inputs = expand_inputs (args, from_format, &error);
  if (inputs == NULL)
    {
      print_error (error);
      return 1;
    }

  /* An exact split needs the number of documents: count them first. The
   * inputs are read twice, but one document at a time. */
  if (split != NULL && !read_inputs (inputs, from_format, &options, FALSE, count_one,
                                     &settings.n_documents, &error))
    {
      print_error (error);
      return 1;
    }

  export = byline_export_new (to_format, output, &options, &settings, &error);
  if (export == NULL ||
      !read_inputs (inputs, from_format, &options, TRUE, export_document, export, &error) ||
      !byline_export_finish (export, &error))
    {
      /* The export is freed unfinished: no output file appears. */
      print_error (error);
      return 1;
    }

  if (summary)
    {
      g_autofree char *text = byline_export_get_summary (export);

      g_print ("%s", text);
    }
  else
    {
      print_losses (_("Left out by the filters:"), byline_export_get_left_out (export));
      print_losses (_("The format cannot hold:"), byline_export_get_not_held (export));
    }
  return 0;
}

/* ---- validate --------------------------------------------------------- */

typedef struct
{
  guint n_documents;
} ValidateState;

static gboolean
count_document (BylineDocument  *document,
                gpointer         user_data,
                GError         **error)
{
  ((ValidateState *) user_data)->n_documents++;
  return TRUE;
}

/* Native files are checked in full, listing every problem; other formats
 * are valid when they read. */
static gboolean
validate_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  const BylineFormat *format = input_format (path, NULL, &error);
  ValidateState state = { 0 };

  if (format != NULL && g_str_equal (format->name, "byline"))
    {
      g_autoptr(BylineProblems) problems = byline_problems_new ();
      g_autoptr(BylineDocument) doc = byline_native_load_file (path, NULL, problems, NULL);

      print_problems (path, problems, stdout);
      return doc != NULL;
    }
  if (format == NULL || !byline_format_read (format, path, NULL, NULL, count_document, &state, &error))
    {
      g_print ("%s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

static int
cmd_validate (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(GStrv) args = NULL;
  gboolean all_valid = TRUE;
  GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("FILE… — check documents"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Checks every offset, every annotation's text against the document, relation\n"
      "endpoints, labels against the schema and the format version. Prints one line per\n"
      "problem as “FILE: message” and exits 1 when any file has an error (warnings, such\n"
      "as labels the schema does not know, are printed but do not fail)."));
  if (!parse_options (context, &argc, &argv))
    return 2;
  if (args == NULL || args[0] == NULL)
    {
      g_printerr (_("byline-cli validate: give at least one FILE\n"));
      return 2;
    }
  for (guint i = 0; args[i] != NULL; i++)
    {
      if (!validate_file (args[i]))
        all_valid = FALSE;
    }
  return all_valid ? 0 : 1;
}

/* ---- stats ------------------------------------------------------------ */

typedef struct
{
  guint64     n_documents;
  guint64     n_chars;
  guint64     n_annotations;
  guint64     n_relations;
  GHashTable *by_layer;    /* "layer" -> count */
  GHashTable *by_label;    /* "layer\tlabel" -> count */
  GHashTable *by_status;   /* "status" -> count */
  GHashTable *by_type;     /* relation type -> count */
  GHashTable *review;      /* origin -> Review */
  GHashTable *reviewers;   /* reviewer -> Review */
} Stats;

/* How the suggestions of one origin, or of one of its labels, fared. */
typedef struct
{
  guint64     accepted;
  guint64     rejected;
  guint64     undecided;
  GHashTable *labels;      /* an origin's: label -> Review */
  GHashTable *types;       /* an origin's: relation type -> Review */
} Review;

static void
review_free (gpointer data)
{
  Review *review = data;

  g_clear_pointer (&review->labels, g_hash_table_unref);
  g_clear_pointer (&review->types, g_hash_table_unref);
  g_free (review);
}

static GHashTable *
review_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, review_free);
}

static Review *
review_for (GHashTable *table,
            const char *key,
            gboolean    origin)
{
  Review *review = g_hash_table_lookup (table, key);

  if (review == NULL)
    {
      review = g_new0 (Review, 1);
      if (origin)
        {
          review->labels = review_table_new ();
          review->types = review_table_new ();
        }
      g_hash_table_insert (table, g_strdup (key), review);
    }
  return review;
}

static void
review_count (Review       *review,
              BylineStatus  status)
{
  if (status == BYLINE_STATUS_ACCEPTED)
    review->accepted++;
  else if (status == BYLINE_STATUS_REJECTED)
    review->rejected++;
  else if (status == BYLINE_STATUS_SUGGESTED)
    review->undecided++;
}

/* Suggestions only: manual work has no acceptance to measure. */
static void
stats_review (Stats        *stats,
              const char   *origin,
              const char   *label,
              gboolean      relation,
              BylineStatus  status,
              const char   *reviewer)
{
  Review *review;

  if (status == BYLINE_STATUS_MANUAL)
    return;
  review = review_for (stats->review, origin != NULL ? origin : "(unknown)", TRUE);
  if (!relation)
    review_count (review, status);
  review_count (review_for (relation ? review->types : review->labels, label, FALSE), status);
  if (!relation && status != BYLINE_STATUS_SUGGESTED)
    review_count (review_for (stats->reviewers, reviewer != NULL ? reviewer : "(unknown)", FALSE), status);
}

static void
count (GHashTable *table,
       const char *key)
{
  gpointer old = NULL;
  guint64 *n;

  if (g_hash_table_lookup_extended (table, key, NULL, &old))
    n = old;
  else
    {
      n = g_new0 (guint64, 1);
      g_hash_table_insert (table, g_strdup (key), n);
    }
  (*n)++;
}

static gboolean
stats_document (BylineDocument  *document,
                gpointer         user_data,
                GError         **error)
{
  Stats *stats = user_data;

  stats->n_documents++;
  stats->n_chars += byline_document_get_n_chars (document);
  stats->n_annotations += byline_document_get_n_annotations (document);
  stats->n_relations += byline_document_get_n_relations (document);
  for (guint i = 0; i < byline_document_get_n_annotations (document); i++)
    {
      BylineAnnotation *a = byline_document_get_annotation (document, i);
      g_autofree char *label = g_strdup_printf ("%s\t%s", byline_annotation_get_layer (a),
                                                byline_annotation_get_label (a));

      count (stats->by_layer, byline_annotation_get_layer (a));
      count (stats->by_label, label);
      count (stats->by_status, byline_status_to_string (byline_annotation_get_status (a)));
      stats_review (stats, byline_annotation_get_origin (a), byline_annotation_get_label (a), FALSE,
                    byline_annotation_get_status (a), byline_annotation_get_reviewer (a));
    }
  for (guint i = 0; i < byline_document_get_n_relations (document); i++)
    {
      BylineRelation *r = byline_document_get_relation (document, i);

      count (stats->by_type, byline_relation_get_relation_type (r));
      stats_review (stats, byline_relation_get_origin (r), byline_relation_get_relation_type (r), TRUE,
                    byline_relation_get_status (r), NULL);
    }
  return TRUE;
}

static GPtrArray *
sorted_keys (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_strings);
  return keys;
}

static void
print_table_json (GString    *out,
                  const char *name,
                  GHashTable *table,
                  gboolean    split_label)
{
  g_autoptr(GPtrArray) keys = sorted_keys (table);

  g_string_append_printf (out, ",\n  \"%s\": {", name);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = keys->pdata[i];
      guint64 n = *(guint64 *) g_hash_table_lookup (table, key);
      g_autofree char *shown = g_strdup (key);

      if (split_label)
        g_strdelimit (shown, "\t", '/');
      g_string_append_printf (out, "%s\n    ", i ? "," : "");
      byline_json_append_string (out, shown);
      g_string_append_printf (out, ": %" G_GUINT64_FORMAT, n);
    }
  g_string_append (out, keys->len ? "\n  }" : "}");
}

static void
print_table_text (const char *title,
                  GHashTable *table)
{
  g_autoptr(GPtrArray) keys = sorted_keys (table);

  if (keys->len == 0)
    return;
  g_print ("\n%s\n", title);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = keys->pdata[i];
      const char *tab = strchr (key, '\t');

      g_print ("  %-30s %8" G_GUINT64_FORMAT "\n", tab ? tab + 1 : key,
               *(guint64 *) g_hash_table_lookup (table, key));
    }
}

/* accepted / (accepted + rejected): what a reviewer kept of what was
 * decided. Undecided suggestions do not count either way. */
static gboolean
review_rate (Review *review,
             double *rate)
{
  if (review->accepted + review->rejected == 0)
    return FALSE;
  *rate = (double) review->accepted / (double) (review->accepted + review->rejected);
  return TRUE;
}

static void
append_review_json (GString *out,
                    Review  *review,
                    gboolean with_undecided)
{
  double rate;

  g_string_append_printf (out, "{\"accepted\": %" G_GUINT64_FORMAT ", \"rejected\": %" G_GUINT64_FORMAT,
                          review->accepted, review->rejected);
  if (!with_undecided)
    return;
  g_string_append_printf (out, ", \"undecided\": %" G_GUINT64_FORMAT ", \"acceptance_rate\": ",
                          review->undecided);
  /* Rounded to four places, in whole numbers: 2/3 is 0.6667. */
  if (review_rate (review, &rate))
    {
      guint64 decided = review->accepted + review->rejected;

      byline_json_append_double (out, (double) ((review->accepted * 20000 + decided) / (2 * decided)) / 10000);
    }
  else
    g_string_append (out, "null");
}

static void
append_reviews_json (GString    *out,
                     const char *name,
                     GHashTable *table,
                     const char *indent,
                     gboolean    with_undecided)
{
  g_autoptr(GPtrArray) keys = sorted_keys (table);

  byline_json_append_string (out, name);
  g_string_append (out, ": {");
  for (guint i = 0; i < keys->len; i++)
    {
      g_string_append_printf (out, "%s\n%s  ", i ? "," : "", indent);
      byline_json_append_string (out, keys->pdata[i]);
      g_string_append (out, ": ");
      append_review_json (out, g_hash_table_lookup (table, keys->pdata[i]), with_undecided);
      g_string_append_c (out, '}');
    }
  g_string_append_printf (out, "%s%s}", keys->len ? "\n" : "", keys->len ? indent : "");
}

static void
print_review_json (GString *out,
                   Stats   *stats)
{
  g_autoptr(GPtrArray) origins = sorted_keys (stats->review);

  g_string_append (out, ",\n  \"review\": {");
  for (guint i = 0; i < origins->len; i++)
    {
      Review *review = g_hash_table_lookup (stats->review, origins->pdata[i]);

      g_string_append_printf (out, "%s\n    ", i ? "," : "");
      byline_json_append_string (out, origins->pdata[i]);
      g_string_append (out, ": ");
      append_review_json (out, review, TRUE);
      g_string_append (out, ",\n      ");
      append_reviews_json (out, "labels", review->labels, "      ", TRUE);
      g_string_append (out, ",\n      ");
      append_reviews_json (out, "relation_types", review->types, "      ", TRUE);
      g_string_append (out, "\n    }");
    }
  g_string_append (out, origins->len ? "\n  }" : "}");
  g_string_append (out, ",\n  ");
  append_reviews_json (out, "reviewers", stats->reviewers, "  ", FALSE);
}

static void
print_review_row (const char *indent,
                  const char *name,
                  Review     *review,
                  gboolean    with_undecided)
{
  g_autofree char *shown = g_strconcat (indent, name, NULL);
  double rate;

  g_print ("  %-34s %8" G_GUINT64_FORMAT " %8" G_GUINT64_FORMAT, shown, review->accepted, review->rejected);
  if (with_undecided)
    {
      g_print (" %9" G_GUINT64_FORMAT, review->undecided);
      if (review_rate (review, &rate))
        g_print (" %10.1f%%", rate * 100);
      else
        g_print (" %10s%s", "", "–");
    }
  g_print ("\n");
}

static void
print_review_text (Stats *stats)
{
  g_autoptr(GPtrArray) origins = sorted_keys (stats->review);
  g_autoptr(GPtrArray) reviewers = sorted_keys (stats->reviewers);

  if (origins->len == 0)
    return;
  /* TRANSLATORS: keep the columns aligned with the numbers below */
  g_print ("\n%-36s %8s %8s %9s %11s\n", _("Review of suggestions:"), _("accepted"), _("rejected"),
           _("undecided"), _("acceptance"));
  for (guint i = 0; i < origins->len; i++)
    {
      Review *review = g_hash_table_lookup (stats->review, origins->pdata[i]);
      g_autoptr(GPtrArray) labels = sorted_keys (review->labels);
      g_autoptr(GPtrArray) types = sorted_keys (review->types);

      print_review_row ("", origins->pdata[i], review, TRUE);
      for (guint j = 0; j < labels->len; j++)
        print_review_row ("  ", labels->pdata[j], g_hash_table_lookup (review->labels, labels->pdata[j]), TRUE);
      for (guint j = 0; j < types->len; j++)
        {
          g_autofree char *name = g_strdup_printf (_("%s (relation)"), (char *) types->pdata[j]);

          print_review_row ("  ", name, g_hash_table_lookup (review->types, types->pdata[j]), TRUE);
        }
    }
  if (reviewers->len == 0)
    return;
  g_print ("\n%-36s %8s %8s\n", _("Reviewers:"), _("accepted"), _("rejected"));
  for (guint i = 0; i < reviewers->len; i++)
    print_review_row ("", reviewers->pdata[i], g_hash_table_lookup (stats->reviewers, reviewers->pdata[i]), FALSE);
}

static int
cmd_stats (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) inputs = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  gboolean json = FALSE;
  Stats stats = { 0 };
  int status = 0;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("FILE… — count documents, characters, annotations and relations"));
  g_option_context_set_description (context,
    _("The review table gives, for each origin of suggestions (rules:quotes,\n"
      "command:PROGRAM, import:FORMAT…) and each of its labels and relation types, how\n"
      "many were accepted, rejected or are still undecided, and the acceptance rate:\n"
      "accepted / (accepted + rejected). Manual annotations are not counted there."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_options (context, &argc, &argv))
    return 2;
  if (args == NULL || args[0] == NULL)
    {
      g_printerr (_("byline-cli stats: give at least one FILE\n"));
      return 2;
    }
  inputs = expand_inputs (args, NULL, &error);
  if (inputs == NULL)
    {
      print_error (error);
      return 1;
    }

  stats.by_layer = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  stats.by_label = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  stats.by_status = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  stats.by_type = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  stats.review = review_table_new ();
  stats.reviewers = review_table_new ();
  for (guint i = 0; i < inputs->len && status == 0; i++)
    {
      const BylineFormat *format = input_format (inputs->pdata[i], NULL, &error);

      if (format == NULL || !byline_format_read (format, inputs->pdata[i], NULL, NULL, stats_document, &stats, &error))
        {
          print_error (error);
          status = 1;
        }
    }

  if (status == 0 && json)
    {
      GString *out = g_string_new (NULL);

      g_string_append_printf (out, "{\n  \"documents\": %" G_GUINT64_FORMAT
                              ",\n  \"characters\": %" G_GUINT64_FORMAT
                              ",\n  \"annotations\": %" G_GUINT64_FORMAT
                              ",\n  \"relations\": %" G_GUINT64_FORMAT,
                              stats.n_documents, stats.n_chars, stats.n_annotations, stats.n_relations);
      print_table_json (out, "layers", stats.by_layer, FALSE);
      print_table_json (out, "labels", stats.by_label, TRUE);
      print_table_json (out, "statuses", stats.by_status, FALSE);
      print_table_json (out, "relation_types", stats.by_type, FALSE);
      print_review_json (out, &stats);
      g_string_append (out, "\n}\n");
      fputs (out->str, stdout);
      g_string_free (out, TRUE);
    }
  else if (status == 0)
    {
      g_print (_("Documents:   %llu\n"), (unsigned long long) stats.n_documents);
      g_print (_("Characters:  %llu\n"), (unsigned long long) stats.n_chars);
      g_print (_("Annotations: %llu\n"), (unsigned long long) stats.n_annotations);
      g_print (_("Relations:   %llu\n"), (unsigned long long) stats.n_relations);
      print_table_text (_("By layer:"), stats.by_layer);
      print_table_text (_("By label:"), stats.by_label);
      print_table_text (_("By status:"), stats.by_status);
      print_table_text (_("Relations by type:"), stats.by_type);
      print_review_text (&stats);
    }

  g_hash_table_unref (stats.by_layer);
  g_hash_table_unref (stats.by_label);
  g_hash_table_unref (stats.by_status);
  g_hash_table_unref (stats.by_type);
  g_hash_table_unref (stats.review);
  g_hash_table_unref (stats.reviewers);
  return status;
}

/* ---- suggest ---------------------------------------------------------- */

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
        count (job->by_label, byline_annotation_get_label (a));
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
  print_problems (job->input, warnings, stderr);
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
  g_autoptr(GPtrArray) labels = sorted_keys (job->by_label);
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

static int
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
  if (!parse_options (context, &argc, &argv))
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
  names = split_list (extractors);
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
          print_error (job.error);
          status = 1;
        }
    }
  else
    {
      print_suggest_summary (&job);
      print_losses (_("The format cannot hold:"), losses);
    }

  g_clear_error (&job.error);
  g_hash_table_unref (job.by_label);
  g_hash_table_unref (job.warned);
  g_object_unref (job.schema);
  return status;
}

/* ---- main ------------------------------------------------------------- */

static const Command commands[] = {
  { "convert", cmd_convert, N_("Convert articles and annotations between formats") },
  { "validate", cmd_validate, N_("Check documents and list every problem") },
  { "stats", cmd_stats, N_("Count documents, annotations and relations, and how suggestions were reviewed") },
  { "suggest", cmd_suggest, N_("Suggest annotations with the built-in extractors or a model of your own") },
};

static void
usage (FILE *stream)
{
  fprintf (stream, "%s", _("Usage: byline-cli COMMAND [OPTION…]\n\nCommands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "%s", _("\nRun “byline-cli COMMAND --help” for a command's options.\n"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      usage (stderr);
      return 2;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      usage (stdout);
      return 0;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("byline-cli %s\n", PACKAGE_VERSION);
      return 0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (argv[1], commands[i].name))
        {
          g_autofree char *prgname = g_strdup_printf ("byline-cli %s", commands[i].name);

          /* "Usage: byline-cli convert …" in each command's --help. */
          g_set_prgname (prgname);
          return commands[i].func (argc - 1, argv + 1);
        }
    }
  g_printerr (_("byline-cli: unknown command “%s”\n\n"), argv[1]);
  usage (stderr);
  return 2;
}
