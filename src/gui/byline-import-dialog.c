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
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "byline-error.h"
#include "byline-format.h"
#include "byline-format-row.h"
#include "byline-import-dialog.h"
#include "byline-window-private.h"

#define NATIVE_SUFFIX        ".byline.json"
#define MAX_WARNINGS_SHOWN   100

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

/* ---- Merging ---------------------------------------------------------- */

static gboolean
same_fragments (BylineAnnotation *a,
                BylineAnnotation *b)
{
  guint n = byline_annotation_get_n_fragments (a);

  if (n != byline_annotation_get_n_fragments (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const BylineFragment *fa = byline_annotation_get_fragment (a, i);
      const BylineFragment *fb = byline_annotation_get_fragment (b, i);

      if (fa->start != fb->start || fa->end != fb->end)
        return FALSE;
    }
  return TRUE;
}

/* The annotation of @target that says what @a says, if any. */
static BylineAnnotation *
find_same_annotation (BylineDocument   *target,
                      BylineAnnotation *a)
{
  g_autoptr(GPtrArray) near = byline_document_query (target,
                                                     byline_annotation_get_start (a),
                                                     MAX (byline_annotation_get_end (a),
                                                          byline_annotation_get_start (a) + 1));

  for (guint i = 0; i < near->len; i++)
    {
      BylineAnnotation *b = near->pdata[i];

      if (g_strcmp0 (byline_annotation_get_layer (a), byline_annotation_get_layer (b)) == 0 &&
          g_strcmp0 (byline_annotation_get_label (a), byline_annotation_get_label (b)) == 0 &&
          same_fragments (a, b))
        return b;
    }
  return NULL;
}

static gboolean
has_relation (BylineDocument *target,
              const char     *type,
              const char     *from,
              const char     *to)
{
  g_autoptr(GPtrArray) relations = byline_document_get_relations_of (target, from);

  for (guint i = 0; i < relations->len; i++)
    {
      BylineRelation *r = relations->pdata[i];

      if (g_strcmp0 (byline_relation_get_relation_type (r), type) == 0 &&
          g_strcmp0 (byline_relation_get_from (r), from) == 0 &&
          g_strcmp0 (byline_relation_get_to (r), to) == 0)
        return TRUE;
    }
  return FALSE;
}

/**
 * byline_import_merge:
 * @target: the window's document
 * @source: a document with the same text
 * @n_annotations: (out) (optional): how many annotations were added
 * @n_relations: (out) (optional): how many relations were added
 * @n_present: (out) (optional): annotations @target had already
 *
 * Adds the annotations and relations of @source to @target as one undo
 * step. An id @target uses already gets a new one, and the relations
 * follow their annotations to their new ids. On failure nothing is added.
 *
 * Returns: %TRUE on success
 */
gboolean
byline_import_merge (BylineDocument  *target,
                     BylineDocument  *source,
                     guint           *n_annotations,
                     guint           *n_relations,
                     guint           *n_present,
                     GError         **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint added = 0, linked = 0, present = 0;
  guint n;
  gboolean ok = TRUE;

  g_return_val_if_fail (BYLINE_IS_DOCUMENT (target), FALSE);
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (source), FALSE);

  byline_document_begin_group (target, _("Import"));

  n = byline_document_get_n_annotations (source);
  for (guint i = 0; ok && i < n; i++)
    {
      BylineAnnotation *a = byline_document_get_annotation (source, i);
      BylineAnnotation *same = find_same_annotation (target, a);
      g_autoptr(BylineAnnotation) copy = NULL;
      BylineAnnotation *in;

      if (same != NULL)
        {
          g_hash_table_insert (ids, g_strdup (byline_annotation_get_id (a)),
                               g_strdup (byline_annotation_get_id (same)));
          present++;
          continue;
        }
      copy = byline_annotation_copy (a);
      if (byline_document_lookup_annotation (target, byline_annotation_get_id (a)) != NULL)
        byline_annotation_set_id (copy, NULL);
      in = byline_document_add_annotation (target, copy, error);
      if (in == NULL)
        {
          ok = FALSE;
          break;
        }
      g_hash_table_insert (ids, g_strdup (byline_annotation_get_id (a)),
                           g_strdup (byline_annotation_get_id (in)));
      added++;
    }

  n = byline_document_get_n_relations (source);
  for (guint i = 0; ok && i < n; i++)
    {
      BylineRelation *r = byline_document_get_relation (source, i);
      const char *from = g_hash_table_lookup (ids, byline_relation_get_from (r));
      const char *to = g_hash_table_lookup (ids, byline_relation_get_to (r));
      g_autoptr(BylineRelation) copy = NULL;

      if (from == NULL || to == NULL ||
          has_relation (target, byline_relation_get_relation_type (r), from, to))
        continue;
      copy = byline_relation_copy (r);
      byline_relation_set_from (copy, from);
      byline_relation_set_to (copy, to);
      if (byline_document_lookup_relation (target, byline_relation_get_id (r)) != NULL)
        byline_relation_set_id (copy, NULL);
      if (byline_document_add_relation (target, copy, error) == NULL)
        {
          ok = FALSE;
          break;
        }
      linked++;
    }

  byline_document_end_group (target);

  /* All or nothing: the step just recorded goes again. */
  if (!ok && added + linked > 0)
    byline_document_undo (target);

  if (n_annotations != NULL)
    *n_annotations = ok ? added : 0;
  if (n_relations != NULL)
    *n_relations = ok ? linked : 0;
  if (n_present != NULL)
    *n_present = present;
  return ok;
}

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

static void
on_warnings_toast_clicked_cb (AdwToast *toast,
                              gpointer  user_data)
{
  const char *text = g_object_get_data (G_OBJECT (toast), "byline-warnings");
  const char *heading = g_object_get_data (G_OBJECT (toast), "byline-heading");
  GtkWindow *window = GTK_WINDOW (user_data);
  GtkWidget *dialog;
  GtkWidget *scroller;
  GtkWidget *label;

  dialog = adw_message_dialog_new (window, heading,
                                   _("Byline kept everything the file holds, but these parts look doubtful."));

  /* A hundred warnings scroll, and can be copied. */
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  /* Wrapped at a width the dialog has, so that its height is right. */
  gtk_label_set_width_chars (GTK_LABEL (label), 56);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 56);
  gtk_widget_add_css_class (label, "caption");
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The reader's warnings, one a line, for the dialog that lists them. */
static char *
dup_warnings_text (BylineProblems *warnings)
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
static void
add_result_toast (BylineWindow *window,
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

typedef struct
{
  BylineWindow   *window;
  BylineDocument *document;
  /* The toast once it is shown */
  char           *message;
  char           *name;
  char           *warnings;
  guint           n_warnings;
} PendingOpen;

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
  add_result_toast (pending->window, pending->message, pending->name,
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
static void
open_document (PendingOpen *pending)
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
  GtkNativeDialog *chooser = g_steal_pointer (&self->chooser);

  if (chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (chooser, self);
      gtk_native_dialog_destroy (chooser);
      g_object_unref (chooser);
    }
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
  warnings = dup_warnings_text (job->warnings);
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
      add_result_toast (window, message, name, warnings, byline_problems_get_n (job->warnings));
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
      open_document (pending);
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
