#!/usr/bin/env python3
"""Held-out probes of stop 28: draw.io pages of kinds of solutions the development set has few of (a CI/CD
pipeline beside the service it deploys, a data lake, a Transit Gateway hub with VPNs, a WordPress page, a staging
VPC beside production, a pilot-light recovery Region, a broker pair) and habits of drawing (lines drawn to subnet
boxes, a service box named by its label with the service's icon at its corner, pods or functions in a box, a load
balancer drawn once per AZ). Each page was read finding by finding; see dev/heldout/review.md, "stop 28".

usage: dev/heldout/drawio-probes/stop28.py OUT_DIR      then: ./atolint scan OUT_DIR/<page>.drawio
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pages import AZ, Page, group, res, svc, write_pages  # noqa: E402

SUBPUB = lambda: group("group_security_group", "#7AA116", "#F2F6E8")
SUBPRIV = lambda: group("group_security_group", "#00A4A6", "#E6F6F7")

def region_frame(p, w=1240, h=900):
    p.v("cloud","AWS Cloud",group("group_aws_cloud_alt","#232F3E"),120,20,w,h)
    p.v("region","us-east-1",group("group_region","#00A4A6"),140,60,w-40,h-60)

def bastion():
    p=Page(); region_frame(p)
    p.v("users","Users",res("users","#232F3D"),20,300,60,60)
    p.v("admin","Administrator",res("user","#232F3D"),20,600,60,60)
    p.v("vpc","VPC 10.0.0.0/16",group("group_vpc2","#8C4FFF"),180,100,1000,780)
    p.v("igw","Internet gateway",res("internet_gateway","#8C4FFF"),156,380,48,48)
    for i,x in enumerate([240,720],1):
        p.v(f"az{i}",f"Availability Zone {i}",AZ,x,150,420,700)
        p.v(f"pub{i}",f"Public subnet {i}",SUBPUB(),x+20,190,380,150)
        p.v(f"nat{i}","NAT gateway",res("nat_gateway","#8C4FFF"),x+300,240,48,48)
        p.v(f"app{i}",f"Private subnet {i}",SUBPRIV(),x+20,380,380,200)
        p.v(f"web{i}","Web server",res("instance2"),x+180,450,48,48)
        p.v(f"dbs{i}",f"Database subnet {i}",SUBPRIV(),x+20,620,380,200)
    p.v("bastion","Bastion host",res("instance2"),300,240,48,48)
    p.v("alb","Application Load Balancer",res("application_load_balancer","#8C4FFF"),666,240,48,48)
    p.v("asg","Auto Scaling group","fillColor=none;strokeColor=#ED7100;dashed=1;verticalAlign=bottom;fontColor=#ED7100;html=1;",380,420,740,120)
    p.v("db1","Primary",res("rds_instance","#C925D1"),420,700,48,48)
    p.v("db2","Standby",res("rds_instance","#C925D1"),900,700,48,48)
    p.e("e1","users","igw","HTTPS"); p.e("e2","igw","alb"); p.e("e3","alb","web1"); p.e("e4","alb","web2")
    p.e("e5","web1","db1"); p.e("e6","web2","db1"); p.e("e7","db1","db2","synchronous replication","dashed=1;")
    p.e("e8","admin","bastion","SSH"); p.e("e9","bastion","web1","SSH"); p.e("e10","bastion","web2","SSH")
    return p

def cicd():
    p=Page(); region_frame(p)
    p.v("dev","Developer",res("user","#232F3D"),20,120,60,60)
    p.v("users","Users",res("users","#232F3D"),20,500,60,60)
    p.v("cc","AWS CodeCommit",svc("codecommit","#C925D1"),200,120,48,48)
    p.v("cp","AWS CodePipeline",svc("codepipeline","#C925D1"),360,120,48,48)
    p.v("cb","AWS CodeBuild",svc("codebuild","#C925D1"),520,120,48,48)
    p.v("ecr","Amazon ECR",svc("ecr","#ED7100"),680,120,48,48)
    p.v("vpc","VPC",group("group_vpc2","#8C4FFF"),180,240,1000,640)
    for i,x in enumerate([300,760],1):
        p.v(f"az{i}",f"Availability Zone {i}",AZ,x,280,400,580)
        p.v(f"pub{i}",f"Public subnet {i}",SUBPUB(),x+20,320,360,140)
        p.v(f"priv{i}",f"Private subnet {i}",SUBPRIV(),x+20,500,360,320)
        p.v(f"task{i}","Fargate task",res("ecs_task","#ED7100"),x+160,600,48,48)
    p.v("svcbox","ECS service","fillColor=none;strokeColor=#ED7100;dashed=1;verticalAlign=top;align=left;spacingLeft=40;fontColor=#ED7100;html=1;",400,560,720,140)
    p.v("ecsicon","",svc("ecs","#ED7100"),400,560,30,30)
    p.v("alb","Application Load Balancer",res("application_load_balancer","#8C4FFF"),680,370,48,48)
    p.v("ddb","Amazon DynamoDB",svc("dynamodb","#C925D1"),1240,600,48,48)
    p.e("e1","dev","cc","git push"); p.e("e2","cc","cp"); p.e("e3","cp","cb"); p.e("e4","cb","ecr","docker push")
    p.e("e5","cp","svcbox","deploy","dashed=1;")
    p.e("e6","users","alb","HTTPS"); p.e("e7","alb","svcbox"); p.e("e8","svcbox","ddb")
    return p

def datalake():
    p=Page(); region_frame(p, 1300, 600)
    p.v("dev","IoT devices",res("generic_database","#232F3D").replace("generic_database","multimedia"),20,300,60,60)
    p.v("iot","AWS IoT Core",svc("iot_core","#7AA116"),200,300,48,48)
    p.v("kds","Kinesis Data Streams",svc("kinesis_data_streams","#8C4FFF"),340,300,48,48)
    p.v("fh","Kinesis Data Firehose",svc("kinesis_data_firehose","#8C4FFF"),480,300,48,48)
    p.v("raw","Raw zone (S3)",svc("s3","#7AA116"),620,200,48,48)
    p.v("glue","AWS Glue ETL",svc("glue","#8C4FFF"),760,200,48,48)
    p.v("cur","Curated zone (S3)",svc("s3","#7AA116"),900,200,48,48)
    p.v("ath","Amazon Athena",svc("athena","#8C4FFF"),1040,300,48,48)
    p.v("qs","Amazon QuickSight",svc("quicksight","#8C4FFF"),1180,300,48,48)
    p.v("an","Analysts",res("users","#232F3D"),1380,300,60,60)
    p.v("lam","Anomaly detection",svc("lambda"),480,450,48,48)
    p.v("sns","Amazon SNS",svc("sns","#E7157B"),620,450,48,48)
    for i,(a,b) in enumerate([("dev","iot"),("iot","kds"),("kds","fh"),("fh","raw"),("raw","glue"),("glue","cur"),("cur","ath"),("ath","qs"),("an","qs"),("kds","lam"),("lam","sns")]):
        p.e(f"e{i}",a,b,"MQTT" if a=="dev" else "")
    return p

def tgw():
    p=Page(); region_frame(p, 1500, 1000)
    p.v("dc","Corporate data center",group("group_corporate_data_center","#7D8998"),-300,300,260,300)
    p.v("cgw1","Customer gateway 1",res("customer_gateway","#8C4FFF"),-200,350,48,48)
    p.v("cgw2","Customer gateway 2",res("customer_gateway","#8C4FFF"),-200,480,48,48)
    p.v("vpn1","Site-to-Site VPN",res("vpn_connection","#8C4FFF"),60,350,48,48)
    p.v("vpn2","Site-to-Site VPN",res("vpn_connection","#8C4FFF"),60,480,48,48)
    p.v("tgw","Transit Gateway",svc("transit_gateway","#8C4FFF"),300,420,48,48)
    ys=[100,560]
    for j,(name,y) in enumerate([("Production VPC",100),("Development VPC",560)],1):
        p.v(f"vpc{j}",name,group("group_vpc2","#8C4FFF"),500,y,900,400)
        for i,x in enumerate([540,980],1):
            p.v(f"az{j}{i}",f"Availability Zone {i}",AZ,x,y+40,380,340)
            p.v(f"sn{j}{i}",f"Private subnet {i}",SUBPRIV(),x+20,y+80,340,280)
            p.v(f"att{j}{i}","TGW attachment",res("transit_gateway_attachment","#8C4FFF"),x+40,y+120,40,40)
            p.v(f"app{j}{i}","App server",res("instance2"),x+200,y+200,48,48)
        p.v(f"nlb{j}","Network Load Balancer",res("network_load_balancer","#8C4FFF"),940,y+300,48,48)
        p.e(f"t{j}","tgw",f"nlb{j}")
        p.e(f"l{j}1",f"nlb{j}",f"app{j}1"); p.e(f"l{j}2",f"nlb{j}",f"app{j}2")
    p.e("c1","cgw1","vpn1","IPsec"); p.e("c2","cgw2","vpn2","IPsec"); p.e("c3","vpn1","tgw"); p.e("c4","vpn2","tgw")
    return p

def wordpress():
    p=Page(); region_frame(p, 1300, 1000)
    p.v("users","Visitors",res("users","#232F3D"),20,300,60,60)
    p.v("r53","Amazon Route 53",svc("route_53","#8C4FFF"),140,160,48,48)
    p.v("cf","Amazon CloudFront",svc("cloudfront","#8C4FFF"),140,300,48,48)
    p.v("vpc","VPC",group("group_vpc2","#8C4FFF"),240,100,1080,880)
    for i,x in enumerate([300,820],1):
        p.v(f"az{i}",f"Availability Zone {i}",AZ,x,140,460,820)
        p.v(f"pub{i}","Public subnet",SUBPUB(),x+20,180,420,140)
        p.v(f"app{i}","App subnet",SUBPRIV(),x+20,360,420,200)
        p.v(f"web{i}","WordPress",res("instance2"),x+100,430,48,48)
        p.v(f"mt{i}","EFS mount target",res("elastic_file_system_standard","#7AA116").replace("elastic_file_system_standard","efs_standard"),x+300,430,48,48)
        p.v(f"data{i}","Data subnet",SUBPRIV(),x+20,600,420,320)
        p.v(f"cache{i}","ElastiCache node",res("elasticache_for_memcached","#C925D1"),x+300,680,48,48)
    p.v("alb","Application Load Balancer",res("application_load_balancer","#8C4FFF"),770,230,48,48)
    p.v("asg","Auto Scaling group","fillColor=none;strokeColor=#ED7100;dashed=1;verticalAlign=bottom;fontColor=#ED7100;html=1;",360,400,660,110)
    p.v("a1","Aurora writer",res("aurora_instance","#C925D1"),400,800,48,48)
    p.v("a2","Aurora reader",res("aurora_instance","#C925D1"),920,800,48,48)
    p.v("s3","Amazon S3 (media)",svc("s3","#7AA116"),1360,300,48,48)
    p.e("e1","users","r53","DNS"); p.e("e2","users","cf","HTTPS"); p.e("e3","cf","alb","HTTPS"); p.e("e3b","cf","s3")
    p.e("e4","alb","asg"); p.e("e5","web1","a1"); p.e("e6","web2","a1"); p.e("e7","a1","a2","replication","dashed=1;")
    p.e("e8","web1","mt1","NFS"); p.e("e9","web2","mt2","NFS"); p.e("e10","web1","cache1"); p.e("e11","web2","cache2")
    return p

def two_az_frame(p):
    p.v("cloud","AWS Cloud",group("group_aws_cloud_alt","#232F3E"),120,20,1160,900)
    p.v("vpc","VPC",group("group_vpc2","#8C4FFF"),160,80,1000,800)
    for i,x in enumerate([200,680],1):
        p.v(f"az{i}",f"Availability Zone {i}",AZ,x,120,440,720)
        p.v(f"pub{i}",f"Public subnet {i}",SUBPUB(),x+20,160,400,140)
        p.v(f"priv{i}",f"Private subnet {i}",SUBPRIV(),x+20,340,400,460)
def albcopies():
    p=Page(); two_az_frame(p)
    p.v("users","Users",res("users","#232F3D"),20,400,60,60)
    for i,x in enumerate([200,680],1):
        p.v(f"alb{i}","ALB",res("application_load_balancer","#8C4FFF"),x+200,200,48,48)
        p.v(f"w{i}","Web",res("instance2"),x+200,420,48,48)
        p.e(f"a{i}","users",f"alb{i}","HTTPS"); p.e(f"b{i}",f"alb{i}",f"w{i}")
    p.v("db1","Primary",res("rds_instance","#C925D1"),400,650,48,48); p.v("db2","Standby",res("rds_instance","#C925D1"),880,650,48,48)
    p.e("c1","w1","db1"); p.e("c2","w2","db1"); p.e("c3","db1","db2","","dashed=1;")
    return p
def proxy():
    p=Page(); two_az_frame(p)
    p.v("users","Users",res("users","#232F3D"),20,400,60,60)
    p.v("apigw","API Gateway",svc("api_gateway","#E7157B"),60,200,48,48)
    for i,x in enumerate([200,680],1):
        p.v(f"fn{i}","Orders function",res("lambda_function","#ED7100"),x+120,420,48,48)
    p.v("proxy","RDS Proxy",res("rds_proxy_instance","#C925D1"),636,560,48,48)
    p.v("a1","Aurora writer",res("aurora_instance","#C925D1"),400,700,48,48); p.v("a2","Aurora reader",res("aurora_instance","#C925D1"),880,700,48,48)
    p.e("e1","users","apigw","HTTPS"); p.e("e2","apigw","fn1"); p.e("e3","apigw","fn2"); p.e("e4","fn1","proxy"); p.e("e5","fn2","proxy"); p.e("e6","proxy","a1"); p.e("e7","a1","a2","","dashed=1;")
    return p
def firewall():
    p=Page(); two_az_frame(p)
    p.v("users","Users",res("users","#232F3D"),20,400,60,60)
    p.v("igw","Internet gateway",res("internet_gateway","#8C4FFF"),136,400,48,48)
    for i,x in enumerate([200,680],1):
        p.v(f"fw{i}","Firewall endpoint",res("network_firewall_endpoints","#DD344C"),x+80,200,48,48)
        p.v(f"w{i}","Web",res("instance2"),x+200,420,48,48)
        p.e(f"f{i}","igw",f"fw{i}"); 
    p.v("alb","Application Load Balancer",res("application_load_balancer","#8C4FFF"),636,200,48,48)
    p.e("e1","users","igw","HTTPS"); p.e("e2","fw1","alb"); p.e("e3","fw2","alb"); p.e("e4","alb","w1"); p.e("e5","alb","w2")
    return p
def ga():
    p=Page()
    p.v("users","Users",res("users","#232F3D"),20,400,60,60)
    p.v("ga","AWS Global Accelerator",svc("global_accelerator","#8C4FFF"),140,400,48,48)
    p.v("cloud","AWS Cloud",group("group_aws_cloud_alt","#232F3E"),240,20,1000,900)
    for j,(name,y) in enumerate([("us-east-1",60),("eu-west-1",480)],1):
        p.v(f"r{j}",name,group("group_region","#00A4A6"),260,y,960,400)
        p.v(f"v{j}","VPC",group("group_vpc2","#8C4FFF"),300,y+40,880,340)
        for i,x in enumerate([340,760],1):
            p.v(f"az{j}{i}",f"Availability Zone {i}",AZ,x,y+80,380,280)
            p.v(f"w{j}{i}","App",res("instance2"),x+160,y+240,48,48)
        p.v(f"alb{j}","ALB",res("application_load_balancer","#8C4FFF"),716,y+120,48,48)
        p.v(f"d{j}","DynamoDB global table",svc("dynamodb","#C925D1"),1260,y+200,48,48)
        p.e(f"g{j}","ga",f"alb{j}"); p.e(f"l{j}1",f"alb{j}",f"w{j}1"); p.e(f"l{j}2",f"alb{j}",f"w{j}2")
        p.e(f"m{j}1",f"w{j}1",f"d{j}"); p.e(f"m{j}2",f"w{j}2",f"d{j}")
    p.e("u","users","ga","HTTPS"); p.e("rep","d1","d2","replication","dashed=1;")
    return p

def app_frame(p, n=2):
    p.v("users","Users",res("users","#232F3D"),20,400,60,60)
    p.v("cloud","AWS Cloud",group("group_aws_cloud_alt","#232F3E"),120,20,1560,900)
    p.v("vpc","VPC",group("group_vpc2","#8C4FFF"),160,80,1460,800)
    xs=[200,680,1160][:n]
    for i,x in enumerate(xs,1):
        p.v(f"az{i}",f"Availability Zone {i}",AZ,x,120,440,720)
        p.v(f"priv{i}",f"Private subnet {i}",SUBPRIV(),x+20,160,400,640)
        p.v(f"w{i}","App",res("instance2"),x+100,300,48,48)
    p.v("alb","Application Load Balancer",res("application_load_balancer","#8C4FFF"),636,180,48,48)
    p.e("u","users","alb","HTTPS")
    for i in range(1,n+1): p.e(f"l{i}","alb",f"w{i}")
    return xs
def mq():
    p=Page(); xs=app_frame(p)
    p.v("b1","Active broker",svc("mq","#E7157B"),xs[0]+250,550,48,48)
    p.v("b2","Standby broker",svc("mq","#E7157B"),xs[1]+250,550,48,48)
    p.e("m1","w1","b1"); p.e("m2","w2","b1"); p.e("m3","b1","b2","","dashed=1;")
    return p
def msk():
    p=Page(); xs=app_frame(p,3)
    for i,x in enumerate(xs,1):
        p.v(f"k{i}",f"Broker {i}",res("managed_streaming_for_kafka","#8C4FFF"),x+250,550,48,48)
        p.e(f"m{i}",f"w{i}",f"k{i}")
    return p
def redshift():
    p=Page(); xs=app_frame(p)
    p.v("rs","Amazon Redshift",svc("redshift","#8C4FFF"),xs[0]+250,550,48,48)
    p.e("m1","w1","rs"); p.e("m2","w2","rs")
    return p

BOX="fillColor=none;strokeColor=#ED7100;dashed=1;verticalAlign=top;align=left;spacingLeft=40;fontColor=#ED7100;html=1;"
def box_frame(p):
    p.v("users","Users",res("users","#232F3D"),20,400,60,60)
    p.v("cloud","AWS Cloud",group("group_aws_cloud_alt","#232F3E"),120,20,1160,900)
    p.v("vpc","VPC",group("group_vpc2","#8C4FFF"),160,80,1000,800)
    for i,x in enumerate([200,680],1):
        p.v(f"az{i}",f"Availability Zone {i}",AZ,x,120,440,720)
        p.v(f"pub{i}",f"Public subnet {i}",SUBPUB(),x+20,160,400,140)
        p.v(f"priv{i}",f"Private subnet {i}",SUBPRIV(),x+20,340,400,460)
    p.v("alb","Application Load Balancer",res("application_load_balancer","#8C4FFF"),636,200,48,48)
    p.v("ddb","Amazon DynamoDB",svc("dynamodb","#C925D1"),1200,460,48,48)
    p.e("e1","users","alb","HTTPS")
def service_box(mode):
    p=Page(); box_frame(p)
    if mode=="eks":
        p.v("box","Amazon EKS",BOX,300,420,720,140); p.v("icon","",svc("eks","#ED7100"),300,420,30,30)
        for i,x in enumerate([200,680],1): p.v(f"m{i}","Pod",res("eks_pod" if False else "container_1","#ED7100"),x+200,470,48,48)
        p.e("e2","alb","box"); p.e("e3","box","ddb")
    elif mode=="asg":
        p.v("box","Auto Scaling group",BOX,300,420,720,140); p.v("icon","",res("auto_scaling2","#ED7100"),300,420,30,30)
        for i,x in enumerate([200,680],1): p.v(f"m{i}","Web server",res("instance2"),x+200,470,48,48)
        p.e("e2","alb","box"); p.e("e3","box","ddb")
    elif mode=="lambda":
        p.v("box","AWS Lambda",BOX,300,420,720,140); p.v("icon","",svc("lambda","#ED7100"),300,420,30,30)
        for i,x in enumerate([200,680],1): p.v(f"m{i}","Function",res("lambda_function","#ED7100"),x+200,470,48,48)
        p.e("e2","alb","box"); p.e("e3","box","ddb")
    elif mode=="cluster":
        p.v("cl","ECS Cluster",BOX,260,400,800,380); p.v("clicon","",svc("ecs","#ED7100"),260,400,30,30)
        for j,(y,name) in enumerate([(440,"Orders"),(600,"Payments")]):
            p.v(f"s{j}",name+" service",BOX.replace("ED7100","D05C17"),300,y,720,130)
            for i,x in enumerate([200,680],1): p.v(f"t{j}{i}",name+" task",res("ecs_task","#ED7100"),x+200,y+50,48,48)
        p.e("e2","alb","s0"); p.e("e3","s0","s1"); p.e("e4","s1","ddb")
    elif mode=="bidir":
        for i,x in enumerate([200,680],1): p.v(f"m{i}","Web server",res("instance2"),x+200,470,48,48)
        p.e("e2","alb","m1","","startArrow=classic;"); p.e("e3","alb","m2","","startArrow=classic;"); p.e("e4","m1","ddb"); p.e("e5","m2","ddb")
    elif mode=="tosubnet":
        for i,x in enumerate([200,680],1): p.v(f"m{i}","Web server",res("instance2"),x+200,470,48,48)
        p.e("e2","alb","priv1"); p.e("e3","alb","priv2"); p.e("e4","priv1","ddb"); p.e("e5","priv2","ddb")
    return p

def scaling_icon(mode):
    p=Page()
    p.v("users","Users",res("users","#232F3D"),20,400,60,60)
    p.v("cloud","AWS Cloud",group("group_aws_cloud_alt","#232F3E"),120,20,1160,900)
    p.v("vpc","VPC",group("group_vpc2","#8C4FFF"),160,80,1000,800)
    for i,x in enumerate([200,680],1):
        p.v(f"az{i}",f"Availability Zone {i}",AZ,x,120,440,720)
        p.v(f"priv{i}",f"Private subnet {i}",SUBPRIV(),x+20,340,400,460)
    p.v("alb","Application Load Balancer",res("application_load_balancer","#8C4FFF"),636,200,48,48)
    if mode=="icon-gap":
        p.v("asg","Auto Scaling",svc("ec2_auto_scaling","#ED7100"),636,440,48,48)
        p.v("w1","EC2",res("instance2"),400,440,48,48); p.v("w2","EC2",res("instance2"),880,440,48,48)
        p.e("e2","alb","w1"); p.e("e3","alb","w2")
    elif mode=="icon-only":
        p.v("asg","Auto Scaling group",svc("ec2_auto_scaling","#ED7100"),636,440,48,48)
        p.e("e2","alb","asg")
    elif mode=="ecs-icon-vpc":
        p.v("ecs","Amazon ECS (Fargate)",svc("ecs","#ED7100"),636,440,48,48)
        p.e("e2","alb","ecs")
    p.v("db1","Primary",res("rds_instance","#C925D1"),400,650,48,48)
    p.v("db2","Standby",res("rds_instance","#C925D1"),880,650,48,48)
    src = {"icon-gap":["w1","w2"],"icon-only":["asg"],"ecs-icon-vpc":["ecs"]}[mode]
    for j,s in enumerate(src): p.e(f"d{j}",s,"db1")
    p.e("e1","users","alb","HTTPS"); p.e("e6","db1","db2","","dashed=1;")
    return p

def vpn_only(mode):
    p=Page()
    p.v("dc","Head office",group("group_corporate_data_center","#7D8998"),-260,300,220,200)
    p.v("cgw","Customer gateway",res("customer_gateway","#8C4FFF"),-180,370,48,48)
    p.v("vpn","Site-to-Site VPN",res("vpn_connection","#8C4FFF"),60,370,48,48)
    p.v("cloud","AWS Cloud",group("group_aws_cloud_alt","#232F3E"),160,20,1000,900)
    p.v("vpc","VPC",group("group_vpc2","#8C4FFF"),200,80,920,800)
    p.v("vgw","Virtual private gateway",res("vpn_gateway","#8C4FFF"),176,370,48,48)
    for i,x in enumerate([260,700],1):
        p.v(f"az{i}",f"Availability Zone {i}",AZ,x,120,400,720)
        p.v(f"sn{i}",f"Private subnet {i}",SUBPRIV(),x+20,160,360,640)
    if mode=="lone":
        p.v("app","Payroll server",res("instance2"),420,380,48,48)
        p.e("e4","vgw","app")
    else:
        p.v("app1","Payroll server",res("instance2"),420,380,48,48)
        p.v("app2","Payroll server",res("instance2"),860,380,48,48)
        p.e("e4","vgw","app1"); p.e("e5","vgw","app2")
    p.e("e1","cgw","vpn","IPsec"); p.e("e2","vpn","vgw")
    return p

def lines_to_subnets():
    p=Page()
    p.v("users","Users",res("users","#232F3D"),20,400,60,60)
    p.v("cloud","AWS Cloud",group("group_aws_cloud_alt","#232F3E"),120,20,1160,900)
    p.v("vpc","VPC",group("group_vpc2","#8C4FFF"),160,80,1000,800)
    for i,x in enumerate([200,680],1):
        p.v(f"az{i}",f"Availability Zone {i}",AZ,x,120,440,720)
        p.v(f"pub{i}",f"Public subnet {i}",SUBPUB(),x+20,160,400,140)
        p.v(f"app{i}",f"App subnet {i}",SUBPRIV(),x+20,340,400,200)
        p.v(f"web{i}","Web server",res("instance2"),x+200,410,48,48)
        p.v(f"data{i}",f"Data subnet {i}",SUBPRIV(),x+20,580,400,220)
    p.v("alb","Application Load Balancer",res("application_load_balancer","#8C4FFF"),636,200,48,48)
    p.v("db","MySQL database",res("rds_instance","#C925D1"),420,660,48,48)
    p.e("e1","users","alb","HTTPS"); p.e("e2","alb","app1"); p.e("e3","alb","app2"); p.e("e4","app1","data1"); p.e("e5","app2","data1")
    return p

def recovery_region(drlabel="us-west-2 (DR)"):
    p=Page()
    p.v("users","Users",res("users","#232F3D"),20,500,60,60)
    p.v("r53","Amazon Route 53",svc("route_53","#8C4FFF"),140,500,48,48)
    p.v("cloud","AWS Cloud",group("group_aws_cloud_alt","#232F3E"),220,20,1300,1300)
    p.v("reg1","us-east-1 (primary)",group("group_region","#00A4A6"),240,60,1260,600)
    p.v("vpc1","VPC",group("group_vpc2","#8C4FFF"),280,100,1180,540)
    for i,x in enumerate([320,880],1):
        p.v(f"az{i}",f"Availability Zone {i}",AZ,x,140,520,480)
        p.v(f"priv{i}",f"Private subnet {i}",SUBPRIV(),x+20,260,480,340)
        p.v(f"web{i}","App server",res("instance2"),x+120,330,48,48)
        p.v(f"db{i}","Primary" if i==1 else "Standby",res("rds_instance","#C925D1"),x+320,480,48,48)
    p.v("alb","Application Load Balancer",res("application_load_balancer","#8C4FFF"),836,170,48,48)
    p.v("reg2",drlabel,group("group_region","#00A4A6"),240,700,760,580)
    p.v("vpc2","VPC",group("group_vpc2","#8C4FFF"),280,740,680,500)
    p.v("daz","Availability Zone 1",AZ,320,780,600,420)
    p.v("dsn","Private subnet",SUBPRIV(),340,880,560,300)
    p.v("dalb","Application Load Balancer",res("application_load_balancer","#8C4FFF"),560,820,48,48)
    p.v("dweb","App server (pilot light)",res("instance2"),440,980,48,48)
    p.v("ddb","Read replica",res("rds_instance","#C925D1"),760,1100,48,48)
    p.e("e1","users","r53","DNS"); p.e("e2","r53","alb","Primary"); p.e("e2b","r53","dalb","Secondary")
    p.e("e3","alb","web1"); p.e("e4","alb","web2"); p.e("e5","web1","db1"); p.e("e6","web2","db1"); p.e("e7","db1","db2","","dashed=1;")
    p.e("e8","dalb","dweb"); p.e("e9","dweb","ddb"); p.e("e10","db1","ddb","cross-region replication","dashed=1;")
    return p

def staging_beside_production():
    p=Page()
    p.v("users","Users",res("users","#232F3D"),20,300,60,60)
    p.v("dev","Developers",res("users","#232F3D"),20,900,60,60)
    p.v("cloud","AWS Cloud",group("group_aws_cloud_alt","#232F3E"),120,20,1200,1300)
    p.v("vpc","Production VPC",group("group_vpc2","#8C4FFF"),160,60,1100,600)
    for i,x in enumerate([200,700],1):
        p.v(f"az{i}",f"Availability Zone {i}",AZ,x,100,460,520)
        p.v(f"pub{i}","Public subnet",SUBPUB(),x+20,140,420,140)
        p.v(f"priv{i}","Private subnet",SUBPRIV(),x+20,320,420,260)
        p.v(f"web{i}","App server",res("instance2"),x+120,400,48,48)
        p.v(f"db{i}","Primary" if i==1 else "Standby",res("rds_instance","#C925D1"),x+300,480,48,48)
    p.v("alb","Application Load Balancer",res("application_load_balancer","#8C4FFF"),656,200,48,48)
    p.v("svpc","Staging VPC",group("group_vpc2","#8C4FFF"),160,720,700,560)
    p.v("saz","Availability Zone 1",AZ,200,760,460,480)
    p.v("spub","Public subnet",SUBPUB(),220,800,420,140)
    p.v("spriv","Private subnet",SUBPRIV(),220,980,420,220)
    p.v("salb","Application Load Balancer",res("application_load_balancer","#8C4FFF"),400,850,48,48)
    p.v("sweb","App server",res("instance2"),320,1060,48,48)
    p.v("sdb","Database",res("rds_instance","#C925D1"),520,1060,48,48)
    p.e("e1","users","alb","HTTPS"); p.e("e2","alb","web1"); p.e("e3","alb","web2"); p.e("e4","web1","db1"); p.e("e5","web2","db1"); p.e("e6","db1","db2","replication","dashed=1;")
    p.e("s1","dev","salb","HTTPS"); p.e("s2","salb","sweb"); p.e("s3","sweb","sdb")
    return p


def site_links(mode):
    p=Page()
    p.v("dc","Corporate data center",group("group_corporate_data_center","#7D8998"),-300,300,260,300)
    p.v("cgw","Customer gateway",res("customer_gateway","#8C4FFF"),-200,420,48,48)
    if mode in ("two-cgw","dx-vpn"):
        p.v("cgw2","Customer gateway 2",res("customer_gateway","#8C4FFF"),-200,520,48,48)
    p.v("cloud","AWS Cloud",group("group_aws_cloud_alt","#232F3E"),160,20,1000,900)
    p.v("vpc","VPC",group("group_vpc2","#8C4FFF"),200,80,920,800)
    p.v("vgw","Virtual private gateway",res("vpn_gateway","#8C4FFF"),176,440,48,48)
    for i,x in enumerate([260,700],1):
        p.v(f"az{i}",f"Availability Zone {i}",AZ,x,120,400,720)
        p.v(f"sn{i}",f"Private subnet {i}",SUBPRIV(),x+20,160,360,640)
        p.v(f"app{i}","App server",res("instance2"),x+180,400,48,48)
        p.e(f"a{i}","vgw",f"app{i}")
    if mode=="tunnels":
        p.e("t1","cgw","vgw","VPN Tunnel 1"); p.e("t2","cgw","vgw","VPN Tunnel 2")
    elif mode=="two-cgw":
        p.e("t1","cgw","vgw","Site-to-Site VPN 1"); p.e("t2","cgw2","vgw","Site-to-Site VPN 2")
    elif mode=="dx-vpn":
        p.v("dx","AWS Direct Connect",svc("direct_connect","#8C4FFF"),40,300,48,48)
        p.e("d1","cgw","dx"); p.e("d2","dx","vgw")
        p.e("t2","cgw2","vgw","VPN (backup)")
    return p


PAGES = {
    "bastion": bastion, "cicd": cicd, "datalake": datalake, "tgw": tgw, "wordpress": wordpress,
    "alb-copies": albcopies, "rds-proxy": proxy, "firewall": firewall, "global-accelerator": ga,
    "mq-pair": mq, "msk": msk, "redshift": redshift,
    "eks-box": lambda: service_box("eks"), "asg-box": lambda: service_box("asg"), "lambda-box": lambda: service_box("lambda"),
    "ecs-cluster": lambda: service_box("cluster"), "two-way-lines": lambda: service_box("bidir"),
    "lines-to-subnets": lines_to_subnets, "vpn-one-server": lambda: vpn_only("lone"), "vpn-two-servers": lambda: vpn_only("pair"),
    "staging-beside-production": staging_beside_production, "recovery-region": recovery_region,
    "recovery-region-unnamed": lambda: recovery_region("us-west-2"),
    "vpn-tunnels": lambda: site_links("tunnels"), "vpn-two-customer-gateways": lambda: site_links("two-cgw"),
    "dx-with-vpn-backup": lambda: site_links("dx-vpn"),
    "scaling-icon-in-the-gap": lambda: scaling_icon("icon-gap"), "ecs-icon-in-the-vpc": lambda: scaling_icon("ecs-icon-vpc"),
}

if __name__ == "__main__":
    write_pages(sys.argv, __doc__, PAGES)
