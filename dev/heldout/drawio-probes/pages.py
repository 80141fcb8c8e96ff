#!/usr/bin/env python3
"""Held-out probes: draw.io pages in styles the development set has few or none of, written as draw.io writes
them (styles copied from its palettes, labels as people type them), to read every finding against the picture.
See dev/heldout/review.md, "stop 27".

usage: dev/heldout/drawio-probes/pages.py OUT_DIR      then: ./atolint scan OUT_DIR/<page>.drawio
Pages: aws17 (a three-tier page in the 2017 palette: groups as rectangles with corner icons), serverless,
eks (a cluster box with the EKS icon at its corner over worker nodes in two AZs), multi-az-label (an RDS
icon between AZ columns labelled 'Multi-AZ', and a cache in one AZ), swimlanes (VPC, AZs and subnets as
swimlanes), callouts / no-callouts (the same page with and without numbered step circles and a legend).
"""
import html as _h
import os
import sys

GROUP = "points=[[0,0],[0.25,0],[0.5,0],[0.75,0],[1,0],[1,1],[0,1]];outlineConnect=0;gradientColor=none;html=1;whiteSpace=wrap;fontSize=12;fontStyle=0;container=1;pointerEvents=0;collapsible=0;recursiveResize=0;shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.{g};strokeColor={c};fillColor={f};verticalAlign=top;align=left;spacingLeft=30;fontColor={c};dashed=0;"
def group(g, c="#8C4FFF", f="none"): return GROUP.format(g=g, c=c, f=f)
AZ = "fillColor=none;strokeColor=#147EBA;dashed=1;verticalAlign=top;fontStyle=0;fontColor=#147EBA;whiteSpace=wrap;html=1;"
def res(icon, fill="#ED7100"):
    return f"sketch=0;outlineConnect=0;fontColor=#232F3E;gradientColor=none;fillColor={fill};strokeColor=none;dashed=0;verticalLabelPosition=bottom;verticalAlign=top;align=center;html=1;fontSize=12;fontStyle=0;aspect=fixed;pointerEvents=1;shape=mxgraph.aws4.{icon};"
def svc(icon, fill="#ED7100"):
    return f"sketch=0;outlineConnect=0;fontColor=#232F3E;gradientColor=none;strokeColor=#ffffff;dashed=0;verticalLabelPosition=bottom;verticalAlign=top;align=center;html=1;fontSize=12;fontStyle=0;aspect=fixed;shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.{icon};fillColor={fill};"
class Page:
    def __init__(s): s.cells=[]
    def v(s,id,val,style,x,y,w,h):
        s.cells.append(f'<mxCell id="{id}" value="{_h.escape(val)}" style="{style}" vertex="1" parent="1"><mxGeometry x="{x}" y="{y}" width="{w}" height="{h}" as="geometry"/></mxCell>')
    def e(s,id,src,tgt,val="",extra=""):
        s.cells.append(f'<mxCell id="{id}" value="{_h.escape(val)}" style="edgeStyle=orthogonalEdgeStyle;rounded=0;html=1;endArrow=classic;{extra}" edge="1" parent="1" source="{src}" target="{tgt}"><mxGeometry relative="1" as="geometry"/></mxCell>')
    def xml(s):
        return ('<mxfile host="app.diagrams.net"><diagram id="a" name="Page-1"><mxGraphModel dx="1200" dy="900" grid="1" gridSize="10" page="1" pageWidth="1400" pageHeight="1000"><root><mxCell id="0"/><mxCell id="1" parent="0"/>\n'
                + "\n".join(s.cells) + '\n</root></mxGraphModel></diagram></mxfile>\n')


def aws17():
    p = Page()
    v = p.v
    def e(id, src, tgt, val="", extra=""):
        p.e(id, src, tgt, val, "endArrow=open;endFill=0;strokeWidth=2;" + extra)
    icon=lambda shape,fill: f"outlineConnect=0;dashed=0;verticalLabelPosition=bottom;verticalAlign=top;align=center;html=1;shape=mxgraph.aws3.{shape};fillColor={fill};gradientColor=none;"
    v("cloudbox","","rounded=0;whiteSpace=wrap;html=1;fillColor=none;strokeColor=#000000;",150,20,1000,840)
    v("cloudicon","",icon("cloud","#F58534"),150,20,52,36)
    v("region","us-east-1","rounded=1;arcSize=2;dashed=1;fillColor=none;dashPattern=1 1;strokeWidth=2;verticalAlign=top;align=left;spacingLeft=10;html=1;",170,70,960,770)
    v("vpc","VPC 10.0.0.0/16","rounded=0;whiteSpace=wrap;html=1;fillColor=none;strokeColor=#248814;strokeWidth=2;verticalAlign=top;align=left;spacingLeft=85;",200,110,900,710)
    v("vpcicon","",icon("virtual_private_cloud","#F58534"),200,110,79.5,54)
    v("igw","Internet gateway",icon("internet_gateway","#F58534"),168,400,64,67)
    v("alb","Application Load Balancer",icon("application_load_balancer","#F58534"),615,160,69,72)
    for i,(x) in enumerate([240,680],1):
        v(f"az{i}","Availability Zone","rounded=1;arcSize=3;dashed=1;strokeColor=#F59D56;fillColor=none;gradientColor=none;dashPattern=8 4;strokeWidth=2;verticalAlign=top;html=1;",x,260,400,540)
        v(f"pub{i}","Public subnet","rounded=0;whiteSpace=wrap;html=1;fillColor=#E9F3E6;strokeColor=none;verticalAlign=top;align=left;spacingLeft=5;",x+20,300,360,120)
        v(f"nat{i}","NAT gateway",icon("vpc_nat_gateway","#F58534"),x+165,320,69,72)
        v(f"app{i}","Private subnet","rounded=0;whiteSpace=wrap;html=1;fillColor=#E6F2F8;strokeColor=none;verticalAlign=top;align=left;spacingLeft=5;",x+20,440,360,160)
        v(f"web{i}","Web server",icon("instance","#F58534"),x+175,490,48,48)
        v(f"data{i}","Private subnet","rounded=0;whiteSpace=wrap;html=1;fillColor=#E6F2F8;strokeColor=none;verticalAlign=top;align=left;spacingLeft=5;",x+20,620,360,160)
    v("asg","Auto Scaling group","rounded=1;arcSize=5;dashed=1;fillColor=none;dashPattern=8 3 1 3;strokeWidth=2;verticalAlign=bottom;html=1;",300,470,740,100)
    v("dbm","RDS Master",icon("rds_db_instance","#2E73B8"),415,660,49.5,66)
    v("dbs","RDS Standby",icon("rds_db_instance_standby_multi_az","#2E73B8"),855,660,49.5,66)
    v("users","Users",icon("users","#00A4E4"),40,380,66,72)
    v("r53","Route 53",icon("route_53","#F58534"),40,170,70.5,85.5)
    e("e0","users","r53","DNS")
    e("e1","users","igw","HTTPS")
    e("e2","igw","alb")
    e("e3","alb","web1")
    e("e4","alb","web2")
    e("e5","web1","dbm")
    e("e6","web2","dbm")
    e("e7","dbm","dbs","Synchronous replication","dashed=1;")
    return p.xml()


def serverless():
    p=Page()
    p.v("users","Users",res("users","#232F3D"),20,300,60,60)
    p.v("cloud","AWS Cloud",group("group_aws_cloud_alt","#232F3E"),140,40,900,600)
    p.v("cf","Amazon CloudFront",svc("cloudfront","#8C4FFF"),200,300,60,60)
    p.v("s3","Static site bucket",svc("s3","#7AA116"),200,480,60,60)
    p.v("apigw","Amazon API Gateway",svc("api_gateway","#E7157B"),400,300,60,60)
    p.v("cog","Amazon Cognito",svc("cognito","#DD344C"),400,130,60,60)
    p.v("fn","Orders function",svc("lambda","#ED7100"),600,300,60,60)
    p.v("ddb","Orders table",svc("dynamodb","#C925D1"),800,300,60,60)
    p.v("sqs","Amazon SQS",svc("sqs","#E7157B"),600,480,60,60)
    p.v("fn2","Fulfilment function",svc("lambda","#ED7100"),800,480,60,60)
    p.e("e1","users","cf","HTTPS")
    p.e("e2","cf","s3")
    p.e("e3","cf","apigw","HTTPS")
    p.e("e4","apigw","cog")
    p.e("e5","apigw","fn")
    p.e("e6","fn","ddb")
    p.e("e7","fn","sqs")
    p.e("e8","sqs","fn2")
    p.e("e9","fn2","ddb")
    return p.xml()


def eks():
    p=Page()
    p.v("users","Users",res("users","#232F3D"),20,380,60,60)
    p.v("cloud","AWS Cloud",group("group_aws_cloud_alt","#232F3E"),120,20,1240,900)
    p.v("region","us-west-2",group("group_region","#00A4A6"),140,60,1200,840)
    p.v("vpc","VPC",group("group_vpc2","#8C4FFF"),180,100,1000,780)
    p.v("igw","Internet gateway",res("internet_gateway","#8C4FFF"),156,380,48,48)
    for i,x in enumerate([240,720],1):
        p.v(f"az{i}",f"Availability Zone {'ab'[i-1]}",AZ,x,150,420,700)
        p.v(f"pub{i}","Public subnet",group("group_security_group","#7AA116","#F2F6E8"),x+20,190,380,150)
        p.v(f"nat{i}","NAT gateway",res("nat_gateway","#8C4FFF"),x+180,240,48,48)
        p.v(f"priv{i}","Private subnet",group("group_security_group","#00A4A6","#E6F6F7"),x+20,380,380,280)
        p.v(f"node{i}a","Worker node",svc("ec2"),x+80,480,48,48)
        p.v(f"node{i}b","Worker node",svc("ec2"),x+260,480,48,48)
        p.v(f"db{i}","Private subnet",group("group_security_group","#00A4A6","#E6F6F7"),x+20,690,380,140)
    p.v("eks","Amazon EKS cluster","fillColor=none;strokeColor=#ED7100;dashed=1;verticalAlign=top;align=left;spacingLeft=40;fontColor=#ED7100;whiteSpace=wrap;html=1;",280,430,820,200)
    p.v("eksicon","",svc("eks","#ED7100"),280,430,30,30)
    p.v("alb","Application Load Balancer",res("application_load_balancer","#8C4FFF"),666,240,48,48)
    p.v("aur1","Aurora primary",res("aurora_instance","#C925D1"),430,740,48,48)
    p.v("aur2","Aurora replica",res("aurora_instance","#C925D1"),910,740,48,48)
    p.v("ecr","Amazon ECR",svc("ecr","#ED7100"),1220,200,48,48)
    p.v("s3","Amazon S3",svc("s3","#7AA116"),1220,400,48,48)
    p.e("e1","users","igw","HTTPS")
    p.e("e2","igw","alb")
    p.e("e3","alb","eks")
    p.e("e4","eks","aur1","TLS")
    p.e("e5","aur1","aur2","replication","dashed=1;")
    p.e("e6","eks","ecr")
    p.e("e7","eks","s3")
    return p.xml()


def multi_az_label():
    p=Page()
    p.v("users","Clients",res("users","#232F3D"),20,380,60,60)
    p.v("cloud","AWS Cloud",group("group_aws_cloud_alt","#232F3E"),120,20,1000,900)
    p.v("vpc","VPC 10.0.0.0/16",group("group_vpc2","#8C4FFF"),160,80,920,800)
    for i,x in enumerate([200,640],1):
        p.v(f"az{i}",f"AZ {i}",AZ,x,120,400,720)
        p.v(f"pub{i}",f"Public subnet {i}",group("group_security_group","#7AA116","#F2F6E8"),x+20,160,360,140)
        p.v(f"app{i}",f"App subnet {i}",group("group_security_group","#00A4A6","#E6F6F7"),x+20,340,360,180)
        p.v(f"ec2{i}","App server",svc("ec2"),x+160,400,48,48)
        p.v(f"dbs{i}",f"DB subnet {i}",group("group_security_group","#00A4A6","#E6F6F7"),x+20,560,360,240)
    p.v("alb","ALB",res("application_load_balancer","#8C4FFF"),596,200,48,48)
    p.v("rds","Amazon RDS (Multi-AZ)",svc("rds","#C925D1"),596,640,48,48)
    p.v("cache","ElastiCache Redis",svc("elasticache","#C925D1"),340,640,48,48)
    p.e("e1","users","alb","HTTPS")
    p.e("e2","alb","ec21")
    p.e("e3","alb","ec22")
    p.e("e4","ec21","rds")
    p.e("e5","ec22","rds")
    p.e("e6","ec21","cache")
    p.e("e7","ec22","cache")
    return p.xml()


def swimlanes():
    SW="swimlane;whiteSpace=wrap;html=1;startSize=23;"
    p=Page()
    p.v("users","Internet users",res("users","#232F3D"),20,380,60,60)
    p.v("region","AWS Region eu-west-1",SW+"fillColor=#f5f5f5;",120,20,1000,880)
    p.v("vpc","VPC",SW+"fillColor=#dae8fc;",150,60,940,820)
    p.v("alb","Application Load Balancer",res("application_load_balancer","#8C4FFF"),596,110,48,48)
    for i,(x,az) in enumerate([(180,"eu-west-1a"),(640,"eu-west-1b")],1):
        p.v(f"az{i}",az,SW+"dashed=1;",x,190,420,660)
        p.v(f"pub{i}","Public Subnet",SW+"fillColor=#d5e8d4;",x+20,230,380,140)
        p.v(f"nat{i}","NAT Gateway",res("nat_gateway","#8C4FFF"),x+170,280,48,48)
        p.v(f"app{i}","Private Subnet",SW+"fillColor=#dae8fc;",x+20,400,380,200)
        p.v(f"ec2{i}","Web server",svc("ec2"),x+170,470,48,48)
        p.v(f"db{i}","Database Subnet",SW+"fillColor=#e1d5e7;",x+20,630,380,200)
    p.v("rds1","Primary DB",svc("rds","#C925D1"),350,700,48,48)
    p.v("rds2","Standby DB",svc("rds","#C925D1"),810,700,48,48)
    p.e("e1","users","alb","HTTPS")
    p.e("e2","alb","ec21")
    p.e("e3","alb","ec22")
    p.e("e4","ec21","rds1")
    p.e("e5","ec22","rds1")
    p.e("e6","rds1","rds2","sync replication","dashed=1;")
    return p.xml()


def build(with_callouts):
    p=Page()
    p.v("users","Users",res("users","#232F3D"),20,380,60,60)
    p.v("cloud","AWS Cloud",group("group_aws_cloud_alt","#232F3E"),120,20,1000,900)
    p.v("r53","Amazon Route 53",svc("route_53","#8C4FFF"),160,120,48,48)
    p.v("vpc","VPC",group("group_vpc2","#8C4FFF"),240,80,860,800)
    for i,x in enumerate([280,700],1):
        p.v(f"az{i}",f"Availability Zone {i}",AZ,x,160,380,700)
        p.v(f"pub{i}","Public subnet",group("group_security_group","#7AA116","#F2F6E8"),x+20,200,340,140)
        p.v(f"app{i}","Private subnet",group("group_security_group","#00A4A6","#E6F6F7"),x+20,380,340,200)
        p.v(f"ec2{i}","Web server",svc("ec2"),x+150,450,48,48)
        p.v(f"db{i}","Private subnet",group("group_security_group","#00A4A6","#E6F6F7"),x+20,620,340,200)
    p.v("alb","Application Load Balancer",res("application_load_balancer","#8C4FFF"),656,240,48,48)
    p.v("rds1","Primary",svc("rds","#C925D1"),430,690,48,48)
    p.v("rds2","Standby",svc("rds","#C925D1"),850,690,48,48)
    p.e("e1","users","alb","HTTPS")
    p.e("e0","users","r53")
    p.e("e2","alb","ec21")
    p.e("e3","alb","ec22")
    p.e("e4","ec21","rds1")
    p.e("e5","ec22","rds1")
    p.e("e6","rds1","rds2","","dashed=1;")
    if with_callouts:
        C="ellipse;whiteSpace=wrap;html=1;aspect=fixed;fillColor=#232F3E;fontColor=#FFFFFF;strokeColor=none;fontStyle=1;"
        for n,(x,y) in enumerate([(90,350),(130,100),(620,230),(560,440),(400,660),(660,700)],1):
            p.v(f"c{n}",str(n),C,x,y,24,24)
        p.v("legend","<b>1</b> Users reach the application over HTTPS.<br><b>2</b> Route 53 resolves the domain.<br><b>3</b> The ALB spreads requests over both AZs.<br><b>4</b> Web servers in an Auto Scaling group.<br><b>5</b> Amazon RDS primary.<br><b>6</b> Synchronous standby in AZ 2.","text;html=1;align=left;verticalAlign=top;whiteSpace=wrap;",1140,40,260,300)
    return p.xml()


def write_pages(argv, doc, pages, svgs=None):
    """The probe script's command line: writes each page (a function giving a Page) and each SVG (a function
    giving its text) into the directory argv names."""
    if len(argv) != 2:
        sys.exit(doc)
    os.makedirs(argv[1], exist_ok=True)
    for name, page in pages.items():
        with open(os.path.join(argv[1], name + ".drawio"), "w") as out:
            out.write(page().xml())
    for name, page in (svgs or {}).items():
        with open(os.path.join(argv[1], name + ".svg"), "w") as out:
            out.write(page())


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    os.makedirs(sys.argv[1], exist_ok=True)
    pages = {"aws17": aws17(), "serverless": serverless(), "eks": eks(), "multi-az-label": multi_az_label(),
             "swimlanes": swimlanes(), "callouts": build(True), "no-callouts": build(False)}
    for name, xml in pages.items():
        with open(os.path.join(sys.argv[1], name + ".drawio"), "w") as f:
            f.write(xml)
