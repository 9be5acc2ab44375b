/* byline-cli.c: Byline without a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every command here is a thin layer over src/core: the window and the
 * command line share one implementation. Errors go to stderr as
 * "FILE: message" and give a non-zero exit; an output file appears whole
 * or not at all.
 *
 * This file has main, the table of commands and the helpers that more
 * than one command uses; each command has a file of its own,
 * byline-cli-COMMAND.c.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "byline-error.h"
#include "byline-format.h"
#include "byline-problems.h"

#include "byline-cli-private.h"

typedef int (*CommandFunc) (int argc, char **argv);

typedef struct
{
  const char  *name;
  CommandFunc  func;
  const char  *summary;
} Command;

/* ---- helpers shared by the commands ----------------------------------- */

void
byline_cli_print_error (GError *error)
{
  g_printerr ("%s\n", error->message);
}

gboolean
byline_cli_parse_options (GOptionContext  *context,
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

int
byline_cli_compare_strings (gconstpointer a,
                            gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

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

/* Expands directories into the files in them that a reader knows, sorted,
 * so that a folder of articles converts in a stable order. */
GPtrArray *
byline_cli_expand_inputs (char               **inputs,
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
      g_ptr_array_sort (names, byline_cli_compare_strings);
      for (guint j = 0; j < names->len; j++)
        g_ptr_array_add (paths, g_strdup (names->pdata[j]));
    }
  return g_steal_pointer (&paths);
}

const BylineFormat *
byline_cli_input_format (const char          *path,
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

void
byline_cli_print_problems (const char     *where,
                           BylineProblems *problems,
                           FILE           *stream)
{
  for (guint i = 0; i < byline_problems_get_n (problems); i++)
    {
      g_autofree char *str = byline_problem_to_string (byline_problems_get (problems, i));

      fprintf (stream, "%s: %s\n", where, str);
    }
}

/* "PERSON,GPE" -> a list; NULL stays NULL */
char **
byline_cli_split_list (const char *text)
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

void
byline_cli_print_losses (const char   *title,
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

void
byline_cli_count (GHashTable *table,
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

GPtrArray *
byline_cli_sorted_keys (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, byline_cli_compare_strings);
  return keys;
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
