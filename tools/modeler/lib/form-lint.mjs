// Checks one .form file (Camunda Forms, form-js JSON) for the shape Camunda Modeler and Zeebe expect:
// a JSON object with type "default", a schemaVersion, an id (Zeebe links user tasks to forms by it) and
// a components array whose entries have a type and unique ids.

import { readFile } from 'node:fs/promises';
import { finding } from './findings.mjs';

export async function lintForm(file, displayName) {
  let form;
  try {
    form = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    return [finding(displayName, 'form/json', 'error', `Not valid JSON: ${e.message}`)];
  }
  const out = (rule, message, id = null) => finding(displayName, rule, 'error', message, id);

  if (form === null || typeof form !== 'object' || Array.isArray(form)) {
    return [out('form/json', 'Top level must be a JSON object')];
  }
  const findings = [];
  if (form.type !== 'default') {
    findings.push(out('form/type', `"type" must be "default", found ${JSON.stringify(form.type)}`, form.id));
  }
  if (!Number.isInteger(form.schemaVersion) || form.schemaVersion < 1) {
    findings.push(out('form/schema-version', `"schemaVersion" must be a positive integer, found ${JSON.stringify(form.schemaVersion)}`, form.id));
  }
  if (typeof form.id !== 'string' || form.id.trim() === '') {
    findings.push(out('form/id', '"id" must be a non-empty string: Zeebe links a user task to its form by this id'));
  }
  if (!Array.isArray(form.components)) {
    findings.push(out('form/components', '"components" must be an array', form.id));
    return findings;
  }

  const seen = new Set();
  const visit = components => components.forEach((c, i) => {
    if (c === null || typeof c !== 'object' || typeof c.type !== 'string') {
      findings.push(out('form/components', `Component #${i + 1} has no "type"`, c?.id ?? form.id));
      return;
    }
    if (c.id !== undefined) {
      if (seen.has(c.id)) findings.push(out('form/duplicate-id', 'Two components share this id', c.id));
      seen.add(c.id);
    }
    if (Array.isArray(c.components)) visit(c.components); // groups and dynamic lists nest components
  });
  visit(form.components);
  return findings;
}
