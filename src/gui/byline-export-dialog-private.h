/* byline-export-dialog-private.h: what the Export dialog's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "byline-export-dialog.h"
#include "byline-export-job.h"
#include "byline-schema.h"

G_BEGIN_DECLS

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

/* byline-export-dialog.c */
void             _byline_export_dialog_update_busy                 (BylineExportDialog  *self);

/* byline-export-dialog-settings.c */
BylineExportJob *_byline_export_dialog_export_job_new              (BylineExportDialog  *self,
                                                                    gboolean             dry_run,
                                                                    GError             **error);
void             _byline_export_dialog_close_chooser               (BylineExportDialog  *self);
void             _byline_export_dialog_on_choose_button_clicked_cb (BylineExportDialog  *self);
void             _byline_export_dialog_on_format_changed_cb        (BylineExportDialog  *self);
void             _byline_export_dialog_on_scope_changed_cb         (BylineExportDialog  *self);
void             _byline_export_dialog_on_setting_changed_cb       (BylineExportDialog  *self);

/* byline-export-dialog-preview.c */
void             _byline_export_dialog_cancel_preview              (BylineExportDialog  *self);
void             _byline_export_dialog_schedule_preview            (BylineExportDialog  *self);

G_END_DECLS
