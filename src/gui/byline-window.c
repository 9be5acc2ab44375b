/* byline-window.c: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "byline-format.h"
#include "byline-gui-private.h"
#include "byline-window-private.h"

G_DEFINE_FINAL_TYPE (BylineWindow, byline_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_FILE,
  PROP_LOADING,
  PROP_REVIEWING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
byline_window_add_error_toast (BylineWindow *self,
                               const char   *message)
{
  g_autofree char *markup = NULL;
  AdwToast *toast;

  g_assert (BYLINE_IS_WINDOW (self));

  /* A toast's title is Pango markup; a file name may hold a '&'. */
  markup = g_markup_escape_text (message, -1);
  toast = adw_toast_new (markup);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ---- After the frame ---------------------------------------------------- */

/* What an edit sets off beyond the article waits for the frame that
 * shows the edit: it is not needed to see the edit, and in that frame it
 * would make the frame longer. */
static void
run_later (gpointer data)
{
  BylineWindow *self = data;
  g_autoptr(GPtrArray) toasts = g_steal_pointer (&self->later_toasts);

  if (self->later_title)
    {
      self->later_title = FALSE;
      byline_window_update_title (self);
    }
  for (guint i = 0; toasts != NULL && i < toasts->len; i++)
    adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (toasts->pdata[i]));
}

/**
 * byline_window_add_toast_after_frame:
 * @toast: (transfer full): the toast
 *
 * Shows @toast once the frame that shows the edit it follows is painted.
 * A window's first toast builds and styles the toast's widgets, which
 * took the frame of a deletion from 8 ms to 14–18 ms; a frame later,
 * nobody sees the difference, and the edit shows in one frame.
 */
void
byline_window_add_toast_after_frame (BylineWindow *self,
                                     AdwToast     *toast)
{
  g_assert (BYLINE_IS_WINDOW (self));
  g_assert (ADW_IS_TOAST (toast));

  if (self->later_toasts == NULL)
    self->later_toasts = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->later_toasts, toast);
  byline_after_frame_schedule (&self->later);
}

/* The unsaved mark comes and goes with edits (the first one after a save,
 * an undo back to the saved state); a new title lays out the header bar,
 * which made such an edit's frame 0.5–1 ms longer. */
void
byline_window_update_title_after_frame (BylineWindow *self)
{
  g_assert (BYLINE_IS_WINDOW (self));

  self->later_title = TRUE;
  byline_after_frame_schedule (&self->later);
}

void
byline_window_update_title (BylineWindow *self)
{
  g_autofree char *basename = NULL;
  g_autofree char *location = NULL;
  g_autofree char *marked = NULL;
  const char *title = NULL;
  const char *subtitle = NULL;

  g_assert (BYLINE_IS_WINDOW (self));

  if (self->document != NULL)
    {
      title = byline_document_get_meta_string (self->document, BYLINE_META_TITLE);
      subtitle = byline_document_get_meta_string (self->document, BYLINE_META_SOURCE);
    }

  if (self->file != NULL)
    {
      if (title == NULL || title[0] == '\0')
        {
          title = basename = g_file_get_basename (self->file);
        }

      if (subtitle == NULL || subtitle[0] == '\0')
        {
          /* The parse name is the path in UTF-8, whatever the file
           * system encoding. */
          subtitle = location = g_file_get_parse_name (self->file);
        }
    }

  if (title == NULL || title[0] == '\0')
    {
      title = _("Byline");
    }

  /* Unsaved changes: a dot before the name, as GNOME Text Editor does. */
  if (self->document != NULL && byline_document_get_modified (self->document))
    {
      /* Translators: the window title of a document with unsaved changes. */
      title = marked = g_strdup_printf (_("• %s"), title);
    }

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
}

void
byline_window_set_document (BylineWindow   *self,
                            BylineDocument *document,
                            GFile          *file)
{
  GtkAdjustment *vadjustment;

  g_assert (BYLINE_IS_WINDOW (self));
  g_assert (!document || BYLINE_IS_DOCUMENT (document));
  g_assert (!file || G_IS_FILE (file));

  g_object_freeze_notify (G_OBJECT (self));

  if (g_set_object (&self->document, document))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
    }

  if (g_set_object (&self->file, file))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }

  /* The view, the panel and the palette are projections of the document;
   * the annotation parts (schema, layer, tokens) follow it. */
  byline_window_annotate_set_document (self);
  byline_window_review_set_document (self);

  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->article_view));
  if (vadjustment != NULL)
    {
      gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
    }

  byline_window_update_title (self);

  gtk_stack_set_visible_child_name (self->stack, document != NULL ? "document" : "empty");

  if (document != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
    }

  byline_window_io_document_changed (self);

  g_object_thaw_notify (G_OBJECT (self));
}

/* After Save As: the same document, now kept in @file. */
void
byline_window_set_file (BylineWindow *self,
                        GFile        *file)
{
  g_assert (BYLINE_IS_WINDOW (self));
  g_assert (!file || G_IS_FILE (file));

  if (g_set_object (&self->file, file))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
      byline_window_update_title (self);
    }
}

static void
byline_window_load_worker (GTask        *task,
                           gpointer      source_object,
                           gpointer      task_data,
                           GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(GError) error = NULL;
  BylineDocument *document;

  g_assert (path != NULL);

  document = byline_document_load_any (path, &error);

  if (document == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    {
      g_task_return_pointer (task, document, g_object_unref);
    }
}

static void
on_load_worker_done_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  BylineWindow *self = BYLINE_WINDOW (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(BylineDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GCancellable *worker_cancellable;

  g_assert (G_IS_TASK (result));
  g_assert (G_IS_TASK (task));

  worker_cancellable = g_task_get_cancellable (G_TASK (result));
  document = g_task_propagate_pointer (G_TASK (result), &error);

  /* Only the newest load may touch the window. */
  if (self->load_cancellable == worker_cancellable)
    {
      g_clear_object (&self->load_cancellable);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }

  if (document == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    {
      return;
    }

  byline_window_set_document (self, document, g_task_get_task_data (task));
  g_task_return_boolean (task, TRUE);
}

/**
 * byline_window_load_async:
 * @self: a #BylineWindow
 * @file: the file to open
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the document is shown or loading failed
 * @user_data: closure for @callback
 *
 * Reads @file in a worker thread with byline_document_load_any() and shows
 * the document. A newer load cancels an older one. Errors are not shown to
 * the user: see byline_window_open() for that.
 */
void
byline_window_load_async (BylineWindow        *self,
                          GFile               *file,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (BYLINE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, byline_window_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);

  path = g_file_get_path (file);

  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Cannot open “%s”: only local files can be opened"),
                               name);
      return;
    }

  if (self->load_cancellable != NULL)
    {
      g_cancellable_cancel (self->load_cancellable);
      g_clear_object (&self->load_cancellable);
    }

  self->load_cancellable = g_cancellable_new ();

  worker = g_task_new (self, self->load_cancellable, on_load_worker_done_cb, g_steal_pointer (&task));
  g_task_set_source_tag (worker, byline_window_load_worker);
  g_task_set_task_data (worker, g_steal_pointer (&path), g_free);
  g_task_run_in_thread (worker, byline_window_load_worker);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/**
 * byline_window_load_finish:
 * @self: a #BylineWindow
 * @result: the result given to the callback
 * @error: where to put the reason the file could not be shown
 *
 * Returns: %TRUE when the document is shown
 */
gboolean
byline_window_load_finish (BylineWindow  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * byline_window_open:
 * @self: a #BylineWindow
 * @file: the file to open
 *
 * Loads @file and shows it, or shows why it could not be opened in a toast.
 * When the document shown has unsaved changes, the user is asked first.
 */
void
byline_window_open (BylineWindow *self,
                    GFile        *file)
{
  g_return_if_fail (BYLINE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  byline_window_request_open (self, file);
}

static void
byline_window_dispose (GObject *object)
{
  BylineWindow *self = (BylineWindow *)object;

  if (self->load_cancellable != NULL)
    {
      g_cancellable_cancel (self->load_cancellable);
      g_clear_object (&self->load_cancellable);
    }

  byline_window_close_open_dialog (self);
  byline_window_io_dispose (self);
  byline_window_review_dispose (self);
  byline_window_annotate_dispose (self);

  byline_after_frame_cancel (&self->later);
  g_clear_pointer (&self->later_toasts, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->document);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (byline_window_parent_class)->dispose (object);
}

/* The file chooser holds a reference on its transient parent, so it must
 * go when the window is destroyed, not when it is finalized. */
static void
byline_window_unrealize (GtkWidget *widget)
{
  byline_window_close_open_dialog (BYLINE_WINDOW (widget));

  GTK_WIDGET_CLASS (byline_window_parent_class)->unrealize (widget);
}

static void
byline_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BylineWindow *self = BYLINE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, byline_window_get_loading (self));
      break;

    case PROP_REVIEWING:
      g_value_set_boolean (value, byline_window_get_reviewing (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BylineWindow *self = BYLINE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_REVIEWING:
      byline_window_set_reviewing (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_window_class_init (BylineWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  byline_gui_ensure_resources ();
  g_type_ensure (BYLINE_TYPE_ARTICLE_VIEW);
  g_type_ensure (BYLINE_TYPE_ANNOTATION_PANEL);
  g_type_ensure (BYLINE_TYPE_LABEL_PALETTE);

  object_class->dispose = byline_window_dispose;
  object_class->get_property = byline_window_get_property;
  object_class->set_property = byline_window_set_property;

  widget_class->unrealize = byline_window_unrealize;

  /**
   * BylineWindow:document:
   *
   * The document the window shows, or %NULL before one is opened.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         BYLINE_TYPE_DOCUMENT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BylineWindow:file:
   *
   * The file the document came from.
   */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BylineWindow:loading:
   *
   * Whether a file is being read.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BylineWindow:reviewing:
   *
   * Whether review mode is on: the review bar shows, and single keys
   * accept, reject and step through the suggestions (win.review).
   */
  properties[PROP_REVIEWING] =
    g_param_spec_boolean ("reviewing", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/byline/Byline/byline-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, main_menu_button);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, status_open_button);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, article_view);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, annotation_panel);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, label_palette);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, layer_switcher);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, search_count);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, article_title);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, article_source);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, recent_box);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, suggest_button);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, suggest_stack);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, suggest_spinner);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, suggest_menu_button);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, review_button);
  /* Found by name only, for their tooltips (set_tooltips). */
  gtk_widget_class_bind_template_child_full (widget_class, "undo_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "redo_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "panel_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "find_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "previous_match_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "next_match_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "label_matches_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, review_revealer);

  byline_window_class_actions_init (widget_class);
  byline_window_class_annotate_init (widget_class);
  byline_window_class_search_init (widget_class);
  byline_window_class_review_init (widget_class);
}

static void
byline_window_bind_settings (BylineWindow *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  GSettingsSchemaSource *source;

  /* g_settings_new () aborts without the schema; an uninstalled build
   * (run outside `meson devenv`) still opens, it just forgets its size. */
  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    {
      schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
    }

  if (schema == NULL)
    {
      g_debug ("Settings schema %s is not installed: window state is not saved", APP_ID);
      return;
    }

  self->settings = g_settings_new_full (schema, NULL, NULL);

  /* Read the size once and write it back on every change, but do not
   * follow the settings: with two windows open, resizing one must not
   * resize the other. */
  g_settings_bind (self->settings, "window-width", self, "default-width",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_GET_NO_CHANGES);
}

/* The main menu's popover, with its dozen items, is made when the menu is
 * first opened (by a click or F10), not with the window: it cost the
 * first frame of an article 4 ms. GTK calls this on every opening. */
static void
create_main_menu_cb (GtkMenuButton *button,
                     gpointer       user_data)
{
  BylineWindow *self = BYLINE_WINDOW (user_data);

  if (gtk_menu_button_get_menu_model (button) == NULL)
    gtk_menu_button_set_menu_model (button, self->primary_menu);
}

/* The tooltips of the header bar and the search bar are set here, not in
 * the template: set on a visible widget, a tooltip asks the X server
 * where the pointer is (byline_gui_set_tooltip_text), and 13 of them made
 * every new window wait for 39 round trips before its first frame. */
static void
set_tooltips (BylineWindow *self)
{
  static const struct
  {
    const char *id;
    const char *tooltip;
  } tooltips[] = {
    { "open_button", N_("Open (Ctrl+O)") },
    { "save_button", N_("Save (Ctrl+S)") },
    { "undo_button", N_("Undo (Ctrl+Z)") },
    { "redo_button", N_("Redo (Shift+Ctrl+Z)") },
    { "main_menu_button", N_("Main Menu") },
    { "panel_button", N_("Annotations Panel (F9)") },
    { "review_button", N_("Review Suggestions (Ctrl+R)") },
    { "suggest_button", N_("Suggest Annotations (Shift+Ctrl+R)") },
    { "suggest_menu_button", N_("Choose What to Suggest") },
    { "find_button", N_("Find (Ctrl+F)") },
    { "previous_match_button", N_("Previous Match (Shift+Ctrl+G)") },
    { "next_match_button", N_("Next Match (Ctrl+G)") },
    { "label_matches_button", N_("Give every match the label used last") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tooltips); i++)
    {
      GObject *widget = gtk_widget_get_template_child (GTK_WIDGET (self), BYLINE_TYPE_WINDOW,
                                                       tooltips[i].id);

      byline_gui_set_tooltip_text (GTK_WIDGET (widget), _(tooltips[i].tooltip));
    }
}

static void
byline_window_init (BylineWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_tooltips (self);
  byline_after_frame_init (&self->later, GTK_WIDGET (self), run_later, self);

  gtk_menu_button_set_create_popup_func (self->main_menu_button, create_main_menu_cb, self, NULL);

  byline_window_bind_settings (self);

  byline_window_annotate_init (self);
  byline_window_search_init (self);
  byline_window_review_init (self);

  gtk_stack_set_visible_child_name (self->stack, "empty");

  byline_window_io_init (self);
}

/**
 * byline_window_new:
 * @application: the application the window belongs to
 *
 * Returns: (transfer none): a new, empty window, owned by GTK
 */
BylineWindow *
byline_window_new (BylineApplication *application)
{
  g_return_val_if_fail (BYLINE_IS_APPLICATION (application), NULL);

  return g_object_new (BYLINE_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * byline_window_get_document:
 * @self: a #BylineWindow
 *
 * Returns: (transfer none) (nullable): the document shown, if any
 */
BylineDocument *
byline_window_get_document (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), NULL);

  return self->document;
}

/**
 * byline_window_get_file:
 * @self: a #BylineWindow
 *
 * Returns: (transfer none) (nullable): the file of the document shown
 */
GFile *
byline_window_get_file (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), NULL);

  return self->file;
}

/**
 * byline_window_get_loading:
 * @self: a #BylineWindow
 *
 * Returns: whether a file is being read
 */
gboolean
byline_window_get_loading (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), FALSE);

  return self->load_cancellable != NULL;
}
