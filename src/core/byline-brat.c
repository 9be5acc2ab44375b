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
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "byline-document-private.h"
#include "byline-error.h"
#include "byline-format-private.h"
#include "byline-import.h"

#define BRAT_KEY "brat"
#define DEFAULT_LAYER "entities"

/* ---- Shared helpers ---------------------------------------------------- */

/* What Python's str.splitlines() splits at: brat reads .ann files with it,
 * so none of these may appear inside a line brat is to read. */
static gboolean
is_line_break (gunichar c)
{
  return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c ||
         (c >= 0x1c && c <= 0x1e) || c == 0x85 || c == 0x2028 || c == 0x2029;
}

static gboolean
has_line_break (const char *s)
{
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (is_line_break (g_utf8_get_char (p)))
        return TRUE;
    }
  return FALSE;
}

/* The number of a brat id ("T12" → 12, "#3" → 3). */
static guint64
id_number (const char *id)
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
static int
compare_ids (const char *a,
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
  na = id_number (a);
  nb = id_number (b);
  if (na != nb)
    return na < nb ? -1 : 1;
  return strcmp (a, b);
}

/* Whether @id is a brat id of kind @prefix: "T12", "T12a"; not "T", "Tx1" */
static gboolean
is_brat_id (const char *id,
            char        prefix)
{
  const char *p;

  if (id == NULL || id[0] != prefix || !g_ascii_isdigit (id[1]))
    return FALSE;
  for (p = id + 1; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
        return FALSE;
    }
  return TRUE;
}

static JsonObject *
object_member (JsonObject *object,
               const char *key)
{
  JsonNode *node;

  if (object == NULL || (node = json_object_get_member (object, key)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_node_get_object (node);
}

static JsonArray *
array_member (JsonObject *object,
              const char *key)
{
  JsonNode *node;

  if (object == NULL || (node = json_object_get_member (object, key)) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

static const char *
string_member (JsonObject *object,
               const char *key)
{
  JsonNode *node;

  if (object == NULL || (node = json_object_get_member (object, key)) == NULL ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
bool_member (JsonObject *object,
             const char *key)
{
  JsonNode *node;

  if (object == NULL || (node = json_object_get_member (object, key)) == NULL ||
      json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return FALSE;
  return json_node_get_boolean (node);
}

static gint64
int_member (JsonObject *object,
            const char *key)
{
  JsonNode *node;

  if (object == NULL || (node = json_object_get_member (object, key)) == NULL ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return -1;
  return json_node_get_int (node);
}

/* A copy of @s for an error message: short, with line breaks visible. */
static char *
quote_for_message (const char *s)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n == 60)
        {
          g_string_append (out, "…");
          break;
        }
      if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
describe_fragments (GString              *out,
                    const BylineFragment *frags,
                    guint                 n)
{
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%u %u", i > 0 ? ";" : "", frags[i].start, frags[i].end);
}

/* ---- Reading: one line of a .ann file ---------------------------------- */

typedef enum
{
  KIND_T,
  KIND_R,
  KIND_E,
  KIND_A,
  KIND_N,
  KIND_NOTE,
  KIND_EQUIV,
  KIND_OTHER,
} Kind;

typedef struct _BratLine BratLine;

struct _BratLine
{
  Kind       kind;
  guint      lineno;
  char      *raw;       /* the line as written, without its line end */
  char      *id;
  char      *type;
  GArray    *frags;     /* T: BylineFragment in file offsets, as written */
  char      *text;      /* T: text field; #: note; N: text after the reference (or NULL) */
  char      *trigger;   /* E: the trigger's id, or NULL */
  GPtrArray *roles;     /* R, E: role of each argument */
  GPtrArray *args;      /* R, E: argument ids; *: members */
  char      *target;    /* A, N, #: what they are about */
  char      *value;     /* A: the value (NULL: binary); N: the reference */
  char      *tail;      /* R, E: what follows the arguments */
  guint      refs;      /* T, E: uses as trigger, argument or member */
  guint      marks;     /* T, E, R: attributes, notes, normalisations */
  gboolean   fold;      /* T: held by an event, no annotation of its own */
  const char *mapped;   /* T: the label an attribution gave it */
  BratLine  *anchor;    /* E: an attribution's Content T; T: the attribution it is Content of */
  gboolean   is_attribution;
};

static void
brat_line_free (BratLine *line)
{
  g_free (line->raw);
  g_free (line->id);
  g_free (line->type);
  g_clear_pointer (&line->frags, g_array_unref);
  g_free (line->text);
  g_free (line->trigger);
  g_clear_pointer (&line->roles, g_ptr_array_unref);
  g_clear_pointer (&line->args, g_ptr_array_unref);
  g_free (line->target);
  g_free (line->value);
  g_free (line->tail);
  g_free (line);
}

typedef struct
{
  const char *start;
  gsize       len;
} Token;

/* Splits @s (up to @end) at runs of spaces. */
static GArray *
tokenize (const char *s,
          const char *end)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  const char *p = s;

  while (p < end)
    {
      Token t;

      while (p < end && *p == ' ')
        p++;
      if (p >= end)
        break;
      t.start = p;
      while (p < end && *p != ' ')
        p++;
      t.len = (gsize) (p - t.start);
      g_array_append_val (tokens, t);
    }
  return tokens;
}

static char *
token_dup (GArray *tokens,
           guint   i)
{
  Token *t = &g_array_index (tokens, Token, i);

  return g_strndup (t->start, t->len);
}

/* The text from @from up to (not including) token @i, without the spaces
 * around it: a type or attribute name, which other tools may write with
 * spaces although brat itself cannot read them. */
static char *
text_before_token (const char *from,
                   GArray     *tokens,
                   guint       i)
{
  const char *end = g_array_index (tokens, Token, i).start;

  while (end > from && end[-1] == ' ')
    end--;
  while (from < end && *from == ' ')
    from++;
  return g_strndup (from, (gsize) (end - from));
}

typedef struct
{
  const char                *ann_path;
  char                      *ann_name;    /* its base name, for warnings */
  const BylineFormatOptions *options;
  BylineProblems            *warnings;
  BylineDocument            *doc;
  GPtrArray                 *lines;       /* BratLine */
  GHashTable                *by_id;       /* T, R, E id → BratLine */
  GHashTable                *warned;      /* labels warned about */
  GHashTable                *anns;        /* id → BylineAnnotation, being built */
  GHashTable                *rels;        /* id → BylineRelation, being built */
  GHashTable                *extras;      /* id → JsonObject: its "brat" keys */
  JsonArray                 *kept;        /* lines kept as written */
  gboolean                   has_bom;
  guint                      shift;       /* 1 when offsets count the BOM */
} Reader;

static void
reader_error (Reader      *r,
              GError     **error,
              int          code,
              guint        lineno,
              const char  *format,
              ...) G_GNUC_PRINTF (5, 6);

static void
reader_error (Reader      *r,
              GError     **error,
              int          code,
              guint        lineno,
              const char  *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, BYLINE_ERROR, code, "%s:%u: %s", r->ann_path, lineno, message);
}

/* Reads "TYPE START END[;START END…]" from the end, so that a type with
 * spaces in it (which brat cannot read, but other tools write) still
 * gives the type as everything before the offsets. */
static gboolean
parse_offsets (const char *data,
               const char *end,
               char      **type,
               GArray    **frags)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (BylineFragment));
  const char *p = end;

  while (p > data && (p[-1] == ' ' || p[-1] == '\r'))
    p--;
  for (;;)
    {
      guint64 values[2];

      for (int k = 1; k >= 0; k--)
        {
          const char *digits_end = p;
          guint64 v = 0;
          guint64 scale = 1;

          while (p > data && g_ascii_isdigit (p[-1]))
            p--;
          if (p == digits_end || digits_end - p > 12)
            return FALSE;
          for (const char *q = digits_end; q > p; q--)
            {
              v += (guint64) (q[-1] - '0') * scale;
              scale *= 10;
            }
          values[k] = v;
          if (k == 1)
            {
              if (p == data || p[-1] != ' ')
                return FALSE;
              while (p > data && p[-1] == ' ')
                p--;
            }
        }
      if (values[0] > G_MAXUINT || values[1] > G_MAXUINT)
        return FALSE;
      {
        BylineFragment f = { (guint) values[0], (guint) values[1] };
        g_array_prepend_val (found, f);
      }
      {
        const char *q = p;

        while (q > data && q[-1] == ' ')
          q--;
        if (q > data && q[-1] == ';')
          {
            p = q - 1;
            while (p > data && p[-1] == ' ')
              p--;
            continue;
          }
        if (q == p || q == data)
          return FALSE;
        *type = g_strndup (data, (gsize) (q - data));
        g_strstrip (*type);
        if (**type == '\0')
          {
            g_clear_pointer (type, g_free);
            return FALSE;
          }
        *frags = g_steal_pointer (&found);
        return TRUE;
      }
    }
}

/* "ROLE:ID" */
static gboolean
split_argument (const char *token,
                gsize       len,
                char      **role,
                char      **id)
{
  const char *colon = NULL;

  for (const char *p = token; p < token + len; p++)
    {
      if (*p == ':')
        colon = p;
    }
  if (colon == NULL || colon == token || colon == token + len - 1)
    return FALSE;
  *role = g_strndup (token, (gsize) (colon - token));
  *id = g_strndup (colon + 1, (gsize) (token + len - colon - 1));
  return TRUE;
}

static Kind
classify_id (const char *id)
{
  const char *p = id;

  if (id[0] == '#')
    return KIND_NOTE;
  if (strcmp (id, "*") == 0)
    return KIND_EQUIV;
  while (g_ascii_isalpha (*p))
    p++;
  if (p == id || !g_ascii_isdigit (*p))
    return KIND_OTHER;
  switch (id[0])
    {
    case 'T':
      return KIND_T;
    case 'R':
      return KIND_R;
    case 'E':
      return KIND_E;
    case 'A':
    case 'M':
      return KIND_A;
    case 'N':
      return KIND_N;
    default:
      return KIND_OTHER;
    }
}

static BratLine *
parse_line (Reader      *r,
            const char  *line,
            guint        lineno,
            GError     **error)
{
  g_autoptr(GArray) tokens = NULL;
  BratLine *b = g_new0 (BratLine, 1);
  const char *tab = strchr (line, '\t');
  const char *data;
  const char *data_end;
  const char *field;     /* after the second TAB, or NULL */
  g_autofree char *first = NULL;
  gsize id_len;

  b->lineno = lineno;
  b->raw = g_strdup (line);
  id_len = tab != NULL ? (gsize) (tab - line) : strlen (line);
  first = g_strndup (line, strcspn (line, tab != NULL ? "\t" : " "));
  b->kind = classify_id (first);
  if (b->kind == KIND_OTHER)
    return b;
  if (tab == NULL || memchr (line, ' ', id_len) != NULL)
    {
      reader_error (r, error, BYLINE_ERROR_PARSE, lineno,
                    _("%s: expected a TAB after the id"), first);
      brat_line_free (b);
      return NULL;
    }
  b->id = g_strndup (line, id_len);
  data = tab + 1;
  field = strchr (data, '\t');
  data_end = field != NULL ? field : data + strlen (data);
  if (field != NULL)
    field++;
  tokens = tokenize (data, data_end);

  switch (b->kind)
    {
    case KIND_T:
      if (!parse_offsets (data, data_end, &b->type, &b->frags))
        {
          g_autofree char *what = g_strndup (data, (gsize) (data_end - data));
          g_autofree char *shown = quote_for_message (what);

          reader_error (r, error, BYLINE_ERROR_PARSE, lineno,
                        _("%s: cannot read “%s”: expected TYPE START END, or TYPE START END;START END… for fragments"),
                        b->id, shown);
          goto fail;
        }
      b->text = g_strdup (field);
      break;

    case KIND_R:
      b->roles = g_ptr_array_new_with_free_func (g_free);
      b->args = g_ptr_array_new_with_free_func (g_free);
      if (tokens->len < 3)
        {
          reader_error (r, error, BYLINE_ERROR_PARSE, lineno,
                        _("%s: expected TYPE ARG1:ID ARG2:ID"), b->id);
          goto fail;
        }
      for (guint i = tokens->len - 2; i < tokens->len; i++)
        {
          Token *t = &g_array_index (tokens, Token, i);
          char *role, *id;

          if (!split_argument (t->start, t->len, &role, &id))
            {
              g_autofree char *shown = token_dup (tokens, i);

              reader_error (r, error, BYLINE_ERROR_PARSE, lineno,
                            _("%s: the argument “%s” is not ROLE:ID"), b->id, shown);
              goto fail;
            }
          g_ptr_array_add (b->roles, role);
          g_ptr_array_add (b->args, id);
        }
      b->type = text_before_token (data, tokens, tokens->len - 2);
      b->tail = g_strdup (field != NULL ? field - 1 : "");
      break;

    case KIND_E:
      b->roles = g_ptr_array_new_with_free_func (g_free);
      b->args = g_ptr_array_new_with_free_func (g_free);
      b->tail = g_strdup (field != NULL ? field - 1 : "");
      if (tokens->len < 1)
        {
          reader_error (r, error, BYLINE_ERROR_PARSE, lineno,
                        _("%s: expected TYPE:TRIGGER ROLE:ID…"), b->id);
          goto fail;
        }
      {
        Token *t = &g_array_index (tokens, Token, 0);

        if (!split_argument (t->start, t->len, &b->type, &b->trigger))
          {
            /* No trigger: other tools write such events; brat does not. */
            b->type = token_dup (tokens, 0);
            if (memchr (t->start, ':', t->len) != NULL)
              {
                reader_error (r, error, BYLINE_ERROR_PARSE, lineno,
                              _("%s: cannot read the type and trigger “%s”"), b->id, b->type);
                goto fail;
              }
          }
      }
      for (guint i = 1; i < tokens->len; i++)
        {
          Token *t = &g_array_index (tokens, Token, i);
          char *role, *id;

          if (!split_argument (t->start, t->len, &role, &id))
            {
              g_autofree char *shown = token_dup (tokens, i);

              reader_error (r, error, BYLINE_ERROR_PARSE, lineno,
                            _("%s: the argument “%s” is not ROLE:ID"), b->id, shown);
              goto fail;
            }
          g_ptr_array_add (b->roles, role);
          g_ptr_array_add (b->args, id);
        }
      break;

    case KIND_A:
      /* NAME TARGET [VALUE]: the target is found when all ids are known */
      if (tokens->len < 2)
        {
          reader_error (r, error, BYLINE_ERROR_PARSE, lineno,
                        _("%s: expected NAME ID or NAME ID VALUE"), b->id);
          goto fail;
        }
      b->text = g_strndup (data, (gsize) (data_end - data));
      break;

    case KIND_N:
      if (tokens->len < 3)
        {
          reader_error (r, error, BYLINE_ERROR_PARSE, lineno,
                        _("%s: expected TYPE ID DATABASE:ENTRY"), b->id);
          goto fail;
        }
      b->type = text_before_token (data, tokens, tokens->len - 2);
      b->target = token_dup (tokens, tokens->len - 2);
      b->value = token_dup (tokens, tokens->len - 1);
      b->text = g_strdup (field);
      break;

    case KIND_NOTE:
      if (tokens->len < 2)
        {
          reader_error (r, error, BYLINE_ERROR_PARSE, lineno,
                        _("%s: expected TYPE ID, a TAB and the note"), b->id);
          goto fail;
        }
      b->type = text_before_token (data, tokens, tokens->len - 1);
      b->target = token_dup (tokens, tokens->len - 1);
      b->text = g_strdup (field != NULL ? field : "");
      break;

    case KIND_EQUIV:
      if (tokens->len < 3)
        {
          reader_error (r, error, BYLINE_ERROR_PARSE, lineno,
                        _("*: expected TYPE and at least two ids"));
          goto fail;
        }
      b->type = token_dup (tokens, 0);
      b->args = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 1; i < tokens->len; i++)
        g_ptr_array_add (b->args, token_dup (tokens, i));
      break;

    case KIND_OTHER:
    default:
      g_assert_not_reached ();
    }
  return b;

fail:
  brat_line_free (b);
  return NULL;
}

/* A attributes: "NAME TARGET" or "NAME TARGET VALUE". The target is the
 * first token after the name that is a known id, so that a name with
 * spaces (not brat's, but other tools write them) is read whole. */
static gboolean
resolve_attribute (Reader    *r,
                   BratLine  *b,
                   GError   **error)
{
  const char *data = b->text;
  g_autoptr(GArray) tokens = tokenize (data, data + strlen (data));

  for (guint i = 1; i < tokens->len; i++)
    {
      g_autofree char *id = token_dup (tokens, i);
      Token *t = &g_array_index (tokens, Token, i);
      const char *after;

      if (!g_hash_table_contains (r->by_id, id))
        continue;
      b->type = text_before_token (data, tokens, i);
      b->target = g_steal_pointer (&id);
      after = t->start + t->len;
      if (*after == ' ' && after[1] != '\0')
        b->value = g_strdup (after + 1);
      g_clear_pointer (&b->text, g_free);
      return TRUE;
    }
  {
    g_autofree char *shown = token_dup (tokens, 1);

    reader_error (r, error, BYLINE_ERROR_UNKNOWN_ID, b->lineno,
                  _("%s: unknown id “%s”"), b->id, shown);
  }
  return FALSE;
}

static BratLine *
lookup_line (Reader     *r,
             const char *id)
{
  return g_hash_table_lookup (r->by_id, id);
}

/* ---- Reading: the lines of one .ann file ------------------------------- */

/* Some tools write the line breaks of a span into its text field as they
 * are, breaking its line (PolNeAR has such files): the lines after it are
 * the rest of the text when, joined back, they give exactly the text at
 * the span's offsets. Returns how many lines that takes. */
static guint
continue_text (Reader    *r,
               BratLine  *b,
               GPtrArray *physical,
               guint      next)
{
  guint n_chars = byline_document_get_n_chars (r->doc);

  for (guint shift = 0; shift <= (r->has_bom ? 1u : 0u); shift++)
    {
      g_autoptr(GString) expected = g_string_new (NULL);
      g_autoptr(GString) joined = NULL;
      gboolean fits = TRUE;
      guint k = next;

      for (guint i = 0; i < b->frags->len && fits; i++)
        {
          BylineFragment f = g_array_index (b->frags, BylineFragment, i);
          g_autofree char *slice = NULL;

          fits = f.start >= shift && f.start < f.end && f.end - shift <= n_chars;
          if (!fits)
            break;
          slice = byline_document_dup_slice (r->doc, f.start - shift, f.end - shift);
          if (i > 0)
            g_string_append_c (expected, ' ');
          g_string_append (expected, slice);
        }
      if (!fits || !g_str_has_prefix (expected->str, b->text))
        continue;
      joined = g_string_new (b->text);
      while (joined->len < expected->len && k < physical->len)
        {
          const char *rest = expected->str + joined->len;

          if (rest[0] == '\r' && rest[1] == '\n')
            g_string_append (joined, "\r\n");
          else if (rest[0] == '\n')
            g_string_append_c (joined, '\n');
          else
            break;
          g_string_append (joined, physical->pdata[k++]);
          if (!g_str_has_prefix (expected->str, joined->str))
            break;
        }
      if (k > next && strcmp (joined->str, expected->str) == 0)
        {
          g_free (b->text);
          b->text = g_strdup (joined->str);
          return k - next;
        }
    }
  return 0;
}

static gboolean
parse_ann (Reader      *r,
           const char  *data,
           gsize        len,
           GError     **error)
{
  const char *end = data + len;
  const char *p = data + byline_import_skip_bom (data, len);
  g_autoptr(GPtrArray) physical = g_ptr_array_new_with_free_func (g_free);

  if (!byline_import_check_utf8 (p, (gsize) (end - p), r->ann_path, error))
    return FALSE;
  while (p < end)
    {
      const char *nl = memchr (p, '\n', (gsize) (end - p));
      const char *line_end = nl != NULL ? nl : end;

      while (line_end > p && line_end[-1] == '\r')
        line_end--;
      g_ptr_array_add (physical, g_strndup (p, (gsize) (line_end - p)));
      p = nl != NULL ? nl + 1 : end;
    }

  for (guint i = 0; i < physical->len; i++)
    {
      const char *line = physical->pdata[i];
      guint lineno = i + 1;
      BratLine *b;

      if (line[strspn (line, " \t")] == '\0')
        continue;
      b = parse_line (r, line, lineno, error);
      if (b == NULL)
        return FALSE;
      g_ptr_array_add (r->lines, b);
      if (b->kind == KIND_T && b->text != NULL)
        i += continue_text (r, b, physical, i + 1);
      if (b->kind == KIND_OTHER)
        {
          g_autofree char *where = g_strdup_printf ("%s:%u", r->ann_name, lineno);
          g_autofree char *first = g_strndup (line, strcspn (line, "\t "));

          json_array_add_string_element (r->kept, line);
          if (r->warnings != NULL)
            byline_problems_add (r->warnings, BYLINE_SEVERITY_WARNING, BYLINE_ERROR_INVALID, where,
                                 _("unknown line type “%s”: kept as written"), first);
          continue;
        }
      if (b->kind == KIND_T || b->kind == KIND_R || b->kind == KIND_E)
        {
          BratLine *before = lookup_line (r, b->id);

          if (before != NULL)
            {
              reader_error (r, error, BYLINE_ERROR_DUPLICATE_ID, lineno,
                            _("%s: the id is used already on line %u"), b->id, before->lineno);
              return FALSE;
            }
          g_hash_table_insert (r->by_id, b->id, b);
        }
    }
  return TRUE;
}

/* An argument, trigger or member: a T or an E that exists. */
static BratLine *
reference (Reader      *r,
           BratLine    *b,
           const char  *id,
           gboolean     events_too,
           GError     **error)
{
  BratLine *t = lookup_line (r, id);

  if (t == NULL)
    {
      reader_error (r, error, BYLINE_ERROR_UNKNOWN_ID, b->lineno,
                    _("%s: unknown id “%s”"), b->id != NULL ? b->id : "*", id);
      return NULL;
    }
  if (t->kind != KIND_T && (t->kind != KIND_E || !events_too))
    {
      reader_error (r, error, BYLINE_ERROR_INVALID, b->lineno,
                    events_too ? _("%s: “%s” is neither a text-bound (T) annotation nor an event (E)")
                               : _("%s: “%s” is not a text-bound (T) annotation"),
                    b->id != NULL ? b->id : "*", id);
      return NULL;
    }
  t->refs++;
  return t;
}

static gboolean
check_references (Reader  *r,
                  GError **error)
{
  for (guint i = 0; i < r->lines->len; i++)
    {
      BratLine *b = r->lines->pdata[i];
      BratLine *t;

      switch (b->kind)
        {
        case KIND_R:
        case KIND_E:
        case KIND_EQUIV:
          if (b->trigger != NULL && reference (r, b, b->trigger, FALSE, error) == NULL)
            return FALSE;
          for (guint k = 0; k < b->args->len; k++)
            {
              if (reference (r, b, b->args->pdata[k], TRUE, error) == NULL)
                return FALSE;
            }
          break;

        case KIND_A:
          if (!resolve_attribute (r, b, error))
            return FALSE;
          ((BratLine *) lookup_line (r, b->target))->marks++;
          break;

        case KIND_N:
        case KIND_NOTE:
          t = lookup_line (r, b->target);
          if (t == NULL)
            {
              reader_error (r, error, BYLINE_ERROR_UNKNOWN_ID, b->lineno,
                            _("%s: unknown id “%s”"), b->id, b->target);
              return FALSE;
            }
          t->marks++;
          break;

        case KIND_T:
        case KIND_OTHER:
        default:
          break;
        }
    }
  return TRUE;
}

/* Whether @field is the text of @frags (document offsets, as written):
 * their slices joined by one space, as brat writes it. A line break in a
 * slice may be written as a space, since a line cannot hold one; brat
 * itself splits such spans instead, other tools write the space. */
static gboolean
text_field_matches (BylineDocument       *doc,
                    const BylineFragment *frags,
                    guint                 n,
                    const char           *field)
{
  const char *text = byline_document_get_text (doc);
  const char *f = field;

  for (guint i = 0; i < n; i++)
    {
      const char *p = text + byline_document_offset_to_byte (doc, frags[i].start);
      const char *end = text + byline_document_offset_to_byte (doc, frags[i].end);

      if (i > 0)
        {
          if (*f != ' ')
            return FALSE;
          f++;
        }
      while (p < end)
        {
          gunichar c = g_utf8_get_char (p);

          if (*f == '\0')
            return FALSE;
          if (g_utf8_get_char (f) == c)
            {
              p = g_utf8_next_char (p);
              f = g_utf8_next_char (f);
              continue;
            }
          if (!is_line_break (c) || *f != ' ')
            return FALSE;
          p = g_utf8_next_char (p);
          /* \r\n written as one space */
          if (c == '\r' && p < end && *p == '\n' && f[1] != ' ')
            p++;
          f++;
        }
    }
  return *f == '\0';
}

static gboolean
check_spans (Reader  *r,
             guint    shift,
             GError **error)
{
  guint n_chars = byline_document_get_n_chars (r->doc);

  for (guint i = 0; i < r->lines->len; i++)
    {
      BratLine *b = r->lines->pdata[i];
      g_autofree BylineFragment *frags = NULL;
      g_autofree BylineFragment *sorted = NULL;
      guint n;

      if (b->kind != KIND_T)
        continue;
      n = b->frags->len;
      frags = g_new (BylineFragment, n);
      for (guint k = 0; k < n; k++)
        {
          BylineFragment f = g_array_index (b->frags, BylineFragment, k);

          if (f.start > f.end)
            {
              reader_error (r, error, BYLINE_ERROR_OUT_OF_RANGE, b->lineno,
                            _("%s: start %u is after end %u"), b->id, f.start, f.end);
              return FALSE;
            }
          if (f.start == f.end)
            {
              reader_error (r, error, BYLINE_ERROR_OUT_OF_RANGE, b->lineno,
                            _("%s: the span %u %u is empty: Byline cannot hold an empty span"),
                            b->id, f.start, f.end);
              return FALSE;
            }
          if (f.end > n_chars + shift)
            {
              reader_error (r, error, BYLINE_ERROR_OUT_OF_RANGE, b->lineno,
                            _("%s: end %u is past the end of the text (%u characters)"),
                            b->id, f.end, n_chars + shift);
              return FALSE;
            }
          if (f.start < shift)
            {
              reader_error (r, error, BYLINE_ERROR_OUT_OF_RANGE, b->lineno,
                            _("%s: start %u is the byte order mark"), b->id, f.start);
              return FALSE;
            }
          frags[k].start = f.start - shift;
          frags[k].end = f.end - shift;
        }
      sorted = g_memdup2 (frags, sizeof (BylineFragment) * n);
      for (guint k = 1; k < n; k++)
        {
          /* insertion sort: lines have a handful of fragments */
          BylineFragment cur = sorted[k];
          guint j = k;

          while (j > 0 && sorted[j - 1].start > cur.start)
            {
              sorted[j] = sorted[j - 1];
              j--;
            }
          sorted[j] = cur;
        }
      for (guint k = 1; k < n; k++)
        {
          if (sorted[k].start < sorted[k - 1].end)
            {
              reader_error (r, error, BYLINE_ERROR_INVALID, b->lineno,
                            _("%s: fragments overlap at %u"), b->id, sorted[k].start + shift);
              return FALSE;
            }
        }
      if (b->text != NULL && !text_field_matches (r->doc, frags, n, b->text))
        {
          g_autoptr(GString) where = g_string_new (NULL);
          g_autoptr(GString) expected = g_string_new (NULL);
          g_autofree char *shown = quote_for_message (b->text);
          g_autofree char *shown_expected = NULL;

          describe_fragments (where, (BylineFragment *) (gpointer) b->frags->data, n);
          for (guint k = 0; k < n; k++)
            {
              g_autofree char *slice = byline_document_dup_slice (r->doc, frags[k].start, frags[k].end);

              if (k > 0)
                g_string_append_c (expected, ' ');
              g_string_append (expected, slice);
            }
          shown_expected = quote_for_message (expected->str);
          reader_error (r, error, BYLINE_ERROR_TEXT_MISMATCH, b->lineno,
                        _("%s: the text “%s” does not match the text at %s, “%s”"),
                        b->id, shown, where->str, shown_expected);
          return FALSE;
        }
    }
  return TRUE;
}

/* ---- Reading: events and attribution ----------------------------------- */

enum { ROLE_CONTENT, ROLE_SOURCE, ROLE_CUE, N_ROLES };

static const char * const attribution_labels[N_ROLES] = { "QUOTE", "SPEAKER", "CUE" };
static const char * const attribution_relations[N_ROLES] = { NULL, "said_by", "cue" };

static int
attribution_role (const char *role)
{
  static const char * const names[N_ROLES] = { "Content", "Source", "Cue" };

  for (int i = 0; i < N_ROLES; i++)
    {
      if (g_ascii_strcasecmp (role, names[i]) == 0)
        return i;
    }
  return -1;
}

static gboolean
same_fragments (BratLine *a,
                BratLine *b)
{
  if (a->frags->len != b->frags->len)
    return FALSE;
  return memcmp (a->frags->data, b->frags->data, sizeof (BylineFragment) * a->frags->len) == 0;
}

static int
compare_lines_by_id (gconstpointer a,
                     gconstpointer b)
{
  const BratLine *la = *(const BratLine * const *) a;
  const BratLine *lb = *(const BratLine * const *) b;

  return compare_ids (la->id, lb->id);
}

static GPtrArray *
hash_keys (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_sized_new (g_hash_table_size (table));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  return keys;
}

static int
compare_id_ptrs (gconstpointer a,
                 gconstpointer b)
{
  return compare_ids (*(const char * const *) a, *(const char * const *) b);
}

static GPtrArray *
lines_of_kind (Reader *r,
               Kind    kind)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < r->lines->len; i++)
    {
      BratLine *b = r->lines->pdata[i];

      if (b->kind == kind)
        g_ptr_array_add (found, b);
    }
  if (kind != KIND_EQUIV && kind != KIND_OTHER)
    g_ptr_array_sort (found, compare_lines_by_id);
  return found;
}

/* PolNeAR's attribution: an event typed Attribution… whose arguments are
 * one Content, at most one Source and at most one Cue, all text-bound,
 * and which nothing else refers to. */
static void
try_attribution (Reader   *r,
                 BratLine *e)
{
  BratLine *by_role[N_ROLES] = { NULL, NULL, NULL };
  BratLine *trigger;

  if (g_ascii_strncasecmp (e->type, "Attribution", 11) != 0 || e->refs > 0 || e->args->len == 0)
    return;
  for (guint i = 0; i < e->args->len; i++)
    {
      int role = attribution_role (e->roles->pdata[i]);
      BratLine *t = lookup_line (r, e->args->pdata[i]);

      if (role < 0 || by_role[role] != NULL || t->kind != KIND_T ||
          (t->mapped != NULL && t->mapped != attribution_labels[role]))
        return;
      by_role[role] = t;
    }
  if (by_role[ROLE_CONTENT] == NULL || by_role[ROLE_CONTENT]->anchor != NULL)
    return;
  for (int i = 0; i < N_ROLES; i++)
    {
      if (by_role[i] != NULL && by_role[i] == by_role[(i + 1) % N_ROLES])
        return;
    }

  e->is_attribution = TRUE;
  e->anchor = by_role[ROLE_CONTENT];
  by_role[ROLE_CONTENT]->anchor = e;
  for (int i = 0; i < N_ROLES; i++)
    {
      if (by_role[i] != NULL)
        by_role[i]->mapped = attribution_labels[i];
    }
  trigger = e->trigger != NULL ? lookup_line (r, e->trigger) : NULL;
  if (trigger != NULL && by_role[ROLE_CUE] != NULL && trigger != by_role[ROLE_CUE] &&
      trigger->refs == 1 && trigger->marks == 0 && trigger->mapped == NULL &&
      trigger->anchor == NULL && same_fragments (trigger, by_role[ROLE_CUE]) &&
      (trigger->text == NULL) == (by_role[ROLE_CUE]->text == NULL))
    trigger->fold = TRUE;
}

static gboolean
decide_events (Reader  *r,
               GError **error)
{
  g_autoptr(GPtrArray) events = lines_of_kind (r, KIND_E);

  for (guint i = 0; i < events->len; i++)
    try_attribution (r, events->pdata[i]);
  for (guint i = 0; i < events->len; i++)
    {
      BratLine *e = events->pdata[i];
      BratLine *trigger;

      if (e->is_attribution)
        continue;
      trigger = e->trigger != NULL ? lookup_line (r, e->trigger) : NULL;
      if (trigger != NULL)
        {
          if (trigger->refs == 1 && trigger->marks == 0 && trigger->mapped == NULL &&
              trigger->anchor == NULL && !trigger->fold)
            trigger->fold = TRUE;
          continue;
        }
      for (guint k = 0; k < e->args->len && trigger == NULL; k++)
        {
          BratLine *t = lookup_line (r, e->args->pdata[k]);

          if (t->kind == KIND_T)
            trigger = t;
        }
      if (trigger == NULL)
        {
          reader_error (r, error, BYLINE_ERROR_INVALID, e->lineno,
                        _("%s: an event without a trigger needs a text-bound argument to be placed on"),
                        e->id);
          return FALSE;
        }
    }
  return TRUE;
}

/* ---- Reading: building the document ------------------------------------ */

static JsonObject *
extra_for (Reader     *r,
           const char *id)
{
  JsonObject *extra = g_hash_table_lookup (r->extras, id);

  if (extra == NULL)
    {
      extra = json_object_new ();
      g_hash_table_insert (r->extras, g_strdup (id), extra);
    }
  return extra;
}

static const char *
layer_for (Reader     *r,
           const char *label)
{
  const char *layer = byline_format_layer_for_label (r->options, label);

  if (layer != NULL)
    return layer;
  if (!g_hash_table_contains (r->warned, label))
    {
      g_hash_table_add (r->warned, g_strdup (label));
      if (r->warnings != NULL)
        byline_problems_add (r->warnings, BYLINE_SEVERITY_WARNING, BYLINE_ERROR_INVALID, r->ann_name,
                             _("label “%s” is not in the schema: kept, in the layer “%s”"),
                             label, DEFAULT_LAYER);
    }
  return DEFAULT_LAYER;
}

static gboolean
line_break_gap (BylineDocument *doc,
                guint           start,
                guint           end)
{
  const char *text = byline_document_get_text (doc);
  const char *p = text + byline_document_offset_to_byte (doc, start);
  const char *stop = text + byline_document_offset_to_byte (doc, end);

  if (start == 0 || start >= end || end >= byline_document_get_n_chars (doc))
    return FALSE;
  if (is_line_break (g_utf8_get_char (g_utf8_prev_char (p))) || is_line_break (g_utf8_get_char (stop)))
    return FALSE;
  for (; p < stop; p = g_utf8_next_char (p))
    {
      if (!is_line_break (g_utf8_get_char (p)))
        return FALSE;
    }
  return TRUE;
}

static int
compare_fragment_starts (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  const BylineFragment *frags = user_data;
  guint ia = *(const guint *) a;
  guint ib = *(const guint *) b;

  if (frags[ia].start != frags[ib].start)
    return frags[ia].start < frags[ib].start ? -1 : 1;
  return 0;
}

/* The annotation of T line @t (or of the event it triggers): its
 * fragments in document offsets. Fragments written out of order keep
 * their order in @extra; in order, fragments that only a line break
 * separates are one span (see the top of the file). */
static BylineAnnotation *
annotation_from_t (Reader     *r,
                   BratLine   *t,
                   const char *id,
                   const char *label,
                   JsonObject *extra)
{
  guint n = t->frags->len;
  g_autofree BylineFragment *frags = g_new (BylineFragment, n);
  gboolean in_order = TRUE;
  BylineAnnotation *a;

  for (guint i = 0; i < n; i++)
    {
      BylineFragment f = g_array_index (t->frags, BylineFragment, i);

      frags[i].start = f.start - r->shift;
      frags[i].end = f.end - r->shift;
      if (i > 0 && frags[i].start < frags[i - 1].start)
        in_order = FALSE;
    }
  if (!in_order)
    {
      g_autofree guint *idx = g_new (guint, n);
      JsonArray *order = json_array_sized_new (n);
      g_autofree guint *rank = g_new (guint, n);

      for (guint i = 0; i < n; i++)
        idx[i] = i;
      g_qsort_with_data (idx, (gint) n, sizeof (guint), compare_fragment_starts, frags);
      for (guint j = 0; j < n; j++)
        rank[idx[j]] = j;
      for (guint i = 0; i < n; i++)
        json_array_add_int_element (order, rank[i]);
      if (extra != NULL)
        json_object_set_array_member (extra, "order", order);
      else
        json_array_unref (order);
    }
  else
    {
      guint out = 0;

      for (guint i = 1; i < n; i++)
        {
          if (line_break_gap (r->doc, frags[out].end, frags[i].start))
            frags[out].end = frags[i].end;
          else
            frags[++out] = frags[i];
        }
      n = out + 1;
    }
  if (t->text == NULL && extra != NULL)
    json_object_set_boolean_member (extra, "notext", TRUE);

  a = byline_annotation_new (layer_for (r, label), label, frags[0].start, frags[0].end);
  if (n > 1)
    byline_annotation_set_fragments (a, frags, n);
  byline_annotation_set_id (a, id);
  return a;
}

static void
add_relation (Reader     *r,
              const char *id,
              const char *type,
              const char *from,
              const char *to)
{
  BylineRelation *rel = byline_relation_new (type, from, to);

  byline_relation_set_id (rel, id);
  g_hash_table_insert (r->rels, g_strdup (id), rel);
}

static void
build_spans (Reader    *r,
             GPtrArray *order)
{
  g_autoptr(GPtrArray) texts = lines_of_kind (r, KIND_T);
  g_autoptr(GPtrArray) events = lines_of_kind (r, KIND_E);

  for (guint i = 0; i < texts->len; i++)
    {
      BratLine *t = texts->pdata[i];
      JsonObject *extra;
      const char *label;

      if (t->fold)
        continue;
      extra = extra_for (r, t->id);
      label = t->mapped != NULL ? t->mapped : t->type;
      if (t->mapped != NULL && strcmp (t->mapped, t->type) != 0)
        {
          json_object_set_string_member (extra, "type", t->type);
          json_object_set_string_member (extra, "as", t->mapped);
        }
      g_hash_table_insert (r->anns, g_strdup (t->id), annotation_from_t (r, t, t->id, label, extra));
      g_ptr_array_add (order, t);
    }

  for (guint i = 0; i < events->len; i++)
    {
      BratLine *e = events->pdata[i];
      BratLine *trigger = e->trigger != NULL ? lookup_line (r, e->trigger) : NULL;
      JsonObject *event = json_object_new ();

      if (trigger != NULL)
        json_object_set_string_member (event, "trigger", e->trigger);
      else
        json_object_set_null_member (event, "trigger");
      if (*e->tail != '\0')
        json_object_set_string_member (event, "tail", e->tail);
      if (trigger != NULL && trigger->fold)
        {
          json_object_set_boolean_member (event, "fold", TRUE);
          if (strcmp (trigger->type, e->type) != 0)
            json_object_set_string_member (event, "trigger_type", trigger->type);
        }

      if (e->is_attribution)
        {
          JsonArray *roles = json_array_new ();

          json_object_set_string_member (event, "id", e->id);
          json_object_set_string_member (event, "type", e->type);
          for (guint k = 0; k < e->args->len; k++)
            {
              int role = attribution_role (e->roles->pdata[k]);
              g_autofree char *rel_id = g_strdup_printf ("%s.%u", e->id, k + 1);

              json_array_add_string_element (roles, e->roles->pdata[k]);
              if (role == ROLE_CONTENT)
                continue;
              add_relation (r, rel_id, attribution_relations[role], e->anchor->id, e->args->pdata[k]);
              json_object_set_int_member (extra_for (r, rel_id), "arg", k + 1);
            }
          json_object_set_array_member (event, "roles", roles);
          json_object_set_object_member (extra_for (r, e->anchor->id), "attribution", event);
          continue;
        }

      {
        BratLine *span = trigger;
        JsonObject *extra = extra_for (r, e->id);
        BylineAnnotation *a;
        JsonObjectIter iter;
        const char *key;
        JsonNode *value;

        for (guint k = 0; span == NULL && k < e->args->len; k++)
          {
            BratLine *t = lookup_line (r, e->args->pdata[k]);

            if (t->kind == KIND_T)
              span = t;
          }
        g_assert (span != NULL);
        json_object_set_boolean_member (extra, "event", TRUE);
        a = annotation_from_t (r, span, e->id, e->type, trigger != NULL && trigger->fold ? extra : NULL);
        json_object_iter_init (&iter, event);
        while (json_object_iter_next (&iter, &key, &value))
          json_object_set_member (extra, key, json_node_copy (value));
        json_object_unref (event);
        g_hash_table_insert (r->anns, g_strdup (e->id), a);
        g_ptr_array_add (order, e);
        for (guint k = 0; k < e->args->len; k++)
          {
            g_autofree char *rel_id = g_strdup_printf ("%s.%u", e->id, k + 1);

            add_relation (r, rel_id, e->roles->pdata[k], e->id, e->args->pdata[k]);
            json_object_set_int_member (extra_for (r, rel_id), "arg", k + 1);
          }
      }
    }
}

static void
build_relations (Reader *r)
{
  g_autoptr(GPtrArray) relations = lines_of_kind (r, KIND_R);
  g_autoptr(GPtrArray) equivs = lines_of_kind (r, KIND_EQUIV);

  for (guint i = 0; i < relations->len; i++)
    {
      BratLine *b = relations->pdata[i];

      add_relation (r, b->id, b->type, b->args->pdata[0], b->args->pdata[1]);
      if (strcmp (b->roles->pdata[0], "Arg1") != 0 || strcmp (b->roles->pdata[1], "Arg2") != 0)
        {
          JsonArray *roles = json_array_new ();

          json_array_add_string_element (roles, b->roles->pdata[0]);
          json_array_add_string_element (roles, b->roles->pdata[1]);
          json_object_set_array_member (extra_for (r, b->id), "roles", roles);
        }
      if (strcmp (b->tail, "\t") != 0)
        json_object_set_string_member (extra_for (r, b->id), "tail", b->tail);
    }
  for (guint i = 0; i < equivs->len; i++)
    {
      BratLine *b = equivs->pdata[i];

      for (guint k = 1; k < b->args->len; k++)
        {
          g_autofree char *rel_id = g_strdup_printf ("*%u.%u", i + 1, k);

          add_relation (r, rel_id, b->type, b->args->pdata[k - 1], b->args->pdata[k]);
          json_object_set_int_member (extra_for (r, rel_id), "equiv", i + 1);
        }
    }
}

/* Where an A, N or # line's data goes: the extra keys of an annotation or
 * relation, or of the attribution event its Content holds. */
static JsonObject *
mark_target (Reader            *r,
             BratLine          *b,
             BylineAnnotation **annotation,
             BylineRelation   **relation)
{
  BratLine *t = lookup_line (r, b->target);

  *annotation = NULL;
  *relation = NULL;
  if (t->kind == KIND_E && t->is_attribution)
    return object_member (extra_for (r, t->anchor->id), "attribution");
  if (t->kind == KIND_R)
    *relation = g_hash_table_lookup (r->rels, t->id);
  else
    *annotation = g_hash_table_lookup (r->anns, t->id);
  g_assert (*annotation != NULL || *relation != NULL);
  return extra_for (r, t->id);
}

static JsonObject *
ensure_object (JsonObject *parent,
               const char *key)
{
  JsonObject *child = object_member (parent, key);

  if (child == NULL)
    {
      child = json_object_new ();
      json_object_set_object_member (parent, key, child);
    }
  return child;
}

static JsonArray *
ensure_array (JsonObject *parent,
              const char *key)
{
  JsonArray *child = array_member (parent, key);

  if (child == NULL)
    {
      child = json_array_new ();
      json_object_set_array_member (parent, key, child);
    }
  return child;
}

static void
build_marks (Reader *r)
{
  g_autoptr(GPtrArray) attributes = lines_of_kind (r, KIND_A);
  g_autoptr(GPtrArray) norms = lines_of_kind (r, KIND_N);
  g_autoptr(GPtrArray) notes = lines_of_kind (r, KIND_NOTE);

  for (guint i = 0; i < attributes->len; i++)
    {
      BratLine *b = attributes->pdata[i];
      BylineAnnotation *a;
      BylineRelation *rel;
      JsonObject *extra = mark_target (r, b, &a, &rel);
      JsonObject *ids = ensure_object (extra, "attr_ids");
      g_autoptr(JsonNode) value = b->value != NULL ? json_node_init_string (json_node_alloc (), b->value)
                                                   : json_node_init_boolean (json_node_alloc (), TRUE);

      if (json_object_has_member (ids, b->type))
        {
          g_autofree char *where = g_strdup_printf ("%s:%u", r->ann_name, b->lineno);

          json_array_add_string_element (r->kept, b->raw);
          if (r->warnings != NULL)
            byline_problems_add (r->warnings, BYLINE_SEVERITY_WARNING, BYLINE_ERROR_DUPLICATE_ID, where,
                                 _("%s: %s has the attribute “%s” already: kept as written"),
                                 b->id, b->target, b->type);
          continue;
        }
      json_object_set_string_member (ids, b->type, b->id);
      if (a != NULL)
        byline_annotation_set_attribute (a, b->type, value);
      else if (rel != NULL)
        byline_relation_set_attribute (rel, b->type, value);
      else
        json_object_set_member (ensure_object (extra, "attributes"), b->type, json_node_ref (value));
    }

  for (guint i = 0; i < norms->len; i++)
    {
      BratLine *b = norms->pdata[i];
      BylineAnnotation *a;
      BylineRelation *rel;
      JsonObject *extra = mark_target (r, b, &a, &rel);
      JsonObject *norm = json_object_new ();

      json_object_set_string_member (norm, "id", b->id);
      json_object_set_string_member (norm, "type", b->type);
      json_object_set_string_member (norm, "ref", b->value);
      if (b->text != NULL)
        json_object_set_string_member (norm, "text", b->text);
      json_array_add_object_element (ensure_array (extra, "norms"), norm);
    }

  for (guint i = 0; i < notes->len; i++)
    {
      BratLine *b = notes->pdata[i];
      BylineAnnotation *a;
      BylineRelation *rel;
      JsonObject *extra = mark_target (r, b, &a, &rel);
      JsonObject *note;

      if (a != NULL && byline_annotation_get_note (a) == NULL && *b->text != '\0')
        {
          byline_annotation_set_note (a, b->text);
          json_object_set_string_member (extra, "note_id", b->id);
          if (strcmp (b->type, "AnnotatorNotes") != 0)
            json_object_set_string_member (extra, "note_type", b->type);
          continue;
        }
      note = json_object_new ();
      json_object_set_string_member (note, "id", b->id);
      json_object_set_string_member (note, "type", b->type);
      json_object_set_string_member (note, "text", b->text);
      json_array_add_object_element (ensure_array (extra, "notes"), note);
    }
}

static JsonObject *
wrap_extra (Reader     *r,
            const char *id)
{
  JsonObject *extra = g_hash_table_lookup (r->extras, id);
  JsonObject *wrapped;

  if (extra == NULL || json_object_get_size (extra) == 0)
    return NULL;
  wrapped = json_object_new ();
  json_object_set_object_member (wrapped, BRAT_KEY, json_object_ref (extra));
  return wrapped;
}

static gboolean
build_document (Reader  *r,
                GError **error)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(BylineProblems) problems = byline_problems_new ();
  g_autoptr(GPtrArray) rel_ids = NULL;
  JsonObject *doc_extra;

  if (!check_references (r, error))
    return FALSE;
  if (!check_spans (r, 0, error))
    {
      g_autoptr(GError) counted = NULL;

      /* brat itself reads a BOM as a character: its offsets count it */
      if (!r->has_bom || !check_spans (r, 1, &counted))
        return FALSE;
      g_clear_error (error);
      r->shift = 1;
    }
  if (!decide_events (r, error))
    return FALSE;
  build_spans (r, order);
  build_relations (r);
  build_marks (r);

  for (guint i = 0; i < order->len; i++)
    {
      BratLine *b = order->pdata[i];
      BylineAnnotation *a = g_hash_table_lookup (r->anns, b->id);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(JsonObject) extra = wrap_extra (r, b->id);

      if (extra != NULL)
        byline_annotation_set_extra (a, extra);
      if (!_byline_document_load_annotation (r->doc, g_object_ref (a), &local_error))
        {
          reader_error (r, error, local_error->code, b->lineno, "%s: %s", b->id, local_error->message);
          return FALSE;
        }
    }

  rel_ids = hash_keys (r->rels);
  g_ptr_array_sort (rel_ids, compare_id_ptrs);
  for (guint i = 0; i < rel_ids->len; i++)
    {
      const char *id = rel_ids->pdata[i];
      BylineRelation *rel = g_hash_table_lookup (r->rels, id);
      g_autoptr(JsonObject) extra = wrap_extra (r, id);

      if (extra != NULL)
        byline_relation_set_extra (rel, extra);
      g_object_ref (rel);
      _byline_document_load_relation (r->doc, rel, problems, id);
    }
  g_assert (byline_problems_get_n (problems) == 0);

  doc_extra = json_object_new ();
  if (r->has_bom)
    json_object_set_boolean_member (doc_extra, "bom", TRUE);
  if (r->shift > 0)
    json_object_set_boolean_member (doc_extra, "bom_counted", TRUE);
  if (json_array_get_length (r->kept) > 0)
    json_object_set_array_member (doc_extra, "lines", json_array_ref (r->kept));
  if (json_object_get_size (doc_extra) > 0)
    {
      g_autoptr(JsonObject) wrapped = json_object_new ();

      json_object_set_object_member (wrapped, BRAT_KEY, doc_extra);
      _byline_document_set_extra (r->doc, wrapped);
    }
  else
    json_object_unref (doc_extra);
  return TRUE;
}

/* ---- Reading: files and directories ------------------------------------ */

static void
reader_clear (Reader *r)
{
  g_clear_object (&r->doc);
  g_clear_pointer (&r->ann_name, g_free);
  g_clear_pointer (&r->lines, g_ptr_array_unref);
  g_clear_pointer (&r->by_id, g_hash_table_unref);
  g_clear_pointer (&r->warned, g_hash_table_unref);
  g_clear_pointer (&r->anns, g_hash_table_unref);
  g_clear_pointer (&r->rels, g_hash_table_unref);
  g_clear_pointer (&r->extras, g_hash_table_unref);
  g_clear_pointer (&r->kept, json_array_unref);
}

static gboolean
read_file (const char  *path,
           char       **contents,
           gsize       *len,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_get_contents (path, contents, len, &local_error))
    {
      g_autofree char *why = byline_describe_io_error (local_error);

      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO, "%s: %s", path, why);
      return FALSE;
    }
  return TRUE;
}

/* One document: @txt_path and, when it exists, @ann_path. */
static gboolean
read_document (const BylineFormatOptions *options,
               const char                *txt_path,
               const char                *ann_path,
               const char                *id,
               BylineProblems            *warnings,
               BylineDocumentFunc         func,
               gpointer                   user_data,
               GError                   **error)
{
  Reader r = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *ann = NULL;
  gsize text_len = 0;
  gsize ann_len = 0;
  gsize bom;
  gboolean ok = FALSE;

  if (!read_file (txt_path, &text, &text_len, error))
    return FALSE;
  if (g_file_test (ann_path, G_FILE_TEST_EXISTS) && !read_file (ann_path, &ann, &ann_len, error))
    return FALSE;
  bom = byline_import_skip_bom (text, text_len);
  if (!byline_import_check_utf8 (text + bom, text_len - bom, txt_path, error))
    return FALSE;

  r.ann_path = ann_path;
  r.ann_name = g_path_get_basename (ann_path);
  r.options = options;
  r.warnings = warnings;
  r.has_bom = bom > 0;
  r.doc = byline_document_new ();
  r.lines = g_ptr_array_new_with_free_func ((GDestroyNotify) brat_line_free);
  r.by_id = g_hash_table_new (g_str_hash, g_str_equal);
  r.warned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  r.anns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  r.rels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  r.extras = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_object_unref);
  r.kept = json_array_new ();

  if (!byline_document_set_text (r.doc, text + bom, (gssize) (text_len - bom), error))
    goto out;
  byline_document_set_id (r.doc, id);
  if (ann != NULL && !parse_ann (&r, ann, ann_len, error))
    goto out;
  if (!build_document (&r, error))
    goto out;
  byline_document_mark_loaded (r.doc);
  ok = func (r.doc, user_data, error);

out:
  reader_clear (&r);
  return ok;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
read_directory (const BylineFormatOptions *options,
                const char                *path,
                BylineProblems            *warnings,
                BylineDocumentFunc         func,
                gpointer                   user_data,
                GError                   **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) ids = NULL;
  GDir *dir = g_dir_open (path, 0, &local_error);
  const char *name;

  if (dir == NULL)
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO, "%s: %s", path, local_error->message);
      return FALSE;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      /* hidden files, and a writer's staging directory */
      if (name[0] == '.')
        continue;
      if (g_str_has_suffix (name, ".txt") || g_str_has_suffix (name, ".ann"))
        g_hash_table_add (seen, g_strndup (name, strlen (name) - 4));
    }
  g_dir_close (dir);

  ids = hash_keys (seen);
  g_ptr_array_sort (ids, compare_strings);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *base = g_build_filename (path, ids->pdata[i], NULL);
      g_autofree char *txt = g_strconcat (base, ".txt", NULL);
      g_autofree char *ann = g_strconcat (base, ".ann", NULL);

      if (!g_file_test (txt, G_FILE_TEST_EXISTS))
        {
          g_autofree char *ann_name = g_path_get_basename (ann);

          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO,
                       _("%s: no such file: brat keeps the text of %s there"), txt, ann_name);
          return FALSE;
        }
      if (!read_document (options, txt, ann, ids->pdata[i], warnings, func, user_data, error))
        return FALSE;
    }
  return TRUE;
}

/* @path: a directory, ID.txt (ID.ann beside it is optional) or ID.ann
 * (ID.txt beside it is needed). */
static gboolean
read_brat (const BylineFormat        *format,
           const char                *path,
           const BylineFormatOptions *options,
           BylineProblems            *warnings,
           BylineDocumentFunc         func,
           gpointer                   user_data,
           GError                   **error)
{
  g_autofree char *base = NULL;
  g_autofree char *id = NULL;
  g_autofree char *txt = NULL;
  g_autofree char *ann = NULL;
  const char *slash;
  const char *dot;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return read_directory (options, path, warnings, func, user_data, error);

  slash = strrchr (path, G_DIR_SEPARATOR);
  dot = strrchr (slash != NULL ? slash + 1 : path, '.');
  base = dot != NULL && dot != (slash != NULL ? slash + 1 : path)
         ? g_strndup (path, (gsize) (dot - path)) : g_strdup (path);
  id = g_path_get_basename (base);
  txt = g_strconcat (base, ".txt", NULL);
  if (g_str_has_suffix (path, ".txt"))
    {
      ann = g_strconcat (base, ".ann", NULL);
      return read_document (options, path, ann, id, warnings, func, user_data, error);
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO, _("%s: no such file"), path);
      return FALSE;
    }
  if (!g_file_test (txt, G_FILE_TEST_EXISTS))
    {
      g_autofree char *ann_name = g_path_get_basename (path);

      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO,
                   _("%s: no such file: brat keeps the text of %s there"), txt, ann_name);
      return FALSE;
    }
  return read_document (options, txt, path, id, warnings, func, user_data, error);
}

/* ---- Writing: ids ------------------------------------------------------- */

/* The ids of one .ann file: taken ones, and the highest number of each
 * kind so that new ones come after. */
typedef struct
{
  GHashTable *used;
  guint64     max[6];
} Ids;

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

static gboolean
ids_claim (Ids        *ids,
           const char *id)
{
  int k;

  if (id == NULL || g_hash_table_contains (ids->used, id))
    return FALSE;
  g_hash_table_add (ids->used, g_strdup (id));
  k = prefix_index (id[0]);
  if (k >= 0)
    ids->max[k] = MAX (ids->max[k], id_number (id));
  return TRUE;
}

static char *
ids_new (Ids  *ids,
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

typedef struct
{
  char    section;   /* T R E A N # * */
  char   *id;        /* NULL: one is given when all stored ids are claimed */
  char   *body;      /* what follows "ID\t" ("*" lines: all of it) */
  guint   start;     /* T: sort keys */
  guint   end;
  guint   n;         /* *: the group */
} OutLine;

static void
out_line_free (OutLine *line)
{
  g_free (line->id);
  g_free (line->body);
  g_free (line);
}

typedef struct
{
  BylineWriter   *writer;
  BylineDocument *doc;
  Ids             ids;
  guint           shift;
  GHashTable     *out_ids;        /* annotation id → brat T or E id */
  GHashTable     *trigger_ids;    /* annotation id → folded trigger's T id */
  GHashTable     *event_ids;      /* Content annotation id → its attribution's E id */
  GHashTable     *rels_from;      /* annotation id → GPtrArray of relations, by id */
  GHashTable     *consumed;       /* relation id → TRUE: inside an E or * line */
  GHashTable     *rel_ids;        /* relation id → R id */
  GPtrArray      *lines;          /* OutLine */
} Out;

static JsonObject *
brat_of_annotation (BylineAnnotation *a)
{
  return object_member (byline_annotation_get_extra (a), BRAT_KEY);
}

static JsonObject *
brat_of_relation (BylineRelation *r)
{
  return object_member (byline_relation_get_extra (r), BRAT_KEY);
}

static gboolean
is_event (BylineAnnotation *a)
{
  return bool_member (brat_of_annotation (a), "event");
}

static void
lose (Out        *o,
      const char *what,
      const char *label)
{
  byline_writer_lose (o->writer, what, label, 1);
}

/* Where a name goes decides what it may hold. brat itself splits every
 * name at spaces; this reader reads spaces in T, R, N and # types and in
 * attribute names (other tools write them), but not in E types, roles or
 * equivalence types, which it splits as brat does. */
typedef enum
{
  NAME_SPACED,       /* R, N, # types, attribute names */
  NAME_T_TYPE,       /* spaces, but no ";" (it separates fragments) */
  NAME_WORD,         /* E types, roles, "*" types */
  NAME_WORD_NO_COLON /* the type of an E without trigger: "TYPE:ID" is a trigger */
} NameKind;

/* A type, role or attribute name for a brat line. Line breaks, TABs and
 * separators the line needs become "_", counted as lost; spaces kept
 * where this reader reads them are counted too, since brat cannot. */
static char *
brat_name (Out        *o,
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

      if (c < 0x20 || c == 0x7f || is_line_break (c) ||
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
    lose (o, N_("names with line breaks, TABs or separators (written with _)"), name);
  else if (spaces)
    lose (o, N_("names with spaces (brat cannot read them)"), name);
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

  if (!has_line_break (text))
    return g_strdup (text);
  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_line_break (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  lose (o, what, label);
  return g_string_free (out, FALSE);
}

static void
add_line (Out        *o,
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

  return is_line_break (g_utf8_get_char (text + byline_document_offset_to_byte (doc, offset)));
}

/* The offsets and the text field of @a's fragments as brat reads them.
 * brat cannot hold a line break in a span: fragments are split there, as
 * brat's own editor does, and a reader joins them again (see the top of
 * the file). Returns the first fragment's start for sorting. */
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
  JsonArray *order = array_member (brat_of_annotation (a), "order");
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
                lose (o, N_("fragments separated only by a line break (read back as one span)"), label);
            }
        }
      for (; off < f->end; off++, p = g_utf8_next_char (p))
        {
          if (is_line_break (g_utf8_get_char (p)))
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
        lose (o, N_("line breaks at the ends of spans (left out)"), label);
    }
  if (unreadable)
    lose (o, N_("spans of line breaks only (brat cannot read them)"), label);

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
              if (is_line_break (g_utf8_get_char (s)))
                *s = ' ';
            }
        }
      g_string_append (text, slice);
      *first_start = MIN (*first_start, f.start);
      *last_end = MAX (*last_end, f.end);
    }
}

/* The T line of @a (or of the trigger folded into it): @id, @type. */
static void
add_t_line (Out              *o,
            BylineAnnotation *a,
            const char       *id,
            const char       *type,
            gboolean          notext)
{
  g_autoptr(GString) offsets = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *name = brat_name (o, type, NAME_T_TYPE);
  OutLine *line;
  guint start, end;

  format_span (o, a, type, offsets, text, &start, &end);
  if (notext)
    add_line (o, 'T', id, g_strdup_printf ("%s %s", name, offsets->str));
  else
    add_line (o, 'T', id, g_strdup_printf ("%s %s\t%s", name, offsets->str, text->str));
  line = o->lines->pdata[o->lines->len - 1];
  line->start = start;
  line->end = end;
}

static const char *
out_id (Out        *o,
        const char *annotation_id)
{
  const char *id = g_hash_table_lookup (o->out_ids, annotation_id);

  g_assert (id != NULL);
  return id;
}

static void
add_attribute (Out        *o,
               const char *target,
               const char *name,
               JsonNode   *value,
               JsonObject *attr_ids)
{
  const char *stored = string_member (attr_ids, name);
  g_autofree char *brat = NULL;

  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_BOOLEAN)
    {
      if (!json_node_get_boolean (value))
        {
          lose (o, N_("attributes that are false (brat has present or absent)"), name);
          return;
        }
      brat = brat_name (o, name, NAME_SPACED);
      add_line (o, 'A', stored, g_strdup_printf ("%s %s", brat, target));
      return;
    }
  if (JSON_NODE_HOLDS_VALUE (value) && json_node_get_value_type (value) == G_TYPE_STRING)
    {
      const char *s = json_node_get_string (value);
      g_autofree char *flat = NULL;

      if (*s == '\0')
        {
          lose (o, N_("empty attribute values"), name);
          return;
        }
      flat = one_line (o, s, N_("line breaks in attribute values (replaced by spaces)"), name);
      brat = brat_name (o, name, NAME_SPACED);
      /* M lines are binary: a value needs an A line */
      add_line (o, 'A', stored != NULL && stored[0] == 'A' ? stored : NULL,
                g_strdup_printf ("%s %s %s", brat, target, flat));
      return;
    }
  lose (o, N_("attributes that are not text or true"), name);
}

static void
add_note (Out        *o,
          const char *target,
          const char *id,
          const char *type,
          const char *text)
{
  g_autofree char *name = brat_name (o, type != NULL ? type : "AnnotatorNotes", NAME_SPACED);
  g_autofree char *flat = one_line (o, text, N_("line breaks in notes (replaced by spaces)"), name);

  add_line (o, '#', id, g_strdup_printf ("%s %s\t%s", name, target, flat));
}

/* N lines, and # lines beyond the note, kept from brat. */
static void
add_kept_marks (Out        *o,
                const char *target,
                JsonObject *brat)
{
  JsonArray *norms = array_member (brat, "norms");
  JsonArray *notes = array_member (brat, "notes");

  for (guint i = 0; norms != NULL && i < json_array_get_length (norms); i++)
    {
      JsonObject *norm = json_array_get_object_element (norms, i);
      const char *type = string_member (norm, "type");
      const char *ref = string_member (norm, "ref");
      const char *text = string_member (norm, "text");
      g_autofree char *name = NULL;
      g_autofree char *flat = NULL;

      if (norm == NULL || type == NULL || ref == NULL)
        continue;
      name = brat_name (o, type, NAME_SPACED);
      if (text == NULL)
        {
          add_line (o, 'N', string_member (norm, "id"), g_strdup_printf ("%s %s %s", name, target, ref));
          continue;
        }
      flat = one_line (o, text, N_("line breaks in notes (replaced by spaces)"), name);
      add_line (o, 'N', string_member (norm, "id"),
                g_strdup_printf ("%s %s %s\t%s", name, target, ref, flat));
    }
  for (guint i = 0; notes != NULL && i < json_array_get_length (notes); i++)
    {
      JsonObject *note = json_array_get_object_element (notes, i);
      const char *text = string_member (note, "text");

      if (note == NULL || text == NULL)
        continue;
      add_note (o, target, string_member (note, "id"), string_member (note, "type"), text);
    }
}

static void
count_annotation_losses (Out              *o,
                         BylineAnnotation *a)
{
  const char *label = byline_annotation_get_label (a);
  JsonObject *extra = byline_annotation_get_extra (a);
  BylineStatus status = byline_annotation_get_status (a);

  if (status == BYLINE_STATUS_SUGGESTED || status == BYLINE_STATUS_REJECTED)
    lose (o, N_("statuses (suggested or rejected)"), label);
  if (byline_annotation_get_origin (a) != NULL)
    lose (o, N_("origins"), label);
  if (byline_annotation_get_confidence (a, NULL))
    lose (o, N_("confidences"), label);
  if (byline_annotation_get_created (a) != NULL || byline_annotation_get_modified (a) != NULL)
    lose (o, N_("timestamps"), label);
  if (extra != NULL)
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *value;

      json_object_iter_init (&iter, extra);
      while (json_object_iter_next (&iter, &key, &value))
        {
          if (strcmp (key, BRAT_KEY) != 0)
            lose (o, N_("keys Byline does not know"), key);
        }
    }
}

static void
count_relation_losses (Out            *o,
                       BylineRelation *r,
                       gboolean        consumed)
{
  const char *type = byline_relation_get_relation_type (r);
  JsonObject *extra = byline_relation_get_extra (r);
  BylineStatus status = byline_relation_get_status (r);
  JsonObject *attributes = byline_relation_get_attributes (r);

  if (status == BYLINE_STATUS_SUGGESTED || status == BYLINE_STATUS_REJECTED)
    lose (o, N_("statuses (suggested or rejected)"), type);
  if (byline_relation_get_origin (r) != NULL)
    lose (o, N_("origins"), type);
  if (extra != NULL)
    {
      JsonObjectIter iter;
      const char *key;
      JsonNode *value;

      json_object_iter_init (&iter, extra);
      while (json_object_iter_next (&iter, &key, &value))
        {
          if (strcmp (key, BRAT_KEY) != 0)
            lose (o, N_("keys Byline does not know"), key);
        }
    }
  if (consumed && attributes != NULL && json_object_get_size (attributes) > 0)
    lose (o, N_("attributes of event arguments"), type);
}

static int
compare_relations_by_id (gconstpointer a,
                         gconstpointer b)
{
  BylineRelation *ra = *(BylineRelation * const *) a;
  BylineRelation *rb = *(BylineRelation * const *) b;

  return compare_ids (byline_relation_get_id (ra), byline_relation_get_id (rb));
}

/* The relations from @a_id that a brat line of its own holds: an event's
 * arguments, in their order. */
static GPtrArray *
event_arguments (Out        *o,
                 const char *a_id)
{
  GPtrArray *from = g_hash_table_lookup (o->rels_from, a_id);
  GPtrArray *args = g_ptr_array_new ();

  for (guint i = 0; from != NULL && i < from->len; i++)
    {
      BylineRelation *r = from->pdata[i];

      if (int_member (brat_of_relation (r), "arg") > 0 &&
          !g_hash_table_contains (o->consumed, byline_relation_get_id (r)))
        g_ptr_array_add (args, r);
    }
  /* stable: by argument number, then id */
  for (guint i = 1; i < args->len; i++)
    {
      gpointer cur = args->pdata[i];
      gint64 k = int_member (brat_of_relation (cur), "arg");
      guint j = i;

      while (j > 0 && int_member (brat_of_relation (args->pdata[j - 1]), "arg") > k)
        {
          args->pdata[j] = args->pdata[j - 1];
          j--;
        }
      args->pdata[j] = cur;
    }
  return args;
}

/* A cue or said_by relation from an attribution's Content: the one the
 * event had, else any other. */
static BylineRelation *
attribution_relation (Out        *o,
                      const char *a_id,
                      const char *type)
{
  GPtrArray *from = g_hash_table_lookup (o->rels_from, a_id);
  BylineRelation *any = NULL;

  for (guint i = 0; from != NULL && i < from->len; i++)
    {
      BylineRelation *r = from->pdata[i];

      if (strcmp (byline_relation_get_relation_type (r), type) != 0 ||
          g_hash_table_contains (o->consumed, byline_relation_get_id (r)))
        continue;
      if (int_member (brat_of_relation (r), "arg") > 0)
        return r;
      if (any == NULL)
        any = r;
    }
  return any;
}

/* The T id of a trigger written from the event's own span, or NULL when
 * it is an annotation of its own (then out_ids has it). */
static const char *
folded_trigger (Out              *o,
                BylineAnnotation *a,
                JsonObject       *event)
{
  const char *trigger = string_member (event, "trigger");
  BylineAnnotation *other;

  if (trigger == NULL)
    return NULL;
  other = byline_document_lookup_annotation (o->doc, trigger);
  if (bool_member (event, "fold") || other == NULL || other == a)
    return trigger;
  return NULL;
}

static void
assign_ids (Out       *o,
            GPtrArray *sorted)
{
  /* brat ids as they were read */
  for (guint i = 0; i < sorted->len; i++)
    {
      BylineAnnotation *a = sorted->pdata[i];
      const char *id = byline_annotation_get_id (a);

      if (is_brat_id (id, is_event (a) ? 'E' : 'T') && ids_claim (&o->ids, id))
        g_hash_table_insert (o->out_ids, g_strdup (id), g_strdup (id));
    }
  for (guint i = 0; i < sorted->len; i++)
    {
      BylineAnnotation *a = sorted->pdata[i];
      JsonObject *brat = brat_of_annotation (a);
      JsonObject *attribution = is_event (a) ? NULL : object_member (brat, "attribution");
      JsonObject *event = is_event (a) ? brat : attribution;
      const char *trigger = event != NULL ? folded_trigger (o, a, event) : NULL;
      const char *event_id = string_member (attribution, "id");

      if (is_brat_id (trigger, 'T') && ids_claim (&o->ids, trigger))
        g_hash_table_insert (o->trigger_ids, g_strdup (byline_annotation_get_id (a)), g_strdup (trigger));
      if (is_brat_id (event_id, 'E') && ids_claim (&o->ids, event_id))
        g_hash_table_insert (o->event_ids, g_strdup (byline_annotation_get_id (a)), g_strdup (event_id));
    }
  /* Byline's own ids: a7 is T7 when that is free */
  for (guint i = 0; i < sorted->len; i++)
    {
      BylineAnnotation *a = sorted->pdata[i];
      const char *id = byline_annotation_get_id (a);
      g_autofree char *t = NULL;

      if (is_event (a) || g_hash_table_contains (o->out_ids, id) || !is_brat_id (id, 'a'))
        continue;
      t = g_strconcat ("T", id + 1, NULL);
      if (ids_claim (&o->ids, t))
        g_hash_table_insert (o->out_ids, g_strdup (id), g_steal_pointer (&t));
    }
  /* the rest: the next free numbers, in text order */
  for (guint i = 0; i < sorted->len; i++)
    {
      BylineAnnotation *a = sorted->pdata[i];
      const char *id = byline_annotation_get_id (a);
      JsonObject *brat = brat_of_annotation (a);
      JsonObject *attribution = is_event (a) ? NULL : object_member (brat, "attribution");
      JsonObject *event = is_event (a) ? brat : attribution;

      if (!g_hash_table_contains (o->out_ids, id))
        g_hash_table_insert (o->out_ids, g_strdup (id), ids_new (&o->ids, is_event (a) ? 'E' : 'T'));
      if (event != NULL && folded_trigger (o, a, event) != NULL &&
          !g_hash_table_contains (o->trigger_ids, id))
        g_hash_table_insert (o->trigger_ids, g_strdup (id), ids_new (&o->ids, 'T'));
      if (attribution != NULL && !g_hash_table_contains (o->event_ids, id))
        g_hash_table_insert (o->event_ids, g_strdup (id), ids_new (&o->ids, 'E'));
    }
}

static const char *
annotation_type (BylineAnnotation *a)
{
  JsonObject *brat = brat_of_annotation (a);
  const char *type = string_member (brat, "type");
  const char *as = string_member (brat, "as");
  const char *label = byline_annotation_get_label (a);

  if (type != NULL && as != NULL && strcmp (as, label) == 0)
    return type;
  return label;
}

/* What followed an E line's arguments when it was read (a TAB…). */
static void
append_tail (GString    *body,
             JsonObject *event)
{
  const char *tail = string_member (event, "tail");

  if (tail != NULL && tail[0] == '\t' && !has_line_break (tail))
    g_string_append (body, tail);
}

/* "TYPE[:TRIGGER]" then the arguments, for an event or an attribution */
static GString *
event_head (Out              *o,
            const char       *type,
            BylineAnnotation *a,
            JsonObject       *event)
{
  const char *folded = folded_trigger (o, a, event);
  const char *trigger = string_member (event, "trigger");
  g_autofree char *name = brat_name (o, type, folded != NULL || trigger != NULL ? NAME_WORD : NAME_WORD_NO_COLON);
  GString *body = g_string_new (name);

  if (folded != NULL)
    g_string_append_printf (body, ":%s",
                            (const char *) g_hash_table_lookup (o->trigger_ids, byline_annotation_get_id (a)));
  else if (trigger != NULL)
    g_string_append_printf (body, ":%s", out_id (o, trigger));
  return body;
}

static void
write_event (Out              *o,
             BylineAnnotation *a)
{
  JsonObject *brat = brat_of_annotation (a);
  const char *label = byline_annotation_get_label (a);
  const char *id = byline_annotation_get_id (a);
  g_autoptr(GPtrArray) args = event_arguments (o, id);
  GString *body;

  if (folded_trigger (o, a, brat) != NULL)
    {
      const char *trigger_type = string_member (brat, "trigger_type");

      add_t_line (o, a, g_hash_table_lookup (o->trigger_ids, id),
                  trigger_type != NULL ? trigger_type : label, bool_member (brat, "notext"));
    }
  body = event_head (o, label, a, brat);
  /* brat writes "TYPE:TRIGGER " and the arguments, even when none */
  g_string_append_c (body, ' ');
  for (guint i = 0; i < args->len; i++)
    {
      BylineRelation *r = args->pdata[i];
      g_autofree char *role = brat_name (o, byline_relation_get_relation_type (r), NAME_WORD);

      g_hash_table_add (o->consumed, g_strdup (byline_relation_get_id (r)));
      g_string_append_printf (body, "%s%s:%s", i > 0 ? " " : "", role, out_id (o, byline_relation_get_to (r)));
    }
  append_tail (body, brat);
  add_line (o, 'E', out_id (o, id), g_string_free (body, FALSE));
}

static void
write_attribution (Out              *o,
                   BylineAnnotation *a,
                   JsonObject       *attribution)
{
  const char *id = byline_annotation_get_id (a);
  const char *type = string_member (attribution, "type");
  JsonArray *roles = array_member (attribution, "roles");
  BylineRelation *found[N_ROLES] = { NULL, NULL, NULL };
  gboolean written[N_ROLES] = { FALSE, FALSE, FALSE };
  const char *event_id = g_hash_table_lookup (o->event_ids, id);
  GString *body;
  guint n = 0;

  if (type == NULL)
    type = "Attribution";
  for (int k = ROLE_SOURCE; k < N_ROLES; k++)
    {
      found[k] = attribution_relation (o, id, attribution_relations[k]);
      if (found[k] != NULL)
        g_hash_table_add (o->consumed, g_strdup (byline_relation_get_id (found[k])));
    }
  if (folded_trigger (o, a, attribution) != NULL)
    {
      const char *trigger_type = string_member (attribution, "trigger_type");
      BylineAnnotation *cue = found[ROLE_CUE] != NULL
        ? byline_document_lookup_annotation (o->doc, byline_relation_get_to (found[ROLE_CUE])) : a;

      add_t_line (o, cue, g_hash_table_lookup (o->trigger_ids, id),
                  trigger_type != NULL ? trigger_type : type, FALSE);
    }

  body = event_head (o, type, a, attribution);
  g_string_append_c (body, ' ');
  for (guint i = 0; roles != NULL && i < json_array_get_length (roles) + N_ROLES; i++)
    {
      const char *role;
      int k;
      const char *target;

      if (i < json_array_get_length (roles))
        {
          JsonNode *node = json_array_get_element (roles, i);

          role = json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : "";
          k = attribution_role (role);
        }
      else
        {
          /* roles the event did not have: relations added in Byline */
          static const char * const names[N_ROLES] = { "Content", "Source", "Cue" };

          k = (int) (i - json_array_get_length (roles));
          role = names[k];
        }
      if (k < 0 || written[k])
        continue;
      if (k == ROLE_CONTENT)
        target = out_id (o, id);
      else if (found[k] != NULL)
        target = out_id (o, byline_relation_get_to (found[k]));
      else
        continue;
      written[k] = TRUE;
      g_string_append_printf (body, "%s%s:%s", n++ > 0 ? " " : "", role, target);
    }
  append_tail (body, attribution);
  add_line (o, 'E', event_id, g_string_free (body, FALSE));

  /* what the event itself had */
  {
    JsonObject *attributes = object_member (attribution, "attributes");
    JsonObject *attr_ids = object_member (attribution, "attr_ids");
    JsonObjectIter iter;
    const char *key;
    JsonNode *value;

    if (attributes != NULL)
      {
        json_object_iter_init (&iter, attributes);
        while (json_object_iter_next (&iter, &key, &value))
          add_attribute (o, event_id, key, value, attr_ids);
      }
    add_kept_marks (o, event_id, attribution);
  }
}

/* Equivalence chains: the relations of one "*" line, members in order. */
static void
write_equivalences (Out       *o,
                    GPtrArray *relations)
{
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < relations->len; i++)
    {
      BylineRelation *r = relations->pdata[i];
      gint64 group = int_member (brat_of_relation (r), "equiv");
      const char *type = byline_relation_get_relation_type (r);
      g_autoptr(GPtrArray) members = NULL;
      g_autoptr(GString) body = NULL;
      g_autofree char *name = NULL;
      OutLine *line;

      if (group <= 0 || g_hash_table_contains (o->consumed, byline_relation_get_id (r)) ||
          g_hash_table_contains (done, byline_relation_get_id (r)))
        continue;
      members = g_ptr_array_new ();
      for (guint k = i; k < relations->len; k++)
        {
          BylineRelation *other = relations->pdata[k];
          const char *ends[2] = { byline_relation_get_from (other), byline_relation_get_to (other) };

          if (int_member (brat_of_relation (other), "equiv") != group ||
              strcmp (byline_relation_get_relation_type (other), type) != 0 ||
              g_hash_table_contains (o->consumed, byline_relation_get_id (other)))
            continue;
          g_hash_table_add (done, (gpointer) byline_relation_get_id (other));
          /* a chain A→B, B→C is "A B C" */
          if (members->len == 0 || strcmp (members->pdata[members->len - 1], ends[0]) != 0)
            g_ptr_array_add (members, (gpointer) ends[0]);
          g_ptr_array_add (members, (gpointer) ends[1]);
        }
      for (guint k = i; k < relations->len; k++)
        {
          BylineRelation *other = relations->pdata[k];

          if (g_hash_table_contains (done, byline_relation_get_id (other)))
            g_hash_table_add (o->consumed, g_strdup (byline_relation_get_id (other)));
        }
      name = brat_name (o, type, NAME_WORD);
      body = g_string_new (name);
      for (guint k = 0; k < members->len; k++)
        g_string_append_printf (body, " %s", out_id (o, members->pdata[k]));
      add_line (o, '*', NULL, g_strdup (body->str));
      line = o->lines->pdata[o->lines->len - 1];
      line->n = (guint) MIN (group, G_MAXUINT);
    }
}

static int
compare_out_lines (gconstpointer a,
                   gconstpointer b)
{
  static const char sections[] = "TREAN#*";
  const OutLine *la = *(const OutLine * const *) a;
  const OutLine *lb = *(const OutLine * const *) b;
  const char *sa = strchr (sections, la->section);
  const char *sb = strchr (sections, lb->section);

  if (sa != sb)
    return sa < sb ? -1 : 1;
  if (la->section == 'T')
    {
      if (la->start != lb->start)
        return la->start < lb->start ? -1 : 1;
      if (la->end != lb->end)
        return la->end < lb->end ? -1 : 1;
    }
  if (la->section == '*')
    {
      if (la->n != lb->n)
        return la->n < lb->n ? -1 : 1;
      return strcmp (la->body, lb->body);
    }
  return compare_ids (la->id, lb->id);
}

static void
count_document_losses (Out *o)
{
  BylineDocument *doc = o->doc;
  JsonObject *meta = byline_document_get_meta (doc);
  JsonObject *attributes = byline_document_get_attributes (doc);
  JsonObject *extra = byline_document_get_extra (doc);
  JsonObjectIter iter;
  const char *key;
  JsonNode *value;

  if (meta != NULL)
    {
      json_object_iter_init (&iter, meta);
      while (json_object_iter_next (&iter, &key, &value))
        lose (o, N_("document metadata"), key);
    }
  if (attributes != NULL)
    {
      json_object_iter_init (&iter, attributes);
      while (json_object_iter_next (&iter, &key, &value))
        lose (o, N_("document attributes"), key);
    }
  if (extra != NULL)
    {
      json_object_iter_init (&iter, extra);
      while (json_object_iter_next (&iter, &key, &value))
        {
          if (strcmp (key, BRAT_KEY) != 0)
            lose (o, N_("keys Byline does not know"), key);
        }
    }
}

/* The .ann text of @doc. */
static char *
format_ann (BylineWriter   *writer,
            BylineDocument *doc)
{
  Out o = { 0 };
  g_autoptr(GPtrArray) sorted = byline_document_get_sorted_annotations (doc);
  g_autoptr(GPtrArray) relations = g_ptr_array_new ();
  g_autoptr(GPtrArray) plain = g_ptr_array_new ();
  JsonObject *doc_brat = object_member (byline_document_get_extra (doc), BRAT_KEY);
  JsonArray *kept = array_member (doc_brat, "lines");
  GString *out = g_string_new (NULL);

  o.writer = writer;
  o.doc = doc;
  o.ids.used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  o.shift = bool_member (doc_brat, "bom") && bool_member (doc_brat, "bom_counted") ? 1 : 0;
  o.out_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  o.trigger_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  o.event_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  o.rels_from = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  o.consumed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  o.rel_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  o.lines = g_ptr_array_new_with_free_func ((GDestroyNotify) out_line_free);

  count_document_losses (&o);
  for (guint i = 0; i < byline_document_get_n_relations (doc); i++)
    g_ptr_array_add (relations, byline_document_get_relation (doc, i));
  g_ptr_array_sort (relations, compare_relations_by_id);
  for (guint i = 0; i < relations->len; i++)
    {
      BylineRelation *r = relations->pdata[i];
      GPtrArray *from = g_hash_table_lookup (o.rels_from, byline_relation_get_from (r));

      if (from == NULL)
        {
          from = g_ptr_array_new ();
          g_hash_table_insert (o.rels_from, (gpointer) byline_relation_get_from (r), from);
        }
      g_ptr_array_add (from, r);
    }

  assign_ids (&o, sorted);

  /* spans, events and attributions, and what they carry */
  for (guint i = 0; i < sorted->len; i++)
    {
      BylineAnnotation *a = sorted->pdata[i];
      JsonObject *brat = brat_of_annotation (a);
      const char *target = out_id (&o, byline_annotation_get_id (a));
      JsonObject *attr_ids = object_member (brat, "attr_ids");
      JsonObject *attribution = NULL;

      count_annotation_losses (&o, a);
      if (is_event (a))
        write_event (&o, a);
      else
        {
          add_t_line (&o, a, target, annotation_type (a), bool_member (brat, "notext"));
          attribution = object_member (brat, "attribution");
        }
      for (guint k = 0; k < byline_annotation_get_n_attributes (a); k++)
        {
          const char *name = byline_annotation_get_attribute_name (a, k);

          add_attribute (&o, target, name, byline_annotation_get_attribute (a, name), attr_ids);
        }
      if (byline_annotation_get_note (a) != NULL)
        add_note (&o, target, string_member (brat, "note_id"), string_member (brat, "note_type"),
                  byline_annotation_get_note (a));
      add_kept_marks (&o, target, brat);
      if (attribution != NULL)
        write_attribution (&o, a, attribution);
    }

  /* relations: equivalence chains, then R lines for the rest */
  write_equivalences (&o, relations);
  for (guint i = 0; i < relations->len; i++)
    {
      BylineRelation *r = relations->pdata[i];
      const char *id = byline_relation_get_id (r);

      count_relation_losses (&o, r, g_hash_table_contains (o.consumed, id));
      if (g_hash_table_contains (o.consumed, id))
        continue;
      g_ptr_array_add (plain, r);
      if (is_brat_id (id, 'R') && ids_claim (&o.ids, id))
        g_hash_table_insert (o.rel_ids, (gpointer) id, g_strdup (id));
    }
  for (guint i = 0; i < plain->len; i++)
    {
      const char *id = byline_relation_get_id (plain->pdata[i]);
      g_autofree char *r = NULL;

      if (g_hash_table_contains (o.rel_ids, id) || !is_brat_id (id, 'r'))
        continue;
      r = g_strconcat ("R", id + 1, NULL);
      if (ids_claim (&o.ids, r))
        g_hash_table_insert (o.rel_ids, (gpointer) id, g_steal_pointer (&r));
    }
  for (guint i = 0; i < plain->len; i++)
    {
      BylineRelation *r = plain->pdata[i];
      const char *id = byline_relation_get_id (r);
      JsonObject *brat = brat_of_relation (r);
      JsonArray *roles = array_member (brat, "roles");
      const char *tail = string_member (brat, "tail");
      JsonObject *attr_ids = object_member (brat, "attr_ids");
      JsonObject *attributes = byline_relation_get_attributes (r);
      g_autofree char *type = brat_name (&o, byline_relation_get_relation_type (r), NAME_SPACED);
      g_autofree char *role1 = NULL;
      g_autofree char *role2 = NULL;
      const char *rid;

      if (!g_hash_table_contains (o.rel_ids, id))
        g_hash_table_insert (o.rel_ids, (gpointer) id, ids_new (&o.ids, 'R'));
      rid = g_hash_table_lookup (o.rel_ids, id);
      if (roles != NULL && json_array_get_length (roles) == 2 &&
          json_node_get_value_type (json_array_get_element (roles, 0)) == G_TYPE_STRING &&
          json_node_get_value_type (json_array_get_element (roles, 1)) == G_TYPE_STRING)
        {
          role1 = brat_name (&o, json_array_get_string_element (roles, 0), NAME_WORD);
          role2 = brat_name (&o, json_array_get_string_element (roles, 1), NAME_WORD);
        }
      if (tail == NULL || has_line_break (tail))
        tail = "\t";
      add_line (&o, 'R', rid,
                g_strdup_printf ("%s %s:%s %s:%s%s", type, role1 != NULL ? role1 : "Arg1",
                                 out_id (&o, byline_relation_get_from (r)),
                                 role2 != NULL ? role2 : "Arg2",
                                 out_id (&o, byline_relation_get_to (r)), tail));
      if (attributes != NULL)
        {
          JsonObjectIter iter;
          const char *key;
          JsonNode *value;

          json_object_iter_init (&iter, attributes);
          while (json_object_iter_next (&iter, &key, &value))
            add_attribute (&o, rid, key, value, attr_ids);
        }
      add_kept_marks (&o, rid, brat);
    }

  /* A, N and # ids: the ones read from brat, then new ones */
  for (guint i = 0; i < o.lines->len; i++)
    {
      OutLine *line = o.lines->pdata[i];

      if (strchr ("AN#", line->section) != NULL && line->id != NULL && !ids_claim (&o.ids, line->id))
        g_clear_pointer (&line->id, g_free);
    }
  for (guint i = 0; i < o.lines->len; i++)
    {
      OutLine *line = o.lines->pdata[i];

      if (line->id == NULL && line->section != '*')
        line->id = ids_new (&o.ids, line->section);
    }

  g_ptr_array_sort (o.lines, compare_out_lines);
  for (guint i = 0; i < o.lines->len; i++)
    {
      OutLine *line = o.lines->pdata[i];

      if (line->section == '*')
        g_string_append_printf (out, "*\t%s\n", line->body);
      else
        g_string_append_printf (out, "%s\t%s\n", line->id, line->body);
    }
  for (guint i = 0; kept != NULL && i < json_array_get_length (kept); i++)
    {
      JsonNode *node = json_array_get_element (kept, i);

      if (json_node_get_value_type (node) != G_TYPE_STRING)
        continue;
      if (has_line_break (json_node_get_string (node)))
        {
          lose (&o, N_("lines of unknown types that brat cannot read"), "");
          continue;
        }
      g_string_append_printf (out, "%s\n", json_node_get_string (node));
    }

  g_hash_table_unref (o.ids.used);
  g_hash_table_unref (o.out_ids);
  g_hash_table_unref (o.trigger_ids);
  g_hash_table_unref (o.event_ids);
  g_hash_table_unref (o.rels_from);
  g_hash_table_unref (o.consumed);
  g_hash_table_unref (o.rel_ids);
  g_ptr_array_unref (o.lines);
  return g_string_free (out, FALSE);
}

/* ---- Writing: the directory --------------------------------------------- */

/* Files are written into a staging directory beside or inside the target
 * and moved into it when the writer finishes; a writer freed unfinished
 * removes the staging directory, leaving the target as it was. */
typedef struct
{
  char       *dir;
  char       *staging;
  gboolean    whole;      /* the staging directory becomes @dir */
  GPtrArray  *names;      /* files written into the staging directory */
  GHashTable *taken;      /* case-folded base names, for unique names */
} BratWriter;

static void
remove_staging (BratWriter *w)
{
  GDir *dir;
  const char *name;

  if (w->staging == NULL)
    return;
  dir = g_dir_open (w->staging, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (w->staging, name, NULL);

      g_unlink (path);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (w->staging);
  g_clear_pointer (&w->staging, g_free);
}

static void
brat_writer_destroy (gpointer data)
{
  BratWriter *w = data;

  remove_staging (w);
  g_free (w->dir);
  g_ptr_array_unref (w->names);
  g_hash_table_unref (w->taken);
  g_free (w);
}

/* A file name from a document id: no directory separators, no leading
 * dot, not too long, unique (also where case does not count). */
static char *
file_base_name (BratWriter *w,
                const char *id)
{
  GString *base = g_string_new (NULL);
  char *name = NULL;

  for (const char *p = id != NULL ? id : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (base->len > 200)
        break;
      if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f || is_line_break (c))
        g_string_append_c (base, '_');
      else
        g_string_append_unichar (base, c);
    }
  if (base->len == 0)
    g_string_append (base, "doc");
  if (base->str[0] == '.')
    base->str[0] = '_';
  for (guint n = 1; name == NULL; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup (base->str) : g_strdup_printf ("%s-%u", base->str, n);
      g_autofree char *folded = g_utf8_casefold (candidate, -1);

      if (g_hash_table_contains (w->taken, folded))
        continue;
      g_hash_table_add (w->taken, g_steal_pointer (&folded));
      name = g_steal_pointer (&candidate);
    }
  g_string_free (base, TRUE);
  return name;
}

static gboolean
write_staged (BratWriter  *w,
              const char  *name,
              const char  *data,
              gsize        len,
              GError     **error)
{
  g_autofree char *path = g_build_filename (w->staging, name, NULL);
  g_autoptr(GError) local_error = NULL;

  if (!g_file_set_contents_full (path, data, (gssize) len, G_FILE_SET_CONTENTS_CONSISTENT, 0666,
                                 &local_error))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO, "%s: %s", w->dir, local_error->message);
      return FALSE;
    }
  g_ptr_array_add (w->names, g_strdup (name));
  return TRUE;
}

static gboolean
brat_writer_write (BylineWriter    *writer,
                   BylineDocument  *doc,
                   GError         **error)
{
  BratWriter *w = byline_writer_get_data (writer);
  JsonObject *doc_brat = object_member (byline_document_get_extra (doc), BRAT_KEY);
  g_autofree char *base = file_base_name (w, byline_document_get_id (doc));
  g_autofree char *txt_name = g_strconcat (base, ".txt", NULL);
  g_autofree char *ann_name = g_strconcat (base, ".ann", NULL);
  g_autofree char *ann = format_ann (writer, doc);
  GString *txt = g_string_sized_new (byline_document_get_text_bytes (doc) + 3);
  gboolean ok;

  if (bool_member (doc_brat, "bom"))
    g_string_append (txt, "\xEF\xBB\xBF");
  g_string_append_len (txt, byline_document_get_text (doc), (gssize) byline_document_get_text_bytes (doc));
  ok = write_staged (w, txt_name, txt->str, txt->len, error) &&
       write_staged (w, ann_name, ann, strlen (ann), error);
  g_string_free (txt, TRUE);
  return ok;
}

static gboolean
brat_writer_finish (BylineWriter  *writer,
                    GError       **error)
{
  BratWriter *w = byline_writer_get_data (writer);

  if (w->staging == NULL)
    return TRUE;
  if (w->whole && !g_file_test (w->dir, G_FILE_TEST_EXISTS) && g_rename (w->staging, w->dir) == 0)
    {
      g_clear_pointer (&w->staging, g_free);
      return TRUE;
    }
  if (!g_file_test (w->dir, G_FILE_TEST_IS_DIR) && g_mkdir (w->dir, 0777) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO, "%s: %s", w->dir, g_strerror (saved_errno));
      return FALSE;
    }
  for (guint i = 0; i < w->names->len; i++)
    {
      g_autofree char *from = g_build_filename (w->staging, w->names->pdata[i], NULL);
      g_autofree char *to = g_build_filename (w->dir, w->names->pdata[i], NULL);

      if (g_rename (from, to) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO, "%s: %s", to, g_strerror (saved_errno));
          return FALSE;
        }
    }
  remove_staging (w);
  return TRUE;
}

static const BylineWriterClass brat_writer_class = {
  brat_writer_write, brat_writer_finish, brat_writer_destroy
};

static BylineWriter *
open_brat (const BylineFormat        *format,
           const char                *path,
           const BylineFormatOptions *options,
           GError                   **error)
{
  g_autofree char *dir = g_strdup (path);
  g_autofree char *staging = NULL;
  BratWriter *w;
  gsize len = strlen (dir);
  gboolean whole;

  while (len > 1 && G_IS_DIR_SEPARATOR (dir[len - 1]))
    dir[--len] = '\0';
  if (g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      staging = g_build_filename (dir, ".byline-XXXXXX", NULL);
      whole = FALSE;
    }
  else if (g_file_test (dir, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO,
                   _("%s: not a directory: brat is written as a directory of ID.txt and ID.ann files"),
                   dir);
      return NULL;
    }
  else
    {
      g_autofree char *parent = g_path_get_dirname (dir);
      g_autofree char *base = g_path_get_basename (dir);
      g_autofree char *hidden = g_strdup_printf (".%s.byline-XXXXXX", base);

      if (!g_file_test (parent, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO, _("%s: no such directory"), parent);
          return NULL;
        }
      staging = g_build_filename (parent, hidden, NULL);
      whole = TRUE;
    }
  if (g_mkdtemp_full (staging, 0777) == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, BYLINE_ERROR, BYLINE_ERROR_IO, "%s: %s", dir, g_strerror (saved_errno));
      return NULL;
    }
  w = g_new0 (BratWriter, 1);
  w->dir = g_steal_pointer (&dir);
  w->staging = g_steal_pointer (&staging);
  w->whole = whole;
  w->names = g_ptr_array_new_with_free_func (g_free);
  w->taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return byline_writer_new_custom (format, path, options, &brat_writer_class, w);
}

static const char * const brat_ext[] = { ".ann", NULL };

const BylineFormat byline_format_brat = {
  "brat", N_("brat standoff: ID.txt and ID.ann, or a directory of them"), brat_ext, TRUE, TRUE,
  read_brat, open_brat
};
