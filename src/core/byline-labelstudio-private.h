/* byline-labelstudio-private.h: what the Label Studio files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * byline-labelstudio.c reads tasks, byline-labelstudio-write.c writes them.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "byline-format-private.h"

G_BEGIN_DECLS

#define ORIGIN_PREFIX "labelstudio"

static inline gboolean
_byline_labelstudio_is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

static inline gboolean
_byline_labelstudio_is_number (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         (json_node_get_value_type (node) == G_TYPE_INT64 ||
          json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

BylineWriter *
_byline_labelstudio_open (const BylineFormat        *format,
                          const char                *path,
                          const BylineFormatOptions *options,
                          GError                   **error);

G_END_DECLS
