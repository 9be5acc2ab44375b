/* byline-extract-quotes-resolve.c: what speakers refer to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Links each SPEAKER to the entity that ends it, and each pronoun speaker
 * to the nearest earlier compatible speaker or PERSON (refers_to).
 */
#include "config.h"

#include <string.h>

#include "byline-extract-quotes-private.h"

/* {{{ Speakers and what they refer to */

/* The entity that ends the span [start, end): the longest. */
static const Entity *
head_entity (const Ctx *x,
             guint      start,
             guint      end)
{
  const Entity *best = NULL;
  guint lo = 0, hi = x->entities->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (x->entities, Entity, mid).start < start)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint i = lo; i < x->entities->len; i++)
    {
      const Entity *e = &g_array_index (x->entities, Entity, i);

      if (e->start >= end)
        break;
      if (e->end == end && (best == NULL || e->start < best->start))
        best = e;
    }
  return best;
}

static gboolean
compatible (guint32 pronoun,
            guint32 antecedent)
{
  if (pronoun & M_HE)
    return (antecedent & M_PERSON) && !(antecedent & (M_FEMALE | M_PLURAL));
  if (pronoun & M_SHE)
    return (antecedent & M_PERSON) && !(antecedent & (M_MALE | M_PLURAL));
  if (pronoun & M_THEY)
    return (antecedent & (M_PLURAL | M_INST)) != 0;
  return (antecedent & M_INST) && !(antecedent & M_PLURAL);
}

typedef struct
{
  guint        start;    /* code points */
  guint        para;
  guint        mention;  /* or NONE */
  const char  *entity;   /* a subject PERSON when mention is NONE */
  guint32      blocker;  /* or the features of a subject no annotation stands for */
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a, *cb = b;

  return ca->start < cb->start ? -1 : ca->start > cb->start;
}

static guint
token_at (const Ctx *x,
          guint      offset)
{
  return byline_tokens_find (x->tokens, offset);
}

/* A PERSON outside quotes that starts its sentence, maybe after titles:
 * the subject a later pronoun most likely means. */
static gboolean
is_subject (const Ctx    *x,
            const Entity *e)
{
  guint t = token_at (x, e->start);

  if (t >= x->n || x->in_quote[t] != NONE || t - x->sentence[t] > 12)
    return FALSE;
  for (guint i = x->sentence[t]; i < t; i++)
    {
      if (!is_name_word (x, i) && !(F (x, i) & W_NAME_LINK))
        {
          /* after a bullet */
          if (i == x->sentence[t] && !(F (x, i) & (T_WORD | T_QMARK)))
            continue;
          return FALSE;
        }
    }
  return TRUE;
}

static guint32
target_features (GHashTable *genders,
                 const char *target,
                 guint32     features)
{
  return features | GPOINTER_TO_UINT (g_hash_table_lookup (genders, target));
}

void
_byline_quotes_resolve (Ctx *x)
{
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr(GHashTable) genders = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) pronouns = g_array_new (FALSE, FALSE, sizeof (Candidate));

  for (guint i = 0; i < x->mentions->len; i++)
    {
      Mention *m = &g_array_index (x->mentions, Mention, i);
      Candidate c = { x->tok[m->first].start, x->para[m->first], i, NULL, 0 };
      const Entity *e;

      if (m->features & M_PRONOUN)
        {
          g_array_append_val (pronouns, c);
          g_array_append_val (candidates, c);
          continue;
        }
      e = head_entity (x, x->tok[m->first].start, x->tok[m->last].end);
      if (e != NULL)
        {
          m->entity = e->id;
          if (e->person)
            m->features = (m->features & ~(M_INST | M_PLURAL)) | M_PERSON;
          else if (!(m->features & M_NOUN))
            m->features = (m->features & ~M_PERSON) | M_INST;
          /* a titled speaker: US Secretary of State Antony Blinken */
          if (e->start != x->tok[m->first].start)
            byline_suggestions_add_relation (x->s, "refers_to", m->id, e->id);
        }
      g_array_append_val (candidates, c);
    }
  /* A subject such as "The mayor" that no speaker annotation stands for:
   * a pronoun after it is left unresolved rather than given to an
   * earlier speaker. */
  for (guint i = 0; i < x->n; i++)
    {
      guint a = i, end;
      guint32 features;

      if (x->sentence[i] != i)
        continue;
      while (a < x->n && x->sentence[a] == i && !(F (x, a) & (T_WORD | T_QMARK)))
        a++;
      if (a >= x->n || x->sentence[a] != i || x->in_quote[a] != NONE ||
          g_hash_table_contains (x->mention_at, GUINT_TO_POINTER (a + 1)) ||
          !(F (x, a) & (W_DET | W_HEAD)) ||
          !_byline_quotes_parse_np_forward (x, a, x->n, &end, &features) ||
          !(features & M_NOUN) || !(F (x, end + 1) & T_WORD))
        continue;
      {
        Candidate c = { x->tok[a].start, x->para[a], NONE, NULL, features };

        g_array_append_val (candidates, c);
      }
    }
  for (guint i = 0; i < x->entities->len; i++)
    {
      const Entity *e = &g_array_index (x->entities, Entity, i);
      guint t = token_at (x, e->start);

      if (e->person && t < x->n && is_subject (x, e))
        {
          Candidate c = { e->start, x->para[t], NONE, e->id, 0 };

          g_array_append_val (candidates, c);
        }
    }
  g_array_sort (candidates, compare_candidates);
  g_array_sort (pronouns, compare_candidates);

  for (guint p = 0; p < pronouns->len; p++)
    {
      const Candidate *pc = &g_array_index (pronouns, Candidate, p);
      Mention *pm = &g_array_index (x->mentions, Mention, pc->mention);
      const char *target = NULL;
      gboolean blocked = FALSE;
      guint32 root = 0;
      guint lo = 0, hi = candidates->len;

      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (g_array_index (candidates, Candidate, mid).start < pc->start)
            lo = mid + 1;
          else
            hi = mid;
        }
      /* the nearest compatible speaker or subject, within six paragraphs */
      for (guint k = lo, seen = 0; k > 0 && seen < 30 && target == NULL; k--, seen++)
        {
          const Candidate *c = &g_array_index (candidates, Candidate, k - 1);
          const Mention *cm;
          const char *t;
          guint32 features;

          if (c->para + 6 < pc->para)
            break;
          if (c->blocker != 0)
            {
              if (compatible (pm->features, c->blocker))
                {
                  blocked = TRUE;
                  break;
                }
              continue;
            }
          if (c->mention == NONE)
            {
              t = c->entity;
              features = M_PERSON;
            }
          else
            {
              cm = &g_array_index (x->mentions, Mention, c->mention);
              if (cm->features & M_PRONOUN)
                {
                  t = cm->target;
                  features = cm->root;
                }
              else
                {
                  t = cm->entity != NULL ? cm->entity : cm->id;
                  features = cm->features;
                }
            }
          if (t != NULL && compatible (pm->features, target_features (genders, t, features)))
            {
              target = t;
              root = features;
            }
        }
      /* else the nearest PERSON of this paragraph or the one before */
      lo = 0;
      hi = x->entities->len;
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (g_array_index (x->entities, Entity, mid).start < pc->start)
            lo = mid + 1;
          else
            hi = mid;
        }
      for (guint k = lo, seen = 0; target == NULL && !blocked && k > 0 && seen < 200 &&
           (pm->features & (M_HE | M_SHE)); k--, seen++)
        {
          const Entity *e = &g_array_index (x->entities, Entity, k - 1);
          guint t;

          if (e->end > pc->start || !e->person)
            continue;
          t = token_at (x, e->start);
          if (t >= x->n || x->para[t] + 1 < pc->para)
            break;
          if (x->in_quote[t] == NONE &&
              compatible (pm->features, target_features (genders, e->id, M_PERSON)))
            {
              target = e->id;
              root = M_PERSON;
            }
        }
      if (target == NULL)
        continue;
      pm->target = target;
      pm->root = root;
      if (pm->features & (M_HE | M_SHE))
        g_hash_table_insert (genders, (gpointer) target,
                             GUINT_TO_POINTER ((pm->features & M_HE) ? M_MALE : M_FEMALE));
      byline_suggestions_add_relation (x->s, "refers_to", pm->id, target);
    }
}

/* }}} */
