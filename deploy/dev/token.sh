#!/usr/bin/env bash
# DEV ONLY. Prints a bearer token signed with the dev key pair of this folder, accepted by the
# service in the dev profile (./mvnw quarkus:dev) and refused by the prod profile.
#   deploy/dev/token.sh ROLE [PROVINCE] [UNIT]
#   deploy/dev/token.sh province-officer 24
#   deploy/dev/token.sh unit-officer 24 213
# Roles: unit-officer, province-officer, api-reader, registry-admin, auditor.
# TOKEN_SUBJECT: another subject (sub), e.g. several clients of one role in a load test.
# Tokens live 1 hour, the longest the service accepts for a person (security/TokenLifetime).
set -euo pipefail
dir=$(cd "$(dirname "$0")" && pwd)
role=${1:?usage: token.sh ROLE [PROVINCE] [UNIT]}
province=${2:-}
unit=${3:-}
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
claims="\"iss\":\"https://dev-only.diaspora-registry.local\",\"aud\":\"diaspora-registry\""
claims="$claims,\"sub\":\"${TOKEN_SUBJECT:-dev-$role${unit:+-$unit}${province:+-$province}}\",\"preferred_username\":\"dev-$role\""
claims="$claims,\"iat\":$now,\"exp\":$((now + 3600)),\"realm_access\":{\"roles\":[\"$role\"]}"
[ -n "$province" ] && claims="$claims,\"province\":\"$province\""
[ -n "$unit" ] && claims="$claims,\"unit\":\"$unit\""
input="$(printf '%s' '{"alg":"RS256","typ":"JWT","kid":"dev-only"}' | b64url).$(printf '{%s}' "$claims" | b64url)"
# TOKEN_KEY: another private key (bench/ signs with a throw-away key of its own)
sig=$(printf '%s' "$input" | openssl dgst -sha256 -sign "${TOKEN_KEY:-$dir/dev-private-key.pem}" -binary | b64url)
printf '%s.%s\n' "$input" "$sig"
