// Reads one .dmn file with dmn-moddle, the reader behind Camunda Modeler's DMN editor, and adds the
// few checks bpmnlint has no DMN counterpart for.

import { readFile } from 'node:fs/promises';
import { DmnModdle } from 'dmn-moddle';
import { finding, moddleMessage } from './findings.mjs';

const DMN13 = 'https://www.omg.org/spec/DMN/20191111/MODEL/';

export async function lintDmn(file, displayName) {
  const xml = await readFile(file, 'utf8');
  let parsed;
  try {
    parsed = await new DmnModdle().fromXML(xml, 'dmn:Definitions');
  } catch (e) {
    const hint = xml.includes(DMN13) ? '' : ` (dmn-moddle reads DMN 1.3, namespace ${DMN13}; Camunda Modeler migrates older files when you open and save them)`;
    const detail = e.warnings?.length ? moddleMessage(e.warnings[0].message) : moddleMessage(e.message);
    return [finding(displayName, 'dmn-moddle/parse', 'error', `Not a readable DMN file: ${detail}${hint}`)];
  }

  const definitions = parsed.rootElement;
  // As for BPMN: an import warning means the Modeler dropped content the engine would not accept either.
  const findings = parsed.warnings.map(w =>
    finding(displayName, 'dmn-moddle/import', 'error', moddleMessage(w.message), w.element?.id));

  const drg = definitions.get('drgElement') || [];
  const decisions = drg.filter(e => e.$instanceOf('dmn:Decision'));
  if (decisions.length === 0) {
    findings.push(finding(displayName, 'dmn/decision-required', 'error', 'No decision: Zeebe has nothing to evaluate', definitions.id));
  }
  for (const d of decisions) {
    if (!d.decisionLogic) {
      findings.push(finding(displayName, 'dmn/decision-logic', 'error', 'Decision has neither a decision table nor a literal expression', d.id));
    }
  }

  // The Modeler's DRD view shows only elements with a DMNShape; the others are unreachable there.
  const shaped = new Set((definitions.dmnDI?.diagrams || [])
    .flatMap(diagram => diagram.get('diagramElements') || [])
    .filter(el => el.$instanceOf('dmndi:DMNShape'))
    .map(el => el.dmnElementRef));
  for (const el of drg) {
    if (!shaped.has(el)) {
      findings.push(finding(displayName, 'dmn/di-complete', 'warning', `Missing DMNShape for <${el.$type}>: not shown in the decision requirements diagram`, el.id));
    }
  }
  return findings;
}
