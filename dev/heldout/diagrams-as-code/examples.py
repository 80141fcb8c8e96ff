#!/usr/bin/env python3
"""Diagrams-as-code probes: the DOT that the diagrams library (mingrammer/diagrams) writes for four
architectures (the library's own "Clustered Web Services" and "Event Processing" examples, a two-AZ web tier
and a branch office on one VPN), rendered by Graphviz `dot` into SVG as the library renders them. The library
itself is not installed (PyPI is not reachable here): this writes its graph, node and cluster attributes and its
icon files' places (resources/<provider>/<category>/<name>.png, placeholders of the right size), and rewrites
the icon paths to where pip installs them.
usage: examples.py OUT_DIR      (needs `dot` on the PATH)"""
import os, struct, subprocess, sys, zlib, itertools

OUT = sys.argv[1]
ICONS = os.path.join(OUT, 'site-packages', 'resources')
INSTALLED = '/usr/local/lib/python3.11/site-packages/resources'
ICON = {'Route53': 'aws/network/route-53', 'ELB': 'aws/network/elastic-load-balancing',
        'ALB': 'aws/network/elb-application-load-balancer', 'ECS': 'aws/compute/elastic-container-service',
        'EKS': 'aws/compute/elastic-kubernetes-service', 'EC2': 'aws/compute/ec2', 'RDS': 'aws/database/rds',
        'ElastiCache': 'aws/database/elasticache', 'SQS': 'aws/integration/simple-queue-service-sqs',
        'Lambda': 'aws/compute/lambda', 'S3': 'aws/storage/simple-storage-service-s3', 'Redshift': 'aws/database/redshift',
        'Users': 'onprem/client/users', 'IGW': 'aws/network/internet-gateway', 'CGW': 'aws/network/vpc-customer-gateway',
        'VPN': 'aws/network/site-to-site-vpn', 'Server': 'onprem/compute/server'}
GRAPH = ('graph [fontcolor="#2D3436" fontname="Sans-Serif" fontsize=15 label="%s" nodesep=0.60 pad=2.0 rankdir=LR '
         'ranksep=0.75 splines=ortho]\n node [fixedsize=true fontcolor="#2D3436" fontname="Sans-Serif" fontsize=13 '
         'height=1.4 imagescale=true labelloc=b shape=box style=rounded width=1.4]\n edge [color="#7B8894"]\n')
CLUSTER = ('graph [bgcolor="#E5F5FD" fontname="Sans-Serif" fontsize=12 label="%s" labeljust=l pencolor="#AEB6BE" '
           'rankdir=LR shape=box style=rounded]\n')
ids = itertools.count(1)


def png(path, size=256):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    chunk = lambda k, d: struct.pack('>I', len(d)) + k + d + struct.pack('>I', zlib.crc32(k + d) & 0xffffffff)
    raw = b''.join(b'\x00' + b'\x80\x80\x80' * size for _ in range(size))
    with open(path, 'wb') as f:
        f.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', size, size, 8, 2, 0, 0, 0))
                + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))


class Diagram:
    def __init__(self, name):
        self.out = ['digraph "%s" {\n' % name, GRAPH % name]

    def node(self, kind, label):
        i = 'n%d' % next(ids)
        path = os.path.join(ICONS, ICON[kind] + '.png')
        if not os.path.exists(path):
            png(path)
        self.out.append('%s [label="%s" height=1.9 image="%s" shape=none]\n' % (i, label, path))
        return i

    def cluster(self, label):
        self.out.append('subgraph "cluster_%s" {\n' % label + CLUSTER % label)

    def end(self):
        self.out.append('}\n')

    def edge(self, a, b, direction='forward'):
        for x in a if isinstance(a, list) else [a]:
            for y in b if isinstance(b, list) else [b]:
                self.out.append('%s -> %s [dir=%s fontcolor="#2D3436" fontname="Sans-Serif" fontsize=13]\n' % (x, y, direction))

    def render(self, name):
        self.out.append('}\n')
        dot = os.path.join(OUT, name + '.dot')
        with open(dot, 'w') as f:
            f.write(''.join(self.out))
        svg = os.path.join(OUT, name + '.svg')
        subprocess.run(['dot', '-Tsvg', dot, '-o', svg], check=True, stderr=subprocess.DEVNULL)
        text = open(svg).read().replace(ICONS, INSTALLED)
        with open(svg, 'w') as f:
            f.write(text)


d = Diagram('Clustered Web Services')
dns, lb = d.node('Route53', 'dns'), d.node('ELB', 'lb')
d.cluster('Services'); svc = [d.node('ECS', 'web1'), d.node('ECS', 'web2'), d.node('ECS', 'web3')]; d.end()
d.cluster('DB Cluster'); primary = d.node('RDS', 'userdb'); replica = d.node('RDS', 'userdb ro'); d.edge(primary, replica, 'none'); d.end()
cache = d.node('ElastiCache', 'memcached')
d.edge(dns, lb); d.edge(lb, svc); d.edge(svc, primary); d.edge(svc, cache)
d.render('clustered-web-services')

d = Diagram('Event Processing')
source = d.node('EKS', 'k8s source')
d.cluster('Event Flows'); d.cluster('Event Workers')
workers = [d.node('ECS', 'worker1'), d.node('ECS', 'worker2'), d.node('ECS', 'worker3')]; d.end()
queue = d.node('SQS', 'event queue')
d.cluster('Processing'); handlers = [d.node('Lambda', 'proc1'), d.node('Lambda', 'proc2'), d.node('Lambda', 'proc3')]; d.end(); d.end()
store, dw = d.node('S3', 'events store'), d.node('Redshift', 'analytics')
d.edge(source, workers); d.edge(workers, queue); d.edge(queue, handlers); d.edge(handlers, store); d.edge(handlers, dw)
d.render('event-processing')

d = Diagram('Web tier')
users = d.node('Users', 'users')
d.cluster('VPC'); igw, alb = d.node('IGW', 'igw'), d.node('ALB', 'alb')
d.cluster('AZ a'); web1, db1 = d.node('EC2', 'web1'), d.node('RDS', 'primary'); d.end()
d.cluster('AZ b'); web2, db2 = d.node('EC2', 'web2'), d.node('RDS', 'standby'); d.end(); d.end()
d.edge(users, igw); d.edge(igw, alb); d.edge(alb, [web1, web2]); d.edge([web1, web2], db1); d.edge(db1, db2, 'none')
d.render('web-tier-two-azs')

d = Diagram('Branch office')
d.cluster('Branch office'); server, cgw = d.node('Server', 'file server'), d.node('CGW', 'branch router'); d.end()
d.cluster('AWS Cloud'); d.cluster('VPC'); vpn = d.node('VPN', 'site-to-site vpn')
d.cluster('Private subnet'); reports = d.node('EC2', 'reports'); d.end(); d.end(); d.end()
d.edge(server, cgw); d.edge(cgw, vpn, 'both'); d.edge(vpn, reports)
d.render('branch-office-one-vpn')
