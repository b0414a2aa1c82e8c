#!/usr/bin/env python3
"""How well the deck-field rule of src/Broadsheet.Core/Assembly/DeckFields.cs cuts `-raw` decks into their fields.

Finds each gold story's kicker, title and subtitle as consecutive lines of its rendered `-raw` dump, then cuts those
lines into fields with a replica of the rule (same weights) and counts decks cut exactly. Tuning month only:
    python3 tools/corpus/deck-fields.py /work/notes/render/2019-10-seed1/pdf-raw
"""
import glob, json, re, sys

PAIR_FOUND, PAIR_MISSING, PAIR_MISSING_FULL_NEXT, FULL_NEXT_SHARE = 2.9, -0.6, -1.5, 0.8
FIELD_COST, WIDTH_TOLERANCE, LAST_OVER = 1.0, 1.5, 1.0  # em
NARROW = set('（）“”‘’《》·')


def norm(s):
    return re.sub(r'\s+', '', s or '')


def width(s):
    return sum(0.5 if ord(c) < 128 or c in NARROW else 1 for c in s if not c.isspace())


def ends_field(a):
    return a.endswith('——') or a[-1] in '：:' or (a[0] in '（(' and a[-1] in '）)')


def fields(lines, pairs):
    n, w = len(lines), [width(l) for l in lines]
    best, back = [float('-inf')] * (n + 1), [0] * (n + 1)
    best[0] = 0
    for j in range(1, n + 1):
        for i in range(j):
            if any(ends_field(lines[k]) or lines[k + 1].startswith('—') for k in range(i, j - 1)):
                continue
            full = w[i:j - 1]
            if full and (max(full) - min(full) > WIDTH_TOLERANCE or w[j - 1] > max(full) + LAST_OVER):
                continue
            s = best[i] - FIELD_COST
            for k in range(i, j - 1):
                if lines[k][-1] + lines[k + 1][0] in pairs: s += PAIR_FOUND
                else: s += PAIR_MISSING if w[k + 1] < FULL_NEXT_SHARE * w[k] else PAIR_MISSING_FULL_NEXT
            if s > best[j]:
                best[j], back[j] = s, i
    cut, j = [], n
    while j > 0:
        cut.append((back[j], j)); j = back[j]
    return cut[::-1]


def main(folder):
    decks = exact = one_a_line = 0
    for gf in sorted(glob.glob(f'{folder}/*.gold.json')):
        gold = json.load(open(gf))
        lines = [l.strip() for l in open(gf[:-len('.gold.json')] + '.txt').read().replace('\f', '\n').split('\n')]
        flat = [norm(l) for l in lines]
        pairs = set()
        for a in gold['articles']:
            for p in a['paragraphs']:
                p = norm(p); pairs.update(p[i:i + 2] for i in range(len(p) - 1))
        for a in gold['articles']:
            spans = []
            for f in ('kicker', 'title', 'subtitle'):
                t = norm(a.get(f))
                if not t: continue
                span = None
                for i, l in enumerate(flat):
                    if not l or not t.startswith(l): continue
                    acc, j = '', i
                    while j < len(flat) and len(acc) < len(t) and t.startswith(acc + flat[j]): acc += flat[j]; j += 1
                    if acc == t: span = (i, j); break
                spans.append(span)
            if not spans or None in spans or any(spans[k][0] != spans[k - 1][1] for k in range(1, len(spans))): continue
            start = spans[0][0]
            deck = lines[start:spans[-1][1]]
            want = [(s - start, e - start) for s, e in spans]
            decks += 1
            exact += fields(deck, pairs) == want
            one_a_line += want == [(k, k + 1) for k in range(len(deck))]
    print(f'{decks} decks; cut exactly: {100 * exact / decks:.1f} %; one field a line would be: {100 * one_a_line / decks:.1f} %')


if __name__ == '__main__':
    main(sys.argv[1])
