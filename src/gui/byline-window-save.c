/* byline-window-save.c: Save, Save As, and asking before unsaved changes
 * are lost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Save writes the document's .byline.json atomically; a document opened
 * from an article (.txt, .html, .json, .jsonl) is never overwritten with
 * JSON, so its first Save is a Save As that suggests NAME.byline.json.
 *
 * Opening another file (byline_window_request_open ()) and closing the
 * window ask first while there are unsaved changes; once the user has
 * answered, the changes are saved or discarded and the open or close goes
 * on.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "byline-native.h"
#include "byline-window-io-private.h"

static void byline_window_run_pending   (BylineWindow *self);
static void byline_window_show_save_as  (BylineWindow *self);

/* Saving */

static gboolean
byline_window_file_is_native (GFile *file)
{
  g_autofree char *basename = NULL;

  if (file == NULL)
    {
      return FALSE;
    }

  basename = g_file_get_basename (file);

  return basename != NULL && g_str_has_suffix (basename, NATIVE_SUFFIX);
}

/**
 * byline_window_save_to_file:
 * @self: a #BylineWindow
 * @file: a .byline.json file
 * @error: where to put the reason the document could not be saved
 *
 * Saves the document shown to @file atomically (keeping the previous
 * version as NAME.byline.json~), makes @file the document's file, and
 * removes the recovery copy. What Save and Save As do once they have a
 * file.
 *
 * Returns: %TRUE on success; on failure @file is untouched
 */
gboolean
byline_window_save_to_file (BylineWindow  *self,
                            GFile         *file,
                            GError       **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (BYLINE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->document == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("There is no document to save"));
      return FALSE;
    }

  path = g_file_get_path (file);

  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cannot save to “%s”: only local files can be written"), name);
      return FALSE;
    }

  /* Saving the whole document is one pass over it and one write; even a
   * large one takes a fraction of a second, and doing it here means no
   * edit can slip in between the write and marking the document saved. */
  if (!byline_native_save (self->document, path, error))
    {
      return FALSE;
    }

  /* The copy of the old name (and of this one, if a previous session
   * left one) is stale now that the file holds the work. */
  g_clear_handle_id (&self->io->autosave_id, g_source_remove);
  _byline_window_delete_recovery (self);
  byline_window_set_file (self, file);
  _byline_window_delete_recovery (self);

  _byline_window_add_recent (self, file);
  byline_window_update_title (self);

  return TRUE;
}

static void
byline_window_save_or_toast (BylineWindow *self,
                             GFile        *file)
{
  g_autoptr(GError) error = NULL;

  if (byline_window_save_to_file (self, file, &error))
    {
      byline_window_run_pending (self);
    }
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("Could not save “%s”: %s"), name, error->message);
      byline_window_add_error_toast (self, message);
      _byline_window_clear_pending (self);
    }
}

/* NAME.txt (or .html, .json, .jsonl) -> NAME.byline.json */
static char *
byline_window_dup_suggested_name (BylineWindow *self)
{
  g_autofree char *basename = NULL;
  char *dot;

  if (self->file == NULL)
    {
      const char *title = NULL;

      if (self->document != NULL)
        {
          title = byline_document_get_meta_string (self->document, BYLINE_META_TITLE);
        }

      if (title == NULL || title[0] == '\0' || strchr (title, G_DIR_SEPARATOR) != NULL)
        {
          /* Translators: the file name Save As suggests for a document
           * without a title; keep the extension. */
          title = _("Untitled.byline.json");
          return g_strdup (title);
        }

      return g_strconcat (title, NATIVE_SUFFIX, NULL);
    }

  basename = g_file_get_basename (self->file);

  if (g_str_has_suffix (basename, NATIVE_SUFFIX))
    {
      return g_steal_pointer (&basename);
    }

  dot = strrchr (basename, '.');

  if (dot != NULL && dot != basename)
    {
      *dot = '\0';
    }

  return g_strconcat (basename, NATIVE_SUFFIX, NULL);
}

/* foo -> foo.byline.json, foo.json -> foo.byline.json */
static GFile *
byline_window_ensure_native_suffix (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = NULL;
  g_autoptr(GFile) parent = NULL;

  if (basename == NULL || g_str_has_suffix (basename, NATIVE_SUFFIX))
    {
      return g_object_ref (file);
    }

  if (g_str_has_suffix (basename, ".json"))
    {
      basename[strlen (basename) - strlen (".json")] = '\0';
    }

  name = g_strconcat (basename, NATIVE_SUFFIX, NULL);
  parent = g_file_get_parent (file);

  return g_file_get_child (parent, name);
}

void
_byline_window_close_save_dialog (BylineWindow *self)
{
  byline_gui_close_native_dialog (&self->io->save_dialog, self);
}

static void
on_save_dialog_response_cb (GtkNativeDialog *dialog,
                            int              response,
                            BylineWindow    *self)
{
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;

  g_assert (GTK_IS_NATIVE_DIALOG (dialog));
  g_assert (BYLINE_IS_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
    }

  _byline_window_close_save_dialog (self);

  if (chosen == NULL)
    {
      _byline_window_clear_pending (self);
      return;
    }

  file = byline_window_ensure_native_suffix (chosen);
  byline_window_save_or_toast (self, file);
}

static void
byline_window_show_save_as (BylineWindow *self)
{
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *native;

  g_assert (BYLINE_IS_WINDOW (self));

  if (self->io->save_dialog != NULL)
    {
      gtk_native_dialog_show (self->io->save_dialog);
      return;
    }

  /* GtkFileDialog is GTK 4.10. */
  native = gtk_file_chooser_native_new (_("Save Annotations"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Byline Files"));
  gtk_file_filter_add_suffix (filter, "byline.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  /* Beside the article: the annotations travel with it. */
  if (self->file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);

      if (folder != NULL)
        {
          gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
        }
    }

  suggested = byline_window_dup_suggested_name (self);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested);

  g_signal_connect (native, "response", G_CALLBACK (on_save_dialog_response_cb), self);
  self->io->save_dialog = GTK_NATIVE_DIALOG (native);
  gtk_native_dialog_show (self->io->save_dialog);
}

/* Save where the document came from when that is a Byline file; an
 * article is never overwritten with JSON, so it goes through Save As. */
static void
byline_window_save (BylineWindow *self)
{
  g_assert (BYLINE_IS_WINDOW (self));

  if (self->document == NULL)
    {
      _byline_window_clear_pending (self);
      return;
    }

  if (byline_window_file_is_native (self->file))
    {
      byline_window_save_or_toast (self, self->file);
    }
  else
    {
      byline_window_show_save_as (self);
    }
}

void
byline_window_save_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  byline_window_save (BYLINE_WINDOW (widget));
}

void
byline_window_save_as_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);

  if (self->document != NULL)
    {
      byline_window_show_save_as (self);
    }
}

/* Asking before unsaved changes are lost */

void
_byline_window_clear_pending (BylineWindow *self)
{
  self->io->pending = PENDING_NONE;
  g_clear_object (&self->io->pending_file);
}

static void
on_open_load_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  BylineWindow *self = BYLINE_WINDOW (object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;

  if (byline_window_load_finish (self, result, &error))
    {
      _byline_window_add_recent (self, file);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      byline_window_add_error_toast (self, error->message);
    }
}

static void
byline_window_load (BylineWindow *self,
                    GFile        *file)
{
  byline_window_load_async (self, file, NULL, on_open_load_cb, g_object_ref (file));
}

static void
byline_window_run_pending (BylineWindow *self)
{
  g_autoptr(GFile) file = g_steal_pointer (&self->io->pending_file);
  PendingKind pending = self->io->pending;

  self->io->pending = PENDING_NONE;

  switch (pending)
    {
    case PENDING_CLOSE:
      self->io->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      break;

    case PENDING_OPEN:
      byline_window_load (self, file);
      break;

    case PENDING_NONE:
    default:
      break;
    }
}

static void
on_confirm_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        BylineWindow     *self)
{
  g_assert (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert (BYLINE_IS_WINDOW (self));

  _byline_window_destroy_message_dialog (self);

  if (g_str_equal (response, "save"))
    {
      byline_window_save (self);
    }
  else if (g_str_equal (response, "discard"))
    {
      byline_window_discard_recovery (self);
      byline_window_run_pending (self);
    }
  else
    {
      _byline_window_clear_pending (self);
    }
}

static void
byline_window_confirm (BylineWindow *self,
                       PendingKind   pending,
                       GFile        *file)
{
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  g_assert (BYLINE_IS_WINDOW (self));

  /* One question at a time: a second close or drop shows the first. */
  if (self->io->dialog != NULL && self->io->dialog_kind == DIALOG_CONFIRM)
    {
      gtk_window_present (GTK_WINDOW (self->io->dialog));
      return;
    }

  /* A newer question replaces the offer to restore a copy; the copy stays
   * on disk and is offered again the next time the file is opened. */
  _byline_window_destroy_message_dialog (self);

  _byline_window_clear_pending (self);
  self->io->pending = pending;
  g_set_object (&self->io->pending_file, file);

  name = _byline_window_dup_display_name (self);
  body = g_strdup_printf (_("“%s” has unsaved changes. Changes which are not saved will be permanently lost."),
                          name);
  dialog = _byline_window_new_message_dialog (self, DIALOG_CONFIRM, _("Save Changes?"), body);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", byline_window_file_is_native (self->file) ? _("_Save") : _("_Save As…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_confirm_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
_byline_window_has_unsaved_changes (BylineWindow *self)
{
  return self->document != NULL && byline_document_get_modified (self->document);
}

/**
 * byline_window_request_open:
 * @self: a #BylineWindow
 * @file: the file to open
 *
 * Opens @file in this window, asking first when the document shown has
 * unsaved changes. Open, drag and drop and the recent files come here.
 */
void
byline_window_request_open (BylineWindow *self,
                            GFile        *file)
{
  g_return_if_fail (BYLINE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (_byline_window_has_unsaved_changes (self))
    {
      byline_window_confirm (self, PENDING_OPEN, file);
    }
  else
    {
      byline_window_load (self, file);
    }
}

gboolean
_byline_window_close_request_cb (GtkWindow    *window,
                                 BylineWindow *self)
{
  g_assert (BYLINE_IS_WINDOW (self));

  if (self->io->close_confirmed)
    {
      return GDK_EVENT_PROPAGATE;
    }

  if (_byline_window_has_unsaved_changes (self))
    {
      byline_window_confirm (self, PENDING_CLOSE, NULL);
      return GDK_EVENT_STOP;
    }

  /* A clean close: whatever copy this window wrote is stale. */
  if (self->io->owned_key != NULL)
    {
      _byline_window_delete_recovery (self);
    }

  return GDK_EVENT_PROPAGATE;
}
