/* byline-labelstudio.c: Label Studio JSON tasks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "byline-format-private.h"

static const char * const labelstudio_ext[] = { ".labelstudio.json", ".ls.json", NULL };

const BylineFormat byline_format_labelstudio = {
  "labelstudio", N_("Label Studio JSON tasks, annotations and predictions (.labelstudio.json)"), labelstudio_ext, TRUE, FALSE, NULL, NULL
};
