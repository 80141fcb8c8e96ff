terraform {
  source = "../../../..//modules/app"
}
dependency "vpc" {
  config_path = "${get_terragrunt_dir()}/../vpc"
  mock_outputs = { private_subnets = ["subnet-mock-a", "subnet-mock-b"] }
}
inputs = {
  subnet_ids    = dependency.vpc.outputs.private_subnets
  instance_type = "t3.small"
}
