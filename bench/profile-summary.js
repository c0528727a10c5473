// @ts-check
'use strict';

/**
 * Summarises a V8 CPU profile (`node --cpu-prof`, as `BENCH_PROFILE=ours npm run bench`
 * writes to bench/.tmp/profiles): self time by package or source area, and self and total
 * time of the busiest functions.
 *
 *   node bench/profile-summary.js <file.cpuprofile> [top=30] [filter] [items]
 *
 * `filter` keeps functions whose name or file contains it (for instance `nodes/`; '' for all);
 * with `items`, the breakdown by category also shows milliseconds per item.
 */
const { readFileSync } = require('node:fs');
const path = require('node:path');

/**
 * @typedef {object} ProfileNode
 * @property {number} id
 * @property {{ functionName: string; url: string; lineNumber: number }} callFrame
 * @property {number[]} [children]
 */

/**
 * @typedef {object} Profile
 * @property {ProfileNode[]} nodes
 * @property {number[]} samples
 * @property {number[]} timeDeltas
 * @property {number} startTime
 * @property {number} endTime
 */

const [file, topArg, filter, itemsArg] = process.argv.slice(2);
if (!file) {
	process.stderr.write('usage: node profile-summary.js <file.cpuprofile> [top] [filter]\n');
	process.exit(2);
}
const top = Number(topArg ?? 30);
const profile = /** @type {Profile} */ (JSON.parse(readFileSync(file, 'utf8')));

/** The repository's root folder, as a profile's URLs begin (file:///...). */
const ROOT = `${path.resolve(__dirname, '..')}/`;

/**
 * A file of this repository (not of its node_modules) by its path from the root, with the built
 * package's dist/ left out (dist/nodes/... is the node's code); undefined for other files.
 * @param {string} url
 */
const inRepository = (url) => {
	const file = url.replace(/^file:\/\//, '');
	return file.startsWith(ROOT) && !file.includes('/node_modules/') ? file.slice(ROOT.length).replace(/^dist\//, '') : undefined;
};

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
/** @type {Map<number, number>} */
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

/**
 * Where a function lives: a package in node_modules, a folder of this repository, or V8.
 * @param {string} url
 * @returns {string}
 */
function area(url) {
	if (!url) return '(V8 / native)';
	const modules = url.lastIndexOf('node_modules/');
	if (modules >= 0) {
		const parts = url.slice(modules + 'node_modules/'.length).split('/');
		const name = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
		const rest = parts.slice(parts[0].startsWith('@') ? 2 : 1);
		// Split the engine's packages by their top folders, where the time goes matters there.
		if (name === 'n8n-core' || name === 'n8n-workflow') return `${name}/${rest.slice(0, 3).join('/')}`;
		return name;
	}
	if (url.startsWith('node:')) return 'node: (runtime)';
	const local = inRepository(url);
	if (local) return local.split('/').slice(0, -1).join('/') || local;
	return url.replace(/^file:\/\//, '');
}

/** @param {ProfileNode} node */
const key = (node) => {
	const { functionName, url, lineNumber } = node.callFrame;
	const where = url ? `${inRepository(url) ?? url.replace(/^.*node_modules\//, '')}:${lineNumber + 1}` : '';
	return `${functionName || '(anonymous)'} ${where}`.trim();
};

/**
 * Where a sample's time goes, by the first of these found anywhere on its stack (in this
 * order), so that the categories do not overlap.
 * @type {Array<[string, RegExp]>}
 */
const CATEGORIES = [
	['credential auth per request (harness authenticate: $credentials expression)', /^authenticate test\/harness/],
	['our preSend hooks (routing.ts checkField / putIdInPath, validation.ts)', /^(checkField|putIdInPath) nodes\//],
	['HTTP stack (httpRequestWithAuthentication, request, axios, follow-redirects, sockets)', /^(httpRequestWithAuthentication|proxyRequestToAxios|request|httpRequest) n8n-core|axios|follow-redirects|node:net|node:_http/],
	['our transport (sendWithRetries, pacing, idempotency key)', /^(sendRequest|sendWithRetries|idempotencyKey|wooshPayRequest) nodes\//],
	["engine: RoutingNode.resolveBaseUrl (2nd walk over the node's properties)", /^resolveBaseUrl n8n-core/],
	['engine: RoutingNode.runNode (1st walk: build each request, then collect)', /^runNode n8n-core\/dist\/execution-engine\/routing-node/],
	['HTTP Request node execute() (build requests, collect answers)', /^execute n8n-nodes-base/],
	['garbage collector', /^\(garbage collector\)/],
];
/** @type {Map<string, number>} */
const categories = new Map();

/** @type {Map<string, number>} */
const self = new Map();
/** @type {Map<string, number>} */
const total = new Map();
/** @type {Map<string, number>} */
const areas = new Map();
let all = 0;
let idle = 0;
profile.samples.forEach((id, i) => {
	const delta = profile.timeDeltas[i] ?? 0;
	const node = /** @type {ProfileNode} */ (byId.get(id));
	all += delta;
	if (node.callFrame.functionName === '(idle)') {
		idle += delta;
		return;
	}
	self.set(key(node), (self.get(key(node)) ?? 0) + delta);
	areas.set(area(node.callFrame.url), (areas.get(area(node.callFrame.url)) ?? 0) + delta);
	/** @type {Set<string>} */
	const seen = new Set();
	for (let /** @type {number | undefined} */ at = id; at !== undefined; at = parent.get(at)) {
		const k = key(/** @type {ProfileNode} */ (byId.get(at)));
		if (seen.has(k)) continue;
		seen.add(k);
		total.set(k, (total.get(k) ?? 0) + delta);
	}
	const category = CATEGORIES.find(([, pattern]) => [...seen].some((k) => pattern.test(k)))?.[0] ?? 'other (engine, event loop, timers)';
	categories.set(category, (categories.get(category) ?? 0) + delta);
});

const busy = all - idle;
/** @param {number} us */
const ms = (us) => `${(us / 1000).toFixed(0).padStart(7)} ms`;
/** @param {number} us */
const pct = (us) => `${((us / busy) * 100).toFixed(1).padStart(5)} %`;
/** @param {string} title @param {Map<string, number>} map @param {number} count */
const print = (title, map, count, match = '') => {
	process.stdout.write(`\n${title}\n`);
	[...map.entries()]
		.filter(([k]) => !match || k.includes(match))
		.sort((a, b) => b[1] - a[1])
		.slice(0, count)
		.forEach(([k, v]) => process.stdout.write(`${ms(v)} ${pct(v)}  ${k}\n`));
};

process.stdout.write(`${file}\nsampled ${ms(all)}, idle ${ms(idle)}, busy ${ms(busy)} (percentages of busy)\n`);
const perItem = Number(itemsArg) > 0 ? Number(itemsArg) : 0;
process.stdout.write('\nBreakdown by category (first match on the stack)\n');
[...categories.entries()]
	.sort((a, b) => b[1] - a[1])
	.forEach(([k, v]) => process.stdout.write(`${ms(v)} ${pct(v)}${perItem ? `  ${(v / 1000 / perItem).toFixed(3)} ms/item` : ''}  ${k}\n`));
print('Self time by area', areas, top);
print('Self time by function', self, top, filter);
print('Total (inclusive) time by function', total, top, filter);
