/* byline-brat.c: brat standoff: ID.txt and ID.ann
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How brat maps to Byline, and back:
 *
 * - T lines are annotations with the T id as their id and the type as
 *   their label, kept as written ("Person" stays "Person"; its layer is the
 *   schema's layer for the label, matched ignoring case, else "entities"
 *   with a warning). Offsets are code points of the .txt as stored: a \r
 *   counts. A byte order mark is not part of the text; offsets count after
 *   it, unless they only fit counted with it (as brat itself reads a BOM),
 *   which is remembered so that writing back gives the same offsets.
 *   Discontinuous "s e;s e" spans are fragments; fragments written out of
 *   order keep that order for writing back ("order"). Fragments that only
 *   a line break separates are one span crossing that line break: a brat
 *   line cannot hold a line break, so brat (and this writer) split such
 *   spans there. A text field may write a line break as a space, or hold
 *   it raw (breaking its line, as some PolNeAR files do): both are read.
 * - R lines are relations (Arg1 -> Arg2), ids kept.
 * - E lines: an event is an annotation with the E id, the event type as
 *   label and its trigger's span; each argument is a relation from it,
 *   typed by the role, with id "E1.2" (argument 2). A trigger used by
 *   nothing else is folded into the event (no annotation of its own) and
 *   written back from the event's span. An event without a trigger (not
 *   brat's, but written by other tools) takes its first text-bound
 *   argument's span.
 * - Attribution events as PolNeAR writes them ("E1\tAttribution:T4
 *   Source:T1 Cue:T2 Content:T3") become the news schema's QUOTE (the
 *   Content T), SPEAKER (Source) and CUE (Cue) with said_by and cue
 *   relations from the QUOTE; the brat types and the event are remembered
 *   so that writing back gives the same lines.
 * - A (and old M) lines are attributes: binary ones true, valued ones
 *   strings. N lines and the ids of A and # lines are kept under "brat" in
 *   the annotation's extra keys; # AnnotatorNotes is the annotation's note.
 * - "*" equivalence lines are chains of relations of their type, id
 *   "*1.2", so that they write back as one line.
 * - Lines of unknown types are kept as written (with a warning) and
 *   written back at the end.
 *
 * brat holds no status, origin, confidence or timestamps, no document
 * metadata and no attribute values other than text and "present": a
 * writer counts them as lost. Ids: brat-shaped ids (T3, R2, E1, A4) are
 * kept, Byline's a7 and r2 become T7 and R2 when free, others get the
 * next free number in text order.
 *
 * This file holds what reading and writing share, and the format:
 * byline-brat-parse.c reads the lines of a .ann file,
 * byline-brat-read.c builds documents from them,
 * byline-brat-write-lines.c makes brat lines and byline-brat-write.c
 * decides which lines a document gives and writes the directory.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "byline-brat-private.h"

/* ---- Shared helpers ---------------------------------------------------- */

gboolean
_byline_brat_has_line_break (const char *s)
{
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (_byline_brat_is_line_break (g_utf8_get_char (p)))
        return TRUE;
    }
  return FALSE;
}

/* The number of a brat id ("T12" → 12, "#3" → 3). */
guint64
_byline_brat_id_number (const char *id)
{
  const char *p = id;
  guint64 n = 0;

  while (*p != '\0' && !g_ascii_isdigit (*p))
    p++;
  while (g_ascii_isdigit (*p))
    {
      if (n < G_MAXUINT64 / 16)
        n = n * 10 + (guint64) (*p - '0');
      p++;
    }
  return n;
}

static gsize
id_prefix_len (const char *id)
{
  gsize n = 0;

  while (id[n] != '\0' && !g_ascii_isdigit (id[n]))
    n++;
  return n;
}

/* Orders ids as brat numbers them: by prefix, then number ("T2" < "T10"). */
int
_byline_brat_compare_ids (const char *a,
                          const char *b)
{
  gsize la = id_prefix_len (a);
  gsize lb = id_prefix_len (b);
  guint64 na, nb;
  int cmp;

  cmp = strncmp (a, b, MIN (la, lb));
  if (cmp != 0)
    return cmp;
  if (la != lb)
    return la < lb ? -1 : 1;
  na = _byline_brat_id_number (a);
  nb = _byline_brat_id_number (b);
  if (na != nb)
    return na < nb ? -1 : 1;
  return strcmp (a, b);
}

JsonObject *
_byline_brat_object_member (JsonObject *object,
                            const char *key)
{
  JsonNode *node;

  if (object == NULL || (node = json_object_get_member (object, key)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_node_get_object (node);
}

JsonArray *
_byline_brat_array_member (JsonObject *object,
                           const char *key)
{
  JsonNode *node;

  if (object == NULL || (node = json_object_get_member (object, key)) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

const char *
_byline_brat_string_member (JsonObject *object,
                            const char *key)
{
  JsonNode *node;

  if (object == NULL || (node = json_object_get_member (object, key)) == NULL ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gboolean
_byline_brat_bool_member (JsonObject *object,
                          const char *key)
{
  JsonNode *node;

  if (object == NULL || (node = json_object_get_member (object, key)) == NULL ||
      json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return FALSE;
  return json_node_get_boolean (node);
}

/* ---- Attribution roles (PolNeAR) --------------------------------------- */

const char * const _byline_brat_attribution_relations[N_ROLES] = { NULL, "said_by", "cue" };

int
_byline_brat_attribution_role (const char *role)
{
  static const char * const names[N_ROLES] = { "Content", "Source", "Cue" };

  for (int i = 0; i < N_ROLES; i++)
    {
      if (g_ascii_strcasecmp (role, names[i]) == 0)
        return i;
    }
  return -1;
}

static const char * const brat_ext[] = { ".ann", NULL };

const BylineFormat byline_format_brat = {
  "brat", N_("brat standoff: ID.txt and ID.ann, or a directory of them"), brat_ext, TRUE, TRUE,
  _byline_brat_read, _byline_brat_open
};
