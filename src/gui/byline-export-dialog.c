/* byline-export-dialog.c: the Export dialog of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exports the article shown (with its unsaved edits) or every article in
 * its folder, through the same BylineExport as `byline-cli convert`. Each
 * change of a setting runs the export as a dry run into a temporary
 * directory, so the preview shows exactly what Export will write, leave
 * out and lose; the directory is removed again at once.
 *
 * The window's document is never handed to the export: the export
 * filters documents in place, so it gets a copy, made from the document's
 * native JSON taken on the main thread. Everything else (reading the
 * corpus, filtering, writing: byline-export-job.c) runs in a GTask thread
 * with a cancellable that closing the dialog cancels; an export cancelled
 * half-way leaves no output, because the writers only move their files
 * into place at the end.
 *
 * The dialog's files share the instance struct
 * (byline-export-dialog-private.h): reading the settings, the
 * destination and reacting to a change of a setting are in
 * byline-export-dialog-settings.c, the preview in
 * byline-export-dialog-preview.c. This file holds the busy state, the
 * export itself and building the dialog.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "byline-error.h"
#include "byline-export.h"
#include "byline-export-dialog-private.h"
#include "byline-export-job.h"
#include "byline-format-row.h"
#include "byline-schema.h"
#include "byline-window-private.h"

G_DEFINE_FINAL_TYPE (BylineExportDialog, byline_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- Busy state ------------------------------------------------------- */

/**
 * byline_export_dialog_get_busy:
 *
 * Returns: whether a preview is due or running, or an export is running
 */
gboolean
byline_export_dialog_get_busy (BylineExportDialog *self)
{
  g_return_val_if_fail (BYLINE_IS_EXPORT_DIALOG (self), FALSE);

  return self->preview_source != 0 || self->preview_cancellable != NULL ||
         self->export_cancellable != NULL;
}

void
_byline_export_dialog_update_busy (BylineExportDialog *self)
{
  gboolean busy = byline_export_dialog_get_busy (self);
  gboolean exporting = self->export_cancellable != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->page), !exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.run", !exporting);
  if (self->preview_cancellable != NULL || self->preview_source != 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->preview_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->preview_label), "dim-label");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* ---- Export ----------------------------------------------------------- */

static void
on_export_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  BylineExportDialog *self = BYLINE_EXPORT_DIALOG (object);
  BylineExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;

  if (g_task_get_cancellable (G_TASK (result)) != self->export_cancellable)
    return;
  g_clear_object (&self->export_cancellable);
  _byline_export_dialog_update_busy (self);

  name = g_path_get_basename (job->output);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      AdwToast *toast;

      message = g_strdup_printf (_("Could not export to “%s”: %s"), name, error->message);
      /* A toast's title is markup. */
      escaped = g_markup_escape_text (message, -1);
      toast = adw_toast_new (escaped);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      _byline_export_dialog_schedule_preview (self);
      return;
    }

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Exported %u document to “%s”",
                                          "Exported %u documents to “%s”",
                                          job->n_documents),
                             job->n_documents, name);
  escaped = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (self->window->toast_overlay, adw_toast_new (escaped));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
export_run_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BylineExportDialog *self = BYLINE_EXPORT_DIALOG (widget);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  GFile *file = byline_window_get_file (self->window);
  BylineExportJob *job;

  if (self->export_cancellable != NULL)
    return;

  job = _byline_export_dialog_export_job_new (self, FALSE, &error);
  if (job != NULL && file != NULL && g_strcmp0 (job->output, g_file_peek_path (file)) == 0)
    {
      g_set_error_literal (&error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                           _("That is the article’s own file: choose another name"));
      g_clear_pointer (&job, byline_export_job_free);
    }
  if (job == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);
      AdwToast *toast = adw_toast_new (escaped);

      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return;
    }

  _byline_export_dialog_cancel_preview (self);
  self->export_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->export_cancellable, on_export_done_cb, NULL);
  g_task_set_source_tag (task, export_run_action);
  g_task_set_task_data (task, job, (GDestroyNotify) byline_export_job_free);
  g_task_run_in_thread (task, byline_export_job_run);
  _byline_export_dialog_update_busy (self);
}

/* ---- Building --------------------------------------------------------- */

static void
add_layer_rows (BylineExportDialog *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  guint n = byline_schema_get_n_layers (self->schema);

  for (guint i = 0; i < n; i++)
    {
      const BylineLayer *layer = byline_schema_get_layer (self->schema, i);
      const char *title = layer->title != NULL ? layer->title : layer->name;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_swapped (check, "notify::active", G_CALLBACK (_byline_export_dialog_on_setting_changed_cb), self);
      adw_expander_row_add_row (self->layers_row, row);

      g_ptr_array_add (self->layer_names, g_strdup (layer->name));
      g_ptr_array_add (self->layer_checks, check);
      gtk_string_list_append (titles, title);
    }
  adw_combo_row_set_model (self->tag_layer_row, G_LIST_MODEL (titles));
}

static GtkWidget *
find_switch (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = GTK_IS_SWITCH (c) ? c : find_switch (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
build_scope (BylineExportDialog *self)
{
  g_autoptr(GtkStringList) scopes = gtk_string_list_new (NULL);
  GFile *file = byline_window_get_file (self->window);
  g_autofree char *current = file != NULL ? g_file_get_path (file) : NULL;

  gtk_string_list_append (scopes, _("This Article"));
  if (current != NULL)
    {
      self->folder = g_file_get_parent (file);
      if (self->folder != NULL)
        self->corpus = byline_export_list_corpus (self->folder, current);
    }
  if (self->corpus != NULL && self->corpus->len > 0)
    {
      g_autofree char *item = NULL;

      /* Translators: the second choice of what to export: every article
       * in the folder of the one shown (the row's subtitle names it). */
      item = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "All %u Article",
                                           "All %u Articles",
                                           self->corpus->len),
                              self->corpus->len);
      gtk_string_list_append (scopes, item);
    }
  else
    {
      g_clear_pointer (&self->corpus, g_ptr_array_unref);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->scope_row), FALSE);
  adw_combo_row_set_model (self->scope_row, G_LIST_MODEL (scopes));
  gtk_widget_set_sensitive (GTK_WIDGET (self->scope_row), self->corpus != NULL);
  if (self->folder != NULL)
    {
      g_autofree char *where = g_file_get_parse_name (self->folder);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->scope_row), where);
    }
}

static void
build_formats (BylineExportDialog *self)
{
  const BylineFormat * const *formats = byline_formats_list ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  /* Only what can be written now: formats appear as their writers land. */
  for (guint i = 0; formats[i] != NULL; i++)
    {
      if (byline_format_can_write (formats[i]))
        gtk_string_list_append (names, formats[i]->name);
    }
  byline_format_row_setup (self->format_row, names);
  byline_format_row_select (self->format_row, "jsonl");
}

static void
build_destination (BylineExportDialog *self)
{
  BylineDocument *document = byline_window_get_document (self->window);
  GFile *file = byline_window_get_file (self->window);
  const char *id = document != NULL ? byline_document_get_id (document) : NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->destination_row), FALSE);
  if (file == NULL || self->folder == NULL)
    {
      const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

      self->dest_folder = g_file_new_for_path (documents != NULL ? documents : g_get_home_dir ());
      /* An id is not a path. */
      self->dest_stem = g_strdup (id != NULL && *id != '\0' && strchr (id, G_DIR_SEPARATOR) == NULL
                                  && id[0] != '.' ? id : _("article"));
    }
}

BylineExportDialog *
byline_export_dialog_new (BylineWindow *window)
{
  BylineExportDialog *self;

  g_return_val_if_fail (BYLINE_IS_WINDOW (window), NULL);

  self = g_object_new (BYLINE_TYPE_EXPORT_DIALOG,
                       "transient-for", window,
                       NULL);
  self->window = g_object_ref (window);
  /* byline_schema_get_default () gives a reference of its own. */
  self->schema = window->schema != NULL ? g_object_ref (window->schema) : byline_schema_get_default ();

  add_layer_rows (self);
  build_scope (self);
  build_destination (self);
  build_formats (self);
  _byline_export_dialog_on_scope_changed_cb (self);
  _byline_export_dialog_on_format_changed_cb (self);

  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (_byline_export_dialog_on_format_changed_cb), self);
  g_signal_connect_swapped (self->scope_row, "notify::selected", G_CALLBACK (_byline_export_dialog_on_scope_changed_cb), self);
  g_signal_connect_swapped (self->tag_layer_row, "notify::selected", G_CALLBACK (_byline_export_dialog_on_setting_changed_cb), self);
  g_signal_connect_swapped (self->scheme_row, "notify::selected", G_CALLBACK (_byline_export_dialog_on_setting_changed_cb), self);
  g_signal_connect_swapped (self->split_row, "notify::enable-expansion", G_CALLBACK (_byline_export_dialog_on_setting_changed_cb), self);
  g_signal_connect_swapped (self->train_spin, "value-changed", G_CALLBACK (_byline_export_dialog_on_setting_changed_cb), self);
  g_signal_connect_swapped (self->dev_spin, "value-changed", G_CALLBACK (_byline_export_dialog_on_setting_changed_cb), self);
  g_signal_connect_swapped (self->test_spin, "value-changed", G_CALLBACK (_byline_export_dialog_on_setting_changed_cb), self);
  g_signal_connect_swapped (self->seed_spin, "value-changed", G_CALLBACK (_byline_export_dialog_on_setting_changed_cb), self);
  g_signal_connect_swapped (self->manual_check, "notify::active", G_CALLBACK (_byline_export_dialog_on_setting_changed_cb), self);
  g_signal_connect_swapped (self->accepted_check, "notify::active", G_CALLBACK (_byline_export_dialog_on_setting_changed_cb), self);
  g_signal_connect_swapped (self->suggested_check, "notify::active", G_CALLBACK (_byline_export_dialog_on_setting_changed_cb), self);
  g_signal_connect_swapped (self->rejected_check, "notify::active", G_CALLBACK (_byline_export_dialog_on_setting_changed_cb), self);
  g_signal_connect_swapped (self->choose_button, "clicked", G_CALLBACK (_byline_export_dialog_on_choose_button_clicked_cb), self);

  /* libadwaita 1.2 leaves the expander row's switch without a name. */
  {
    GtkWidget *enable = find_switch (GTK_WIDGET (self->split_row));

    if (enable != NULL)
      gtk_accessible_update_property (GTK_ACCESSIBLE (enable), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Split into train, dev and test"), -1);
  }

  /* ctrl+e, Enter exports with the defaults; Enter anywhere that does
   * not take it itself exports too. */
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->export_button));
  gtk_widget_grab_focus (GTK_WIDGET (self->export_button));

  return self;
}

static void
byline_export_dialog_dispose (GObject *object)
{
  BylineExportDialog *self = BYLINE_EXPORT_DIALOG (object);

  /* Closing cancels: the worker stops at the next document and the
   * unfinished export leaves nothing behind. */
  _byline_export_dialog_cancel_preview (self);
  if (self->export_cancellable != NULL)
    {
      g_cancellable_cancel (self->export_cancellable);
      g_clear_object (&self->export_cancellable);
    }
  _byline_export_dialog_close_chooser (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_EXPORT_DIALOG);

  g_clear_object (&self->window);
  g_clear_object (&self->schema);
  g_clear_object (&self->folder);
  g_clear_object (&self->dest_folder);
  g_clear_pointer (&self->corpus, g_ptr_array_unref);

  G_OBJECT_CLASS (byline_export_dialog_parent_class)->dispose (object);
}

static void
byline_export_dialog_finalize (GObject *object)
{
  BylineExportDialog *self = BYLINE_EXPORT_DIALOG (object);

  g_ptr_array_unref (self->layer_names);
  g_ptr_array_unref (self->layer_checks);
  g_free (self->dest_stem);
  g_free (self->dest_ext);
  g_free (self->preview);

  G_OBJECT_CLASS (byline_export_dialog_parent_class)->finalize (object);
}

/* The file chooser holds a reference on its transient parent. */
static void
byline_export_dialog_unrealize (GtkWidget *widget)
{
  _byline_export_dialog_close_chooser (BYLINE_EXPORT_DIALOG (widget));

  GTK_WIDGET_CLASS (byline_export_dialog_parent_class)->unrealize (widget);
}

static void
byline_export_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  BylineExportDialog *self = BYLINE_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, byline_export_dialog_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_export_dialog_class_init (BylineExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_export_dialog_dispose;
  object_class->finalize = byline_export_dialog_finalize;
  object_class->get_property = byline_export_dialog_get_property;
  widget_class->unrealize = byline_export_dialog_unrealize;

  /**
   * BylineExportDialog:busy:
   *
   * Whether a preview is due or running, or an export is running.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/byline/Byline/byline-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BylineExportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BylineExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, BylineExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, BylineExportDialog, page);
  gtk_widget_class_bind_template_child (widget_class, BylineExportDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, BylineExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, BylineExportDialog, tag_layer_row);
  gtk_widget_class_bind_template_child (widget_class, BylineExportDialog, scheme_row);
  gtk_widget_class_bind_template_child (widget_class, BylineExportDialog, layers_row);
  gtk_widget_class_bind_template_child (widget_class, BylineExportDialog, statuses_row);
  gtk_widget_class_bind_template_child (widget_class, BylineExportDialog, manual_check);
  gtk_widget_class_bind_template_child (widget_class, BylineExportDialog, accepted_check);
  gtk_widget_class_bind_template_child (widget_class, BylineExportDialog, suggested_check);
  gtk_widget_class_bind_template_child (widget_class, BylineExportDialog, rejected_check);
  gtk_widget_class_bind_template_child (widget_class, BylineExportDialog, split_row);
  gtk_widget_class_bind_template_child (widget_class, BylineExportDialog, train_spin);
  gtk_widget_class_bind_template_child (widget_class, BylineExportDialog, dev_spin);
  gtk_widget_class_bind_template_child (widget_class, BylineExportDialog, test_spin);
  gtk_widget_class_bind_template_child (widget_class, BylineExportDialog, seed_spin);
  gtk_widget_class_bind_template_child (widget_class, BylineExportDialog, destination_row);
  gtk_widget_class_bind_template_child (widget_class, BylineExportDialog, choose_button);
  gtk_widget_class_bind_template_child (widget_class, BylineExportDialog, preview_label);

  gtk_widget_class_install_action (widget_class, "export.run", NULL, export_run_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
byline_export_dialog_init (BylineExportDialog *self)
{
  self->layer_names = g_ptr_array_new_with_free_func (g_free);
  self->layer_checks = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}
