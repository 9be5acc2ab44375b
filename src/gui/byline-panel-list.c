/* byline-panel-list.c: the side panel's list of annotations, in order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "byline-panel-list.h"

/* The list's models:
 *
 *   document ──annotation-added/removed/changed──▶ BylinePanelList ─▶ GtkFilterListModel ─▶ GtkSingleSelection
 *
 * BylinePanelList keeps the document's annotations in
 * byline_annotation_compare order in a plain array. A GtkSortListModel
 * would re-sort 50,000 items one by one when a document is shown, and
 * finding an annotation's row in it means a scan; here the array is
 * sorted once (byline_document_get_sorted_annotations), every change is
 * one binary search and one memmove, and get_item is O(1). An annotation
 * edited in place is taken out where its old extent put it and put back
 * where its new one does, so the filter re-checks just that item and the
 * list rebinds just its row. Nothing is re-filtered wholesale unless a
 * filter itself changes; with no filter set the filter model passes
 * everything through without looking at it. */

struct _BylinePanelList
{
  GObject    parent_instance;

  /* Strong references, sorted by byline_annotation_compare. */
  GPtrArray *items;
};

static GType
byline_panel_list_get_item_type (GListModel *model)
{
  return BYLINE_TYPE_ANNOTATION;
}

static guint
byline_panel_list_get_n_items (GListModel *model)
{
  return BYLINE_PANEL_LIST (model)->items->len;
}

static gpointer
byline_panel_list_get_item (GListModel *model,
                            guint       position)
{
  BylinePanelList *self = BYLINE_PANEL_LIST (model);

  if (position >= self->items->len)
    {
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
byline_panel_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = byline_panel_list_get_item_type;
  iface->get_n_items = byline_panel_list_get_n_items;
  iface->get_item = byline_panel_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (BylinePanelList, byline_panel_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, byline_panel_list_model_init))

static void
byline_panel_list_finalize (GObject *object)
{
  BylinePanelList *self = BYLINE_PANEL_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (byline_panel_list_parent_class)->finalize (object);
}

static void
byline_panel_list_class_init (BylinePanelListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = byline_panel_list_finalize;
}

static void
byline_panel_list_init (BylinePanelList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

BylineSortKey
byline_sort_key_of (BylineAnnotation *annotation)
{
  return (BylineSortKey) {
    byline_annotation_get_start (annotation),
    byline_annotation_get_end (annotation),
    byline_annotation_get_id (annotation),
  };
}

static int
compare_key (const BylineSortKey *key,
             BylineAnnotation *annotation)
{
  guint start = byline_annotation_get_start (annotation);
  guint end;

  if (key->start != start)
    {
      return key->start < start ? -1 : 1;
    }
  end = byline_annotation_get_end (annotation);
  if (key->end != end)
    {
      return key->end < end ? -1 : 1;
    }
  return g_strcmp0 (key->id, byline_annotation_get_id (annotation));
}

/* The first position in @model whose item does not sort before @key.
 * @model is sorted: the panel's list, or the filter model over it (a
 * filter keeps the order). */
static guint
lower_bound (GListModel    *model,
             const BylineSortKey *key)
{
  guint low = 0;
  guint high = g_list_model_get_n_items (model);

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      g_autoptr(BylineAnnotation) item = g_list_model_get_item (model, middle);

      if (compare_key (key, item) > 0)
        {
          low = middle + 1;
        }
      else
        {
          high = middle;
        }
    }

  return low;
}

/* The position of @annotation in @model (the list, or a filter model
 * over it, which keeps its order), looked up where @key puts it;
 * GTK_INVALID_LIST_POSITION when it is not there. */
guint
byline_panel_list_find (GListModel          *model,
                        BylineAnnotation    *annotation,
                        const BylineSortKey *key)
{
  guint position = lower_bound (model, key);
  g_autoptr(BylineAnnotation) item = g_list_model_get_item (model, position);

  return item == annotation ? position : GTK_INVALID_LIST_POSITION;
}

void
byline_panel_list_insert (BylinePanelList  *self,
                          BylineAnnotation *annotation)
{
  BylineSortKey key = byline_sort_key_of (annotation);
  guint position = lower_bound (G_LIST_MODEL (self), &key);

  g_ptr_array_insert (self->items, position, g_object_ref (annotation));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

/* Takes @annotation out from where @key puts it (its extent when it was
 * put in). Returns FALSE when it is not there. */
gboolean
byline_panel_list_remove (BylinePanelList  *self,
                          BylineAnnotation *annotation,
                          const BylineSortKey *key)
{
  guint position = byline_panel_list_find (G_LIST_MODEL (self), annotation, key);

  if (position == GTK_INVALID_LIST_POSITION &&
      !g_ptr_array_find (self->items, annotation, &position))
    {
      return FALSE;
    }

  g_ptr_array_remove_index (self->items, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  return TRUE;
}

/* Moves @annotation, edited in place, from where @old_key put it to where
 * it sorts now. */
void
byline_panel_list_move (BylinePanelList  *self,
                        BylineAnnotation *annotation,
                        const BylineSortKey *old_key)
{
  guint from = byline_panel_list_find (G_LIST_MODEL (self), annotation, old_key);
  BylineSortKey key = byline_sort_key_of (annotation);
  guint to;

  if (from == GTK_INVALID_LIST_POSITION &&
      !g_ptr_array_find (self->items, annotation, &from))
    {
      return;
    }

  /* Its neighbours are unchanged: when it still sorts between them it
   * stays, and the change is announced in place (the row rebinds). */
  if ((from == 0 || compare_key (&key, self->items->pdata[from - 1]) > 0) &&
      (from + 1 == self->items->len || compare_key (&key, self->items->pdata[from + 1]) < 0))
    {
      g_list_model_items_changed (G_LIST_MODEL (self), from, 1, 1);
      return;
    }

  annotation = g_ptr_array_steal_index (self->items, from);
  g_list_model_items_changed (G_LIST_MODEL (self), from, 1, 0);
  to = lower_bound (G_LIST_MODEL (self), &key);
  g_ptr_array_insert (self->items, to, annotation);
  g_list_model_items_changed (G_LIST_MODEL (self), to, 0, 1);
}

/* Replaces the contents with @sorted (in byline_annotation_compare order,
 * references not taken), announced as one change. */
void
byline_panel_list_set (BylinePanelList *self,
                       GPtrArray       *sorted)
{
  guint removed = self->items->len;
  guint added = sorted != NULL ? sorted->len : 0;
  g_autoptr(GPtrArray) old = g_steal_pointer (&self->items);

  self->items = g_ptr_array_new_full (added, g_object_unref);
  for (guint i = 0; i < added; i++)
    {
      g_ptr_array_add (self->items, g_object_ref (sorted->pdata[i]));
    }
  if (removed > 0 || added > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, added);
    }
}

BylinePanelList *
byline_panel_list_new (void)
{
  return g_object_new (BYLINE_TYPE_PANEL_LIST, NULL);
}
