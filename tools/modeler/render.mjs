#!/usr/bin/env node
// Renders a .bpmn file to PNG the way Camunda Modeler draws it: bpmn-js in headless Chromium.
//   node tools/modeler/render.mjs [--scale N] in.bpmn out.png
// Uses the system Chromium (CHROMIUM env, else /usr/bin/chromium) and bpmn-js from node_modules;
// nothing is fetched from the network. Exit: 0 written, 1 render failed, 2 usage error.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const USAGE = 'usage: render.mjs [--scale N] in.bpmn out.png   (CHROMIUM=/path/to/chromium to override the browser)';
const BPMN_JS = dirname(require.resolve('bpmn-js/package.json'));
// Flags verified on our machines (docs: /work/shared/RUNTIME.md); playwright adds its own pipe/headless ones.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];

function parseArgs(argv) {
  const args = [...argv];
  let scale = 1;
  const i = args.indexOf('--scale');
  if (i >= 0) {
    scale = Number(args[i + 1]);
    args.splice(i, 2);
    if (!(scale > 0 && scale <= 4)) throw new Error(`--scale must be a number in (0, 4]`);
  }
  if (args.length !== 2 || args.some(a => a.startsWith('-'))) throw new Error('need exactly an input .bpmn and an output .png');
  const [input, output] = args;
  if (!input.endsWith('.bpmn')) throw new Error(`${input}: not a .bpmn file`);
  if (!output.endsWith('.png')) throw new Error(`${output}: output must end in .png`);
  if (!existsSync(input)) throw new Error(`${input}: no such file`);
  return { input, output, scale };
}

/** Runs in the page: imports the XML with the bpmn-js Viewer and returns the diagram as SVG plus import warnings. */
async function toSvg(xml) {
  const viewer = new window.BpmnJS({ container: document.body });
  const { warnings } = await viewer.importXML(xml);
  const { svg } = await viewer.saveSVG();
  return { svg, warnings: warnings.map(w => w.message) };
}

async function render({ input, output, scale }) {
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath} (apt-get install chromium, or set CHROMIUM)`);
  const xml = await readFile(input, 'utf8');
  const profile = await mkdtemp(join(tmpdir(), 'sprintflow-render-'));
  // launchPersistentContext takes the fresh profile dir as --user-data-dir.
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: FLAGS, deviceScaleFactor: scale });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    // Offline page: scripts and styles are inlined from node_modules, so no server and no CDN.
    await page.setContent('<!doctype html><html><body style="margin:0;background:#fff"></body></html>');
    await page.addStyleTag({ path: join(BPMN_JS, 'dist/assets/diagram-js.css') });
    await page.addStyleTag({ path: join(BPMN_JS, 'dist/assets/bpmn-js.css') });
    await page.addScriptTag({ path: join(BPMN_JS, 'dist/bpmn-viewer.production.min.js') });

    let result;
    try {
      result = await page.evaluate(toSvg, xml);
    } catch (e) {
      throw new Error(`${input}: bpmn-js cannot import it: ${e.message.split('\n')[0].replace(/^page\.evaluate: (Error: )?/, '')}`);
    }
    result.warnings.forEach(w => console.error(`${input}: bpmn-js import warning: ${w}`));

    // Screenshot the exported SVG at its natural size (bpmn-js adds a margin around the diagram bounds).
    await page.setContent(`<!doctype html><html><body style="margin:0;background:#fff">${result.svg}</body></html>`);
    const size = await page.evaluate(() => {
      const svg = document.querySelector('svg');
      return { width: Math.ceil(svg.width.baseVal.value), height: Math.ceil(svg.height.baseVal.value) };
    });
    if (size.width < 1 || size.height < 1) throw new Error(`${input}: diagram has no visible elements (empty or missing DI)`);
    await page.setViewportSize(size);
    await writeFile(output, await page.locator('svg').first().screenshot({ type: 'png', omitBackground: false }));
    console.error(`${output}: ${size.width}x${size.height} at scale ${scale}`);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

let opts;
try {
  opts = parseArgs(process.argv.slice(2));
} catch (e) {
  console.error(`render.mjs: ${e.message}\n${USAGE}`);
  process.exit(2);
}
render(opts).catch(e => {
  console.error(`render.mjs: ${e.message}`);
  process.exitCode = 1;
});
