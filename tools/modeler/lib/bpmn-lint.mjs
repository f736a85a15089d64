// Lints one .bpmn file the way Camunda Modeler reads it: bpmn-moddle with the zeebe: and modeler:
// extensions (without zeebe-bpmn-moddle every zeebe:taskDefinition is invisible and camunda-compat
// reports false errors), then bpmnlint once per camunda-compat config.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { BpmnModdle } from 'bpmn-moddle';
import { bpmnlintConfig, configFromDiagram, DIAGRAM_CONFIG, knownConfigs, resolver } from './lint-config.mjs';
import { finding, moddleMessage } from './findings.mjs';

const require = createRequire(import.meta.url);
const { Linter } = require('bpmnlint');
const zeebe = require('zeebe-bpmn-moddle/resources/zeebe.json');
const modeler = require('modeler-moddle/resources/modeler.json');

const SEVERITY = { error: 'error', warn: 'warning', info: 'info', 'rule-error': 'error' };

const linters = new Map();

function linterFor(config) {
  if (!linters.has(config)) {
    // One Linter per config: bpmnlint caches rule instances, and camunda-compat rules are built per version.
    linters.set(config, new Linter({ config: bpmnlintConfig(config), resolver: resolver() }));
  }
  return linters.get(config);
}

export async function lintBpmn(file, displayName, configs) {
  let parsed;
  try {
    parsed = await new BpmnModdle({ zeebe, modeler }).fromXML(await readFile(file, 'utf8'));
  } catch (e) {
    return [finding(displayName, 'bpmn-moddle/parse', 'error', `Not a readable BPMN 2.0 file: ${moddleMessage(e.message)}`)];
  }
  const definitions = parsed.rootElement;

  // Import warnings (unknown elements, unresolved references) mean the Modeler silently dropped part of
  // the file; Zeebe's schema-validating parser rejects or misreads the same content, so they are errors.
  const findings = parsed.warnings.map(w =>
    finding(displayName, 'bpmn-moddle/import', 'error', moddleMessage(w.message), w.element?.id));

  for (const requested of configs) {
    const config = requested === DIAGRAM_CONFIG ? configFromDiagram(definitions) : requested;
    if (!config) {
      findings.push(finding(displayName, 'sprintflow/execution-platform', 'error',
        'Declares no Camunda 8 execution platform/version, so Camunda Modeler would check nothing', definitions.id));
      continue;
    }
    if (!knownConfigs().includes(config)) {
      findings.push(finding(displayName, 'sprintflow/execution-platform', 'error',
        `Declared Camunda version maps to ${config}, which bpmnlint-plugin-camunda-compat does not know`, definitions.id));
      continue;
    }
    const reports = await linterFor(config).lint(definitions);
    for (const [rule, list] of Object.entries(reports)) {
      for (const r of list) {
        // Only camunda-compat rules depend on the config; naming it elsewhere would suggest they do.
        const name = qualify(rule);
        findings.push(finding(displayName, name, SEVERITY[r.category] ?? 'error',
          r.category === 'rule-error' ? `rule crashed: ${r.message}` : r.message, r.id,
          name.startsWith('camunda-compat/') ? [config] : []));
      }
    }
  }
  return findings;
}

/** bpmnlint names its own rules bare ("no-disconnected"); say where they come from. */
function qualify(rule) {
  return rule.includes('/') ? rule : `bpmnlint/${rule}`;
}
