package io.atolint.parse.terraform;

import io.atolint.model.Model;
import io.atolint.model.Value;
import io.atolint.parse.ParseOptions;
import io.atolint.testing.MemoryTree;
import io.atolint.testing.Scans;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** data "aws_iam_policy_document" evaluated as the AWS provider builds it, UNKNOWN only where it must be. */
class IamPolicyDocumentsTest {

    private static Value policy(String hcl, String resource) {
        Model m = Scans.only(Scans.scan(MemoryTree.of("main.tf", hcl), ParseOptions.defaults()));
        return Scans.resource(m, resource).attr("policy").orElseThrow();
    }

    @Test
    void statementsAreWrittenAsTheProviderWritesThem() {
        Value doc = policy("""
                locals {
                  buckets = ["b", "a", "b"]
                }
                data "aws_iam_policy_document" "d" {
                  policy_id = "p1"
                  statement {
                    actions   = ["s3:GetObject", "s3:ListBucket", "s3:GetObject"]
                    resources = [for b in local.buckets : "arn:aws:s3:::${b}/&{aws:username}"]
                    principals {
                      type        = "*"
                      identifiers = ["*"]
                    }
                    condition {
                      test     = "StringEquals"
                      variable = "aws:SourceVpc"
                      values   = ["vpc-1"]
                    }
                  }
                  statement {
                    sid     = "Trust"
                    effect  = "Deny"
                    actions = ["sts:AssumeRole"]
                    principals {
                      type        = "Service"
                      identifiers = ["ec2.amazonaws.com", "lambda.amazonaws.com"]
                    }
                  }
                }
                resource "aws_iam_policy" "p" {
                  policy = data.aws_iam_policy_document.d.json
                }
                """, "aws_iam_policy.p");
        assertEquals("{Version=2012-10-17, Id=p1, Statement=["
                + "{Effect=Allow, Action=[s3:ListBucket, s3:GetObject], Resource=[arn:aws:s3:::b/${aws:username}, "
                + "arn:aws:s3:::a/${aws:username}], Principal=*, Condition={StringEquals={aws:SourceVpc=vpc-1}}}, "
                + "{Sid=Trust, Effect=Deny, Action=sts:AssumeRole, Principal={Service=[lambda.amazonaws.com, ec2.amazonaws.com]}}]}",
                doc.toString());
        // each statement keeps the place of its block
        Value second = ((Value.ListV) ((Value.MapV) doc).get("Statement").orElseThrow()).items().get(1);
        assertEquals(19, second.location().startLine());
    }

    @Test
    void documentsAreMergedBySidInTheProvidersOrder() {
        Value doc = policy("""
                data "aws_iam_policy_document" "source" {
                  statement {
                    sid     = "A"
                    actions = ["s3:*"]
                  }
                  statement {
                    sid     = "B"
                    actions = ["sqs:*"]
                  }
                  statement {
                    actions = ["sns:Publish"]
                  }
                }
                data "aws_iam_policy_document" "override" {
                  statement {
                    sid     = "B"
                    actions = ["sqs:SendMessage"]
                  }
                }
                data "aws_iam_policy_document" "merged" {
                  source_policy_documents   = [data.aws_iam_policy_document.source.json]
                  override_policy_documents = [data.aws_iam_policy_document.override.json, null]
                  statement {
                    sid     = "A"
                    actions = ["s3:GetObject"]
                  }
                  statement {
                    sid     = "B"
                    actions = ["sqs:ReceiveMessage"]
                  }
                  statement {
                    actions = ["kms:Decrypt"]
                  }
                }
                resource "aws_iam_policy" "p" {
                  policy = data.aws_iam_policy_document.merged.json
                }
                """, "aws_iam_policy.p");
        assertEquals("{Version=2012-10-17, Statement=[{Sid=A, Effect=Allow, Action=s3:GetObject}, "
                + "{Sid=B, Effect=Allow, Action=sqs:SendMessage}, {Effect=Allow, Action=sns:Publish}, "
                + "{Effect=Allow, Action=kms:Decrypt}]}", doc.toString());
    }

    @Test
    void jsonTextIsMergedToo() {
        Value doc = policy("""
                data "aws_iam_policy_document" "merged" {
                  source_policy_documents = [jsonencode({
                    Version   = "2012-10-17"
                    Statement = [{ Sid = "Old", Effect = "Allow", Action = "*", Resource = "*" }]
                  })]
                  override_json = <<-JSON
                    {"Statement": [{"Sid": "Old", "Effect": "Deny", "Action": "*", "Resource": "*"}]}
                  JSON
                }
                resource "aws_iam_policy" "p" {
                  policy = data.aws_iam_policy_document.merged.json
                }
                """, "aws_iam_policy.p");
        assertEquals("{Version=2012-10-17, Statement=[{Sid=Old, Effect=Deny, Action=*, Resource=*}]}", doc.toString());
    }

    @Test
    void dynamicStatementsAndUnknownPartsStayInPlace() {
        Value doc = policy("""
                variable "extra" {}
                variable "override" {}
                variable "known" {
                  default = { logs = "logs:PutLogEvents", get = "s3:GetObject" }
                }
                data "aws_iam_policy_document" "d" {
                  override_policy_documents = [var.override]
                  statement {
                    actions   = ["ec2:Describe*"]
                    resources = [aws_s3_bucket.b.arn]
                  }
                  statement {
                    sid     = "Named"
                    actions = ["s3:ListBucket"]
                  }
                  dynamic "statement" {
                    for_each = var.known
                    content {
                      sid     = statement.key
                      actions = [statement.value]
                    }
                  }
                  dynamic "statement" {
                    for_each = var.extra
                    content {
                      actions = statement.value
                    }
                  }
                }
                resource "aws_s3_bucket" "b" {
                }
                resource "aws_iam_policy" "p" {
                  policy = data.aws_iam_policy_document.d.json
                }
                """, "aws_iam_policy.p");
        String s = doc.toString();
        // the statement without a Sid stays; those with one may be replaced by the unknown override document
        assertTrue(s.startsWith("{Version=2012-10-17, Id=UNKNOWN(a merged policy document is not known"), s);
        assertTrue(s.contains("Statement=[{Effect=Allow, Action=ec2:Describe*, Resource=ref(.#aws_s3_bucket.b.arn)}, "
                + "UNKNOWN(may be replaced by a statement merged after it"), s);
        assertEquals(6, ((Value.ListV) ((Value.MapV) doc).get("Statement").orElseThrow()).items().size(), s);
        assertTrue(s.contains("UNKNOWN(dynamic block statement: for_each unknown: variable extra has no value)"), s);
        assertTrue(s.endsWith("UNKNOWN(a merged policy document is not known: variable override has no value)]}"), s);
    }

    @Test
    void aDuplicateSidIsAnErrorTerraformReportsSoTheDocumentIsUnknown() {
        Value doc = policy("""
                data "aws_iam_policy_document" "d" {
                  statement {
                    sid     = "Same"
                    actions = ["s3:GetObject"]
                  }
                  statement {
                    sid     = "Same"
                    actions = ["s3:PutObject"]
                  }
                }
                resource "aws_iam_policy" "p" {
                  policy = data.aws_iam_policy_document.d.json
                }
                """, "aws_iam_policy.p");
        assertInstanceOf(Value.Unknown.class, doc);
        assertTrue(((Value.Unknown) doc).reason().contains("duplicate Sid (Same)"), doc.toString());
    }

    @Test
    void countInstancesAreDocumentsEachAndJsondecodeReadsThem() {
        Value doc = policy("""
                data "aws_iam_policy_document" "d" {
                  count = 2
                  statement {
                    actions = [count.index == 0 ? "s3:GetObject" : "*"]
                  }
                }
                resource "aws_iam_policy" "p" {
                  policy = jsonencode(jsondecode(data.aws_iam_policy_document.d[1].minified_json))
                }
                """, "aws_iam_policy.p");
        assertEquals("{\"Statement\":[{\"Action\":\"*\",\"Effect\":\"Allow\"}],\"Version\":\"2012-10-17\"}",
                doc.asString().orElse(doc.toString()));
    }

    @Test
    void aManagedPolicyNamedByArnHasThatArn() {
        Value arn = policy("""
                data "aws_iam_policy" "admin" {
                  arn = "arn:aws:iam::aws:policy/AdministratorAccess"
                }
                resource "aws_iam_policy" "p" {
                  policy = data.aws_iam_policy.admin.arn
                }
                """, "aws_iam_policy.p");
        assertEquals("arn:aws:iam::aws:policy/AdministratorAccess", arn.asString().orElseThrow());
        Value other = policy("""
                data "aws_iam_policy" "x" {
                  name = "Custom"
                }
                resource "aws_iam_policy" "p" {
                  policy = data.aws_iam_policy.x.policy
                }
                """, "aws_iam_policy.p");
        assertInstanceOf(Value.Unknown.class, other);
        assertTrue(((Value.Unknown) other).reason().contains("data.aws_iam_policy.x is read from the cloud at plan time"), other.toString());
    }

    @Test
    void aModuleNotOnDiskWhosePolicyNamesItsOwnOutputIsReadOnce() {
        Model m = Scans.only(Scans.scan(MemoryTree.of("main.tf", """
                module "bucket" {
                  source = "example-org/bucket/aws"
                  policy = data.aws_iam_policy_document.bucket.json
                }
                data "aws_iam_policy_document" "bucket" {
                  statement {
                    actions   = ["s3:GetObject"]
                    resources = ["${module.bucket.s3_bucket_arn}/*"]
                  }
                }
                """), ParseOptions.defaults()));
        assertTrue(m.findings().stream().noneMatch(f -> f.message().contains("internal error")), m.findings().toString());
        String policy = Scans.resource(m, "module.bucket").attr("policy").orElseThrow().toString();
        assertTrue(policy.startsWith("{Version=2012-10-17, Statement=[{Effect=Allow, Action=s3:GetObject, Resource=UNKNOWN("),
                policy);
    }
}
