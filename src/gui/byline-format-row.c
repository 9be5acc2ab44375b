/* byline-format-row.c: a combo row of file formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Export and Import dialogs offer the formats of the registry that
 * can write (or read) right now, by a readable title, with each format's
 * description in the list and, for the one chosen, under the row's title.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "byline-format.h"
#include "byline-format-row.h"

static const struct
{
  const char *name;
  const char *title;
} format_titles[] = {
  { "auto", N_("Automatic") },
  { "byline", N_("Byline Document") },
  { "jsonl", N_("Byline JSON Lines") },
  { "text", N_("Plain Text") },
  { "html", N_("Web Page") },
  { "json", N_("Article Record (JSON)") },
  { "brat", N_("brat Standoff") },
  { "spacy", N_("spaCy / Prodigy") },
  { "doccano", N_("doccano") },
  { "labelstudio", N_("Label Studio") },
  { "conll", N_("CoNLL") },
  { "hf", N_("Hugging Face Tokens") },
};

/**
 * byline_format_row_get_title:
 * @name: a format's name, or "auto"
 *
 * Returns: the title the dialogs show for the format
 */
const char *
byline_format_row_get_title (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_titles); i++)
    {
      if (g_strcmp0 (format_titles[i].name, name) == 0)
        return _(format_titles[i].title);
    }
  return name;
}

static const char *
format_description (const char *name)
{
  const BylineFormat *format;

  if (g_strcmp0 (name, "auto") == 0)
    return _("Chosen from the file name");
  format = byline_format_lookup (name);
  return format != NULL ? _(format->description) : "";
}

static void
on_format_item_setup_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *item,
                         gpointer                  user_data)
{
  gboolean in_list = GPOINTER_TO_INT (user_data);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_box_append (GTK_BOX (box), title);

  if (in_list)
    {
      GtkWidget *description = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (description), 0);
      gtk_label_set_wrap (GTK_LABEL (description), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (description), 36);
      gtk_widget_add_css_class (description, "dim-label");
      gtk_widget_add_css_class (description, "caption");
      gtk_box_append (GTK_BOX (box), description);
      gtk_widget_set_margin_top (box, 3);
      gtk_widget_set_margin_bottom (box, 3);
    }

  gtk_list_item_set_child (item, box);
}

static void
on_format_item_bind_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *description = gtk_widget_get_next_sibling (title);
  const char *name = gtk_string_object_get_string (gtk_list_item_get_item (item));

  gtk_label_set_label (GTK_LABEL (title), byline_format_row_get_title (name));
  if (description != NULL)
    gtk_label_set_label (GTK_LABEL (description), format_description (name));
}

static GtkListItemFactory *
format_factory_new (gboolean in_list)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_format_item_setup_cb), GINT_TO_POINTER (in_list));
  g_signal_connect (factory, "bind", G_CALLBACK (on_format_item_bind_cb), NULL);
  return factory;
}

static void
update_format_subtitle (AdwComboRow *row)
{
  const char *name = byline_format_row_get_name (row);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), name != NULL ? format_description (name) : "");
}

/**
 * byline_format_row_setup:
 * @names: (transfer none): the format names the row offers
 *
 * Gives @row the formats, their titles, and the selected format's
 * description as its subtitle.
 */
void
byline_format_row_setup (AdwComboRow   *row,
                         GtkStringList *names)
{
  g_autoptr(GtkListItemFactory) factory = format_factory_new (FALSE);
  g_autoptr(GtkListItemFactory) list_factory = format_factory_new (TRUE);

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  /* Descriptions hold '&' and '<' for all we know: not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_combo_row_set_factory (row, factory);
  adw_combo_row_set_list_factory (row, list_factory);
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  g_signal_connect (row, "notify::selected", G_CALLBACK (update_format_subtitle), NULL);
  update_format_subtitle (row);
}

/**
 * byline_format_row_get_name:
 *
 * Returns: (nullable): the name of the format @row shows
 */
const char *
byline_format_row_get_name (AdwComboRow *row)
{
  GObject *item = adw_combo_row_get_selected_item (row);

  return item != NULL ? gtk_string_object_get_string (GTK_STRING_OBJECT (item)) : NULL;
}

/**
 * byline_format_row_select:
 *
 * Returns: %TRUE when @row offers the format @name, now selected
 */
gboolean
byline_format_row_select (AdwComboRow *row,
                          const char  *name)
{
  GListModel *model = adw_combo_row_get_model (row);
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), name) == 0)
        {
          adw_combo_row_set_selected (row, i);
          return TRUE;
        }
    }
  return FALSE;
}
