/* byline-brat-write-lines.c: brat standoff: writing brat lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ids, names, spans, attributes and notes as one .ann file holds them;
 * byline-brat-write.c decides which lines a document gives.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "byline-brat-private.h"

/* ---- Writing: ids ------------------------------------------------------- */

static int
prefix_index (char prefix)
{
  switch (prefix)
    {
    case 'T':
      return 0;
    case 'E':
      return 1;
    case 'R':
      return 2;
    case 'A':
    case 'M':
      return 3;
    case 'N':
      return 4;
    case '#':
      return 5;
    default:
      return -1;
    }
}

gboolean
_byline_brat_ids_claim (Ids        *ids,
                        const char *id)
{
  int k;

  if (id == NULL || g_hash_table_contains (ids->used, id))
    return FALSE;
  g_hash_table_add (ids->used, g_strdup (id));
  k = prefix_index (id[0]);
  if (k >= 0)
    ids->max[k] = MAX (ids->max[k], _byline_brat_id_number (id));
  return TRUE;
}

char *
_byline_brat_ids_new (Ids  *ids,
                      char  prefix)
{
  int k = prefix_index (prefix);

  g_assert (k >= 0);
  for (;;)
    {
      char *id = g_strdup_printf ("%c%" G_GUINT64_FORMAT, prefix, ++ids->max[k]);

      if (!g_hash_table_contains (ids->used, id))
        {
          g_hash_table_add (ids->used, g_strdup (id));
          return id;
        }
      g_free (id);
    }
}

/* ---- Writing: one document ---------------------------------------------- */

void
_byline_brat_out_line_free (OutLine *line)
{
  g_free (line->id);
  g_free (line->body);
  g_free (line);
}

JsonObject *
_byline_brat_of_annotation (BylineAnnotation *a)
{
  return _byline_brat_object_member (byline_annotation_get_extra (a), BRAT_KEY);
}

JsonObject *
_byline_brat_of_relation (BylineRelation *r)
{
  return _byline_brat_object_member (byline_relation_get_extra (r), BRAT_KEY);
}

gboolean
_byline_brat_is_event (BylineAnnotation *a)
{
  return _byline_brat_bool_member (_byline_brat_of_annotation (a), "event");
}

void
_byline_brat_lose (Out        *o,
                   const char *what,
                   const char *label)
{
  byline_writer_lose (o->writer, what, label, 1);
}

/* A type, role or attribute name for a brat line. Line breaks, TABs and
 * separators the line needs become "_", counted as lost; spaces kept
 * where this reader reads them are counted too, since brat cannot. */
char *
_byline_brat_name (Out        *o,
                   const char *name,
                   NameKind    kind)
{
  GString *out = g_string_new (NULL);
  gboolean spaced = kind == NAME_SPACED || kind == NAME_T_TYPE;
  gboolean replaced = FALSE;
  gboolean spaces = FALSE;

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean edge = p == name || p[1] == '\0';

      if (c < 0x20 || c == 0x7f || _byline_brat_is_line_break (c) ||
          (c == ' ' && (!spaced || edge)) ||
          (c == ';' && kind == NAME_T_TYPE) ||
          (c == ':' && kind == NAME_WORD_NO_COLON))
        {
          g_string_append_c (out, '_');
          replaced = TRUE;
        }
      else
        {
          spaces |= c == ' ';
          g_string_append_unichar (out, c);
        }
    }
  if (out->len == 0)
    {
      g_string_append_c (out, '_');
      replaced = TRUE;
    }
  if (replaced)
    _byline_brat_lose (o, N_("names with line breaks, TABs or separators (written with _)"), name);
  else if (spaces)
    _byline_brat_lose (o, N_("names with spaces (brat cannot read them)"), name);
  return g_string_free (out, FALSE);
}

/* Free text for a note, attribute value or normalisation: one line. */
static char *
one_line (Out        *o,
          const char *text,
          const char *what,
          const char *label)
{
  GString *out;

  if (!_byline_brat_has_line_break (text))
    return g_strdup (text);
  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (_byline_brat_is_line_break (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  _byline_brat_lose (o, what, label);
  return g_string_free (out, FALSE);
}

void
_byline_brat_add_line (Out        *o,
                       char        section,
                       const char *id,
                       char       *body)
{
  OutLine *line = g_new0 (OutLine, 1);

  line->section = section;
  line->id = g_strdup (id);
  line->body = body;
  g_ptr_array_add (o->lines, line);
}

static gboolean
char_is_break (BylineDocument *doc,
               guint           offset)
{
  const char *text = byline_document_get_text (doc);

  return _byline_brat_is_line_break (g_utf8_get_char (text + byline_document_offset_to_byte (doc, offset)));
}

/* The offsets and the text field of @a's fragments as brat reads them.
 * brat cannot hold a line break in a span: fragments are split there, as
 * brat's own editor does, and a reader joins them again (see the top of
 * byline-brat.c). Returns the first fragment's start for sorting. */
static void
format_span (Out              *o,
             BylineAnnotation *a,
             const char       *label,
             GString          *offsets,
             GString          *text,
             guint            *first_start,
             guint            *last_end)
{
  BylineDocument *doc = o->doc;
  const char *doc_text = byline_document_get_text (doc);
  guint n = byline_annotation_get_n_fragments (a);
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (BylineFragment));
  JsonArray *order = _byline_brat_array_member (_byline_brat_of_annotation (a), "order");
  gboolean split = FALSE;
  gboolean unreadable = FALSE;
  g_autofree guint *perm = NULL;

  for (guint i = 0; i < n; i++)
    {
      const BylineFragment *f = byline_annotation_get_fragment (a, i);
      const char *p = doc_text + byline_document_offset_to_byte (doc, f->start);
      guint off = f->start;
      guint run = G_MAXUINT;
      guint before = pieces->len;

      if (i > 0)
        {
          const BylineFragment *prev = byline_annotation_get_fragment (a, i - 1);

          if (prev->end < f->start && !char_is_break (doc, prev->end - 1) &&
              !char_is_break (doc, f->start))
            {
              gboolean all = TRUE;

              for (guint k = prev->end; k < f->start && all; k++)
                all = char_is_break (doc, k);
              if (all)
                _byline_brat_lose (o, N_("fragments separated only by a line break (read back as one span)"), label);
            }
        }
      for (; off < f->end; off++, p = g_utf8_next_char (p))
        {
          if (_byline_brat_is_line_break (g_utf8_get_char (p)))
            {
              if (run != G_MAXUINT)
                {
                  BylineFragment piece = { run, off };
                  g_array_append_val (pieces, piece);
                }
              run = G_MAXUINT;
              split = TRUE;
            }
          else if (run == G_MAXUINT)
            run = off;
        }
      if (run != G_MAXUINT)
        {
          BylineFragment piece = { run, f->end };
          g_array_append_val (pieces, piece);
        }
      if (pieces->len == before)
        {
          /* only line breaks: kept whole, which brat cannot read */
          g_array_append_val (pieces, *f);
          unreadable = TRUE;
        }
      else if (g_array_index (pieces, BylineFragment, before).start != f->start ||
               g_array_index (pieces, BylineFragment, pieces->len - 1).end != f->end)
        _byline_brat_lose (o, N_("line breaks at the ends of spans (left out)"), label);
    }
  if (unreadable)
    _byline_brat_lose (o, N_("spans of line breaks only (brat cannot read them)"), label);

  /* the order the fragments were written in, when they came from brat */
  if (order != NULL && !split && json_array_get_length (order) == n && n > 1)
    {
      g_autofree gboolean *seen = g_new0 (gboolean, n);

      perm = g_new (guint, n);
      for (guint i = 0; i < n && perm != NULL; i++)
        {
          JsonNode *node = json_array_get_element (order, i);
          gint64 k = json_node_get_value_type (node) == G_TYPE_INT64 ? json_node_get_int (node) : -1;

          if (k < 0 || k >= n || seen[k])
            g_clear_pointer (&perm, g_free);
          else
            {
              seen[k] = TRUE;
              perm[i] = (guint) k;
            }
        }
    }

  *first_start = G_MAXUINT;
  *last_end = 0;
  for (guint i = 0; i < pieces->len; i++)
    {
      BylineFragment f = g_array_index (pieces, BylineFragment, perm != NULL ? perm[i] : i);
      g_autofree char *slice = byline_document_dup_slice (doc, f.start, f.end);

      if (i > 0)
        {
          g_string_append_c (offsets, ';');
          g_string_append_c (text, ' ');
        }
      g_string_append_printf (offsets, "%u %u", f.start + o->shift, f.end + o->shift);
      if (unreadable)
        {
          for (char *s = slice; *s != '\0'; s = g_utf8_next_char (s))
            {
              if (_byline_brat_is_line_break (g_utf8_get_char (s)))
                *s = ' ';
            }
        }
      g_string_append (text, slice);
      *first_start = MIN (*first_start, f.start);
      *last_end = MAX (*last_end, f.end);
    }
}

/* The T line of @a (or of the trigger folded into it): @id, @type. */
void
_byline_brat_add_t_line (Out              *o,
                         BylineAnnotation *a,
                         const char       *id,
                         const char       *type,
                         gboolean          notext)
{
  g_autoptr(GString) offsets = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *name = _byline_brat_name (o, type, NAME_T_TYPE);
  OutLine *line;
  guint start, end;

  format_span (o, a, type, offsets, text, &start, &end);
  if (notext)
    _byline_brat_add_line (o, 'T', id, g_strdup_printf ("%s %s", name, offsets->str));
  else
    _byline_brat_add_line (o, 'T', id, g_strdup_printf ("%s %s\t%s", name, offsets->str, text->str));
  line = o->lines->pdata[o->lines->len - 1];
  line->start = start;
  line->end = end;
}

const char *
_byline_brat_out_id (Out        *o,
                     const char *annotation_id)
{
  const char *id = g_hash_table_lookup (o->out_ids, annotation_id);

  g_assert (id != NULL);
  return id;
}

void
_byline_brat_add_attribute (Out        *o,
                            const char *target,
                            const char *name,
                            JsonNode   *value,
                            JsonObject *attr_ids)
{
  const char *stored = _byline_brat_string_member (attr_ids, name);
  g_autofree char *brat = NULL;

  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_BOOLEAN)
    {
      if (!json_node_get_boolean (value))
        {
          _byline_brat_lose (o, N_("attributes that are false (brat has present or absent)"), name);
          return;
        }
      brat = _byline_brat_name (o, name, NAME_SPACED);
      _byline_brat_add_line (o, 'A', stored, g_strdup_printf ("%s %s", brat, target));
      return;
    }
  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    {
      const char *s = json_node_get_string (value);
      g_autofree char *flat = NULL;

      if (*s == '\0')
        {
          _byline_brat_lose (o, N_("empty attribute values"), name);
          return;
        }
      flat = one_line (o, s, N_("line breaks in attribute values (replaced by spaces)"), name);
      brat = _byline_brat_name (o, name, NAME_SPACED);
      /* M lines are binary: a value needs an A line */
      _byline_brat_add_line (o, 'A', stored != NULL && stored[0] == 'A' ? stored : NULL,
                             g_strdup_printf ("%s %s %s", brat, target, flat));
      return;
    }
  _byline_brat_lose (o, N_("attributes that are not text or true"), name);
}

void
_byline_brat_add_note (Out        *o,
                       const char *target,
                       const char *id,
                       const char *type,
                       const char *text)
{
  g_autofree char *name = _byline_brat_name (o, type != NULL ? type : "AnnotatorNotes", NAME_SPACED);
  g_autofree char *flat = one_line (o, text, N_("line breaks in notes (replaced by spaces)"), name);

  _byline_brat_add_line (o, '#', id, g_strdup_printf ("%s %s\t%s", name, target, flat));
}

/* N lines, and # lines beyond the note, kept from brat. */
void
_byline_brat_add_kept_marks (Out        *o,
                             const char *target,
                             JsonObject *brat)
{
  JsonArray *norms = _byline_brat_array_member (brat, "norms");
  JsonArray *notes = _byline_brat_array_member (brat, "notes");

  for (guint i = 0; norms != NULL && i < json_array_get_length (norms); i++)
    {
      JsonObject *norm = json_array_get_object_element (norms, i);
      const char *type = _byline_brat_string_member (norm, "type");
      const char *ref = _byline_brat_string_member (norm, "ref");
      const char *text = _byline_brat_string_member (norm, "text");
      g_autofree char *name = NULL;
      g_autofree char *flat = NULL;

      if (norm == NULL || type == NULL || ref == NULL)
        continue;
      name = _byline_brat_name (o, type, NAME_SPACED);
      if (text == NULL)
        {
          _byline_brat_add_line (o, 'N', _byline_brat_string_member (norm, "id"), g_strdup_printf ("%s %s %s", name, target, ref));
          continue;
        }
      flat = one_line (o, text, N_("line breaks in notes (replaced by spaces)"), name);
      _byline_brat_add_line (o, 'N', _byline_brat_string_member (norm, "id"),
                             g_strdup_printf ("%s %s %s\t%s", name, target, ref, flat));
    }
  for (guint i = 0; notes != NULL && i < json_array_get_length (notes); i++)
    {
      JsonObject *note = json_array_get_object_element (notes, i);
      const char *text = _byline_brat_string_member (note, "text");

      if (note == NULL || text == NULL)
        continue;
      _byline_brat_add_note (o, target, _byline_brat_string_member (note, "id"), _byline_brat_string_member (note, "type"), text);
    }
}

