/* byline-cli-convert.c: byline-cli convert, which converts articles,
 * annotations and datasets between formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "byline-export.h"
#include "byline-format.h"
#include "byline-schema.h"

#include "byline-cli-private.h"

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
      const BylineFormat *format = byline_cli_input_format (path, from_format, error);
      g_autoptr(BylineProblems) warnings = byline_problems_new ();
      gboolean ok = format != NULL &&
                    byline_format_read (format, path, options, warnings, func, user_data, error);

      /* What was kept but doubtful is said, never dropped silently. */
      if (report)
        byline_cli_print_problems (path, warnings, stderr);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

int
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
  if (!byline_cli_parse_options (context, &argc, &argv))
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
      byline_cli_print_error (error);
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
  layer_list = byline_cli_split_list (layers);
  label_list = byline_cli_split_list (labels);
  settings.layers = (const char * const *) layer_list;
  settings.labels = (const char * const *) label_list;
  settings.seed = (guint64) seed;

  inputs = byline_cli_expand_inputs (args, from_format, &error);
  if (inputs == NULL)
    {
      byline_cli_print_error (error);
      return 1;
    }

  /* An exact split needs the number of documents: count them first. The
   * inputs are read twice, but one document at a time. */
  if (split != NULL && !read_inputs (inputs, from_format, &options, FALSE, count_one,
                                     &settings.n_documents, &error))
    {
      byline_cli_print_error (error);
      return 1;
    }

  export = byline_export_new (to_format, output, &options, &settings, &error);
  if (export == NULL ||
      !read_inputs (inputs, from_format, &options, TRUE, export_document, export, &error) ||
      !byline_export_finish (export, &error))
    {
      /* The export is freed unfinished: no output file appears. */
      byline_cli_print_error (error);
      return 1;
    }

  if (summary)
    {
      g_autofree char *text = byline_export_get_summary (export);

      g_print ("%s", text);
    }
  else
    {
      byline_cli_print_losses (_("Left out by the filters:"), byline_export_get_left_out (export));
      byline_cli_print_losses (_("The format cannot hold:"), byline_export_get_not_held (export));
    }
  return 0;
}
