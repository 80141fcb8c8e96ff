variable "subnet_ids" { type = list(string) }
variable "instance_type" { type = string }
variable "tags" {
  type    = map(string)
  default = {}
}
resource "aws_launch_template" "app" {
  image_id      = "ami-0123456789abcdef0"
  instance_type = var.instance_type
  tags          = var.tags
}
resource "aws_autoscaling_group" "app" {
  min_size            = 2
  max_size            = 6
  vpc_zone_identifier = var.subnet_ids
  launch_template {
    id = aws_launch_template.app.id
  }
}
