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
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "byline-error.h"
#include "byline-export.h"
#include "byline-export-dialog.h"
#include "byline-export-job.h"
#include "byline-format-row.h"
#include "byline-native.h"
#include "byline-schema.h"
#include "byline-window-private.h"

#define PREVIEW_DELAY_MS 150

/* A mask with no status in it: "no annotation at all". The export reads 0
 * as "the format's default", so an empty choice needs a bit of its own. */
#define NO_STATUSES (1u << BYLINE_N_STATUSES)

typedef enum
{
  DEST_FILE,     /* one file */
  DEST_FOLDER,   /* a folder the format or the split fills */
  DEST_FILES,    /* a folder of one file per document */
} DestKind;

struct _BylineExportDialog
{
  AdwWindow            parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkButton           *export_button;
  GtkSpinner          *spinner;
  AdwPreferencesPage  *page;
  AdwComboRow         *scope_row;
  AdwComboRow         *format_row;
  AdwComboRow         *tag_layer_row;
  AdwComboRow         *scheme_row;
  AdwExpanderRow      *layers_row;
  AdwExpanderRow      *statuses_row;
  GtkCheckButton      *manual_check;
  GtkCheckButton      *accepted_check;
  GtkCheckButton      *suggested_check;
  GtkCheckButton      *rejected_check;
  AdwExpanderRow      *split_row;
  GtkSpinButton       *train_spin;
  GtkSpinButton       *dev_spin;
  GtkSpinButton       *test_spin;
  GtkSpinButton       *seed_spin;
  AdwActionRow        *destination_row;
  GtkButton           *choose_button;
  GtkLabel            *preview_label;

  BylineWindow        *window;
  BylineSchema        *schema;
  GPtrArray           *layer_names;    /* of the schema, in order */
  GPtrArray           *layer_checks;   /* GtkCheckButton, one a layer */
  GFile               *folder;         /* the article's folder, or NULL */
  GPtrArray           *corpus;         /* the paths a corpus export reads */

  /* The destination is a folder and a stem: changing the format changes
   * the extension, not the place the user chose. */
  GFile               *dest_folder;
  char                *dest_stem;
  gboolean             dest_exact;     /* a chosen folder: dest_stem as is */
  gboolean             dest_chosen;    /* by the user, not by default */
  char                *dest_ext;       /* the user's, if the format has it */
  GtkNativeDialog     *chooser;

  guint                preview_source;
  GCancellable        *preview_cancellable;
  GCancellable        *export_cancellable;
  char                *preview;
};

G_DEFINE_FINAL_TYPE (BylineExportDialog, byline_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule_preview        (BylineExportDialog *self);
static void update_filter_subtitles (BylineExportDialog *self);

/* ---- Reading the settings --------------------------------------------- */

static const BylineFormat *
get_format (BylineExportDialog *self)
{
  return byline_format_lookup (byline_format_row_get_name (self->format_row));
}

static gboolean
get_corpus (BylineExportDialog *self)
{
  return self->corpus != NULL && adw_combo_row_get_selected (self->scope_row) == 1;
}

static gboolean
get_split (BylineExportDialog *self)
{
  return get_corpus (self) && adw_expander_row_get_enable_expansion (self->split_row);
}

static gboolean
is_token_format (const BylineFormat *format)
{
  return format != NULL && (g_str_equal (format->name, "conll") || g_str_equal (format->name, "hf"));
}

static gboolean
is_native_format (const BylineFormat *format)
{
  return format != NULL && (g_str_equal (format->name, "byline") || g_str_equal (format->name, "jsonl"));
}

/* Whether the format's writer puts many documents into one file. The
 * JSON records format reads lists of records but writes one record. */
static gboolean
writes_many (const BylineFormat *format)
{
  return format->multi_document && !g_str_equal (format->name, "json");
}

static DestKind
get_dest_kind (BylineExportDialog *self)
{
  const BylineFormat *format = get_format (self);

  if (format == NULL)
    return DEST_FILE;
  if (format->directory || get_split (self))
    return DEST_FOLDER;
  if (get_corpus (self) && !writes_many (format))
    return DEST_FILES;
  return DEST_FILE;
}

static char *
dup_destination_path (BylineExportDialog *self)
{
  const BylineFormat *format = get_format (self);
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  const char *ext;
  GFile *file;

  if (format == NULL || self->dest_folder == NULL)
    return NULL;
  folder = g_file_get_path (self->dest_folder);
  if (folder == NULL)
    return NULL;

  switch (get_dest_kind (self))
    {
    case DEST_FILE:
      /* The user's ".jsonl" stays ".jsonl" while the format has it. */
      if (self->dest_ext != NULL &&
          g_strv_contains ((const char * const *) format->extensions, self->dest_ext))
        ext = self->dest_ext;
      else
        ext = format->extensions[0];
      name = g_strconcat (self->dest_stem, ext, NULL);
      file = byline_window_get_file (self->window);
      /* By default never the article's own file (Byline to Byline). */
      if (!self->dest_chosen && file != NULL)
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);

          if (g_strcmp0 (path, g_file_peek_path (file)) == 0)
            {
              g_free (name);
              name = g_strconcat (self->dest_stem, "-export", ext, NULL);
            }
        }
      break;

    case DEST_FOLDER:
    case DEST_FILES:
    default:
      name = self->dest_exact ? g_strdup (self->dest_stem)
                              : g_strconcat (self->dest_stem, "-", format->name, NULL);
      break;
    }
  return g_build_filename (folder, name, NULL);
}

static guint
get_statuses (BylineExportDialog *self)
{
  guint statuses = 0;

  if (gtk_check_button_get_active (self->manual_check))
    statuses |= 1u << BYLINE_STATUS_MANUAL;
  if (gtk_check_button_get_active (self->accepted_check))
    statuses |= 1u << BYLINE_STATUS_ACCEPTED;
  if (gtk_check_button_get_active (self->suggested_check))
    statuses |= 1u << BYLINE_STATUS_SUGGESTED;
  if (gtk_check_button_get_active (self->rejected_check))
    statuses |= 1u << BYLINE_STATUS_REJECTED;
  return statuses != 0 ? statuses : NO_STATUSES;
}

/* NULL for every layer. */
static char **
dup_layers (BylineExportDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean all = TRUE;

  for (guint i = 0; i < self->layer_checks->len; i++)
    {
      if (gtk_check_button_get_active (self->layer_checks->pdata[i]))
        g_strv_builder_add (builder, self->layer_names->pdata[i]);
      else
        all = FALSE;
    }
  return all ? NULL : g_strv_builder_end (builder);
}

static BylineExportJob *
export_job_new (BylineExportDialog  *self,
                gboolean             dry_run,
                GError             **error)
{
  BylineDocument *document = byline_window_get_document (self->window);
  GFile *file = byline_window_get_file (self->window);
  BylineExportJob *job;
  char *data;
  gsize len;
  guint layer;

  if (document == NULL)
    {
      g_set_error_literal (error, BYLINE_ERROR, BYLINE_ERROR_INVALID, _("There is no article to export"));
      return NULL;
    }

  job = g_new0 (BylineExportJob, 1);
  job->format = get_format (self);
  job->dry_run = dry_run;
  job->output = dup_destination_path (self);
  if (get_dest_kind (self) == DEST_FILES)
    {
      /* The export makes one file a document in a name ending in "/". */
      char *with_slash = g_strconcat (job->output, G_DIR_SEPARATOR_S, NULL);

      g_free (job->output);
      job->output = with_slash;
    }
  job->schema = g_object_ref (self->schema);
  job->current = file != NULL ? g_file_get_path (file) : NULL;
  data = byline_native_to_string (document, &len);
  job->snapshot = g_bytes_new_take (data, len);
  if (get_corpus (self))
    job->inputs = g_ptr_array_ref (self->corpus);

  layer = adw_combo_row_get_selected (self->tag_layer_row);
  if (is_token_format (job->format) && layer < self->layer_names->len)
    {
      job->layer = g_strdup (self->layer_names->pdata[layer]);
      job->options.layer = job->layer;
      job->options.scheme = (BylineTagScheme) adw_combo_row_get_selected (self->scheme_row);
    }
  if (job->layer != NULL)
    job->layers = g_strdupv ((char *[]) { job->layer, NULL });
  else
    job->layers = dup_layers (self);
  job->settings.layers = (const char * const *) job->layers;
  job->settings.statuses = get_statuses (self);
  if (get_split (self))
    {
      job->settings.split[BYLINE_SPLIT_TRAIN] = gtk_spin_button_get_value (self->train_spin);
      job->settings.split[BYLINE_SPLIT_DEV] = gtk_spin_button_get_value (self->dev_spin);
      job->settings.split[BYLINE_SPLIT_TEST] = gtk_spin_button_get_value (self->test_spin);
      job->settings.seed = (guint64) gtk_spin_button_get_value_as_int (self->seed_spin);
    }

  if (job->format == NULL || job->output == NULL)
    {
      g_set_error_literal (error, BYLINE_ERROR, BYLINE_ERROR_INVALID, _("Choose a format and a destination"));
      byline_export_job_free (job);
      return NULL;
    }
  if (get_split (self) &&
      job->settings.split[0] + job->settings.split[1] + job->settings.split[2] <= 0)
    {
      g_set_error_literal (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                           _("Give the train, dev or test part a share above 0 %"));
      byline_export_job_free (job);
      return NULL;
    }
  return job;
}

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

static void
update_busy (BylineExportDialog *self)
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
  update_busy (self);
}

static gboolean
run_preview_cb (gpointer user_data)
{
  BylineExportDialog *self = user_data;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  BylineExportJob *job;

  self->preview_source = 0;

  job = export_job_new (self, TRUE, &error);
  if (job == NULL)
    {
      set_preview (self, error->message);
      update_busy (self);
      return G_SOURCE_REMOVE;
    }

  self->preview_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->preview_cancellable, on_preview_done_cb, NULL);
  g_task_set_source_tag (task, run_preview_cb);
  g_task_set_task_data (task, job, (GDestroyNotify) byline_export_job_free);
  g_task_run_in_thread (task, byline_export_job_run);
  update_busy (self);
  return G_SOURCE_REMOVE;
}

static void
cancel_preview (BylineExportDialog *self)
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
static void
schedule_preview (BylineExportDialog *self)
{
  if (self->export_cancellable != NULL)
    return;
  cancel_preview (self);
  self->preview_source = g_timeout_add (PREVIEW_DELAY_MS, run_preview_cb, self);
  g_source_set_name_by_id (self->preview_source, "[byline] export preview");
  update_busy (self);
}

/* ---- The destination -------------------------------------------------- */

static void
update_destination (BylineExportDialog *self)
{
  g_autofree char *path = dup_destination_path (self);
  g_autofree char *shown = NULL;

  if (path == NULL)
    {
      adw_action_row_set_subtitle (self->destination_row, "");
      return;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    shown = g_strdup_printf (_("%s\nExists: files of the same names in it are replaced"), path);
  else if (g_file_test (path, G_FILE_TEST_EXISTS))
    shown = g_strdup_printf (_("%s\nExists: it will be replaced"), path);
  else
    shown = g_strdup (path);
  adw_action_row_set_subtitle (self->destination_row, shown);
}

/**
 * byline_export_dialog_set_destination:
 * @file: a file for a one-file export, or a folder
 *
 * What choosing a destination does: a file gives the folder and the name
 * (the extension follows the format), a folder is used as it is.
 */
void
byline_export_dialog_set_destination (BylineExportDialog *self,
                                      GFile              *file)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (BYLINE_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  parent = g_file_get_parent (file);
  name = g_file_get_basename (file);
  if (parent == NULL || name == NULL)
    return;

  g_set_object (&self->dest_folder, parent);
  g_free (self->dest_stem);
  self->dest_chosen = TRUE;
  g_clear_pointer (&self->dest_ext, g_free);
  if (get_dest_kind (self) == DEST_FILE)
    {
      const char *ext = byline_export_format_extension (get_format (self), name);

      if (ext != NULL)
        {
          gsize len = strlen (name) - strlen (ext);

          self->dest_ext = g_strdup (ext);
          self->dest_stem = g_strndup (name, len);
        }
      else
        {
          self->dest_stem = byline_export_strip_extension (name);
        }
      self->dest_exact = FALSE;
    }
  else
    {
      self->dest_stem = g_steal_pointer (&name);
      self->dest_exact = TRUE;
    }
  update_destination (self);
  schedule_preview (self);
}

/**
 * byline_export_dialog_dup_destination:
 *
 * Returns: (transfer full) (nullable): where Export will write
 */
GFile *
byline_export_dialog_dup_destination (BylineExportDialog *self)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (BYLINE_IS_EXPORT_DIALOG (self), NULL);

  path = dup_destination_path (self);
  return path != NULL ? g_file_new_for_path (path) : NULL;
}

static void
close_chooser (BylineExportDialog *self)
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
                        BylineExportDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  close_chooser (self);
  if (file != NULL)
    byline_export_dialog_set_destination (self, file);
}

static void
on_choose_button_clicked_cb (BylineExportDialog *self)
{
  const BylineFormat *format = get_format (self);
  g_autofree char *path = dup_destination_path (self);
  gboolean folder = get_dest_kind (self) != DEST_FILE;
  GtkFileChooserNative *native;

  if (format == NULL || path == NULL)
    return;
  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (self->chooser);
      return;
    }

  native = gtk_file_chooser_native_new (folder ? _("Export to Folder") : _("Export to File"),
                                        GTK_WINDOW (self),
                                        folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                               : GTK_FILE_CHOOSER_ACTION_SAVE,
                                        folder ? _("_Select") : _("_Export"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), self->dest_folder, NULL);
  if (!folder)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      g_autofree char *name = g_path_get_basename (path);

      gtk_file_filter_set_name (filter, byline_format_row_get_title (format->name));
      for (guint i = 0; format->extensions[i] != NULL; i++)
        gtk_file_filter_add_suffix (filter, format->extensions[i] + 1);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
    }

  g_signal_connect (native, "response", G_CALLBACK (on_chooser_response_cb), self);
  self->chooser = GTK_NATIVE_DIALOG (native);
  gtk_native_dialog_show (self->chooser);
}

/* ---- Reacting to the settings ----------------------------------------- */

static void
set_default_statuses (BylineExportDialog *self)
{
  gboolean all = is_native_format (get_format (self));

  gtk_check_button_set_active (self->manual_check, TRUE);
  gtk_check_button_set_active (self->accepted_check, TRUE);
  gtk_check_button_set_active (self->suggested_check, all);
  gtk_check_button_set_active (self->rejected_check, all);
}

static void
on_format_changed_cb (BylineExportDialog *self)
{
  const BylineFormat *format = get_format (self);

  /* A token format writes one layer: the layer to tag is the filter. */
  gtk_widget_set_visible (GTK_WIDGET (self->tag_layer_row), is_token_format (format));
  gtk_widget_set_visible (GTK_WIDGET (self->scheme_row), is_token_format (format));
  gtk_widget_set_visible (GTK_WIDGET (self->layers_row), !is_token_format (format));
  set_default_statuses (self);
  update_filter_subtitles (self);
  update_destination (self);
  schedule_preview (self);
}

static void
on_scope_changed_cb (BylineExportDialog *self)
{
  gboolean corpus = get_corpus (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->split_row), corpus);
  adw_expander_row_set_subtitle (self->split_row,
                                 corpus ? _("Documents are shuffled with the seed, then divided")
                                        : _("For all the articles of the folder"));
  if (!corpus)
    adw_expander_row_set_enable_expansion (self->split_row, FALSE);

  /* The default place follows: a corpus goes beside its folder, so that
   * the next corpus export does not read this one. */
  if (!self->dest_chosen && self->folder != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (self->folder);

      g_free (self->dest_stem);
      if (corpus && parent != NULL)
        {
          g_set_object (&self->dest_folder, parent);
          self->dest_stem = g_file_get_basename (self->folder);
        }
      else
        {
          g_autofree char *name = g_file_get_basename (byline_window_get_file (self->window));

          g_set_object (&self->dest_folder, self->folder);
          self->dest_stem = byline_export_strip_extension (name);
        }
    }
  update_destination (self);
  schedule_preview (self);
}

/* The collapsed filters say what they hold: "All", or "Manual,
 * Accepted". */
static void
update_filter_subtitles (BylineExportDialog *self)
{
  const struct
  {
    GtkCheckButton *check;
    const char     *title;
  } statuses[] = {
    { self->manual_check, N_("Manual") },
    { self->accepted_check, N_("Accepted") },
    { self->suggested_check, N_("Suggested") },
    { self->rejected_check, N_("Rejected") },
  };
  g_autoptr(GString) layers = g_string_new (NULL);
  g_autoptr(GString) chosen = g_string_new (NULL);
  guint n_layers = 0, n_statuses = 0;

  for (guint i = 0; i < self->layer_checks->len; i++)
    {
      GtkWidget *row;

      if (!gtk_check_button_get_active (self->layer_checks->pdata[i]))
        continue;
      row = gtk_widget_get_ancestor (self->layer_checks->pdata[i], ADW_TYPE_ACTION_ROW);
      g_string_append_printf (layers, "%s%s", n_layers++ > 0 ? ", " : "",
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
    }
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      if (gtk_check_button_get_active (statuses[i].check))
        g_string_append_printf (chosen, "%s%s", n_statuses++ > 0 ? ", " : "", _(statuses[i].title));
    }

  adw_expander_row_set_subtitle (self->layers_row,
                                 n_layers == self->layer_checks->len ? _("All")
                                 : n_layers == 0 ? _("None: the text only") : layers->str);
  adw_expander_row_set_subtitle (self->statuses_row,
                                 n_statuses == G_N_ELEMENTS (statuses) ? _("All")
                                 : n_statuses == 0 ? _("None: the text only") : chosen->str);
}

static void
on_setting_changed_cb (BylineExportDialog *self)
{
  update_filter_subtitles (self);
  update_destination (self);
  schedule_preview (self);
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
  update_busy (self);

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
      schedule_preview (self);
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

  job = export_job_new (self, FALSE, &error);
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

  cancel_preview (self);
  self->export_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->export_cancellable, on_export_done_cb, NULL);
  g_task_set_source_tag (task, export_run_action);
  g_task_set_task_data (task, job, (GDestroyNotify) byline_export_job_free);
  g_task_run_in_thread (task, byline_export_job_run);
  update_busy (self);
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
      g_signal_connect_swapped (check, "notify::active", G_CALLBACK (on_setting_changed_cb), self);
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
  on_scope_changed_cb (self);
  on_format_changed_cb (self);

  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (on_format_changed_cb), self);
  g_signal_connect_swapped (self->scope_row, "notify::selected", G_CALLBACK (on_scope_changed_cb), self);
  g_signal_connect_swapped (self->tag_layer_row, "notify::selected", G_CALLBACK (on_setting_changed_cb), self);
  g_signal_connect_swapped (self->scheme_row, "notify::selected", G_CALLBACK (on_setting_changed_cb), self);
  g_signal_connect_swapped (self->split_row, "notify::enable-expansion", G_CALLBACK (on_setting_changed_cb), self);
  g_signal_connect_swapped (self->train_spin, "value-changed", G_CALLBACK (on_setting_changed_cb), self);
  g_signal_connect_swapped (self->dev_spin, "value-changed", G_CALLBACK (on_setting_changed_cb), self);
  g_signal_connect_swapped (self->test_spin, "value-changed", G_CALLBACK (on_setting_changed_cb), self);
  g_signal_connect_swapped (self->seed_spin, "value-changed", G_CALLBACK (on_setting_changed_cb), self);
  g_signal_connect_swapped (self->manual_check, "notify::active", G_CALLBACK (on_setting_changed_cb), self);
  g_signal_connect_swapped (self->accepted_check, "notify::active", G_CALLBACK (on_setting_changed_cb), self);
  g_signal_connect_swapped (self->suggested_check, "notify::active", G_CALLBACK (on_setting_changed_cb), self);
  g_signal_connect_swapped (self->rejected_check, "notify::active", G_CALLBACK (on_setting_changed_cb), self);
  g_signal_connect_swapped (self->choose_button, "clicked", G_CALLBACK (on_choose_button_clicked_cb), self);

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
  cancel_preview (self);
  if (self->export_cancellable != NULL)
    {
      g_cancellable_cancel (self->export_cancellable);
      g_clear_object (&self->export_cancellable);
    }
  close_chooser (self);

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
  close_chooser (BYLINE_EXPORT_DIALOG (widget));

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
