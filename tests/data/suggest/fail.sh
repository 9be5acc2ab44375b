# A fake model that fails without reading its input, as a model that
# cannot load does.
echo "Loading xx_fake_model..." >&2
echo "OSError: [E050] Can't find model 'xx_fake_model'." >&2
exit 3
