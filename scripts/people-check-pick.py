#!/usr/bin/env python3
"""Pick the articles of the independent people check (tests/data/people-check): a fixed-seed weighted sample of the
parser corpus (../shared/corpus/people-daily), weighted away from the front pages, where names stand behind official
titles, towards the inside pages (features, culture, sports, local reports, letters, the literature supplement), where
they stand bare. Articles of 150–2,500 characters only, so that the whole sample can be read and annotated by hand.
  python3 scripts/people-check-pick.py ../shared/corpus/people-daily/people-daily-2019-10.jsonl.gz [N] [SEED]
Prints one article a line: id (date-page-seq), then its text (paragraphs joined by newlines, escaped as \\n)."""
import gzip, json, random, sys

path = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 60
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 15
articles = []
with gzip.open(path, "rt", encoding="utf-8") as f:
    for line in f:
        a = json.loads(line)
        text = "\n".join(a["paragraphs"])
        if not 150 <= len(text) <= 2500:
            continue
        weight = 1 if a["page"] == 1 else 2 if a["page"] <= 4 else 6
        articles.append((f'{a["date"]}-{a["page"]}-{a["seq"]}', text, weight))
rng = random.Random(seed)
# Weighted sampling without replacement (Efraimidis–Spirakis keys), so the pick does not depend on the file's order.
picked = sorted(articles, key=lambda a: rng.random() ** (1 / a[2]), reverse=True)[:count]
for id_, text, _ in sorted(picked):
    print(id_ + "\t" + text.replace("\n", "\\n"))
