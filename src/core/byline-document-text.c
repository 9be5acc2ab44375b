/* byline-document-text.c: a document's text, offsets and metadata
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "byline-document-private.h"
#include "byline-error.h"
#include "byline-history-private.h"

/* Code point -> byte conversion is needed for every annotation a reader
 * checks and every span the window draws. A checkpoint every
 * CHECKPOINT_STRIDE code points bounds each conversion to a short scan;
 * pure ASCII text needs no table at all. */
#define CHECKPOINT_STRIDE 128

/* ---- Text ------------------------------------------------------------ */

/**
 * byline_document_set_text:
 * @text: UTF-8 text, stored verbatim (no normalisation, CRLF kept)
 * @len: its length in bytes, or -1 when NUL-terminated
 * @error: set when the text is not valid UTF-8 or holds NUL bytes, or when
 *   the document already has annotations
 *
 * Returns: %TRUE on success
 */
gboolean
byline_document_set_text (BylineDocument  *self,
                          const char      *text,
                          gssize           len,
                          GError         **error)
{
  const char *end = NULL;
  gsize bytes;
  guint n = 0;
  const char *p;

  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (self->annotations->len > 0)
    {
      g_set_error_literal (error, BYLINE_ERROR, BYLINE_ERROR_INVALID,
                           _("the text of an annotated document cannot change"));
      return FALSE;
    }
  bytes = len < 0 ? strlen (text) : (gsize) len;
  if (!g_utf8_validate_len (text, bytes, &end))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_PARSE,
                   _("invalid UTF-8 at byte offset %lu"),
                   (unsigned long) (end - text));
      return FALSE;
    }
  if (bytes > G_MAXUINT / 2)
    {
      g_set_error_literal (error, BYLINE_ERROR, BYLINE_ERROR_OUT_OF_RANGE,
                           _("the text is too long"));
      return FALSE;
    }

  g_free (self->text);
  g_clear_pointer (&self->checkpoints, g_free);
  self->text = g_strndup (text, bytes);
  self->text_bytes = bytes;

  /* Count code points, noting a checkpoint every stride; skip the table
   * when every character is one byte. */
  for (p = self->text; p < self->text + bytes; p = g_utf8_next_char (p))
    n++;
  self->n_chars = n;
  if (n != bytes)
    {
      guint i = 0;
      guint k = 0;

      self->checkpoints = g_new (gsize, n / CHECKPOINT_STRIDE + 1);
      for (p = self->text; p < self->text + bytes; p = g_utf8_next_char (p), i++)
        {
          if (i % CHECKPOINT_STRIDE == 0)
            self->checkpoints[k++] = (gsize) (p - self->text);
        }
      if (n % CHECKPOINT_STRIDE == 0)
        self->checkpoints[k] = bytes;
    }
  return TRUE;
}

const char *
byline_document_get_text (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);
  return self->text;
}

gsize
byline_document_get_text_bytes (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), 0);
  return self->text_bytes;
}

/**
 * byline_document_get_n_chars:
 *
 * Returns: the length of the text in code points
 */
guint
byline_document_get_n_chars (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), 0);
  return self->n_chars;
}

/**
 * byline_document_offset_to_byte:
 * @offset: a code point offset, at most the length of the text
 *
 * Returns: the byte index of @offset in the text
 */
gsize
byline_document_offset_to_byte (BylineDocument *self,
                                guint           offset)
{
  const char *p;

  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (offset <= self->n_chars, self->text_bytes);

  if (self->checkpoints == NULL)
    return offset;
  if (offset == self->n_chars)
    return self->text_bytes;
  p = self->text + self->checkpoints[offset / CHECKPOINT_STRIDE];
  for (guint i = offset % CHECKPOINT_STRIDE; i > 0; i--)
    p = g_utf8_next_char (p);
  return (gsize) (p - self->text);
}

/**
 * byline_document_byte_to_offset:
 * @byte_index: a byte index on a character boundary
 *
 * Returns: the code point offset of @byte_index
 */
guint
byline_document_byte_to_offset (BylineDocument *self,
                                gsize           byte_index)
{
  guint lo = 0;
  guint hi;

  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (byte_index <= self->text_bytes, self->n_chars);

  if (self->checkpoints == NULL)
    return (guint) byte_index;
  if (byte_index == self->text_bytes)
    return self->n_chars;

  /* The last checkpoint at or before byte_index. */
  hi = (self->n_chars - 1) / CHECKPOINT_STRIDE + 1;
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (self->checkpoints[mid] <= byte_index)
        lo = mid;
      else
        hi = mid;
    }
  return lo * CHECKPOINT_STRIDE +
         (guint) g_utf8_pointer_to_offset (self->text + self->checkpoints[lo],
                                           self->text + byte_index);
}

/**
 * byline_document_dup_slice:
 * @start: first code point
 * @end: end code point (exclusive), at most the text length
 *
 * Returns: (transfer full): the text of [@start, @end)
 */
char *
byline_document_dup_slice (BylineDocument *self,
                           guint           start,
                           guint           end)
{
  gsize a, b;

  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (start <= end && end <= self->n_chars, NULL);

  a = byline_document_offset_to_byte (self, start);
  b = byline_document_offset_to_byte (self, end);
  return g_strndup (self->text + a, b - a);
}

static void
append_annotation_text (BylineDocument   *self,
                        BylineAnnotation *annotation,
                        GString          *out)
{
  guint n = byline_annotation_get_n_fragments (annotation);

  for (guint i = 0; i < n; i++)
    {
      const BylineFragment *f = byline_annotation_get_fragment (annotation, i);
      gsize a = byline_document_offset_to_byte (self, f->start);
      gsize b = byline_document_offset_to_byte (self, f->end);

      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append_len (out, self->text + a, b - a);
    }
}

/**
 * byline_document_dup_annotation_text:
 * @annotation: an annotation whose fragments lie inside the text
 *
 * Returns: (transfer full): the covered text; the fragments of a
 *   discontinuous annotation joined by one space, as brat does
 */
char *
byline_document_dup_annotation_text (BylineDocument   *self,
                                     BylineAnnotation *annotation)
{
  GString *out;

  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (BYLINE_IS_ANNOTATION (annotation), NULL);
  g_return_val_if_fail (byline_annotation_get_end (annotation) <= self->n_chars, NULL);

  out = g_string_new (NULL);
  append_annotation_text (self, annotation, out);
  return g_string_free (out, FALSE);
}

/* Compares without allocating: readers check every annotation's text. */
gboolean
_byline_document_slice_equals (BylineDocument   *self,
                               BylineAnnotation *annotation,
                               const char       *text,
                               gsize             len)
{
  guint n = byline_annotation_get_n_fragments (annotation);
  gsize pos = 0;

  for (guint i = 0; i < n; i++)
    {
      const BylineFragment *f = byline_annotation_get_fragment (annotation, i);
      gsize a = byline_document_offset_to_byte (self, f->start);
      gsize b = a;

      /* Step from the start rather than converting the end too: spans
       * are short, and this halves the work for every annotation read. */
      if (self->checkpoints == NULL)
        b = f->end;
      else if (f->end - f->start >= CHECKPOINT_STRIDE)
        b = byline_document_offset_to_byte (self, f->end);
      else
        for (guint k = f->start; k < f->end; k++)
          b = (gsize) (g_utf8_next_char (self->text + b) - self->text);

      if (i > 0)
        {
          if (pos >= len || text[pos] != ' ')
            return FALSE;
          pos++;
        }
      if (len - pos < b - a || memcmp (text + pos, self->text + a, b - a) != 0)
        return FALSE;
      pos += b - a;
    }
  return pos == len;
}

/**
 * byline_document_get_meta:
 *
 * Returns: (transfer none): the metadata; do not change it directly, use
 *   byline_document_set_meta()
 */
JsonObject *
byline_document_get_meta (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);
  return self->meta;
}

/**
 * byline_document_get_meta_string:
 *
 * Returns: (nullable): the metadata value of @key when it is a string
 */
const char *
byline_document_get_meta_string (BylineDocument *self,
                                 const char     *key)
{
  JsonNode *node;

  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  node = json_object_get_member (self->meta, key);
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonNode *
dup_member (JsonObject *obj,
            const char *key)
{
  JsonNode *node = json_object_get_member (obj, key);

  return node ? json_node_copy (node) : NULL;
}

static gboolean
nodes_equal (JsonNode *a,
             JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return json_node_equal (a, b);
}

void
_byline_document_apply_member (JsonObject *obj,
              const char *key,
              JsonNode   *value)
{
  if (value == NULL)
    json_object_remove_member (obj, key);
  else
    json_object_set_member (obj, key, json_node_copy (value));
}

/**
 * byline_document_set_meta:
 * @key: a metadata key ("title", "url"…)
 * @value: (nullable) (transfer none): the value, %NULL to remove it
 *
 * An undoable edit.
 */
void
byline_document_set_meta (BylineDocument *self,
                          const char     *key,
                          JsonNode       *value)
{
  JsonNode *before;

  g_return_if_fail (BYLINE_IS_DOCUMENT (self));
  g_return_if_fail (key != NULL);

  before = dup_member (self->meta, key);
  if (nodes_equal (before, value))
    {
      g_clear_pointer (&before, json_node_unref);
      return;
    }
  _byline_document_apply_member (self->meta, key, value);
  _byline_history_record (self->history, BYLINE_CHANGE_META, key, before,
                          value ? json_node_copy (value) : NULL);
  g_signal_emit (self, _byline_document_signals[META_CHANGED], 0, key);
  _byline_document_update_modified (self);
}

void
byline_document_set_meta_string (BylineDocument *self,
                                 const char     *key,
                                 const char     *value)
{
  g_autoptr(JsonNode) node = NULL;

  if (value != NULL)
    {
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, value);
    }
  byline_document_set_meta (self, key, node);
}

/**
 * byline_document_get_attributes:
 *
 * Returns: (transfer none): document-level attributes ("done", "topic");
 *   change them with byline_document_set_attribute()
 */
JsonObject *
byline_document_get_attributes (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);
  return self->attributes;
}

/**
 * byline_document_set_attribute:
 * @value: (nullable) (transfer none): the value, %NULL to remove it
 *
 * An undoable edit.
 */
void
byline_document_set_attribute (BylineDocument *self,
                               const char     *name,
                               JsonNode       *value)
{
  JsonNode *before;

  g_return_if_fail (BYLINE_IS_DOCUMENT (self));
  g_return_if_fail (name != NULL);

  before = dup_member (self->attributes, name);
  if (nodes_equal (before, value))
    {
      g_clear_pointer (&before, json_node_unref);
      return;
    }
  _byline_document_apply_member (self->attributes, name, value);
  _byline_history_record (self->history, BYLINE_CHANGE_ATTRIBUTE, name, before,
                          value ? json_node_copy (value) : NULL);
  g_signal_emit (self, _byline_document_signals[ATTRIBUTE_CHANGED], 0, name);
  _byline_document_update_modified (self);
}

/**
 * byline_document_get_extra:
 *
 * Returns: (transfer none) (nullable): top-level keys of the file Byline
 *   does not know, kept so that nothing is lost on save
 */
JsonObject *
byline_document_get_extra (BylineDocument *self)
{
  g_return_val_if_fail (BYLINE_IS_DOCUMENT (self), NULL);
  return self->extra;
}

void
_byline_document_set_extra (BylineDocument *self,
                            JsonObject     *extra)
{
  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}
