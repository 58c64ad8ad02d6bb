# Vask: the two commands of the quick start, plus the benchmark set.
#   make run   - build and start one gateway with a demo app on port 6001 (single node, in memory)
#   make test  - install what the tests need when missing, then run every test
SHELL := /bin/bash
MVN ?= mvn -B -ntp

.PHONY: run test test-deps build bench

build:
	$(MVN) -q -DskipTests -Dspotless.check.skip=true package -pl gateway -am

run: build
	scripts/run-demo

test-deps:
	scripts/install-test-deps

test: test-deps
	$(MVN) verify
	scripts/run-js-e2e
