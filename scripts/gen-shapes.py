#!/usr/bin/env python3
"""Writes crates/asl/data/output-shapes.txt: the output shapes of AWS API operations, which
TestState's `fieldValidationMode` (STRICT, PRESENT) checks a mock's result against
(crates/asl/src/teststate/shapes.rs reads the file).

The shapes come from AWS's API models as botocore publishes them
(https://github.com/boto/botocore, botocore/data/<service>/<version>/service-2.json,
Apache-2.0). Only what a response can hold is kept: each operation's output shape and the
shapes it reaches, with the constraints a check needs (required members, enum values, length
and value bounds); documentation, patterns, input shapes and errors are left out. Identical
shapes (also across services, and cyclic ones such as DynamoDB's AttributeValue) are written
once.

Reproduce (Python 3.11, nothing else needed):

    git clone https://github.com/boto/botocore /tmp/botocore     # or any checkout, bare or not
    python3 scripts/gen-shapes.py --botocore /tmp/botocore > crates/asl/data/output-shapes.txt

`--commit` defaults to PINNED: botocore 1.41.5 (2025-11-26), the models of the weeks the
conformance set's TestState calls were recorded in (November and December 2025). TestState
validates against the models AWS runs, which trail the published ones: on 2025-12-03 it still
refused a Lambda MemorySize over 10240, which the models published on 2025-12-01 allow (32768).
`--commit HEAD` takes the newest. The file's header names the commit and botocore version it
was made from. The services are SERVICES below (botocore's directory names): those Step Functions
has optimized integrations for, and the ones most used through `aws-sdk:` integrations. Each
service's newest API version is used.

The file's format (one record a line; `#` lines are comments):

    @ alias alias ...           a service, by every name a Task resource may give it:
                                botocore's directory (`events`), the service id as the SDKs
                                and `aws-sdk:` resources write it (`sfn`, `eventbridge`,
                                `cloudwatchlogs`), an optimized integration's (`states`,
                                `elasticmapreduce`); all lowercase without `-`, `.` or spaces
    OperationName ID            one of the service's operations (with a non-empty output), and
                                the id of its output shape
    %                           the shapes follow, the Nth line (from 0) being shape N:
    s MIN MAX|V1|V2...          a string; `-` where a bound is absent; enum values after `|`
    b MIN MAX                   a blob (a string in JSON), its length bounds
    i MIN MAX                   an integer or long, its value bounds
    f MIN MAX                   a float or double, its value bounds
    t                           a boolean
    d                           a timestamp (a string in JSON)
    l ID MIN MAX                a list of shape ID, its length bounds
    m ID MIN MAX                a map whose values are shape ID
    o Name:ID Name!ID ...       a structure (or union); `!` marks a required member. Member
                                names are written as Step Functions writes a response's
                                fields: the model's name with its first letter capitalized
                                (`executionArn` is `ExecutionArn`)
    *                           anything (a document, an event stream)

Trailing absent bounds are left out (`s`, `l 12`).
"""

import argparse
import json
import re
import subprocess
import sys
import textwrap

SERVICES = [
    # Step Functions' optimized integrations
    "lambda", "dynamodb", "sqs", "sns", "ecs", "glue", "databrew", "stepfunctions", "events",
    "batch", "bedrock", "bedrock-runtime", "athena", "sagemaker", "codebuild", "eks", "emr",
    "emr-containers", "emr-serverless", "mediaconvert", "apigateway",
    # commonly used through aws-sdk integrations
    "s3", "kms", "secretsmanager", "ssm", "ec2", "cloudwatch", "logs", "iam", "sts",
    "textract", "comprehend", "rekognition", "translate", "transcribe", "polly",
    "sagemaker-runtime", "firehose", "kinesis", "rds", "rds-data", "redshift-data", "ses",
    "sesv2", "ecr", "elbv2", "cloudformation", "route53", "acm", "cognito-idp",
    "organizations", "scheduler", "xray", "codepipeline", "appconfig", "dynamodbstreams",
    "apigatewayv2", "bedrock-agent-runtime", "cloudtrail", "codecommit", "codedeploy",
    "cognito-identity", "elasticache", "efs", "resourcegroupstaggingapi", "pipes",
    "application-autoscaling", "autoscaling", "servicediscovery", "comprehendmedical",
    "personalize-runtime", "timestream-write", "iot-data", "lexv2-runtime", "mq",
]

# Names a Task resource gives a service besides its directory and its SDK name: the optimized
# integrations' (`arn:aws:states:::states:startExecution`, `elasticmapreduce:createCluster`).
EXTRA_ALIASES = {"stepfunctions": ["states"], "emr": ["elasticmapreduce"]}


PINNED = "3c45f31b516670bde8fa0d5ab6fc4f2f154ef5fe"


def git(args, repo):
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True).stdout


def latest_model(repo, commit, service):
    """The newest API version's service-2.json of a service, parsed."""
    listing = git(["ls-tree", "--name-only", f"{commit}:botocore/data/{service}/"], repo).decode()
    versions = sorted(v for v in listing.split() if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v))
    for version in reversed(versions):
        try:
            text = git(["show", f"{commit}:botocore/data/{service}/{version}/service-2.json"], repo)
        except subprocess.CalledProcessError:
            continue
        return version, json.loads(text)
    raise SystemExit(f"no service-2.json for {service}")


def norm(name):
    return re.sub(r"[^a-z0-9]", "", name.lower())


def number(x):
    if x is None:
        return "-"
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    return repr(x)


def field_name(member):
    return member[:1].upper() + member[1:]


def node_label(shape):
    """A shape's own description (its children apart), and its children in order."""
    kind = shape["type"]
    if kind == "structure":
        if shape.get("document") or shape.get("eventstream"):
            return ("*",), []
        required = set(shape.get("required", []))
        names, children = [], []
        for member, ref in shape.get("members", {}).items():
            names.append(field_name(member) + ("!" if member in required else ":"))
            children.append(ref["shape"])
        return ("o", tuple(names)), children
    if kind == "list":
        return ("l", number(shape.get("min")), number(shape.get("max"))), [shape["member"]["shape"]]
    if kind == "map":
        return ("m", number(shape.get("min")), number(shape.get("max"))), [shape["value"]["shape"]]
    if shape.get("eventstream"):
        return ("*",), []
    bounds = (number(shape.get("min")), number(shape.get("max")))
    if kind == "string":
        values = shape.get("enum", [])
        for v in values:
            assert "|" not in v and "\n" not in v, v
        return ("s", *bounds, tuple(values)), []
    if kind == "blob":
        return ("b", *bounds), []
    if kind in ("integer", "long"):
        return ("i", *bounds), []
    if kind in ("float", "double"):
        return ("f", *bounds), []
    if kind == "boolean":
        return ("t",), []
    if kind == "timestamp":
        return ("d",), []
    raise SystemExit(f"unknown shape type {kind}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--botocore", required=True, help="a botocore checkout (its work tree or git dir)")
    parser.add_argument("--commit", default=PINNED)
    args = parser.parse_args()
    commit = git(["rev-parse", args.commit], args.botocore).decode().strip()
    init = git(["show", f"{commit}:botocore/__init__.py"], args.botocore).decode()
    version = re.search(r"__version__ = '([^']+)'", init).group(1)

    # Every shape reachable from an operation's output, as a node (service, shape name).
    labels, children = {}, {}
    services = []  # (aliases, [(operation, node)], api version)
    taken = set()
    for service in SERVICES:
        api, model = latest_model(args.botocore, commit, service)
        shapes = model["shapes"]
        meta = model["metadata"]
        aliases = []
        for name in (service, meta.get("serviceId", ""), *EXTRA_ALIASES.get(service, [])):
            key = norm(name)
            if key and key not in aliases and key not in taken:
                aliases.append(key)
        taken.update(aliases)
        ops = []
        for op_name in sorted(model["operations"]):
            op = model["operations"][op_name]
            out = op.get("output", {}).get("shape")
            if not out or not shapes[out].get("members"):
                continue
            stack = [out]
            while stack:
                name = stack.pop()
                node = (service, name)
                if node in labels:
                    continue
                label, kids = node_label(shapes[name])
                labels[node] = label
                children[node] = [(service, k) for k in kids]
                stack.extend(kids)
            ops.append((op_name, (service, out)))
        services.append((aliases, ops, api))

    # Shapes that describe the same values share one line: refine a partition of the nodes by
    # their labels and their children's classes until it is stable (cycles included).
    nodes = sorted(labels)
    label_ids = {}
    cls = {n: label_ids.setdefault(labels[n], len(label_ids)) for n in nodes}
    while True:
        sig_ids = {}
        new = {n: sig_ids.setdefault((cls[n], tuple(cls[c] for c in children[n])), len(sig_ids)) for n in nodes}
        if len(sig_ids) == len(set(cls.values())):
            break
        cls = new

    # Number the classes in the order a walk from the operations meets them.
    ids, order = {}, []

    def visit(node):
        stack = [node]
        while stack:
            n = stack.pop()
            c = cls[n]
            if c in ids:
                continue
            ids[c] = len(order)
            order.append(n)
            stack.extend(reversed(children[n]))

    for _, ops, _ in services:
        for _, node in ops:
            visit(node)

    def line(node):
        label = labels[node]
        kids = [str(ids[cls[c]]) for c in children[node]]
        kind = label[0]
        if kind == "o":
            return " ".join(["o"] + [name + kid for name, kid in zip(label[1], kids)])
        if kind in ("l", "m"):
            parts = [kind, kids[0], label[1], label[2]]
        elif kind == "s":
            parts = ["s", label[1], label[2]]
        else:
            parts = list(label)
        while parts and parts[-1] == "-" and len(parts) > 1:
            parts.pop()
        text = " ".join(parts)
        if kind == "s" and label[3]:
            text += "|" + "|".join(label[3])
        return text

    out = sys.stdout
    out.write("# Output shapes of AWS API operations, for TestState's mock result validation.\n")
    out.write("# Generated by scripts/gen-shapes.py (its docstring describes the format); do not edit.\n")
    out.write(f"# From AWS's API models in botocore {version} (https://github.com/boto/botocore, commit\n")
    out.write(f"# {commit}), botocore/data/<service>/<version>/service-2.json,\n")
    out.write("# licensed under the Apache License 2.0 (http://www.apache.org/licenses/LICENSE-2.0).\n")
    listed = [f"{s}@{api}" for s, (_, _, api) in zip(SERVICES, services)]
    for chunk in textwrap.wrap("Services (botocore's name @ API version): " + " ".join(listed), 94, break_on_hyphens=False):
        out.write(f"# {chunk}\n")
    for aliases, ops, _ in services:
        out.write("@ " + " ".join(aliases) + "\n")
        for op_name, node in ops:
            out.write(f"{op_name} {ids[cls[node]]}\n")
    out.write("%\n")
    for node in order:
        out.write(line(node) + "\n")
    operations = sum(len(ops) for _, ops, _ in services)
    print(f"{len(services)} services, {operations} operations, {len(order)} shapes", file=sys.stderr)


if __name__ == "__main__":
    main()
