/* byline-losses.c: what a conversion could not carry over, counted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A writer that cannot hold something (relations in CoNLL, an inner span
 * in a tag format, a note in doccano) counts it here by what and by label,
 * so that the user is told "relations: 12 (cue 4, said_by 8)" instead of
 * finding out after training on the result.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "byline-losses.h"

struct _BylineLosses
{
  /* "what\x1flabel" -> count; the unit separator cannot be in either */
  GHashTable *counts;
};

BylineLosses *
byline_losses_new (void)
{
  BylineLosses *self = g_new0 (BylineLosses, 1);

  self->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
byline_losses_free (BylineLosses *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->counts);
  g_free (self);
}

static char *
make_key (const char *what,
          const char *label)
{
  return g_strconcat (what, "\x1f", label != NULL ? label : "", NULL);
}

void
byline_losses_add (BylineLosses *self,
                   const char   *what,
                   const char   *label,
                   guint         count)
{
  char *key;
  gpointer old;

  g_return_if_fail (self != NULL);
  g_return_if_fail (what != NULL);

  if (count == 0)
    return;
  key = make_key (what, label);
  if (g_hash_table_lookup_extended (self->counts, key, NULL, &old))
    {
      g_hash_table_insert (self->counts, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (old) + count));
      return;
    }
  g_hash_table_insert (self->counts, key, GUINT_TO_POINTER (count));
}

void
byline_losses_merge (BylineLosses *self,
                     BylineLosses *other)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (self != NULL);
  if (other == NULL)
    return;
  g_hash_table_iter_init (&iter, other->counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto(GStrv) parts = g_strsplit (key, "\x1f", 2);

      byline_losses_add (self, parts[0], parts[1][0] ? parts[1] : NULL, GPOINTER_TO_UINT (value));
    }
}

guint
byline_losses_get_count (BylineLosses *self,
                         const char   *what,
                         const char   *label)
{
  g_autofree char *key = NULL;
  GHashTableIter iter;
  gpointer k, value;
  guint total = 0;

  g_return_val_if_fail (self != NULL, 0);

  if (label != NULL)
    {
      key = make_key (what, label);
      return GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, key));
    }
  /* No label: every label's count of @what. */
  key = make_key (what, NULL);
  g_hash_table_iter_init (&iter, self->counts);
  while (g_hash_table_iter_next (&iter, &k, &value))
    {
      if (g_str_has_prefix (k, key))
        total += GPOINTER_TO_UINT (value);
    }
  return total;
}

guint
byline_losses_get_total (BylineLosses *self)
{
  GHashTableIter iter;
  gpointer value;
  guint total = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_hash_table_iter_init (&iter, self->counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    total += GPOINTER_TO_UINT (value);
  return total;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* Calls @func for every (what, label) in a stable order: by what, then label. */
void
byline_losses_foreach (BylineLosses   *self,
                       BylineLossFunc  func,
                       gpointer        user_data)
{
  g_autofree gpointer *keys = NULL;
  guint n;

  g_return_if_fail (self != NULL);
  keys = g_hash_table_get_keys_as_array (self->counts, &n);
  qsort (keys, n, sizeof (gpointer), compare_keys);
  for (guint i = 0; i < n; i++)
    {
      const char *sep = strchr (keys[i], '\x1f');
      g_autofree char *what = g_strndup (keys[i], sep - (const char *) keys[i]);

      func (what, sep[1] ? sep + 1 : NULL,
            GPOINTER_TO_UINT (g_hash_table_lookup (self->counts, keys[i])), user_data);
    }
}

typedef struct
{
  GString *out;
  char    *what;    /* the phrase of the line being built */
  guint    total;
  GString *labels;
} Summary;

static void
flush_line (Summary *s)
{
  if (s->what == NULL)
    return;
  /* "what: count" reads right for any count, in any language. */
  g_string_append_printf (s->out, "%s: %u", _(s->what), s->total);
  if (s->labels->len > 0)
    g_string_append_printf (s->out, " (%s)", s->labels->str);
  g_string_append_c (s->out, '\n');
  g_clear_pointer (&s->what, g_free);
  g_string_truncate (s->labels, 0);
  s->total = 0;
}

static void
summarise (const char *what,
           const char *label,
           guint       count,
           gpointer    user_data)
{
  Summary *s = user_data;

  if (s->what == NULL || strcmp (s->what, what) != 0)
    {
      flush_line (s);
      s->what = g_strdup (what);
    }
  s->total += count;
  if (label != NULL)
    g_string_append_printf (s->labels, "%s%s %u", s->labels->len ? ", " : "", label, count);
}

/**
 * byline_losses_to_string:
 *
 * Returns: (transfer full): one line for each kind of loss, "relations: 12
 *   (cue 4, said_by 8)", or "" when nothing was lost
 */
char *
byline_losses_to_string (BylineLosses *self)
{
  Summary s = { g_string_new (NULL), NULL, 0, g_string_new (NULL) };

  g_return_val_if_fail (self != NULL, NULL);
  byline_losses_foreach (self, summarise, &s);
  flush_line (&s);
  g_string_free (s.labels, TRUE);
  return g_string_free (s.out, FALSE);
}
