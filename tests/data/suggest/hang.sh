# A fake model that never finishes. It starts a child, as scripts do, and
# writes its own process id and the child's to the file $1 (if given).
sleep 1000 &
child=$!
if [ -n "$1" ]; then
  echo $$ > "$1.tmp"
  echo $child >> "$1.tmp"
  mv "$1.tmp" "$1"
fi
wait
