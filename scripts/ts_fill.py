#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Translation helper for Qt Linguist .ts files.

  ts_fill.py list FILE.ts            print unfinished source texts, one JSON string a line
  ts_fill.py fill FILE.ts PAIRS.json fill unfinished entries from {"source": "translation"}
  ts_fill.py en-plurals FILE.ts      fill the unfinished plural (%n, %Ln) entries of the English
                                     catalogue with singular and plural forms of the source

The English catalogue needs only its plural entries: every other English text is its own
source. A source writes its plural as "day(s)" or as the plural ("%n discrepancies"); the
singular is derived from the word that follows %n (see SINGULAR below).

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


# Plural word after %n -> singular, for sources that spell the plural out.
SINGULAR = {
    "discrepancies": "discrepancy",
    "orders": "order",
    "refunds": "refund",
    "callbacks": "callback",
    "need": "needs",
}
# Whole sentences whose singular changes more than one word.
OVERRIDES = {
    "%n query(s) got no usable answer from WeChat Pay; they stay queued and are tried again "
    "later.": (
        "%n query got no usable answer from WeChat Pay; it stays queued and is tried again "
        "later.",
        "%n queries got no usable answer from WeChat Pay; they stay queued and are tried "
        "again later.",
    ),
}
# "word(s)" whose plural is not word + "s".
IRREGULAR = {"query": "queries", "discrepancy": "discrepancies"}


def english_forms(source):
    """(singular, plural) of a %n source, or None when no rule applies."""
    import re

    if source in OVERRIDES:
        return OVERRIDES[source]

    def paren(m):
        word = m.group(1)
        return word, IRREGULAR.get(word, word + "s")

    if "(s)" in source:
        one = re.sub(r"(\w+)\(s\)", lambda m: paren(m)[0], source)
        many = re.sub(r"(\w+)\(s\)", lambda m: paren(m)[1], source)
        return one, many
    m = re.search(r"%L?n (\w+)", source)
    if not m:
        return source, source
    word = m.group(1)
    if word in SINGULAR:
        one = source[: m.start(1)] + SINGULAR[word] + source[m.end(1):]
        return one, source
    return source, source  # "%n pending", "%n lost": the same for one and many


def en_plurals(root):
    filled = 0
    for msg, tr in unfinished(root):
        if msg.get("numerus") != "yes":
            continue
        forms = english_forms(msg.findtext("source"))
        for child in list(tr):
            tr.remove(child)
        for text in forms:
            ET.SubElement(tr, "numerusform").text = text
        del tr.attrib["type"]
        filled += 1
    return filled


def main(argv):
    if len(argv) >= 3 and argv[1] == "en-plurals":
        tree = ET.parse(argv[2])
        filled = en_plurals(tree.getroot())
        tree.write(argv[2], encoding="utf-8", xml_declaration=True)
        print(f"filled {filled} plural entries", file=sys.stderr)
        return 0
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
