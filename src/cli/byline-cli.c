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
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "byline-error.h"
#include "byline-export.h"
#include "byline-format.h"
#include "byline-import.h"
#include "byline-json-writer.h"
#include "byline-native.h"
#include "byline-problems.h"
#include "byline-schema.h"

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
} Stats;

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
    }
  for (guint i = 0; i < byline_document_get_n_relations (document); i++)
    count (stats->by_type, byline_relation_get_relation_type (byline_document_get_relation (document, i)));
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
    }

  g_hash_table_unref (stats.by_layer);
  g_hash_table_unref (stats.by_label);
  g_hash_table_unref (stats.by_status);
  g_hash_table_unref (stats.by_type);
  return status;
}

/* ---- main ------------------------------------------------------------- */

static const Command commands[] = {
  { "convert", cmd_convert, N_("Convert articles and annotations between formats") },
  { "validate", cmd_validate, N_("Check documents and list every problem") },
  { "stats", cmd_stats, N_("Count documents, annotations and relations") },
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
