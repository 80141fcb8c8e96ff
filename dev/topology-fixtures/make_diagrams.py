#!/usr/bin/env python3
"""Writes the draw.io fixtures of the topology rules (HA, SPOF, NET, SCALE, TLS) and the draw.io version of
the three-tier demo. Every diagram is drawn here from scratch with the cell helpers of
dev/diagram-fixtures/make_fixtures.py. Run from the repository root:

    python3 dev/topology-fixtures/make_diagrams.py

`<!-- Noncompliant@+1 -->` / `<!-- Note@+1 -->` markers sit on the line before the cell a finding points at.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'diagram-fixtures'))
from make_fixtures import Page, mxfile, AZ_DASHED  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), '..', '..', 'fixtures')


def write(path, text):
    full = os.path.join(ROOT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, 'w') as f:
        f.write(text)


def frame(p, azs=2):
    """AWS Cloud > VPC > one dashed 'Availability Zone N' box per AZ, each with a public and a private subnet."""
    p.group('cloud', 'AWS Cloud', 'group_aws_cloud_alt', 120, 20, 420 * azs + 80, 700, stroke='#232F3E')
    p.group('vpc', 'VPC', 'group_vpc2', 140, 60, 420 * azs + 40, 640)
    for i in range(azs):
        x = az_x(i + 1)
        p.vertex('az%d' % (i + 1), 'Availability Zone %d' % (i + 1), AZ_DASHED, x, 100, 400, 580)
        p.group('pubsn%d' % (i + 1), 'Public subnet', 'group_security_group', x + 20, 140, 360, 140,
                stroke='#7AA116', fill='#F2F6E8')
        p.group('appsn%d' % (i + 1), 'Private subnet (app)', 'group_security_group', x + 20, 300, 360, 160,
                stroke='#00A4A6', fill='#E6F6F7')
        p.group('datasn%d' % (i + 1), 'Private subnet (data)', 'group_security_group', x + 20, 480, 360, 160,
                stroke='#00A4A6', fill='#E6F6F7')


def az_x(i):
    """Left edge of AZ box i (1-based): boxes of width 400, 20 apart."""
    return 160 + 420 * (i - 1)


def alb(p, cid='alb', label='Application Load Balancer'):
    # Drawn across the border of the two AZ boxes (560..580): it lives in both.
    p.glyph(cid, label, 'application_load_balancer', 546, 200)


def main():
    # ---------------------------------------------------------------- HA003 / SPOF004: web in two AZs, database in one
    p = Page()
    frame(p)
    p.glyph('users', 'Users', 'users', 546, -60)
    alb(p)
    p.icon('web1', 'Web server 1', 'ec2', az_x(1) + 180, 360)
    p.icon('web2', 'Web server 2', 'ec2', az_x(2) + 180, 360)
    p.marker('Noncompliant@+1 {{data tier: RDS instance "Orders DB" runs in one AZ (Availability Zone 1) '
             'and the multi-AZ compute tier depends on it: Web server 1 (cell web1) + Web server 2 (cell web2) (Web server 1 '
             '(cell web1) in Availability Zone 1; Web server 2 (cell web2) in Availability Zone 2); path '
             'Users (cell users) -> Application Load Balancer (cell alb) -> Web server 1 (cell web1) + Web server 2 (cell web2) '
             '-> Orders DB (cell db)}}')
    p.icon('db', 'Orders DB', 'rds', az_x(1) + 180, 540)
    p.edge('e1', 'users', 'alb', 'HTTPS')
    p.edge('e2', 'alb', 'web1', 'HTTP')
    p.edge('e3', 'alb', 'web2', 'HTTP')
    p.edge('e4', 'web1', 'db', 'TLS')
    p.edge('e5', 'web2', 'db', 'TLS')
    write('rules/SPOF004/drawio-web-in-two-azs-database-in-one/architecture.drawio', mxfile([p]))

    p = Page()
    frame(p)
    p.glyph('users', 'Users', 'users', 546, -60)
    alb(p)
    p.icon('web1', 'Web server 1', 'ec2', az_x(1) + 180, 360)
    p.icon('web2', 'Web server 2', 'ec2', az_x(2) + 180, 360)
    p.icon('db', 'Orders DB primary', 'rds', az_x(1) + 180, 540)
    p.icon('standby', 'Orders DB standby', 'rds', az_x(2) + 180, 540)
    p.edge('e1', 'users', 'alb', 'HTTPS')
    p.edge('e2', 'alb', 'web1', 'HTTP')
    p.edge('e3', 'alb', 'web2', 'HTTP')
    p.edge('e4', 'web1', 'db', 'TLS')
    p.edge('e5', 'web2', 'db', 'TLS')
    p.edge('e6', 'db', 'standby', 'synchronous replication')
    write('rules/SPOF004/drawio-database-with-standby/architecture.drawio', mxfile([p]))

    # HA003: a database in one AZ that only single-AZ compute uses (HA002 and HA003, not SPOF004)
    p = Page()
    frame(p)
    p.icon('worker', 'Worker', 'ec2', az_x(1) + 180, 360)
    p.marker('Noncompliant@+1')
    p.icon('db', 'Reports DB', 'rds', az_x(1) + 180, 540)
    p.edge('e1', 'worker', 'db', 'TLS')
    write('rules/HA003/drawio-database-in-one-az-box/architecture.drawio', mxfile([p]))

    # ---------------------------------------------------------------- HA002: web tier in one AZ box / two
    p = Page()
    frame(p)
    p.glyph('users', 'Users', 'users', 546, -60)
    alb(p)
    p.marker('Noncompliant@+1')
    p.icon('web1', 'Web server 1', 'ec2', az_x(1) + 100, 360)
    p.icon('web2', 'Web server 2', 'ec2', az_x(1) + 260, 360)
    p.icon('db', 'Orders DB primary', 'rds', az_x(1) + 180, 540)
    p.icon('standby', 'Orders DB standby', 'rds', az_x(2) + 180, 540)
    p.edge('e1', 'users', 'alb', 'HTTPS')
    p.edge('e2', 'alb', 'web1', 'HTTP')
    p.edge('e3', 'alb', 'web2', 'HTTP')
    p.edge('e4', 'web1', 'db', 'TLS')
    p.edge('e5', 'web2', 'db', 'TLS')
    p.edge('e6', 'db', 'standby', 'replication')
    write('rules/HA002/drawio-web-tier-in-one-az-box/architecture.drawio', mxfile([p]))

    p = Page()
    frame(p)
    p.glyph('users', 'Users', 'users', 546, -60)
    alb(p)
    p.icon('web1', 'Web server 1', 'ec2', az_x(1) + 180, 360)
    p.icon('web2', 'Web server 2', 'ec2', az_x(2) + 180, 360)
    p.edge('e1', 'users', 'alb', 'HTTPS')
    p.edge('e2', 'alb', 'web1', 'HTTP')
    p.edge('e3', 'alb', 'web2', 'HTTP')
    write('rules/HA002/drawio-web-tier-in-two-az-boxes/architecture.drawio', mxfile([p]))

    # HA002: drawn copies (one kind, labelled alike up to a number) are one set; different services are not
    p = Page()
    frame(p)
    p.icon('svc1', 'Orders service 1', 'ecs_service', az_x(1) + 180, 360)
    p.icon('svc2', 'Orders service 2', 'ecs_service', az_x(2) + 180, 360)
    write('rules/HA002/drawio-service-copies-in-two-az-boxes/architecture.drawio', mxfile([p]))

    p = Page()
    frame(p)
    p.marker('Noncompliant@+1')
    p.icon('svc1', 'Orders service 1', 'ecs_service', az_x(1) + 100, 360)
    p.icon('svc2', 'Orders service 2', 'ecs_service', az_x(1) + 240, 360)
    write('rules/HA002/drawio-service-copies-in-one-az-box/architecture.drawio', mxfile([p]))

    p = Page()
    frame(p)
    p.marker('Noncompliant@+1')
    p.icon('svca', 'Service A', 'ecs_service', az_x(1) + 180, 360)
    p.marker('Noncompliant@+1')
    p.icon('svcb', 'Service B', 'ecs_service', az_x(2) + 180, 360)
    write('rules/HA002/drawio-different-services-in-two-az-boxes/architecture.drawio', mxfile([p]))

    # ---------------------------------------------------------------- SPOF001: one NAT for two AZs / one per AZ
    p = Page()
    frame(p)
    p.marker('Noncompliant@+1')
    p.icon('nat', 'NAT gateway', 'nat_gateway', az_x(1) + 180, 190)
    p.icon('app1', 'App server 1', 'ec2', az_x(1) + 180, 360)
    p.icon('app2', 'App server 2', 'ec2', az_x(2) + 180, 360)
    p.edge('e1', 'app1', 'nat', 'outbound')
    p.edge('e2', 'app2', 'nat', 'outbound')
    write('rules/SPOF001/drawio-one-nat-for-two-azs/architecture.drawio', mxfile([p]))

    p = Page()
    frame(p)
    p.icon('nat1', 'NAT gateway 1', 'nat_gateway', az_x(1) + 180, 190)
    p.icon('nat2', 'NAT gateway 2', 'nat_gateway', az_x(2) + 180, 190)
    p.icon('app1', 'App server 1', 'ec2', az_x(1) + 180, 360)
    p.icon('app2', 'App server 2', 'ec2', az_x(2) + 180, 360)
    p.edge('e1', 'app1', 'nat1', 'outbound')
    p.edge('e2', 'app2', 'nat2', 'outbound')
    write('rules/SPOF001/drawio-nat-per-az/architecture.drawio', mxfile([p]))

    # ---------------------------------------------------------------- SPOF002: one web server between ALB and database
    p = Page()
    frame(p)
    p.glyph('users', 'Users', 'users', 546, -60)
    alb(p)
    p.marker('Noncompliant@+1')
    p.icon('web', 'Web server', 'ec2', az_x(1) + 180, 360)
    p.icon('db', 'Orders DB primary', 'rds', az_x(1) + 180, 540)
    p.icon('standby', 'Orders DB standby', 'rds', az_x(2) + 180, 540)
    p.edge('e1', 'users', 'alb', 'HTTPS')
    p.edge('e2', 'alb', 'web', 'HTTP')
    p.edge('e3', 'web', 'db', 'TLS')
    p.edge('e4', 'db', 'standby', 'replication')
    write('rules/SPOF002/drawio-lone-web-server/architecture.drawio', mxfile([p]))

    # ---------------------------------------------------------------- SPOF005: a firewall in one AZ on every path; a single link
    p = Page()
    frame(p)
    p.glyph('users', 'Users', 'users', 546, -60)
    p.marker('Noncompliant@+1')
    p.icon('fw', 'Inspection firewall', 'network_firewall', az_x(1) + 180, 190)
    alb(p)
    p.icon('web1', 'Web server 1', 'ec2', az_x(1) + 180, 360)
    p.icon('web2', 'Web server 2', 'ec2', az_x(2) + 180, 360)
    p.edge('e1', 'users', 'fw', 'HTTPS')
    p.edge('e2', 'fw', 'alb', 'HTTPS')
    p.edge('e3', 'alb', 'web1', 'HTTP')
    p.edge('e4', 'alb', 'web2', 'HTTP')
    write('rules/SPOF005/drawio-firewall-in-one-az/architecture.drawio', mxfile([p]))

    p = Page()
    frame(p)
    p.glyph('users', 'Users', 'users', 546, -60)
    p.icon('fw1', 'Inspection firewall 1', 'network_firewall', az_x(1) + 180, 190)
    p.icon('fw2', 'Inspection firewall 2', 'network_firewall', az_x(2) + 180, 190)
    p.glyph('alb', 'Application Load Balancer', 'application_load_balancer', 546, 260)
    p.icon('web1', 'Web server 1', 'ec2', az_x(1) + 180, 360)
    p.icon('web2', 'Web server 2', 'ec2', az_x(2) + 180, 360)
    p.edge('e1', 'users', 'fw1', 'HTTPS')
    p.edge('e2', 'users', 'fw2', 'HTTPS')
    p.edge('e3', 'fw1', 'alb', 'HTTPS')
    p.edge('e4', 'fw2', 'alb', 'HTTPS')
    p.edge('e5', 'alb', 'web1', 'HTTP')
    p.edge('e6', 'alb', 'web2', 'HTTP')
    write('rules/SPOF005/drawio-firewall-per-az/architecture.drawio', mxfile([p]))

    def on_premises(p, links):
        p.group('dc', 'Corporate data center', 'group_corporate_data_center', -420, 200, 300, 400, stroke='#7D8998')
        p.icon('erp', 'ERP server', 'traditional_server', -300, 360)
        p.icon('app1', 'App server 1', 'ec2', az_x(1) + 180, 360)
        p.icon('app2', 'App server 2', 'ec2', az_x(2) + 180, 360)
        for i, (marker, target) in enumerate(links):
            if marker:
                p.marker(marker)
            p.edge('l%d' % (i + 1), 'erp', target, 'HTTPS')

    p = Page()
    frame(p)
    on_premises(p, [('Noncompliant@+1', 'app1')])
    write('rules/SPOF005/drawio-on-premises-single-link/architecture.drawio', mxfile([p]))
    p = Page()
    frame(p)
    on_premises(p, [(None, 'app1'), (None, 'app2')])
    write('rules/SPOF005/drawio-on-premises-two-links/architecture.drawio', mxfile([p]))

    # ---------------------------------------------------------------- NET001: one customer gateway / two
    def site(p, gateways, vpns):
        p.group('dc', 'Corporate data center', 'group_corporate_data_center', -420, 200, 300, 400, stroke='#7D8998')
        for i, g in enumerate(gateways):
            p.icon(g, 'Customer gateway %d' % (i + 1), 'customer_gateway', -300, 260 + 160 * i, parent='1')
        p.icon('vgw', 'Virtual private gateway', 'vpn_gateway', 140, 380)
        for i, (vid, g) in enumerate(vpns):
            p.edge(vid, g, 'vgw', 'Site-to-Site VPN %d' % (i + 1))

    p = Page()
    frame(p)
    p.marker('Noncompliant@+1')
    p.group('dc', 'Corporate data center', 'group_corporate_data_center', -420, 200, 300, 400, stroke='#7D8998')
    p.icon('cgw', 'Customer gateway', 'customer_gateway', -300, 360)
    p.icon('vgw', 'Virtual private gateway', 'vpn_gateway', 140, 380)
    p.edge('v1', 'cgw', 'vgw', 'Site-to-Site VPN 1')
    p.edge('v2', 'cgw', 'vgw', 'Site-to-Site VPN 2')
    write('rules/NET001/drawio-one-customer-gateway-two-vpns/architecture.drawio', mxfile([p]))

    p = Page()
    frame(p)
    p.group('dc', 'Corporate data center', 'group_corporate_data_center', -420, 200, 300, 400, stroke='#7D8998')
    p.icon('cgw1', 'Customer gateway 1', 'customer_gateway', -300, 260)
    p.icon('cgw2', 'Customer gateway 2', 'customer_gateway', -300, 460)
    p.icon('vgw', 'Virtual private gateway', 'vpn_gateway', 140, 380)
    p.edge('v1', 'cgw1', 'vgw', 'Site-to-Site VPN 1')
    p.edge('v2', 'cgw2', 'vgw', 'Site-to-Site VPN 2')
    write('rules/NET001/drawio-two-customer-gateways/architecture.drawio', mxfile([p]))

    # ---------------------------------------------------------------- TLS003: edges across the VPC border
    def tls(label, marker):
        p = Page()
        frame(p)
        p.glyph('users', 'Users', 'users', 546, -60)
        alb(p)
        p.icon('web1', 'Web server 1', 'ec2', az_x(1) + 180, 360)
        p.icon('web2', 'Web server 2', 'ec2', az_x(2) + 180, 360)
        if marker:
            p.marker(marker)
        p.edge('e1', 'users', 'alb', label)
        p.edge('e2', 'alb', 'web1', 'HTTP')
        p.edge('e3', 'alb', 'web2', 'HTTP')
        return p
    write('rules/TLS003/drawio-http-from-users/architecture.drawio', mxfile([tls('HTTP', 'Noncompliant@+1')]))
    write('rules/TLS003/drawio-https-from-users/architecture.drawio', mxfile([tls('HTTPS', None)]))
    write('rules/TLS003/drawio-unlabelled-edge/architecture.drawio', mxfile([tls('', 'Note@+1')]))

    # ---------------------------------------------------------------- SCALE001: instances without / inside an ASG box
    p = Page()
    frame(p)
    p.glyph('users', 'Users', 'users', 546, -60)
    alb(p)
    p.marker('Note@+1')  # a drawing does not state scaling: a note, never a finding
    p.icon('web1', 'Web server 1', 'ec2', az_x(1) + 180, 360)
    p.icon('web2', 'Web server 2', 'ec2', az_x(2) + 180, 360)
    p.edge('e1', 'users', 'alb', 'HTTPS')
    p.edge('e2', 'alb', 'web1', 'HTTP')
    p.edge('e3', 'alb', 'web2', 'HTTP')
    write('rules/SCALE001/drawio-instances-without-auto-scaling/architecture.drawio', mxfile([p]))

    p = Page()
    frame(p)
    p.glyph('users', 'Users', 'users', 546, -60)
    alb(p)
    p.group('asg', 'Auto Scaling group', 'group_auto_scaling_group', 220, 320, 700, 120, stroke='#D86613', dashed=1)
    p.icon('web1', 'Web server 1', 'ec2', az_x(1) + 180, 360)
    p.icon('web2', 'Web server 2', 'ec2', az_x(2) + 180, 360)
    p.edge('e1', 'users', 'alb', 'HTTPS')
    p.edge('e2', 'alb', 'asg', 'HTTP')
    write('rules/SCALE001/drawio-auto-scaling-group-box/architecture.drawio', mxfile([p]))

    demo_three_tier()


def demo_three_tier():
    """The architecture of fixtures/demo/three-tier/template.yaml as an architect would draw it: the load balancer
    across both AZs (the template puts both its subnets in us-east-1a), the application group over both AZs, one
    NAT gateway in AZ 1 for both AZs, a single-AZ PostgreSQL database in AZ 1."""
    p = Page('Three-tier web application')
    frame(p)
    p.glyph('users', 'Users', 'users', 546, -100)
    p.icon('igw', 'Internet gateway', 'internet_gateway', 546, 36)
    alb(p, 'alb', 'WebAlb')
    p.icon('nat', 'NatGateway', 'nat_gateway', az_x(1) + 60, 190)
    p.group('asg', 'AppGroup (Auto Scaling group)', 'group_auto_scaling_group', 200, 330, 720, 110, stroke='#D86613',
            dashed=1)
    p.icon('app1', 'App server', 'ec2', az_x(1) + 180, 360)
    p.icon('app2', 'App server', 'ec2', az_x(2) + 180, 360)
    p.icon('db', 'Database (PostgreSQL)', 'rds', az_x(1) + 180, 540)
    p.edge('e1', 'users', 'igw', 'HTTPS')
    p.edge('e2', 'igw', 'alb', 'HTTPS')
    p.edge('e3', 'alb', 'asg', 'HTTP 8080')
    p.edge('e4', 'asg', 'db', 'PostgreSQL 5432')
    p.edge('e5', 'app1', 'nat', 'outbound')
    p.edge('e6', 'app2', 'nat', 'outbound')
    write('demo/three-tier-drawio/architecture.drawio', mxfile([p]))


if __name__ == '__main__':
    main()
