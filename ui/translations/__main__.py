"""`python -m ui.translations update [--check]`: bring every Linguist file up to date with the
messages in the code. `python -m ui.translations missing`: list the keys without words.

update, per language file:
- a key in the code but not in the file is added, unfinished, with its Chinese as the comment;
- a key whose Chinese changed gets the new Chinese and turns unfinished: its old words stay
  for the translator to check, but are not shown until confirmed in Qt Linguist;
- a key gone from the code is kept, marked vanished (as lupdate does), never dropped silently;
  it comes back as it was if the key returns.
(ui/translations/__init__.py: updated() and missing().)
`--check` changes nothing and exits 1 when the file is out of date (for CI).
"""

from __future__ import annotations

import argparse
import sys

from ui.translations import FILES, VANISHED, missing, path_for, read, render, updated
from ui.translations.registry import all_messages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.translations", description=__doc__)
    parser.add_argument("command", choices=("update", "missing"))
    parser.add_argument("--check", action="store_true", help="update: only report, exit 1")
    args = parser.parse_args(argv)
    messages = all_messages()
    status = 0
    for language in FILES:
        path = path_for(language)
        file_language, entries = read(path) if path.exists() else (language, {})
        if args.command == "missing":
            lacking = missing(entries, messages)
            for key, why in lacking.items():
                print(f"{language}\t{key}\t{why}\t{messages[key].zh}")
            print(f"{path.name}: {len(lacking)} of {len(messages)} keys without words")
            status = status or int(bool(lacking))
            continue
        new = updated(entries, messages)
        text = render(file_language or language, new)
        if path.exists() and path.read_text(encoding="utf-8") == text:
            print(f"{path.name}: up to date ({len(new)} messages)")
            continue
        added = sorted(new.keys() - entries.keys())
        vanished = sorted(k for k, e in new.items() if e.state == VANISHED)
        print(f"{path.name}: {len(added)} added, {len(vanished)} vanished: {added + vanished}")
        if args.check:
            status = 1
        else:
            path.write_text(text, encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main())
