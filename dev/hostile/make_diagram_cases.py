#!/usr/bin/env python3
"""Writes the diagram cases of fixtures/hostile/ (inputs only; each case.yaml is written by hand).

Run from the repository root: python3 dev/hostile/make_diagram_cases.py
The inputs are deterministic, so re-running leaves git clean.
"""
import base64
import os
import struct
import urllib.parse
import zlib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "fixtures", "hostile")


def write(case, name, data):
    d = os.path.join(ROOT, case)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def raw_deflate(b):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(b) + c.flush()


GOOD_PAGE = ('<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/>'
             '<mxCell id="u" value="Users" style="shape=mxgraph.aws4.users;" vertex="1" parent="1">'
             '<mxGeometry x="0" y="0" width="40" height="40" as="geometry"/></mxCell></root></mxGraphModel>')


def mxfile(diagram_body, name="Page-1"):
    return '<mxfile host="test"><diagram id="p1" name="%s">%s</diagram></mxfile>\n' % (name, diagram_body)


def compressed(xml):
    return base64.b64encode(raw_deflate(urllib.parse.quote(xml, safe="").encode())).decode()


def png(chunks):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00\x00")
    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
    for kind, data in chunks:
        out += chunk(kind, data)
    return out + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


# 1. deflate bomb inside a compressed draw.io page: 64 MB of the same bytes, about 64 KB compressed
bomb = base64.b64encode(raw_deflate(b"%3C" * (64 * 1024 * 1024 // 3))).decode()
write("drawio-deflate-bomb", "bomb.drawio", '<mxfile host="test">\n<diagram id="p1" name="Bomb">' + bomb
      + '</diagram>\n<diagram id="p2" name="Fine">' + compressed(GOOD_PAGE) + '</diagram>\n</mxfile>\n')

# 2. PNG with a zTXt bomb (legacy mxGraphModel chunk) and one with an oversized tEXt length
ztxt = b"mxGraphModel\x00\x00" + zlib.compress(b"A" * (120 * 1024 * 1024), 9)
write("png-ztxt-bomb", "bomb.drawio.png", png([(b"zTXt", ztxt)]))
write("png-truncated-chunk", "truncated.drawio.png",
      png([(b"tEXt", b"mxfile\x00" + urllib.parse.quote(mxfile(compressed(GOOD_PAGE))).encode())])[:60])

# 3. XXE: a file entity and an http entity (sentinels substituted by the test)
write("drawio-xxe-file", "xxe.drawio",
      '<?xml version="1.0"?>\n<!DOCTYPE mxfile [<!ENTITY x SYSTEM "file://@SENTINEL_FILE@">]>\n'
      '<mxfile><diagram id="p" name="P"><mxGraphModel><root><mxCell id="0"/>'
      '<mxCell id="1" value="&x;" vertex="1" parent="0"/></root></mxGraphModel></diagram></mxfile>\n')
write("drawio-xxe-http", "xxe.drawio",
      '<?xml version="1.0"?>\n<!DOCTYPE mxfile SYSTEM "@SENTINEL_URL@/dtd">\n'
      '<mxfile><diagram id="p" name="P">' + GOOD_PAGE + '</diagram></mxfile>\n')
write("drawio-billion-laughs", "laughs.drawio",
      '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
      + "".join('<!ENTITY lol%d "%s">' % (i, ("&lol%s;" % ("" if i == 1 else i - 1)) * 10) for i in range(1, 10))
      + ']>\n<mxfile><diagram id="p" name="P"><mxGraphModel><root><mxCell id="0" value="&lol9;"/></root>'
      '</mxGraphModel></diagram></mxfile>\n')

# 4. SVG with external references and scripts (plain SVG, read through Batik)
write("svg-external-and-script", "hostile.svg",
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
      'width="400" height="200" onload="fetch(\'@SENTINEL_URL@/onload\')">\n'
      '<script type="text/ecmascript">new Image().src = "@SENTINEL_URL@/script";</script>\n'
      '<style>@import url("@SENTINEL_URL@/css");</style>\n'
      '<image x="10" y="10" width="48" height="48" xlink:href="@SENTINEL_URL@/Arch_Amazon-EC2_48.svg"/>\n'
      '<image x="100" y="10" width="48" height="48" xlink:href="file://@SENTINEL_FILE@"/>\n'
      '<use xlink:href="@SENTINEL_URL@/sprite.svg#icon"/>\n'
      '<text x="10" y="80">Amazon EC2</text>\n</svg>\n')
# 5. draw.io SVG export whose embedded model holds an XXE
inner = ('<!DOCTYPE mxfile [<!ENTITY x SYSTEM "file://@SENTINEL_FILE@">]><mxfile><diagram id="p" name="P">'
         '<mxGraphModel><root><mxCell id="0"/><mxCell id="1" value="&x;" vertex="1" parent="0"/></root>'
         '</mxGraphModel></diagram></mxfile>')
write("drawio-svg-embedded-xxe", "export.drawio.svg",
      '<svg xmlns="http://www.w3.org/2000/svg" content="%s" width="10" height="10"><rect width="10" height="10"/></svg>\n'
      % inner.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;"))

# 6. corrupt payloads
write("drawio-corrupt-base64", "corrupt.drawio", mxfile("this is not base64 !!!"))
good = compressed(GOOD_PAGE)
write("drawio-corrupt-deflate", "corrupt.drawio", mxfile(good[:20] + "AAAA" + good[24:]))
write("drawio-binary", "binary.drawio", bytes(range(256)) * 8)
write("drawio-empty", "empty.drawio", b"")

# 7. structure: cyclic parent chain, deep nesting
write("drawio-cyclic-parents", "cycle.drawio",
      '<mxfile><diagram id="p1" name="Page-1"><mxGraphModel><root>\n<mxCell id="0"/><mxCell id="1" parent="0"/>\n'
      '<mxCell id="a" value="VPC" style="shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_vpc;" vertex="1" parent="b">'
      '<mxGeometry x="10" y="10" width="300" height="300" as="geometry"/></mxCell>\n'
      '<mxCell id="b" value="Availability Zone 1" style="dashed=1;" vertex="1" parent="a">'
      '<mxGeometry x="10" y="10" width="200" height="200" as="geometry"/></mxCell>\n'
      '<mxCell id="c" value="EC2" style="shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.ec2;" vertex="1" parent="c">'
      '<mxGeometry x="20" y="20" width="48" height="48" as="geometry"/></mxCell>\n'
      '<mxCell id="e" edge="1" source="c" target="nowhere" parent="1"><mxGeometry relative="1" as="geometry"/></mxCell>\n'
      '</root></mxGraphModel></diagram></mxfile>\n')
write("xml-deep-nesting", "deep.drawio", "<mxfile>" + "<d>" * 20000 + "</d>" * 20000 + "</mxfile>\n")
# (a page with 25,000 cells is generated by the test: too large to commit)
