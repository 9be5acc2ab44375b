/* byline-brat-parse.c: brat standoff: reading the lines of a .ann file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Splits a .ann file into BratLines and checks their ids, references
 * and spans against the text; byline-brat-read.c builds the document.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "byline-brat-private.h"
#include "byline-error.h"
#include "byline-import.h"

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

void
_byline_brat_line_free (BratLine *line)
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

void
_byline_brat_reader_error (Reader      *r,
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
      _byline_brat_reader_error (r, error, BYLINE_ERROR_PARSE, lineno,
                                 _("%s: expected a TAB after the id"), first);
      _byline_brat_line_free (b);
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

          _byline_brat_reader_error (r, error, BYLINE_ERROR_PARSE, lineno,
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
          _byline_brat_reader_error (r, error, BYLINE_ERROR_PARSE, lineno,
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

              _byline_brat_reader_error (r, error, BYLINE_ERROR_PARSE, lineno,
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
          _byline_brat_reader_error (r, error, BYLINE_ERROR_PARSE, lineno,
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
                _byline_brat_reader_error (r, error, BYLINE_ERROR_PARSE, lineno,
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

              _byline_brat_reader_error (r, error, BYLINE_ERROR_PARSE, lineno,
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
          _byline_brat_reader_error (r, error, BYLINE_ERROR_PARSE, lineno,
                                     _("%s: expected NAME ID or NAME ID VALUE"), b->id);
          goto fail;
        }
      b->text = g_strndup (data, (gsize) (data_end - data));
      break;

    case KIND_N:
      if (tokens->len < 3)
        {
          _byline_brat_reader_error (r, error, BYLINE_ERROR_PARSE, lineno,
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
          _byline_brat_reader_error (r, error, BYLINE_ERROR_PARSE, lineno,
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
          _byline_brat_reader_error (r, error, BYLINE_ERROR_PARSE, lineno,
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
  _byline_brat_line_free (b);
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

    _byline_brat_reader_error (r, error, BYLINE_ERROR_UNKNOWN_ID, b->lineno,
                               _("%s: unknown id “%s”"), b->id, shown);
  }
  return FALSE;
}

BratLine *
_byline_brat_lookup_line (Reader     *r,
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

gboolean
_byline_brat_parse_ann (Reader      *r,
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
          BratLine *before = _byline_brat_lookup_line (r, b->id);

          if (before != NULL)
            {
              _byline_brat_reader_error (r, error, BYLINE_ERROR_DUPLICATE_ID, lineno,
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
  BratLine *t = _byline_brat_lookup_line (r, id);

  if (t == NULL)
    {
      _byline_brat_reader_error (r, error, BYLINE_ERROR_UNKNOWN_ID, b->lineno,
                                 _("%s: unknown id “%s”"), b->id != NULL ? b->id : "*", id);
      return NULL;
    }
  if (t->kind != KIND_T && (t->kind != KIND_E || !events_too))
    {
      _byline_brat_reader_error (r, error, BYLINE_ERROR_INVALID, b->lineno,
                                 events_too ? _("%s: “%s” is neither a text-bound (T) annotation nor an event (E)")
                                            : _("%s: “%s” is not a text-bound (T) annotation"),
                                 b->id != NULL ? b->id : "*", id);
      return NULL;
    }
  t->refs++;
  return t;
}

gboolean
_byline_brat_check_references (Reader  *r,
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
          ((BratLine *) _byline_brat_lookup_line (r, b->target))->marks++;
          break;

        case KIND_N:
        case KIND_NOTE:
          t = _byline_brat_lookup_line (r, b->target);
          if (t == NULL)
            {
              _byline_brat_reader_error (r, error, BYLINE_ERROR_UNKNOWN_ID, b->lineno,
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
          if (!_byline_brat_is_line_break (c) || *f != ' ')
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

gboolean
_byline_brat_check_spans (Reader  *r,
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
              _byline_brat_reader_error (r, error, BYLINE_ERROR_OUT_OF_RANGE, b->lineno,
                                         _("%s: start %u is after end %u"), b->id, f.start, f.end);
              return FALSE;
            }
          if (f.start == f.end)
            {
              _byline_brat_reader_error (r, error, BYLINE_ERROR_OUT_OF_RANGE, b->lineno,
                                         _("%s: the span %u %u is empty: Byline cannot hold an empty span"),
                                         b->id, f.start, f.end);
              return FALSE;
            }
          if (f.end > n_chars + shift)
            {
              _byline_brat_reader_error (r, error, BYLINE_ERROR_OUT_OF_RANGE, b->lineno,
                                         _("%s: end %u is past the end of the text (%u characters)"),
                                         b->id, f.end, n_chars + shift);
              return FALSE;
            }
          if (f.start < shift)
            {
              _byline_brat_reader_error (r, error, BYLINE_ERROR_OUT_OF_RANGE, b->lineno,
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
              _byline_brat_reader_error (r, error, BYLINE_ERROR_INVALID, b->lineno,
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
          _byline_brat_reader_error (r, error, BYLINE_ERROR_TEXT_MISMATCH, b->lineno,
                                     _("%s: the text “%s” does not match the text at %s, “%s”"),
                                     b->id, shown, where->str, shown_expected);
          return FALSE;
        }
    }
  return TRUE;
}
