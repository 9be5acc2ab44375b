/* byline-json-scan.c: JSON tokens for the fast .byline.json reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The strict RFC 8259 scanner that byline-native-scan.c builds documents
 * with (see there for why and for what it refuses): strings with their
 * escapes and UTF-8 checked as they go, numbers as JSON-GLib types them,
 * any value as the JsonNode JsonParser would build; and the pre-check
 * of what the tree reader refuses before JSON-GLib reads a file.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "byline-json-scan.h"
#include "byline-native-scan.h"

/* ---- Tokens ------------------------------------------------------------- */

/* Bytes that stand for themselves inside a JSON string: printable ASCII but
 * '"' and '\\'. Bytes from 0x80 start UTF-8 sequences, checked apart. */
#define ROW_CTRL 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
#define ROW_TEXT 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1
static const guint8 plain[256] = {
  ROW_CTRL, ROW_CTRL,
  1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  /* 0x22 '"' */
  ROW_TEXT, ROW_TEXT,
  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,  /* 0x5c '\\' */
  ROW_TEXT, ROW_TEXT,
  ROW_CTRL, ROW_CTRL, ROW_CTRL, ROW_CTRL, ROW_CTRL, ROW_CTRL, ROW_CTRL, ROW_CTRL,
};
#undef ROW_CTRL
#undef ROW_TEXT

static inline gboolean
is_continuation (guchar c)
{
  return (c & 0xC0) == 0x80;
}

/**
 * _byline_native_scan_utf8_char:
 * @p: at least one byte
 * @avail: how many bytes there are from @p on
 *
 * The rules of RFC 3629 (no overlong forms, no surrogates, nothing past
 * U+10FFFF), which are g_utf8_validate()'s: the scanner checks the UTF-8
 * of every string as it goes instead of the whole file first.
 *
 * Returns: the length of the valid UTF-8 character at @p, or 0 (also for
 *   NUL, which g_utf8_validate_len() refuses too)
 */
gsize
_byline_native_scan_utf8_char (const guchar *p,
                               gsize         avail)
{
  guchar c = p[0];
  gboolean ok;

  if (c < 0x80)
    return c != 0 ? 1 : 0;
  if (c < 0xC2)
    return 0;
  if (c < 0xE0)
    return avail >= 2 && is_continuation (p[1]) ? 2 : 0;
  if (c < 0xF0)
    {
      if (avail < 3 || !is_continuation (p[2]))
        return 0;
      if (c == 0xE0)
        ok = p[1] >= 0xA0 && p[1] <= 0xBF;
      else if (c == 0xED)
        ok = p[1] >= 0x80 && p[1] <= 0x9F;
      else
        ok = is_continuation (p[1]);
      return ok ? 3 : 0;
    }
  if (c < 0xF5)
    {
      if (avail < 4 || !is_continuation (p[2]) || !is_continuation (p[3]))
        return 0;
      if (c == 0xF0)
        ok = p[1] >= 0x90 && p[1] <= 0xBF;
      else if (c == 0xF4)
        ok = p[1] >= 0x80 && p[1] <= 0x8F;
      else
        ok = is_continuation (p[1]);
      return ok ? 4 : 0;
    }
  return 0;
}

#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* Advances over the bytes of a string that need no decoding: printable
 * ASCII and whole valid UTF-8 characters. Stops at '"', '\\', a control
 * byte, bad UTF-8 or the end, where the caller looks. */
static inline void
skip_plain (Scan *s)
{
  const guchar *p = s->p;
  const guchar *end = s->end;

  for (;;)
    {
      gsize n;

      /* Eight bytes at a time while none of them needs a look: no byte
       * below 0x20 or from 0x80, no '"' and no '\\' (the usual "has a
       * zero byte" tricks; a false alarm only falls to the loop below). */
      while (end - p >= 8)
        {
          guint64 v, q, b;

          memcpy (&v, p, 8);
          q = v ^ ONES * '"';
          b = v ^ ONES * '\\';
          if (((v | ((v - ONES * 0x20) & ~v) | ((q - ONES) & ~q) | ((b - ONES) & ~b)) & HIGHS) != 0)
            break;
          p += 8;
        }
      while (p < end && plain[*p])
        p++;
      if (p == end || *p < 0x80)
        break;
      n = _byline_native_scan_utf8_char (p, (gsize) (end - p));
      if (n == 0)
        break;
      p += n;
    }
  s->p = p;
}

static inline int
hex_value (guchar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* Four hex digits after "\u" at @p. */
static gboolean
read_hex4 (const guchar *p,
           const guchar *end,
           gunichar     *out)
{
  gunichar v = 0;

  if (end - p < 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      int h = hex_value (p[i]);

      if (h < 0)
        return FALSE;
      v = (v << 4) | (gunichar) h;
    }
  *out = v;
  return TRUE;
}

/* Decodes the escape at s->p (a backslash) into @out. Refuses what RFC
 * 8259 does not allow, and also "\u0000", which JSON-GLib keeps in a
 * string that C then cuts short, and any lone surrogate. */
static gboolean
read_escape (Scan    *s,
             GString *out)
{
  const guchar *p = s->p + 1;
  gunichar u, low;

  if (p >= s->end)
    return FALSE;
  switch (*p)
    {
    case '"':
    case '\\':
    case '/':
      g_string_append_c (out, (char) *p);
      break;
    case 'b':
      g_string_append_c (out, '\b');
      break;
    case 'f':
      g_string_append_c (out, '\f');
      break;
    case 'n':
      g_string_append_c (out, '\n');
      break;
    case 'r':
      g_string_append_c (out, '\r');
      break;
    case 't':
      g_string_append_c (out, '\t');
      break;
    case 'u':
      if (!read_hex4 (p + 1, s->end, &u) || u == 0 || (u >= 0xDC00 && u <= 0xDFFF))
        return FALSE;
      p += 4;
      if (u >= 0xD800 && u <= 0xDBFF)
        {
          if (s->end - p < 3 || p[1] != '\\' || p[2] != 'u' ||
              !read_hex4 (p + 3, s->end, &low) || low < 0xDC00 || low > 0xDFFF)
            return FALSE;
          u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
          p += 6;
        }
      g_string_append_unichar (out, u);
      break;
    default:
      return FALSE;
    }
  s->p = p + 1;
  return TRUE;
}

/* Reads the string at s->p. Without escapes *str points into the input
 * (not NUL-terminated); with them, into s->buf, which the next string
 * overwrites. */
gboolean
_byline_json_read_string_span (Scan        *s,
                               const char **str,
                               gsize       *len)
{
  const guchar *first;

  if (!_byline_json_take (s, '"'))
    return FALSE;
  first = s->p;
  skip_plain (s);
  if (s->p < s->end && *s->p == '"')
    {
      *str = (const char *) first;
      *len = (gsize) (s->p - first);
      s->p++;
      return TRUE;
    }

  g_string_truncate (s->buf, 0);
  g_string_append_len (s->buf, (const char *) first, s->p - first);
  for (;;)
    {
      const guchar *run;

      if (s->p >= s->end)
        return FALSE;
      if (*s->p == '"')
        break;
      if (*s->p != '\\' || !read_escape (s, s->buf))
        return FALSE;
      run = s->p;
      skip_plain (s);
      g_string_append_len (s->buf, (const char *) run, s->p - run);
    }
  s->p++;
  *str = s->buf->str;
  *len = s->buf->len;
  return TRUE;
}

/* A number as JSON-GLib reads it: without fraction or exponent an int64,
 * else the double g_strtod() gives for the same digits. Declines integers
 * past 18 digits (JSON-GLib wraps them around) and doubles that overflow. */
gboolean
_byline_json_read_number (Scan   *s,
                          Number *n)
{
  const guchar *p = s->p;
  const guchar *end = s->end;
  const guchar *digits;
  gboolean negative = FALSE;
  gboolean is_int = TRUE;

  if (p < end && *p == '-')
    {
      negative = TRUE;
      p++;
    }
  digits = p;
  if (p < end && *p == '0')
    p++;
  else if (p < end && *p >= '1' && *p <= '9')
    while (p < end && *p >= '0' && *p <= '9')
      p++;
  else
    return FALSE;
  if (p < end && *p == '.')
    {
      is_int = FALSE;
      p++;
      if (p == end || *p < '0' || *p > '9')
        return FALSE;
      while (p < end && *p >= '0' && *p <= '9')
        p++;
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      is_int = FALSE;
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p == end || *p < '0' || *p > '9')
        return FALSE;
      while (p < end && *p >= '0' && *p <= '9')
        p++;
    }

  n->is_int = is_int;
  if (is_int)
    {
      gint64 v = 0;

      if (p - digits > 18)
        return FALSE;
      for (const guchar *q = digits; q < p; q++)
        v = v * 10 + (*q - '0');
      n->i = negative ? -v : v;
      n->d = (double) n->i;
    }
  else
    {
      char text[64];
      char *stop = NULL;
      gsize len = (gsize) (p - digits);

      if (len >= sizeof text)
        return FALSE;
      memcpy (text, digits, len);
      text[len] = '\0';
      n->d = g_ascii_strtod (text, &stop);
      if (stop != text + len || !isfinite (n->d))
        return FALSE;
      if (negative)
        n->d = -n->d;
    }
  s->p = p;
  return TRUE;
}

static gboolean
read_literal (Scan       *s,
              const char *word,
              gsize       len)
{
  if ((gsize) (s->end - s->p) < len || memcmp (s->p, word, len) != 0)
    return FALSE;
  s->p += len;
  return TRUE;
}

/* A member's key and its ':'. The key is as _byline_json_read_string_span() gives it. */
gboolean
_byline_json_read_key (Scan        *s,
                       const char **key,
                       gsize       *len)
{
  return _byline_json_read_string_span (s, key, len) && _byline_json_take (s, ':');
}

static gboolean
read_members (Scan       *s,
              JsonNode   *node,
              JsonObject *object)
{
  gboolean more = TRUE;

  more = !_byline_json_closes_at_once (s, '}');
  while (more)
    {
      g_autofree char *name = NULL;
      const char *key;
      gsize len;
      JsonNode *member;

      if (!_byline_json_read_key (s, &key, &len))
        return FALSE;
      name = g_strndup (key, len);
      member = _byline_json_read_node (s);
      if (member == NULL)
        return FALSE;
      json_node_set_parent (member, node);
      json_object_set_member (object, name, member);
      if (!_byline_json_next_item (s, '}', &more))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_elements (Scan      *s,
               JsonNode  *node,
               JsonArray *array)
{
  gboolean more = TRUE;

  more = !_byline_json_closes_at_once (s, ']');
  while (more)
    {
      JsonNode *element = _byline_json_read_node (s);

      if (element == NULL)
        return FALSE;
      json_node_set_parent (element, node);
      json_array_add_element (array, element);
      if (!_byline_json_next_item (s, ']', &more))
        return FALSE;
    }
  return TRUE;
}

/* Any value, built as JsonParser builds it: members set one by one in file
 * order (a repeated key keeps its first place and its last value), numbers
 * typed as JSON-GLib types them. NULL when the scanner declines. */
JsonNode *
_byline_json_read_node (Scan *s)
{
  g_autoptr(JsonNode) node = NULL;
  Number n;

  switch (_byline_json_peek (s))
    {
    case '{':
      {
        g_autoptr(JsonObject) object = json_object_new ();

        if (!_byline_json_enter (s, '{'))
          return NULL;
        node = json_node_init_object (json_node_alloc (), object);
        if (!read_members (s, node, object))
          return NULL;
      }
      break;
    case '[':
      {
        g_autoptr(JsonArray) array = json_array_new ();

        if (!_byline_json_enter (s, '['))
          return NULL;
        node = json_node_init_array (json_node_alloc (), array);
        if (!read_elements (s, node, array))
          return NULL;
      }
      break;
    case '"':
      {
        const char *str;
        gsize len;

        if (!_byline_json_read_string_span (s, &str, &len))
          return NULL;
        if (str != s->buf->str)
          {
            g_string_truncate (s->buf, 0);
            g_string_append_len (s->buf, str, len);
          }
        node = json_node_init_string (json_node_alloc (), s->buf->str);
      }
      break;
    case 't':
      if (!read_literal (s, "true", 4))
        return NULL;
      node = json_node_init_boolean (json_node_alloc (), TRUE);
      break;
    case 'f':
      if (!read_literal (s, "false", 5))
        return NULL;
      node = json_node_init_boolean (json_node_alloc (), FALSE);
      break;
    case 'n':
      if (!read_literal (s, "null", 4))
        return NULL;
      node = json_node_init_null (json_node_alloc ());
      break;
    default:
      if (!_byline_json_read_number (s, &n))
        return NULL;
      node = n.is_int ? json_node_init_int (json_node_alloc (), n.i)
                      : json_node_init_double (json_node_alloc (), n.d);
      break;
    }
  return g_steal_pointer (&node);
}

/* Checks the value at s->p without keeping it. */
gboolean
_byline_json_skip_value (Scan *s)
{
  gboolean more;
  const char *str;
  gsize len;
  Number n;

  switch (_byline_json_peek (s))
    {
    case '{':
      if (!_byline_json_enter (s, '{'))
        return FALSE;
      more = !_byline_json_closes_at_once (s, '}');
      while (more)
        {
          if (!_byline_json_read_key (s, &str, &len) || !_byline_json_skip_value (s) || !_byline_json_next_item (s, '}', &more))
            return FALSE;
        }
      return TRUE;
    case '[':
      if (!_byline_json_enter (s, '['))
        return FALSE;
      more = !_byline_json_closes_at_once (s, ']');
      while (more)
        {
          if (!_byline_json_skip_value (s) || !_byline_json_next_item (s, ']', &more))
            return FALSE;
        }
      return TRUE;
    case '"':
      return _byline_json_read_string_span (s, &str, &len);
    case 't':
      return read_literal (s, "true", 4);
    case 'f':
      return read_literal (s, "false", 5);
    case 'n':
      return read_literal (s, "null", 4);
    default:
      return _byline_json_read_number (s, &n);
    }
}

/* ---- The pre-check ------------------------------------------------------ */

/* Where the pre-check found a problem: line and column (in characters)
 * from 1. */
static void
locate (const guchar *line_start,
        guint         line,
        const guchar *p,
        guint        *line_out,
        guint        *column_out)
{
  *line_out = line;
  *column_out = (guint) g_utf8_strlen ((const char *) line_start, p - line_start) + 1;
}

/* Checks the escape at @p (a backslash in a string): a "\u" escape must
 * not be NUL or half a surrogate pair. Returns where the escape ends, or
 * NULL with *kind and *unit set. */
static const guchar *
precheck_escape (const guchar        *p,
                 const guchar        *end,
                 BylineNativePrecheck *kind,
                 gunichar             *unit)
{
  gunichar u, low;

  if (end - p < 2 || p[1] != 'u' || !read_hex4 (p + 2, end, &u))
    return MIN (p + 2, end);  /* JSON-GLib judges the others */
  if (u >= 0xD800 && u <= 0xDBFF && end - p >= 12 && p[6] == '\\' && p[7] == 'u' &&
      read_hex4 (p + 8, end, &low) && low >= 0xDC00 && low <= 0xDFFF)
    return p + 12;
  if (u == 0 || (u >= 0xD800 && u <= 0xDFFF))
    {
      *kind = u == 0 ? BYLINE_NATIVE_PRECHECK_NUL : BYLINE_NATIVE_PRECHECK_LONE_SURROGATE;
      *unit = u;
      return NULL;
    }
  return p + 6;
}

/**
 * _byline_native_scan_precheck:
 * @line: (out): where the problem is, from 1
 * @column: (out): in characters, from 1
 * @unit: (out): the escaped value, for a lone surrogate
 *
 * What the tree reader checks before JSON-GLib 1.6 reads @data, in one
 * pass: nesting deeper than %BYLINE_NATIVE_SCAN_MAX_DEPTH (JSON-GLib
 * recurses once per level without a limit and overflows the stack some
 * 60,000 levels down), a
 * lone surrogate (JSON-GLib turns it into invalid UTF-8 or swallows the
 * character after it) and "\u0000" (JSON-GLib keeps a string that C then
 * cuts short). Comments and single-quoted strings are skipped as
 * JSON-GLib's own scanner skips them. @data must be valid UTF-8.
 *
 * Returns: the first problem, in file order
 */
BylineNativePrecheck
_byline_native_scan_precheck (const char *data,
                              gsize       len,
                              guint      *line,
                              guint      *column,
                              gunichar   *unit)
{
  const guchar *p = (const guchar *) data;
  const guchar *end = p + len;
  const guchar *line_start = p;
  guint lines = 1;
  guint depth = 0;
  BylineNativePrecheck kind = BYLINE_NATIVE_PRECHECK_OK;

  *unit = 0;
  while (p < end)
    {
      const guchar *at = p;

      switch (*p)
        {
        case '"':
          for (p++; p < end && *p != '"';)
            {
              if (*p == '\\')
                {
                  at = p;
                  if ((p = precheck_escape (p, end, &kind, unit)) == NULL)
                    {
                      locate (line_start, lines, at, line, column);
                      return kind;
                    }
                  continue;
                }
              if (*p == '\n')
                {
                  lines++;
                  line_start = p + 1;
                }
              p++;
            }
          p++;
          break;
        case '\'':
          /* JSON-GLib's single-quoted strings have no escapes. */
          for (p++; p < end && *p != '\''; p++)
            {
              if (*p == '\n')
                {
                  lines++;
                  line_start = p + 1;
                }
            }
          p++;
          break;
        case '/':
          if (end - p >= 2 && p[1] == '/')
            {
              while (p < end && *p != '\n')
                p++;
            }
          else if (end - p >= 2 && p[1] == '*')
            {
              for (p += 2; p < end && !(*p == '*' && end - p >= 2 && p[1] == '/'); p++)
                {
                  if (*p == '\n')
                    {
                      lines++;
                      line_start = p + 1;
                    }
                }
              p += 2;
            }
          else
            p++;
          break;
        case '\n':
          lines++;
          line_start = ++p;
          break;
        case '[':
        case '{':
          if (++depth > BYLINE_NATIVE_SCAN_MAX_DEPTH)
            {
              locate (line_start, lines, at, line, column);
              return BYLINE_NATIVE_PRECHECK_TOO_DEEP;
            }
          p++;
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          p++;
          break;
        default:
          p++;
          break;
        }
    }
  return BYLINE_NATIVE_PRECHECK_OK;
}
