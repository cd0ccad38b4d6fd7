#!/usr/bin/env python3
"""Crawled-text views of a web page, as crawlers and copy-paste keep them: tags stripped, a table's
cells joined by tab, space, newline or nothing; `drop` is newline with empty cells dropped.

    scripts/make_crawl_views.py PAGE.html OUT.txt tab|space|nl|glued|drop

Standard library only (html.parser). Made samples/text/shanghai_bgt_2019_crawled_tab.txt from
samples/html/shanghai_bgt_2019_fragment.html.
"""
import sys, html.parser, re
class P(html.parser.HTMLParser):
    def __init__(s, sep, drop):
        super().__init__(); s.out=[]; s.cell=None; s.sep=sep; s.drop=drop; s.skip=0; s.row=[]
    def handle_starttag(s, t, a):
        if t in ('script','style'): s.skip+=1
        if t in ('td','th'): s.cell=[]
        if t=='tr': s.row=[]
        if t in ('p','div','br','h1','h2','h3','li') and s.cell is None: s.out.append('\n')
    def handle_endtag(s, t):
        if t in ('script','style'): s.skip-=1
        if t in ('td','th') and s.cell is not None:
            c=re.sub(r'\s+','',''.join(s.cell)); s.cell=None
            if c or not s.drop: s.row.append(c)
        if t=='tr':
            s.out.append(s.sep.join(s.row)+'\n'); s.row=[]
    def handle_data(s, d):
        if s.skip: return
        if s.cell is not None: s.cell.append(d)
        else: s.out.append(d.strip())
src, dst, style = sys.argv[1:4]
sep={'tab':'\t','space':' ','nl':'\n','glued':'','drop':'\n'}[style]
raw=open(src,'rb').read()
for enc in ('utf-8','gb18030'):
    try: text=raw.decode(enc); break
    except UnicodeDecodeError: pass
p=P(sep, style=='drop'); p.feed(text)
out=re.sub(r'\n{2,}','\n',''.join(p.out))
open(dst,'w').write(out)
