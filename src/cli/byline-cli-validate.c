/* byline-cli-validate.c: byline-cli validate, which checks documents and
 * lists every problem
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "byline-format.h"
#include "byline-native.h"
#include "byline-problems.h"

#include "byline-cli-private.h"

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
  const BylineFormat *format = byline_cli_input_format (path, NULL, &error);
  ValidateState state = { 0 };

  if (format != NULL && g_str_equal (format->name, "byline"))
    {
      g_autoptr(BylineProblems) problems = byline_problems_new ();
      g_autoptr(BylineDocument) doc = byline_native_load_file (path, NULL, problems, NULL);

      byline_cli_print_problems (path, problems, stdout);
      return doc != NULL;
    }
  if (format == NULL || !byline_format_read (format, path, NULL, NULL, count_document, &state, &error))
    {
      g_print ("%s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

int
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
  if (!byline_cli_parse_options (context, &argc, &argv))
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
