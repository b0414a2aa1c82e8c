#!/usr/bin/env python3
"""Builds the scorer parity cases (hand-made predictions from the golds) and records what
tools/score-articles.py says about each, plus difflib.SequenceMatcher results on random strings.

usage: python3 make_cases.py   (from anywhere; rewrites cases/*.json, expected.json, sequence-matcher.json)
The C# port (tests/Broadsheet.Core.Tests/Scoring) must reproduce expected.json to ±0.05 per printed number.
"""
import copy, json, os, random, re, subprocess, sys
from difflib import SequenceMatcher

HERE = os.path.dirname(os.path.abspath(__file__))
FIX = os.path.dirname(HERE)
REPO = os.path.abspath(os.path.join(FIX, "..", "..", ".."))
SCORER = os.path.join(REPO, "tools", "score-articles.py")
CASES = os.path.join(HERE, "cases")
os.makedirs(CASES, exist_ok=True)

def load(rel): return json.load(open(os.path.join(FIX, rel), encoding="utf-8"))
P1, P2 = "jining-daily-2022-08-08/page-01.gold.json", "jining-daily-2022-08-08/page-02.gold.json"
ISSUE, OTHER = "jining-daily-2022-08-08/issue.gold.json", "another-paper/page-01.gold.json"
rnd = random.Random(20220808)

def model_shape(a):
    """The parser's shape: kicker/title/subtitle instead of a headline list."""
    a = copy.deepcopy(a)
    h = a.pop("headline", [])
    a["kicker"], a["title"], a["subtitle"] = (None, h[0] if h else None, "".join(h[1:]) or None) if len(h) < 3 else (h[0], h[1], "".join(h[2:]))
    return a

def arts(rel): return copy.deepcopy(load(rel)["articles"])

cases = {}
def case(name, gold_rel, articles):
    path = os.path.join(CASES, name + ".json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"articles": articles}, f, ensure_ascii=False, indent=1); f.write("\n")
    cases[name] = gold_rel

# the gold itself, in the parser's shape, shuffled
a = [model_shape(x) for x in arts(P2)]; rnd.shuffle(a); case("p2-self-model-shape", P2, a)
# a missing article
a = arts(P2); del a[5]; case("p2-missing-article", P2, a)
# a wrong title, and a headline with the deck split differently (must not matter)
a = arts(P2); a[0]["headline"] = ["曲阜研学游火了"]; a[6] = model_shape(a[6]); case("p2-wrong-title", P2, a)
# an article split in two
a = arts(P1); s = a[5]; s2 = copy.deepcopy(s); s["paragraphs"] = s["paragraphs"][:2]; s2["paragraphs"] = s2["paragraphs"][2:]; s2["headline"] = []
a.insert(6, s2); case("p1-split", P1, a)
# two articles merged into one
a = arts(P1); a[3]["paragraphs"] += a[4]["paragraphs"]; del a[4]; case("p1-merged", P1, a)
# junk predictions (furniture taken for articles)
a = arts(P2) + [{"kind": "article", "title": t, "paragraphs": [t]} for t in ["本版责编：孙琳", "电话：0537-2968135", "喜迎二十大喜迎二十大"]]
case("p2-extra-junk", P2, a)
# every field wrong somewhere
a = arts(P2)
a[0]["byline"] = a[0]["byline"][:1] + [{"name": "颜 婷婷", "role": "记者"}]
a[0]["column"] = "文旅新气象"            # contained in the gold column: full marks
a[1]["column"] = "喜迎二十大"            # gold has none: half marks
a[5]["dateline"] = {"place": "北京", "date": "2022-08-08"}
a[6]["kind"] = "article"; a[6]["column"] = "评论"
a[2]["paragraphs"] = ["".join(a[2]["paragraphs"])]
a[3]["continuesTo"] = {"page": "2", "section": "A"}
case("p2-fields", P2, a)
# jumps not followed: page 1 and page 2 parsed apart, scored against the merged issue
a = arts(P1) + arts(P2); case("issue-unmerged", ISSUE, a)
a = arts(ISSUE); a[1]["continuesTo"] = {"page": 2.0, "section": " C "}; a[2]["continuesTo"] = {}; case("issue-jump-values", ISSUE, a)
# noisy text: characters dropped and inserted, spaces and newlines put in
a = arts(OTHER)
for x in a:
    ps = []
    for p in x["paragraphs"]:
        cs = list(p)
        for _ in range(len(cs) // 12):
            i = rnd.randrange(len(cs))
            if rnd.random() < 0.5: del cs[i]
            else: cs.insert(i, rnd.choice("的一是在不了有和人这中大为上个国我以要他"))
        ps.append(" ".join(["".join(cs[:10]), "".join(cs[10:])]) + "\n")
    x["paragraphs"] = ps
case("other-noisy", OTHER, a)
# heavy noise on some: below the 90% rule
a = arts(OTHER)
a[0]["paragraphs"] = [p[: len(p) // 2] for p in a[0]["paragraphs"]]
a[3]["paragraphs"] = a[3]["paragraphs"] + ["这是一段多出来的文字，来自相邻的稿件，不应属于这篇报道。" * 3]
case("other-partial", OTHER, a)
# coverage either side of the 90% rule
a = arts(P2)
def cut(x, frac):
    body = "".join(x["paragraphs"]); keep = int(len(body) * frac); out, n = [], 0
    for p in x["paragraphs"]:
        if n + len(p) <= keep: out.append(p)
        elif n < keep: out.append(p[: keep - n])
        n += len(p)
    x["paragraphs"] = out
cut(a[0], 0.85); cut(a[2], 0.93); cut(a[3], 0.895); cut(a[4], 0.905)
a[5]["paragraphs"].append("据悉，本届博览会共吸引全国各地参展企业一千余家。")
a[6]["paragraphs"].append("记者")
case("p2-coverage-edges", P2, a)
case("empty", P1, [])
a = [{"paragraphs": []}, {"kind": "photo"}] + arts(P1)[:2]; case("p1-degenerate", P1, a)

# Recorded parser outputs (the skeleton's placeholder parser, via `broadsheet parse`): messy real predictions.
for name, gold_rel in [("placeholder-jining-daily-2022-08-08-page-02", P2), ("placeholder-jining-daily-2022-08-08-issue", ISSUE),
                       ("placeholder-another-paper-page-01", OTHER)]:
    if os.path.exists(os.path.join(CASES, name + ".json")): cases[name] = gold_rel

expected = {}
for name, gold_rel in sorted(cases.items()):
    out = subprocess.run([sys.executable, SCORER, os.path.join(CASES, name + ".json"), os.path.join(FIX, gold_rel)],
                         capture_output=True, text=True, check=True).stdout
    lines = out.strip().split("\n")
    per = []
    for l in lines:
        m = re.match(r"gold (\d+): (MISSING|ok |SPLIT/MERGED)\s*([\d.]+)?", l)
        if m: per.append({"missing": m.group(2) == "MISSING", "found": m.group(2).strip() == "ok",
                          "score": None if m.group(2) == "MISSING" else float(m.group(3))})
    found, n, pred, extra = map(int, re.match(r"articles: (\d+)/(\d+) found, (\d+) predicted, (\d+) unmatched", lines[-2]).groups())
    expected[name] = {"gold": gold_rel, "articles": per, "found": found, "predicted": pred, "unmatched": extra,
                      "score": float(re.match(r"score: ([\d.]+)/100", lines[-1]).group(1))}
    print(f"{name:22} {lines[-1]}  ({lines[-2]})")
with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as f:
    json.dump(expected, f, ensure_ascii=False, indent=1); f.write("\n")

# difflib on random strings from small alphabets (many ties: exercises tie-breaking and the recursion)
seq = []
for n in range(300):
    alpha = rnd.choice(["ab", "abc", "的一是", "甲乙丙丁", "ab\U00020000", "0123456789。，"])
    x = "".join(rnd.choice(alpha) for _ in range(rnd.randrange(0, 40)))
    y = "".join(rnd.choice(alpha) for _ in range(rnd.randrange(0, 40)))
    sm = SequenceMatcher(None, x, y, autojunk=False)
    seq.append({"a": x, "b": y, "blocks": [list(b) for b in sm.get_matching_blocks()], "ratio": sm.ratio()})
# and real text against a perturbed copy
g = load(P1)["articles"]
for a in g[:4]:
    x = "".join(a["paragraphs"]); y = x[50:] + x[:50]
    sm = SequenceMatcher(None, x, y, autojunk=False)
    seq.append({"a": x, "b": y, "blocks": [list(b) for b in sm.get_matching_blocks()], "ratio": sm.ratio()})
with open(os.path.join(HERE, "sequence-matcher.json"), "w", encoding="utf-8") as f:
    json.dump(seq, f, ensure_ascii=False); f.write("\n")
print(f"{len(seq)} SequenceMatcher cases")
