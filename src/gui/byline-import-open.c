/* byline-import-open.c: what an import leaves in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The toast that says what came of an import, with a button that lists
 * what the reader found doubtful, and the file's first document opened
 * as a new, unsaved article after the "Save Changes?" question Open asks.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "byline-import-dialog-private.h"
#include "byline-problems.h"
#include "byline-window-private.h"

#define NATIVE_SUFFIX        ".byline.json"
#define MAX_WARNINGS_SHOWN   100

/* ---- Toasts ----------------------------------------------------------- */

static void
on_warnings_toast_clicked_cb (AdwToast *toast,
                              gpointer  user_data)
{
  const char *text = g_object_get_data (G_OBJECT (toast), "byline-warnings");
  const char *heading = g_object_get_data (G_OBJECT (toast), "byline-heading");
  GtkWindow *window = GTK_WINDOW (user_data);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (window, heading,
                                   _("Byline kept everything the file holds, but these parts look doubtful."));

  /* A hundred warnings scroll, and can be copied. */
  byline_gui_message_dialog_add_text (ADW_MESSAGE_DIALOG (dialog), text, 320);
  byline_gui_message_dialog_add_close (ADW_MESSAGE_DIALOG (dialog));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The reader's warnings, one a line, for the dialog that lists them. */
char *
_byline_import_dup_warnings_text (BylineProblems *warnings)
{
  guint n = byline_problems_get_n (warnings);
  GString *text;

  if (n == 0)
    return NULL;
  text = g_string_new (NULL);
  for (guint i = 0; i < n && i < MAX_WARNINGS_SHOWN; i++)
    {
      g_autofree char *line = byline_problem_to_string (byline_problems_get (warnings, i));

      g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", line);
    }
  if (n > MAX_WARNINGS_SHOWN)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "…and %u more", "…and %u more",
                                                 n - MAX_WARNINGS_SHOWN),
                              n - MAX_WARNINGS_SHOWN);
    }
  return g_string_free (text, FALSE);
}

/* What came of an import, in one toast: "Imported 24 annotations — 3
 * warnings", with a button that lists the warnings. */
void
_byline_import_add_result_toast (BylineWindow *window,
                                 const char   *message,
                                 const char   *name,
                                 const char   *warnings,
                                 guint         n_warnings)
{
  g_autofree char *counted = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (message == NULL && n_warnings == 0)
    return;

  if (n_warnings > 0)
    counted = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", n_warnings),
                               n_warnings);
  if (message != NULL && counted != NULL)
    /* Translators: what an import did, then how many warnings it gave. */
    title = g_strdup_printf (_("%s — %s"), message, counted);
  else
    title = g_strdup (message != NULL ? message : counted);

  /* A toast's title is Pango markup; a file name may hold a '&'. */
  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  if (n_warnings > 0)
    {
      adw_toast_set_button_label (toast, _("_Show Warnings"));
      adw_toast_set_timeout (toast, 10);
      g_object_set_data_full (G_OBJECT (toast), "byline-warnings", g_strdup (warnings), g_free);
      g_object_set_data_full (G_OBJECT (toast), "byline-heading",
                              g_strdup_printf (_("Warnings from “%s”"), name), g_free);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_warnings_toast_clicked_cb),
                               window, 0);
    }
  adw_toast_overlay_add_toast (window->toast_overlay, toast);
}

/* ---- Opening another article ------------------------------------------ */

static void
pending_open_free (PendingOpen *pending)
{
  g_clear_object (&pending->window);
  g_clear_object (&pending->document);
  g_free (pending->message);
  g_free (pending->name);
  g_free (pending->warnings);
  g_free (pending);
}

/* A new article, not saved anywhere yet. */
static void
pending_open_show (PendingOpen *pending)
{
  byline_document_set_modified (pending->document, TRUE);
  byline_window_set_document (pending->window, pending->document, NULL);
  _byline_import_add_result_toast (pending->window, pending->message, pending->name,
                                   pending->warnings, pending->n_warnings);
}

static void
save_then_show (PendingOpen *pending,
                GFile       *file)
{
  g_autoptr(GError) error = NULL;

  if (byline_window_save_to_file (pending->window, file, &error))
    {
      pending_open_show (pending);
    }
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = g_strdup_printf (_("Could not save “%s”: %s"), name, error->message);

      byline_window_add_error_toast (pending->window, message);
    }
}

static void
on_save_as_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        PendingOpen     *pending)
{
  g_autoptr(GFile) chosen = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (chosen != NULL)
    {
      g_autofree char *name = g_file_get_basename (chosen);
      g_autoptr(GFile) file = NULL;

      /* The window's Save As rule: a Byline file ends in .byline.json. */
      if (name != NULL && !g_str_has_suffix (name, NATIVE_SUFFIX))
        {
          g_autoptr(GFile) parent = g_file_get_parent (chosen);
          g_autofree char *native = NULL;

          if (g_str_has_suffix (name, ".json"))
            name[strlen (name) - strlen (".json")] = '\0';
          native = g_strconcat (name, NATIVE_SUFFIX, NULL);
          file = g_file_get_child (parent, native);
        }
      else
        {
          file = g_object_ref (chosen);
        }
      save_then_show (pending, file);
    }

  gtk_native_dialog_destroy (chooser);
  /* Frees @pending with it. */
  g_object_unref (chooser);
}

static void
save_as_then_show (PendingOpen *pending)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GFile *file = byline_window_get_file (pending->window);
  BylineDocument *document = byline_window_get_document (pending->window);
  const char *title = byline_document_get_meta_string (document, BYLINE_META_TITLE);
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Save Annotations"),
                                        GTK_WINDOW (pending->window),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, _("Byline Files"));
  gtk_file_filter_add_suffix (filter, "byline.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  if (file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *name = g_file_get_basename (file);
      char *dot = strchr (name, '.');

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
      if (dot != NULL && dot != name)
        *dot = '\0';
      suggested = g_strconcat (name, NATIVE_SUFFIX, NULL);
    }
  else if (title != NULL && *title != '\0' && strchr (title, G_DIR_SEPARATOR) == NULL)
    {
      suggested = g_strconcat (title, NATIVE_SUFFIX, NULL);
    }
  else
    {
      suggested = g_strdup (_("Untitled.byline.json"));
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested);

  g_object_set_data_full (G_OBJECT (native), "byline-pending", pending,
                          (GDestroyNotify) pending_open_free);
  g_signal_connect (native, "response", G_CALLBACK (on_save_as_response_cb), pending);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static gboolean
file_is_native (GFile *file)
{
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;

  return name != NULL && g_str_has_suffix (name, NATIVE_SUFFIX);
}

static void
on_confirm_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        gpointer          user_data)
{
  PendingOpen *pending = g_object_steal_data (G_OBJECT (dialog), "byline-pending");
  BylineWindow *window;

  /* A response button closes the dialog itself, a response given by
   * other means does not: close it, once. */
  if (pending == NULL)
    return;
  window = pending->window;
  gtk_window_destroy (GTK_WINDOW (dialog));

  if (g_str_equal (response, "discard"))
    {
      byline_window_discard_recovery (window);
      pending_open_show (pending);
    }
  else if (g_str_equal (response, "save") && file_is_native (byline_window_get_file (window)))
    {
      save_then_show (pending, byline_window_get_file (window));
    }
  else if (g_str_equal (response, "save"))
    {
      /* The chooser owns it now. */
      save_as_then_show (pending);
      return;
    }
  pending_open_free (pending);
}

/* Open's question, for a document that is not a file. Takes @pending. */
void
_byline_import_open_document (PendingOpen *pending)
{
  BylineWindow *window = pending->window;
  BylineDocument *current = byline_window_get_document (window);
  GFile *file = byline_window_get_file (window);
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (current == NULL || !byline_document_get_modified (current))
    {
      pending_open_show (pending);
      pending_open_free (pending);
      return;
    }

  if (file != NULL)
    name = g_file_get_basename (file);
  else
    name = g_strdup (byline_document_get_meta_string (current, BYLINE_META_TITLE));
  if (name == NULL || *name == '\0')
    {
      g_free (name);
      name = g_strdup (_("Untitled Article"));
    }
  body = g_strdup_printf (_("“%s” has unsaved changes. The imported article replaces it in this window; changes which are not saved will be permanently lost."),
                          name);
  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", file_is_native (file) ? _("_Save") : _("_Save As…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_widget_set_name (dialog, "byline-import-confirm");
  g_object_set_data_full (G_OBJECT (dialog), "byline-pending", pending,
                          (GDestroyNotify) pending_open_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_confirm_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}
