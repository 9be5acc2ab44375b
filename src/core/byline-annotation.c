/* byline-annotation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "byline-annotation-private.h"
#include "byline-json-writer.h"

/* Layer, label and origin come from a small vocabulary, so they are
 * interned: 50,000 annotations share a handful of strings, and comparing
 * them is comparing pointers. Fragments: one is the common case and lives
 * inline; more are allocated. */
struct _BylineAnnotation
{
  GObject         parent_instance;

  BylineDocument *document;
  char           *id;
  const char     *layer;
  const char     *label;
  const char     *origin;
  BylineFragment  first;
  BylineFragment *more;
  guint           n_fragments;
  BylineStatus    status;
  gboolean        has_confidence;
  double          confidence;
  char           *note;
  char           *reviewer;   /* who accepted or rejected a suggestion */
  char           *created;
  char           *modified;
  GPtrArray      *attr_names;   /* sorted, owned strings; NULL when none */
  GPtrArray      *attr_values;  /* JsonNode, parallel to attr_names */
  JsonObject     *extra;        /* keys Byline does not know, kept as is */
};

G_DEFINE_FINAL_TYPE (BylineAnnotation, byline_annotation, G_TYPE_OBJECT)

#define return_if_attached(self) \
  g_return_if_fail ((self)->document == NULL)

static void
byline_annotation_finalize (GObject *object)
{
  BylineAnnotation *self = (BylineAnnotation *) object;

  g_free (self->id);
  g_free (self->more);
  g_free (self->note);
  g_free (self->reviewer);
  g_free (self->created);
  g_free (self->modified);
  g_clear_pointer (&self->attr_names, g_ptr_array_unref);
  g_clear_pointer (&self->attr_values, g_ptr_array_unref);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (byline_annotation_parent_class)->finalize (object);
}

static void
byline_annotation_class_init (BylineAnnotationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = byline_annotation_finalize;
}

static void
byline_annotation_init (BylineAnnotation *self)
{
  self->n_fragments = 1;
  self->status = BYLINE_STATUS_MANUAL;
}

/**
 * byline_annotation_new:
 * @layer: the schema layer ("entities")
 * @label: the label ("PERSON")
 * @start: first code point
 * @end: code point after the last
 *
 * Returns: (transfer full): a new annotation, not yet in a document, with
 *   status manual and no id (the document gives it one when added)
 */
BylineAnnotation *
byline_annotation_new (const char *layer,
                       const char *label,
                       guint       start,
                       guint       end)
{
  BylineAnnotation *self = g_object_new (BYLINE_TYPE_ANNOTATION, NULL);

  self->layer = g_intern_string (layer);
  self->label = g_intern_string (label);
  self->first.start = start;
  self->first.end = end;
  return self;
}

static void
copy_attributes (BylineAnnotation *dest,
                 BylineAnnotation *src)
{
  g_clear_pointer (&dest->attr_names, g_ptr_array_unref);
  g_clear_pointer (&dest->attr_values, g_ptr_array_unref);
  if (src->attr_names == NULL)
    return;
  dest->attr_names = g_ptr_array_new_full (src->attr_names->len, g_free);
  dest->attr_values = g_ptr_array_new_full (src->attr_names->len,
                                            (GDestroyNotify) json_node_unref);
  for (guint i = 0; i < src->attr_names->len; i++)
    {
      g_ptr_array_add (dest->attr_names, g_strdup (src->attr_names->pdata[i]));
      g_ptr_array_add (dest->attr_values, json_node_copy (src->attr_values->pdata[i]));
    }
}

/* Copies every field of @state into @self but the document link. */
void
_byline_annotation_assign (BylineAnnotation *self,
                           BylineAnnotation *state)
{
  g_assert (BYLINE_IS_ANNOTATION (self));
  g_assert (BYLINE_IS_ANNOTATION (state));

  if (self == state)
    return;
  /* A document keys its table by the id string itself: keep it when the
   * id does not change (it never does for an annotation in a document). */
  if (g_strcmp0 (self->id, state->id) != 0)
    {
      g_free (self->id);
      self->id = g_strdup (state->id);
    }
  self->layer = state->layer;
  self->label = state->label;
  self->origin = state->origin;
  self->first = state->first;
  g_free (self->more);
  self->more = state->n_fragments > 1
    ? g_memdup2 (state->more, sizeof (BylineFragment) * (state->n_fragments - 1))
    : NULL;
  self->n_fragments = state->n_fragments;
  self->status = state->status;
  self->has_confidence = state->has_confidence;
  self->confidence = state->confidence;
  g_free (self->note);
  self->note = g_strdup (state->note);
  g_free (self->reviewer);
  self->reviewer = g_strdup (state->reviewer);
  g_free (self->created);
  self->created = g_strdup (state->created);
  g_free (self->modified);
  self->modified = g_strdup (state->modified);
  copy_attributes (self, state);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = byline_json_object_copy (state->extra);
}

/**
 * byline_annotation_copy:
 * @self: an annotation
 *
 * Returns: (transfer full): a detached copy, with the same id, to edit and
 *   commit with byline_document_replace_annotation()
 */
BylineAnnotation *
byline_annotation_copy (BylineAnnotation *self)
{
  BylineAnnotation *copy;

  g_return_val_if_fail (BYLINE_IS_ANNOTATION (self), NULL);

  copy = g_object_new (BYLINE_TYPE_ANNOTATION, NULL);
  _byline_annotation_assign (copy, self);
  return copy;
}

static gboolean
objects_equal (JsonObject *a,
               JsonObject *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return json_object_equal (a, b);
}

/**
 * byline_annotation_equal:
 *
 * Returns: %TRUE when @a and @b hold the same data (the document link
 *   aside)
 */
gboolean
byline_annotation_equal (BylineAnnotation *a,
                         BylineAnnotation *b)
{
  g_return_val_if_fail (BYLINE_IS_ANNOTATION (a), FALSE);
  g_return_val_if_fail (BYLINE_IS_ANNOTATION (b), FALSE);

  if (g_strcmp0 (a->id, b->id) != 0 ||
      a->layer != b->layer || a->label != b->label || a->origin != b->origin ||
      a->n_fragments != b->n_fragments ||
      a->first.start != b->first.start || a->first.end != b->first.end ||
      a->status != b->status || a->has_confidence != b->has_confidence ||
      (a->has_confidence && a->confidence != b->confidence) ||
      g_strcmp0 (a->note, b->note) != 0 ||
      g_strcmp0 (a->reviewer, b->reviewer) != 0 ||
      g_strcmp0 (a->created, b->created) != 0 ||
      g_strcmp0 (a->modified, b->modified) != 0 ||
      !objects_equal (a->extra, b->extra))
    return FALSE;
  if (a->n_fragments > 1 &&
      memcmp (a->more, b->more, sizeof (BylineFragment) * (a->n_fragments - 1)) != 0)
    return FALSE;
  if (byline_annotation_get_n_attributes (a) != byline_annotation_get_n_attributes (b))
    return FALSE;
  for (guint i = 0; i < byline_annotation_get_n_attributes (a); i++)
    {
      if (strcmp (a->attr_names->pdata[i], b->attr_names->pdata[i]) != 0 ||
          !json_node_equal (a->attr_values->pdata[i], b->attr_values->pdata[i]))
        return FALSE;
    }
  return TRUE;
}

void
_byline_annotation_set_document (BylineAnnotation *self,
                                 BylineDocument   *document)
{
  g_assert (BYLINE_IS_ANNOTATION (self));
  self->document = document;
}

void
_byline_annotation_ensure_id (BylineAnnotation *self,
                              const char       *id)
{
  g_assert (BYLINE_IS_ANNOTATION (self));
  if (self->id == NULL)
    self->id = g_strdup (id);
}

/**
 * byline_annotation_get_document:
 *
 * Returns: (transfer none) (nullable): the document holding @self
 */
BylineDocument *
byline_annotation_get_document (BylineAnnotation *self)
{
  g_return_val_if_fail (BYLINE_IS_ANNOTATION (self), NULL);
  return self->document;
}

const char *
byline_annotation_get_id (BylineAnnotation *self)
{
  g_return_val_if_fail (BYLINE_IS_ANNOTATION (self), NULL);
  return self->id;
}

void
byline_annotation_set_id (BylineAnnotation *self,
                          const char       *id)
{
  g_return_if_fail (BYLINE_IS_ANNOTATION (self));
  return_if_attached (self);
  g_free (self->id);
  self->id = g_strdup (id);
}

const char *
byline_annotation_get_layer (BylineAnnotation *self)
{
  g_return_val_if_fail (BYLINE_IS_ANNOTATION (self), NULL);
  return self->layer;
}

void
byline_annotation_set_layer (BylineAnnotation *self,
                             const char       *layer)
{
  g_return_if_fail (BYLINE_IS_ANNOTATION (self));
  return_if_attached (self);
  self->layer = g_intern_string (layer);
}

const char *
byline_annotation_get_label (BylineAnnotation *self)
{
  g_return_val_if_fail (BYLINE_IS_ANNOTATION (self), NULL);
  return self->label;
}

void
byline_annotation_set_label (BylineAnnotation *self,
                             const char       *label)
{
  g_return_if_fail (BYLINE_IS_ANNOTATION (self));
  return_if_attached (self);
  self->label = g_intern_string (label);
}

/**
 * byline_annotation_get_start:
 *
 * Returns: the start of the first fragment
 */
guint
byline_annotation_get_start (BylineAnnotation *self)
{
  g_return_val_if_fail (BYLINE_IS_ANNOTATION (self), 0);
  return self->first.start;
}

/**
 * byline_annotation_get_end:
 *
 * Returns: the end of the last fragment
 */
guint
byline_annotation_get_end (BylineAnnotation *self)
{
  g_return_val_if_fail (BYLINE_IS_ANNOTATION (self), 0);
  if (self->n_fragments > 1)
    return self->more[self->n_fragments - 2].end;
  return self->first.end;
}

guint
byline_annotation_get_n_fragments (BylineAnnotation *self)
{
  g_return_val_if_fail (BYLINE_IS_ANNOTATION (self), 0);
  return self->n_fragments;
}

/**
 * byline_annotation_get_fragment:
 * @i: index below byline_annotation_get_n_fragments()
 *
 * Fragments are sorted and do not overlap or touch.
 *
 * Returns: (transfer none): the fragment
 */
const BylineFragment *
byline_annotation_get_fragment (BylineAnnotation *self,
                                guint             i)
{
  g_return_val_if_fail (BYLINE_IS_ANNOTATION (self), NULL);
  g_return_val_if_fail (i < self->n_fragments, NULL);
  return i == 0 ? &self->first : &self->more[i - 1];
}

/**
 * byline_annotation_set_range:
 *
 * Makes @self one contiguous fragment [@start, @end).
 */
void
byline_annotation_set_range (BylineAnnotation *self,
                             guint             start,
                             guint             end)
{
  g_return_if_fail (BYLINE_IS_ANNOTATION (self));
  return_if_attached (self);
  g_clear_pointer (&self->more, g_free);
  self->n_fragments = 1;
  self->first.start = start;
  self->first.end = end;
}

static int
compare_fragments (gconstpointer a,
                   gconstpointer b)
{
  const BylineFragment *fa = a;
  const BylineFragment *fb = b;

  if (fa->start != fb->start)
    return fa->start < fb->start ? -1 : 1;
  if (fa->end != fb->end)
    return fa->end < fb->end ? -1 : 1;
  return 0;
}

/**
 * byline_annotation_set_fragments:
 * @fragments: (array length=n_fragments): at least one fragment
 *
 * Sets the fragments as given, sorted by start. Whether they are valid
 * (non-empty, inside the text, not overlapping) is checked when the
 * annotation is added to a document.
 */
void
byline_annotation_set_fragments (BylineAnnotation     *self,
                                 const BylineFragment *fragments,
                                 guint                 n_fragments)
{
  g_autofree BylineFragment *sorted = NULL;

  g_return_if_fail (BYLINE_IS_ANNOTATION (self));
  g_return_if_fail (fragments != NULL);
  g_return_if_fail (n_fragments > 0);
  return_if_attached (self);

  sorted = g_memdup2 (fragments, sizeof (BylineFragment) * n_fragments);
  qsort (sorted, n_fragments, sizeof (BylineFragment), compare_fragments);
  g_clear_pointer (&self->more, g_free);
  self->first = sorted[0];
  self->n_fragments = n_fragments;
  if (n_fragments > 1)
    self->more = g_memdup2 (sorted + 1, sizeof (BylineFragment) * (n_fragments - 1));
}

/**
 * byline_annotation_add_fragment:
 *
 * Adds [@start, @end) as a fragment (a quote interrupted by "he said").
 * A fragment that overlaps or touches another merges with it.
 *
 * Returns: %TRUE when the fragments changed
 */
gboolean
byline_annotation_add_fragment (BylineAnnotation *self,
                                guint             start,
                                guint             end)
{
  g_autoptr(GArray) frags = NULL;
  BylineFragment add = { start, end };
  guint out = 0;

  g_return_val_if_fail (BYLINE_IS_ANNOTATION (self), FALSE);
  g_return_val_if_fail (self->document == NULL, FALSE);
  g_return_val_if_fail (start < end, FALSE);

  frags = g_array_new (FALSE, FALSE, sizeof (BylineFragment));
  for (guint i = 0; i < self->n_fragments; i++)
    g_array_append_val (frags, *byline_annotation_get_fragment (self, i));
  g_array_append_val (frags, add);
  g_array_sort (frags, compare_fragments);

  for (guint i = 1; i < frags->len; i++)
    {
      BylineFragment *last = &g_array_index (frags, BylineFragment, out);
      BylineFragment *cur = &g_array_index (frags, BylineFragment, i);

      if (cur->start <= last->end)
        last->end = MAX (last->end, cur->end);
      else
        g_array_index (frags, BylineFragment, ++out) = *cur;
    }
  g_array_set_size (frags, out + 1);

  if (frags->len == self->n_fragments)
    {
      gboolean same = TRUE;

      for (guint i = 0; i < frags->len && same; i++)
        same = compare_fragments (&g_array_index (frags, BylineFragment, i),
                                  byline_annotation_get_fragment (self, i)) == 0;
      if (same)
        return FALSE;
    }
  byline_annotation_set_fragments (self, (BylineFragment *) (gpointer) frags->data, frags->len);
  return TRUE;
}

/**
 * byline_annotation_overlaps:
 *
 * Returns: %TRUE when a fragment of @self shares a code point with
 *   [@start, @end)
 */
gboolean
byline_annotation_overlaps (BylineAnnotation *self,
                            guint             start,
                            guint             end)
{
  g_return_val_if_fail (BYLINE_IS_ANNOTATION (self), FALSE);

  for (guint i = 0; i < self->n_fragments; i++)
    {
      const BylineFragment *f = byline_annotation_get_fragment (self, i);

      if (f->start < end && start < f->end)
        return TRUE;
    }
  return FALSE;
}

BylineStatus
byline_annotation_get_status (BylineAnnotation *self)
{
  g_return_val_if_fail (BYLINE_IS_ANNOTATION (self), BYLINE_STATUS_MANUAL);
  return self->status;
}

void
byline_annotation_set_status (BylineAnnotation *self,
                              BylineStatus      status)
{
  g_return_if_fail (BYLINE_IS_ANNOTATION (self));
  g_return_if_fail ((guint) status < BYLINE_N_STATUSES);
  return_if_attached (self);
  self->status = status;
}

const char *
byline_annotation_get_origin (BylineAnnotation *self)
{
  g_return_val_if_fail (BYLINE_IS_ANNOTATION (self), NULL);
  return self->origin;
}

void
byline_annotation_set_origin (BylineAnnotation *self,
                              const char       *origin)
{
  g_return_if_fail (BYLINE_IS_ANNOTATION (self));
  return_if_attached (self);
  self->origin = g_intern_string (origin);
}

/**
 * byline_annotation_get_confidence:
 * @confidence: (out) (optional): the confidence, when there is one
 *
 * Returns: %TRUE when @self has a confidence
 */
gboolean
byline_annotation_get_confidence (BylineAnnotation *self,
                                  double           *confidence)
{
  g_return_val_if_fail (BYLINE_IS_ANNOTATION (self), FALSE);
  if (confidence != NULL)
    *confidence = self->has_confidence ? self->confidence : 0.0;
  return self->has_confidence;
}

void
byline_annotation_set_confidence (BylineAnnotation *self,
                                  double            confidence)
{
  g_return_if_fail (BYLINE_IS_ANNOTATION (self));
  g_return_if_fail (isfinite (confidence));
  return_if_attached (self);
  self->has_confidence = TRUE;
  self->confidence = confidence;
}

void
byline_annotation_unset_confidence (BylineAnnotation *self)
{
  g_return_if_fail (BYLINE_IS_ANNOTATION (self));
  return_if_attached (self);
  self->has_confidence = FALSE;
  self->confidence = 0.0;
}

#define DEFINE_STRING_FIELD(field)                                       \
const char *                                                             \
byline_annotation_get_##field (BylineAnnotation *self)                   \
{                                                                        \
  g_return_val_if_fail (BYLINE_IS_ANNOTATION (self), NULL);              \
  return self->field;                                                    \
}                                                                        \
                                                                         \
void                                                                     \
byline_annotation_set_##field (BylineAnnotation *self,                   \
                               const char       *value)                  \
{                                                                        \
  g_return_if_fail (BYLINE_IS_ANNOTATION (self));                        \
  return_if_attached (self);                                             \
  if (g_strcmp0 (self->field, value) == 0)                               \
    return;                                                              \
  g_free (self->field);                                                  \
  self->field = g_strdup (value);                                        \
}

DEFINE_STRING_FIELD (note)
DEFINE_STRING_FIELD (reviewer)
DEFINE_STRING_FIELD (created)
DEFINE_STRING_FIELD (modified)

guint
byline_annotation_get_n_attributes (BylineAnnotation *self)
{
  g_return_val_if_fail (BYLINE_IS_ANNOTATION (self), 0);
  return self->attr_names ? self->attr_names->len : 0;
}

/**
 * byline_annotation_get_attribute_name:
 * @i: index below byline_annotation_get_n_attributes()
 *
 * Attributes are kept sorted by name.
 *
 * Returns: (transfer none): the name of the @i-th attribute
 */
const char *
byline_annotation_get_attribute_name (BylineAnnotation *self,
                                      guint             i)
{
  g_return_val_if_fail (BYLINE_IS_ANNOTATION (self), NULL);
  g_return_val_if_fail (i < byline_annotation_get_n_attributes (self), NULL);
  return self->attr_names->pdata[i];
}

static gboolean
find_attribute (BylineAnnotation *self,
                const char       *name,
                guint            *pos)
{
  guint lo = 0;
  guint hi = byline_annotation_get_n_attributes (self);

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      int cmp = strcmp (self->attr_names->pdata[mid], name);

      if (cmp == 0)
        {
          *pos = mid;
          return TRUE;
        }
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  *pos = lo;
  return FALSE;
}

/**
 * byline_annotation_get_attribute:
 *
 * Returns: (transfer none) (nullable): the value of attribute @name
 */
JsonNode *
byline_annotation_get_attribute (BylineAnnotation *self,
                                 const char       *name)
{
  guint pos;

  g_return_val_if_fail (BYLINE_IS_ANNOTATION (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!find_attribute (self, name, &pos))
    return NULL;
  return self->attr_values->pdata[pos];
}

/**
 * byline_annotation_get_attribute_string:
 *
 * Returns: (transfer none) (nullable): the value of @name when it is a string
 */
const char *
byline_annotation_get_attribute_string (BylineAnnotation *self,
                                        const char       *name)
{
  JsonNode *node = byline_annotation_get_attribute (self, name);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/**
 * byline_annotation_set_attribute:
 * @value: (nullable) (transfer none): the value, or %NULL to remove it
 */
void
byline_annotation_set_attribute (BylineAnnotation *self,
                                 const char       *name,
                                 JsonNode         *value)
{
  guint pos;

  g_return_if_fail (BYLINE_IS_ANNOTATION (self));
  g_return_if_fail (name != NULL);
  return_if_attached (self);

  if (find_attribute (self, name, &pos))
    {
      if (value == NULL)
        {
          g_ptr_array_remove_index (self->attr_names, pos);
          g_ptr_array_remove_index (self->attr_values, pos);
        }
      else
        {
          json_node_unref (self->attr_values->pdata[pos]);
          self->attr_values->pdata[pos] = json_node_copy (value);
        }
      return;
    }
  if (value == NULL)
    return;
  if (self->attr_names == NULL)
    {
      self->attr_names = g_ptr_array_new_with_free_func (g_free);
      self->attr_values = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
    }
  g_ptr_array_insert (self->attr_names, pos, g_strdup (name));
  g_ptr_array_insert (self->attr_values, pos, json_node_copy (value));
}

void
byline_annotation_set_attribute_string (BylineAnnotation *self,
                                        const char       *name,
                                        const char       *value)
{
  g_autoptr(JsonNode) node = NULL;

  if (value != NULL)
    {
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, value);
    }
  byline_annotation_set_attribute (self, name, node);
}

/**
 * byline_annotation_get_extra:
 *
 * Returns: (transfer none) (nullable): keys of the file that Byline does not
 *   know, kept so that a load and save loses nothing
 */
JsonObject *
byline_annotation_get_extra (BylineAnnotation *self)
{
  g_return_val_if_fail (BYLINE_IS_ANNOTATION (self), NULL);
  return self->extra;
}

void
byline_annotation_set_extra (BylineAnnotation *self,
                             JsonObject       *extra)
{
  g_return_if_fail (BYLINE_IS_ANNOTATION (self));
  return_if_attached (self);
  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}

/**
 * byline_annotation_compare:
 *
 * The order of files: by start, then end, then id.
 */
int
byline_annotation_compare (BylineAnnotation *a,
                           BylineAnnotation *b)
{
  guint ea, eb;

  if (a->first.start != b->first.start)
    return a->first.start < b->first.start ? -1 : 1;
  ea = byline_annotation_get_end (a);
  eb = byline_annotation_get_end (b);
  if (ea != eb)
    return ea < eb ? -1 : 1;
  return g_strcmp0 (a->id, b->id);
}
