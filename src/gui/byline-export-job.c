/* byline-export-job.c: one run of the Export dialog, in a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A job holds everything the worker needs, copied on the main thread:
 * the settings, the corpus's paths and the window's document as native
 * JSON (the export filters documents in place, so it only ever sees a
 * copy). A dry run writes into a temporary directory and removes it.
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "byline-error.h"
#include "byline-export-job.h"
#include "byline-native.h"

/* ---- Files ------------------------------------------------------------ */

/**
 * byline_export_format_extension:
 * @format: (nullable): a format
 *
 * Returns: (nullable): the longest extension of @format that @name ends
 *   with, ignoring case
 */
const char *
byline_export_format_extension (const BylineFormat *format,
                                const char         *name)
{
  const char *best = NULL;
  gsize name_len = strlen (name);

  for (guint i = 0; format != NULL && format->extensions[i] != NULL; i++)
    {
      const char *ext = format->extensions[i];
      gsize len = strlen (ext);

      if (name_len > len && g_ascii_strcasecmp (name + name_len - len, ext) == 0 &&
          (best == NULL || len > strlen (best)))
        best = ext;
    }
  return best;
}

/**
 * byline_export_strip_extension:
 *
 * Returns: (transfer full): @name without the extension its format
 *   knows: "blinken.byline.json" is "blinken"
 */
char *
byline_export_strip_extension (const char *name)
{
  const char *ext = byline_export_format_extension (byline_format_for_path (name), name);

  if (ext != NULL)
    return g_strndup (name, strlen (name) - strlen (ext));
  return g_strdup (name);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
is_plain (const BylineFormat *format)
{
  return g_str_equal (format->name, "text") || g_str_equal (format->name, "html");
}

static gboolean
is_annotated (const BylineFormat *format)
{
  return g_str_equal (format->name, "byline") || g_str_equal (format->name, "brat");
}

/**
 * byline_export_list_corpus:
 * @folder: the folder of the article shown
 * @current: (nullable): the article's own file, which stands for the
 *   window's document with its unsaved edits
 *
 * The documents of @folder a corpus export reads, sorted so that a split
 * is the same every time. One article is one document: a bare article
 * (NAME.txt, NAME.html) saved beside its annotations (NAME.byline.json,
 * brat's NAME.ann) is left out, and so are the files of the article shown
 * under another name.
 *
 * Returns: (transfer full) (element-type filename): the paths
 */
GPtrArray *
byline_export_list_corpus (GFile      *folder,
                           const char *current)
{
  g_autofree char *dir_path = g_file_get_path (folder);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GHashTable) annotated = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *current_stem = NULL;
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir_path == NULL || (dir = g_dir_open (dir_path, 0, NULL)) == NULL)
    return paths;

  if (current != NULL)
    {
      g_autofree char *base = g_path_get_basename (current);

      current_stem = byline_export_strip_extension (base);
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      const BylineFormat *format = byline_format_for_path (name);
      g_autofree char *path = NULL;

      if (name[0] == '.' || g_str_has_suffix (name, "~") ||
          format == NULL || !byline_format_can_read (format))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      if (is_annotated (format))
        g_hash_table_add (annotated, byline_export_strip_extension (name));
      g_ptr_array_add (names, g_strdup (name));
    }

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = names->pdata[i];
      const BylineFormat *format = byline_format_for_path (file);
      g_autofree char *path = g_build_filename (dir_path, file, NULL);
      g_autofree char *stem = byline_export_strip_extension (file);

      if (g_strcmp0 (path, current) != 0)
        {
          if (g_strcmp0 (stem, current_stem) == 0 && (is_plain (format) || is_annotated (format)))
            continue;
          if (is_plain (format) && g_hash_table_contains (annotated, stem))
            continue;
        }
      g_ptr_array_add (paths, g_steal_pointer (&path));
    }
  g_ptr_array_sort (paths, compare_paths);
  return paths;
}

/* ---- The export job --------------------------------------------------- */

void
byline_export_job_free (BylineExportJob *job)
{
  g_free (job->layer);
  g_strfreev (job->layers);
  g_clear_object (&job->schema);
  g_clear_pointer (&job->inputs, g_ptr_array_unref);
  g_free (job->current);
  g_clear_pointer (&job->snapshot, g_bytes_unref);
  g_free (job->output);
  g_free (job->summary);
  g_free (job);
}

typedef struct
{
  BylineExportJob    *job;
  BylineExport *export;       /* NULL: counting */
  guint         count;
  GCancellable *cancellable;
} Pass;

static gboolean
on_document_cb (BylineDocument  *document,
                gpointer         user_data,
                GError         **error)
{
  Pass *pass = user_data;

  if (g_cancellable_set_error_if_cancelled (pass->cancellable, error))
    return FALSE;
  pass->count++;
  return pass->export == NULL || byline_export_add (pass->export, document, error);
}

static gboolean
pass_snapshot (Pass    *pass,
               GError **error)
{
  BylineExportJob *job = pass->job;
  g_autoptr(BylineDocument) copy = NULL;
  gsize len;
  const char *data = g_bytes_get_data (job->snapshot, &len);

  copy = byline_native_load_data (data, len, job->current, job->schema, NULL, error);
  return copy != NULL && on_document_cb (copy, pass, error);
}

/* Hands every document to the pass, one at a time. */
static gboolean
pass_run (Pass    *pass,
          GError **error)
{
  BylineExportJob *job = pass->job;
  BylineFormatOptions read_options = { 0 };

  if (job->inputs == NULL)
    return pass_snapshot (pass, error);

  read_options.schema = job->schema;
  for (guint i = 0; i < job->inputs->len; i++)
    {
      const char *path = job->inputs->pdata[i];
      const BylineFormat *format;

      if (g_strcmp0 (path, job->current) == 0)
        {
          if (!pass_snapshot (pass, error))
            return FALSE;
          continue;
        }
      format = byline_format_for_path (path);
      if (format == NULL)
        continue;
      if (!byline_format_read (format, path, &read_options, NULL, on_document_cb, pass, error))
        return FALSE;
    }
  return TRUE;
}

/* The folder @output goes into; "a/b/" is in "a". */
static char *
dup_parent (const char *output)
{
  g_autofree char *trimmed = g_strdup (output);
  gsize len = strlen (trimmed);

  while (len > 1 && trimmed[len - 1] == G_DIR_SEPARATOR)
    trimmed[--len] = '\0';
  return g_path_get_dirname (trimmed);
}

/**
 * byline_export_job_run:
 * @task_data: the #BylineExportJob
 *
 * A #GTaskThreadFunc: reads the documents (twice for a split, which must
 * know their number), exports them and fills in the job's results. A dry
 * run goes to a temporary directory that is removed at the end; an error
 * names the real destination.
 */
void
byline_export_job_run (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  BylineExportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *output = NULL;
  BylineExport *export = NULL;
  g_autofree char *parent = dup_parent (job->output);
  Pass pass = { job, NULL, 0, cancellable };
  gboolean ok;

  /* The dry run cannot tell by itself: it writes elsewhere. */
  if (!g_file_test (parent, G_FILE_TEST_IS_DIR) || g_access (parent, W_OK) != 0)
    {
      g_task_return_new_error (task, BYLINE_ERROR, BYLINE_ERROR_IO,
                               _("Cannot write in the folder “%s”: choose another place"), parent);
      return;
    }

  if (job->dry_run)
    {
      g_autofree char *base = g_path_get_basename (job->output);

      tmp = g_dir_make_tmp ("byline-export-XXXXXX", &error);
      if (tmp == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      output = g_build_filename (tmp, base, NULL);
      if (g_str_has_suffix (job->output, G_DIR_SEPARATOR_S))
        {
          char *with_slash = g_strconcat (output, G_DIR_SEPARATOR_S, NULL);

          g_free (output);
          output = with_slash;
        }
    }
  else
    {
      output = g_strdup (job->output);
    }

  /* An exact split needs the number of documents first. */
  ok = job->settings.split[0] + job->settings.split[1] + job->settings.split[2] <= 0 ||
       pass_run (&pass, &error);
  if (ok)
    {
      job->settings.n_documents = pass.count;
      pass.count = 0;
      export = byline_export_new (job->format, output, &job->options, &job->settings, &error);
      pass.export = export;
      ok = export != NULL && pass_run (&pass, &error) && byline_export_finish (export, &error);
    }
  if (ok)
    {
      job->summary = byline_export_get_summary (export);
      job->n_documents = byline_export_get_n_documents (export, -1);
    }
  /* Unfinished, it removes its temporary files; then the dry run's
   * directory goes. */
  g_clear_pointer (&export, byline_export_free);

  if (tmp != NULL)
    {
      remove_tree (tmp);
      if (error != NULL)
        {
          /* Name the real destination, not the temporary one. */
          GString *message = g_string_new (error->message);

          g_string_replace (message, tmp, parent, 0);
          g_free (error->message);
          error->message = g_string_free (message, FALSE);
        }
    }

  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}
