/* byline-annotation-panel-filters.c: the side panel's filters, and the
 * counts per label and origin their drop-downs show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Counted from the document's signals as they come (count_in, count_out),
 * not recounted; the drop-downs' texts are made again after an edit's
 * frame (apply_changes), and only the items whose text changed are
 * replaced.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "byline-annotation-panel-private.h"

guint
_byline_label_count_hash (gconstpointer key)
{
  const LabelCount *c = key;

  return g_direct_hash (c->layer) * 31 + g_direct_hash (c->label);
}

gboolean
_byline_label_count_equal (gconstpointer a,
                           gconstpointer b)
{
  const LabelCount *ca = a;
  const LabelCount *cb = b;

  return ca->layer == cb->layer && ca->label == cb->label;
}

static LabelCount *
lookup_count (BylineAnnotationPanel *self,
              const char            *layer,
              const char            *label)
{
  LabelCount key = { layer, label, 0 };
  LabelCount *count = g_hash_table_lookup (self->counts, &key);

  if (count == NULL)
    {
      count = g_new0 (LabelCount, 1);
      count->layer = layer;
      count->label = label;
      g_hash_table_add (self->counts, count);
      if (!g_ptr_array_find (self->labels_seen, label, NULL))
        {
          g_ptr_array_add (self->labels_seen, (gpointer) label);
        }
    }

  return count;
}

/* Origins, for the origin drop-down. */
static void
origin_in (BylineAnnotationPanel *self,
           BylineAnnotation      *annotation)
{
  const char *origin = byline_annotation_get_origin (annotation);
  guint n;

  if (origin == NULL || origin[0] == '\0')
    {
      return;
    }
  origin = g_intern_string (origin);
  n = GPOINTER_TO_UINT (g_hash_table_lookup (self->origin_counts, origin));
  g_hash_table_insert (self->origin_counts, (gpointer) origin, GUINT_TO_POINTER (n + 1));
  g_hash_table_insert (self->origin_of, annotation, (gpointer) origin);
}

static void
origin_out (BylineAnnotationPanel *self,
            BylineAnnotation      *annotation)
{
  const char *origin = g_hash_table_lookup (self->origin_of, annotation);
  guint n;

  if (origin == NULL)
    {
      return;
    }
  n = GPOINTER_TO_UINT (g_hash_table_lookup (self->origin_counts, origin));
  g_hash_table_insert (self->origin_counts, (gpointer) origin, GUINT_TO_POINTER (n > 0 ? n - 1 : 0));
  g_hash_table_remove (self->origin_of, annotation);
}

/* Layers and labels of annotations are interned. */
void
_byline_annotation_panel_count_in (BylineAnnotationPanel *self,
                                   BylineAnnotation      *annotation)
{
  LabelCount *count = lookup_count (self, byline_annotation_get_layer (annotation),
                                    byline_annotation_get_label (annotation));

  count->count++;
  g_hash_table_insert (self->counted, annotation, count);
  origin_in (self, annotation);
}

void
_byline_annotation_panel_count_out (BylineAnnotationPanel *self,
                                    BylineAnnotation      *annotation)
{
  LabelCount *count = g_hash_table_lookup (self->counted, annotation);

  if (count != NULL)
    {
      count->count--;
      g_hash_table_remove (self->counted, annotation);
    }
  origin_out (self, annotation);
}

void
_byline_annotation_panel_count_all (BylineAnnotationPanel *self,
                                    GPtrArray             *annotations)
{
  LabelCount *count = NULL;

  g_hash_table_remove_all (self->counted);
  g_hash_table_remove_all (self->counts);
  g_ptr_array_set_size (self->labels_seen, 0);
  g_hash_table_remove_all (self->origin_of);
  g_hash_table_remove_all (self->origin_counts);

  for (guint i = 0; annotations != NULL && i < annotations->len; i++)
    {
      BylineAnnotation *annotation = annotations->pdata[i];
      const char *layer = byline_annotation_get_layer (annotation);
      const char *label = byline_annotation_get_label (annotation);

      /* Neighbours often share a label. */
      if (count == NULL || count->layer != layer || count->label != label)
        {
          count = lookup_count (self, layer, label);
        }
      count->count++;
      g_hash_table_insert (self->counted, annotation, count);
      origin_in (self, annotation);
    }
}

/* Shows @names (NULL first, for all) with @strings in the label
 * drop-down. When the names are those it shows, only the texts that
 * changed are replaced: an edit changes one or two counts, and the
 * drop-down then rebinds one or two items. */
static void
show_label_items (BylineAnnotationPanel *self,
                  GPtrArray             *names,
                  GPtrArray             *strings,
                  guint                  selected)
{
  GListModel *model = G_LIST_MODEL (self->label_model);
  gboolean same = names->len == self->label_names->len &&
                  names->len == g_list_model_get_n_items (model);

  for (guint i = 0; same && i < names->len; i++)
    {
      same = names->pdata[i] == self->label_names->pdata[i];
    }

  self->syncing++;
  for (guint i = 0; i < names->len; i++)
    {
      const char *string = strings->pdata[i];
      const char *one[] = { string, NULL };
      g_autoptr(GObject) item = NULL;
      const BylineLabel *def;

      if (same && g_strcmp0 (gtk_string_list_get_string (self->label_model, i), string) == 0)
        {
          continue;
        }
      if (same)
        {
          gtk_string_list_splice (self->label_model, i, 1, one);
        }
      else if (i == 0)
        {
          g_ptr_array_set_size (self->label_names, 0);
          g_ptr_array_extend (self->label_names, names, NULL, NULL);
          g_ptr_array_add (strings, NULL);
          gtk_string_list_splice (self->label_model, 0, g_list_model_get_n_items (model),
                                  (const char * const *) strings->pdata);
          g_ptr_array_remove_index (strings, strings->len - 1);
        }
      if (i == 0)
        {
          continue;
        }

      /* The swatch's colour, on the new item. */
      item = g_list_model_get_item (model, i);
      def = self->schema != NULL ? byline_schema_lookup_label (self->schema, names->pdata[i]) : NULL;
      g_object_set_data_full (item, "byline-color",
                              g_strdup (def != NULL ? def->color : ""), g_free);
    }
  self->label_selected = selected;
  if (self->built)
    {
      gtk_drop_down_set_selected (self->label_dropdown, selected);
    }
  self->syncing--;
}

/* Counts per label, shown in the label drop-down: "PERSON (12)", from the
 * counts kept up to date, not from the annotations. */
void
_byline_annotation_panel_rebuild_label_dropdown (BylineAnnotationPanel *self)
{
  g_autoptr(GHashTable) sums = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  LabelCount *count;
  guint total = 0;
  guint selected = 0;

  g_hash_table_iter_init (&iter, self->counts);
  while (g_hash_table_iter_next (&iter, (gpointer *) &count, NULL))
    {
      if (count->count > 0 &&
          (self->layer_filter == NULL || count->layer == self->layer_filter))
        {
          g_hash_table_insert (sums, (gpointer) count->label,
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (sums, count->label)) +
                                                 count->count));
          total += count->count;
        }
    }

  /* The schema's order first, then labels it does not know. */
  g_ptr_array_add (names, NULL);
  /* TRANSLATORS: the label filter's first item, with the number of annotations */
  g_ptr_array_add (strings, g_strdup_printf (_("All labels (%u)"), total));
  for (guint l = 0; self->schema != NULL && l < byline_schema_get_n_layers (self->schema); l++)
    {
      const BylineLayer *layer = byline_schema_get_layer (self->schema, l);

      for (guint i = 0; i < layer->labels->len; i++)
        {
          const BylineLabel *label = g_ptr_array_index (layer->labels, i);
          const char *name = g_intern_string (label->name);
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (sums, name));

          if (n > 0 || name == self->label_filter)
            {
              g_ptr_array_add (names, (gpointer) name);
              g_ptr_array_add (strings, g_strdup_printf ("%s (%u)", name, n));
              g_hash_table_remove (sums, name);
            }
        }
    }
  for (guint i = 0; i < self->labels_seen->len; i++)
    {
      const char *name = self->labels_seen->pdata[i];

      if (g_hash_table_contains (sums, name))
        {
          g_ptr_array_add (names, (gpointer) name);
          g_ptr_array_add (strings, g_strdup_printf ("%s (%u)", name,
                                                     GPOINTER_TO_UINT (g_hash_table_lookup (sums, name))));
        }
    }
  if (self->label_filter != NULL && !g_ptr_array_find (names, self->label_filter, &selected))
    {
      g_ptr_array_add (names, (gpointer) self->label_filter);
      g_ptr_array_add (strings, g_strdup_printf ("%s (0)", self->label_filter));
      selected = names->len - 1;
    }

  show_label_items (self, names, strings, selected);
}

static int
compare_origins (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* "All origins", then each origin with its count: "rules:quotes (12)". */
void
_byline_annotation_panel_rebuild_origin_dropdown (BylineAnnotationPanel *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer origin;
  gpointer count;
  guint selected = 0;
  gboolean same;

  g_hash_table_iter_init (&iter, self->origin_counts);
  while (g_hash_table_iter_next (&iter, &origin, &count))
    {
      if (GPOINTER_TO_UINT (count) > 0 || origin == self->origin_filter)
        {
          g_ptr_array_add (names, origin);
        }
    }
  if (self->origin_filter != NULL && !g_ptr_array_find (names, self->origin_filter, NULL))
    {
      g_ptr_array_add (names, (gpointer) self->origin_filter);
    }
  g_ptr_array_sort (names, compare_origins);
  g_ptr_array_insert (names, 0, NULL);

  g_ptr_array_add (strings, g_strdup (_("All origins")));
  for (guint i = 1; i < names->len; i++)
    {
      g_ptr_array_add (strings, g_strdup_printf ("%s (%u)", (const char *) names->pdata[i],
                                                 GPOINTER_TO_UINT (g_hash_table_lookup (self->origin_counts,
                                                                                        names->pdata[i]))));
      if (names->pdata[i] == self->origin_filter)
        {
          selected = i;
        }
    }

  /* Unchanged texts: nothing to rebind. */
  same = strings->len == g_list_model_get_n_items (G_LIST_MODEL (self->origin_model));
  for (guint i = 0; same && i < strings->len; i++)
    {
      same = g_strcmp0 (gtk_string_list_get_string (self->origin_model, i), strings->pdata[i]) == 0;
    }
  self->syncing++;
  if (!same)
    {
      g_ptr_array_set_size (self->origin_names, 0);
      g_ptr_array_extend (self->origin_names, names, NULL, NULL);
      g_ptr_array_add (strings, NULL);
      gtk_string_list_splice (self->origin_model, 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->origin_model)),
                              (const char * const *) strings->pdata);
    }
  if (self->built)
    {
      gtk_drop_down_set_selected (self->origin_dropdown, selected);
    }
  self->syncing--;
}

/* ---- Filters ------------------------------------------------------------ */


static gboolean
casefold_contains (const char *haystack,
                   const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    {
      return FALSE;
    }

  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
filter_annotation (gpointer item,
                   gpointer user_data)
{
  BylineAnnotationPanel *self = user_data;
  BylineAnnotation *annotation = item;
  g_autofree char *text = NULL;

  if (self->layer_filter != NULL &&
      g_strcmp0 (byline_annotation_get_layer (annotation), self->layer_filter) != 0)
    {
      return FALSE;
    }
  if (self->label_filter != NULL &&
      g_strcmp0 (byline_annotation_get_label (annotation), self->label_filter) != 0)
    {
      return FALSE;
    }
  if (self->status_filter >= 0 &&
      (int) byline_annotation_get_status (annotation) != self->status_filter)
    {
      return FALSE;
    }
  if (self->origin_filter != NULL &&
      g_strcmp0 (byline_annotation_get_origin (annotation), self->origin_filter) != 0)
    {
      return FALSE;
    }
  if (self->min_confidence > 0)
    {
      double confidence;

      if (!byline_annotation_get_confidence (annotation, &confidence) ||
          confidence < self->min_confidence - 1e-9)
        {
          return FALSE;
        }
    }
  if (self->search == NULL)
    {
      return TRUE;
    }

  if (casefold_contains (byline_annotation_get_label (annotation), self->search) ||
      casefold_contains (byline_annotation_get_note (annotation), self->search))
    {
      return TRUE;
    }
  text = byline_document_dup_annotation_text (self->document, annotation);
  return casefold_contains (text, self->search);
}


void
_byline_annotation_panel_update_summary (BylineAnnotationPanel *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  g_autofree char *summary = NULL;

  if (!self->built)
    {
      return;
    }

  if (self->fill_pending)
    {
      /* For the frame before the list is filled: the count, and the
       * list's page rather than a false "No Annotations". */
      total = self->document != NULL ? byline_document_get_n_annotations (self->document) : 0;
      shown = self->filtering ? 0 : total;
      if (!self->filtering)
        {
          summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation", "%u annotations", total),
                                     total);
        }
      gtk_label_set_label (self->summary_label, summary != NULL ? summary : "");
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }

  if (shown == total)
    {
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation", "%u annotations", total),
                                 total);
    }
  else
    {
      /* TRANSLATORS: "12 of 340 annotations" */
      summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u annotation", "%u of %u annotations", total),
                                 shown, total);
    }
  gtk_label_set_label (self->summary_label, summary);

  if (shown > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
    }
  else
    {
      gtk_label_set_label (self->empty_title_label,
                           total == 0 ? _("No Annotations") : _("No Matching Annotations"));
      gtk_label_set_label (self->empty_description_label,
                           total == 0
                           ? _("Select text in the article and press a label’s key to annotate it.")
                           : _("Try another search or filter."));
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
}

void
_byline_annotation_panel_on_filter_model_items_changed_cb (BylineAnnotationPanel *self,
                                                           guint                  position,
                                                           guint                  removed,
                                                           guint                  added)
{
  if (removed != added && self->moving == 0)
    {
      _byline_annotation_panel_update_summary (self);
      g_object_notify_by_pspec (G_OBJECT (self), _byline_annotation_panel_properties[PROP_N_SHOWN]);
    }
}

static gboolean
has_filters (BylineAnnotationPanel *self)
{
  return self->layer_filter != NULL || self->label_filter != NULL ||
         self->status_filter >= 0 || self->search != NULL ||
         self->origin_filter != NULL || self->min_confidence > 0;
}

void
_byline_annotation_panel_refilter (BylineAnnotationPanel *self,
                                   GtkFilterChange        change)
{
  guint before = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  gboolean filtering = has_filters (self);

  /* Without a function the filter matches all, and the filter model
   * then passes every change through without calling it 50,000 times. */
  if (filtering != self->filtering)
    {
      self->filtering = filtering;
      gtk_custom_filter_set_filter_func (self->filter, filtering ? filter_annotation : NULL,
                                         filtering ? self : NULL, NULL);
    }
  else if (filtering)
    {
      gtk_filter_changed (GTK_FILTER (self->filter), change);
    }
  _byline_annotation_panel_sync_list_selection (self, FALSE);
  _byline_annotation_panel_update_summary (self);
  if (before != g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)))
    {
      g_object_notify_by_pspec (G_OBJECT (self), _byline_annotation_panel_properties[PROP_N_SHOWN]);
    }
}

void
_byline_annotation_panel_on_search_entry_search_changed_cb (BylineAnnotationPanel *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *search = text[0] != '\0' ? g_utf8_casefold (text, -1) : NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  if (g_strcmp0 (search, self->search) == 0)
    {
      return;
    }
  if (self->search == NULL || (search != NULL && strstr (search, self->search) != NULL))
    {
      change = GTK_FILTER_CHANGE_MORE_STRICT;
    }
  else if (search == NULL || strstr (self->search, search) != NULL)
    {
      change = GTK_FILTER_CHANGE_LESS_STRICT;
    }

  g_free (self->search);
  self->search = g_steal_pointer (&search);
  _byline_annotation_panel_refilter (self, change);
}

void
_byline_annotation_panel_on_search_entry_stop_search_cb (BylineAnnotationPanel *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

void
_byline_annotation_panel_on_layer_dropdown_selected_cb (BylineAnnotationPanel *self)
{
  guint selected = gtk_drop_down_get_selected (self->layer_dropdown);
  const char *layer = NULL;

  /* While the template is built, the panel's state is not yet shown. */
  if (self->syncing > 0 || !self->built)
    {
      return;
    }
  if (selected != GTK_INVALID_LIST_POSITION && selected < self->layer_names->len)
    {
      layer = g_ptr_array_index (self->layer_names, selected);
    }

  byline_annotation_panel_set_layer_filter (self, layer);
}

void
_byline_annotation_panel_on_status_dropdown_selected_cb (BylineAnnotationPanel *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);
  int status = selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1;

  if (status == self->status_filter || !self->built)
    {
      return;
    }

  self->status_filter = status;
  _byline_annotation_panel_refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

void
_byline_annotation_panel_on_label_dropdown_selected_cb (BylineAnnotationPanel *self)
{
  guint selected = gtk_drop_down_get_selected (self->label_dropdown);
  const char *label = NULL;

  if (self->syncing > 0 || !self->built)
    {
      return;
    }
  if (selected != GTK_INVALID_LIST_POSITION && selected < self->label_names->len)
    {
      label = g_ptr_array_index (self->label_names, selected);
    }
  if (label == self->label_filter)
    {
      return;
    }

  self->label_filter = label;
  _byline_annotation_panel_refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

void
_byline_annotation_panel_on_origin_dropdown_selected_cb (BylineAnnotationPanel *self)
{
  guint selected = gtk_drop_down_get_selected (self->origin_dropdown);
  const char *origin = NULL;

  if (self->syncing > 0 || !self->built)
    {
      return;
    }
  if (selected != GTK_INVALID_LIST_POSITION && selected < self->origin_names->len)
    {
      origin = g_ptr_array_index (self->origin_names, selected);
    }
  if (origin == self->origin_filter)
    {
      return;
    }

  self->origin_filter = origin;
  _byline_annotation_panel_refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

/* The confidence drop-down's items (byline-annotation-panel.ui). */
static const double confidence_thresholds[] = { 0, 0.5, 0.7, 0.8, 0.9, 0.95 };

void
_byline_annotation_panel_on_confidence_dropdown_selected_cb (BylineAnnotationPanel *self)
{
  guint selected = gtk_drop_down_get_selected (self->confidence_dropdown);
  double value = selected < G_N_ELEMENTS (confidence_thresholds) ? confidence_thresholds[selected] : 0;
  GtkFilterChange change;

  if (!self->built || G_APPROX_VALUE (value, self->min_confidence, 1e-9))
    {
      return;
    }

  change = value > self->min_confidence ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT;
  self->min_confidence = value;
  _byline_annotation_panel_refilter (self, change);
}

void
_byline_annotation_panel_rebuild_layer_dropdown (BylineAnnotationPanel *self)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  guint n = self->schema != NULL ? byline_schema_get_n_layers (self->schema) : 0;
  guint selected = 0;

  g_ptr_array_set_size (self->layer_names, 0);
  g_ptr_array_add (self->layer_names, NULL);
  g_ptr_array_add (titles, (gpointer) _("All layers"));
  for (guint i = 0; i < n; i++)
    {
      const BylineLayer *layer = byline_schema_get_layer (self->schema, i);

      g_ptr_array_add (self->layer_names, (gpointer) g_intern_string (layer->name));
      g_ptr_array_add (titles, layer->title != NULL ? layer->title : layer->name);
      if (layer->name == self->layer_filter || g_strcmp0 (layer->name, self->layer_filter) == 0)
        {
          selected = i + 1;
        }
    }
  g_ptr_array_add (titles, NULL);

  self->syncing++;
  gtk_string_list_splice (self->layer_model, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->layer_model)),
                          (const char * const *) titles->pdata);
  if (self->built)
    {
      gtk_drop_down_set_selected (self->layer_dropdown, selected);
    }
  self->syncing--;
}
