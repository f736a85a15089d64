// One shape for everything the checks report, so lint.mjs can merge, print and count them alike.

/** @typedef {{file: string, rule: string, severity: 'error'|'warning'|'info', message: string, elementId: string|null, configs: string[]}} Finding */

export function finding(file, rule, severity, message, elementId = null, configs = []) {
  return { file, rule, severity, message, elementId: elementId ?? null, configs };
}

/** Merges findings that differ only in the config that produced them (one line per problem, not per config). */
export function mergeAcrossConfigs(findings) {
  const merged = new Map();
  for (const f of findings) {
    const key = JSON.stringify([f.file, f.rule, f.severity, f.message, f.elementId]);
    const seen = merged.get(key);
    if (seen) {
      for (const c of f.configs) if (!seen.configs.includes(c)) seen.configs.push(c);
    } else {
      merged.set(key, { ...f, configs: [...f.configs] });
    }
  }
  return [...merged.values()];
}

/** `FILE: rule: message (element id) [severity; configs]` */
export function formatFinding(f) {
  const id = f.elementId ? ` (${f.elementId})` : '';
  const tags = [f.severity, ...f.configs].join('; ');
  return `${f.file}: ${f.rule}: ${oneLine(f.message)}${id} [${tags}]`;
}

/**
 * moddle messages look like "unparsable content <x> detected\n\tline: 0\n\tcolumn: 12\n\tnested error: ...",
 * with 0-based positions; make them one line with 1-based positions as editors show them.
 */
export function moddleMessage(message) {
  const [head, ...details] = String(message).split('\n').map(s => s.trim());
  const field = name => details.find(d => d.startsWith(name + ':'))?.slice(name.length + 1).trim();
  const line = field('line'), column = field('column'), nested = field('nested error');
  let out = head;
  // At end of file the parser reports no usable position (line 0, column = offset).
  const atEof = nested === 'unexpected end of file';
  if (!atEof && line !== undefined && column !== undefined) out += ` at line ${Number(line) + 1}, column ${Number(column) + 1}`;
  if (nested) out += `: ${nested}`;
  return out;
}

function oneLine(s) {
  return String(s).replace(/\s*\n\s*/g, ' ');
}
