/* byline-window-relations.c: making relations from the keyboard: r on
 * a selected annotation, then the target (alt+arrows and Enter, or a
 * click), then the type when more than one fits the schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "byline-window-private.h"
#include "byline-gui-private.h"

static void
add_relation (BylineWindow     *self,
              BylineAnnotation *from,
              BylineAnnotation *to,
              const char       *type)
{
  g_autoptr(BylineRelation) relation = byline_relation_new (type, byline_annotation_get_id (from),
                                                            byline_annotation_get_id (to));
  g_autoptr(GError) error = NULL;

  byline_relation_set_origin (relation, g_get_user_name ());
  if (byline_document_add_relation (self->document, relation, &error) == NULL)
    byline_window_add_error_toast (self, error->message);
}

/* Called with the target: adds the relation when one type fits, asks with a
 * popover when several do, says so when none does. */
void
byline_window_finish_relation (BylineWindow     *self,
                               BylineAnnotation *target)
{
  BylineAnnotation *source = self->relation_source;
  g_autoptr(GPtrArray) types = NULL;

  g_return_if_fail (BYLINE_IS_WINDOW (self));

  byline_article_view_end_pick (self->article_view);
  if (source == NULL || target == NULL || source == target)
    {
      g_clear_object (&self->relation_source);
      return;
    }
  types = byline_schema_relation_types_for (self->schema, byline_annotation_get_label (source),
                                            byline_annotation_get_label (target));
  if (types->len == 0)
    {
      g_autofree char *msg =
        g_strdup_printf (_("The schema has no relation from %s to %s"),
                         byline_annotation_get_label (source), byline_annotation_get_label (target));

      byline_window_add_error_toast (self, msg);
      g_clear_object (&self->relation_source);
      return;
    }
  if (types->len == 1)
    {
      add_relation (self, source, target, ((BylineRelationType *) types->pdata[0])->name);
      byline_article_view_set_selected (self->article_view, source);
      g_clear_object (&self->relation_source);
      return;
    }

  /* Several fit: a menu of them, at the target. */
  g_set_object (&self->relation_target, target);
  {
    g_autoptr(GMenu) menu = g_menu_new ();

    for (guint i = 0; i < types->len; i++)
      {
        const BylineRelationType *t = types->pdata[i];
        g_autoptr(GMenuItem) item = g_menu_item_new (t->title, NULL);

        g_menu_item_set_action_and_target_value (item, "win.relation-type", g_variant_new_string (t->name));
        g_menu_append_item (menu, item);
      }
    _byline_window_ensure_popover (self, &self->relation_popover);
    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->relation_popover), G_MENU_MODEL (menu));
    gtk_popover_popup (GTK_POPOVER (self->relation_popover));
  }
}

void
_byline_window_relation_type_action (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);

  if (self->relation_source != NULL && self->relation_target != NULL)
    {
      add_relation (self, self->relation_source, self->relation_target,
                    g_variant_get_string (parameter, NULL));
      byline_article_view_set_selected (self->article_view, self->relation_source);
    }
  g_clear_object (&self->relation_source);
  g_clear_object (&self->relation_target);
}

/* win.relation (r): with an annotation selected, pick the target by a click
 * or with alt+arrows and Enter. */
void
_byline_window_relation_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  BylineAnnotation *selected = _byline_window_selected_annotation (self);

  if (selected == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  g_set_object (&self->relation_source, selected);
  byline_article_view_begin_pick (self->article_view);
}

void
_byline_window_on_target_picked_cb (BylineArticleView *view,
                                    BylineAnnotation  *target,
                                    BylineWindow      *self)
{
  byline_window_finish_relation (self, target);
}

/* Enter while picking takes the pick target; Escape cancels. */
void
_byline_window_activate_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);

  if (byline_article_view_get_picking (self->article_view))
    byline_window_finish_relation (self, byline_article_view_get_pick_target (self->article_view));
}

void
_byline_window_cancel_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);

  if (byline_article_view_get_picking (self->article_view))
    {
      byline_article_view_end_pick (self->article_view);
      g_clear_object (&self->relation_source);
      return;
    }
  /* Escape leaves review mode first. */
  if (byline_window_review_cancel (self))
    return;
  byline_article_view_set_selected (self->article_view, NULL);
}

/* While picking, alt+arrows move the pick target (the view does it). */
