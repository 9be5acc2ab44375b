/* byline-window-private.h: what the parts of BylineWindow share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "byline-annotation-panel.h"
#include "byline-article-view.h"
#include "byline-gui-private.h"
#include "byline-label-palette.h"
#include "byline-window.h"

G_BEGIN_DECLS

typedef struct _BylineWindowIo BylineWindowIo;
typedef struct _BylineWindowReview BylineWindowReview;

struct _BylineWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwHeaderBar         *header_bar;
  AdwWindowTitle       *window_title;
  GtkButton            *open_button;
  GtkMenuButton        *main_menu_button;
  GMenuModel           *primary_menu;
  GtkStack             *stack;
  AdwStatusPage        *status_page;
  GtkButton            *status_open_button;
  GtkScrolledWindow    *scrolled_window;
  AdwFlap              *flap;
  BylineArticleView    *article_view;
  BylineAnnotationPanel *annotation_panel;
  BylineLabelPalette   *label_palette;
  GtkBox               *layer_switcher;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkLabel             *search_count;
  GtkLabel             *article_title;
  GtkLabel             *article_source;
  GtkButton            *save_button;
  GtkWidget            *recent_box;
  GtkListBox           *recent_list;
  GtkButton            *suggest_button;
  GtkStack             *suggest_stack;
  GtkSpinner           *suggest_spinner;
  GtkMenuButton        *suggest_menu_button;
  GtkToggleButton      *review_button;
  GtkRevealer          *review_revealer;

  GSettings            *settings;
  BylineDocument       *document;
  GFile                *file;
  /* Set while a load runs; cancelled when another starts or the window
   * goes away, so a late result never lands in the wrong place. */
  GCancellable         *load_cancellable;
  GtkNativeDialog      *open_dialog;
  /* Saving, recovery copies, recent files: byline-window-io.c,
   * byline-window-save.c, byline-window-recovery.c */
  BylineWindowIo       *io;

  /* Annotating: byline-window-annotate.c */
  BylineSchema         *schema;
  char                 *layer;
  const char           *last_label;       /* interned */
  GSimpleActionGroup   *layer_actions;    /* "annotate": layer, snapping, show-* */
  GtkShortcutController *label_shortcuts;
  GtkWidget            *label_popover;
  GtkWidget            *relation_popover;
  BylineAnnotation     *relation_source;
  BylineAnnotation     *relation_target;

  /* Suggesting and reviewing: byline-window-review.c and
   * byline-review-suggest.c */
  BylineWindowReview   *review;

  /* What follows an edit after the frame that shows it: toasts
   * (byline_window_add_toast_after_frame) and the title's unsaved mark
   * (byline_window_update_title_after_frame). */
  GPtrArray            *later_toasts;     /* AdwToast */
  gboolean              later_title;
  BylineAfterFrame      later;

  /* Finding: byline-window-search.c */
  GArray               *search_matches;   /* BylineFragment */
  guint                 search_position;
};

void byline_window_class_actions_init (GtkWidgetClass *widget_class);
void byline_window_close_open_dialog  (BylineWindow   *self);
void byline_window_add_error_toast    (BylineWindow   *self,
                                       const char     *message);
void byline_window_add_toast_after_frame (BylineWindow *self,
                                          AdwToast     *toast);
void byline_window_update_title_after_frame (BylineWindow *self);
void byline_window_set_document       (BylineWindow   *self,
                                       BylineDocument *document,
                                       GFile          *file);
void byline_window_set_file           (BylineWindow   *self,
                                       GFile          *file);
void byline_window_update_title       (BylineWindow   *self);

/* byline-window-io.c: drag and drop, recent files, the questions asked;
 * byline-window-save.c: Save, Save As, asking before unsaved changes are
 * lost; byline-window-recovery.c: recovery copies. */
void              byline_window_io_init             (BylineWindow   *self);
void              byline_window_io_dispose          (BylineWindow   *self);
void              byline_window_io_document_changed (BylineWindow   *self);
void              byline_window_io_update_actions   (BylineWindow   *self);
void              byline_window_request_open        (BylineWindow   *self,
                                                     GFile          *file);
void              byline_window_save_action         (GtkWidget      *widget,
                                                     const char     *action_name,
                                                     GVariant       *parameter);
void              byline_window_save_as_action      (GtkWidget      *widget,
                                                     const char     *action_name,
                                                     GVariant       *parameter);
void              byline_window_open_recent_action  (GtkWidget      *widget,
                                                     const char     *action_name,
                                                     GVariant       *parameter);
gboolean          byline_window_save_to_file        (BylineWindow   *self,
                                                     GFile          *file,
                                                     GError        **error);
char             *byline_window_dup_recovery_path   (BylineWindow   *self);
gboolean          byline_window_write_recovery      (BylineWindow   *self,
                                                     GError        **error);
void              byline_window_start_recovery      (BylineWindow   *self);
gboolean          byline_window_get_recovery_progress (BylineWindow *self,
                                                     gint64         *longest_step,
                                                     gint64         *main_thread);
gboolean          byline_window_restore_recovery    (BylineWindow   *self,
                                                     GError        **error);
void              byline_window_discard_recovery    (BylineWindow   *self);
AdwMessageDialog *byline_window_get_message_dialog  (BylineWindow   *self);

/* byline-window-annotate.c: labeling, layers, selection, relations. */
void        byline_window_class_annotate_init (GtkWidgetClass   *widget_class);
void        byline_window_annotate_init       (BylineWindow     *self);
void        byline_window_annotate_dispose    (BylineWindow     *self);
void        byline_window_annotate_set_document (BylineWindow   *self);
gboolean    byline_window_apply_label         (BylineWindow     *self,
                                               const char       *label);
const char *byline_window_get_layer           (BylineWindow     *self);
void        byline_window_set_layer           (BylineWindow     *self,
                                               const char       *layer);
void        byline_window_show_label_popover  (BylineWindow     *self,
                                               double            x,
                                               double            y);
BylineAnnotation *_byline_window_selected_annotation (BylineWindow *self);

/* byline-window-relations.c: relations from the keyboard (r, the target,
 * the type). */
void        byline_window_finish_relation     (BylineWindow     *self,
                                               BylineAnnotation *target);
void        _byline_window_relation_action      (GtkWidget         *widget,
                                                 const char        *action_name,
                                                 GVariant          *parameter);
void        _byline_window_relation_type_action (GtkWidget         *widget,
                                                 const char        *action_name,
                                                 GVariant          *parameter);
void        _byline_window_activate_action      (GtkWidget         *widget,
                                                 const char        *action_name,
                                                 GVariant          *parameter);
void        _byline_window_cancel_action        (GtkWidget         *widget,
                                                 const char        *action_name,
                                                 GVariant          *parameter);
void        _byline_window_on_target_picked_cb  (BylineArticleView *view,
                                                 BylineAnnotation  *target,
                                                 BylineWindow      *self);
GtkPopover *_byline_window_ensure_popover       (BylineWindow      *self,
                                                 GtkWidget        **popover);

/* byline-window-review.c: review mode, accepting and rejecting
 * suggestions, bulk decisions; byline-review-suggest.c: Suggest. */
void        byline_window_class_review_init   (GtkWidgetClass   *widget_class);
void        byline_window_review_init         (BylineWindow     *self);
void        byline_window_review_dispose      (BylineWindow     *self);
void        byline_window_review_set_document (BylineWindow     *self);
gboolean    byline_window_get_reviewing       (BylineWindow     *self);
void        byline_window_set_reviewing       (BylineWindow     *self,
                                               gboolean          reviewing);
gboolean    byline_window_review_cancel       (BylineWindow     *self);
char       *byline_window_dup_reviewer        (BylineWindow     *self);
gboolean    byline_window_review_replace      (BylineWindow     *self,
                                               BylineAnnotation *annotation,
                                               BylineAnnotation *state,
                                               GError          **error);

/* byline-window-search.c: find in the article, label all matches. */
void        byline_window_class_search_init   (GtkWidgetClass   *widget_class);
void        byline_window_search_init         (BylineWindow     *self);
void        byline_window_search_reset        (BylineWindow     *self);
guint       byline_window_label_matches       (BylineWindow     *self,
                                               const char       *label);

G_END_DECLS
