/* byline-extract-claims.c: the claims extractor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Suggests CLAIM spans: sentences that assert something a fact-checker
 * could check. Each sentence is weighed by the signals in it: statistics
 * (3%, $1.5 billion, 12,400, doubled, rose by), superlatives and
 * comparisons (the most important, the greatest threat, more … than,
 * since the end of), causes (because, led to), evidence (data, an
 * analysis, found that), an attribution (said, according to), plain
 * assertions (is, has become), counts (two, second) and times (last year,
 * Wednesday). Opinions and feelings (I think, I love, proud), hedges
 * (may, unclear whether), conditions (if) and plans (will, is expected
 * to) weigh against. One checkable signal makes a claim; without one it
 * takes several weaker ones. Questions are never claims, nor sentences of
 * fewer than three words or more than 400 tokens; a line without a final
 * stop (a headline) only with a checkable signal.
 *
 * The span is the whole sentence as byline_split_sentences() gives it,
 * from its first character to its final stop and closing quotation
 * marks, as the gold set annotates claims; a list bullet before it and a
 * stray second stop (". .") are left out. A claim in a direct quote is
 * suggested like any other: the speaker asserts it.
 *
 * Attributed sentences ("…, the official said.", "He said that …",
 * "According to X, …") are weighed on what was said, not on the
 * attribution ("said last week" is no claim). The claimer is, in this
 * order: the SPEAKER that a QUOTE holding most of what was said is
 * said_by (the quotes extractor runs first), a SPEAKER in the
 * attribution, or an entity heading it (PERSON, ORG, GPE or NORP; in
 * "according to X" any such entity in X). When the checkable part is the
 * journalist's ("“…,” said Whitley, who has played 412 games"), or
 * nobody is named, there is no claimer.
 *
 * check_worthy is "yes" when a checkable signal is there and no opinion,
 * otherwise "unsure" (a judgement such as "the greatest threat" alone is
 * unsure). The confidence grows with the weight of the signals: from 0.6
 * to 0.95 for a check-worthy claim, from 0.3 to 0.55 for an unsure one.
 * A claim the document has, under any status and even with other
 * bounds, is not suggested again: a rejected claim stays rejected.
 *
 * This file holds the attributions, the weighing of a sentence's parts,
 * the claimer and the driver; the rules and the signals they find are in
 * byline-extract-claims-signals.c.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "byline-error.h"
#include "byline-extract-claims-private.h"
#include "byline-relation.h"

/* The signals that make a claim checkable. */
#define IS_CONTENT_SIGNAL(sig) ((sig) <= SIG_EVIDENCE)

#define WEIGHT_ATTRIBUTION 0.2
#define MIN_SCORE          0.35
#define MIN_CONTENT        0.25
#define MAX_SENTENCE_TOKENS 400
#define MIN_WORDS          3

/* Reporting verbs taken to begin a clause without "that" ("he said
 * prices rose"); not "claims": "Beijing claims almost the entire sea". */
static const char * const bare_clause_verbs[] = {
  "said", "says", NULL
};

/* Words that start a clause, not a speaker, after a comma: ", which it
 * said …". */
static const char * const not_speaker_start[] = {
  "which", "who", "whom", "that", "as", "and", "but", "or", "while", "when",
  "where", "after", "before", "although", "because", "if", "so", "since",
  "adding", "saying", NULL
};

/* What may follow an attribution at the end of a sentence: "…, he said
 * last week", "…, the official told reporters". */
static const char * const attribution_tail[] = {
  "last", "on", "in", "at", "during", "after", "before", "ahead", "this",
  "yesterday", "today", "earlier", "later", "recently", "previously", "when",
  "while", "as", "adding", "citing", "according", "reporters", "journalists",
  "via", "by", "from", "of", "to", "with", "monday", "tuesday", "wednesday",
  "thursday", "friday", "saturday", "sunday", "again", "too", "also", NULL
};

/* Before a reporting verb: not an attribution ("to say", "did not say"). */
static const char * const not_before_verb[] = {
  "to", "will", "would", "could", "may", "might", "not", "n't", "did", "does",
  "do", "should", "must", "can", NULL
};

/* After "said" with no "that": not yet the clause ("said in a statement"). */
static const char * const not_clause_start[] = {
  "in", "on", "at", "to", "during", "after", "before", "last", "this",
  "yesterday", "today", "earlier", "later", "recently", "previously", "of",
  "about", "so", "it", "he", "she", "they", "and", "but", "with", "for",
  "goodbye", "nothing", "yes", "no", "hello", "sorry", NULL
};

static const char * const claimer_labels[] = {
  "PERSON", "ORG", "GPE", "NORP", NULL
};

/* The attribution of a sentence, in words: what was said is
 * [content_start, content_end), who said it [speaker_start, speaker_end),
 * and the journalist's words after it start at rest_start. */
typedef enum
{
  FRAME_NONE,
  FRAME_ACCORDING_FIRST,   /* According to X, CLAIM */
  FRAME_ACCORDING_LAST,    /* CLAIM, according to X */
  FRAME_TRAILING,          /* CLAIM, X said … */
  FRAME_LEADING,           /* X said (that) CLAIM */
} FrameKind;

typedef struct
{
  FrameKind kind;
  gboolean  inverted;      /* ", said X": the speaker after the verb */
  guint     content_start;
  guint     content_end;
  guint     speaker_start;
  guint     speaker_end;
  guint     rest_start;    /* what follows the attribution: "…, said X, who …" */
} Frame;

typedef struct
{
  BylineSuggestions *s;
  GPtrArray         *annotations;  /* all known ones, sorted by start */
  guint              next;         /* the first that starts in the sentence or after */
  GPtrArray         *quotes;       /* QUOTEs said_by someone, sorted by start */
  guint              next_quote;
  GHashTable        *said_by;      /* QUOTE id -> SPEAKER id */
  GPtrArray         *claims;       /* CLAIMs already there, any status, sorted */
  guint              next_claim;
  GArray            *words;        /* Word: the current sentence */
} Run;

/* ‘ and ’ alone are read as ', so like " they open and close. */
static gboolean
is_opening_quote (const Word *w)
{
  return w->kind == BYLINE_TOKEN_PUNCT &&
         (word_is (w, "“") || word_is (w, "'") || word_is (w, "«") ||
          word_is (w, "„") || word_is (w, "‹") || word_is (w, "\""));
}

static gboolean
is_closing_quote (const Word *w)
{
  return w->kind == BYLINE_TOKEN_PUNCT &&
         (word_is (w, "”") || word_is (w, "'") || word_is (w, "»") ||
          word_is (w, "›") || word_is (w, "\""));
}

static gboolean
is_bracket (const Word *w)
{
  return is_punct (w, "(") || is_punct (w, ")") || is_punct (w, "[") || is_punct (w, "]");
}

/* The stops a sentence ends with: . ! ? … and runs of them. */
static gboolean
is_final_stop (const Word *w)
{
  return w->kind == BYLINE_TOKEN_PUNCT &&
         (w->w[0] == '.' || w->w[0] == '!' || w->w[0] == '?' || word_is (w, "…"));
}

static gboolean
is_question (const Word *w)
{
  return w->kind == BYLINE_TOKEN_PUNCT && strchr (w->w, '?') != NULL;
}

/* Is words[i…] a reporting verb? Returns its length in words, or 0. */
static guint
reporting_verb_at (const Word *words,
                   guint       i,
                   guint       n)
{
  if ((word_is (&words[i], "pointed") || word_is (&words[i], "points")) &&
      i + 1 < n && word_is (&words[i + 1], "out"))
    return 2;
  if (words[i].kind == BYLINE_TOKEN_WORD && (words[i].flags & WORD_REPORTING))
    return 1;
  return 0;
}

static gboolean
is_speaker_word (const Word *w)
{
  return w->kind == BYLINE_TOKEN_WORD || w->kind == BYLINE_TOKEN_ABBREVIATION ||
         w->kind == BYLINE_TOKEN_NUMBER || is_punct (w, "-");
}

/* After "…, X said": nothing, or what tells when, where or to whom, not
 * a clause of its own ("…, the company reported record profits"). */
static gboolean
attribution_ends (const Word *words,
                  guint       i,
                  guint       n,
                  gboolean    told)
{
  /* "told reporters", "told CNBC" */
  if (told)
    {
      for (guint k = 0; k < 3 && i < n && is_speaker_word (&words[i]) &&
           !in_list (words[i].w, attribution_tail); k++)
        i++;
    }
  return i >= n || words[i].kind == BYLINE_TOKEN_PUNCT || in_list (words[i].w, attribution_tail);
}

/* "According to X, CLAIM" and "CLAIM, according to X". */
static gboolean
find_according (const Word *words,
                guint       first,
                guint       last,
                Frame      *frame)
{
  if (last - first > 3 && word_is (&words[first], "according") && word_is (&words[first + 1], "to"))
    {
      for (guint k = first + 3; k < last && k < first + 14; k++)
        {
          if (is_punct (&words[k], ","))
            {
              frame->kind = FRAME_ACCORDING_FIRST;
              frame->rest_start = last;
              frame->speaker_start = first + 2;
              frame->speaker_end = k;
              frame->content_start = k + 1;
              frame->content_end = last;
              return TRUE;
            }
        }
      return FALSE;
    }
  for (guint c = last - 1; c > first; c--)
    {
      if (is_punct (&words[c], ",") && c + 3 < last &&
          word_is (&words[c + 1], "according") && word_is (&words[c + 2], "to"))
        {
          guint end = c + 3;

          while (end < last && is_speaker_word (&words[end]))
            end++;
          if (end == c + 3 || !attribution_ends (words, end, last, FALSE))
            return FALSE;
          frame->kind = FRAME_ACCORDING_LAST;
          frame->rest_start = end;
          frame->speaker_start = c + 3;
          frame->speaker_end = end;
          frame->content_start = first;
          frame->content_end = c;
          return TRUE;
        }
    }
  return FALSE;
}

/* "CLAIM, X said …", "“CLAIM,” X said", "CLAIM, said X": the comma
 * nearest the end that a short speaker and a reporting verb follow. */
static gboolean
find_trailing (const Word *words,
               guint       first,
               guint       last,
               Frame      *frame)
{
  for (guint c = last - 1; c > first; c--)
    {
      guint j, content_end;

      if (!is_punct (&words[c], ","))
        continue;
      j = c + 1;
      content_end = c;
      if (j < last && is_closing_quote (&words[j]))
        content_end = ++j;
      if (j >= last || in_list (words[j].w, not_speaker_start))
        continue;
      for (guint m = j; m < last && m <= j + 8; m++)
        {
          guint len = reporting_verb_at (words, m, last);

          if (len > 0)
            {
              gboolean told = word_is (&words[m], "told") || word_is (&words[m], "tells");
              guint e = m + len;

              if (m > j && in_list (words[m - 1].w, not_before_verb))
                break;
              if (m == j)
                {
                  /* ", said the minister", not ", said that …" */
                  if (e >= last || in_list (words[e].w, not_speaker_start))
                    break;
                  while (e < last && e < m + len + 6 && is_speaker_word (&words[e]))
                    e++;
                  if (e == m + len || !attribution_ends (words, e, last, FALSE))
                    break;
                }
              else if (!attribution_ends (words, e, last, told))
                break;
              frame->kind = FRAME_TRAILING;
              frame->inverted = m == j;
              frame->content_start = first;
              frame->content_end = content_end;
              frame->speaker_start = m == j ? m + len : j;
              frame->speaker_end = m == j ? e : m;
              frame->rest_start = e;
              return TRUE;
            }
          if (!is_speaker_word (&words[m]))
            break;
        }
    }
  return FALSE;
}

/* "X said (that) CLAIM", "X pointed out that CLAIM", "X said: CLAIM". */
static gboolean
find_leading (const Word *words,
              guint       first,
              guint       last,
              Frame      *frame)
{
  if (first >= last || !is_speaker_word (&words[first]) ||
      in_list (words[first].w, not_speaker_start))
    return FALSE;
  for (guint m = first + 1; m < last && m <= first + 10; m++)
    {
      guint len = reporting_verb_at (words, m, last);
      guint after = m + len;

      if (len == 0)
        {
          if (!is_speaker_word (&words[m]) && !is_punct (&words[m], ","))
            return FALSE;
          continue;
        }
      if (in_list (words[m - 1].w, not_before_verb))
        return FALSE;
      frame->kind = FRAME_LEADING;
      frame->rest_start = last;
      frame->speaker_start = first;
      frame->speaker_end = m;
      frame->content_end = last;
      if (after < last && is_punct (&words[after], ":"))
        {
          frame->content_start = after + 1;
          return TRUE;
        }
      for (guint k = after; k < last && k <= after + 6; k++)
        {
          if (word_is (&words[k], "that"))
            {
              frame->content_start = k + 1;
              return TRUE;
            }
          if (words[k].kind == BYLINE_TOKEN_PUNCT)
            break;
        }
      if (in_list (words[m].w, bare_clause_verbs) && after < last &&
          words[after].kind == BYLINE_TOKEN_WORD &&
          !in_list (words[after].w, not_clause_start))
        {
          frame->content_start = after;
          return TRUE;
        }
      frame->kind = FRAME_NONE;
      return FALSE;
    }
  return FALSE;
}

/* Leaves out of [*first, *last) a bullet, the final stop, and quotation
 * marks that do not close within it. Returns FALSE when the content is
 * a question. */
static gboolean
trim (const Word *words,
      guint      *first,
      guint      *last)
{
  /* A few rounds are enough for real text, and keep "” ” ” …" linear. */
  for (guint round = 0; round < 3; round++)
    {
      guint f = *first, l = *last;

      while (f < l && !is_opening_quote (&words[f]) && !is_bracket (&words[f]) &&
             (words[f].kind == BYLINE_TOKEN_PUNCT ||
              (words[f].kind == BYLINE_TOKEN_SYMBOL && !is_currency (&words[f]))))
        f++;
      while (f < l && words[l - 1].kind == BYLINE_TOKEN_PUNCT &&
             !is_closing_quote (&words[l - 1]) && !is_bracket (&words[l - 1]))
        {
          if (is_question (&words[l - 1]))
            return FALSE;
          l--;
        }
      if (f < l && is_closing_quote (&words[l - 1]))
        {
          gboolean opened = FALSE;

          if (l - f >= 2 && is_question (&words[l - 2]))
            return FALSE;
          for (guint k = f; k + 1 < l && !opened; k++)
            opened = is_opening_quote (&words[k]);
          if (!opened)
            l--;
        }
      if (f < l && is_opening_quote (&words[f]))
        {
          gboolean closed = FALSE;

          for (guint k = f + 1; k < l && !closed; k++)
            closed = is_closing_quote (&words[k]);
          if (!closed)
            f++;
        }
      if (f == *first && l == *last)
        break;
      *first = f;
      *last = l;
    }
  return TRUE;
}

static guint
count_words (const Word *words,
             guint       first,
             guint       last)
{
  guint n = 0;

  for (guint i = first; i < last; i++)
    n += words[i].kind == BYLINE_TOKEN_WORD || words[i].kind == BYLINE_TOKEN_NUMBER ||
         words[i].kind == BYLINE_TOKEN_ABBREVIATION;
  return n;
}

/* The entities extractor's numbers and dates inside [start, end). */
static void
weigh_entities (Run    *run,
                guint   start,
                guint   end,
                double *weights)
{
  for (guint i = run->next; i < run->annotations->len; i++)
    {
      BylineAnnotation *a = run->annotations->pdata[i];
      const char *label = byline_annotation_get_label (a);

      if (byline_annotation_get_start (a) >= end)
        break;
      if (byline_annotation_get_start (a) < start || byline_annotation_get_end (a) > end)
        continue;
      if (g_str_equal (label, "PERCENT") || g_str_equal (label, "MONEY") ||
          g_str_equal (label, "QUANTITY"))
        note (weights, SIG_STAT, 0.45);
      /* A count in digits is a statistic by the rules already; "the two
       * countries" is not. */
      else if (g_str_equal (label, "CARDINAL") || g_str_equal (label, "ORDINAL"))
        note (weights, SIG_NUMBER, 0.2);
      else if (g_str_equal (label, "DATE") || g_str_equal (label, "TIME"))
        note (weights, SIG_TIME, 0.1);
    }
}

static guint
overlap (guint a0,
         guint a1,
         guint b0,
         guint b1)
{
  guint lo = MAX (a0, b0), hi = MIN (a1, b1);

  return hi > lo ? hi - lo : 0;
}

/* The SPEAKER of a quote that holds most of [start, end). */
static const char *
find_quoted (Run   *run,
             guint  start,
             guint  end)
{
  const char *found = NULL;
  guint best = 0;

  for (guint i = run->next_quote; i < run->quotes->len; i++)
    {
      BylineAnnotation *q = run->quotes->pdata[i];
      guint o;

      if (byline_annotation_get_start (q) >= end)
        break;
      o = overlap (byline_annotation_get_start (q), byline_annotation_get_end (q), start, end);
      if (o * 2 > end - start && o > best)
        {
          best = o;
          found = g_hash_table_lookup (run->said_by, byline_annotation_get_id (q));
        }
    }
  return found;
}

/* The claimer of what was said, [start, end): see the comment at the top. */
static const char *
find_claimer (Run         *run,
              const Frame *frame,
              const Word  *words,
              guint        start,
              guint        end)
{
  const char *speaker = NULL, *entity = NULL, *quoted;
  guint from, to;

  quoted = find_quoted (run, start, end);
  if (quoted != NULL)
    return quoted;
  if (frame->kind == FRAME_NONE || frame->speaker_end <= frame->speaker_start)
    return NULL;
  from = words[frame->speaker_start].start;
  to = words[frame->speaker_end - 1].end;
  for (guint i = run->next; i < run->annotations->len; i++)
    {
      BylineAnnotation *a = run->annotations->pdata[i];
      const char *label = byline_annotation_get_label (a);
      guint a0 = byline_annotation_get_start (a), a1 = byline_annotation_get_end (a);
      gboolean heads;

      if (a0 >= to)
        break;
      if (a0 < from || a1 > to)
        continue;
      if (g_str_equal (label, "SPEAKER"))
        {
          speaker = speaker != NULL ? speaker : byline_annotation_get_id (a);
          continue;
        }
      if (!in_list (label, claimer_labels) || entity != NULL)
        continue;
      /* In "according to a CNBC analysis" any entity; before or after a
       * verb the one that heads the speaker: "Blinken said", "said
       * Blinken", not the "State Department" of "a State Department
       * official said". */
      if (frame->kind == FRAME_ACCORDING_FIRST || frame->kind == FRAME_ACCORDING_LAST)
        heads = TRUE;
      else if (frame->inverted)
        heads = a0 == from;
      else
        heads = a1 == to;
      if (heads)
        entity = byline_annotation_get_id (a);
    }
  return speaker != NULL ? speaker : entity;
}

/* Is most of [start, end) a claim already, suggested or in the document
 * under any status? A rejected claim is not suggested again, even with
 * other bounds. */
static gboolean
overlaps_claim (Run   *run,
                guint  start,
                guint  end)
{
  while (run->next_claim < run->claims->len &&
         byline_annotation_get_end (run->claims->pdata[run->next_claim]) <= start)
    run->next_claim++;
  for (guint i = run->next_claim; i < run->claims->len; i++)
    {
      BylineAnnotation *a = run->claims->pdata[i];

      if (byline_annotation_get_start (a) >= end)
        break;
      if (overlap (byline_annotation_get_start (a), byline_annotation_get_end (a), start, end) * 2 > end - start)
        return TRUE;
    }
  return FALSE;
}

/* The weight of a part of a sentence. */
typedef struct
{
  double   score;    /* all signals */
  double   content;  /* the strongest checkable one */
  gboolean opinion;
} Weight;

static void
weigh_part (Run        *run,
            const Word *words,
            guint       first,
            guint       last,
            gboolean    attributed,
            Weight     *out)
{
  double weights[N_SIGNALS] = { 0 };
  gboolean judged;

  out->score = out->content = 0;
  out->opinion = FALSE;
  if (first >= last)
    return;
  judged = _byline_claims_weigh (words, first, last, weights);
  weigh_entities (run, words[first].start, words[last - 1].end, weights);
  for (guint i = 0; i < N_SIGNALS; i++)
    {
      out->score += weights[i];
      /* "the greatest threat" is a judgement: it takes something else
       * checkable to make the claim check-worthy. */
      if (IS_CONTENT_SIGNAL (i) && !(judged && i == SIG_SUPERLATIVE))
        out->content = MAX (out->content, weights[i]);
    }
  if (attributed)
    out->score += WEIGHT_ATTRIBUTION;
  out->opinion = weights[SIG_OPINION] < 0;
}

static void
weigh_sentence (Run *run)
{
  const Word *words = (const Word *) (gpointer) run->words->data;
  guint n = run->words->len;
  guint first = 0, last = n, c0, c1;
  Frame frame = { FRAME_NONE, FALSE, 0, 0, 0, 0, 0 };
  Weight reported, rest;
  const Weight *chosen;
  gboolean headline, worthy;
  double confidence;
  guint start, end;
  const char *claimer, *id;

  /* A question asks. A line without a final stop is a headline, a
   * caption or a list item: a claim only with a checkable signal. */
  while (last > 0 && (is_closing_quote (&words[last - 1]) || is_bracket (&words[last - 1])))
    last--;
  if (last == 0 || is_question (&words[last - 1]))
    return;
  headline = !is_final_stop (&words[last - 1]);
  /* “Did exports fall?” she asked. */
  for (guint i = 0; i + 1 < n; i++)
    {
      if (is_question (&words[i]) && is_closing_quote (&words[i + 1]))
        return;
    }
  /* "… the official said. ." ends at the first stop. */
  last = n;
  while (last >= 2 && is_final_stop (&words[last - 1]) && is_final_stop (&words[last - 2]))
    last--;
  /* A list bullet is not part of the sentence. */
  while (first < last && !is_opening_quote (&words[first]) && !is_bracket (&words[first]) &&
         (words[first].kind == BYLINE_TOKEN_PUNCT ||
          (words[first].kind == BYLINE_TOKEN_SYMBOL && !is_currency (&words[first]))))
    first++;
  if (count_words (words, first, last) < (headline ? MIN_WORDS + 1 : MIN_WORDS))
    return;

  if (!find_according (words, first, last, &frame) &&
      !find_trailing (words, first, last, &frame) &&
      !find_leading (words, first, last, &frame))
    frame.kind = FRAME_NONE;
  if (frame.kind == FRAME_NONE)
    {
      frame.content_start = first;
      frame.content_end = frame.rest_start = last;
    }
  c0 = frame.content_start;
  c1 = frame.content_end;
  if (!trim (words, &c0, &c1) || count_words (words, c0, c1) < 2)
    {
      /* "China, he said, is …": too little outside the attribution, so
       * the sentence is what was said. */
      c0 = first;
      c1 = frame.rest_start = last;
    }

  claimer = find_claimer (run, &frame, words, words[c0].start, words[c1 - 1].end);
  weigh_part (run, words, c0, c1, frame.kind != FRAME_NONE || claimer != NULL, &reported);
  weigh_part (run, words, frame.rest_start, last, FALSE, &rest);
  /* "“…,” said Whitley, who has played 412 games": the journalist's
   * claim, not Whitley's. */
  if (reported.content >= MIN_CONTENT - 1e-9 || rest.content < MIN_CONTENT - 1e-9)
    chosen = &reported;
  else
    {
      chosen = &rest;
      claimer = NULL;
    }
  /* One checkable signal is enough, unless something weighs against it;
   * without one, it takes several weaker ones. */
  if (chosen->content >= MIN_CONTENT - 1e-9 ? chosen->score < MIN_CONTENT - 1e-9
                                            : headline || chosen->score < MIN_SCORE - 1e-9)
    return;

  start = words[first].start;
  end = words[last - 1].end;
  if (overlaps_claim (run, start, end))
    return;
  worthy = chosen->content >= MIN_CONTENT - 1e-9 && !chosen->opinion;
  /* Check-worthy claims from 0.6 up, the others below: a reviewer can
   * accept the first in bulk. */
  if (worthy)
    confidence = CLAMP (0.45 + chosen->score * 0.6, 0.6, 0.95);
  else
    confidence = CLAMP (0.2 + chosen->score * 0.6, 0.3, 0.55);
  id = byline_suggestions_add_span (run->s, "claims", "CLAIM", start, end, confidence);
  byline_annotation_set_attribute_string (byline_suggestions_lookup (run->s, id),
                                          "check_worthy", worthy ? "yes" : "unsure");
  if (claimer != NULL)
    byline_suggestions_add_relation (run->s, "claimer", id, claimer);
}

static int
compare_by_start (gconstpointer a,
                  gconstpointer b)
{
  return byline_annotation_compare (*(BylineAnnotation **) a, *(BylineAnnotation **) b);
}

/* Makes run->next, run->next_quote the first annotation and quote that
 * may concern the sentence from @start on. */
static void
advance (Run   *run,
         guint  start)
{
  while (run->next < run->annotations->len &&
         byline_annotation_get_start (run->annotations->pdata[run->next]) < start)
    run->next++;
  while (run->next_quote < run->quotes->len &&
         byline_annotation_get_end (run->quotes->pdata[run->next_quote]) <= start)
    run->next_quote++;
}

static gboolean
run_claims (const char         *text,
            BylineSuggestions  *s,
            GCancellable       *cancellable,
            GError            **error)
{
  const Rules *rules = _byline_claims_get_rules ();
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GArray) sentences = NULL;
  GPtrArray *relations, *context;
  Run run = { 0 };
  const char *p = text;
  guint offset = 0, t = 0;
  gboolean ok = TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, BYLINE_ERROR, BYLINE_ERROR_PARSE,
                           _("The text is not valid UTF-8"));
      return FALSE;
    }
  tokens = byline_tokenize (text, -1);
  sentences = byline_split_sentences (text, -1, tokens);

  run.s = s;
  run.annotations = byline_suggestions_find (s, NULL, TRUE);
  run.said_by = g_hash_table_new (g_str_hash, g_str_equal);
  run.quotes = g_ptr_array_new ();
  run.claims = byline_suggestions_find (s, "CLAIM", FALSE);
  run.words = g_array_new (FALSE, FALSE, sizeof (Word));

  relations = byline_suggestions_get_relations (s);
  for (guint i = 0; i < relations->len; i++)
    {
      BylineRelation *r = relations->pdata[i];

      if (g_str_equal (byline_relation_get_relation_type (r), "said_by"))
        g_hash_table_insert (run.said_by, (gpointer) byline_relation_get_from (r),
                             (gpointer) byline_relation_get_to (r));
    }
  for (guint i = 0; i < run.annotations->len; i++)
    {
      BylineAnnotation *a = run.annotations->pdata[i];

      if (g_str_equal (byline_annotation_get_label (a), "QUOTE") &&
          g_hash_table_contains (run.said_by, byline_annotation_get_id (a)))
        g_ptr_array_add (run.quotes, a);
    }
  context = byline_suggestions_get_context (s);
  for (guint i = 0; i < context->len; i++)
    {
      BylineAnnotation *a = context->pdata[i];

      if (g_str_equal (byline_annotation_get_label (a), "CLAIM"))
        g_ptr_array_add (run.claims, a);
    }
  g_ptr_array_sort (run.claims, compare_by_start);

  for (guint i = 0; i < sentences->len && ok; i++)
    {
      const BylineSentence *sentence = &g_array_index (sentences, BylineSentence, i);

      if (i % 256 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      while (t < tokens->len && g_array_index (tokens, BylineToken, t).start < sentence->start)
        t++;
      g_array_set_size (run.words, 0);
      /* A "sentence" of hundreds of words is a table, a list or a text
       * without stops: no claim. */
      if (t + MAX_SENTENCE_TOKENS < tokens->len &&
          g_array_index (tokens, BylineToken, t + MAX_SENTENCE_TOKENS).end <= sentence->end)
        continue;
      for (; t < tokens->len && g_array_index (tokens, BylineToken, t).end <= sentence->end; t++)
        {
          const BylineToken *token = &g_array_index (tokens, BylineToken, t);
          const char *token_end;
          Word w;

          for (; offset < token->start; offset++)
            p = g_utf8_next_char (p);
          token_end = p;
          for (guint k = token->start; k < token->end; k++)
            token_end = g_utf8_next_char (token_end);
          w.start = token->start;
          w.end = token->end;
          w.kind = token->kind;
          _byline_claims_fill_word (rules, &w, p, token_end);
          g_array_append_val (run.words, w);
        }
      advance (&run, sentence->start);
      if (run.words->len > 0)
        weigh_sentence (&run);
    }

  g_ptr_array_unref (run.annotations);
  g_ptr_array_unref (run.quotes);
  g_hash_table_unref (run.said_by);
  g_ptr_array_unref (run.claims);
  g_array_unref (run.words);
  return ok;
}

const BylineExtractor byline_extractor_claims = {
  "claims", N_("Claims and their claimers"), "rules:claims", run_claims
};
