/* byline-format-row.h: a combo row of file formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The rows hold format names; "auto" stands for "from the file name". */
const char *byline_format_row_get_title (const char    *name);
void        byline_format_row_setup     (AdwComboRow   *row,
                                         GtkStringList *names);
const char *byline_format_row_get_name  (AdwComboRow   *row);
gboolean    byline_format_row_select    (AdwComboRow   *row,
                                         const char    *name);

G_END_DECLS
