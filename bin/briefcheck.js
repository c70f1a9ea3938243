#!/usr/bin/env node
// The briefcheck command of the npm package: the self-contained bundle in dist/ does the work.
require('../dist/cli.js');
