#!/usr/bin/env bash
# Writes the closing-note material of issue 15 (diagram <-> IaC reconciliation) into this directory, from the
# repository root: the match table and findings of two pairs (CloudFormation, Terraform) drawn by someone else
# than the code's author, the JSON reconciliation section of the Terraform pair, and the `simulate` side-by-side
# output of the demo pair. Run: dev/reconcile-results/make.sh   (exit codes of atolint are kept in the files)
set -uo pipefail
cd "$(dirname "$0")/../.."
out=dev/reconcile-results
run() { # file, then the atolint arguments
  local f="$1"; shift
  { echo "\$ ./atolint $*"; ./atolint "$@" 2>&1; echo "(exit $?)"; } > "$out/$f"
}
# CloudFormation: the demo SaaS template, drawn with a partner's labels (fixtures/reconcile/drawn-elsewhere)
run cfn-saas-platform.txt reconcile --diagram fixtures/reconcile/drawn-elsewhere/saas-platform.drawio \
    fixtures/demo/saas-platform/platform.yaml
# Terraform: the three-tier fixture, drawn flat with stacked unlabelled AZs, without its bastion and transit gateway
run tf-three-tier.txt reconcile --diagram fixtures/reconcile/drawn-elsewhere/terraform-three-tier.drawio \
    fixtures/terraform/three-tier
./atolint reconcile --diagram fixtures/reconcile/drawn-elsewhere/terraform-three-tier.drawio \
    fixtures/terraform/three-tier --format json 2>/dev/null \
  | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)["reconciliation"], indent=1))' \
  > "$out/tf-three-tier.reconciliation.json"
# CloudFormation demo pair: the ALB the diagram draws in two AZs, and both simulations side by side per AZ
run cfn-demo-three-tier.txt reconcile --diagram fixtures/demo/three-tier-drawio/architecture.drawio \
    fixtures/demo/three-tier --region us-east-1
run cfn-demo-three-tier.simulate.txt simulate fixtures/demo/three-tier \
    --diagram fixtures/demo/three-tier-drawio/architecture.drawio --region us-east-1
echo "written: $(ls "$out" | grep -v -e make.sh -e README.md | tr '\n' ' ')"
