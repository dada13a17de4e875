#!/usr/bin/env bash
# The README's run command: the API on http://127.0.0.1:5080 over the embedded PostgreSQL + pgvector
# cluster (installed, initialised and started on first use). Set ConnectionStrings__SkillsMatch to use
# your own server instead; SKILLSMATCH_URLS to listen elsewhere.
set -euo pipefail
cd "$(dirname "$0")"
exec dotnet run --project src/SkillsMatch.Api -c Release --no-launch-profile -- --urls "${SKILLSMATCH_URLS:-http://127.0.0.1:5080}"
