#!/usr/bin/env node
// Entry point for the briefcheck command: the bundled CLI lives in the repository's dist/ folder.
require('../../dist/cli.js');
