#!/bin/sh
# check-potfiles.sh SRCROOT: fails when a .c or .ui file under src/ or ui/
# has translatable strings (_(, N_(, C_(, NC_( or translatable="yes") but
# is not listed in po/POTFILES.in, or when POTFILES.in lists a file that
# does not exist (xgettext would stop at it).
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

srcroot=${1:-.}
potfiles="$srcroot/po/POTFILES.in"
status=0

if [ ! -f "$potfiles" ]; then
  echo "missing $potfiles"
  exit 1
fi

listed=$(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$potfiles")

for file in $listed; do
  if [ ! -f "$srcroot/$file" ]; then
    echo "po/POTFILES.in lists $file, which does not exist"
    status=1
  fi
done

cd "$srcroot" || exit 1

for file in $(find src ui \( -name '*.c' -o -name '*.ui' \) -type f | LC_ALL=C sort); do
  if grep -q -E '(^|[^A-Za-z0-9_])N?C?_\(|translatable="yes"' "$file"; then
    if ! printf '%s\n' "$listed" | grep -q -x -F "$file"; then
      echo "$file has translatable strings but is not in po/POTFILES.in"
      status=1
    fi
  fi
done

if [ $status -eq 0 ]; then
  echo "po/POTFILES.in is complete"
fi

exit $status
