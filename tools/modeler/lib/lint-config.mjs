// Which bpmnlint rules run, and how the target Camunda version is chosen.
//
// bpmnlint-plugin-camunda-compat does not read the diagram to learn the target version: each of its
// configs (camunda-cloud-8-6, camunda-cloud-8-8, ...) passes { version: '8.6' } etc. to every rule.
// Camunda Modeler (@camunda/linting) derives that config name from the diagram's
// modeler:executionPlatform/executionPlatformVersion. We name the configs explicitly instead, so a diagram
// is checked against every Camunda version we deploy to, whatever it declares; `--config diagram`
// reproduces the Modeler's choice. Either way sprintflow/execution-platform requires the declaration.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { configs: compatConfigs } = require('bpmnlint-plugin-camunda-compat');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');

/** 8.6: the oldest broker we run against (Camunda 8.6.0 distribution); 8.8: our client and embedded engine. */
export const DEFAULT_CONFIGS = ['camunda-cloud-8-6', 'camunda-cloud-8-8'];

/** Pseudo config: the one Camunda Modeler would pick from the diagram's own declaration. */
export const DIAGRAM_CONFIG = 'diagram';

// Camunda Modeler shows camunda-compat/<config> plus bpmnlint's "correctness" config. On top of those,
// the bpmnlint "recommended" rules that catch real modelling mistakes in our (mostly generated) diagrams.
// Left out: no-bpmndi (replaced by the stricter sprintflow/di-complete), no-inclusive-gateway (Zeebe
// supports them; camunda-compat judges per version), no-complex-gateway (camunda-compat/element-type
// already rejects it), global (naming of messages/errors, noisy for generated ids), standard-size.
const HOUSE_RULES = {
  'conditional-flows': 'error',
  'end-event-required': 'error',
  'fake-join': 'warn',
  'label-required': 'error',
  'no-disconnected': 'error',
  'no-duplicate-sequence-flows': 'error',
  'no-gateway-join-fork': 'warn',
  'no-implicit-end': 'error',
  'no-implicit-split': 'error',
  'no-implicit-start': 'error',
  // recommended says warn; our layouts are generated, so an overlap is a layout bug, not taste
  'no-overlapping-elements': 'error',
  'superfluous-gateway': 'warn',
  'superfluous-label': 'warn',
  'superfluous-termination': 'warn',
  'sprintflow/di-complete': 'error',
  'sprintflow/execution-platform': 'error'
};

export function knownConfigs() {
  return Object.keys(compatConfigs).filter(name => name.startsWith('camunda-cloud-'));
}

/** camunda-cloud config Camunda Modeler would use for a diagram, or null when it declares none. */
export function configFromDiagram(definitions) {
  const platform = definitions.get('modeler:executionPlatform');
  const version = definitions.get('modeler:executionPlatformVersion');
  if (platform !== 'Camunda Cloud' || !version) return null;
  const [major, minor = '0'] = version.split('.');
  return `camunda-cloud-${major}-${minor}`;
}

export function bpmnlintConfig(compatConfig) {
  return {
    extends: [`plugin:camunda-compat/${compatConfig}`, 'bpmnlint:correctness'],
    rules: HOUSE_RULES
  };
}

/** Resolves bpmnlint, camunda-compat and our own sprintflow/* rules from this folder, whatever the cwd. */
export function resolver() {
  const node = new NodeResolver({ require });
  return {
    resolveRule(pkg, name) {
      if (pkg === 'bpmnlint-plugin-sprintflow') return require(`../rules/${name}.cjs`);
      return node.resolveRule(pkg, name);
    },
    resolveConfig(pkg, name) {
      return node.resolveConfig(pkg, name);
    }
  };
}
