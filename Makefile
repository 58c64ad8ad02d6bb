# Vask: the two commands of the quick start, plus the benchmark set.
#   make run   - build and start one gateway with a demo app on port 6001 (single node, in memory)
#   make test  - install what the tests need when missing, then run every test
#   make bench - the standard benchmark set against a gateway and the ceiling (docs/benchmarks.md)
#   make images - the gateway and operator images, with docker or podman (docs/kubernetes.md)
#   make cli   - build cli/target/vask-cli.jar, which the ./vask launcher runs (docs/cli.md)
SHELL := /bin/bash
MVN ?= mvn -B -ntp
# Image names and tag: the chart's defaults (charts/vask-operator/values.yaml) use the same.
IMAGE_TAG ?= 0.1.0
GATEWAY_IMAGE ?= vask/gateway:$(IMAGE_TAG)
OPERATOR_IMAGE ?= vask/operator:$(IMAGE_TAG)

.PHONY: run test test-deps build bench images cli

build:
	$(MVN) -q -DskipTests -Dspotless.check.skip=true package -pl gateway -am

cli:
	$(MVN) -q -DskipTests -Dspotless.check.skip=true package -pl cli -am

run: build
	scripts/run-demo

test-deps:
	scripts/install-test-deps

test: test-deps
	$(MVN) verify
	scripts/run-js-e2e

bench:
	scripts/run-bench

# Builds both images from the sources (multi-stage Dockerfiles) with the first container engine
# found; with none, or none running, it says so and succeeds, since nothing else needs images.
images:
	@engine="$${CONTAINER_ENGINE:-$$(command -v docker || command -v podman || true)}"; \
	if [ -z "$$engine" ]; then \
	  echo "make images: neither docker nor podman is installed; no images built."; \
	  echo "  Install one of them (or set CONTAINER_ENGINE) and run make images again."; \
	  exit 0; \
	fi; \
	if ! "$$engine" info >/dev/null 2>&1; then \
	  echo "make images: $$engine is installed but no engine is running ($$engine info failed); no images built."; \
	  exit 0; \
	fi; \
	echo "make images: building $(GATEWAY_IMAGE) and $(OPERATOR_IMAGE) with $$engine"; \
	"$$engine" build -f gateway/Dockerfile -t $(GATEWAY_IMAGE) . && \
	"$$engine" build -f operator/Dockerfile -t $(OPERATOR_IMAGE) .
