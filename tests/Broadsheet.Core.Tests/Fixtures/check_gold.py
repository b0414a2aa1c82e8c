#!/usr/bin/env python3
"""Mechanical check of the fixture golds (run from anywhere: python3 check_gold.py).

For each DUMP.txt / DUMP.gold.json pair:
- complete: every Han character of the dump is covered by some gold text (paragraphs, headline parts,
  column, byline names/roles, bylineRaw, dateline raw, jump raw, page banner/furniture) or by a line
  listed in EXTRA below;
- faithful: every gold paragraph, headline part, column, byline name, bylineRaw and dateline raw occurs in
  the dump (whitespace removed; bold doubling collapsed); a paragraph joined across a jump may be two pieces;
- contract: paragraphs hold no whitespace, no dateline prefix, no jump markers; dateline dates agree with
  their raw text and the issue date; kinds are from the contract.
Exit code 1 and a message per problem when anything fails.
"""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = [
    ("jining-daily-2022-08-08/page-01.txt", "jining-daily-2022-08-08/page-01.gold.json"),
    ("jining-daily-2022-08-08/page-02.txt", "jining-daily-2022-08-08/page-02.gold.json"),
    ("jining-daily-2022-08-08/issue.txt", "jining-daily-2022-08-08/issue.gold.json"),
    ("another-paper/page-01.txt", "another-paper/page-01.gold.json"),
]
# Text of the reference page that its (shared, unmodified) gold has no field for.
PAGE1_EXTRA = ["编辑整理", "本报嘉祥8月7日讯", "本报汶上讯", "本报泗水讯",
               "（下转2版A）", "（下转2版B）", "（下转2版C）"]
EXTRA = {
    "jining-daily-2022-08-08/page-01.txt": PAGE1_EXTRA,
    "jining-daily-2022-08-08/issue.txt": PAGE1_EXTRA + ["（上接1版A）", "（上接1版B）", "（上接1版C）"],
}
# Labels the contract turns into fields of their own (kind editorsNote) rather than text.
LABELS = ["编者按："]
KINDS = {"article", "brief", "commentary", "photo", "editorsNote"}
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
WS = re.compile(r"\s+")
CN_NUM = {c: i for i, c in enumerate("〇一二三四五六七八九")}


def norm(s): return WS.sub("", s or "")


def undouble(s):
    """Collapse bold doubling: a run written twice in a row (XYXY → XY, ““ → “)."""
    out, i = [], 0
    while i < len(s):
        for n in range(min(12, (len(s) - i) // 2), 0, -1):
            if s[i:i + n] == s[i + n:i + 2 * n]:
                out.append(s[i:i + n]); i += 2 * n; break
        else:
            out.append(s[i]); i += 1
    return "".join(out)


def cn_int(s):
    s = s.translate({ord(c): ord("0") + i for i, c in enumerate("０１２３４５６７８９")})
    if s.isdigit(): return int(s)
    if s == "十": return 10
    if s.startswith("十"): return 10 + CN_NUM[s[1]]
    if "十" in s:
        a, b = s.split("十"); return CN_NUM[a] * 10 + (CN_NUM[b] if b else 0)
    return CN_NUM[s]


def dateline_date(raw, issue_date):
    m = re.search(r"(?:([0-9０-９〇一二三四五六七八九十]+)月)?([0-9０-９〇一二三四五六七八九十]+)日[讯电]", raw)
    if not m: return None
    y, mo, _ = issue_date.split("-")
    month = cn_int(m.group(1)) if m.group(1) else int(mo)
    return f"{y}-{month:02d}-{cn_int(m.group(2)):02d}"


def texts(gold, stream):
    """Every string the gold places, for the completeness check; a paragraph joined back across a jump
    counts as its two printed halves."""
    out = []
    for p in gold.get("issue", {}).get("pages", []):
        out += [p.get("banner") or ""] + list(p.get("furniture") or [])
    for a in gold["articles"]:
        out += a.get("paragraphs") or []
        out += a.get("headline") or []
        out += [a.get(k) or "" for k in ("kicker", "title", "subtitle", "column", "bylineRaw")]
        for b in a.get("byline") or []: out += [b.get("name") or "", b.get("role") or ""]
        out += [(a.get("dateline") or {}).get("raw") or ""]
        for k in ("continuesTo", "continuedFrom"): out += [(a.get(k) or {}).get("raw") or ""]
    res = []
    for t in map(norm, out):
        if t and t not in stream and t not in norm(undouble(stream)):
            k = next((k for k in range(len(t) - 1, 0, -1) if t[:k] in stream and t[k:] in stream), None)
            if k: res += [t[:k], t[k:]]; continue
        if t: res.append(t)
    return res


def occurs(piece, stream):
    """piece occurs in stream, whole or (for jump-joined paragraphs) as two consecutive-in-meaning halves."""
    if piece in stream: return True
    return any(piece[:k] in stream and piece[k:] in stream for k in range(8, len(piece) - 7))


def check(txt_rel, gold_rel):
    errs = []
    raw = open(os.path.join(HERE, txt_rel), encoding="utf-8").read()
    gold = json.load(open(os.path.join(HERE, gold_rel), encoding="utf-8"))
    issue_date = gold["issue"]["date"]
    stream = norm(raw)
    stream_u = norm(undouble(WS.sub(" ", raw)))

    # completeness: strike out every placed string (longest first); no Han may remain
    rest = stream
    placed = texts(gold, stream)
    for line in raw.split("\n"):   # bold-doubled banner lines are placed once, collapsed
        n = norm(line)
        if n and undouble(n) != n and undouble(n) in placed: rest = rest.replace(n, "\0")
    for t in sorted(set(placed + LABELS + [norm(x) for x in EXTRA.get(txt_rel, [])]), key=len, reverse=True):
        rest = rest.replace(t, "\0")
    left = [m for m in re.split("\0", rest) if HAN.search(m)]
    for m in left: errs.append(f"not in gold: {m[:40]}")

    # faithfulness + contract
    for i, a in enumerate(gold["articles"]):
        tag = f"article {i} ({(a.get('headline') or [a.get('kind')])[0]})"
        if a.get("kind", "article") not in KINDS: errs.append(f"{tag}: kind {a.get('kind')}")
        for p in a.get("paragraphs") or []:
            crosshead = len(p) <= 16 and p[-1] not in "。！？”…）"   # keeps its printed phrase space
            if WS.search(p) and not crosshead and not re.search(r"[A-Za-z] [A-Za-z]", p): errs.append(f"{tag}: whitespace in paragraph {p[:20]}")
            if re.match(r"(本报|新华社|编者按)", p): errs.append(f"{tag}: prefix left in paragraph {p[:20]}")
            if re.search(r"[（(](下转|上接)", p): errs.append(f"{tag}: jump marker in paragraph")
            if not occurs(norm(p), stream): errs.append(f"{tag}: paragraph not in dump: {p[:30]}")
        for h in (a.get("headline") or []) + [a.get("column") or ""]:
            if norm(h) and norm(h) not in stream and norm(h) not in stream_u: errs.append(f"{tag}: not in dump: {h}")
        for b in a.get("byline") or []:
            if norm(b["name"]) not in stream: errs.append(f"{tag}: byline name not in dump: {b['name']}")
            if b.get("role") and b["role"] not in stream: errs.append(f"{tag}: role not in dump: {b['role']}")
        if a.get("bylineRaw") and norm(a["bylineRaw"]) not in stream: errs.append(f"{tag}: bylineRaw not in dump")
        d = a.get("dateline")
        if d and d.get("raw"):
            if norm(d["raw"]) not in stream: errs.append(f"{tag}: dateline raw not in dump")
            if d.get("place") and d["place"] not in d["raw"]: errs.append(f"{tag}: dateline place not in raw")
            if d.get("date") != dateline_date(d["raw"], issue_date): errs.append(f"{tag}: dateline date {d.get('date')} vs raw {d['raw']}")
        for k, word in (("continuesTo", "下转"), ("continuedFrom", "上接")):
            j = a.get(k)
            if j and j.get("raw"):
                if j["raw"] not in stream: errs.append(f"{tag}: {k} raw not in dump")
                if j["raw"] != f"（{word}{j['page']}版{j['section']}）": errs.append(f"{tag}: {k} fields disagree with raw")
        pages = a.get("pages")
        if pages is not None and (pages[0] != a.get("page") or pages != sorted(set(pages))): errs.append(f"{tag}: pages {pages}")
    return errs


def main():
    bad = 0
    for t, g in CASES:
        errs = check(t, g)
        n = len(json.load(open(os.path.join(HERE, g), encoding="utf-8"))["articles"])
        print(f"{t}: {n} articles, {'ok' if not errs else str(len(errs)) + ' problems'}")
        for e in errs: print("  " + e)
        bad += len(errs)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
