import json, copy, sys, os
sys.path.insert(0, os.path.dirname(__file__))
import page02, another
"""Writes page-02, issue and another-paper dumps and golds from the content in page02.py / another.py.
usage: python3 make/build.py   (then run check_gold.py; page-01 is the shared reference and is only read)"""
FIX = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
J = os.path.join(FIX, "jining-daily-2022-08-08")
A = os.path.join(FIX, "another-paper")
os.makedirs(A, exist_ok=True)

def dump(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=1); f.write("\n")

def write(path, s):
    with open(path, "w", encoding="utf-8", newline="\n") as f: f.write(s)

p2 = page02.text()
write(os.path.join(J, "page-02.txt"), p2)
issue2 = {"number": 2, "banner": None, "furniture": [page02.RUNNING_HEAD] + page02.FURNITURE_TAIL}
dump(os.path.join(J, "page-02.gold.json"), {
    "source": "page-02.txt",
    "issue": {"paper": "济宁日报", "date": "2022-08-08", "pages": [issue2]},
    "articles": page02.gold()})

# two-page issue: page 1 + form feed + page 2; jumps merged
p1 = open(os.path.join(J, "page-01.txt"), encoding="utf-8").read()
write(os.path.join(J, "issue.txt"), p1 + "\f" + p2)
g1 = json.load(open(os.path.join(J, "page-01.gold.json"), encoding="utf-8"))
CLOSERS = "。！？”』…）"
arts = []
for a in g1["articles"]:
    a = copy.deepcopy(a)
    keys = list(a.keys())
    a["pages"] = [1]
    j = a.get("continuesTo")
    if j:
        cont = page02.JUMPS[j["section"]]
        paras = a["paragraphs"]
        if paras[-1][-1] in CLOSERS:
            paras += cont
        else:   # the paragraph cut by the jump is joined back
            paras[-1] += cont[0]; paras += cont[1:]
        a["pages"] = [1, 2]
    order = ["page", "pages"] + [k for k in keys if k != "page"]
    arts.append({k: a[k] for k in order if k in a})
arts += [a for a in page02.gold() if "continuedFrom" not in a]
pages1 = g1["issue"]["pages"][0]
dump(os.path.join(J, "issue.gold.json"), {
    "source": "issue.txt",
    "issue": {"paper": "济宁日报", "date": "2022-08-08", "pages": [pages1, issue2]},
    "articles": arts})

write(os.path.join(A, "page-01.txt"), another.text())
dump(os.path.join(A, "page-01.gold.json"), {
    "source": "page-01.txt",
    "issue": {"paper": "another-paper", "date": "2022-08-08",
              "pages": [{"number": 1, "banner": None, "furniture": [another.MASTHEAD, another.EDITIONS, another.TAIL]}]},
    "articles": another.gold()})
print("ok")
