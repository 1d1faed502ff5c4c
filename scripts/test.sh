#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what the tests need, then cargo test.
# Tests use real git (the `git` command for fixtures, libgit2 inside the tool) and Python 3.11+
# (tests/reader/recompute.py, an independent reader of the on-branch format), and Debian's
# chromium, which renders the HTML report headless (tests/cli/test_report.rs), and
# python3-aiosmtpd, the SMTP server the mail tests send to (tests/cli/test_mail.rs), jq,
# which the CI jobs of docs/ci.md use (tests/cli/test_ci.rs runs their steps), and tmux,
# bash-completion, zsh, man-db and less for the shell integration tests (tests/cli/test_shell.rs).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v git >/dev/null 2>&1 || missing+=(git)
python3 -c 'import tomllib' >/dev/null 2>&1 || missing+=(python3)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# A real SMTP server for the mail tests (tests/cli/test_mail.rs), run with Debian's python3.
env PATH="$(getconf PATH)" python3 -c 'import aiosmtpd' >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
# openssl makes the test certificate authority of the TLS mail tests.
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
# script runs commands under a pseudo-terminal (colour, pager and editor tests).
command -v script >/dev/null 2>&1 || missing+=(bsdutils)
# jq: the CI steps of docs/ci.md use it, and tests/cli/test_ci.rs runs them as printed.
command -v jq >/dev/null 2>&1 || missing+=(jq)
# Shell integration (tests/cli/test_shell.rs): completion typed into bash and zsh under tmux,
# with bash-completion's loader and git's and zsh's own completion of `git`; man pages read
# with man-db, through less as `git tracker --help` shows them.
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
[ -f /usr/share/bash-completion/bash_completion ] || missing+=(bash-completion)
command -v zsh >/dev/null 2>&1 || missing+=(zsh)
command -v man >/dev/null 2>&1 || missing+=(man-db)
command -v less >/dev/null 2>&1 || missing+=(less)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}" >&2
  if [ "$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" </dev/null
fi

cargo test --locked
