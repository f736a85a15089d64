#!/usr/bin/env node
// Lays out BPMN files with bpmn-auto-layout (bpmn.io's layouter), for comparison with our ELK
// layout (docs/benchmarks.md). The input's own diagram is dropped first, so both tools start from
// the same process semantics.
//   node tools/modeler/auto-layout.mjs IN.bpmn OUT.bpmn   -> prints {"ms": <layout time>}
import { readFile, writeFile } from 'node:fs/promises';
import { BpmnModdle } from 'bpmn-moddle';
import { layoutProcess } from 'bpmn-auto-layout';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: auto-layout.mjs IN.bpmn OUT.bpmn');
  process.exit(2);
}
const moddle = new BpmnModdle();
const { rootElement } = await moddle.fromXML(await readFile(input, 'utf8'));
rootElement.diagrams = [];
const { xml: bare } = await moddle.toXML(rootElement);
const started = process.hrtime.bigint();
const laidOut = await layoutProcess(bare);
const ms = Number(process.hrtime.bigint() - started) / 1e6;
await writeFile(output, laidOut);
console.log(JSON.stringify({ ms }));
