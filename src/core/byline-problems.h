/* byline-problems.h: the list of what a reader or validator found wrong
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "byline-types.h"

G_BEGIN_DECLS

typedef enum
{
  BYLINE_SEVERITY_WARNING,
  BYLINE_SEVERITY_ERROR,
} BylineSeverity;

typedef struct
{
  BylineSeverity severity;
  int            code;      /* a BylineError code */
  char          *location;  /* "line 3", "annotations[2] (id a7)"…, or NULL */
  char          *message;
} BylineProblem;

BylineProblems      *byline_problems_new        (void);
void                 byline_problems_free       (BylineProblems *self);
void                 byline_problems_add        (BylineProblems *self,
                                                 BylineSeverity  severity,
                                                 int             code,
                                                 const char     *location,
                                                 const char     *format,
                                                 ...) G_GNUC_PRINTF (5, 6);
guint                byline_problems_get_n      (BylineProblems *self);
guint                byline_problems_get_n_errors (BylineProblems *self);
const BylineProblem *byline_problems_get        (BylineProblems *self,
                                                 guint           i);
char                *byline_problem_to_string   (const BylineProblem *problem);
gboolean             byline_problems_to_error   (BylineProblems *self,
                                                 const char     *filename,
                                                 GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineProblems, byline_problems_free)

G_END_DECLS
