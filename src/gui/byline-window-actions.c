/* byline-window-actions.c: the win.* actions of BylineWindow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "byline-export-dialog.h"
#include "byline-import-dialog.h"
#include "byline-window-private.h"

/* The file types Open offers, after the extensions the core reads. */
static const struct
{
  const char *name;
  const char *suffixes[4];
} open_filters[] = {
  { N_("Byline Files"), { "byline.json", NULL } },
  { N_("Plain Text"), { "txt", NULL } },
  { N_("HTML"), { "html", "htm", NULL } },
  { N_("JSON and JSON Lines"), { "json", "jsonl", NULL } },
};

static void
on_open_dialog_response_cb (GtkNativeDialog *dialog,
                            int              response,
                            BylineWindow    *self)
{
  g_autoptr(GFile) file = NULL;

  g_assert (GTK_IS_NATIVE_DIALOG (dialog));
  g_assert (BYLINE_IS_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
    }

  g_clear_object (&self->open_dialog);

  if (file != NULL)
    {
      byline_window_open (self, file);
    }
}

static void
byline_window_open_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  g_autoptr(GtkFileFilter) all_articles = NULL;
  g_autoptr(GtkFileFilter) all_files = NULL;
  GtkFileChooserNative *native;

  if (self->open_dialog != NULL)
    {
      gtk_native_dialog_show (self->open_dialog);
      return;
    }

  /* GtkFileDialog is GTK 4.10; GtkFileChooserNative uses the portal inside
   * a sandbox and GTK's own dialog elsewhere. */
  native = gtk_file_chooser_native_new (_("Open Article"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  all_articles = gtk_file_filter_new ();
  gtk_file_filter_set_name (all_articles, _("All Articles"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all_articles);

  for (guint i = 0; i < G_N_ELEMENTS (open_filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(open_filters[i].name));

      for (guint j = 0; open_filters[i].suffixes[j] != NULL; j++)
        {
          gtk_file_filter_add_suffix (filter, open_filters[i].suffixes[j]);
          gtk_file_filter_add_suffix (all_articles, open_filters[i].suffixes[j]);
        }

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    }

  all_files = gtk_file_filter_new ();
  gtk_file_filter_set_name (all_files, _("All Files"));
  gtk_file_filter_add_pattern (all_files, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all_files);

  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), all_articles);

  if (self->file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);

      if (folder != NULL)
        {
          gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
        }
    }

  g_signal_connect (native, "response", G_CALLBACK (on_open_dialog_response_cb), self);
  self->open_dialog = GTK_NATIVE_DIALOG (native);
  gtk_native_dialog_show (self->open_dialog);
}

void
byline_window_close_open_dialog (BylineWindow *self)
{
  g_assert (BYLINE_IS_WINDOW (self));

  byline_gui_close_native_dialog (&self->open_dialog, self);
}

/* The dialog of @type this window shows, if any. */
static GtkWindow *
byline_window_find_dialog (BylineWindow *self,
                           GType         type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_window_get_transient_for (window) == GTK_WINDOW (self))
        {
          return window;
        }
    }

  return NULL;
}

static void
byline_window_export_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  GtkWindow *dialog = byline_window_find_dialog (self, BYLINE_TYPE_EXPORT_DIALOG);

  if (dialog == NULL && self->document == NULL)
    {
      byline_window_add_error_toast (self, _("Open an article first: Export writes it, or every article in its folder"));
      return;
    }

  if (dialog == NULL)
    {
      dialog = GTK_WINDOW (byline_export_dialog_new (self));
    }

  gtk_window_present (dialog);
}

static void
byline_window_import_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  GtkWindow *dialog = byline_window_find_dialog (self, BYLINE_TYPE_IMPORT_DIALOG);

  if (dialog == NULL)
    {
      dialog = GTK_WINDOW (byline_import_dialog_new (self));
    }

  gtk_window_present (dialog);
}

/* Installs every win.* action; their accelerators are set with the
 * others in byline-application.c. */
void
byline_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, byline_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", byline_window_open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, byline_window_save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, byline_window_save_as_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, byline_window_import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, byline_window_export_action);
}
