/* byline-spacy-write.c: writing spaCy and Prodigy JSONL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One task a document, its tokens cut where a span edge falls inside one;
 * see byline-spacy.c for the shape of a task.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "byline-json-writer.h"
#include "byline-spacy-private.h"
#include "byline-token-align.h"

/* ---- Writing ---------------------------------------------------------- */

static inline void
append_uint (GString *out,
             guint    value)
{
  char buf[16];
  char *p = buf + sizeof buf;

  do
    {
      *--p = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value != 0);
  g_string_append_len (out, p, buf + sizeof buf - p);
}

/* A token as written: a token of the alignment or the whitespace between
 * two, with "ws" when a single space follows it. */
typedef struct
{
  guint    start;
  guint    end;
  gsize    start_byte;
  gsize    end_byte;
  gboolean ws;
} OutToken;

/* The whitespace [start, end) after the tokens in @out: a space right
 * after a token is its "ws", the rest a token of its own. */
static void
add_gap (GArray     *out,
         const char *text,
         guint       start,
         guint       end,
         gsize       start_byte,
         gsize       end_byte)
{
  OutToken t;

  if (start >= end)
    return;
  if (out->len > 0 && text[start_byte] == ' ')
    {
      g_array_index (out, OutToken, out->len - 1).ws = TRUE;
      start++;
      start_byte++;
      if (start == end)
        return;
    }
  t.start = start;
  t.end = end;
  t.start_byte = start_byte;
  t.end_byte = end_byte;
  t.ws = FALSE;
  g_array_append_val (out, t);
}

static void
append_span (GString                 *out,
             const BylineAlignedSpan *span,
             const guint             *token_id)
{
  g_string_append (out, "{\"start\": ");
  append_uint (out, span->start);
  g_string_append (out, ", \"end\": ");
  append_uint (out, span->end);
  g_string_append (out, ", \"token_start\": ");
  append_uint (out, token_id[span->token_start]);
  g_string_append (out, ", \"token_end\": ");
  append_uint (out, token_id[span->token_end]);
  g_string_append (out, ", \"label\": ");
  byline_json_append_string (out, byline_annotation_get_label (span->annotation));
  g_string_append_c (out, '}');
}

/* Counts what Prodigy's spans cannot hold of @a. */
static void
lose_annotation_extras (BylineWriter     *writer,
                        BylineAnnotation *a)
{
  const char *label = byline_annotation_get_label (a);
  double confidence;

  for (guint i = 0; i < byline_annotation_get_n_attributes (a); i++)
    byline_writer_lose (writer, N_("attributes"), byline_annotation_get_attribute_name (a, i), 1);
  if (byline_annotation_get_note (a) != NULL)
    byline_writer_lose (writer, N_("notes"), label, 1);
  if (byline_annotation_get_confidence (a, &confidence))
    byline_writer_lose (writer, N_("confidence scores"), label, 1);
  if (byline_annotation_get_n_fragments (a) > 1)
    byline_writer_lose (writer, N_("discontinuous annotations split into fragments"), label, 1);
}

static void
lose_alignment (BylineWriter         *writer,
                BylineTokenAlignment *align)
{
  for (guint i = 0; i < align->spans->len; i++)
    {
      const BylineAlignedSpan *span = &g_array_index (align->spans, BylineAlignedSpan, i);
      const char *label = byline_annotation_get_label (span->annotation);

      if (span->dropped == BYLINE_SPAN_DROPPED_WHITESPACE)
        byline_writer_lose (writer, N_("spans of whitespace only (left out)"), label, 1);
      else if (span->dropped == BYLINE_SPAN_DROPPED_OVERLAP)
        byline_writer_lose (writer, N_("overlapping spans (the outer one was kept)"), label, 1);
      else if (span->moved)
        byline_writer_lose (writer, N_("span edges moved off whitespace"), label, 1);
    }
}

static void
append_meta (GString        *out,
             BylineWriter   *writer,
             BylineDocument *doc)
{
  JsonObject *meta = byline_document_get_meta (doc);
  const char *id = byline_document_get_id (doc);

  if (id == NULL)
    {
      byline_json_append_object (out, meta, NULL);
      return;
    }
  g_string_append (out, "{\"id\": ");
  byline_json_append_string (out, id);
  if (json_object_has_member (meta, "id"))
    {
      g_autoptr(JsonObject) copy = byline_json_object_copy (meta);

      byline_writer_lose (writer, N_("metadata named “id” (the document id takes its place)"), NULL, 1);
      json_object_remove_member (copy, "id");
      byline_json_append_members (out, copy);
    }
  else
    byline_json_append_members (out, meta);
  g_string_append_c (out, '}');
}

static gboolean
write_spacy (BylineWriter    *writer,
             BylineDocument  *doc,
             GError         **error)
{
  g_autoptr(GPtrArray) sorted = byline_document_get_sorted_annotations (doc);
  g_autoptr(GPtrArray) exported = g_ptr_array_sized_new (sorted->len);
  g_autoptr(BylineTokenAlignment) align = NULL;
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GHashTable) span_of = NULL;
  g_autofree guint *token_id = NULL;
  BylineSchema *schema = _byline_spacy_options_schema (byline_writer_get_options (writer));
  const char *text = byline_document_get_text (doc);
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;
  gboolean reject;
  guint n_rejected = 0;
  guint prev_end = 0;
  gsize prev_end_byte = 0;
  gboolean first;
  GString *out;
  gboolean ok;

  for (guint i = 0; i < sorted->len; i++)
    n_rejected += byline_annotation_get_status (sorted->pdata[i]) == BYLINE_STATUS_REJECTED;
  reject = sorted->len > 0 && n_rejected == sorted->len;

  for (guint i = 0; i < sorted->len; i++)
    {
      BylineAnnotation *a = sorted->pdata[i];
      BylineStatus status = byline_annotation_get_status (a);

      if (status == BYLINE_STATUS_REJECTED && !reject)
        {
          byline_writer_lose (writer, N_("rejected annotations (a Prodigy task has one answer)"),
                              byline_annotation_get_label (a), 1);
          continue;
        }
      if (status == BYLINE_STATUS_SUGGESTED)
        byline_writer_lose (writer, N_("suggestion statuses (written as accepted spans)"),
                            byline_annotation_get_label (a), 1);
      lose_annotation_extras (writer, a);
      g_ptr_array_add (exported, a);
    }
  json_object_iter_init (&iter, byline_document_get_attributes (doc));
  while (json_object_iter_next (&iter, &key, &value))
    byline_writer_lose (writer, N_("document attributes"), key, 1);

  align = byline_token_alignment_new (doc, exported, BYLINE_ALIGN_DEFAULT);
  lose_alignment (writer, align);

  /* The tokens with the whitespace between them, and where each token of
   * the alignment went. */
  tokens = g_array_sized_new (FALSE, FALSE, sizeof (OutToken), align->tokens->len + 16);
  token_id = g_new (guint, align->tokens->len + 1);
  for (guint i = 0; i < align->tokens->len; i++)
    {
      const BylineAlignedToken *t = &g_array_index (align->tokens, BylineAlignedToken, i);
      OutToken o = { t->start, t->end, t->start_byte, t->end_byte, FALSE };

      add_gap (tokens, text, prev_end, t->start, prev_end_byte, t->start_byte);
      token_id[i] = tokens->len;
      g_array_append_val (tokens, o);
      prev_end = t->end;
      prev_end_byte = t->end_byte;
    }
  add_gap (tokens, text, prev_end, byline_document_get_n_chars (doc),
           prev_end_byte, byline_document_get_text_bytes (doc));

  out = g_string_sized_new (byline_document_get_text_bytes (doc) * 3 + tokens->len * 64 + 256);
  g_string_append (out, "{\"text\": ");
  byline_json_append_string (out, text);
  g_string_append (out, ", \"meta\": ");
  append_meta (out, writer, doc);

  g_string_append (out, ", \"tokens\": [");
  for (guint i = 0; i < tokens->len; i++)
    {
      const OutToken *t = &g_array_index (tokens, OutToken, i);

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, "{\"text\": \"");
      byline_json_append_escaped (out, text + t->start_byte, t->end_byte - t->start_byte);
      g_string_append (out, "\", \"start\": ");
      append_uint (out, t->start);
      g_string_append (out, ", \"end\": ");
      append_uint (out, t->end);
      g_string_append (out, ", \"id\": ");
      append_uint (out, i);
      g_string_append (out, t->ws ? ", \"ws\": true}" : ", \"ws\": false}");
    }

  /* Spans, and the first kept span of each annotation for relations. */
  span_of = g_hash_table_new (NULL, NULL);
  g_string_append (out, "], \"spans\": [");
  first = TRUE;
  for (guint i = 0; i < align->spans->len; i++)
    {
      const BylineAlignedSpan *span = &g_array_index (align->spans, BylineAlignedSpan, i);

      if (span->dropped != BYLINE_SPAN_KEPT)
        continue;
      if (!first)
        g_string_append (out, ", ");
      first = FALSE;
      append_span (out, span, token_id);
      if (!g_hash_table_contains (span_of, span->annotation))
        g_hash_table_insert (span_of, span->annotation, (gpointer) span);
    }

  g_string_append (out, "], \"relations\": [");
  first = TRUE;
  for (guint i = 0; i < byline_document_get_n_relations (doc); i++)
    {
      BylineRelation *r = byline_document_get_relation (doc, i);
      const char *type = byline_relation_get_relation_type (r);
      BylineAnnotation *from = byline_document_lookup_annotation (doc, byline_relation_get_from (r));
      BylineAnnotation *to = byline_document_lookup_annotation (doc, byline_relation_get_to (r));
      const BylineAlignedSpan *head = from ? g_hash_table_lookup (span_of, from) : NULL;
      const BylineAlignedSpan *child = to ? g_hash_table_lookup (span_of, to) : NULL;
      JsonObject *attributes = byline_relation_get_attributes (r);
      g_autofree char *upper = NULL;

      if (byline_relation_get_status (r) == BYLINE_STATUS_REJECTED && !reject)
        {
          byline_writer_lose (writer, N_("rejected relations (a Prodigy task has one answer)"), type, 1);
          continue;
        }
      if (head == NULL || child == NULL)
        {
          byline_writer_lose (writer, N_("relations whose ends were not exported"), type, 1);
          continue;
        }
      if (attributes != NULL)
        {
          json_object_iter_init (&iter, attributes);
          while (json_object_iter_next (&iter, &key, &value))
            byline_writer_lose (writer, N_("relation attributes"), key, 1);
        }
      /* Prodigy's labels are capitals; a type the schema does not know is
       * kept as it is, so that it reads back the same. */
      if (byline_schema_lookup_relation_type (schema, type) != NULL)
        upper = g_ascii_strup (type, -1);
      if (!first)
        g_string_append (out, ", ");
      first = FALSE;
      g_string_append (out, "{\"head\": ");
      append_uint (out, token_id[head->token_end]);
      g_string_append (out, ", \"child\": ");
      append_uint (out, token_id[child->token_end]);
      g_string_append (out, ", \"head_span\": ");
      append_span (out, head, token_id);
      g_string_append (out, ", \"child_span\": ");
      append_span (out, child, token_id);
      g_string_append (out, ", \"label\": ");
      byline_json_append_string (out, upper != NULL ? upper : type);
      g_string_append_c (out, '}');
    }
  g_string_append (out, reject ? "], \"answer\": \"reject\"}\n" : "], \"answer\": \"accept\"}\n");

  ok = byline_writer_write_bytes (writer, out->str, out->len, error);
  g_string_free (out, TRUE);
  return ok;
}

static const BylineWriterClass spacy_class = { write_spacy, NULL, NULL };

BylineWriter *
_byline_spacy_open (const BylineFormat        *format,
                    const char                *path,
                    const BylineFormatOptions *options,
                    GError                   **error)
{
  return byline_writer_new_file (format, path, options, FALSE, &spacy_class, NULL, error);
}
