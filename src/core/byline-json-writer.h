/* byline-json-writer.h: deterministic JSON output
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

void byline_json_append_escaped (GString    *out,
                                 const char *str,
                                 gsize       len);
void byline_json_append_string  (GString    *out,
                                 const char *str);
void byline_json_append_double  (GString    *out,
                                 double      value);
void byline_json_append_node    (GString    *out,
                                 JsonNode   *node);
void byline_json_append_object  (GString    *out,
                                 JsonObject *object,
                                 const char * const *first_keys);

void        byline_json_append_members (GString    *out,
                                        JsonObject *object);
JsonObject *byline_json_object_copy    (JsonObject *object);

G_END_DECLS
