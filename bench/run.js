// @ts-check
'use strict';

/**
 * `npm run bench`: our node against n8n's HTTP Request node and a bare keep-alive client, on
 * the WooshPay simulator. A benchmark, not a test: it reports, it never fails on timing.
 *
 * 1. Throughput: BENCH_ITEMS (2,000) Cardholder → Update items with every field set, no rate
 *    limit, BENCH_LATENCY_MS (5) ms per answer: items/s and CPU per item of each client, the
 *    median of BENCH_REPEAT (3) runs.
 *    1a. The node's size, with scenario 1: CPU per item of our node against our node with only
 *    its first release's properties, BENCH_SIZE_ROUNDS (20) rounds of BENCH_SIZE_ITEMS (500):
 *    a report, with no target (bench/README.md, "The node's size").
 * 2. Rate limit: BENCH_RATE_ITEMS (1,000) items against BENCH_RATE (50) requests/s, default
 *    settings: failed items, items applied twice, 429 answers, wall time against N/R.
 * 3. Memory: BENCH_MEMORY_ITEMS (10,000) items, no latency, no limit: peak memory of a
 *    process running our node against one running the HTTP Request node.
 * 4. One account: BENCH_ACCOUNT_EXECUTIONS (3) executions of BENCH_ACCOUNT_ITEMS (300) items
 *    each, started at once in one process, against one account limited to BENCH_RATE: failed,
 *    applied twice, 429s per item, span against N/R.
 *    4b. One account, several processes: BENCH_PROCESSES (2 and 4) worker processes at once (as
 *    n8n's queue mode runs executions on several workers), each with one execution of
 *    BENCH_ACCOUNT_ITEMS and a pace of its own, against one account limited to BENCH_RATE;
 *    each count once with all started together and once with each started
 *    BENCH_PROCESS_STAGGER_MS (1,000) after the one before: failed, applied twice, 429s per
 *    item, span (the first request to the last, at the simulator) against N/R, and each
 *    process's own wall time. Each process loads the node with one warm-up request first.
 * 5. A misbehaving server: BENCH_RATE_ITEMS at BENCH_RATE, 429 without Retry-After, 5 % of
 *    requests 503, 3 % of connections cut after applying: failed, applied twice, span.
 * 6. n8n 1.x and 2.x: the packed package in a real n8n of each tested line (bench/lines.js),
 *    `n8n execute` of a Cardholder → Update workflow: BENCH_RATE_ITEMS at BENCH_RATE (latency
 *    BENCH_LATENCY_MS), then BENCH_SLOW_ITEMS (200) with no limit and BENCH_SLOW_LATENCY_MS (100)
 *    per answer (are the items sent side by side?): failed, applied twice, 429s, first → last
 *    request.
 * 7. Queue mode: the packed package in n8n BENCH_QUEUE_VERSION (2.41.1) in queue mode
 *    (scripts/queue.js: PostgreSQL and Redis from Debian's packages, installed with apt-get when
 *    missing; main, BENCH_QUEUE_WORKERS (2) workers, BENCH_QUEUE_WEBHOOKS (1) webhook processor;
 *    bench/queue.js). a) BENCH_QUEUE_EXECUTIONS (2, then 4) webhook-started executions of
 *    BENCH_QUEUE_ITEMS (300) Cardholder Updates at once on one account at BENCH_RATE: failed,
 *    applied twice, 429s per item, span against N/R. b) the WooshPay Trigger published,
 *    BENCH_QUEUE_EVENTS (6) signed events each delivered to both the webhook processor and main,
 *    forged and unsigned ones too: executions and runs with output per event.
 *
 * Each measurement runs in its own process (bench/worker.js); the simulator runs here, so the
 * worker's CPU and memory are the client's alone. BENCH_PROFILE=ours (or httpRequest,
 * oursStatusOnly, …) writes a CPU profile of that client's first throughput run (the measured
 * part only) to bench/.tmp/profiles; bench/profile-summary.js summarises it. BENCH_ONLY=1,3
 * runs some scenarios only (and leaves bench/results.md alone).
 */
const { fork } = require('node:child_process');
const { readFileSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const { isDeepStrictEqual } = require('node:util');
const path = require('node:path');

/** @import { IDataObject } from 'n8n-workflow' */

const { DEFAULTS } = require('../dist/nodes/WooshPay/shared/options');
/** @import { Client, WorkerResult, WorkerTask } from './worker' */
const { BODY, cardholderId } = require('./workload');

const { startSimulator } = require('../test/simulator/simulator');

const ROOT = path.resolve(__dirname, '..');
const ALL_SCENARIOS = ['1', '2', '3', '4', '4b', '5', '6', '7'];
/** @param {string} name @param {number} fallback */
const env = (name, fallback) => {
	const value = Number(process.env[name]);
	return Number.isFinite(value) && process.env[name] !== '' && process.env[name] !== undefined ? value : fallback;
};
const config = {
	latencyMs: env('BENCH_LATENCY_MS', 5),
	items: env('BENCH_ITEMS', 2000),
	warmup: env('BENCH_WARMUP', 200),
	repeat: Math.max(1, env('BENCH_REPEAT', 3)),
	rate: env('BENCH_RATE', 50),
	rateItems: env('BENCH_RATE_ITEMS', 1000),
	memoryItems: env('BENCH_MEMORY_ITEMS', 10000),
	concurrency: DEFAULTS.maxParallel,
	profile: process.env.BENCH_PROFILE ?? '',
	only: (process.env.BENCH_ONLY ?? ALL_SCENARIOS.join(',')).split(',').map((s) => s.trim()),
	accountExecutions: env('BENCH_ACCOUNT_EXECUTIONS', 3),
	accountItems: env('BENCH_ACCOUNT_ITEMS', 300),
	processes: (process.env.BENCH_PROCESSES || '2,4').split(',').map(Number).filter((n) => n > 0),
	processStaggerMs: env('BENCH_PROCESS_STAGGER_MS', 1000),
	sizeItems: env('BENCH_SIZE_ITEMS', 500),
	sizeRounds: Math.max(1, env('BENCH_SIZE_ROUNDS', 20)),
	slowItems: env('BENCH_SLOW_ITEMS', 200),
	slowLatencyMs: env('BENCH_SLOW_LATENCY_MS', 100),
	queueVersion: process.env.BENCH_QUEUE_VERSION || '2.41.1',
	queueWorkers: env('BENCH_QUEUE_WORKERS', 2),
	queueWebhooks: env('BENCH_QUEUE_WEBHOOKS', 1),
	queueItems: env('BENCH_QUEUE_ITEMS', 300),
	queueExecutions: (process.env.BENCH_QUEUE_EXECUTIONS || '2,4').split(',').map(Number).filter((n) => n > 0),
	queueEvents: env('BENCH_QUEUE_EVENTS', 6),
};

const started = Date.now();
/** @param {string} text */
const log = (text) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0)} s] ${text}\n`);

/**
 * @typedef {object} SimStats
 * @property {number} requests
 * @property {Record<number, number>} statuses
 * @property {number} applied
 * @property {number} appliedTwice
 * @property {number} idempotentReplays
 * @property {unknown} firstBody
 * @property {number} firstRequestAt Date.now() of the first and last request that reached the simulator.
 * @property {number} lastRequestAt
 */

/**
 * A simulator with the cardholders of a run, counting the status of every answer.
 * @param {{ latencyMs: number; rateLimit: number; prefix: string; count: number; warmup: number; faults?: Faults }} options
 */
async function simulator(options) {
	const sim = await startSimulator({ latencyMs: options.latencyMs, rateLimit: options.rateLimit, ...options.faults });
	for (let i = 0; i < options.count; i++) sim.addCardholder({}, cardholderId(options.prefix, i));
	for (let i = 0; i < options.warmup; i++) sim.addCardholder({}, cardholderId('warm', i));
	/** @type {Record<number, number>} */
	const statuses = {};
	let replays = 0;
	let firstRequestAt = 0;
	let lastRequestAt = 0;
	sim.server.prependListener('request', () => {
		lastRequestAt = Date.now();
		if (!firstRequestAt) firstRequestAt = lastRequestAt;
	});
	const send = sim.send.bind(sim);
	sim.send = (res, status, body, headers = {}) => {
		statuses[status] = (statuses[status] ?? 0) + 1;
		if (headers['idempotent-replayed']) replays++;
		send(res, status, body, headers);
	};
	/** @returns {SimStats} */
	const stats = () => {
		/** @type {Map<string, number>} */
		const perId = new Map();
		for (const mutation of sim.mutations) perId.set(mutation.id, (perId.get(mutation.id) ?? 0) + 1);
		return {
			requests: sim.requests.length,
			statuses: { ...statuses },
			applied: perId.size,
			appliedTwice: [...perId.values()].filter((n) => n > 1).length,
			idempotentReplays: replays,
			firstBody: sim.requests[0]?.body,
			firstRequestAt,
			lastRequestAt,
		};
	};
	const reset = () => {
		sim.reset();
		for (const key of Object.keys(statuses)) delete statuses[Number(key)];
		replays = 0;
		firstRequestAt = 0;
		lastRequestAt = 0;
	};
	return { sim, stats, reset };
}

/**
 * Trouble the simulator makes on its own (test/simulator/simulator.js options).
 * @typedef {object} Faults
 * @property {boolean} [retryAfter]
 * @property {number} [unavailable]
 * @property {number} [cutAfterApply]
 */

/**
 * @typedef {WorkerResult & MeasurementExtra} Measurement
 * @typedef {object} MeasurementExtra
 * @property {SimStats} sim
 * @property {string} [label]
 * @property {[number, number]} [range] items/s of the slowest and fastest repeat
 */

/**
 * Runs one client in a fresh worker process against a fresh simulator.
 * @param {Client} client
 * @param {{ count: number; latencyMs: number; rateLimit: number; warmup: number; sampleMemory: boolean; profile?: boolean; fields?: IDataObject; executions?: number; faults?: Faults; rounds?: number; }} options
 * @returns {Promise<Measurement>}
 */
async function measure(
	client,
	options,
) {
	const prefix = 'bench';
	const { sim, stats, reset } = await simulator({ ...options, prefix });
	const worker = fork(path.join(__dirname, 'worker.js'), [], {
		execArgv: ['--expose-gc'],
		env: { ...process.env, N8N_LOG_LEVEL: 'silent' },
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	});
	/** @type {WorkerTask} */
	const task = {
		client,
		fields: options.fields,
		url: sim.url,
		count: options.count,
		prefix,
		warmup: options.warmup,
		sampleMemory: options.sampleMemory,
		concurrency: config.concurrency,
		profileDir: options.profile ? path.join(ROOT, 'bench/.tmp/profiles') : undefined,
		executions: options.executions,
		rounds: options.rounds,
	};
	try {
		const result = await /** @type {Promise<WorkerResult>} */ (new Promise((resolve, reject) => {
			worker.on('message', (/** @type {{ type: string; message?: string }} */ message) => {
				if (message.type === 'warmed') {
					reset();
					worker.send({ cmd: 'go' });
				} else if (message.type === 'result') {
					resolve(/** @type {WorkerResult} */ (message));
				} else if (message.type === 'failed') {
					reject(new Error(`${client} worker failed: ${message.message}`));
				}
			});
			worker.on('exit', (code) => reject(new Error(`${client} worker exited (${code}) without a result`)));
			worker.send(task);
		}));
		await new Promise((resolve) => (worker.exitCode === null ? worker.once('exit', resolve) : resolve(undefined)));
		if (result.profile) log(`CPU profile of ${LABEL[client]}: ${path.relative(ROOT, result.profile)}`);
		return { ...result, sim: stats() };
	} finally {
		if (worker.exitCode === null) worker.kill();
		await sim.close();
	}
}

/**
 * @typedef {object} ProcessesMeasurement
 * @property {WorkerResult[]} results one per process
 * @property {SimStats} sim
 * @property {number} count all items of all processes
 * @property {number} spanMs from the first request of all to the last, at the simulator
 */

/**
 * Scenario 4b: `processes` worker processes against one simulator account, each one execution
 * of `itemsEach` items with its own cardholders and a pace of its own (nothing is shared
 * between processes but the account, as between n8n's queue-mode workers). Each first sends
 * one warm-up request, which loads the node (seconds on a busy machine) and teaches its pace
 * nothing; then process i starts `staggerMs` × i after the first.
 * @param {{ processes: number; itemsEach: number; staggerMs: number; latencyMs: number; rateLimit: number }} options
 * @returns {Promise<ProcessesMeasurement>}
 */
async function measureProcesses(options) {
	const prefix = 'bench';
	const count = options.processes * options.itemsEach;
	const { sim, stats, reset } = await simulator({ latencyMs: options.latencyMs, rateLimit: options.rateLimit, prefix, count, warmup: 1 });
	const workers = Array.from({ length: options.processes }, () =>
		fork(path.join(__dirname, 'worker.js'), [], { env: { ...process.env, N8N_LOG_LEVEL: 'silent' }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
	);
	/** @type {Array<() => void>} */
	const timers = [];
	try {
		/** @type {Array<Promise<void>>} */
		const warmed = [];
		const results = workers.map((worker, i) => {
			/** @type {(value: void) => void} */
			let onWarmed = () => {};
			warmed.push(new Promise((resolve) => (onWarmed = resolve)));
			return /** @type {Promise<WorkerResult>} */ (new Promise((resolve, reject) => {
				worker.on('message', (/** @type {{ type: string; message?: string }} */ message) => {
					if (message.type === 'warmed') onWarmed();
					else if (message.type === 'result') resolve(/** @type {WorkerResult} */ (message));
					else if (message.type === 'failed') reject(new Error(`process ${i + 1} failed: ${message.message}`));
				});
				worker.on('exit', (code) => reject(new Error(`process ${i + 1} exited (${code}) without a result`)));
				/** @type {WorkerTask} */
				const task = { client: 'ours', url: sim.url, count: options.itemsEach, first: i * options.itemsEach, prefix, warmup: 1, sampleMemory: false, concurrency: config.concurrency };
				worker.send(task);
			}));
		});
		await Promise.all(warmed);
		reset();
		workers.forEach((worker, i) => {
			const timer = setTimeout(() => worker.send({ cmd: 'go' }), i * options.staggerMs);
			timers.push(() => clearTimeout(timer));
		});
		const done = await Promise.all(results);
		await Promise.all(workers.map((worker) => new Promise((resolve) => (worker.exitCode === null ? worker.once('exit', resolve) : resolve(undefined)))));
		const seen = stats();
		return { results: done, sim: seen, count, spanMs: seen.lastRequestAt - seen.firstRequestAt };
	} finally {
		for (const clear of timers) clear();
		for (const worker of workers) if (worker.exitCode === null) worker.kill();
		await sim.close();
	}
}

/** @type {Record<Client, string>} */
const LABEL = {
	ours: 'WooshPay node (ours)',
	oursFirstRelease: "WooshPay node, only the first release's properties",
	sizePair: "WooshPay node and the same with only the first release's properties, in turn",
	httpRequest: 'HTTP Request node',
	ceilingHttp: 'bare node:http keep-alive',
	ceilingUndici: 'bare undici',
};

/** @param {number} n */
const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : 'n/a');
/** @param {number} bytes */
const mb = (bytes) => `${fmt(bytes / 2 ** 20, 0)} MB`;
/** @param {Measurement} m */
const itemsPerSecond = (m) => (m.count / m.wallMs) * 1000;
/** @param {boolean} ok */
const yesNo = (ok) => (ok ? '**met**' : '**missed**');
/** @param {Measurement} m */
const statusText = (m) => `${m.status}${m.error ? ` (${m.error.httpCode ? `${m.error.httpCode}: ` : ''}${m.error.message.slice(0, 70)})` : ''}`;

/** @param {string[]} header @param {string[][]} rows */
function table(header, rows) {
	return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

/** @param {string} name */
function version(name) {
	return /** @type {{ version: string }} */ (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8'))).version;
}

function undiciAvailable() {
	try {
		require.resolve('undici');
		return true;
	} catch {
		return false;
	}
}

async function main() {
	/** @type {string[]} */
	const sections = [];
	/** @type {string[]} */
	const verdicts = [];
	const { HTTP_REQUEST_VERSION, propertyCounts } = require('./engine');
	const PROPERTY_COUNTS = await propertyCounts();

	// 1. Throughput: each client BENCH_REPEAT times, round robin; the median run by items/s counts.
	/** @type {Partial<Record<Client, Measurement>>} */
	const throughput = {};
	if (config.only.includes('1')) {
		/** @type {Client[]} */
		const clients = ['ours', 'httpRequest', 'ceilingHttp', ...(undiciAvailable() ? /** @type {Client[]} */ (['ceilingUndici']) : [])];
		/** @type {Array<{ key: string; client: Client; label?: string; fields?: IDataObject }>} */
		const variants = [
			...clients.map((client) => ({ key: client, client })),
			{ key: 'oursStatusOnly', client: 'ours', label: `${LABEL.ours}, Status only (not in the ratios)`, fields: { status: 'blocked' } },
		];
		/** @type {Map<string, Measurement[]>} */
		const runs = new Map();
		for (let round = 1; round <= config.repeat; round++) {
			for (const variant of variants) {
				log(`throughput ${round}/${config.repeat}: ${variant.label ?? LABEL[variant.client]}, ${config.items} items`);
				const m = await measure(variant.client, {
					count: config.items,
					latencyMs: config.latencyMs,
					rateLimit: 0,
					warmup: config.warmup,
					sampleMemory: false,
					profile: config.profile === variant.key && round === 1,
					fields: variant.fields,
				});
				runs.set(variant.key, [...(runs.get(variant.key) ?? []), { ...m, label: variant.label }]);
			}
		}
		/** @param {string} key @returns {Measurement} */
		const median = (key) => {
			const sorted = [.../** @type {Measurement[]} */ (runs.get(key))].sort((a, b) => itemsPerSecond(a) - itemsPerSecond(b));
			return { ...sorted[Math.floor((sorted.length - 1) / 2)], range: [itemsPerSecond(sorted[0]), itemsPerSecond(sorted[sorted.length - 1])] };
		};
		for (const client of clients) throughput[client] = median(client);
		const oursOneField = median('oursStatusOnly');
		// 1a. The node's size: in one worker, round after round, our node and our node with only
		// its first release's properties; the median of the rounds' CPU ratios. A report: no target.
		log(`the node's size: ${config.sizeRounds} rounds of ${config.sizeItems} items through each`);
		const size = await measure('sizePair', { count: config.sizeItems, latencyMs: config.latencyMs, rateLimit: 0, warmup: config.warmup, sampleMemory: false, rounds: config.sizeRounds });
		const sizeRatios = [.../** @type {number[]} */ (size.sizeRatios)].sort((a, b) => a - b);
		const sizeRatio = sizeRatios[Math.floor((sizeRatios.length - 1) / 2)];
		const ours = /** @type {Measurement} */ (throughput.ours);
		const httpNode = /** @type {Measurement} */ (throughput.httpRequest);
		const ceilings = [throughput.ceilingHttp, throughput.ceilingUndici].filter(/** @returns {m is Measurement} */ (m) => !!m);
		const ceiling = ceilings.reduce((best, m) => (itemsPerSecond(m) > itemsPerSecond(best) ? m : best));
		const sameBody = isDeepStrictEqual(ours.sim.firstBody, BODY) && isDeepStrictEqual(httpNode.sim.firstBody, BODY);
		const rows = [...Object.values(throughput), oursOneField].map((m) => [
			m.label ?? LABEL[m.client],
			statusText(m),
			`${fmt(m.sim.applied)} / ${fmt(m.count)}`,
			fmt(m.wallMs / 1000, 2),
			fmt((m.sim.firstRequestAt - m.startedAt) / 1000, 2),
			fmt((m.sim.lastRequestAt - m.sim.firstRequestAt) / 1000, 2),
			fmt(itemsPerSecond(m)),
			m.range ? `${fmt(m.range[0])}–${fmt(m.range[1])}` : '',
			fmt(m.cpuMs / m.count, 3),
			fmt(itemsPerSecond(m) / itemsPerSecond(ceiling), 2),
		]);
		const oursVsHttp = itemsPerSecond(ours) / itemsPerSecond(httpNode);
		const oursVsCeiling = itemsPerSecond(ours) / itemsPerSecond(ceiling);
		sections.push(
			`## 1. Throughput: ${fmt(config.items)} Cardholder → Update items, every field set, simulator latency ${config.latencyMs} ms, no rate limit\n\n` +
				`Each client ran ${config.repeat} times (round robin, a fresh worker and simulator each); the table shows the median run by items/s. Warm-up of ${config.warmup} items in each worker first. Bare clients: ${config.concurrency} requests in flight (our node's default Max Parallel Requests). ` +
				`The same JSON body reached the simulator from our node and the HTTP Request node: ${sameBody ? 'yes' : '**no**'}.\n\n` +
				table(['client', 'run status', 'applied', 'wall (s)', 'first request after (s)', 'first → last request (s)', 'items/s', `items/s of ${config.repeat} runs`, 'CPU ms/item', '× ceiling'], rows) +
				`\n\n- ours / HTTP Request node items/s: **${fmt(oursVsHttp, 2)}**\n- ours / ceiling (${LABEL[ceiling.client]}) items/s: **${fmt(oursVsCeiling, 2)}**\n` +
				`- CPU per item ours / HTTP Request node: ${fmt(ours.cpuMs / httpNode.cpuMs, 2)}\n` +
				`- The node's size (a report, no target): CPU per item of ours (${PROPERTY_COUNTS.now} top-level properties) / ours with only the first release's properties (${PROPERTY_COUNTS.firstRelease}: those of Customer and Cardholder), ${config.sizeRounds} rounds of ${fmt(config.sizeItems)} items each in one process: median **${fmt(sizeRatio, 2)}** (rounds sorted: ${sizeRatios.map((r) => fmt(r, 2)).join(', ')})`,
		);
		verdicts.push(`items/s ≥ HTTP Request node's (ratio ${fmt(oursVsHttp, 2)}): ${yesNo(oursVsHttp >= 1 && ours.status === 'success')}`);
		verdicts.push(`items/s ≥ half the ceiling (ratio ${fmt(oursVsCeiling, 2)}): ${yesNo(oursVsCeiling >= 0.5 && ours.status === 'success')}`);
	}

	// 2. Rate limit
	if (config.only.includes('2')) {
		const floorS = config.rateItems / config.rate;
		/** @type {Measurement[]} */
		const rateRuns = [];
		for (const client of /** @type {Client[]} */ (['ours', 'httpRequest'])) {
			log(`rate limit: ${LABEL[client]}, ${config.rateItems} items at ${config.rate} r/s`);
			rateRuns.push(await measure(client, { count: config.rateItems, latencyMs: config.latencyMs, rateLimit: config.rate, warmup: 0, sampleMemory: false }));
		}
		const rows = rateRuns.map((m) => [
			LABEL[m.client],
			statusText(m),
			fmt(m.count - m.sim.applied),
			fmt(m.sim.appliedTwice),
			fmt(m.sim.statuses[429] ?? 0),
			fmt(m.sim.requests),
			fmt(m.sim.idempotentReplays),
			fmt(m.wallMs / 1000, 2),
			fmt(m.wallMs / 1000 / floorS, 2),
		]);
		const ours = rateRuns[0];
		sections.push(
			`## 2. Rate limit: ${fmt(config.rateItems)} items, simulator limit ${config.rate} requests/s (token bucket, 429 with Retry-After: 1), latency ${config.latencyMs} ms, default settings\n\n` +
				`Floor N/R = ${fmt(floorS, 1)} s. "failed" = items the simulator never applied; "applied twice" = cardholders changed more than once.\n\n` +
				table(['client', 'run status', 'failed', 'applied twice', '429s', 'requests', 'idempotent replays', 'wall (s)', 'wall / floor'], rows),
		);
		const failed = ours.count - ours.sim.applied;
		verdicts.push(`${fmt(config.rateItems)} items at ${config.rate} r/s, 0 failed (${failed}, run ${ours.status}): ${yesNo(failed === 0 && ours.status === 'success')}`);
		verdicts.push(`… 0 applied twice (${ours.sim.appliedTwice}): ${yesNo(ours.sim.appliedTwice === 0)}`);
		verdicts.push(`… wall within 1.2 × N/R (${fmt(ours.wallMs / 1000 / floorS, 2)} ×): ${yesNo(ours.wallMs / 1000 <= 1.2 * floorS)}`);
	}

	// 3. Memory
	if (config.only.includes('3')) {
		/** @type {Measurement[]} */
		const memoryRuns = [];
		for (const client of /** @type {Client[]} */ (['ours', 'httpRequest'])) {
			log(`memory: ${LABEL[client]}, ${config.memoryItems} items`);
			memoryRuns.push(await measure(client, { count: config.memoryItems, latencyMs: 0, rateLimit: 0, warmup: 0, sampleMemory: true }));
		}
		const [ours, httpNode] = memoryRuns;
		const rows = memoryRuns.map((m) => [
			LABEL[m.client],
			statusText(m),
			`${fmt(m.sim.applied)} / ${fmt(m.count)}`,
			fmt(m.wallMs / 1000, 2),
			mb(m.memory.baselineRss),
			mb(m.memory.maxRss),
			mb(m.memory.maxRss - m.memory.baselineRss),
			mb(m.memory.peakHeap),
			mb(m.memory.peakHeap - m.memory.baselineHeap),
		]);
		const rssRatio = ours.memory.maxRss / httpNode.memory.maxRss;
		const deltaRatio = (ours.memory.maxRss - ours.memory.baselineRss) / (httpNode.memory.maxRss - httpNode.memory.baselineRss);
		const heapRatio = ours.memory.peakHeap / httpNode.memory.peakHeap;
		sections.push(
			`## 3. Memory: ${fmt(config.memoryItems)} items, no latency, no rate limit, one process each\n\n` +
				`Both workers load the same code (n8n-core, our node, the HTTP Request node) before the run. Peak RSS is the kernel's (resourceUsage().maxRSS); ` +
				`heap is process.memoryUsage().heapUsed sampled every 5 ms.\n\n` +
				table(['client', 'run status', 'applied', 'wall (s)', 'RSS before', 'peak RSS', 'peak RSS − before', 'peak heap', 'peak heap − before'], rows) +
				`\n\n- memory ours / HTTP Request node: peak RSS **${fmt(rssRatio, 2)}**, RSS growth ${fmt(deltaRatio, 2)}, peak heap ${fmt(heapRatio, 2)}`,
		);
		verdicts.push(`memory for ${fmt(config.memoryItems)} items within 1.2 × HTTP Request node's (peak RSS ${fmt(rssRatio, 2)} ×): ${yesNo(rssRatio <= 1.2)}`);
	}

	// 4. One account, several executions at once; 5. a server that misbehaves. Our node only.
	/** @param {Measurement} m */
	const failedOf = (m) => m.count - m.sim.applied;
	/** @param {Measurement} m @param {number} floorS */
	const robustness = (m, floorS) => [
		statusText(m),
		fmt(failedOf(m)),
		fmt(m.sim.appliedTwice),
		fmt(m.sim.statuses[429] ?? 0),
		fmt((m.sim.statuses[429] ?? 0) / m.count, 3),
		fmt(m.sim.statuses[503] ?? 0),
		fmt(m.sim.requests),
		fmt(m.sim.idempotentReplays),
		fmt(m.wallMs / 1000, 2),
		fmt(m.wallMs / 1000 / floorS, 2),
	];
	const robustnessHeader = ['run status', 'failed', 'applied twice', '429s', '429s per item', '503s', 'requests', 'idempotent replays', 'wall (s)', 'wall / floor'];
	if (config.only.includes('4')) {
		const count = config.accountExecutions * config.accountItems;
		const floorS = count / config.rate;
		log(`one account: ${config.accountExecutions} executions × ${config.accountItems} items at ${config.rate} r/s`);
		const m = await measure('ours', { count, latencyMs: config.latencyMs, rateLimit: config.rate, warmup: 0, sampleMemory: false, executions: config.accountExecutions });
		const perItem429 = (m.sim.statuses[429] ?? 0) / m.count;
		sections.push(
			`## 4. One account, ${config.accountExecutions} executions at once: ${fmt(config.accountItems)} items each, simulator limit ${config.rate} requests/s for the account (429 with Retry-After: 1), latency ${config.latencyMs} ms, default settings

` +
				`The executions run in one process (one n8n) and share the account's pace. Floor N/R = ${fmt(floorS, 1)} s for all ${fmt(count)} items.

` +
				table(robustnessHeader, [robustness(m, floorS)]),
		);
		verdicts.push(`${config.accountExecutions} executions on one account: 0 failed (${failedOf(m)}), 0 applied twice (${m.sim.appliedTwice}): ${yesNo(failedOf(m) === 0 && m.sim.appliedTwice === 0 && m.status === 'success')}`);
		verdicts.push(`… at most 0.05 answers 429 per item (${fmt(perItem429, 3)}): ${yesNo(perItem429 <= 0.05)}`);
		verdicts.push(`… span within 1.15 × N/R (${fmt(m.wallMs / 1000 / floorS, 2)} ×): ${yesNo(m.wallMs / 1000 <= 1.15 * floorS)}`);
	}
	if (config.only.includes('4b')) {
		/** @type {string[][]} */
		const rows = [];
		for (const processes of config.processes) {
			for (const staggerMs of [0, config.processStaggerMs]) {
				const count = processes * config.accountItems;
				const floorS = count / config.rate;
				const startedHow = staggerMs ? `one every ${fmt(staggerMs / 1000, 1)} s` : 'together';
				log(`one account, ${processes} processes started ${startedHow}: ${config.accountItems} items each at ${config.rate} r/s`);
				const m = await measureProcesses({ processes, itemsEach: config.accountItems, staggerMs, latencyMs: config.latencyMs, rateLimit: config.rate });
				const failed = m.count - m.sim.applied;
				const status = m.results.every((r) => r.status === 'success') ? 'success' : m.results.map((r) => r.status).join(', ');
				const perItem429 = (m.sim.statuses[429] ?? 0) / m.count;
				const ratio = m.spanMs / 1000 / floorS;
				rows.push([
					fmt(processes),
					startedHow,
					status,
					fmt(failed),
					fmt(m.sim.appliedTwice),
					fmt(m.sim.statuses[429] ?? 0),
					fmt(perItem429, 3),
					fmt(m.sim.requests),
					fmt(m.spanMs / 1000, 2),
					fmt(ratio, 2),
					m.results.map((r) => fmt(r.wallMs / 1000, 1)).join(', '),
				]);
				const what = `${processes} processes started ${startedHow}`;
				verdicts.push(`${what}: 0 failed (${failed}), 0 applied twice (${m.sim.appliedTwice}): ${yesNo(failed === 0 && m.sim.appliedTwice === 0 && status === 'success')}`);
				verdicts.push(`… at most 0.10 answers 429 per item (${fmt(perItem429, 3)}): ${yesNo(perItem429 <= 0.1)}`);
				verdicts.push(`… span within 1.25 × N/R (${fmt(ratio, 2)} ×): ${yesNo(ratio <= 1.25)}`);
			}
		}
		sections.push(
			`## 4b. One account, several processes: one execution of ${fmt(config.accountItems)} items in each, simulator limit ${config.rate} requests/s for the account (429 with Retry-After: 1), latency ${config.latencyMs} ms, default settings

` +
				`Each process (as each of n8n's queue-mode workers) has a pace of its own; only the account is shared. Each process first loads the node with one warm-up request (not counted). Span: from the first request of all to the last, at the simulator, against the floor N/R of all items; "walls" is each process's own time, in the order they started.

` +
				table(['processes', 'started', 'run status', 'failed', 'applied twice', '429s', '429s per item', 'requests', 'span (s)', 'span / floor', 'walls (s)'], rows),
		);
	}
	if (config.only.includes('5')) {
		const floorS = config.rateItems / config.rate;
		/** @type {Faults} */
		const faults = { retryAfter: false, unavailable: 0.05, cutAfterApply: 0.03 };
		log(`misbehaving server: ${config.rateItems} items at ${config.rate} r/s, 429 without Retry-After, 5 % 503, 3 % cut after applying`);
		const m = await measure('ours', { count: config.rateItems, latencyMs: config.latencyMs, rateLimit: config.rate, warmup: 0, sampleMemory: false, faults });
		sections.push(
			`## 5. A server that misbehaves: ${fmt(config.rateItems)} items, limit ${config.rate} requests/s with 429 **without** Retry-After, 5 % of requests answered 503, 3 % of connections cut after the change was applied (the simulator honours Idempotency-Key), latency ${config.latencyMs} ms, default settings

` +
				`Floor N/R = ${fmt(floorS, 1)} s. Random choices are seeded, so runs repeat.

` +
				table(robustnessHeader, [robustness(m, floorS)]),
		);
		verdicts.push(`misbehaving server: 0 failed (${failedOf(m)}), 0 applied twice (${m.sim.appliedTwice}): ${yesNo(failedOf(m) === 0 && m.sim.appliedTwice === 0 && m.status === 'success')}`);
		verdicts.push(`… span within 1.2 × N/R (${fmt(m.wallMs / 1000 / floorS, 2)} ×): ${yesNo(m.wallMs / 1000 <= 1.2 * floorS)}`);
	}

	// 6. The n8n lines: a real n8n each, `n8n execute`, the simulator here.
	if (config.only.includes('6')) {
		const { prepareLine } = require('./lines');
		const { LINES } = require('../scripts/n8n');
		const runs = [
			{ label: `${fmt(config.rateItems)} items, limit ${config.rate} r/s, latency ${config.latencyMs} ms`, count: config.rateItems, latencyMs: config.latencyMs, rateLimit: config.rate },
			{ label: `${fmt(config.slowItems)} items, no limit, latency ${config.slowLatencyMs} ms`, count: config.slowItems, latencyMs: config.slowLatencyMs, rateLimit: 0 },
		];
		/** @type {string[][]} */
		const rows = [];
		/** @type {Record<string, number[]>} */
		const spans = {};
		for (const version of Object.keys(LINES)) {
			const line = await prepareLine(version, log);
			for (const [i, run] of runs.entries()) {
				const prefix = `line${i}`;
				const { sim, stats } = await simulator({ latencyMs: run.latencyMs, rateLimit: run.rateLimit, prefix, count: run.count, warmup: 0 });
				try {
					log(`n8n ${version}: ${run.label}`);
					const code = await line.run(sim.url, prefix, run.count);
					const s = stats();
					const spanS = (s.lastRequestAt - s.firstRequestAt) / 1000;
					(spans[version] ??= []).push(spanS);
					rows.push([
						`n8n ${version}`,
						run.label,
						code === 0 ? 'success' : `exit code ${code}`,
						fmt(run.count - s.applied),
						fmt(s.appliedTwice),
						fmt(s.statuses[429] ?? 0),
						fmt(spanS, 2),
						fmt(run.count / spanS, 1),
						run.rateLimit ? fmt(spanS / (run.count / run.rateLimit), 2) : '',
					]);
				} finally {
					await sim.close();
				}
			}
			line.dispose();
		}
		const [newer, older] = Object.keys(LINES);
		sections.push(
			`## 6. n8n ${Object.keys(LINES).join(' and ')}: the packed package in a real n8n, \`n8n execute\` of Manual Trigger → Code (the IDs) → Cardholder → Update (every field set), default settings\n\n` +
				`The second run shows whether a line sends a declarative node's items side by side: ${fmt(config.slowItems)} answers of ${config.slowLatencyMs} ms take ${fmt((config.slowItems * config.slowLatencyMs) / 1000, 0)} s one after another, ${fmt((config.slowItems * config.slowLatencyMs) / 1000 / config.concurrency, 1)} s at ${config.concurrency} in flight (Max Parallel Requests). ` +
				`"first → last request" is measured at the simulator (n8n's own start-up is not in it); floor N/R where there is a limit.\n\n` +
				table(['n8n', 'run', 'status', 'failed', 'applied twice', '429s', 'first → last request (s)', 'items/s', 'span / floor'], rows) +
				(spans[newer] && spans[older]
					? `\n\n- n8n ${older} / ${newer}, first → last request: ${runs.map((run, i) => `${run.label}: **${fmt(spans[older][i] / spans[newer][i], 2)}**`).join('; ')}`
					: ''),
		);
	}

	// 7. Queue mode: a real n8n with PostgreSQL, Redis, workers and a webhook processor.
	if (config.only.includes('7')) {
		const { measureQueue } = require('./queue');
		const q = await measureQueue(
			{
				version: config.queueVersion,
				workers: config.queueWorkers,
				webhooks: config.queueWebhooks,
				items: config.queueItems,
				executions: config.queueExecutions,
				events: config.queueEvents,
				rate: config.rate,
				latencyMs: config.latencyMs,
			},
			simulator,
			log,
		);
		const paceRows = q.rounds.map((r) => [
			fmt(r.executions),
			Object.entries(r.statuses).map(([status, n]) => `${n} ${status}`).join(', '),
			r.distribution,
			fmt(r.failed),
			fmt(r.appliedTwice),
			fmt(r.answers429),
			fmt(r.answers429 / r.items, 3),
			fmt(r.requests),
			fmt(r.startSpreadS, 2),
			fmt(r.longestS, 2),
			fmt(r.spanS, 2),
			fmt(r.floorS, 1),
			fmt(r.spanS / r.floorS, 2),
		]);
		const eventRows = q.events.map((e, i) => [String(i + 1), e.kind, e.order, e.answers, fmt(e.executions), fmt(e.runs)]);
		const signed = q.events.filter((e) => e.kind === 'signed');
		const refused = q.events.filter((e) => e.kind !== 'signed');
		const once = signed.filter((e) => e.runs === 1).length;
		const oneExecution = signed.filter((e) => e.executions === 1).length;
		const refusedRuns = refused.reduce((sum, e) => sum + e.runs + e.executions, 0);
		sections.push(
			`## 7. Queue mode: n8n ${q.config.version}, PostgreSQL and Redis, main, ${q.config.workers} workers, ${q.config.webhooks} webhook processor${q.config.webhooks === 1 ? '' : 's'} (scripts/queue.js)\n\n` +
				`Load average when it started: ${q.load} (${os.cpus().length} cores); queue mode up in ${fmt(q.startS, 0)} s, the scenario took ${fmt(q.totalS, 0)} s in all.\n\n` +
				`### a) One account, executions started at once through the webhook processor: ${fmt(q.config.items)} Cardholder → Update items each, simulator limit ${q.config.rate} requests/s (429 with Retry-After: 1), latency ${q.config.latencyMs} ms\n\n` +
				`Webhook → Split Out → Cardholder → Update, default settings; the workers take the executions from Redis as they come. Span: first → last request at the simulator; floor N/R. "starts apart": first → last execution start (n8n's startedAt), which a busy machine stretches; "longest": the longest execution.\n\n` +
				table(['executions', 'status', 'ran on', 'failed', 'applied twice', '429s', '429s per item', 'requests', 'starts apart (s)', 'longest (s)', 'span (s)', 'floor (s)', 'span / floor'], paceRows) +
				`\n\n### b) The WooshPay Trigger: each event delivered to the webhook processor and to main\n\n` +
				(q.triggerError ? `**Did not get through:** ${q.triggerError.slice(0, 600)}\n\n` : '') +
				`The example "payment succeeded → update that customer's metadata", published; its endpoint was registered at ${q.endpointUrl}. "executions": n8n's executions whose data names the event; "runs": the customer updates that reached the simulator for it (a run with output beyond the trigger). ${fmt(q.triggerExecutions)} executions of the workflow in all.\n\n` +
				table(['#', 'event', 'delivered', 'answers', 'executions', 'runs'], eventRows) +
				`\n\n- signed events with exactly one run: **${once} of ${signed.length}**; with exactly one execution: ${oneExecution} of ${signed.length}\n- forged and unsigned: ${refusedRuns} runs or executions`,
		);
		for (const r of q.rounds) {
			const label = `queue mode, ${r.executions} executions on ${q.config.workers} workers`;
			verdicts.push(`${label}: 0 failed (${r.failed}), 0 applied twice (${r.appliedTwice}): ${yesNo(r.failed === 0 && r.appliedTwice === 0 && (r.statuses.success ?? 0) === r.executions)}`);
			verdicts.push(`… at most 0.10 answers 429 per item (${fmt(r.answers429 / r.items, 3)}): ${yesNo(r.answers429 / r.items <= 0.1)}`);
			verdicts.push(`… span within 1.25 × N/R (${fmt(r.spanS / r.floorS, 2)} ×): ${yesNo(r.spanS <= 1.25 * r.floorS)}`);
		}
		verdicts.push(`queue mode, each signed event delivered to the webhook processor and main runs once (${once} of ${signed.length}): ${yesNo(signed.length > 0 && once === signed.length)}`);
		verdicts.push(`… forged and unsigned deliveries run nothing (${refusedRuns}): ${yesNo(refusedRuns === 0)}`);
	}

	const cpus = os.cpus();
	const machine = [
		`- Date: ${new Date().toISOString()}`,
		`- Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${fmt(os.totalmem() / 2 ** 30, 0)} GiB, ${os.type()} ${os.release()}`,
		`- Node ${process.version}; n8n-core ${version('n8n-core')}, n8n-workflow ${version('n8n-workflow')}, n8n-nodes-base ${version('n8n-nodes-base')} (HTTP Request node v${HTTP_REQUEST_VERSION}, its default settings)` +
			(undiciAvailable() ? `, undici ${version('undici')}` : ''),
		`- Settings: BENCH_LATENCY_MS=${config.latencyMs} BENCH_ITEMS=${config.items} BENCH_WARMUP=${config.warmup} BENCH_REPEAT=${config.repeat} BENCH_RATE=${config.rate} BENCH_RATE_ITEMS=${config.rateItems} BENCH_MEMORY_ITEMS=${config.memoryItems} BENCH_SLOW_ITEMS=${config.slowItems} BENCH_SLOW_LATENCY_MS=${config.slowLatencyMs} BENCH_QUEUE_VERSION=${config.queueVersion} BENCH_QUEUE_WORKERS=${config.queueWorkers} BENCH_QUEUE_WEBHOOKS=${config.queueWebhooks} BENCH_QUEUE_ITEMS=${config.queueItems} BENCH_QUEUE_EXECUTIONS=${config.queueExecutions.join(',')} BENCH_QUEUE_EVENTS=${config.queueEvents}`,
		`- The simulator (test/simulator/simulator.js) runs in the parent process; each client runs in a worker process of its own, so CPU and memory are the client's.`,
		`- Total bench time: ${fmt((Date.now() - started) / 1000, 0)} s`,
	].join('\n');
	const missed = verdicts.some((v) => v.includes('**missed**'));
	const why = missed
		? '\n\nWhere a target is missed, the profile and what is the engine\'s rather than the node\'s are in ' +
			'[README.md](README.md#reading-the-results-where-the-time-goes).\n'
		: '\n';
	const report =
		`# WooshPay node benchmark\n\n${machine}\n\n${sections.join('\n\n')}\n\n## Targets\n\n${verdicts.map((v) => `- ${v}`).join('\n')}${why}`;
	process.stdout.write(`\n${report}`);
	if (ALL_SCENARIOS.every((scenario) => config.only.includes(scenario))) {
		writeFileSync(path.join(ROOT, 'bench/results.md'), report);
		log('written to bench/results.md');
	} else {
		log('a partial run (BENCH_ONLY): bench/results.md left as it was');
	}
}

main().catch((error) => {
	process.stderr.write(`${/** @type {Error} */ (error).stack ?? error}\n`);
	process.exit(1);
});
