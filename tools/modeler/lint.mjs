#!/usr/bin/env node
// Camunda Modeler's checks, from the command line. See docs/modeler-checks.md.
//   node tools/modeler/lint.mjs [--config camunda-cloud-8-6,camunda-cloud-8-8|diagram] [--json] FILE_OR_DIR...
// Exit: 0 no errors (warnings allowed), 1 at least one error, 2 usage error.

import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { lintBpmn } from './lib/bpmn-lint.mjs';
import { lintDmn } from './lib/dmn-lint.mjs';
import { lintForm } from './lib/form-lint.mjs';
import { formatFinding, mergeAcrossConfigs } from './lib/findings.mjs';
import { DEFAULT_CONFIGS, DIAGRAM_CONFIG, knownConfigs } from './lib/lint-config.mjs';

const USAGE = `usage: lint.mjs [--config NAME[,NAME...]] [--json] FILE_OR_DIR...
  --config  camunda-compat configs to check against (default ${DEFAULT_CONFIGS.join(',')});
            "${DIAGRAM_CONFIG}" uses the one Camunda Modeler picks from the diagram's executionPlatformVersion
  --json    print one JSON document instead of lines
  Lints .bpmn, .dmn and .form files; directories are searched recursively.`;

const CHECKERS = { '.bpmn': lintBpmn, '.dmn': lintDmn, '.form': lintForm };
const SKIP_DIRS = new Set(['node_modules', 'target']);

class UsageError extends Error {
  constructor(message, { showUsage = true } = {}) {
    super(message);
    this.showUsage = showUsage;
  }
}

function parseArgs(argv) {
  const opts = { configs: [], json: false, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') opts.json = true;
    else if (arg === '-h' || arg === '--help') opts.help = true;
    else if (arg === '--config' || arg.startsWith('--config=')) {
      const value = arg === '--config' ? argv[++i] : arg.slice('--config='.length);
      if (!value) throw new UsageError('--config needs a value');
      opts.configs.push(...value.split(',').map(s => s.trim()).filter(Boolean));
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else opts.paths.push(arg);
  }
  if (opts.configs.length === 0) opts.configs = [...DEFAULT_CONFIGS];
  const unknown = opts.configs.filter(c => c !== DIAGRAM_CONFIG && !knownConfigs().includes(c));
  if (unknown.length) throw new UsageError(`unknown config ${unknown.join(', ')}; known: ${knownConfigs().join(', ')}, ${DIAGRAM_CONFIG}`);
  if (!opts.help && opts.paths.length === 0) throw new UsageError('no FILE_OR_DIR given');
  return opts;
}

async function collect(path, out) {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new UsageError(`${path}: no such file or directory`, { showUsage: false });
  }
  if (info.isDirectory()) {
    const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const child = join(path, e.name);
      if (e.isDirectory() && !e.name.startsWith('.') && !SKIP_DIRS.has(e.name)) await collect(child, out);
      else if (e.isFile() && CHECKERS[extname(e.name)]) out.push(child);
    }
  } else if (CHECKERS[extname(path)]) {
    out.push(path);
  } else {
    throw new UsageError(`${path}: not a .bpmn, .dmn or .form file`, { showUsage: false });
  }
}

async function main(argv) {
  const opts = parseArgs(argv);
  if (opts.help) {
    console.log(USAGE);
    return 0;
  }
  const files = [];
  for (const p of opts.paths) await collect(p, files);

  const all = [];
  for (const file of files) all.push(...await CHECKERS[extname(file)](file, file, opts.configs));
  const findings = mergeAcrossConfigs(all);
  const errors = findings.filter(f => f.severity === 'error').length;
  const warnings = findings.filter(f => f.severity === 'warning').length;

  if (opts.json) {
    console.log(JSON.stringify({ configs: opts.configs, files, errors, warnings, findings }, null, 2));
  } else {
    findings.forEach(f => console.log(formatFinding(f)));
    console.error(`${files.length} file(s) checked against ${opts.configs.join(', ')}: ${errors} error(s), ${warnings} warning(s)`);
  }
  return errors > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(code => { process.exitCode = code; }, e => {
  if (e instanceof UsageError) {
    console.error(`lint.mjs: ${e.message}${e.showUsage ? '\n' + USAGE : ''}`);
    process.exitCode = 2;
  } else {
    console.error(`lint.mjs: ${e.stack || e}`);
    process.exitCode = 1; // a check that could not run is not a clean result
  }
});
