#!/usr/bin/env python3
"""Writes the diagram fixtures under fixtures/rules/ (draw.io XML, compressed multi-page draw.io,
draw.io SVG and PNG exports, a Graphviz-style SVG as diagrams-as-code tools write it).

Every fixture is drawn here from scratch (no corpus file is copied). Run from the repository root:

    python3 dev/diagram-fixtures/make_fixtures.py

Cells are written one per line so that a finding's line is the cell's line; `<!-- Noncompliant@+1 -->`
markers sit on the line before the cell they expect a finding on.
"""
import base64
import os
import struct
import urllib.parse
import zlib
from xml.sax.saxutils import escape, quoteattr

ROOT = os.path.join(os.path.dirname(__file__), '..', '..', 'fixtures', 'rules')

ICON = ('sketch=0;outlineConnect=0;fontColor=#232F3E;gradientColor=none;strokeColor=#ffffff;dashed=0;'
        'verticalLabelPosition=bottom;verticalAlign=top;align=center;html=1;fontSize=12;fontStyle=0;aspect=fixed;'
        'shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.{0};fillColor=#ED7100;')
GLYPH = ('sketch=0;outlineConnect=0;fontColor=#232F3E;gradientColor=none;fillColor=#8C4FFF;strokeColor=none;dashed=0;'
         'verticalLabelPosition=bottom;verticalAlign=top;align=center;html=1;fontSize=12;fontStyle=0;aspect=fixed;'
         'pointerEvents=1;shape=mxgraph.aws4.{0};')
GROUP = ('points=[[0,0],[0.25,0],[0.5,0],[0.75,0],[1,0],[1,1],[0,1]];outlineConnect=0;gradientColor=none;html=1;'
         'whiteSpace=wrap;fontSize=12;fontStyle=0;container=1;pointerEvents=0;collapsible=0;recursiveResize=0;'
         'shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.{0};strokeColor={1};fillColor={2};verticalAlign=top;align=left;'
         'spacingLeft=30;fontColor={1};dashed={3};')
AZ_DASHED = 'fillColor=none;strokeColor=#147EBA;dashed=1;verticalAlign=top;fontStyle=0;fontColor=#147EBA;whiteSpace=wrap;html=1;'
BAND = 'rounded=0;whiteSpace=wrap;html=1;fillColor=#F5F5F5;strokeColor=#999999;'
TEXT = 'text;html=1;strokeColor=none;fillColor=none;align=center;verticalAlign=middle;whiteSpace=wrap;rounded=0;'
EDGE = 'edgeStyle=orthogonalEdgeStyle;rounded=0;orthogonalLoop=1;jettySize=auto;html=1;endArrow=classic;'
RECT = 'rounded=0;whiteSpace=wrap;html=1;'


class Page:
    def __init__(self, name='Page-1'):
        self.name = name
        self.lines = []
        self.n = 1

    def marker(self, text):
        self.lines.append('<!-- %s -->' % text)

    def vertex(self, cid, label, style, x, y, w, h, parent='1'):
        self.lines.append('<mxCell id=%s value=%s style=%s vertex="1" parent=%s><mxGeometry x="%s" y="%s" width="%s" '
                          'height="%s" as="geometry" /></mxCell>' % (quoteattr(cid), quoteattr(label), quoteattr(style),
                                                                     quoteattr(parent), x, y, w, h))
        return cid

    def icon(self, cid, label, res, x, y, parent='1'):
        return self.vertex(cid, label, ICON.format(res), x, y, 48, 48, parent)

    def glyph(self, cid, label, shape, x, y, parent='1'):
        return self.vertex(cid, label, GLYPH.format(shape), x, y, 48, 48, parent)

    def group(self, cid, label, gr, x, y, w, h, stroke='#8C4FFF', fill='none', dashed=0, parent='1'):
        return self.vertex(cid, label, GROUP.format(gr, stroke, fill, dashed), x, y, w, h, parent)

    def edge(self, cid, src, dst, label='', src_point=None, dst_point=None):
        geo = '<mxGeometry relative="1" as="geometry">'
        if src_point:
            geo += '<mxPoint x="%s" y="%s" as="sourcePoint" />' % src_point
        if dst_point:
            geo += '<mxPoint x="%s" y="%s" as="targetPoint" />' % dst_point
        geo += '</mxGeometry>'
        attrs = ''
        if src:
            attrs += ' source=%s' % quoteattr(src)
        if dst:
            attrs += ' target=%s' % quoteattr(dst)
        self.lines.append('<mxCell id=%s value=%s style=%s edge="1" parent="1"%s>%s</mxCell>'
                          % (quoteattr(cid), quoteattr(label), quoteattr(EDGE), attrs, geo))

    def model(self):
        return ('<mxGraphModel dx="1000" dy="800" grid="1" gridSize="10" page="1" pageWidth="1100" pageHeight="850">\n'
                '<root>\n<mxCell id="0" />\n<mxCell id="1" parent="0" />\n' + '\n'.join(self.lines) +
                '\n</root>\n</mxGraphModel>')


def mxfile(pages, compressed=False, head_comments=()):
    out = ['<mxfile host="atolint-fixtures" version="24.0.0">']
    out += ['<!-- %s -->' % c for c in head_comments]
    for i, p in enumerate(pages):
        if compressed:
            out.append('<diagram id="p%d" name=%s>%s</diagram>' % (i + 1, quoteattr(p.name), compress(p.model())))
        else:
            out.append('<diagram id="p%d" name=%s>\n%s\n</diagram>' % (i + 1, quoteattr(p.name), p.model()))
    out.append('</mxfile>')
    return '\n'.join(out) + '\n'


def uri(text):
    return urllib.parse.quote(text, safe="-_.!~*'()")


def compress(xml):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = c.compress(uri(xml).encode('utf-8')) + c.flush()
    return base64.b64encode(raw).decode('ascii')


def write(rule, case, name, text, mode='w'):
    d = os.path.join(ROOT, rule, case)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), mode) as f:
        f.write(text)


def three_tier(p, az_style, db_second_az=True, alb_span=True):
    """Users -> ALB -> two EC2 (one per AZ) -> RDS primary (+ standby), in a VPC with two AZs drawn in az_style."""
    p.group('cloud', 'AWS Cloud', 'group_aws_cloud_alt', 120, 20, 900, 640, stroke='#232F3E')
    p.group('vpc', 'VPC', 'group_vpc2', 140, 60, 860, 580)
    if az_style == 'shape':
        p.group('az1', '', 'group_availability_zone', 160, 140, 400, 480, stroke='#545B64', dashed=1)
        p.group('az2', '', 'group_availability_zone', 580, 140, 400, 480, stroke='#545B64', dashed=1)
    elif az_style == 'dashed':
        p.vertex('az1', 'Availability Zone 1', AZ_DASHED, 160, 140, 400, 480)
        p.vertex('az2', 'Availability Zone 2', AZ_DASHED, 580, 140, 400, 480)
    elif az_style == 'text':
        p.vertex('band1', '', BAND, 160, 140, 400, 480)
        p.vertex('band2', '', BAND, 580, 140, 400, 480)
        p.vertex('t1', 'AZ1', TEXT, 170, 145, 40, 20)
        p.vertex('t2', 'AZ2', TEXT, 590, 145, 40, 20)
    sub1 = 'Web subnet AZ-a' if az_style == 'subnets' else 'Public subnet'
    sub2 = 'Web subnet AZ-b' if az_style == 'subnets' else 'Public subnet'
    db1 = 'Data subnet AZ-a' if az_style == 'subnets' else 'Private subnet'
    db2 = 'Data subnet AZ-b' if az_style == 'subnets' else 'Private subnet'
    p.group('sn1', sub1, 'group_security_group', 180, 180, 360, 160, stroke='#7AA116', fill='#F2F6E8')
    p.group('sn2', sub2, 'group_security_group', 600, 180, 360, 160, stroke='#7AA116', fill='#F2F6E8')
    p.group('sn3', db1, 'group_security_group', 180, 400, 360, 160, stroke='#00A4A6', fill='#E6F6F7')
    p.group('sn4', db2, 'group_security_group', 600, 400, 360, 160, stroke='#00A4A6', fill='#E6F6F7')
    p.glyph('users', 'Users', 'users', 546, -80)
    if alb_span:
        p.glyph('alb', 'Web ALB', 'application_load_balancer', 546, 140)
    else:
        p.glyph('alb', 'Web ALB', 'application_load_balancer', 300, 140)
    p.icon('web1', 'Web server 1', 'ec2', 330, 240)
    p.icon('web2', 'Web server 2', 'ec2', 760, 240)
    p.icon('db1', 'Orders DB primary', 'rds', 330, 460)
    if db_second_az:
        p.icon('db2', 'Orders DB standby', 'rds', 760, 460)
    p.edge('e1', 'users', 'alb', 'HTTPS')
    p.edge('e2', 'alb', 'web1', 'HTTP')
    p.edge('e3', 'alb', 'web2', 'HTTP')
    p.edge('e4', 'web1', 'db1', 'TLS')
    p.edge('e5', 'web2', 'db1', 'TLS')
    if db_second_az:
        p.edge('e6', 'db1', 'db2', 'replication')


def png_with_text(keyword, text, compressed=False):
    def chunk(t, data):
        return struct.pack('>I', len(data)) + t + data + struct.pack('>I', zlib.crc32(t + data) & 0xffffffff)
    ihdr = struct.pack('>IIBBBBB', 1, 1, 8, 2, 0, 0, 0)
    idat = zlib.compress(b'\x00\xff\xff\xff')
    if compressed:
        meta = chunk(b'zTXt', keyword.encode('latin-1') + b'\x00\x00' + zlib.compress(text.encode('latin-1')))
    else:
        meta = chunk(b'tEXt', keyword.encode('latin-1') + b'\x00' + text.encode('latin-1'))
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', ihdr) + meta + chunk(b'IDAT', idat) + chunk(b'IEND', b'')


def main():
    # ---------------------------------------------------------------- DIAG001 (AD-1)
    p = Page()
    three_tier(p, 'dashed')
    p.group('legend', 'Legend', 'group_aws_cloud_alt', 1040, 20, 160, 200, stroke='#232F3E')
    p.icon('legend-s3', 'S3 bucket', 's3', 1080, 80)
    write('DIAG001', 'connected-and-grouped', 'architecture.drawio', mxfile([p]))
    p = Page()
    three_tier(p, 'dashed')
    p.marker('Noncompliant@+1 {{"Notifications" (SNS_TOPIC) is drawn with no connection and in no group: '
             'the diagram does not show how it takes part}}')
    p.icon('sns', 'Notifications', 'sns', 1060, 300)
    p.vertex('title', 'Order service - production', TEXT, 120, -120, 300, 30)
    write('DIAG001', 'lone-icon', 'architecture.drawio', mxfile([p]))
    # loose edge ends snapped to the nearest shape count as connections
    p = Page()
    three_tier(p, 'dashed')
    p.icon('queue', 'Order queue', 'sqs', 1060, 300)
    p.edge('loose', 'web2', None, 'enqueue', dst_point=(1070, 310))
    write('DIAG001', 'loose-edge-snapped', 'architecture.drawio', mxfile([p]))

    # ---------------------------------------------------------------- DIAG002 (AD-2)
    p = Page()
    three_tier(p, 'dashed')
    p.icon('cw', 'Amazon CloudWatch', 'cloudwatch', 1060, 300)
    p.edge('e9', 'web1', 'cw', 'metrics')
    write('DIAG002', 'current-icons', 'architecture.drawio', mxfile([p]))
    p = Page()
    three_tier(p, 'dashed')
    p.marker('Noncompliant@+1 {{"EC2" is drawn as a plain shape (rectangle), not with the AWS icon for EC2}}')
    p.vertex('plain-ec2', 'EC2', RECT, 1060, 200, 80, 40)
    p.marker('Noncompliant@+1 {{1 icon uses a retired AWS palette (aws3: "Reports"); '
             'current AWS icons are the mxgraph.aws4 set}}')
    p.vertex('old-s3', 'Reports', 'outlineConnect=0;dashed=0;verticalLabelPosition=bottom;verticalAlign=top;align=center;'
             'html=1;shape=mxgraph.aws3.s3;fillColor=#E05243;gradientColor=none;', 1060, 300, 60, 60)
    p.marker('Noncompliant@+1 {{"AWS Single Sign-On" is labelled as IAM Identity Center but drawn with the '
             'CloudWatch icon (mxgraph.aws4.cloudwatch)}}')
    p.icon('sso', 'AWS Single Sign-On', 'cloudwatch', 1060, 420)
    p.edge('e7', 'web1', 'plain-ec2')
    p.edge('e8', 'web1', 'old-s3')
    p.edge('e9', 'web1', 'sso')
    write('DIAG002', 'generic-retired-and-mislabelled', 'architecture.drawio', mxfile([p]))

    # ---------------------------------------------------------------- DIAG003 (AD-3)
    p = Page()
    three_tier(p, 'dashed')
    write('DIAG003', 'vpc-az-subnets-users', 'architecture.drawio', mxfile([p]))
    p = Page('Serverless')
    p.glyph('users', 'Users', 'users', 40, 100)
    p.icon('api', 'Orders API', 'api_gateway', 200, 100)
    p.icon('fn', 'Order handler', 'lambda', 360, 100)
    p.icon('table', 'Orders', 'dynamodb', 520, 100)
    p.edge('e1', 'users', 'api', 'HTTPS')
    p.edge('e2', 'api', 'fn')
    p.edge('e3', 'fn', 'table')
    write('DIAG003', 'serverless-no-network', 'architecture.drawio', mxfile([p], head_comments=[
        'Noncompliant@0 {{the diagram shows no VPC}}',
        'Noncompliant@0 {{the diagram shows no Availability Zone (no AZ box, AZ label or AZ in a subnet name)}}',
        'Noncompliant@0 {{the diagram shows no subnet}}']))
    # look-alikes: "Access Zone #1" boxes are not AZs; nothing connects outside AWS
    p = Page()
    p.group('vpc', 'VPC', 'group_vpc2', 40, 40, 700, 400)
    p.vertex('zone1', 'Access Zone #1', AZ_DASHED, 60, 80, 320, 340)
    p.vertex('zone2', 'Access Zone #2', AZ_DASHED, 400, 80, 320, 340)
    p.group('sn1', 'Private subnet', 'group_security_group', 80, 120, 280, 280, stroke='#00A4A6', fill='#E6F6F7')
    p.group('sn2', 'Private subnet', 'group_security_group', 420, 120, 280, 280, stroke='#00A4A6', fill='#E6F6F7')
    p.icon('a', 'Worker A', 'ec2', 200, 240)
    p.icon('b', 'Worker B', 'ec2', 540, 240)
    p.edge('e1', 'a', 'b', 'sync')
    write('DIAG003', 'access-zones-are-not-azs', 'architecture.drawio', mxfile([p], head_comments=[
        'Noncompliant@0 {{the diagram shows no Availability Zone (no AZ box, AZ label or AZ in a subnet name)}}',
        'Noncompliant@0 {{the diagram shows no connection to a system outside AWS (users, clients, on-premises, '
        'the internet, VPN or Direct Connect)}}']))
    # draw.io PNG export (tEXt chunk mxfile), missing the subnets
    p = Page()
    p.group('vpc', 'VPC', 'group_vpc2', 40, 40, 700, 400)
    p.vertex('az1', 'AZ a', AZ_DASHED, 60, 80, 320, 340)
    p.vertex('az2', 'AZ b', AZ_DASHED, 400, 80, 320, 340)
    p.icon('a', 'App 1', 'ec2', 200, 240)
    p.icon('b', 'App 2', 'ec2', 540, 240)
    p.glyph('dc', 'Head office', 'corporate_data_center', 820, 200)
    p.edge('e1', 'dc', 'a', 'IPsec VPN')
    p.edge('e2', 'dc', 'b', 'IPsec VPN')
    write('DIAG003', 'drawio-png-without-subnets', 'architecture.drawio.png',
          png_with_text('mxfile', uri(mxfile([p]))), mode='wb')
    write('DIAG003', 'drawio-png-without-subnets', 'case.yaml',
          'findings:\n  - {file: architecture.drawio.png, line: 0, severity: medium, message: "the diagram shows no subnet"}\n')
    # legacy PNG export: zTXt chunk mxGraphModel, complete
    p = Page()
    three_tier(p, 'dashed')
    write('DIAG003', 'drawio-png-legacy-ztxt', 'architecture.png',
          png_with_text('mxGraphModel', uri(p.model()), compressed=True), mode='wb')

    # ---------------------------------------------------------------- DIAG004 (AD-4): the four AZ styles
    for style, case in [('shape', 'az-style-shape-unlabelled'), ('dashed', 'az-style-dashed-box-labelled'),
                        ('text', 'az-style-free-text-beside-band'), ('subnets', 'az-style-subnet-names')]:
        p = Page()
        three_tier(p, style)
        # with 'subnets', the ALB sits in no subnet but in the VPC above the AZ-named subnets: it spans
        # their AZs by convention, so the tier is in two AZs
        write('DIAG004', case, 'architecture.drawio', mxfile([p]))
    # icons inside AZ boxes but parented to the layer (cell parent="1"), single database: one AZ
    p = Page()
    three_tier(p, 'dashed', db_second_az=False)
    lines = p.lines
    idx = next(i for i, l in enumerate(lines) if 'id="db1"' in l)
    lines.insert(idx, '<!-- Noncompliant@+1 {{The database tier ("Orders DB primary") is drawn in one '
                      'Availability Zone only (box labelled \'Availability Zone 1\' (dashed)): the diagram does not show '
                      'it surviving the loss of that AZ}} -->')
    write('DIAG004', 'layer-parented-icons-single-db', 'architecture.drawio', mxfile([p]))
    # the same icons parented to their subnet groups (relative geometry): same verdict from geometry
    p = Page()
    p.group('vpc', 'VPC', 'group_vpc2', 40, 40, 900, 500)
    p.group('azA', 'AZ a', 'group_availability_zone', 60, 80, 420, 440, stroke='#545B64', dashed=1)
    p.group('azB', 'AZ b', 'group_availability_zone', 500, 80, 420, 440, stroke='#545B64', dashed=1)
    p.group('snA', 'Private subnet', 'group_security_group', 20, 40, 380, 380, stroke='#00A4A6', fill='#E6F6F7', parent='azA')
    p.group('snB', 'Private subnet', 'group_security_group', 20, 40, 380, 380, stroke='#00A4A6', fill='#E6F6F7', parent='azB')
    p.icon('cacheA', 'Session cache', 'elasticache', 160, 160, parent='snA')
    p.icon('cacheB', 'Session cache replica', 'elasticache', 160, 160, parent='snB')
    p.glyph('users', 'Users', 'users', 1000, 200)
    p.edge('e1', 'users', 'cacheA')
    p.edge('e2', 'cacheA', 'cacheB', 'replication')
    write('DIAG004', 'group-parented-icons-two-azs', 'architecture.drawio', mxfile([p]))
    # a compressed multi-page file: page 1 is HA, page 2 draws both web servers in one AZ
    p1 = Page('Overview')
    three_tier(p1, 'dashed')
    p2 = Page('Batch')
    p2.group('vpc', 'VPC', 'group_vpc2', 40, 40, 900, 500)
    p2.vertex('az1', 'Availability Zone 1', AZ_DASHED, 60, 80, 420, 440)
    p2.vertex('az2', 'Availability Zone 2', AZ_DASHED, 500, 80, 420, 440)
    p2.icon('w1', 'Batch worker 1', 'ec2', 120, 200)
    p2.icon('w2', 'Batch worker 2', 'ec2', 300, 200)
    p2.glyph('users', 'Operators', 'users', 1000, 200)
    p2.edge('e1', 'users', 'w1')
    p2.edge('e2', 'users', 'w2')
    write('DIAG004', 'compressed-multipage', 'architecture.drawio', mxfile([p1, p2], compressed=True))
    write('DIAG004', 'compressed-multipage', 'case.yaml',
          '# page 2 ("Batch") of the compressed file: findings are located at its <diagram> element\n'
          'findings:\n  - {file: architecture.drawio, line: 3, severity: high, message: "The compute tier (\\"Batch worker 1\\" '
          '(cell w1), \\"Batch worker 2\\" (cell w2)) is drawn in one Availability Zone only (box labelled \'Availability '
          'Zone 1\' (dashed)): the diagram does not show it surviving the loss of that AZ"}\n')
    # icons in a VPC but in no AZ: a note, never a failure
    p = Page()
    p.group('vpc', 'VPC', 'group_vpc2', 40, 40, 700, 400)
    p.group('sn', 'Private subnet', 'group_security_group', 80, 120, 600, 280, stroke='#00A4A6', fill='#E6F6F7')
    p.glyph('users', 'Users', 'users', 800, 200)
    p.marker('Note@+1')
    p.icon('app', 'App server', 'ec2', 200, 240)
    p.edge('e1', 'users', 'app')
    write('DIAG004', 'vpc-without-azs-is-a-note', 'architecture.drawio', mxfile([p]))

    # ---------------------------------------------------------------- DIAG005 (AD-5), draw.io SVG and Graphviz SVG
    p = Page()
    three_tier(p, 'dashed')
    model = mxfile([p], compressed=True)
    svg = ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
           '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" '
           'width="1100px" height="700px" viewBox="-0.5 -0.5 1100 700" content=%s>\n'
           '<defs/><g><rect x="120" y="20" width="900" height="640" fill="none" stroke="#232f3e"/></g>\n</svg>\n'
           % quoteattr(model))
    write('DIAG005', 'drawio-svg-with-users', 'architecture.drawio.svg', svg)
    p = Page('Internal')
    p.group('vpc', 'VPC', 'group_vpc2', 40, 40, 700, 400)
    p.vertex('az1', 'AZ 1', AZ_DASHED, 60, 80, 320, 340)
    p.vertex('az2', 'AZ 2', AZ_DASHED, 400, 80, 320, 340)
    p.icon('a', 'Worker A', 'ec2', 200, 240)
    p.icon('b', 'Worker B', 'ec2', 540, 240)
    p.edge('e1', 'a', 'b')
    model = mxfile([p])
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="800" height="500" content=%s>\n'
           '<rect x="40" y="40" width="700" height="400" fill="none" stroke="#8c4fff"/>\n</svg>\n'
           % quoteattr(base64.b64encode(uri(model).encode('ascii')).decode('ascii')))
    write('DIAG005', 'drawio-svg-base64-nothing-outside', 'architecture.drawio.svg', svg)
    write('DIAG005', 'drawio-svg-base64-nothing-outside', 'case.yaml',
          'findings:\n  - {file: architecture.drawio.svg, line: 0, severity: medium, message: "the diagram draws nothing '
          'outside AWS (no users, clients, devices, on-premises components or external systems)"}\n')
    p = Page()
    three_tier(p, 'dashed')
    p.group('dc', 'Corporate data center', 'group_corporate_data_center', 1060, 200, 200, 200, stroke='#7D8998')
    p.vertex('erp', 'ERP', RECT, 1100, 280, 100, 40)
    p.edge('e9', 'erp', 'web1', 'Direct Connect')
    write('DIAG005', 'on-premises-group', 'architecture.drawio', mxfile([p]))
    write('DIAG001', 'graphviz-svg', 'architecture.svg', graphviz_svg())

    # ---------------------------------------------------------------- HA001 on diagrams
    p = Page()
    three_tier(p, 'dashed', alb_span=True)
    write('HA001', 'diagram-alb-across-two-az-bands', 'architecture.drawio', mxfile([p]))
    p = Page()
    three_tier(p, 'dashed', alb_span=False)
    idx = next(i for i, l in enumerate(p.lines) if 'id="alb"' in l)
    p.lines.insert(idx, '<!-- Noncompliant@+1 {{Load balancer "Web ALB" is drawn in 1 AZ (Availability Zone 1); a '
                        'load balancer runs in the AZs of its subnets: drawing it across the AZs it serves (or the '
                        'IaC\'s subnets) would settle it}} -->')
    write('HA001', 'diagram-alb-in-one-az-box', 'architecture.drawio', mxfile([p]))


def graphviz_svg():
    """An SVG as Graphviz renders a diagrams-as-code (mingrammer/diagrams) picture: clusters, nodes with
    the AWS icon images of the diagrams package, edges titled a->b."""
    res = '/usr/lib/python3/dist-packages/resources/aws/'

    def node(nid, label, icon, x, y):
        return ('<!-- %s -->\n<g id="node%s" class="node">\n<title>%s</title>\n'
                '<image xlink:href="%s" width="100px" height="100px" preserveAspectRatio="xMinYMin meet" x="%s" y="%s"/>\n'
                '<text text-anchor="middle" x="%s" y="%s" font-family="Sans-Serif" font-size="13.00" fill="#2d3436">%s</text>\n'
                '</g>' % (nid, nid, nid, res + icon, x, y, x + 50, y + 118, escape(label)))

    def edge(i, a, b, label=''):
        t = ('<text text-anchor="middle" x="0" y="0" font-size="13.00">%s</text>\n' % escape(label)) if label else ''
        return ('<!-- %s&#45;&gt;%s -->\n<g id="edge%d" class="edge">\n<title>%s&#45;&gt;%s</title>\n'
                '<path fill="none" stroke="#7b8894" d="M0,0C10,10 20,20 30,30"/>\n%s</g>' % (a, b, i, a, b, t))

    parts = [
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">',
        '<!-- Generated by graphviz version 2.43.0 (0) -->',
        '<svg width="900pt" height="620pt" viewBox="0.00 0.00 900.00 620.00" xmlns="http://www.w3.org/2000/svg" '
        'xmlns:xlink="http://www.w3.org/1999/xlink">',
        '<g id="graph0" class="graph" transform="scale(1 1) rotate(0) translate(4 616)">',
        '<title>Web service</title>',
        '<polygon fill="white" stroke="transparent" points="-4,4 -4,-616 896,-616 896,4 -4,4"/>',
        '<g id="clust1" class="cluster">\n<title>cluster_VPC</title>\n'
        '<polygon fill="#e5f5fd" stroke="#aeb6be" points="150,-8 150,-560 880,-560 880,-8 150,-8"/>\n'
        '<text text-anchor="middle" x="515" y="-544" font-size="12.00">VPC</text>\n</g>',
        '<g id="clust2" class="cluster">\n<title>cluster_AZ a</title>\n'
        '<polygon fill="#ebf3e7" stroke="#aeb6be" points="170,-20 170,-520 500,-520 500,-20 170,-20"/>\n'
        '<text text-anchor="middle" x="335" y="-504" font-size="12.00">AZ a</text>\n</g>',
        '<g id="clust3" class="cluster">\n<title>cluster_AZ b</title>\n'
        '<polygon fill="#ebf3e7" stroke="#aeb6be" points="530,-20 530,-520 860,-520 860,-20 530,-20"/>\n'
        '<text text-anchor="middle" x="695" y="-504" font-size="12.00">AZ b</text>\n</g>',
        node('users', 'Users', 'general/users.png', 20, -400),
        node('web1', 'web1', 'compute/ec2.png', 280, -480),
        node('web2', 'web2', 'compute/ec2.png', 640, -480),
        node('db1', 'orders', 'database/rds.png', 280, -200),
        node('db2', 'orders standby', 'database/rds.png', 640, -200),
        '<!-- Noncompliant@+2 {{"audit" (S3_BUCKET) is drawn with no connection and in no group: '
        'the diagram does not show how it takes part}} -->',
        node('audit', 'audit', 'storage/simple-storage-service-s3.png', 20, -150),
        edge(1, 'users', 'web1', 'HTTPS'),
        edge(2, 'users', 'web2', 'HTTPS'),
        edge(3, 'web1', 'db1'),
        edge(4, 'web2', 'db1'),
        edge(5, 'db1', 'db2', 'replication'),
        '</g>',
        '</svg>',
    ]
    return '\n'.join(parts) + '\n'


if __name__ == '__main__':
    main()
