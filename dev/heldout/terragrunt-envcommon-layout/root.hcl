locals {
  account_vars = read_terragrunt_config(find_in_parent_folders("account.hcl"))
  account_id   = local.account_vars.locals.aws_account_id
}
generate "provider" {
  path      = "provider.tf"
  if_exists = "overwrite_terragrunt"
  contents  = <<EOT
provider "aws" {
  region = "us-east-1"
}
EOT
}
remote_state {
  backend = "s3"
  config = { bucket = "tf-state-${local.account_id}", key = "${path_relative_to_include()}/terraform.tfstate", region = "us-east-1" }
}
inputs = {
  tags = { Account = local.account_id }
}
