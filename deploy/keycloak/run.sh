#!/usr/bin/env bash
# DEV ONLY. Starts Keycloak 26 on http://localhost:8180 with the realm of this folder imported
# (realm "diaspora": roles, demo users with province/unit attributes, the Swagger UI client
# with PKCE, a client-credentials client for other provincial systems), and waits until ready.
#   deploy/keycloak/run.sh            # in the background; its log is in target/keycloak.log
# Demo users' password: dev-only-password. Run the service against it (instead of the dev key):
#   KC=http://localhost:8180/realms/diaspora
#   ./mvnw quarkus:dev -Dquarkus.oidc.auth-server-url=$KC -Dquarkus.oidc.token.issuer=$KC -Dquarkus.oidc.public-key=
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION=26.7.3
PORT=${KEYCLOAK_PORT:-8180}
JAVA25=${KEYCLOAK_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
ZIP=~/.m2/repository/org/keycloak/keycloak-quarkus-dist/$VERSION/keycloak-quarkus-dist-$VERSION.zip
HOME_DIR=target/keycloak-$VERSION
if curl -fs "http://localhost:$PORT/realms/diaspora/.well-known/openid-configuration" >/dev/null 2>&1; then
  echo "Keycloak already runs on $PORT"; exit 0
fi
[ -f "$ZIP" ] || ./mvnw -B -q -ntp org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get \
  -Dartifact=org.keycloak:keycloak-quarkus-dist:$VERSION:zip -Dtransitive=false
if [ ! -d "$HOME_DIR" ]; then
  mkdir -p target && (cd target && unzip -q "$ZIP")
fi
mkdir -p "$HOME_DIR/data/import"
cp deploy/keycloak/diaspora-realm.json "$HOME_DIR/data/import/"
JAVA_HOME=$JAVA25 KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=dev-only-admin \
  nohup "$HOME_DIR/bin/kc.sh" start-dev --import-realm --http-port "$PORT" --health-enabled=true > target/keycloak.log 2>&1 &
for _ in $(seq 1 180); do
  if curl -fs "http://localhost:$PORT/realms/diaspora/.well-known/openid-configuration" >/dev/null 2>&1; then
    echo "Keycloak ready on http://localhost:$PORT/realms/diaspora"; exit 0
  fi
  sleep 1
done
echo "Keycloak did not start; see target/keycloak.log" >&2
exit 1
