/* byline-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "byline-error.h"
#include "byline-types.h"

#include <string.h>

G_DEFINE_QUARK (byline-error-quark, byline_error)

static const char * const status_names[BYLINE_N_STATUSES] = {
  "manual", "suggested", "accepted", "rejected",
};

/**
 * byline_status_to_string:
 * @status: a status
 *
 * Returns: (transfer none): the name used in files: "manual", "suggested"…
 */
const char *
byline_status_to_string (BylineStatus status)
{
  g_return_val_if_fail ((guint) status < BYLINE_N_STATUSES, "manual");
  return status_names[status];
}

/**
 * byline_status_from_string:
 * @str: a name such as "accepted"
 * @status: (out): where to store the status
 *
 * Returns: %TRUE when @str names a status
 */
gboolean
byline_status_from_string (const char   *str,
                           BylineStatus *status)
{
  g_return_val_if_fail (status != NULL, FALSE);

  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < BYLINE_N_STATUSES; i++)
    {
      if (strcmp (str, status_names[i]) == 0)
        {
          *status = (BylineStatus) i;
          return TRUE;
        }
    }
  return FALSE;
}
