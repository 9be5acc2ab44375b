/* byline-tokenizer-sentences.c: sentences, and snapping spans to words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sentences from the tokens byline-tokenizer.c finds: at terminal
 * punctuation unless an abbreviation or an initial says otherwise, and
 * at blank lines and bullets; finding tokens by offset and snapping a
 * selection to whole words.
 */
#include "config.h"

#include <string.h>

#include "byline-tokenizer-private.h"

/* {{{ Sentences */

static gboolean
is_terminal (const Text        *t,
             const BylineToken *token)
{
  gunichar ch = t->chars[token->start];

  if (token->kind != BYLINE_TOKEN_PUNCT)
    return FALSE;
  return ch == '.' || ch == '!' || ch == '?' || ch == 0x2026 || ch == 0x203C ||
         ch == 0x2047 || ch == 0x2048 || ch == 0x2049 || ch == 0x3002 ||
         ch == 0xFF01 || ch == 0xFF1F;
}

static gboolean
is_wide_terminal (gunichar ch)
{
  return ch == 0x3002 || ch == 0xFF01 || ch == 0xFF1F;
}

static gboolean
is_closing (const Text        *t,
            const BylineToken *token)
{
  gunichar ch = t->chars[token->start];
  GUnicodeType type;

  if (token->kind != BYLINE_TOKEN_PUNCT)
    return FALSE;
  if (ch == '"' || ch == '\'' || ch == 0x2019)
    return TRUE;
  type = g_unichar_type (ch);
  return type == G_UNICODE_CLOSE_PUNCTUATION || type == G_UNICODE_FINAL_PUNCTUATION;
}

static gboolean
is_opening (gunichar ch)
{
  GUnicodeType type;

  if (ch == '"' || ch == '\'' || ch == 0x201E || ch == 0x201A)
    return TRUE;
  type = g_unichar_type (ch);
  return type == G_UNICODE_OPEN_PUNCTUATION || type == G_UNICODE_INITIAL_PUNCTUATION;
}

/* Whether a sentence ends after tokens[last], where tokens[first] is a
 * terminal punctuation or an abbreviation and the tokens up to last are
 * glued to it (more terminals, closing quotes and brackets). */
static gboolean
ends_sentence (const Text        *t,
               const BylineToken *tokens,
               guint              first,
               guint              last)
{
  const BylineToken *next = &tokens[last + 1];
  gunichar ch;

  if (is_wide_terminal (t->chars[tokens[first].start]))
    return TRUE;
  if (next->start == tokens[last].end)
    return FALSE;

  if (tokens[first].kind == BYLINE_TOKEN_ABBREVIATION && first == last)
    {
      if (_byline_tokenizer_abbreviation_never_ends (t, &tokens[first]))
        return FALSE;
      return _byline_tokenizer_is_sentence_starter (t, next);
    }

  ch = t->chars[next->start];
  return (g_unichar_isalpha (ch) && !g_unichar_islower (ch)) ||
         t->classes[next->start] == C_DIGIT ||
         is_opening (ch);
}

/* Line breaks in [start, end), CRLF counting as one and a paragraph
 * separator or a form feed as two (a blank line). */
static guint
count_line_breaks (const Text *t,
                   guint       start,
                   guint       end)
{
  guint n_breaks = 0;

  for (guint i = start; i < end; i++)
    {
      switch (t->chars[i])
        {
        case '\r':
          if (i + 1 < end && t->chars[i + 1] == '\n')
            i++;
          n_breaks++;
          break;
        case '\n':
        case 0x85:
        case 0x2028:
          n_breaks++;
          break;
        case '\f':
        case '\v':
        case 0x2029:
          n_breaks += 2;
          break;
        default:
          break;
        }
    }
  return n_breaks;
}

/* A list bullet: at the start of a line it starts a sentence. */
static gboolean
is_bullet (const Text        *t,
           const BylineToken *token)
{
  gunichar ch = t->chars[token->start];

  if (token->end != token->start + 1)
    return FALSE;
  return ch == 0x2022 || ch == 0x2023 || ch == 0x2043 || ch == 0x2219 ||
         ch == 0x25AA || ch == 0x25CF || ch == 0x25E6 || ch == 0x25A0 ||
         ch == 0x25BA || ch == '*' || ch == '-' || ch == 0x2013 || ch == 0x2014;
}

/* A sentence ends between tokens[last] and tokens[last + 1] at a blank
 * line, or at a line break before a bullet. */
static gboolean
ends_paragraph (const Text        *t,
                const BylineToken *tokens,
                guint              last)
{
  guint n_breaks = count_line_breaks (t, tokens[last].end, tokens[last + 1].start);

  return n_breaks >= 2 || (n_breaks == 1 && is_bullet (t, &tokens[last + 1]));
}

static GArray *
split_text (const Text *t,
            GArray     *array)
{
  const BylineToken *tokens = (const BylineToken *) (gpointer) array->data;
  guint n_tokens = array->len;
  GArray *sentences = g_array_new (FALSE, FALSE, sizeof (BylineSentence));
  BylineSentence sentence;
  guint i = 0;

  if (n_tokens == 0)
    return sentences;

  sentence.start = tokens[0].start;
  while (i < n_tokens)
    {
      guint last = i;
      gboolean split = FALSE;

      if (is_terminal (t, &tokens[i]) || tokens[i].kind == BYLINE_TOKEN_ABBREVIATION)
        {
          while (last + 1 < n_tokens &&
                 tokens[last + 1].start == tokens[last].end &&
                 (is_terminal (t, &tokens[last + 1]) || is_closing (t, &tokens[last + 1])))
            last++;
          if (last + 1 < n_tokens)
            split = ends_sentence (t, tokens, i, last);
        }
      if (!split && last + 1 < n_tokens)
        split = ends_paragraph (t, tokens, last);

      if (split || last + 1 == n_tokens)
        {
          sentence.end = tokens[last].end;
          g_array_append_val (sentences, sentence);
          if (last + 1 < n_tokens)
            sentence.start = tokens[last + 1].start;
        }
      i = last + 1;
    }
  return sentences;
}

/* }}} */
/* {{{ Public API */

/**
 * byline_split_sentences:
 * @text: valid UTF-8
 * @len: length of @text in bytes, or -1 if it is nul-terminated
 * @tokens: (nullable) (element-type BylineToken): the tokens of @text from
 *   byline_tokenize(), or %NULL to tokenize here
 *
 * Splits @text into sentences: after . ! ? or … (with the closing quotes
 * and brackets glued to them) when whitespace and a capital, a digit or
 * an opening quote follow; not after titles such as "Mr." or initials,
 * nor after abbreviations such as "U.S." unless a word that usually
 * starts a sentence follows; and always at a blank line.
 *
 * Returns: (transfer full) (element-type BylineSentence): the sentences,
 *   each from the start of its first token to the end of its last
 */
GArray *
byline_split_sentences (const char *text,
                        gssize      len,
                        GArray     *tokens)
{
  Text t;
  GArray *own = NULL;
  GArray *sentences;

  g_return_val_if_fail (text != NULL || len == 0, NULL);
  g_return_val_if_fail (text == NULL || g_utf8_validate (text, len, NULL), NULL);

  if (text == NULL)
    return g_array_new (FALSE, FALSE, sizeof (BylineSentence));
  _byline_tokenizer_text_init (&t, text, len);
  if (tokens == NULL)
    tokens = own = _byline_tokenizer_tokenize_text (&t);
  else if (tokens->len > 0 &&
           g_array_index (tokens, BylineToken, tokens->len - 1).end > t.n)
    {
      g_critical ("%s: the tokens are not those of the text", G_STRFUNC);
      _byline_tokenizer_text_clear (&t);
      return g_array_new (FALSE, FALSE, sizeof (BylineSentence));
    }
  sentences = split_text (&t, tokens);
  g_clear_pointer (&own, g_array_unref);
  _byline_tokenizer_text_clear (&t);
  return sentences;
}

/**
 * byline_tokens_find:
 * @tokens: (element-type BylineToken): tokens from byline_tokenize()
 * @offset: a code point offset
 *
 * Returns: the index of the token that contains @offset or, when
 *   @offset is in whitespace, of the token after it; @tokens->len when
 *   there is none
 */
guint
byline_tokens_find (GArray *tokens,
                    guint   offset)
{
  guint lo = 0;
  guint hi;

  g_return_val_if_fail (tokens != NULL, 0);

  hi = tokens->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (tokens, BylineToken, mid).end <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static gboolean
is_punctuation_kind (BylineTokenKind kind)
{
  return kind == BYLINE_TOKEN_PUNCT || kind == BYLINE_TOKEN_SYMBOL;
}

/**
 * byline_snap_to_words:
 * @text: valid UTF-8
 * @len: length of @text in bytes, or -1 if it is nul-terminated
 * @tokens: (nullable) (element-type BylineToken): the tokens of @text, or
 *   %NULL to tokenize here
 * @start: (inout): start of the range, in code points
 * @end: (inout): end of the range, in code points
 *
 * Grows the range [@start, @end) to whole tokens and trims the whitespace
 * around it. An empty range inside a token selects the token; one at the
 * boundary of two tokens selects the one before, unless that one is
 * punctuation and the one after is not. A range that holds no token
 * becomes empty, at @start.
 */
void
byline_snap_to_words (const char *text,
                      gssize      len,
                      GArray     *tokens,
                      guint      *start,
                      guint      *end)
{
  g_autoptr(GArray) own = NULL;
  const BylineToken *tok;
  guint s;
  guint e;
  guint first;
  guint last;

  g_return_if_fail (start != NULL && end != NULL);
  g_return_if_fail (tokens != NULL || text != NULL);

  if (tokens == NULL)
    tokens = own = byline_tokenize (text, len);
  tok = (const BylineToken *) (gpointer) tokens->data;
  s = MIN (*start, *end);
  e = MAX (*start, *end);
  first = byline_tokens_find (tokens, s);

  if (s == e)
    {
      gboolean inside = first < tokens->len && tok[first].start < s;
      gboolean at_start = first < tokens->len && tok[first].start == s;
      gboolean at_end = first > 0 && tok[first - 1].end == s;

      if (at_end && at_start &&
          is_punctuation_kind (tok[first - 1].kind) &&
          !is_punctuation_kind (tok[first].kind))
        at_end = FALSE;
      if (inside || (at_start && !at_end))
        {
          *start = tok[first].start;
          *end = tok[first].end;
        }
      else if (at_end)
        {
          *start = tok[first - 1].start;
          *end = tok[first - 1].end;
        }
      else
        *start = *end = s;
      return;
    }

  if (first == tokens->len || tok[first].start >= e)
    {
      *start = *end = s;
      return;
    }
  last = byline_tokens_find (tokens, e);
  if (last == tokens->len || tok[last].start >= e)
    last--;
  *start = tok[first].start;
  *end = tok[last].end;
}

/* }}} */
