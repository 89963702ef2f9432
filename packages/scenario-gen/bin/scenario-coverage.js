#!/usr/bin/env node
import "../dist/coverage-cli.js";
