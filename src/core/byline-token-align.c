/* byline-token-align.c: tokens that fit the spans a token format exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every step is linear in the text or n log n in the spans: this runs on
 * every document of a corpus export.
 *
 * 1. Each fragment of each annotation becomes a span. Its edges are moved
 *    off whitespace (code points that are in no token of the tokenizer);
 *    a span with nothing but whitespace is dropped.
 * 2. With BYLINE_ALIGN_NO_OVERLAPS, spans are taken longest first (then
 *    earliest, then in the order given) and a span that overlaps one
 *    already taken is dropped. Since every span taken before is at least
 *    as long, an overlap always covers the candidate's first or last code
 *    point, so two lookups in a per-code-point "taken" map decide it.
 * 3. The tokenizer's tokens are cut at every edge of the kept spans.
 * 4. Each kept span finds its first and last token by bisection.
 * 5. With BYLINE_ALIGN_SENTENCES, the tokenizer's sentences are mapped to
 *    the cut tokens, and the sentences a kept span crosses are merged.
 */
#include "config.h"

#include <string.h>

#include "byline-token-align.h"
#include "byline-tokenizer.h"

/* Moves the edges of [*start, *end) onto tokens. Returns FALSE when the
 * range holds no token at all. */
static gboolean
trim_to_tokens (GArray *tokens,
                guint  *start,
                guint  *end)
{
  const BylineToken *tok = (const BylineToken *) (gpointer) tokens->data;
  guint s = *start;
  guint e = *end;
  guint first;
  guint last;

  if (s >= e)
    return FALSE;
  first = byline_tokens_find (tokens, s);
  if (first == tokens->len || tok[first].start >= e)
    return FALSE;
  /* The tokens before @first end at or before s, so last >= first; and
   * when e - 1 is whitespace, the token found starts after it and the one
   * before it, at least @first, is the last. */
  last = byline_tokens_find (tokens, e - 1);
  if (last == tokens->len || tok[last].start > e - 1)
    last--;
  *start = MAX (s, tok[first].start);
  *end = MIN (e, tok[last].end);
  return TRUE;
}

typedef struct
{
  guint length;
  guint start;
  guint index;
} OverlapKey;

static int
compare_overlap_keys (gconstpointer a,
                      gconstpointer b)
{
  const OverlapKey *ka = a;
  const OverlapKey *kb = b;

  if (ka->length != kb->length)
    return ka->length > kb->length ? -1 : 1;
  if (ka->start != kb->start)
    return ka->start < kb->start ? -1 : 1;
  return ka->index < kb->index ? -1 : ka->index > kb->index;
}

static void
drop_overlaps (GArray *spans,
               guint   n_chars)
{
  g_autofree OverlapKey *keys = g_new (OverlapKey, spans->len + 1);
  g_autofree guint8 *taken = NULL;
  guint n = 0;

  for (guint i = 0; i < spans->len; i++)
    {
      const BylineAlignedSpan *span = &g_array_index (spans, BylineAlignedSpan, i);

      if (span->dropped != BYLINE_SPAN_KEPT)
        continue;
      keys[n].length = span->end - span->start;
      keys[n].start = span->start;
      keys[n].index = i;
      n++;
    }
  if (n < 2)
    return;
  qsort (keys, n, sizeof keys[0], compare_overlap_keys);
  taken = g_malloc0 (n_chars + 1);
  for (guint k = 0; k < n; k++)
    {
      BylineAlignedSpan *span = &g_array_index (spans, BylineAlignedSpan, keys[k].index);

      if (taken[span->start] || taken[span->end - 1])
        {
          span->dropped = BYLINE_SPAN_DROPPED_OVERLAP;
          continue;
        }
      memset (taken + span->start, 1, span->end - span->start);
    }
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint ua = *(const guint *) a;
  guint ub = *(const guint *) b;

  return ua < ub ? -1 : ua > ub;
}

/* Byte index of code point @offset, walking on from the last position
 * asked: the offsets asked only grow, so the whole walk is one pass. */
typedef struct
{
  const char *text;
  gboolean    ascii;
  guint       offset;
  gsize       byte;
} ByteCursor;

static inline gsize
cursor_seek (ByteCursor *c,
             guint       offset)
{
  if (c->ascii)
    return offset;
  g_assert (offset >= c->offset);
  while (c->offset < offset)
    {
      c->byte = g_utf8_next_char (c->text + c->byte) - c->text;
      c->offset++;
    }
  return c->byte;
}

static void
push_token (GArray     *out,
            ByteCursor *cursor,
            guint       start,
            guint       end)
{
  BylineAlignedToken t;

  t.start = start;
  t.end = end;
  t.start_byte = cursor_seek (cursor, start);
  t.end_byte = cursor_seek (cursor, end);
  g_array_append_val (out, t);
}

/* Cuts the tokenizer's tokens at the edges of the kept spans. */
static GArray *
cut_tokens (BylineDocument *document,
            GArray         *base,
            GArray         *spans)
{
  g_autoptr(GArray) edges = g_array_sized_new (FALSE, FALSE, sizeof (guint), spans->len * 2);
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (BylineAlignedToken), base->len + spans->len);
  ByteCursor cursor = { 0, };
  const guint *edge;
  guint n_edges;
  guint e = 0;

  cursor.text = byline_document_get_text (document);
  cursor.ascii = byline_document_get_text_bytes (document) == byline_document_get_n_chars (document);

  for (guint i = 0; i < spans->len; i++)
    {
      const BylineAlignedSpan *span = &g_array_index (spans, BylineAlignedSpan, i);

      if (span->dropped != BYLINE_SPAN_KEPT)
        continue;
      g_array_append_val (edges, span->start);
      g_array_append_val (edges, span->end);
    }
  g_array_sort (edges, compare_uint);
  edge = (const guint *) (gpointer) edges->data;
  n_edges = edges->len;

  for (guint i = 0; i < base->len; i++)
    {
      const BylineToken *tok = &g_array_index (base, BylineToken, i);
      guint piece = tok->start;

      while (e < n_edges && edge[e] <= tok->start)
        e++;
      for (; e < n_edges && edge[e] < tok->end; e++)
        {
          if (edge[e] > piece)
            {
              push_token (out, &cursor, piece, edge[e]);
              piece = edge[e];
            }
        }
      push_token (out, &cursor, piece, tok->end);
    }
  return out;
}

/**
 * byline_token_alignment_find_token:
 * @offset: a code point offset
 *
 * Returns: the index of the token that contains @offset or, when @offset
 *   is in whitespace, of the token after it; the number of tokens when
 *   there is none
 */
guint
byline_token_alignment_find_token (BylineTokenAlignment *self,
                                   guint                 offset)
{
  const BylineAlignedToken *tok;
  guint lo = 0;
  guint hi;

  g_return_val_if_fail (self != NULL, 0);

  tok = (const BylineAlignedToken *) (gpointer) self->tokens->data;
  hi = self->tokens->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (tok[mid].end <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Sentences of the tokenizer, as ranges of the cut tokens, merged where a
 * kept span crosses from one to the next. */
static GArray *
make_sentences (BylineTokenAlignment *self,
                BylineDocument       *document,
                GArray               *base)
{
  g_autoptr(GArray) found = byline_split_sentences (byline_document_get_text (document),
                                                    byline_document_get_text_bytes (document),
                                                    base);
  g_autoptr(GArray) first = g_array_sized_new (FALSE, FALSE, sizeof (guint), found->len + 1);
  g_autofree guint *reach = NULL;
  g_autofree guint *sentence_of = NULL;
  const BylineAlignedToken *tok = (const BylineAlignedToken *) (gpointer) self->tokens->data;
  guint n_tokens = self->tokens->len;
  GArray *out;
  guint n;
  guint t = 0;

  /* The first cut token of each sentence; every token belongs to the
   * sentence whose first token is the last one at or before it, so the
   * sentences cover all the tokens whatever the splitter did. */
  for (guint k = 0; k < found->len && t < n_tokens; k++)
    {
      guint start = g_array_index (found, BylineSentence, k).start;

      while (t < n_tokens && tok[t].end <= start)
        t++;
      if (t == n_tokens)
        break;
      if (first->len == 0 || g_array_index (first, guint, first->len - 1) < t)
        g_array_append_val (first, t);
    }
  if (n_tokens > 0 && (first->len == 0 || g_array_index (first, guint, 0) != 0))
    {
      guint zero = 0;

      g_array_prepend_val (first, zero);
    }
  n = first->len;

  out = g_array_sized_new (FALSE, FALSE, sizeof (BylineAlignedSentence), n);
  if (n == 0)
    return out;

  sentence_of = g_new (guint, n_tokens);
  for (guint k = 0; k < n; k++)
    {
      guint from = g_array_index (first, guint, k);
      guint to = k + 1 < n ? g_array_index (first, guint, k + 1) : n_tokens;

      for (guint i = from; i < to; i++)
        sentence_of[i] = k;
    }
  reach = g_new (guint, n);
  for (guint k = 0; k < n; k++)
    reach[k] = k;
  for (guint i = 0; i < self->spans->len; i++)
    {
      const BylineAlignedSpan *span = &g_array_index (self->spans, BylineAlignedSpan, i);
      guint a, b;

      if (span->dropped != BYLINE_SPAN_KEPT)
        continue;
      a = sentence_of[span->token_start];
      b = sentence_of[span->token_end];
      reach[a] = MAX (reach[a], b);
    }
  for (guint k = 0; k < n;)
    {
      BylineAlignedSentence s;
      guint r = reach[k];
      guint j = k;

      while (j < r)
        {
          j++;
          r = MAX (r, reach[j]);
        }
      s.token_start = g_array_index (first, guint, k);
      s.token_end = r + 1 < n ? g_array_index (first, guint, r + 1) : n_tokens;
      g_array_append_val (out, s);
      k = r + 1;
    }
  return out;
}

/**
 * byline_token_alignment_new:
 * @document: the document to export
 * @annotations: (element-type BylineAnnotation): the annotations it
 *   exports, in the order their spans should come
 * @flags: whether spans may overlap, whether to find sentences
 *
 * Tokens of @document that start and end with every span kept. Whatever
 * is moved or dropped is marked in the spans for the writer to count.
 *
 * Returns: (transfer full): the alignment
 */
BylineTokenAlignment *
byline_token_alignment_new (BylineDocument   *document,
                            GPtrArray        *annotations,
                            BylineAlignFlags  flags)
{
  BylineTokenAlignment *self;
  g_autoptr(GArray) base = NULL;
  guint n_chars;

  g_return_val_if_fail (BYLINE_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (annotations != NULL, NULL);

  n_chars = byline_document_get_n_chars (document);
  base = byline_tokenize (byline_document_get_text (document),
                          byline_document_get_text_bytes (document));

  self = g_new0 (BylineTokenAlignment, 1);
  self->spans = g_array_sized_new (FALSE, FALSE, sizeof (BylineAlignedSpan), annotations->len);
  for (guint i = 0; i < annotations->len; i++)
    {
      BylineAnnotation *a = annotations->pdata[i];
      guint n_fragments = byline_annotation_get_n_fragments (a);

      for (guint f = 0; f < n_fragments; f++)
        {
          const BylineFragment *frag = byline_annotation_get_fragment (a, f);
          BylineAlignedSpan span = { 0, };

          span.annotation = a;
          span.fragment = f;
          span.start = MIN (frag->start, n_chars);
          span.end = MIN (frag->end, n_chars);
          if (!trim_to_tokens (base, &span.start, &span.end))
            span.dropped = BYLINE_SPAN_DROPPED_WHITESPACE;
          else
            span.moved = span.start != frag->start || span.end != frag->end;
          g_array_append_val (self->spans, span);
        }
    }

  if (flags & BYLINE_ALIGN_NO_OVERLAPS)
    drop_overlaps (self->spans, n_chars);

  self->tokens = cut_tokens (document, base, self->spans);

  for (guint i = 0; i < self->spans->len; i++)
    {
      BylineAlignedSpan *span = &g_array_index (self->spans, BylineAlignedSpan, i);

      if (span->dropped != BYLINE_SPAN_KEPT)
        continue;
      span->token_start = byline_token_alignment_find_token (self, span->start);
      span->token_end = byline_token_alignment_find_token (self, span->end - 1);
      g_assert (span->token_end < self->tokens->len);
      g_assert (g_array_index (self->tokens, BylineAlignedToken, span->token_start).start == span->start);
      g_assert (g_array_index (self->tokens, BylineAlignedToken, span->token_end).end == span->end);
    }

  if (flags & BYLINE_ALIGN_SENTENCES)
    self->sentences = make_sentences (self, document, base);
  return self;
}

void
byline_token_alignment_free (BylineTokenAlignment *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->tokens, g_array_unref);
  g_clear_pointer (&self->spans, g_array_unref);
  g_clear_pointer (&self->sentences, g_array_unref);
  g_free (self);
}
