/* byline-review-private.h: what review mode and Suggest share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "byline-window-private.h"

G_BEGIN_DECLS

struct _BylineWindowReview
{
  /* Review mode (win.review, property "reviewing"). */
  gboolean            active;
  /* The document whose signals are connected. */
  BylineDocument     *document;
  /* The suggestions of the document (any status but manual) in visible
   * layers, in reading order, with references; rebuilt when dirty. */
  GPtrArray          *items;
  guint               n_decided;
  gboolean            dirty;
  guint               refresh_id;

  /* The review bar (byline-review-bar.ui), made when review mode is first
   * turned on. */
  GtkWidget          *bar;
  GtkLabel           *position_label;
  GtkLabel           *detail_label;
  GtkProgressBar     *progress_bar;
  GtkLabel           *progress_label;
  GtkMenuButton      *bulk_button;
  GtkPopover         *bulk_popover;
  GtkDropDown        *bulk_label_dropdown;
  GtkSpinButton      *bulk_confidence;
  GtkButton          *bulk_accept_button;
  GtkDropDown        *bulk_origin_dropdown;
  GtkButton          *bulk_reject_button;
  GPtrArray          *bulk_labels;     /* names, NULL first (all labels) */
  GPtrArray          *bulk_origins;    /* names */

  /* Suggest: byline-review-suggest.c */
  GCancellable       *suggest_cancellable;
  gboolean            suggest_stopped;  /* by the user */
  /* Workers not yet back, the cancelled ones too (each holds the window). */
  guint               n_suggest_workers;
  GSimpleActionGroup *suggest_actions;
  GtkWidget          *preferences;      /* weak */
  AdwToast           *suggest_toast;    /* weak: offers review mode */
};

/* byline-review-suggest.c */
void     _byline_review_suggest_class_init   (GtkWidgetClass *widget_class);
void     _byline_review_suggest_init         (BylineWindow   *self);
void     _byline_review_suggest_cancel       (BylineWindow   *self);
void     _byline_review_suggest_update       (BylineWindow   *self);
gboolean byline_window_get_suggesting        (BylineWindow   *self);

/* byline-window-review.c, for the bulk decisions: the suggestions in
 * reading order (self->review->items, brought up to date), one decision
 * inside a group the caller opened, a toast that offers to undo. */
void     _byline_review_ensure_items         (BylineWindow     *self);
gboolean _byline_review_decide_one           (BylineWindow     *self,
                                              BylineAnnotation *annotation,
                                              BylineStatus      status,
                                              const char       *reviewer);
void     _byline_review_add_undo_toast       (BylineWindow     *self,
                                              const char       *title);

/* byline-review-bulk.c */
void     _byline_review_bulk_class_init      (GtkWidgetClass   *widget_class);
void     _byline_review_bulk_add_callbacks   (GtkBuilderCScope *scope);
void     _byline_review_bulk_setup           (BylineWindow     *self);

/* byline-window-review.c: the name an empty "reviewer" setting stands for. */
const char *_byline_review_get_default_reviewer (void);

/* byline-window-review.c: after Suggest, in review mode, the first new
 * suggestion becomes the current one unless one is. */
void     _byline_review_after_suggest        (BylineWindow   *self);

G_END_DECLS
