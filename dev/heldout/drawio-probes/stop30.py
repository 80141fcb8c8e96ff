#!/usr/bin/env python3
"""Held-out probes of stop 30: drawing habits not probed before. A legend drawn without a box (a free "Legend",
"LEGEND" or "Key:" text above or beside unconnected icons with their captions, sample lines) beside a page that
needs nothing of it, and a free "Key" text captioning a KMS icon in a column of unconnected services (no legend);
plain boxes named by a role with the service stated beside it ("Web server (EC2)", "Orders DB (RDS)", "App server -
EC2", "EC2 web server"); icons in no AZ box whose labels name their AZ ("Web server (us-east-1a)", "NAT Gateway
AZ-1"), and short names that do not ("web-1a"); a plain SVG whose icons are PNG pictures named by their captions.
Each page was read finding by finding; see dev/heldout/review.md, "stop 30".

usage: dev/heldout/drawio-probes/stop30.py OUT_DIR      then: ./atolint scan OUT_DIR/<page>.drawio (or .svg)
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pages import AZ, Page, group, res, svc, write_pages  # noqa: E402
from stop29 import USERS, three_tier  # noqa: E402

TEXT = "text;html=1;align=left;verticalAlign=middle;resizable=0;points=[];autosize=1;strokeColor=none;fillColor=none;"
PLAIN = "rounded=0;whiteSpace=wrap;html=1;fillColor=#dae8fc;strokeColor=#6c8ebf;"
ITEMS = [("instance2", "Amazon EC2", "#ED7100", res), ("rds", "Amazon RDS", "#C925D1", svc),
         ("nat_gateway", "NAT gateway", "#8C4FFF", res), ("s3", "Amazon S3", "#7AA116", svc)]
# a 1x1 PNG: a picture that says nothing of what it shows
PNG = ("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5E"
       "rkJggg==")


def legend_column(title="Legend", captions="beside", x0=960, y0=300):
    """The three-tier page, and a legend without a box: a title, icons below it, their captions."""
    p = Page(); three_tier(p)
    p.v("legt", title, TEXT + "fontStyle=1;fontSize=14;", x0, y0, 80, 30)
    for i, (icon, name, fill, kind) in enumerate(ITEMS):
        if captions == "beside":
            p.v(f"l{i}", name, kind(icon, fill).replace(
                "verticalLabelPosition=bottom;verticalAlign=top;align=center",
                "labelPosition=right;verticalLabelPosition=middle;align=left;verticalAlign=middle"), x0, y0 + 40 + i * 55, 40, 40)
        else:
            p.v(f"l{i}", "", kind(icon, fill), x0, y0 + 40 + i * 55, 40, 40)
            p.v(f"t{i}", name, TEXT, x0 + 50, y0 + 45 + i * 55, 120, 30)
    p.v("lu", "", USERS, x0, y0 + 40 + len(ITEMS) * 55, 40, 40)
    p.v("tu", "End users", TEXT, x0 + 50, y0 + 45 + len(ITEMS) * 55, 120, 30)
    return p


def legend_row():
    p = Page(); three_tier(p)
    p.v("legt", "LEGEND", TEXT + "fontStyle=1;", 40, 660, 80, 30)
    for i, (icon, name, fill, kind) in enumerate(ITEMS):
        p.v(f"l{i}", "", kind(icon, fill), 140 + i * 170, 655, 40, 40)
        p.v(f"t{i}", name, TEXT, 185 + i * 170, 660, 110, 30)
    p.cells.append('<mxCell id="sample" value="" style="endArrow=classic;html=1;dashed=1;" edge="1" parent="1"><mxGeometry '
                   'relative="1" as="geometry"><mxPoint x="820" y="675" as="sourcePoint"/><mxPoint x="880" y="675" '
                   'as="targetPoint"/></mxGeometry></mxCell>')
    p.v("lst", "Replication", TEXT, 890, 660, 90, 30)
    return p


def key_caption():
    p = Page(); three_tier(p)
    p.v("kk", "", svc("key_management_service", "#DD344C"), 960, 300, 40, 40)
    p.v("kkt", "Key", TEXT, 960, 342, 40, 20)
    p.v("sm", "Secrets Manager", svc("secrets_manager", "#DD344C"), 960, 390, 40, 40)
    p.v("ct", "CloudTrail", svc("cloudtrail", "#E7157B"), 960, 480, 40, 40)
    return p


def framed(p):
    p.v("cloud", "AWS Cloud", group("group_aws_cloud_alt", "#232F3E"), 20, 20, 900, 620)
    p.v("vpc", "VPC", group("group_vpc2", "#8C4FFF"), 60, 70, 820, 540)
    p.v("users", "Users", USERS, 940, 30, 60, 60)
    p.v("alb", "Application Load Balancer", res("application_load_balancer", "#8C4FFF"), 440, 140, 60, 60)


def plain_boxes(web="Web server (EC2)", db="Orders DB (RDS)"):
    p = Page(); framed(p)
    p.v("az1", "Availability Zone 1", AZ, 100, 120, 340, 470)
    p.v("az2", "Availability Zone 2", AZ, 500, 120, 340, 470)
    p.v("web1", web, PLAIN, 200, 260, 120, 60)
    p.v("web2", web, PLAIN, 600, 260, 120, 60)
    p.v("db1", db, PLAIN, 200, 440, 120, 60)
    p.e("e1", "users", "alb"); p.e("e2", "alb", "web1"); p.e("e3", "alb", "web2")
    p.e("e4", "web1", "db1"); p.e("e5", "web2", "db1")
    return p


def az_in_labels(web=("Web server (us-east-1a)", "Web server (us-east-1b)"), db="Orders DB (us-east-1a)"):
    p = Page(); framed(p)
    p.v("web1", web[0], res("instance2"), 230, 260, 60, 60)
    p.v("web2", web[1], res("instance2"), 630, 260, 60, 60)
    p.v("db1", db, svc("rds", "#C925D1"), 430, 420, 60, 60)
    p.v("nat1", "NAT Gateway AZ-1", res("nat_gateway", "#8C4FFF"), 230, 150, 40, 40)
    p.v("nat2", "NAT Gateway AZ-2", res("nat_gateway", "#8C4FFF"), 630, 150, 40, 40)
    p.e("e1", "users", "alb"); p.e("e2", "alb", "web1"); p.e("e3", "alb", "web2")
    p.e("e4", "web1", "db1"); p.e("e5", "web2", "db1")
    return p


def png_svg():
    def icon(x, y, caption):
        return (f'<image x="{x}" y="{y}" width="48" height="48" href="{PNG}"/>\n'
                f'<text x="{x + 24}" y="{y + 64}" text-anchor="middle" font-size="12">{caption}</text>')

    def box(x, y, w, h, title, stroke="#147EBA", dashed=True):
        dash = ' stroke-dasharray="5,5"' if dashed else ''
        return (f'<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="none" stroke="{stroke}"{dash}/>'
                f'<text x="{x + 8}" y="{y + 18}" font-size="12">{title}</text>')

    def line(x1, y1, x2, y2):
        return f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="#000" marker-end="url(#a)"/>'
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="620" viewBox="0 0 1000 620">',
             '<defs><marker id="a" markerWidth="10" markerHeight="7" refX="10" refY="3.5" orient="auto">'
             '<polygon points="0 0, 10 3.5, 0 7"/></marker></defs>',
             box(20, 20, 860, 560, "AWS Cloud", "#232F3E", False), box(50, 60, 800, 500, "VPC", "#8C4FFF", False),
             box(80, 140, 340, 400, "Availability Zone 1"), box(480, 140, 340, 400, "Availability Zone 2"),
             icon(426, 80, "Application Load Balancer"), icon(226, 220, "EC2 web server"), icon(626, 220, "EC2 web server"),
             icon(226, 420, "Amazon RDS"), icon(900, 80, "Users"),
             line(900, 104, 476, 104), line(450, 128, 250, 220), line(450, 128, 650, 220), line(250, 284, 250, 420),
             line(650, 284, 274, 440), '</svg>']
    return "\n".join(parts) + "\n"


PAGES = {
    "legend-without-box": legend_column, "legend-without-box-captions-apart": lambda: legend_column(captions="apart"),
    "legend-without-box-key": lambda: legend_column(title="Key:"),
    "legend-without-box-below": lambda: legend_column(x0=40, y0=660), "legend-row-without-box": legend_row,
    "key-caption-no-legend": key_caption,
    "plain-boxes-service-in-brackets": plain_boxes,
    "plain-boxes-service-after-dash": lambda: plain_boxes("App server - EC2", "Sessions: ElastiCache"),
    "plain-boxes-service-first": lambda: plain_boxes("EC2 web server", "RDS database"),
    "az-in-icon-labels": az_in_labels,
    "short-zone-names": lambda: az_in_labels(("web-1a", "web-1b"), "Orders DB (Multi-AZ)"),
}
SVGS = {"svg-png-icons": png_svg}

if __name__ == "__main__":
    write_pages(sys.argv, __doc__, PAGES, SVGS)
