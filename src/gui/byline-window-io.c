/* byline-window-io.c: the window's files: the questions it asks, drag
 * and drop, recent files, following the document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parts of the window's input and output share BylineWindowIo
 * (byline-window-io-private.h): saving and asking before unsaved changes
 * are lost are in byline-window-save.c, recovery copies and the offer to
 * restore one in byline-window-recovery.c. This file holds the message
 * dialogs both ask with, drag and drop, the recent files of the start
 * page, and follows the document shown to keep the others up to date.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "byline-gui-private.h"
#include "byline-window-io-private.h"

#define MAX_RECENT_SETTING     10
#define MAX_RECENT_SHOWN       5

/* Message dialogs */

void
_byline_window_destroy_message_dialog (BylineWindow *self)
{
  AdwMessageDialog *dialog = g_steal_pointer (&self->io->dialog);

  self->io->dialog_kind = DIALOG_NONE;

  if (dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (dialog, self);

      /* A response button closes the dialog itself; the window going away
       * or a programmatic response do not. */
      if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
        {
          gtk_window_destroy (GTK_WINDOW (dialog));
        }

      g_object_unref (dialog);
    }
}

/**
 * byline_window_get_message_dialog:
 * @self: a #BylineWindow
 *
 * Returns: (transfer none) (nullable): the question the window is asking
 *   ("Save Changes?" or "Restore Unsaved Changes?"), if any
 */
AdwMessageDialog *
byline_window_get_message_dialog (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), NULL);

  return self->io->dialog;
}

char *
_byline_window_dup_display_name (BylineWindow *self)
{
  const char *title = NULL;

  if (self->file != NULL)
    {
      return g_file_get_basename (self->file);
    }

  if (self->document != NULL)
    {
      title = byline_document_get_meta_string (self->document, BYLINE_META_TITLE);
    }

  return g_strdup (title != NULL && title[0] != '\0' ? title : _("Untitled Article"));
}

AdwMessageDialog *
_byline_window_new_message_dialog (BylineWindow *self,
                                   DialogKind    kind,
                                   const char   *heading,
                                   const char   *body)
{
  AdwMessageDialog *dialog;

  g_assert (self->io->dialog == NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  self->io->dialog = g_object_ref_sink (dialog);
  self->io->dialog_kind = kind;

  return dialog;
}

/* Drag and drop */

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            BylineWindow  *self)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  GtkApplication *application;

  g_assert (BYLINE_IS_WINDOW (self));

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) && g_value_get_boxed (value) != NULL)
    {
      g_autoptr(GSList) list = gdk_file_list_get_files (g_value_get_boxed (value));

      for (const GSList *l = list; l != NULL; l = l->next)
        {
          g_ptr_array_add (files, g_object_ref (l->data));
        }
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE) && g_value_get_object (value) != NULL)
    {
      g_ptr_array_add (files, g_value_dup_object (value));
    }

  if (files->len == 0)
    {
      return FALSE;
    }

  byline_window_request_open (self, g_ptr_array_index (files, 0));

  /* The others each get a window, as on the command line. */
  application = gtk_window_get_application (GTK_WINDOW (self));

  if (files->len > 1 && application != NULL)
    {
      g_application_open (G_APPLICATION (application),
                          (GFile **) files->pdata + 1, files->len - 1, "");
    }

  return TRUE;
}

/* Recent files */

void
_byline_window_add_recent (BylineWindow *self,
                           GFile        *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *path = g_file_get_path (file);
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  g_assert (BYLINE_IS_WINDOW (self));
  g_assert (G_IS_FILE (file));

  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);

  if (self->settings == NULL || path == NULL)
    {
      return;
    }

  /* Newest first, each file once. */
  old = g_settings_get_strv (self->settings, "recent-files");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, path);

  for (guint i = 0; old[i] != NULL && n < MAX_RECENT_SETTING; i++)
    {
      if (!g_str_equal (old[i], path))
        {
          g_strv_builder_add (builder, old[i]);
          n++;
        }
    }

  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *) recent);
}

static GtkWidget *
byline_window_create_recent_row (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *folder = parent != NULL ? g_file_get_parse_name (parent) : NULL;
  g_autofree char *label = NULL;
  GtkWidget *row;

  row = adw_action_row_new ();
  /* File names are not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder != NULL ? folder : "");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), g_variant_new_string (path));
  byline_gui_set_tooltip_text (row, path);

  /* Translators: the accessible name of a recent file on the start page. */
  label = g_strdup_printf (_("Open %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, folder != NULL ? folder : "",
                                  -1);

  return row;
}

/* Files with a recovery copy left by a session that did not end cleanly
 * (a crash, a power cut): the start page offers them first, and opening
 * one offers to restore its unsaved changes. */
static GPtrArray *
byline_window_list_recoveries (void)
{
  g_autofree char *dir = _byline_window_dup_recovery_dir ();
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *info = NULL;
      g_autoptr(JsonParser) parser = NULL;
      JsonNode *root;
      const char *path;

      if (!g_str_has_suffix (name, ".info.json"))
        continue;
      info = g_build_filename (dir, name, NULL);
      parser = json_parser_new ();
      if (!json_parser_load_from_file (parser, info, NULL) ||
          (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
        continue;
      path = json_object_get_string_member_with_default (json_node_get_object (root), "path", NULL);
      if (path != NULL && g_path_is_absolute (path) && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (paths, g_strdup (path));
    }
  return paths;
}

static void
byline_window_update_recent (BylineWindow *self)
{
  g_auto(GStrv) recent = NULL;
  g_autoptr(GPtrArray) recoveries = byline_window_list_recoveries ();
  GtkWidget *child;
  guint shown = 0;

  g_assert (BYLINE_IS_WINDOW (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    {
      gtk_list_box_remove (self->recent_list, child);
    }

  for (guint i = 0; i < recoveries->len; i++)
    {
      GtkWidget *row = byline_window_create_recent_row (recoveries->pdata[i]);
      g_autofree char *name = g_path_get_basename (recoveries->pdata[i]);
      g_autofree char *label = NULL;

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Unsaved changes from a previous session"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("document-revert-symbolic"));
      /* Translators: the accessible name of a file with unsaved changes
       * left by a crash, on the start page. */
      label = g_strdup_printf (_("Recover unsaved changes to %s"), name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_list_box_append (self->recent_list, row);
      shown++;
    }

  if (self->settings != NULL)
    {
      recent = g_settings_get_strv (self->settings, "recent-files");

      for (guint i = 0; recent[i] != NULL && shown < MAX_RECENT_SHOWN; i++)
        {
          /* A file moved or deleted since is left out, not offered. */
          if (g_path_is_absolute (recent[i]) &&
              g_file_test (recent[i], G_FILE_TEST_IS_REGULAR) &&
              !g_ptr_array_find_with_equal_func (recoveries, recent[i], g_str_equal, NULL))
            {
              gtk_list_box_append (self->recent_list, byline_window_create_recent_row (recent[i]));
              shown++;
            }
        }
    }

  gtk_widget_set_visible (self->recent_box, shown > 0);
}

void
byline_window_open_recent_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  g_autoptr(GFile) file = NULL;

  file = g_file_new_for_path (g_variant_get_string (parameter, NULL));
  byline_window_request_open (self, file);
}

/* The document */

static void
on_document_edited_cb (BylineWindow *self)
{
  g_assert (BYLINE_IS_WINDOW (self));

  if (self->io->recovery_writer != NULL)
    {
      self->io->recovery_stale = TRUE;
    }

  if (_byline_window_has_unsaved_changes (self))
    {
      _byline_window_arm_autosave (self);
    }
}

static void
on_document_notify_modified_cb (BylineDocument *document,
                                GParamSpec     *pspec,
                                BylineWindow   *self)
{
  g_assert (BYLINE_IS_DOCUMENT (document));
  g_assert (BYLINE_IS_WINDOW (self));

  byline_window_update_title_after_frame (self);

  if (byline_document_get_modified (document))
    {
      _byline_window_arm_autosave (self);
    }
  else
    {
      /* Saved, or undone back to the saved state: nothing to recover. */
      g_clear_handle_id (&self->io->autosave_id, g_source_remove);

      if (self->io->owned_key != NULL)
        {
          _byline_window_delete_recovery (self);
        }
    }
}

static void
byline_window_disconnect_document (BylineWindow *self)
{
  BylineDocument *document = g_steal_pointer (&self->io->document);

  if (document != NULL)
    {
      g_signal_handlers_disconnect_by_data (document, self);
      g_object_unref (document);
    }
}

/**
 * byline_window_io_update_actions:
 * @self: a #BylineWindow
 *
 * Enables Save and Save As when there is a document.
 */
void
byline_window_io_update_actions (BylineWindow *self)
{
  gboolean has_document;

  g_return_if_fail (BYLINE_IS_WINDOW (self));

  has_document = self->document != NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_document);
}

/* Called by byline_window_set_document () whenever another document is
 * shown: loaded, restored, or gone. */
void
byline_window_io_document_changed (BylineWindow *self)
{
  static const char *edits[] = {
    "annotation-added", "annotation-removed", "annotation-changed",
    "relation-added", "relation-removed", "relation-changed",
    "meta-changed", "attribute-changed",
  };

  g_return_if_fail (BYLINE_IS_WINDOW (self));

  byline_window_io_update_actions (self);

  if (self->io->document == self->document)
    {
      return;
    }

  /* The copy of the previous document stays if it still had unsaved
   * changes (only a load without asking gets here that way), and so does
   * the untitled key's claim on it. */
  byline_window_disconnect_document (self);
  g_clear_handle_id (&self->io->autosave_id, g_source_remove);
  _byline_window_cancel_recovery (self);
  if (self->io->recovery_cancellable != NULL)
    g_cancellable_cancel (self->io->recovery_cancellable);
  if (!self->io->restoring)
    {
      g_clear_pointer (&self->io->owned_key, g_free);
      g_clear_pointer (&self->io->untitled_key, g_free);
    }
  self->io->recovery_error_shown = FALSE;

  if (self->io->dialog_kind == DIALOG_RECOVERY)
    {
      _byline_window_destroy_message_dialog (self);
    }

  if (self->document == NULL)
    {
      return;
    }

  self->io->document = g_object_ref (self->document);

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_signal_connect_swapped (self->document, edits[i], G_CALLBACK (on_document_edited_cb), self);
    }

  g_signal_connect (self->document, "notify::modified",
                    G_CALLBACK (on_document_notify_modified_cb), self);

  if (!self->io->restoring)
    {
      _byline_window_check_recovery (self);
    }
}

/* GtkFileChooserNative holds a reference on its transient parent, so it
 * goes when the window is destroyed, not when it is finalized. */
static void
on_unrealize_cb (BylineWindow *self)
{
  _byline_window_close_save_dialog (self);
}

void
byline_window_io_init (BylineWindow *self)
{
  GType drop_types[2];
  GtkDropTarget *drop_target;

  g_assert (BYLINE_IS_WINDOW (self));
  g_assert (self->io == NULL);

  self->io = g_new0 (BylineWindowIo, 1);

  g_signal_connect (self, "close-request", G_CALLBACK (_byline_window_close_request_cb), self);
  g_signal_connect (self, "unrealize", G_CALLBACK (on_unrealize_cb), NULL);

  /* File managers offer a list; some sources offer a single file. */
  drop_types[0] = GDK_TYPE_FILE_LIST;
  drop_types[1] = G_TYPE_FILE;
  drop_target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop_target, drop_types, G_N_ELEMENTS (drop_types));
  g_signal_connect (drop_target, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  if (self->settings != NULL)
    {
      self->io->recent_changed_id =
        g_signal_connect_swapped (self->settings, "changed::recent-files",
                                  G_CALLBACK (byline_window_update_recent), self);
    }

  byline_window_update_recent (self);
  byline_window_io_update_actions (self);
}

void
byline_window_io_dispose (BylineWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_assert (BYLINE_IS_WINDOW (self));

  if (self->io == NULL)
    {
      return;
    }

  g_clear_handle_id (&self->io->autosave_id, g_source_remove);
  _byline_window_cancel_recovery (self);
  if (self->io->recovery_cancellable != NULL)
    g_cancellable_cancel (self->io->recovery_cancellable);
  g_clear_object (&self->io->recovery_cancellable);

  /* Going away with unsaved changes the user did not discard (the
   * session ended, or the window was destroyed without asking): keep them
   * where the next start finds them. */
  if (!self->io->close_confirmed && _byline_window_has_unsaved_changes (self) &&
      _byline_window_get_autosave_interval (self) > 0 &&
      !byline_window_write_recovery (self, &error))
    {
      g_debug ("Recovery copy not written: %s", error->message);
    }

  byline_window_disconnect_document (self);
  _byline_window_destroy_message_dialog (self);
  _byline_window_close_save_dialog (self);
  _byline_window_clear_pending (self);

  if (self->io->recent_changed_id != 0 && self->settings != NULL)
    {
      g_clear_signal_handler (&self->io->recent_changed_id, self->settings);
    }

  g_free (self->io->untitled_key);
  g_free (self->io->owned_key);
  g_clear_pointer (&self->io, g_free);
}
