/* byline-import-dialog.c: the Import dialog of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads a file of another tool (or of Byline) in a GTask thread, through
 * the format registry, optionally turning its spans into suggestions to
 * review. Then one of two things happens:
 *
 *  - a document of the file has exactly the text of the article shown:
 *    its annotations and relations are added to the article as one undo
 *    step, with new ids where the article's ids clash and the relations
 *    following their annotations; annotations the article already has
 *    (same layer, label and fragments) are not added twice;
 *  - otherwise the file's first document opens in the window as a new,
 *    unsaved article, after the same "Save Changes?" question Open asks.
 *
 * What the reader kept but found doubtful is offered from a toast.
 *
 * The merging is in byline-import-merge.c; the toast of the result and
 * the opening of another article are in byline-import-open.c.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "byline-error.h"
#include "byline-format.h"
#include "byline-format-row.h"
#include "byline-import-dialog-private.h"
#include "byline-window-private.h"

struct _BylineImportDialog
{
  AdwWindow           parent_instance;

  /* Template widgets */
  AdwToastOverlay    *toast_overlay;
  GtkButton          *import_button;
  GtkSpinner         *spinner;
  AdwPreferencesPage *page;
  AdwActionRow       *file_row;
  GtkButton          *choose_button;
  AdwComboRow        *format_row;
  GtkSwitch          *suggestions_switch;

  BylineWindow       *window;
  GFile              *file;
  GtkNativeDialog    *chooser;
  GCancellable       *cancellable;
};

G_DEFINE_FINAL_TYPE (BylineImportDialog, byline_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- Reading ---------------------------------------------------------- */

typedef struct
{
  const BylineFormat *format;
  char               *path;
  gboolean            as_suggestions;
  BylineSchema       *schema;
  char               *text;       /* of the article shown, or NULL */

  /* Results */
  BylineProblems     *warnings;
  BylineDocument     *first;
  BylineDocument     *match;      /* the first with @text */
  guint               n_documents;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_free (job->path);
  g_clear_object (&job->schema);
  g_free (job->text);
  byline_problems_free (job->warnings);
  g_clear_object (&job->first);
  g_clear_object (&job->match);
  g_free (job);
}

typedef struct
{
  ImportJob    *job;
  GCancellable *cancellable;
} Reading;

/* Keeps two documents at most, whatever the size of the file. */
static gboolean
on_document_read_cb (BylineDocument  *document,
                     gpointer         user_data,
                     GError         **error)
{
  Reading *reading = user_data;
  ImportJob *job = reading->job;

  if (g_cancellable_set_error_if_cancelled (reading->cancellable, error))
    return FALSE;
  job->n_documents++;
  if (job->first == NULL)
    job->first = g_object_ref (document);
  if (job->match == NULL && job->text != NULL &&
      strcmp (byline_document_get_text (document), job->text) == 0)
    job->match = g_object_ref (document);
  return TRUE;
}

static void
import_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  BylineFormatOptions options = { 0 };
  Reading reading = { job, cancellable };

  options.as_suggestions = job->as_suggestions;
  options.schema = job->schema;
  if (!byline_format_read (job->format, job->path, &options, job->warnings,
                           on_document_read_cb, &reading, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (job->first == NULL)
    {
      g_task_return_new_error (task, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                               _("%s: holds no document"), job->path);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/* ---- Toasts ----------------------------------------------------------- */

static void
add_toast (AdwToastOverlay *overlay,
           const char      *message,
           gboolean         error)
{
  /* A toast's title is Pango markup; a file name may hold a '&'. */
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  if (error)
    {
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_set_timeout (toast, 0);
    }
  adw_toast_overlay_add_toast (overlay, toast);
}

/* ---- The dialog ------------------------------------------------------- */

/**
 * byline_import_dialog_get_busy:
 *
 * Returns: whether the file is being read
 */
gboolean
byline_import_dialog_get_busy (BylineImportDialog *self)
{
  g_return_val_if_fail (BYLINE_IS_IMPORT_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

static void
update_busy (BylineImportDialog *self)
{
  gboolean busy = self->cancellable != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->page), !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", !busy && self->file != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The format to read with: the chosen one, or the file name's. */
static const BylineFormat *
get_format (BylineImportDialog *self)
{
  const char *name = byline_format_row_get_name (self->format_row);
  g_autofree char *path = NULL;

  if (g_strcmp0 (name, "auto") != 0)
    return byline_format_lookup (name);
  if (self->file == NULL || (path = g_file_get_path (self->file)) == NULL)
    return NULL;
  return byline_format_for_path (path);
}

static void
update_format_subtitle (BylineImportDialog *self)
{
  const BylineFormat *format;
  g_autofree char *subtitle = NULL;

  if (g_strcmp0 (byline_format_row_get_name (self->format_row), "auto") != 0 ||
      self->file == NULL)
    return;

  format = get_format (self);
  if (format == NULL)
    subtitle = g_strdup (_("Unknown from the file name: choose one"));
  else if (!byline_format_can_read (format))
    subtitle = g_strdup_printf (_("%s, which Byline cannot read yet"),
                                byline_format_row_get_title (format->name));
  else
    /* Translators: the format row's subtitle when the format is chosen
     * from the file name: "From the file name: CoNLL". */
    subtitle = g_strdup_printf (_("From the file name: %s"),
                                byline_format_row_get_title (format->name));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->format_row), subtitle);
}

/**
 * byline_import_dialog_set_file:
 *
 * What choosing a file does.
 */
void
byline_import_dialog_set_file (BylineImportDialog *self,
                               GFile              *file)
{
  g_return_if_fail (BYLINE_IS_IMPORT_DIALOG (self));
  g_return_if_fail (!file || G_IS_FILE (file));

  if (g_set_object (&self->file, file))
    {
      g_autofree char *shown = file != NULL ? g_file_get_parse_name (file) : NULL;

      adw_action_row_set_subtitle (self->file_row, shown != NULL ? shown : _("No file chosen"));
      update_format_subtitle (self);
      update_busy (self);
    }
}

/**
 * byline_import_dialog_get_file:
 *
 * Returns: (transfer none) (nullable): the file Import reads
 */
GFile *
byline_import_dialog_get_file (BylineImportDialog *self)
{
  g_return_val_if_fail (BYLINE_IS_IMPORT_DIALOG (self), NULL);

  return self->file;
}

static void
close_chooser (BylineImportDialog *self)
{
  byline_gui_close_native_dialog (&self->chooser, self);
}

static void
on_chooser_response_cb (GtkNativeDialog    *chooser,
                        int                 response,
                        BylineImportDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  close_chooser (self);
  if (file != NULL)
    {
      byline_import_dialog_set_file (self, file);
      /* Choose…, pick a file, Enter: imports. */
      gtk_widget_grab_focus (GTK_WIDGET (self->import_button));
    }
}

static void
on_choose_button_clicked_cb (BylineImportDialog *self)
{
  const BylineFormat * const *formats = byline_formats_list ();
  g_autoptr(GtkFileFilter) readable = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *native;
  GFile *current = self->file != NULL ? self->file : byline_window_get_file (self->window);

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (self->chooser);
      return;
    }

  native = gtk_file_chooser_native_new (_("Import File"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Choose"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  /* brat is a folder of pairs: choosing one .ann file of it reads it. */
  gtk_file_filter_set_name (readable, _("All Files Byline Can Import"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), readable);
  for (guint i = 0; formats[i] != NULL; i++)
    {
      g_autoptr(GtkFileFilter) filter = NULL;

      if (!byline_format_can_read (formats[i]))
        continue;
      filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (filter, byline_format_row_get_title (formats[i]->name));
      for (guint j = 0; formats[i]->extensions[j] != NULL; j++)
        {
          gtk_file_filter_add_suffix (filter, formats[i]->extensions[j] + 1);
          gtk_file_filter_add_suffix (readable, formats[i]->extensions[j] + 1);
        }
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    }
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), readable);

  if (current != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (current);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
    }

  g_signal_connect (native, "response", G_CALLBACK (on_chooser_response_cb), self);
  self->chooser = GTK_NATIVE_DIALOG (native);
  gtk_native_dialog_show (self->chooser);
}

static char *
dup_imported_message (guint n_annotations,
                      guint n_relations,
                      guint n_present)
{
  g_autofree char *annotations = NULL;
  GString *message = g_string_new (NULL);

  annotations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u annotation",
                                              "Imported %u annotations", n_annotations),
                                 n_annotations);
  g_string_append (message, annotations);
  if (n_relations > 0)
    {
      g_string_append (message, ", ");
      g_string_append_printf (message, g_dngettext (GETTEXT_PACKAGE, "%u relation", "%u relations",
                                                    n_relations),
                              n_relations);
    }
  if (n_present > 0)
    {
      g_string_append (message, " ");
      g_string_append_printf (message, g_dngettext (GETTEXT_PACKAGE, "(%u was there already)",
                                                    "(%u were there already)", n_present),
                              n_present);
    }
  return g_string_free (message, FALSE);
}

static void
on_import_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  BylineImportDialog *self = BYLINE_IMPORT_DIALOG (object);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineWindow) window = NULL;
  g_autofree char *name = NULL;
  g_autofree char *warnings = NULL;
  BylineDocument *current;

  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;
  g_clear_object (&self->cancellable);
  update_busy (self);

  name = g_path_get_basename (job->path);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not import “%s”: %s"), name, error->message);

      add_toast (self->toast_overlay, message, TRUE);
      return;
    }

  /* The dialog goes first: what follows may ask a question of the
   * window. */
  warnings = _byline_import_dup_warnings_text (job->warnings);
  window = g_object_ref (self->window);
  gtk_window_destroy (GTK_WINDOW (self));

  current = byline_window_get_document (window);
  if (job->match != NULL && current != NULL &&
      g_str_equal (byline_document_get_text (current), byline_document_get_text (job->match)))
    {
      guint n_annotations = 0, n_relations = 0, n_present = 0;
      g_autofree char *message = NULL;

      if (!byline_import_merge (current, job->match, &n_annotations, &n_relations, &n_present, &error))
        {
          message = g_strdup_printf (_("Could not import “%s”: %s"), name, error->message);
          byline_window_add_error_toast (window, message);
          return;
        }
      message = dup_imported_message (n_annotations, n_relations, n_present);
      _byline_import_add_result_toast (window, message, name, warnings,
                                       byline_problems_get_n (job->warnings));
    }
  else
    {
      PendingOpen *pending = g_new0 (PendingOpen, 1);

      pending->window = g_object_ref (window);
      pending->document = g_object_ref (job->first);
      if (job->n_documents > 1)
        pending->message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "Opened the first of %u document in “%s”",
                                                         "Opened the first of %u documents in “%s”",
                                                         job->n_documents),
                                            job->n_documents, name);
      pending->name = g_strdup (name);
      pending->warnings = g_steal_pointer (&warnings);
      pending->n_warnings = byline_problems_get_n (job->warnings);
      _byline_import_open_document (pending);
    }
}

static void
import_run_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BylineImportDialog *self = BYLINE_IMPORT_DIALOG (widget);
  BylineDocument *current = byline_window_get_document (self->window);
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  const BylineFormat *format;
  ImportJob *job;

  if (self->cancellable != NULL || self->file == NULL)
    return;

  path = g_file_get_path (self->file);
  format = get_format (self);
  if (path == NULL || format == NULL || !byline_format_can_read (format))
    {
      g_autofree char *name = g_file_get_basename (self->file);
      g_autofree char *message = NULL;

      if (path == NULL)
        message = g_strdup_printf (_("Cannot import “%s”: only local files can be read"), name);
      else if (format == NULL)
        message = g_strdup_printf (_("Cannot tell the format of “%s” from its name: choose one"), name);
      else
        message = g_strdup_printf (_("Byline cannot read the %s format yet"), format->name);
      add_toast (self->toast_overlay, message, TRUE);
      return;
    }

  job = g_new0 (ImportJob, 1);
  job->format = format;
  job->path = g_steal_pointer (&path);
  job->as_suggestions = gtk_switch_get_active (self->suggestions_switch);
  job->schema = self->window->schema != NULL ? g_object_ref (self->window->schema)
                                             : byline_schema_get_default ();
  job->text = current != NULL ? g_strdup (byline_document_get_text (current)) : NULL;
  job->warnings = byline_problems_new ();

  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_import_done_cb, NULL);
  g_task_set_source_tag (task, import_run_action);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_worker);
  update_busy (self);
}

static void
build_formats (BylineImportDialog *self)
{
  const BylineFormat * const *formats = byline_formats_list ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  /* Only what can be read now: formats appear as their readers land. */
  gtk_string_list_append (names, "auto");
  for (guint i = 0; formats[i] != NULL; i++)
    {
      if (byline_format_can_read (formats[i]))
        gtk_string_list_append (names, formats[i]->name);
    }
  byline_format_row_setup (self->format_row, names);
  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (update_format_subtitle), self);
}

BylineImportDialog *
byline_import_dialog_new (BylineWindow *window)
{
  BylineImportDialog *self;

  g_return_val_if_fail (BYLINE_IS_WINDOW (window), NULL);

  self = g_object_new (BYLINE_TYPE_IMPORT_DIALOG,
                       "transient-for", window,
                       NULL);
  self->window = g_object_ref (window);
  build_formats (self);
  adw_action_row_set_subtitle (self->file_row, _("No file chosen"));
  g_signal_connect_swapped (self->choose_button, "clicked", G_CALLBACK (on_choose_button_clicked_cb), self);
  update_busy (self);

  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->import_button));
  gtk_widget_grab_focus (GTK_WIDGET (self->choose_button));
  return self;
}

static void
byline_import_dialog_dispose (GObject *object)
{
  BylineImportDialog *self = BYLINE_IMPORT_DIALOG (object);

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
  close_chooser (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), BYLINE_TYPE_IMPORT_DIALOG);

  g_clear_object (&self->window);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (byline_import_dialog_parent_class)->dispose (object);
}

static void
byline_import_dialog_unrealize (GtkWidget *widget)
{
  close_chooser (BYLINE_IMPORT_DIALOG (widget));

  GTK_WIDGET_CLASS (byline_import_dialog_parent_class)->unrealize (widget);
}

static void
byline_import_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  BylineImportDialog *self = BYLINE_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, byline_import_dialog_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_import_dialog_class_init (BylineImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_import_dialog_dispose;
  object_class->get_property = byline_import_dialog_get_property;
  widget_class->unrealize = byline_import_dialog_unrealize;

  /**
   * BylineImportDialog:busy:
   *
   * Whether the file is being read.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/byline/Byline/byline-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BylineImportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BylineImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, BylineImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, BylineImportDialog, page);
  gtk_widget_class_bind_template_child (widget_class, BylineImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, BylineImportDialog, choose_button);
  gtk_widget_class_bind_template_child (widget_class, BylineImportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, BylineImportDialog, suggestions_switch);

  gtk_widget_class_install_action (widget_class, "import.run", NULL, import_run_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
byline_import_dialog_init (BylineImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
