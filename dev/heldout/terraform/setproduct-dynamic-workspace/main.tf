variable "env" { default = "prod" }
variable "ingress_ports" {
  type    = list(number)
  default = [22, 443]
}
variable "create_db" { default = true }
locals {
  azs     = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
  tiers   = ["web", "app"]
  subnets = { for pair in setproduct(local.tiers, local.azs) : "${pair[0]}-${pair[1]}" => { tier = pair[0], az = pair[1] } }
  is_prod = terraform.workspace == "default" ? var.env == "prod" : false
  tags    = merge({ Env = var.env }, try(var.extra_tags, {}))
}
variable "extra_tags" {
  type    = map(string)
  default = {}
}
provider "aws" { region = "eu-west-1" }
resource "aws_vpc" "this" { cidr_block = "10.1.0.0/16" }
resource "aws_subnet" "this" {
  for_each          = local.subnets
  vpc_id            = aws_vpc.this.id
  availability_zone = each.value.az
  cidr_block        = cidrsubnet("10.1.0.0/16", 8, index(keys(local.subnets), each.key))
  tags              = merge(local.tags, { Tier = each.value.tier })
}
resource "aws_security_group" "web" {
  vpc_id = aws_vpc.this.id
  dynamic "ingress" {
    for_each = var.ingress_ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}
resource "aws_instance" "web" {
  for_each               = { for k, v in aws_subnet.this : k => v if v.tags["Tier"] == "web" }
  ami                    = "ami-0123456789abcdef0"
  instance_type          = local.is_prod ? "m5.large" : "t3.micro"
  subnet_id              = each.value.id
  vpc_security_group_ids = [aws_security_group.web.id]
  root_block_device {
    encrypted = true
  }
}
resource "aws_db_instance" "db" {
  count                  = var.create_db ? 1 : 0
  engine                 = "mysql"
  instance_class         = "db.t3.medium"
  allocated_storage      = 20
  multi_az               = local.is_prod
  storage_encrypted      = true
  db_subnet_group_name   = aws_db_subnet_group.db.name
  username               = "admin"
  manage_master_user_password = true
}
resource "aws_db_subnet_group" "db" {
  subnet_ids = [for k, s in aws_subnet.this : s.id if startswith(k, "app-")]
}
