#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Translation helper for Qt Linguist .ts files.

  ts_fill.py list FILE.ts            print unfinished source texts, one JSON string a line
  ts_fill.py fill FILE.ts PAIRS.json fill unfinished entries from {"source": "translation"}

After `fill`, run the update_translations target once more so lupdate normalises the file.
"""
import json
import sys
import xml.etree.ElementTree as ET


def unfinished(root):
    for msg in root.iter("message"):
        tr = msg.find("translation")
        if tr is not None and tr.get("type") == "unfinished":
            yield msg, tr


def main(argv):
    if len(argv) < 3 or argv[1] not in ("list", "fill"):
        print(__doc__, file=sys.stderr)
        return 2
    tree = ET.parse(argv[2])
    root = tree.getroot()
    if argv[1] == "list":
        seen = set()
        for msg, _ in unfinished(root):
            src = msg.findtext("source")
            if src not in seen:
                seen.add(src)
                print(json.dumps(src, ensure_ascii=False))
        return 0
    with open(argv[3], encoding="utf-8") as f:
        pairs = json.load(f)
    filled = missing = 0
    for msg, tr in unfinished(root):
        src = msg.findtext("source")
        if src in pairs:
            if msg.get("numerus") == "yes":
                for child in list(tr):
                    tr.remove(child)
                form = ET.SubElement(tr, "numerusform")
                form.text = pairs[src]
            else:
                tr.text = pairs[src]
            del tr.attrib["type"]
            filled += 1
        else:
            missing += 1
    tree.write(argv[2], encoding="utf-8", xml_declaration=True)
    print(f"filled {filled}, still unfinished {missing}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
