"""Fill a French catalogue from a {English: French} table (a YAML file), keeping what
translators already wrote. Usage: python tools/translate_fr.py CATALOGUE.po TABLE.yaml"""

from __future__ import annotations

import sys

import polib
import yaml


def main(catalogue: str, table_path: str) -> None:
    with open(table_path, encoding="utf-8") as handle:
        table = yaml.safe_load(handle)
    po = polib.pofile(catalogue)
    missing = []
    for entry in po:
        if entry.msgid_plural:
            forms = table.get(entry.msgid)
            guessed = "fuzzy" in entry.flags  # a neighbour's forms: never kept either
            if isinstance(forms, list) and (guessed or not any(entry.msgstr_plural.values())):
                entry.msgstr_plural = {0: forms[0], 1: forms[1]}
        elif not entry.msgstr or "fuzzy" in entry.flags:
            # a fuzzy msgstr is gettext's guess from a neighbouring string: never kept
            entry.msgstr = table.get(entry.msgid, "")
            if not entry.msgstr:
                missing.append(entry.msgid)
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
            entry.previous_msgid = None
    po.save()
    po.save_as_mofile(catalogue[:-3] + ".mo")
    for msgid in missing:
        print(f"untranslated: {msgid!r}", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:3])
