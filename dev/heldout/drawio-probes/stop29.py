#!/usr/bin/env python3
"""Held-out probes of stop 29: drawing habits not probed before. A legend box beside the architecture (icons,
subnet swatches, a Users icon, sample lines; titled by its own label or by a free text at its top), security
groups drawn with draw.io's subnet group, AZ boxes drawn with it, a trunk line whose branches are glued to it,
an overview page beside a network page, routers drawn in a data center with VPN lines, protocols written on
lines as ports ("443", ":80"), and plain SVGs (no draw.io model) whose arrowheads are triangles of their own or
whose lines have none. Each page was read finding by finding; see dev/heldout/review.md, "stop 29".

usage: dev/heldout/drawio-probes/stop29.py OUT_DIR      then: ./atolint scan OUT_DIR/<page>.drawio (or .svg)
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pages import AZ, Page, group, res, svc, write_pages  # noqa: E402

USERS = ("sketch=0;outlineConnect=0;fontColor=#232F3E;gradientColor=none;fillColor=#232F3D;strokeColor=none;dashed=0;"
         "verticalLabelPosition=bottom;verticalAlign=top;align=center;html=1;fontSize=12;fontStyle=0;aspect=fixed;"
         "pointerEvents=1;shape=mxgraph.aws4.users;")
CISCO = ("html=1;pointerEvents=1;dashed=0;fillColor=#036897;strokeColor=#ffffff;strokeWidth=2;verticalLabelPosition=bottom;"
         "verticalAlign=top;align=center;outlineConnect=0;shape=mxgraph.cisco.")
BESIDE = ("verticalLabelPosition=bottom;verticalAlign=top;align=center",
          "labelPosition=right;verticalLabelPosition=middle;align=left;verticalAlign=middle")


def three_tier(p, db_pair=True):
    p.v("cloud", "AWS Cloud", group("group_aws_cloud_alt", "#232F3E"), 20, 20, 900, 620)
    p.v("vpc", "VPC", group("group_vpc2", "#8C4FFF"), 60, 70, 820, 540)
    p.v("az1", "Availability Zone 1", AZ, 100, 120, 340, 470)
    p.v("az2", "Availability Zone 2", AZ, 500, 120, 340, 470)
    p.v("users", "Users", USERS, 940, 30, 60, 60)
    p.v("alb", "Application Load Balancer", res("application_load_balancer", "#8C4FFF"), 440, 140, 60, 60)
    p.v("web1", "Web server", res("instance2"), 230, 260, 60, 60)
    p.v("web2", "Web server", res("instance2"), 630, 260, 60, 60)
    p.v("db1", "RDS primary", svc("rds", "#C925D1"), 230, 440, 60, 60)
    if db_pair:
        p.v("db2", "RDS standby", svc("rds", "#C925D1"), 630, 440, 60, 60)
        p.e("e6", "db1", "db2", "synchronous replication", "dashed=1;")
    p.e("e1", "users", "alb"); p.e("e2", "alb", "web1"); p.e("e3", "alb", "web2")
    p.e("e4", "web1", "db1"); p.e("e5", "web2", "db1")


def legend(titled_by="label"):
    p = Page(); three_tier(p)
    if titled_by == "label":
        p.v("leg", "Legend", "rounded=0;whiteSpace=wrap;html=1;verticalAlign=top;align=left;spacingLeft=8;fillColor=#f5f5f5;strokeColor=#666666;", 960, 300, 220, 330)
    else:
        p.v("leg", "", "rounded=0;whiteSpace=wrap;html=1;fillColor=#f5f5f5;strokeColor=#666666;", 960, 300, 220, 330)
        p.v("legt", "凡例", "text;html=1;strokeColor=none;fillColor=none;align=left;fontStyle=1;", 970, 305, 80, 25)
    items = [("instance2", "Amazon EC2", "#ED7100", res), ("rds", "Amazon RDS", "#C925D1", svc),
             ("nat_gateway", "NAT gateway", "#8C4FFF", res), ("s3", "Amazon S3", "#7AA116", svc)]
    for i, (icon, name, fill, kind) in enumerate(items):
        p.v(f"l{i}", name, kind(icon, fill).replace(*BESIDE), 975, 340 + i * 50, 40, 40)
    p.v("lpub", "Public subnet", group("group_security_group", "#7AA116", "#F2F6E8"), 975, 545, 180, 35)
    p.v("lusr", "Users", USERS.replace(*BESIDE), 975, 590, 30, 30)
    return p


def security_groups():
    p = Page()
    p.v("cloud", "AWS Cloud", group("group_aws_cloud_alt", "#232F3E"), 20, 20, 900, 560)
    p.v("vpc", "VPC", group("group_vpc2", "#8C4FFF"), 60, 70, 820, 480)
    p.v("az1", "Availability Zone 1", AZ, 100, 120, 340, 400)
    p.v("az2", "Availability Zone 2", AZ, 500, 120, 340, 400)
    p.v("users", "Users", USERS, 940, 30, 60, 60)
    p.v("alb", "ALB", res("application_load_balancer", "#8C4FFF"), 440, 150, 60, 60)
    p.v("sgweb", "Web tier security group", group("group_security_group", "#DD3522"), 200, 260, 540, 120)
    p.v("web1", "Web server", res("instance2"), 230, 290, 60, 60)
    p.v("web2", "Web server", res("instance2"), 630, 290, 60, 60)
    p.v("sgdb", "SG: database", group("group_security_group", "#DD3522"), 200, 410, 540, 90)
    p.v("db1", "Aurora writer", svc("aurora", "#C925D1"), 230, 425, 50, 50)
    p.v("db2", "Aurora reader", svc("aurora", "#C925D1"), 630, 425, 50, 50)
    p.e("e1", "users", "alb"); p.e("e2", "alb", "web1"); p.e("e3", "alb", "web2")
    p.e("e4", "web1", "db1"); p.e("e5", "web2", "db1")
    return p


def az_as_subnet_groups():
    p = Page()
    p.v("cloud", "AWS Cloud", group("group_aws_cloud_alt", "#232F3E"), 20, 20, 900, 620)
    p.v("vpc", "VPC", group("group_vpc2", "#8C4FFF"), 60, 70, 820, 540)
    p.v("az1", "Availability Zone A", group("group_security_group", "#147EBA"), 100, 120, 340, 470)
    p.v("az2", "Availability Zone B", group("group_security_group", "#147EBA"), 500, 120, 340, 470)
    p.v("users", "Users", USERS, 940, 30, 60, 60)
    p.v("alb", "ALB", res("application_load_balancer", "#8C4FFF"), 440, 150, 60, 60)
    p.v("web1", "Web server", res("instance2"), 230, 300, 60, 60)
    p.v("web2", "Web server", res("instance2"), 630, 300, 60, 60)
    p.v("db1", "RDS", svc("rds", "#C925D1"), 230, 450, 50, 50)
    p.e("e1", "users", "alb"); p.e("e2", "alb", "web1"); p.e("e3", "alb", "web2")
    p.e("e4", "web1", "db1"); p.e("e5", "web2", "db1")
    return p


def trunk():
    p = Page(); three_tier(p)
    p.cells = [c for c in p.cells if 'id="e2"' not in c and 'id="e3"' not in c]
    p.cells.append('<mxCell id="trunk" style="endArrow=none;html=1;" edge="1" parent="1" source="alb"><mxGeometry relative="1" as="geometry"><mxPoint x="470" y="240" as="targetPoint"/></mxGeometry></mxCell>')
    for i, t in enumerate(["web1", "web2"], 1):
        p.cells.append(f'<mxCell id="b{i}" style="edgeStyle=orthogonalEdgeStyle;endArrow=classic;html=1;" edge="1" parent="1" source="trunk" target="{t}"><mxGeometry relative="1" as="geometry"><mxPoint x="470" y="240" as="sourcePoint"/></mxGeometry></mxCell>')
    return p


def data_center(variant):
    p = Page(); three_tier(p)
    p.v("dc", "Corporate data center", "rounded=0;whiteSpace=wrap;html=1;verticalAlign=top;align=left;spacingLeft=8;dashed=1;", 960, 200, 260, 360)
    p.v("router", "Router", CISCO + "routers.router;", 1000, 350, 78, 53)
    p.v("srv", "AD server", CISCO + "servers.fileserver;", 1120, 450, 43, 62)
    p.v("vgw", "VPN gateway", res("vpn_gateway", "#8C4FFF"), 860, 330, 40, 40)
    p.e("v1", "router", "vgw", "Site-to-Site VPN")
    if variant == "two-lines":
        p.e("v1b", "router", "vgw", "Site-to-Site VPN (backup)", "curved=1;")
    if variant == "two-routers":
        p.v("router2", "Router 2", CISCO + "routers.router;", 1000, 250, 78, 53)
        p.e("v1c", "router2", "vgw", "Site-to-Site VPN")
    p.e("v2", "vgw", "web1"); p.e("v3", "srv", "router")
    return p


def port_label(label):
    p = Page(); three_tier(p, db_pair=False)
    p.cells = [c.replace('id="e1" value=""', f'id="e1" value="{label}"') for c in p.cells]
    return p


def svg(mode):
    def icon(id, x, y, label):
        return (f'<g id="{id}" transform="translate({x},{y})"><rect width="48" height="48" fill="#ED7100"/>'
                f'<path d="M10 10h28v28H10z" fill="#fff"/></g>\n<text x="{x + 24}" y="{y + 64}" text-anchor="middle">{label}</text>')

    def line(x1, y1, x2, y2):
        s = f'<path d="M{x1} {y1} L{x2} {y2}" stroke="#232F3E" stroke-width="2" fill="none"/>'
        if mode == "arrowheads-apart":
            s += (f'<path d="M{x2} {y2} L{x2 - 8} {y2 - 5} L{x2 - 8} {y2 + 5} Z" fill="#232F3E"/>' if x2 > x1 else
                  f'<path d="M{x2} {y2} L{x2 - 5} {y2 - 8} L{x2 + 5} {y2 - 8} Z" fill="#232F3E"/>')
        return s
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="900" height="600" viewBox="0 0 900 600">',
             '<rect x="20" y="20" width="860" height="560" fill="none" stroke="#232F3E"/><text x="30" y="40">AWS Cloud</text>',
             '<line x1="30" y1="46" x2="110" y2="46" stroke="#232F3E"/>',
             '<rect x="60" y="120" width="360" height="440" fill="none" stroke="#147EBA" stroke-dasharray="4"/><text x="70" y="140">Availability Zone 1</text>',
             '<rect x="460" y="120" width="360" height="440" fill="none" stroke="#147EBA" stroke-dasharray="4"/><text x="470" y="140">Availability Zone 2</text>',
             icon("Arch_Elastic-Load-Balancing_48", 416, 50, "ALB"), icon("Arch_Amazon-EC2_48", 216, 250, "Web 1"),
             icon("Arch_Amazon-EC2_48-2", 616, 250, "Web 2"), icon("Arch_Amazon-RDS_48", 216, 430, "Database"),
             line(440, 98, 240, 250), line(440, 98, 640, 250), line(240, 314, 240, 430), line(640, 314, 240, 430), '</svg>']
    return "\n".join(parts) + "\n"


PAGES = {
    "legend": legend, "legend-titled-by-a-text": lambda: legend("text"), "security-groups": security_groups,
    "az-boxes-as-subnet-groups": az_as_subnet_groups, "trunk-line": trunk,
    "data-center-router": lambda: data_center("one"), "data-center-router-two-lines": lambda: data_center("two-lines"),
    "data-center-two-routers": lambda: data_center("two-routers"),
    "port-443": lambda: port_label("443"), "port-80": lambda: port_label(":80"), "ports-80-443": lambda: port_label("80/443"),
}
SVGS = {"svg-arrowheads-apart": lambda: svg("arrowheads-apart"), "svg-lines-without-arrowheads": lambda: svg("plain")}

if __name__ == "__main__":
    write_pages(sys.argv, __doc__, PAGES, SVGS)
