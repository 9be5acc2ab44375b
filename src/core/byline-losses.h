/* byline-losses.h: what a conversion could not carry over, counted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _BylineLosses BylineLosses;

/**
 * BylineLossFunc:
 * @what: what was lost, an untranslated phrase marked with N_() at the
 *   call site ("relations", "overlapping spans (the inner one was left out)")
 * @label: the label (or relation type, or attribute name) concerned
 * @count: how many
 */
typedef void (*BylineLossFunc) (const char *what,
                                const char *label,
                                guint       count,
                                gpointer    user_data);

BylineLosses *byline_losses_new       (void);
void          byline_losses_free      (BylineLosses   *self);
void          byline_losses_add       (BylineLosses   *self,
                                       const char     *what,
                                       const char     *label,
                                       guint           count);
void          byline_losses_merge     (BylineLosses   *self,
                                       BylineLosses   *other);
guint         byline_losses_get_count (BylineLosses   *self,
                                       const char     *what,
                                       const char     *label);
guint         byline_losses_get_total (BylineLosses   *self);
void          byline_losses_foreach   (BylineLosses   *self,
                                       BylineLossFunc  func,
                                       gpointer        user_data);
char         *byline_losses_to_string (BylineLosses   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineLosses, byline_losses_free)

G_END_DECLS
