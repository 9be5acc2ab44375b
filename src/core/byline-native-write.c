/* byline-native-write.c: writing .byline.json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keys in a fixed order and annotations sorted, so that the same document
 * gives the same bytes: at once, in steps (byline_native_writer_step()),
 * or saved atomically. byline-native.c reads the files.
 */
#include "config.h"

#include <string.h>

#include "byline-atomic.h"
#include "byline-document-private.h"
#include "byline-json-writer.h"
#include "byline-native.h"

static const char * const meta_order[] = {
  "title", "source", "url", "published", "authors", "language", NULL
};

/* ---- Writing ---------------------------------------------------------- */

static void
key (GString    *out,
     const char *name)
{
  g_string_append_c (out, '"');
  g_string_append (out, name);
  g_string_append (out, "\": ");
}

static void
append_annotation (BylineDocument   *doc,
                   BylineAnnotation *a,
                   GString          *out)
{
  guint n = byline_annotation_get_n_fragments (a);
  double confidence;

  g_string_append (out, "{\"id\": ");
  byline_json_append_string (out, byline_annotation_get_id (a));
  g_string_append (out, ", \"layer\": ");
  byline_json_append_string (out, byline_annotation_get_layer (a));
  g_string_append (out, ", \"label\": ");
  byline_json_append_string (out, byline_annotation_get_label (a));
  if (n == 1)
    g_string_append_printf (out, ", \"start\": %u, \"end\": %u",
                            byline_annotation_get_start (a), byline_annotation_get_end (a));
  else
    {
      g_string_append (out, ", \"fragments\": [");
      for (guint i = 0; i < n; i++)
        {
          const BylineFragment *f = byline_annotation_get_fragment (a, i);

          g_string_append_printf (out, "%s[%u, %u]", i ? ", " : "", f->start, f->end);
        }
      g_string_append_c (out, ']');
    }

  g_string_append (out, ", \"text\": \"");
  for (guint i = 0; i < n; i++)
    {
      const BylineFragment *f = byline_annotation_get_fragment (a, i);
      gsize s = byline_document_offset_to_byte (doc, f->start);
      gsize e = byline_document_offset_to_byte (doc, f->end);

      if (i > 0)
        g_string_append_c (out, ' ');
      byline_json_append_escaped (out, byline_document_get_text (doc) + s, e - s);
    }
  g_string_append (out, "\", \"status\": \"");
  g_string_append (out, byline_status_to_string (byline_annotation_get_status (a)));
  g_string_append_c (out, '"');

  if (byline_annotation_get_origin (a) != NULL)
    {
      g_string_append (out, ", \"origin\": ");
      byline_json_append_string (out, byline_annotation_get_origin (a));
    }
  if (byline_annotation_get_confidence (a, &confidence))
    {
      g_string_append (out, ", \"confidence\": ");
      byline_json_append_double (out, confidence);
    }
  if (byline_annotation_get_reviewer (a) != NULL)
    {
      g_string_append (out, ", \"reviewer\": ");
      byline_json_append_string (out, byline_annotation_get_reviewer (a));
    }
  if (byline_annotation_get_n_attributes (a) > 0)
    {
      g_string_append (out, ", \"attributes\": {");
      for (guint i = 0; i < byline_annotation_get_n_attributes (a); i++)
        {
          const char *name = byline_annotation_get_attribute_name (a, i);

          if (i > 0)
            g_string_append (out, ", ");
          byline_json_append_string (out, name);
          g_string_append (out, ": ");
          byline_json_append_node (out, byline_annotation_get_attribute (a, name));
        }
      g_string_append_c (out, '}');
    }
  if (byline_annotation_get_note (a) != NULL)
    {
      g_string_append (out, ", \"note\": ");
      byline_json_append_string (out, byline_annotation_get_note (a));
    }
  if (byline_annotation_get_created (a) != NULL)
    {
      g_string_append (out, ", \"created\": ");
      byline_json_append_string (out, byline_annotation_get_created (a));
    }
  if (byline_annotation_get_modified (a) != NULL)
    {
      g_string_append (out, ", \"modified\": ");
      byline_json_append_string (out, byline_annotation_get_modified (a));
    }
  /* Unknown keys after the known ones, sorted. */
  byline_json_append_members (out, byline_annotation_get_extra (a));
  g_string_append_c (out, '}');
}

static void
append_relation (BylineRelation *r,
                 GString        *out)
{
  g_string_append (out, "{\"id\": ");
  byline_json_append_string (out, byline_relation_get_id (r));
  g_string_append (out, ", \"type\": ");
  byline_json_append_string (out, byline_relation_get_relation_type (r));
  g_string_append (out, ", \"from\": ");
  byline_json_append_string (out, byline_relation_get_from (r));
  g_string_append (out, ", \"to\": ");
  byline_json_append_string (out, byline_relation_get_to (r));
  if (byline_relation_get_status (r) != BYLINE_STATUS_MANUAL)
    {
      g_string_append (out, ", \"status\": ");
      byline_json_append_string (out, byline_status_to_string (byline_relation_get_status (r)));
    }
  if (byline_relation_get_origin (r) != NULL)
    {
      g_string_append (out, ", \"origin\": ");
      byline_json_append_string (out, byline_relation_get_origin (r));
    }
  if (byline_relation_get_attributes (r) != NULL)
    {
      g_string_append (out, ", \"attributes\": ");
      byline_json_append_object (out, byline_relation_get_attributes (r), NULL);
    }
  byline_json_append_members (out, byline_relation_get_extra (r));
  g_string_append_c (out, '}');
}

static int
compare_relations (gconstpointer a,
                   gconstpointer b)
{
  BylineRelation *ra = *(BylineRelation **) a;
  BylineRelation *rb = *(BylineRelation **) b;
  const char *ia = byline_relation_get_id (ra);
  const char *ib = byline_relation_get_id (rb);
  gsize la = strlen (ia);
  gsize lb = strlen (ib);

  /* "r2" before "r10": shorter ids with one prefix sort first. */
  if (la != lb)
    return la < lb ? -1 : 1;
  return strcmp (ia, ib);
}

/**
 * byline_native_append:
 * @one_line: write the whole document on one line (for JSONL corpora);
 *   otherwise one annotation or relation a line, so that files diff well
 *
 * Appends @document in the native format. Keys come in a fixed order and
 * annotations sorted by (start, end, id), so the output depends only on
 * the data: a load and save gives the same bytes.
 */
void
byline_native_append (BylineDocument *document,
                      gboolean        one_line,
                      GString        *out)
{
  g_autoptr(BylineNativeWriter) writer = NULL;

  g_return_if_fail (BYLINE_IS_DOCUMENT (document));

  writer = byline_native_writer_new (document, one_line);
  while (!byline_native_writer_step (writer, out, G_MAXUINT))
    ;
}

/* ---- Writing in steps --------------------------------------------------- */

typedef enum
{
  STEP_HEAD,
  STEP_SORT,
  STEP_ANNOTATIONS,
  STEP_RELATIONS,
  STEP_DONE,
} WriterStep;

struct _BylineNativeWriter
{
  BylineDocument *document;
  gboolean        one_line;
  WriterStep      step;
  GPtrArray      *annotations;   /* sorted, referenced */
  GPtrArray      *relations;     /* sorted, referenced */
  guint           next;
};

/**
 * byline_native_writer_new:
 *
 * Writes @document in steps of a few annotations, for a caller that must
 * not stop for the whole document at once (the window's recovery copy,
 * written between frames). The caller makes sure the document does not
 * change between the steps: it starts again when it does.
 *
 * Returns: (transfer full): the writer
 */
BylineNativeWriter *
byline_native_writer_new (BylineDocument *document,
                          gboolean        one_line)
{
  BylineNativeWriter *self = g_new0 (BylineNativeWriter, 1);

  self->document = g_object_ref (document);
  self->one_line = one_line;
  self->step = STEP_HEAD;
  return self;
}

void
byline_native_writer_free (BylineNativeWriter *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_clear_pointer (&self->relations, g_ptr_array_unref);
  g_object_unref (self->document);
  g_free (self);
}

static void
writer_head (BylineNativeWriter *self,
             GString            *out)
{
  BylineDocument *document = self->document;
  const char *nl = self->one_line ? " " : "\n  ";

  g_string_append (out, self->one_line ? "{" : "{\n  ");
  g_string_append_printf (out, "\"format\": \"byline\",%s\"version\": %d,", nl, BYLINE_NATIVE_VERSION);
  if (byline_document_get_id (document) != NULL)
    {
      g_string_append (out, nl);
      key (out, "id");
      byline_json_append_string (out, byline_document_get_id (document));
      g_string_append_c (out, ',');
    }
  g_string_append (out, nl);
  key (out, "meta");
  byline_json_append_object (out, byline_document_get_meta (document), meta_order);
  g_string_append_c (out, ',');
  g_string_append (out, nl);
  key (out, "text");
  byline_json_append_string (out, byline_document_get_text (document));
  g_string_append_c (out, ',');
  if (byline_document_get_schema_name (document) != NULL)
    {
      g_string_append (out, nl);
      key (out, "schema");
      byline_json_append_string (out, byline_document_get_schema_name (document));
      g_string_append_c (out, ',');
    }
  g_string_append (out, nl);
  key (out, "attributes");
  byline_json_append_object (out, byline_document_get_attributes (document), NULL);
  g_string_append_c (out, ',');

  g_string_append (out, nl);
  key (out, "annotations");
  g_string_append_c (out, '[');
}

/* Sorting 50,000 annotations is a step of its own. */
static void
writer_sort (BylineNativeWriter *self)
{
  self->annotations = byline_document_get_sorted_annotations (self->document);
  g_ptr_array_set_free_func (self->annotations, NULL);
  for (guint i = 0; i < self->annotations->len; i++)
    g_object_ref (self->annotations->pdata[i]);
  g_ptr_array_set_free_func (self->annotations, g_object_unref);
}

static void
writer_relations_start (BylineNativeWriter *self,
                        GString            *out)
{
  const char *nl = self->one_line ? " " : "\n  ";
  guint n = byline_document_get_n_relations (self->document);

  if (self->annotations->len > 0)
    g_string_append (out, self->one_line ? "" : "\n  ");
  g_string_append (out, "],");
  g_string_append (out, nl);
  key (out, "relations");
  g_string_append_c (out, '[');
  self->relations = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->relations, g_object_ref (byline_document_get_relation (self->document, i)));
  g_ptr_array_sort (self->relations, compare_relations);
}

static void
writer_tail (BylineNativeWriter *self,
             GString            *out)
{
  const char *nl = self->one_line ? " " : "\n  ";
  JsonObject *extra;

  if (self->relations->len > 0)
    g_string_append (out, self->one_line ? "" : "\n  ");
  g_string_append_c (out, ']');

  extra = byline_document_get_extra (self->document);
  if (extra != NULL && json_object_get_size (extra) > 0)
    {
      gsize mark;

      /* Unknown top-level keys, on a line of their own: the members
       * without the ", " byline_json_append_members() starts with. */
      g_string_append_c (out, ',');
      mark = out->len;
      byline_json_append_members (out, extra);
      g_string_erase (out, mark, 2);
      g_string_insert (out, mark, nl);
    }
  g_string_append (out, self->one_line ? "}" : "\n}");
}

/**
 * byline_native_writer_step:
 * @budget: how many annotations and relations to write in this step, at
 *   most; %G_MAXUINT for everything at once
 *
 * Returns: %TRUE when the document is written whole
 */
gboolean
byline_native_writer_step (BylineNativeWriter *self,
                           GString            *out,
                           guint               budget)
{
  const char *item_nl = self->one_line ? "" : "\n    ";

  while (budget > 0 && self->step != STEP_DONE)
    {
      switch (self->step)
        {
        /* The text (a megabyte to escape) and the sort are steps of
         * their own, unless the caller wants it all at once. */
        case STEP_HEAD:
          writer_head (self, out);
          self->step = STEP_SORT;
          if (budget != G_MAXUINT)
            return FALSE;
          break;

        case STEP_SORT:
          writer_sort (self);
          self->step = STEP_ANNOTATIONS;
          self->next = 0;
          if (budget != G_MAXUINT)
            return FALSE;
          break;

        case STEP_ANNOTATIONS:
          for (; budget > 0 && self->next < self->annotations->len; self->next++, budget--)
            {
              if (self->next > 0)
                g_string_append_c (out, ',');
              g_string_append (out, item_nl);
              append_annotation (self->document, self->annotations->pdata[self->next], out);
            }
          if (self->next == self->annotations->len)
            {
              writer_relations_start (self, out);
              self->step = STEP_RELATIONS;
              self->next = 0;
            }
          break;

        case STEP_RELATIONS:
          for (; budget > 0 && self->next < self->relations->len; self->next++, budget--)
            {
              if (self->next > 0)
                g_string_append_c (out, ',');
              g_string_append (out, item_nl);
              append_relation (self->relations->pdata[self->next], out);
            }
          if (self->next == self->relations->len)
            {
              writer_tail (self, out);
              self->step = STEP_DONE;
            }
          break;

        case STEP_DONE:
        default:
          break;
        }
    }
  return self->step == STEP_DONE;
}

/**
 * byline_native_to_string:
 * @len: (out) (optional): the length in bytes
 *
 * Returns: (transfer full): the document as a .byline.json file, ending in
 *   a newline
 */
char *
byline_native_to_string (BylineDocument *document,
                         gsize          *len)
{
  GString *out = g_string_sized_new (byline_document_get_text_bytes (document) * 2 + 4096);

  byline_native_append (document, FALSE, out);
  g_string_append_c (out, '\n');
  if (len != NULL)
    *len = out->len;
  return g_string_free (out, FALSE);
}

/**
 * byline_native_save:
 *
 * Saves atomically, keeping the previous version as PATH~, and marks the
 * document unmodified.
 *
 * Returns: %TRUE on success; on failure the old file is untouched
 */
gboolean
byline_native_save (BylineDocument  *document,
                    const char      *path,
                    GError         **error)
{
  g_autofree char *data = NULL;
  gsize len;

  g_return_val_if_fail (BYLINE_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = byline_native_to_string (document, &len);
  if (!byline_atomic_write (path, data, len, TRUE, error))
    return FALSE;
  byline_document_set_modified (document, FALSE);
  return TRUE;
}
