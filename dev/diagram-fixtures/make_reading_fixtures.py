#!/usr/bin/env python3
"""Writes the fixtures of how atolint reads a drawing as a reviewer does (issue 13): drawn copies in each
AZ box, role words, load balancers between AZ columns, attachments, lines read inwards, Internet lines,
NAT-to-NAT lines, unnumbered AZ boxes, AZ texts heading columns, detached labels of pasted pictures,
retired palettes per page, and one diagram carried by two files. Every fixture is drawn here from scratch.

    python3 dev/diagram-fixtures/make_reading_fixtures.py
"""
import html
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from make_fixtures import AZ_DASHED, EDGE, Page, TEXT, mxfile, write  # noqa: E402

IMAGE = 'shape=image;verticalLabelPosition=bottom;verticalAlign=top;imageAspect=0;aspect=fixed;image={0};'
AWS3 = ('outlineConnect=0;dashed=0;verticalLabelPosition=bottom;verticalAlign=top;align=center;html=1;'
        'shape=mxgraph.aws3.{0};fillColor=#F58534;gradientColor=none;')


def vpc_two_azs(p, label1='Availability Zone 1', label2='Availability Zone 2'):
    p.group('vpc', 'VPC', 'group_vpc2', 140, 60, 860, 580)
    p.vertex('az1', label1, AZ_DASHED, 160, 140, 400, 480)
    p.vertex('az2', label2, AZ_DASHED, 580, 140, 400, 480)
    p.group('sn1', 'Private subnet', 'group_security_group', 180, 180, 360, 400, stroke='#00A4A6', fill='#E6F6F7')
    p.group('sn2', 'Private subnet', 'group_security_group', 600, 180, 360, 400, stroke='#00A4A6', fill='#E6F6F7')


def main():
    # HA002: the same service drawn in each AZ box, marked primary / standby: one set across both AZs
    p = Page()
    vpc_two_azs(p)
    p.glyph('users', 'Users', 'users', 546, -60)
    p.glyph('alb', 'App ALB', 'application_load_balancer', 546, 100)
    p.icon('app1', 'App server primary', 'ec2', 330, 300)
    p.icon('app2', 'App server standby', 'ec2', 760, 300)
    p.edge('e1', 'users', 'alb')
    p.edge('e2', 'alb', 'app1')
    p.edge('e3', 'alb', 'app2')
    p.edge('e4', 'app1', 'app2', 'sync')
    write('HA002', 'drawio-role-word-copies-two-azs', 'architecture.drawio', mxfile([p]))

    # HA002: a copy drawn in no AZ box leaves the spread undecided: a note, never HIGH per copy
    p = Page()
    vpc_two_azs(p)
    p.marker('Note@+1')
    p.icon('w1', 'Worker', 'ec2', 330, 300)
    p.icon('w2', 'Worker', 'ec2', 560, 60)
    write('HA002', 'drawio-copy-in-no-az-box', 'architecture.drawio', mxfile([p]))

    # HA003: a database and its read replica, drawn one per AZ box, are one replica set
    p = Page()
    vpc_two_azs(p)
    p.icon('app1', 'App 1', 'ec2', 330, 250)
    p.icon('app2', 'App 2', 'ec2', 760, 250)
    p.icon('db1', 'Orders DB', 'rds', 330, 450)
    p.icon('db2', 'Orders DB read replica', 'rds', 760, 450)
    p.edge('e1', 'app1', 'db1')
    p.edge('e2', 'app2', 'db1')
    write('HA003', 'drawio-database-and-read-replica', 'architecture.drawio', mxfile([p]))

    # HA001: a load balancer in the VPC, between the AZ columns, spans them by convention
    p = Page()
    vpc_two_azs(p)
    p.glyph('alb', 'Web ALB', 'application_load_balancer', 546, 90)
    p.icon('web1', 'Web 1', 'ec2', 330, 300)
    p.icon('web2', 'Web 2', 'ec2', 760, 300)
    p.edge('e1', 'alb', 'web1')
    p.edge('e2', 'alb', 'web2')
    write('HA001', 'drawio-lb-between-az-columns', 'architecture.drawio', mxfile([p]))

    # HA001: a load balancer drawn inside one AZ box: LOW, the drawing's shorthand or a real gap
    p = Page()
    vpc_two_azs(p)
    p.marker('Noncompliant@+1 {{Load balancer "Web ALB" is drawn in 1 AZ (Availability Zone 1); a load balancer runs '
             'in the AZs of its subnets: drawing it across the AZs it serves (or the IaC\'s subnets) would settle it}}')
    p.glyph('alb', 'Web ALB', 'application_load_balancer', 330, 200)
    p.icon('web1', 'Web 1', 'ec2', 330, 300)
    p.icon('web2', 'Web 2', 'ec2', 760, 300)
    p.edge('e1', 'alb', 'web1')
    p.edge('e2', 'alb', 'web2')
    write('HA001', 'drawio-lb-in-one-az-box', 'architecture.drawio', mxfile([p]))

    # SPOF005: Internet -> internet gateway is not a single point of failure; ENIs drawn at the
    # instances are attachments, and a line drawn from an instance to its load balancer is read inwards
    p = Page()
    vpc_two_azs(p)
    p.vertex('internet', 'Internet', IMAGE.format('img/lib/active_directory/internet_cloud.svg'), 540, -120, 60, 40)
    p.glyph('igw', 'Internet gateway', 'internet_gateway', 546, 30)
    p.glyph('alb', 'Web ALB', 'application_load_balancer', 546, 100)
    p.icon('web1', 'Web', 'ec2', 330, 300)
    p.glyph('eni1', '', 'elastic_network_interface', 384, 300)
    p.icon('web2', 'Web', 'ec2', 760, 300)
    p.glyph('eni2', '', 'elastic_network_interface', 814, 300)
    p.edge('e1', 'internet', 'igw')
    p.edge('e2', 'igw', 'alb')
    p.edge('e3', 'alb', 'eni1')
    p.edge('e4', 'web2', 'alb')
    write('SPOF005', 'drawio-internet-igw-enis-reversed-line', 'architecture.drawio', mxfile([p]))

    # SPOF001: a line between the NAT gateways of two AZs makes neither serve the other AZ
    p = Page()
    vpc_two_azs(p)
    p.icon('nat1', 'NAT gateway', 'nat_gateway', 330, 200)
    p.icon('nat2', 'NAT gateway', 'nat_gateway', 760, 200)
    p.icon('app1', 'App', 'ec2', 330, 400)
    p.icon('app2', 'App', 'ec2', 760, 400)
    p.edge('e1', 'app1', 'nat1')
    p.edge('e2', 'app2', 'nat2')
    p.edge('e3', 'nat1', 'nat2')
    write('SPOF001', 'drawio-line-between-nat-gateways', 'architecture.drawio', mxfile([p]))

    # DIAG003: two boxes labelled only "Availability Zone" are two AZs
    p = Page()
    vpc_two_azs(p, 'Availability Zone', 'Availability Zone')
    p.glyph('users', 'Users', 'users', 546, -60)
    p.glyph('igw', 'Internet gateway', 'internet_gateway', 546, 40)
    p.icon('web1', 'Web', 'ec2', 330, 300)
    p.icon('web2', 'Web', 'ec2', 760, 300)
    p.edge('e1', 'users', 'igw')
    p.edge('e2', 'igw', 'web1')
    p.edge('e3', 'igw', 'web2')
    write('DIAG003', 'drawio-unnumbered-az-boxes', 'architecture.drawio', mxfile([p]))

    # DIAG004: free "Availability-zone-N" texts heading two subnet columns (no AZ boxes)
    p = Page()
    p.group('vpc', 'VPC', 'group_vpc2', 140, 60, 860, 580)
    p.vertex('t1', 'Availability-zone-1', TEXT, 260, 100, 160, 20)
    p.vertex('t2', 'Availability-zone-2', TEXT, 680, 100, 160, 20)
    p.group('sn1', '', 'group_security_group', 180, 140, 320, 180, stroke='#00A4A6', fill='#E6F6F7')
    p.group('sn2', '', 'group_security_group', 600, 140, 320, 180, stroke='#00A4A6', fill='#E6F6F7')
    p.group('sn3', '', 'group_security_group', 180, 360, 320, 180, stroke='#00A4A6', fill='#E6F6F7')
    p.group('sn4', '', 'group_security_group', 600, 360, 320, 180, stroke='#00A4A6', fill='#E6F6F7')
    p.icon('app1', 'App', 'ec2', 310, 200)
    p.icon('app2', 'App', 'ec2', 730, 200)
    p.marker('Noncompliant@+1 {{The database tier ("Orders DB") is drawn in one Availability Zone only (free text '
             '\'Availability-zone-1\' heading a column): the diagram does not show it surviving the loss of that AZ}}')
    p.icon('db1', 'Orders DB', 'rds', 310, 420)
    write('DIAG004', 'az-style-text-heading-columns', 'architecture.drawio', mxfile([p]))

    # DIAG005: an unlabelled internet picture with a detached "Internet" text is outside AWS
    p = Page()
    vpc_two_azs(p)
    p.vertex('net', '', IMAGE.format('img/lib/active_directory/internet_globe.svg'), 540, -120, 50, 50)
    p.vertex('net-text', 'Internet', TEXT, 530, -66, 70, 20)
    p.glyph('igw', '', 'internet_gateway', 546, 30)
    p.edge('e1', 'net', 'igw')
    write('DIAG005', 'drawio-internet-picture-detached-label', 'architecture.drawio', mxfile([p]))

    # DIAG002: retired palettes are one finding per page, naming the icons
    p = Page()
    vpc_two_azs(p)
    p.glyph('users', 'Users', 'users', 546, -60)
    p.marker('Noncompliant@+1 {{3 icons use a retired AWS palette (aws3: "Web 1", "Web 2", "Reports"); current AWS icons '
             'are the mxgraph.aws4 set}}')
    p.vertex('w1', 'Web 1', AWS3.format('ec2'), 330, 300, 60, 60)
    p.vertex('w2', 'Web 2', AWS3.format('ec2'), 760, 300, 60, 60)
    p.vertex('s3', 'Reports', AWS3.format('s3'), 1060, 300, 60, 60)
    p.edge('e1', 'users', 'w1')
    p.edge('e2', 'users', 'w2')
    p.edge('e3', 'w1', 's3')
    write('DIAG002', 'drawio-retired-palette-once-per-page', 'architecture.drawio', mxfile([p]))

    # DIAG005: the same diagram in a .drawio and its .drawio.svg export (cells renumbered): read once
    def twin(prefix):
        q = Page()
        q.group(prefix + 'vpc', 'VPC', 'group_vpc2', 140, 60, 860, 580)
        q.icon(prefix + 'web', 'Web', 'ec2', 330, 300)
        return q
    drawio = mxfile([twin('a-')], head_comments=['Noncompliant@0 {{the diagram draws nothing outside AWS (no users, '
                                                  'clients, devices, on-premises components or external systems)}}'])
    write('DIAG005', 'drawio-and-svg-export-one-diagram', 'architecture.drawio', drawio)
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" content=%s><rect width="10" height="10"/></svg>\n'
           % ('"' + html.escape(mxfile([twin('b-')]), quote=True) + '"'))
    write('DIAG005', 'drawio-and-svg-export-one-diagram', 'architecture.drawio.svg', svg)


if __name__ == '__main__':
    main()
