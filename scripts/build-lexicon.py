#!/usr/bin/env python3
"""Build assets/lexicon/given-names.tsv: given names with a gender hint.

Sources (see NOTICE): the US Census 1990 given-name lists (public domain), the
lists of given names from many languages written for byline
(assets/lexicon/world-given-names.tsv and more-given-names.tsv, CC0), and the
first tokens of multi-token person names in the NER training splits under
../shared/data/ner/ (GermEval 2014, GUM, WikiGold; CC BY). A training-data name
is kept only when the word is the first token of a person name in at least half
of its occurrences, so that ordinary capitalised nouns do not slip in; a census
name is dropped when the training data uses it mostly for something else ("In",
"May", "Tod", "Art"). So is a name of the written list, and one the training
text writes in lower case (a common word: "rose", "frank").

usage: scripts/build-lexicon.py [SHARED_DATA_DIR] > assets/lexicon/given-names.tsv
"""
import collections
import os
import sys

data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../../shared/data")


def census(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                out[parts[0].capitalize()] = float(parts[1])
    return out


male = census(os.path.join(data, "names/dist.male.first"))
female = census(os.path.join(data, "names/dist.female.first"))

first_in_person = collections.Counter()
in_person = collections.Counter()
seen = collections.Counter()
for rel in ("ner/germeval2014/train.tsv", "ner/gum/train.tsv", "ner/wikigold/train.tsv"):
    sentence = []
    with open(os.path.join(data, rel), encoding="utf-8") as f:
        for line in list(f) + [""]:
            line = line.rstrip("\n")
            if line.startswith("# ") and "\t" not in line:
                continue
            if not line.strip():
                for i, (tok, tag) in enumerate(sentence):
                    seen[tok] += 1
                    if tag in ("B-PER", "I-PER"):
                        in_person[tok] += 1
                    nxt = sentence[i + 1][1] if i + 1 < len(sentence) else "O"
                    if tag == "B-PER" and nxt == "I-PER":
                        first_in_person[tok] += 1
                sentence = []
                continue
            tok, tag = line.split("\t")[:2]
            sentence.append((tok, tag))

def common_word(tok):
    """A word the training data mostly uses for something else than a
    name ("In", "So", "May", "Tod", "Art"): the census lists hold many."""
    return seen[tok] >= 3 and in_person[tok] / seen[tok] < 0.25


names = {}
for name in set(male) | set(female):
    if common_word(name):
        continue
    m, f = male.get(name, 0.0), female.get(name, 0.0)
    names[name] = "m" if m > 2 * f else "f" if f > 2 * m else "u"
lower_seen = collections.Counter()
for tok, n in seen.items():
    if tok[:1].islower():
        lower_seen[tok] += n
# The second list holds names found missing on reading new articles; it is
# kept apart because the tagger's models are trained with the first one only
# (retrained with both, GUM dev fell 2.2 points, within its seed noise).
for written in ("world-given-names.tsv", "more-given-names.tsv"):
    path = os.path.join(os.path.dirname(__file__), "../assets/lexicon", written)
    with open(path, encoding="utf-8") as f:
        for line in f:
            name, _, gender = line.rstrip("\n").partition("\t")
            if not name or common_word(name) or lower_seen[name.lower()] > 0:
                continue
            if name not in names:
                names[name] = gender if gender in ("m", "f") else "u"
for tok, n in first_in_person.items():
    if len(tok) < 2 or not tok[0].isupper() or not tok.replace("-", "").isalpha():
        continue
    if n / seen[tok] >= 0.5 and tok not in names:
        names[tok] = "u"

for name in sorted(names):
    print(f"{name}\t{names[name]}")
