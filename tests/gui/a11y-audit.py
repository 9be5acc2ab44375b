#!/usr/bin/env python3
# a11y-audit.py: lists the interactive widgets of a running Byline window that
# have no accessible name, as a screen reader (through AT-SPI) sees them.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# It needs pyatspi (Debian/Ubuntu: python3-pyatspi, for the system's
# /usr/bin/python3; the script re-runs itself with that interpreter when the
# python3 on PATH lacks it), an X display and a session bus with the
# accessibility bus. From the top of the source tree, after building into
# build-a11y (any build directory works, see --builddir):
#
#   xvfb-run -a dbus-run-session -- tests/gui/a11y-audit.py
#
# or, on a desktop session that already has a display and buses, simply
#   tests/gui/a11y-audit.py
#
# By default it starts build-a11y/src/gui/byline on the demo document
# (data/samples/blinken-china-nbc.byline.json) through `meson devenv`, selects
# the first annotation (alt+Right, typed with xdotool, so the inspector shows),
# walks the accessibility tree of the window, prints every interactive node
# (button, toggle button, menu button, combo box, entry and text, check box,
# radio button, switch, list item, slider, spin button) whose name is empty,
# with the path of named ancestors that locates it, and stops the application.
# The exit status is 1 when it found any, 0 otherwise.
#
# With --attach it audits an already running Byline instead (open the state you
# want to check first: a popover, a dialog, the shortcuts window…).
#
# GTK 4.8 reports a node without a name under its type name ("GtkToggleButton",
# "AdwGizmo"), so a name that is just a GTK, libadwaita or Byline type name
# counts as empty here.
#
# Popovers and dialogs are only in the tree while they are open, and the
# application must run with GTK_A11Y unset (GTK_A11Y=test, as the unit tests
# use, exports nothing).

import argparse
import os
import re
import shutil
import subprocess
import sys
import time

try:
    import pyatspi
except ImportError:
    if os.path.exists('/usr/bin/python3') and os.path.realpath(sys.executable) != os.path.realpath('/usr/bin/python3'):
        os.execv('/usr/bin/python3', ['/usr/bin/python3'] + sys.argv)
    sys.exit('a11y-audit.py: needs pyatspi (apt install python3-pyatspi)')

SOURCE_ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))

INTERACTIVE_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON,
    pyatspi.ROLE_TOGGLE_BUTTON,
    pyatspi.ROLE_COMBO_BOX,
    pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_TEXT,
    pyatspi.ROLE_PASSWORD_TEXT,
    pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_LIST_ITEM,
    pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_MENU_ITEM,
    pyatspi.ROLE_CHECK_MENU_ITEM,
    pyatspi.ROLE_RADIO_MENU_ITEM,
    pyatspi.ROLE_LINK,
    pyatspi.ROLE_SCROLL_BAR,
}
for extra in ('ROLE_SWITCH', 'ROLE_MENU_BUTTON', 'ROLE_PUSH_BUTTON_MENU'):
    if hasattr(pyatspi, extra):
        INTERACTIVE_ROLES.add(getattr(pyatspi, extra))

# GTK 4.8's scroll bars are named by their type and are not reached by the
# keyboard; they are left out rather than reported on every scrolled window.
SKIPPED_ROLES = {pyatspi.ROLE_SCROLL_BAR}

TYPE_NAME = re.compile(r'^(Gtk|Adw|Byline)[A-Z][A-Za-z]*$')


def effective_name(node):
    name = (node.name or '').strip()
    return '' if TYPE_NAME.match(name) else name


def describe(node):
    try:
        states = node.getState()
        return 'focusable' if states.contains(pyatspi.STATE_FOCUSABLE) else ''
    except Exception:
        return ''


def walk(node, path, found, depth=0, parent=None, in_combo=False):
    if node is None or depth > 200:
        return
    try:
        role = node.getRole()
        role_name = node.getRoleName()
    except Exception:
        return
    name = effective_name(node)
    here = '%s “%s”' % (role_name, name) if name else role_name
    if role in INTERACTIVE_ROLES and role not in SKIPPED_ROLES and not name:
        raw = (node.name or '').strip()
        entry = path + [here + (' (reported as “%s”)' % raw if raw else '')]
        hint = first_named_descendant(node)
        if role == pyatspi.ROLE_LIST_ITEM and in_combo:
            # libadwaita 1.2's combo row shows its current value in a list
            # that can take neither focus nor clicks: screen readers read the
            # named combo box around it, so it is listed but not counted.
            found.append((entry, hint, 'inside a named combo box'))
        else:
            found.append((entry, hint, describe(node)))
    # Only named ancestors help to find the node again.
    child_path = path + [here] if name and role != pyatspi.ROLE_APPLICATION else path
    for i in range(node.childCount):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        walk(child, child_path, found, depth + 1, node,
             in_combo or (role == pyatspi.ROLE_COMBO_BOX and bool(name)))


def first_named_descendant(node, depth=0):
    for i in range(node.childCount if depth < 6 else 0):
        try:
            child = node.getChildAtIndex(i)
            name = effective_name(child)
        except Exception:
            continue
        if name:
            return name
        name = first_named_descendant(child, depth + 1)
        if name:
            return name
    return None


def count_annotations(app):
    """The rows of the annotation list (the list named “Annotations”)."""
    def find(node, depth=0):
        if node is None or depth > 60:
            return None
        try:
            if node.getRole() == pyatspi.ROLE_LIST and node.name == 'Annotations':
                return node.childCount
            children = [node.getChildAtIndex(i) for i in range(node.childCount)]
        except Exception:
            return None
        for child in children:
            n = find(child, depth + 1)
            if n is not None:
                return n
        return None
    return find(app) or 1


def find_app(name, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.name == name and app.childCount > 0:
                    return app
            except Exception:
                pass
        time.sleep(0.5)
    return None


def main():
    parser = argparse.ArgumentParser(description='List unnamed interactive widgets of Byline (AT-SPI).')
    parser.add_argument('--attach', action='store_true', help='audit a running Byline instead of starting one')
    parser.add_argument('--builddir', default=os.path.join(SOURCE_ROOT, 'build-a11y'))
    parser.add_argument('--document', default=os.path.join(SOURCE_ROOT, 'data', 'samples', 'blinken-china-nbc.byline.json'))
    parser.add_argument('--app-name', default='byline', help='the AT-SPI application name (the program name)')
    parser.add_argument('--no-select', action='store_true', help='do not select the annotations in turn')
    parser.add_argument('--visit', type=int, default=0,
                        help='how many annotations to select in turn (default: all of the list)')
    parser.add_argument('--timeout', type=float, default=30)
    args = parser.parse_args()

    launcher = app_process = None
    try:
        if not args.attach:
            env = dict(os.environ)
            env.pop('GTK_A11Y', None)
            env.setdefault('GSK_RENDERER', 'cairo')
            env.setdefault('GTK_USE_PORTAL', '0')
            env.setdefault('GSETTINGS_BACKEND', 'memory')
            # Inside a fresh dbus-run-session nobody has started the
            # accessibility bus yet.
            if os.path.exists('/usr/libexec/at-spi-bus-launcher'):
                launcher = subprocess.Popen(['/usr/libexec/at-spi-bus-launcher', '--launch-immediately'],
                                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                time.sleep(1)
            program = os.path.join(os.path.abspath(args.builddir), 'src', 'gui', 'byline')
            app_process = subprocess.Popen(['meson', 'devenv', '-C', args.builddir, program,
                                            os.path.abspath(args.document)],
                                           env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                           start_new_session=True)
        app = find_app(args.app_name, args.timeout)
        if app is None:
            print('a11y-audit.py: no application “%s” on the accessibility bus' % args.app_name, file=sys.stderr)
            return 2
        results = {}    # path -> (flags, [states it was seen in])

        def audit(state):
            found = []
            walk(app, [], found)
            for path, hint, flags in found:
                key = ' › '.join(path)
                entry = results.setdefault(key, (flags, [], []))
                entry[1].append(state)
                if hint and hint not in entry[2]:
                    entry[2].append(hint)

        def key(keys, wait=1.0):
            subprocess.run(['xdotool', 'key'] + keys.split(), check=False)
            time.sleep(wait)

        if args.attach:
            audit('as it is')
        else:
            time.sleep(2)  # the document loads in a thread
            audit('document open')
            if shutil.which('xdotool') is None:
                print('a11y-audit.py: xdotool not found: only the first state is audited', file=sys.stderr)
            elif not args.no_select:
                # Every annotation in turn, so the inspector shows each
                # label's attributes.
                n = args.visit if args.visit > 0 else count_annotations(app)
                for i in range(n):
                    key('alt+Right', 0.6)
                    audit('annotation %d selected' % (i + 1))
                key('Menu')
                audit('label menu open')
                key('Escape')
                key('ctrl+f')
                audit('search bar open')
                key('Escape')

        real = 0
        for path, (flags, states, hints) in results.items():
            where = states[0] if len(states) == 1 else '%s, and %d more' % (states[0], len(states) - 1)
            shows = ' showing “%s”' % '”, “'.join(hints[:4]) + ('…' if len(hints) > 4 else '') if hints else ''
            print('%s%s   [%s%s]' % (path, shows, flags + '; ' if flags else '', where))
            if flags != 'inside a named combo box':
                real += 1
        print('%d interactive node(s) without a name (and %d inside a named combo box, not counted)'
              % (real, len(results) - real))
        return 1 if real else 0
    finally:
        if app_process is not None:
            try:
                os.killpg(app_process.pid, 15)
            except ProcessLookupError:
                pass
            app_process.wait()
        if launcher is not None:
            launcher.terminate()
            launcher.wait()


if __name__ == '__main__':
    sys.exit(main())
