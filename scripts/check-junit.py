#!/usr/bin/env python3
"""Checks `asl test --junit` against a JUnit XML schema: a suite that passes, one whose cases
fail (with names and messages full of XML's special characters), and one that cannot run.

The schema is junit-10.xsd as pytest's own tests use it (scripts/setup.sh takes it from pytest's
source distribution into ~/.cache/asl-playground/), read with the xmlschema package, as those
tests read it.

    python3 scripts/check-junit.py [ASL] [XSD]
"""

import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

import xmlschema

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ASL = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target/release/asl")
XSD = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
    os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), "asl-playground", "junit-10.xsd")

# Cases that fail, named with what XML must escape, and a control character XML cannot hold.
FAILING = """\
definition: {StartAt: A, States: {A: {Type: Pass, Result: {"x": "<&>"}, End: true}}}
cases:
  - name: "passes <a> & 'b'"
    expect: {output: {x: "<&>"}}
  - name: "fails \\"quoted\\" \\u0007 bell"
    message: "The output should be <nothing> & more."
    expect:
      output: {x: "]]> end"}
      status: FAILED
"""
BAD = "cases: [}\n"


def run(suite, junit, expected_exit):
    done = subprocess.run([ASL, "test", suite, "--junit", junit], capture_output=True, text=True)
    if done.returncode != expected_exit:
        sys.exit(f"asl test {suite} exited {done.returncode}, expected {expected_exit}:\n{done.stdout}{done.stderr}")


def check(schema, junit, tests, failures, errors):
    schema.validate(junit)
    suites = ET.parse(junit).getroot()
    suite = suites.find("testsuite")
    got = (suite.get("tests"), suite.get("failures"), suite.get("errors"))
    want = (str(tests), str(failures), str(errors))
    if got != want or len(suite.findall("testcase")) != tests:
        sys.exit(f"{junit}: tests, failures, errors are {got}, expected {want}")
    return suite


def main():
    if not os.path.isfile(XSD):
        sys.exit(f"no JUnit schema at {XSD}: run scripts/setup.sh")
    schema = xmlschema.XMLSchema(XSD)
    with tempfile.TemporaryDirectory() as tmp:
        junit = os.path.join(tmp, "junit.xml")
        run(os.path.join(ROOT, "examples/choice-rules/tests.yaml"), junit, 0)
        check(schema, junit, 5, 0, 0)

        failing = os.path.join(tmp, "failing.yaml")
        with open(failing, "w") as f:
            f.write(FAILING)
        run(failing, junit, 1)
        suite = check(schema, junit, 2, 1, 0)
        failure = suite.findall("testcase")[1].find("failure")
        if failure is None or "<nothing> & more" not in failure.text or "]]> end" not in failure.text:
            sys.exit(f"{junit}: the failure does not hold the case's text:\n{open(junit).read()}")

        bad = os.path.join(tmp, "bad.yaml")
        with open(bad, "w") as f:
            f.write(BAD)
        run(bad, junit, 2)
        suite = check(schema, junit, 1, 0, 1)
        if suite.find("testcase/error") is None:
            sys.exit(f"{junit}: a suite that cannot run is not an <error>")
    print("asl test --junit: 3 reports valid against", os.path.basename(XSD))


if __name__ == "__main__":
    main()
