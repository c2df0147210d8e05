#!/usr/bin/env bash
# Whole-process speed of `cicd check` against the Python linters people reach for: parliament on
# a trust policy, cfn-lint on the same policy inside a CloudFormation template. Installs hyperfine
# (Debian) and the two linters (PyPI, into a throwaway virtualenv) when missing.
#
#   scripts/bench/cli-speed.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v hyperfine >/dev/null || { sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo; $sudo apt-get install -y hyperfine; }
venv=${CICD_BENCH_VENV:-/tmp/cicd-bench-venv}
[ -x "$venv/bin/parliament" ] && [ -x "$venv/bin/cfn-lint" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q cfn-lint parliament; }

cargo build -q --release -p cicd-cli
cicd=$PWD/target/release/cicd
cp examples/trust-policy-github-oidc.json "$work/trust.json"
python3 - "$work" <<'PY'
import json, sys
d = sys.argv[1]
policy = json.load(open(f"{d}/trust.json"))
template = {"AWSTemplateFormatVersion": "2010-09-09",
            "Resources": {"Role": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": policy}}}}
json.dump(template, open(f"{d}/template.json", "w"), indent=2)
PY
policy=$(tr -d '\n' < "$work/trust.json")
hyperfine -N -i --warmup 3 --runs 30 \
  "$cicd check $work/trust.json" \
  "$venv/bin/parliament --string '$policy'" \
  "$venv/bin/cfn-lint $work/template.json"
