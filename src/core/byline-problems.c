/* byline-problems.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "byline-error.h"
#include "byline-problems.h"

struct _BylineProblems
{
  GArray *items;
  guint   n_errors;
};

static void
clear_problem (gpointer data)
{
  BylineProblem *p = data;

  g_free (p->location);
  g_free (p->message);
}

/**
 * byline_problems_new:
 *
 * Returns: (transfer full): an empty list of problems
 */
BylineProblems *
byline_problems_new (void)
{
  BylineProblems *self = g_new0 (BylineProblems, 1);

  self->items = g_array_new (FALSE, TRUE, sizeof (BylineProblem));
  g_array_set_clear_func (self->items, clear_problem);
  return self;
}

void
byline_problems_free (BylineProblems *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->items);
  g_free (self);
}

void
byline_problems_add (BylineProblems *self,
                     BylineSeverity  severity,
                     int             code,
                     const char     *location,
                     const char     *format,
                     ...)
{
  BylineProblem p;
  va_list args;

  g_return_if_fail (self != NULL);
  g_return_if_fail (format != NULL);

  va_start (args, format);
  p.severity = severity;
  p.code = code;
  p.location = g_strdup (location);
  p.message = g_strdup_vprintf (format, args);
  va_end (args);
  g_array_append_val (self->items, p);
  if (severity == BYLINE_SEVERITY_ERROR)
    self->n_errors++;
}

guint
byline_problems_get_n (BylineProblems *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->items->len;
}

guint
byline_problems_get_n_errors (BylineProblems *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_errors;
}

const BylineProblem *
byline_problems_get (BylineProblems *self,
                     guint           i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->items->len, NULL);
  return &g_array_index (self->items, BylineProblem, i);
}

/**
 * byline_problem_to_string:
 * @problem: a problem
 *
 * Returns: (transfer full): "location: message", with "warning: " before
 *   warnings, as the CLI prints it after the file name
 */
char *
byline_problem_to_string (const BylineProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  return g_strdup_printf ("%s%s%s%s",
                          problem->severity == BYLINE_SEVERITY_WARNING ? _("warning: ") : "",
                          problem->location ? problem->location : "",
                          problem->location ? ": " : "",
                          problem->message);
}

/**
 * byline_problems_to_error:
 * @self: problems
 * @filename: (nullable): the file they were found in, named in the message
 * @error: set to the first error, with a count of the others
 *
 * Returns: %TRUE when there is no error (warnings do not count)
 */
gboolean
byline_problems_to_error (BylineProblems *self,
                          const char     *filename,
                          GError        **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->n_errors == 0)
    return TRUE;

  for (guint i = 0; i < self->items->len; i++)
    {
      const BylineProblem *p = &g_array_index (self->items, BylineProblem, i);
      g_autofree char *str = NULL;

      if (p->severity != BYLINE_SEVERITY_ERROR)
        continue;
      str = byline_problem_to_string (p);
      if (self->n_errors > 1)
        g_set_error (error, BYLINE_ERROR, p->code,
                     g_dngettext (NULL, "%s%s%s (and %u more error)",
                                  "%s%s%s (and %u more errors)",
                                  self->n_errors - 1),
                     filename ? filename : "", filename ? ": " : "",
                     str, self->n_errors - 1);
      else
        g_set_error (error, BYLINE_ERROR, p->code, "%s%s%s",
                     filename ? filename : "", filename ? ": " : "", str);
      break;
    }
  return FALSE;
}
