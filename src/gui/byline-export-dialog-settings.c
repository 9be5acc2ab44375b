/* byline-export-dialog-settings.c: the Export dialog's settings: what
 * they ask of the export, the destination, and what a change of one
 * changes in the others
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "byline-error.h"
#include "byline-export.h"
#include "byline-export-dialog-private.h"
#include "byline-export-job.h"
#include "byline-format-row.h"
#include "byline-gui-private.h"
#include "byline-native.h"
#include "byline-schema.h"

/* A mask with no status in it: "no annotation at all". The export reads 0
 * as "the format's default", so an empty choice needs a bit of its own. */
#define NO_STATUSES (1u << BYLINE_N_STATUSES)

typedef enum
{
  DEST_FILE,     /* one file */
  DEST_FOLDER,   /* a folder the format or the split fills */
  DEST_FILES,    /* a folder of one file per document */
} DestKind;

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

BylineExportJob *
_byline_export_dialog_export_job_new (BylineExportDialog  *self,
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
  _byline_export_dialog_schedule_preview (self);
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

void
_byline_export_dialog_close_chooser (BylineExportDialog *self)
{
  byline_gui_close_native_dialog (&self->chooser, self);
}

static void
on_chooser_response_cb (GtkNativeDialog    *chooser,
                        int                 response,
                        BylineExportDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  _byline_export_dialog_close_chooser (self);
  if (file != NULL)
    byline_export_dialog_set_destination (self, file);
}

void
_byline_export_dialog_on_choose_button_clicked_cb (BylineExportDialog *self)
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

void
_byline_export_dialog_on_format_changed_cb (BylineExportDialog *self)
{
  const BylineFormat *format = get_format (self);

  /* A token format writes one layer: the layer to tag is the filter. */
  gtk_widget_set_visible (GTK_WIDGET (self->tag_layer_row), is_token_format (format));
  gtk_widget_set_visible (GTK_WIDGET (self->scheme_row), is_token_format (format));
  gtk_widget_set_visible (GTK_WIDGET (self->layers_row), !is_token_format (format));
  set_default_statuses (self);
  update_filter_subtitles (self);
  update_destination (self);
  _byline_export_dialog_schedule_preview (self);
}

void
_byline_export_dialog_on_scope_changed_cb (BylineExportDialog *self)
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
  _byline_export_dialog_schedule_preview (self);
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

void
_byline_export_dialog_on_setting_changed_cb (BylineExportDialog *self)
{
  update_filter_subtitles (self);
  update_destination (self);
  _byline_export_dialog_schedule_preview (self);
}
