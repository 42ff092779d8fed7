#!/usr/bin/env bash
# Builds the service's container image with Jib (quarkus-container-image-jib): the packaged
# service in layers onto the JRE base image (quarkus.jib.base-jvm-image), user 185 (not root),
# JVM sized by the container (-XX:MaxRAMPercentage=70), for a read-only root filesystem (/tmp is
# the pod's emptyDir). No Docker daemon is needed, but the base image is pulled from its registry
# and the image pushed to IMAGE_REGISTRY, so this runs where both are reachable (not on the CI
# machine, which reaches only package registries: there the build stops at the base image).
#
#   IMAGE_REGISTRY=registry.example.gov.vn IMAGE_GROUP=diaspora IMAGE_TAG=1.0.0 bench/image.sh
#   (credentials: docker login, or QUARKUS_CONTAINER_IMAGE_USERNAME/_PASSWORD)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp package -DskipTests \
  -Dquarkus.container-image.build=true -Dquarkus.container-image.push=true \
  -Dquarkus.container-image.registry="${IMAGE_REGISTRY:?the registry to push to}" \
  -Dquarkus.container-image.group="${IMAGE_GROUP:-diaspora}" \
  -Dquarkus.container-image.tag="${IMAGE_TAG:-$(./mvnw -q help:evaluate -Dexpression=project.version -DforceStdout)}" \
  -Dquarkus.jib.image-digest-file=target/image-digest
echo "pushed ${IMAGE_REGISTRY}/${IMAGE_GROUP:-diaspora}/diaspora-registry, digest $(cat target/image-digest)"
