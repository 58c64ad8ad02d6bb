# Vask: the two commands of the quick start, plus the benchmark set.
#   make run   - build and start one gateway with a demo app on port 6001 (single node, in memory)
#   make test  - install what the tests need when missing, then run every test
#   make bench - the standard benchmark set against a gateway and the ceiling (docs/benchmarks.md)
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

bench:
	scripts/run-bench
