"""Dump-style layout helpers: wrap paragraphs at a column width the way PDF text extraction does."""
import re

NOSTART = set('，。、；：！？）》」』’”…%·—,.;:!?)')
NOEND = set('（《「『“‘(')
def width(c):
    return 1 if ord(c) < 0x80 else 2

def wrap(text, cols):
    """Wrap at `cols` CJK cells (ASCII = half a cell); closing punctuation never starts a line;
    Latin words are not split (digits may be)."""
    W = cols * 2
    lines, cur, cw = [], [], 0
    i = 0
    while i < len(text):
        c = text[i]
        if cw + width(c) > W and cur:
            if c in NOSTART:
                cur.append(c); i += 1
                # a run of closing punctuation stays together
                while i < len(text) and text[i] in NOSTART:
                    cur.append(text[i]); i += 1
                lines.append(''.join(cur)); cur, cw = [], 0
                continue
            if c.isascii() and c.isalpha() and cur[-1].isascii() and cur[-1].isalpha():
                k = len(cur)
                while k > 0 and cur[k-1].isascii() and cur[k-1].isalpha(): k -= 1
                if k > 0:
                    moved = cur[k:]; cur = cur[:k]
                    lines.append(''.join(cur)); cur = moved; cw = sum(width(x) for x in cur)
                    continue
            # opening brackets never end a line: carry them over
            carry = []
            while cur and cur[-1] in NOEND: carry.insert(0, cur.pop())
            lines.append(''.join(cur)); cur = carry; cw = sum(width(x) for x in cur)
        cur.append(c); cw += width(c); i += 1
    if cur: lines.append(''.join(cur))
    return [l.strip(' ') for l in lines]

def spaced(text, pairs):
    """Letter-space digits the way some PDFs come out: replace each gold substring with its spaced print form."""
    for gold, printed in pairs:
        text = text.replace(gold, printed, 1)
    return text

def body_lines(paras, cols, breaks=(), spacing=()):
    """paras: printed paragraph texts (prefix/suffix already attached). breaks: approximate line numbers after
    which a column break (blank line) falls; moved forward to a line that ends mid-word."""
    for g, _ in spacing:
        assert any(g in p for p in paras), g
    out = []   # list of (line, para_index, is_last_line_of_para)
    for pi, p in enumerate(paras):
        ls = wrap(spaced(p, spacing), cols)
        for li, l in enumerate(ls):
            out.append((l, pi, li == len(ls) - 1))
    brk = set()
    for b in breaks:
        k = b
        while k < len(out):
            l, pi, last = out[k]
            if not last and (l[-1].isalnum() or l[-1] == '“') and out[k+1][0][0] not in NOSTART:
                brk.add(k); break
            k += 1
        else:
            raise ValueError(f"no place for column break near {b}")
    res = []
    for k, (l, pi, last) in enumerate(out):
        res.append(l)
        if k in brk: res.append('')
        elif last and k != len(out) - 1: res.append('')
    return res
