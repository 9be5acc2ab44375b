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
static GPtrArray *
expand_inputs (char    **inputs,
               GError  **error)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; inputs[i] != NULL; i++)
    {
      g_autoptr(GDir) dir = NULL;
      g_autoptr(GPtrArray) names = NULL;
      const char *name;

      if (!g_file_test (inputs[i], G_FILE_TEST_IS_DIR))
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

typedef struct
{
  BylineWriter       *writer;     /* one output file */
  const char         *directory;  /* or one file per document here */
  const BylineFormat *to;
  GHashTable         *used_names;
  guint               n_documents;
} ConvertState;

static char *
unique_path (ConvertState   *state,
             BylineDocument *doc)
{
  const char *id = byline_document_get_id (doc);
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  /* An id is not a path: keep it to one safe file name. */
  base = g_strdup (id != NULL && *id != '\0' ? id : "doc");
  g_strdelimit (base, "/\\:", '_');
  if (base[0] == '.')
    base[0] = '_';
  name = g_strdup (base);
  for (guint n = 2; g_hash_table_contains (state->used_names, name); n++)
    {
      g_free (name);
      name = g_strdup_printf ("%s-%u", base, n);
    }
  g_hash_table_add (state->used_names, g_strdup (name));
  return g_strdup_printf ("%s%c%s%s", state->directory, G_DIR_SEPARATOR, name,
                          state->to->extensions[0]);
}

static gboolean
convert_document (BylineDocument  *document,
                  gpointer         user_data,
                  GError         **error)
{
  ConvertState *state = user_data;
  g_autoptr(BylineWriter) writer = NULL;
  g_autofree char *path = NULL;

  state->n_documents++;
  if (state->writer != NULL)
    return byline_writer_write (state->writer, document, error);

  path = unique_path (state, document);
  writer = byline_format_open_writer (state->to, path, NULL, error);
  return writer != NULL &&
         byline_writer_write (writer, document, error) &&
         byline_writer_finish (writer, error);
}

static int
cmd_convert (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) inputs = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineWriter) writer = NULL;
  g_autofree char *output = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_auto(GStrv) args = NULL;
  gboolean list = FALSE;
  const BylineFormat *from_format = NULL;
  ConvertState state = { 0 };
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE, or into DIRECTORY/ one file per document"), N_("OUTPUT") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("Read this format (default: from each file name)"), N_("FORMAT") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Write this format (default: from the output name)"), N_("FORMAT") },
    { "list-formats", 0, 0, G_OPTION_ARG_NONE, &list, N_("List the formats and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &args, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("INPUT… -o OUTPUT — convert articles and annotations"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Inputs are files or directories. A JSONL input may hold any number of documents; they\n"
      "stream through in constant memory. OUTPUT ending in “/”, or an existing directory,\n"
      "gets one file per document, named after its id."));
  if (!parse_options (context, &argc, &argv))
    return 2;

  if (list)
    {
      const BylineFormat * const *formats = byline_formats_list ();

      for (guint i = 0; formats[i] != NULL; i++)
        {
          g_autofree char *exts = g_strjoinv (" ", (char **) formats[i]->extensions);

          g_print ("%-8s %-5s %-5s %-28s %s\n", formats[i]->name,
                   byline_format_can_read (formats[i]) ? "read" : "-",
                   byline_format_can_write (formats[i]) ? "write" : "-",
                   exts, _(formats[i]->description));
        }
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

  state.used_names = used;
  if (g_str_has_suffix (output, "/") || g_file_test (output, G_FILE_TEST_IS_DIR))
    {
      state.directory = output;
      state.to = byline_format_lookup (to ? to : "byline");
    }
  else
    state.to = to ? byline_format_lookup (to) : byline_format_for_path (output);
  if (state.to == NULL)
    {
      g_printerr (to ? _("byline-cli convert: unknown format “%s” (see --list-formats)\n")
                     : _("%s: cannot tell the format from the name; give --to FORMAT\n"),
                  to ? to : output);
      return 2;
    }
  if (!byline_format_can_write (state.to))
    {
      g_printerr (_("byline-cli convert: Byline cannot write the %s format\n"), state.to->name);
      return 2;
    }

  inputs = expand_inputs (args, &error);
  if (inputs == NULL)
    {
      print_error (error);
      return 1;
    }
  if (state.directory != NULL && g_mkdir_with_parents (state.directory, 0777) != 0)
    {
      g_printerr ("%s: %s\n", state.directory, g_strerror (errno));
      return 1;
    }
  if (state.directory == NULL)
    {
      writer = byline_format_open_writer (state.to, output, NULL, &error);
      if (writer == NULL)
        {
          print_error (error);
          return 1;
        }
      state.writer = writer;
    }

  for (guint i = 0; i < inputs->len; i++)
    {
      const char *path = inputs->pdata[i];
      const BylineFormat *format = input_format (path, from_format, &error);

      g_autoptr(BylineProblems) warnings = byline_problems_new ();
      gboolean ok = format != NULL &&
                    byline_format_read (format, path, NULL, warnings, convert_document, &state, &error);

      /* What was kept but doubtful is said, never dropped silently. */
      print_problems (path, warnings, stderr);
      if (!ok)
        {
          print_error (error);
          /* The writer is freed unfinished: no output file appears. */
          return 1;
        }
    }
  if (writer != NULL && !byline_writer_finish (writer, &error))
    {
      print_error (error);
      return 1;
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
  inputs = expand_inputs (args, &error);
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
