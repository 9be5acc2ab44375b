#!/usr/bin/env python3
# check-shortcuts.py: the shortcuts window (ui/gtk/help-overlay.ui) and the
# keys the code binds must agree.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-shortcuts.py SOURCE_ROOT   (run by `meson test --suite gui`)
#
# The keys are read from the sources with regular expressions, not from a
# running application, so the test needs no display:
#   - accelerators[] in src/gui/byline-application.c (application accelerators)
#   - view_shortcuts[] in src/gui/byline-window-annotate.c (keys of the article
#     view) and its add_label_shortcuts () (digits and the schemas' label keys,
#     which come from data/schemas/*.json)
#   - the gtk_keyval_trigger_new () calls of src/gui/byline-article-view-input.c
#     (the context-menu keys, Menu and shift+F10)
# Every one must be shown by a GtkShortcutsShortcut of the help overlay, and
# every key the overlay shows must be bound by the code (or be one of GTK's own
# bindings, listed below). An entry with an action-name must show exactly the
# accelerators the application gives that action.
#
# Accelerators are compared after normalising them the way
# gtk_accelerator_parse () reads them: modifier names are case-insensitive
# (<Control> == <Ctrl> == <Primary>, <Mod1> == <Alt>), their order does not
# matter, and a letter key is its lower-case keysym.

import glob
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

# Keys the code binds that the window need not show, because another entry
# already shows the same key to the user. Keep this list short and say why.
ALLOWED_UNLISTED = {
    # What X11 sends for shift+Tab; the window shows <Shift>Tab.
    ('win.previous-layer', '<Shift>ISO_Left_Tab'): 'same key as Shift+Tab',
    # The keypad's Enter; the window shows Return.
    ('win.activate', 'KP_Enter'): 'keypad twin of Return',
    # The keypad's digits; the window shows 1...9.
    **{('win.label-key', 'KP_%d' % d): 'keypad twin of %d' % d for d in range(1, 10)},
}

# Keys the window shows that belong to GTK's own widgets (the article view is a
# GtkTextView), not to Byline's tables.
GTK_BUILTIN = {
    '<Shift>Left': 'GtkTextView: extend the selection',
    '<Shift>Right': 'GtkTextView: extend the selection',
    '<Control>a': 'GtkTextView: select all',
    '<Control>c': 'GtkTextView: copy',
}

MODIFIERS = {
    'control': 'Control', 'ctrl': 'Control', 'primary': 'Control', 'ctl': 'Control',
    'shift': 'Shift', 'shft': 'Shift',
    'alt': 'Alt', 'mod1': 'Alt',
    'super': 'Super', 'hyper': 'Hyper', 'meta': 'Meta',
}
MODIFIER_ORDER = ['Control', 'Alt', 'Shift', 'Super', 'Hyper', 'Meta']
GDK_MASKS = {
    'GDK_CONTROL_MASK': 'Control', 'GDK_SHIFT_MASK': 'Shift', 'GDK_ALT_MASK': 'Alt',
    'GDK_SUPER_MASK': 'Super', 'GDK_HYPER_MASK': 'Hyper', 'GDK_META_MASK': 'Meta',
}

errors = []


def fail(msg):
    errors.append(msg)


def normalise(accel):
    """'<ctrl><Shift>Z' -> '<Control><Shift>z'; raises ValueError if unparsable."""
    mods = set()
    rest = accel.strip()
    while rest.startswith('<'):
        end = rest.find('>')
        if end < 0:
            raise ValueError('unterminated modifier in %r' % accel)
        name = rest[1:end].lower()
        if name not in MODIFIERS:
            raise ValueError('unknown modifier <%s> in %r' % (name, accel))
        mods.add(MODIFIERS[name])
        rest = rest[end + 1:]
    if not rest or not re.fullmatch(r'[A-Za-z0-9_]+', rest):
        raise ValueError('bad key name %r in %r' % (rest, accel))
    if len(rest) == 1:
        rest = rest.lower()
    return ''.join('<%s>' % m for m in MODIFIER_ORDER if m in mods) + rest


def expand(accel):
    """Expands GtkShortcutLabel's ranges: '<Shift>a...z' -> <Shift>a, <Shift>b, ..."""
    if '...' not in accel:
        return [normalise(accel)]
    first, last = accel.split('...', 1)
    m = re.fullmatch(r'((?:<[^>]+>)*)(.)', first)
    if m is None or len(last) != 1 or ord(last) < ord(m.group(2)):
        raise ValueError('bad range %r' % accel)
    return [normalise(m.group(1) + chr(c)) for c in range(ord(m.group(2)), ord(last) + 1)]


def read(root, path):
    with open(os.path.join(root, path), encoding='utf-8') as f:
        return f.read()


def c_block(source, name, path):
    """The initialiser of the static array @name: '{ ... };'."""
    m = re.search(r'\b%s\s*\[\]\s*=\s*\{(.*?)\n\};' % re.escape(name), source, re.S)
    if m is None:
        fail('%s: cannot find %s[] (has it moved? update this script)' % (path, name))
        return ''
    return m.group(1)


def c_function(source, name, path):
    m = re.search(r'^%s\s*\(.*?^\}' % re.escape(name), source, re.S | re.M)
    if m is None:
        fail('%s: cannot find %s () (has it moved? update this script)' % (path, name))
        return ''
    return m.group(0)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..')

    # ---- what the code binds: (action, normalised accel, where) ----
    bound = []
    app_accels = {}

    path = 'src/gui/byline-application.c'
    block = c_block(read(root, path), 'accelerators', path)
    for action, accels in re.findall(r'\{\s*"([\w.-]+)"\s*,\s*\{([^}]*)\}\s*\}', block):
        keys = [normalise(a) for a in re.findall(r'"([^"]*)"', accels)]
        app_accels[action] = keys
        bound += [(action, k, path) for k in keys]
    if not app_accels:
        fail('%s: no accelerators found' % path)

    path = 'src/gui/byline-window-annotate.c'
    source = read(root, path)
    block = c_block(source, 'view_shortcuts', path)
    n = 0
    for trigger, action in re.findall(r'\{\s*"([^"]+)"\s*,\s*"([\w.-]+)"\s*,\s*(?:NULL|"[^"]*")\s*\}', block):
        bound.append((action, normalise(trigger), path))
        n += 1
    if n == 0:
        fail('%s: no view_shortcuts found' % path)

    labels = c_function(source, 'add_label_shortcuts', path)
    m = re.search(r'for\s*\(\s*guint\s+d\s*=\s*(\d)\s*;\s*d\s*<=\s*(\d)\s*;', labels)
    if m is None:
        fail('%s: cannot find the digit loop of add_label_shortcuts () (update this script)' % path)
    else:
        for d in range(int(m.group(1)), int(m.group(2)) + 1):
            bound.append(('win.label-key', normalise(str(d)), path))
            if '"KP_%u"' in labels:
                bound.append(('win.label-key', normalise('KP_%d' % d), path))
    if '"<Shift>%s"' not in labels:
        fail('%s: add_label_shortcuts () no longer binds capitals as <Shift>letter '
             '(update this script and the overlay)' % path)
    for schema_path in sorted(glob.glob(os.path.join(root, 'data', 'schemas', '*.json'))):
        with open(schema_path, encoding='utf-8') as f:
            schema = json.load(f)
        for layer in schema.get('layers', []):
            for label in layer.get('labels', []):
                key = label.get('key')
                if not key:
                    continue
                trigger = '<Shift>' + key.lower() if key.isupper() else key
                where = os.path.relpath(schema_path, root) + ' (%s)' % label.get('name')
                bound.append(('win.label-key', normalise(trigger), where))

    path = 'src/gui/byline-article-view-input.c'
    source = read(root, path)
    triggers = re.findall(r'gtk_keyval_trigger_new\s*\(\s*GDK_KEY_(\w+)\s*,\s*([\w\s|]+?)\s*\)', source)
    if not triggers:
        fail('%s: no gtk_keyval_trigger_new () found (update this script)' % path)
    for key, mask in triggers:
        mods = ''
        for part in mask.split('|'):
            part = part.strip()
            if part in ('0', ''):
                continue
            if part not in GDK_MASKS:
                fail('%s: unknown modifier mask %s' % (path, part))
                continue
            mods += '<%s>' % GDK_MASKS[part]
        bound.append(('article.context-menu', normalise(mods + key), path))

    # ---- what the window shows ----
    path = 'ui/gtk/help-overlay.ui'
    tree = ET.parse(os.path.join(root, path))
    shown = {}          # normalised accel -> [titles]
    ranges = []         # (accel, title, [normalised accels]) of 'a...z' entries
    n_entries = 0
    for obj in tree.iter('object'):
        if obj.get('class') != 'GtkShortcutsShortcut':
            continue
        n_entries += 1
        props = {p.get('name'): p for p in obj.findall('property')}
        title = props['title'].text if 'title' in props else None
        if not title:
            fail('%s: a shortcut without a title' % path)
            continue
        if props['title'].get('translatable') != 'yes':
            fail('%s: the title "%s" is not translatable' % (path, title))
        stype = props['shortcut-type'].text if 'shortcut-type' in props else 'accelerator'
        if stype != 'accelerator':
            continue
        accel = props['accelerator'].text if 'accelerator' in props else None
        action = props['action-name'].text if 'action-name' in props else None
        if not accel:
            fail('%s: "%s" shows no accelerator (write it out, even with an action-name)' % (path, title))
            continue
        keys = []
        for alternative in accel.split():
            try:
                expanded = expand(alternative)
            except ValueError as e:
                fail('%s: "%s": %s' % (path, title, e))
                continue
            keys += expanded
            if len(expanded) > 1:
                # A range stands for keys of one kind (the schema's label
                # letters): some of it must be bound, not all of it.
                ranges.append((alternative, title, expanded))
            else:
                shown.setdefault(expanded[0], []).append(title)
        if action is not None:
            if action not in app_accels:
                fail('%s: "%s" names %s, which has no application accelerator: GTK would show '
                     'nothing; drop the action-name' % (path, title, action))
            elif sorted(keys) != sorted(app_accels[action]):
                fail('%s: "%s" shows %s but src/gui/byline-application.c gives %s %s'
                     % (path, title, ' '.join(keys), action, ' '.join(app_accels[action])))
    if n_entries == 0:
        fail('%s: no GtkShortcutsShortcut found' % path)

    # ---- compare ----
    in_ranges = {k for _, _, keys in ranges for k in keys}
    for action, key, where in bound:
        if key in shown or key in in_ranges:
            continue
        if (action, key) in ALLOWED_UNLISTED:
            continue
        fail('%s binds %s to %s, but %s does not show it' % (where, key, action, path))
    bound_keys = {key for _, key, _ in bound}
    for key, titles in sorted(shown.items()):
        if key not in bound_keys and key not in GTK_BUILTIN:
            fail('%s shows %s ("%s"), but no code binds it' % (path, key, titles[0]))
    for accel, title, keys in ranges:
        if not bound_keys.intersection(keys):
            fail('%s shows %s ("%s"), but no code binds any of it' % (path, accel, title))
    for (action, key) in ALLOWED_UNLISTED:
        if (action, key) not in {(a, k) for a, k, _ in bound}:
            fail('stale allow-list entry in check-shortcuts.py: %s %s is no longer bound' % (action, key))

    if errors:
        for e in errors:
            print('FAIL: ' + e)
        return 1
    print('ok: %d bound keys, %d shortcuts window entries agree' % (len(bound), n_entries))
    return 0


if __name__ == '__main__':
    sys.exit(main())
