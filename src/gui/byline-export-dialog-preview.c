/* byline-export-dialog-preview.c: the Export dialog's preview: the
 * export run as a dry run after each change of a setting, and its
 * summary as the dialog shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "byline-export-dialog-private.h"
#include "byline-export-job.h"

#define PREVIEW_DELAY_MS 150

/* ---- The preview ------------------------------------------------------ */

/* "  PERSON 3" */
static gboolean
is_label_count (const char *line)
{
  const char *space;

  if (!g_str_has_prefix (line, "  ") || line[2] == ' ' || strchr (line, ':') != NULL)
    return FALSE;
  space = strrchr (line, ' ');
  if (space == NULL || space < line + 3 || space[1] == '\0')
    return FALSE;
  for (const char *p = space + 1; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
    }
  for (const char *p = line + 2; p < space; p++)
    {
      if (*p == ' ')
        return FALSE;
    }
  return TRUE;
}

/* The summary lists the labels one a line; in the dialog they flow as
 * one paragraph, "PERSON 3 · GPE 6 · …", so the preview fits. */
static char *
compact_summary (const char *summary)
{
  g_auto(GStrv) lines = g_strsplit (summary, "\n", -1);
  GString *out = g_string_new (NULL);
  gboolean in_run = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      gboolean count = is_label_count (lines[i]);

      if (count && in_run)
        {
          g_string_append (out, " · ");
          g_string_append (out, lines[i] + 2);
          continue;
        }
      if (out->len > 0)
        g_string_append_c (out, '\n');
      /* A wrapped paragraph cannot keep an indent. */
      g_string_append (out, count ? lines[i] + 2 : lines[i]);
      in_run = count;
    }
  while (out->len > 0 && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

static void
set_preview (BylineExportDialog *self,
             const char         *text)
{
  g_auto(GStrv) lines = NULL;
  GString *markup = g_string_new (NULL);

  g_free (self->preview);
  self->preview = compact_summary (text);

  /* Section heads ("Left out by the filters:") in bold. */
  lines = g_strsplit (self->preview, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (lines[i], -1);
      gboolean head = lines[i][0] != ' ' && g_str_has_suffix (lines[i], ":");

      g_string_append_printf (markup, "%s%s%s%s", i > 0 ? "\n" : "",
                              head ? "<b>" : "", escaped, head ? "</b>" : "");
    }
  gtk_label_set_markup (self->preview_label, markup->str);
  g_string_free (markup, TRUE);
}

/**
 * byline_export_dialog_get_preview:
 *
 * Returns: the text of the preview: the export's summary, or why it
 *   would fail
 */
const char *
byline_export_dialog_get_preview (BylineExportDialog *self)
{
  g_return_val_if_fail (BYLINE_IS_EXPORT_DIALOG (self), NULL);

  return self->preview != NULL ? self->preview : "";
}

static void
on_preview_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  BylineExportDialog *self = BYLINE_EXPORT_DIALOG (object);
  BylineExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  /* A newer preview, or the dialog closing, cancelled this one. */
  if (g_task_get_cancellable (G_TASK (result)) != self->preview_cancellable)
    return;
  g_clear_object (&self->preview_cancellable);

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      set_preview (self, job->summary);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (_("The export would fail: %s"), error->message);

      set_preview (self, text);
    }
  _byline_export_dialog_update_busy (self);
}

static gboolean
run_preview_cb (gpointer user_data)
{
  BylineExportDialog *self = user_data;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  BylineExportJob *job;

  self->preview_source = 0;

  job = _byline_export_dialog_export_job_new (self, TRUE, &error);
  if (job == NULL)
    {
      set_preview (self, error->message);
      _byline_export_dialog_update_busy (self);
      return G_SOURCE_REMOVE;
    }

  self->preview_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->preview_cancellable, on_preview_done_cb, NULL);
  g_task_set_source_tag (task, run_preview_cb);
  g_task_set_task_data (task, job, (GDestroyNotify) byline_export_job_free);
  g_task_run_in_thread (task, byline_export_job_run);
  _byline_export_dialog_update_busy (self);
  return G_SOURCE_REMOVE;
}

void
_byline_export_dialog_cancel_preview (BylineExportDialog *self)
{
  g_clear_handle_id (&self->preview_source, g_source_remove);
  if (self->preview_cancellable != NULL)
    {
      g_cancellable_cancel (self->preview_cancellable);
      g_clear_object (&self->preview_cancellable);
    }
}

/* Settings change in bursts (a spin button held down): the dry run waits
 * for a short pause. */
void
_byline_export_dialog_schedule_preview (BylineExportDialog *self)
{
  if (self->export_cancellable != NULL)
    return;
  _byline_export_dialog_cancel_preview (self);
  self->preview_source = g_timeout_add (PREVIEW_DELAY_MS, run_preview_cb, self);
  g_source_set_name_by_id (self->preview_source, "[byline] export preview");
  _byline_export_dialog_update_busy (self);
}
