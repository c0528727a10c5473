// @ts-check
'use strict';

/**
 * One measurement, in a process of its own (started by bench/run.js with fork): sends N
 * Cardholder → Update items to the simulator through one client and reports wall time, CPU
 * and memory of this process only (the simulator runs in the parent).
 *
 * Every worker loads the same code (n8n-core, our node through the test harness, the HTTP
 * Request node) whichever client it measures, so the memory baselines are alike.
 *
 * Protocol: the parent sends a WorkerTask; the worker warms up if asked, sends {type:
 * 'warmed'}, waits for {cmd: 'go'}, measures, sends a WorkerResult, and exits.
 */
const { mkdirSync, writeFileSync } = require('node:fs');
const http = require('node:http');
const { Session } = require('node:inspector');
const path = require('node:path');

/** @import { IDataObject } from 'n8n-workflow' */

const { runNode } = require('../test/harness/engine');
const { runFirstReleaseNode, runHttpRequestNode } = require('./engine');
const { AUTHORIZATION, BODY, SECRET_KEY, cardholderId, httpRequestParameters, ourParameters } = require('./workload');

/** @typedef {'ours' | 'oursFirstRelease' | 'httpRequest' | 'ceilingHttp' | 'ceilingUndici' | 'sizePair'} Client */

/**
 * @typedef {object} WorkerTask
 * @property {Client} client
 * @property {IDataObject} [fields] Our node's Update Fields (default: all of them).
 * @property {string} url
 * @property {number} count
 * @property {string} prefix Cardholders `ich_<prefix>_<i>` to update.
 * @property {number} warmup Items of a warm-up run first (cardholders `ich_warm_<i>`), not measured.
 * @property {boolean} sampleMemory Sample memoryUsage() every few milliseconds during the run.
 * @property {number} concurrency Requests in flight for the bare clients.
 * @property {string} [profileDir] Write a CPU profile of the measured run (not of loading or warm-up) into this folder.
 * @property {number} [executions] Split the items over this many executions started at once, in this one process (default 1).
 * @property {number} [first] The index of the first cardholder to update (default 0), so that workers started side by side (scenario 4b) update cardholders of their own.
 * @property {number} [rounds] For 'sizePair': how many rounds of (ours, ours with the first release's properties).
 */

/**
 * @typedef {object} WorkerResult
 * @property {'result'} type
 * @property {Client} client
 * @property {number} count
 * @property {number} wallMs
 * @property {number} startedAt Date.now() when the run started, to set against the simulator's first request.
 * @property {number} cpuMs User + system CPU of this process during the run.
 * @property {string} status
 * @property {number} outputItems Output items with an `error` field (continue on fail), or all items when the node stopped.
 * @property {number} errorItems
 * @property {{ message: string; httpCode?: string; description?: string }} [error]
 * @property {WorkerMemory} memory
 * @property {string} [profile] Where the CPU profile of the run went, if one was asked for.
 * @property {number[]} [sizeRatios] For 'sizePair': each round's CPU per item of ours / ours with the first release's properties.
 */

/**
 * @typedef {object} WorkerMemory
 * @property {number} baselineRss
 * @property {number} baselineHeap
 * @property {number} peakRss
 * @property {number} peakHeap
 * @property {number} maxRss The kernel's peak resident set of this process (resourceUsage().maxRSS), bytes.
 * @property {number} samples
 */

let executions = 0;

/** @typedef {Pick<WorkerResult, 'status' | 'outputItems' | 'errorItems' | 'error'>} Outcome */

/** @param {WorkerTask} task @param {string} prefix @param {number} count @returns {Promise<Outcome>} */
async function runClient(task, prefix, count, first = 0) {
	const items = Array.from({ length: count }, (_, i) => ({ id: cardholderId(prefix, first + i) }));
	const executionId = `bench-${process.pid}-${++executions}`;
	switch (task.client) {
		case 'ours':
		case 'oursFirstRelease': {
			const run = task.client === 'ours' ? runNode : runFirstReleaseNode;
			const result = await run({
				parameters: ourParameters(task.fields),
				items,
				credentials: { secretKey: SECRET_KEY, environment: 'custom', baseUrl: task.url },
				executionId,
			});
			return summarise(result.status, result.output, result.error);
		}
		case 'httpRequest': {
			const result = await runHttpRequestNode({
				parameters: httpRequestParameters(task.url),
				items,
				credentials: { user: SECRET_KEY, password: '' },
				executionId,
			});
			return summarise(result.status, result.output, result.error);
		}
		case 'ceilingHttp':
			return await bareHttp(task, items);
		case 'ceilingUndici':
			return await bareUndici(task, items);
		case 'sizePair':
			throw new Error('sizePair is measured by measureSize');
	}
}

/**
 * The node's size (bench/README.md): in this one process, round after round, the same items
 * through our node and through our node with only its first release's properties; each
 * round's ratio of CPU. Both run in one process one after the other, so load on the machine
 * and the JIT's state touch both alike; which goes first alternates from round to round, so
 * that going first or second weighs on neither.
 * @param {WorkerTask} task
 * @returns {Promise<number[]>}
 */
async function measureSize(task) {
	/** @param {Client} client */
	const cpuPerItem = async (client) => {
		if (global.gc) global.gc();
		const before = process.cpuUsage();
		const outcome = await runClient({ ...task, client }, task.prefix, task.count);
		if (outcome.status !== 'success') throw new Error(`${client}: ${outcome.error?.message ?? outcome.status}`);
		const cpu = process.cpuUsage(before);
		return (cpu.user + cpu.system) / 1000 / task.count;
	};
	/** @type {number[]} */
	const ratios = [];
	for (let round = 0; round < (task.rounds ?? 20); round++) {
		if (round % 2 === 0) {
			const ours = await cpuPerItem('ours');
			ratios.push(ours / (await cpuPerItem('oursFirstRelease')));
		} else {
			const firstRelease = await cpuPerItem('oursFirstRelease');
			ratios.push((await cpuPerItem('ours')) / firstRelease);
		}
	}
	return ratios;
}

/**
 * The measured run: one execution, or several started at once that share the items.
 * @param {WorkerTask} task
 * @returns {Promise<Outcome>}
 */
async function runExecutions(task) {
	const executionCount = Math.max(1, task.executions ?? 1);
	if (executionCount === 1) return await runClient(task, task.prefix, task.count, task.first ?? 0);
	const share = Math.ceil(task.count / executionCount);
	const outcomes = await Promise.all(
		Array.from({ length: executionCount }, (_, e) =>
			runClient(task, task.prefix, Math.min(share, task.count - e * share), e * share),
		),
	);
	return {
		status: outcomes.every((o) => o.status === 'success') ? 'success' : 'error',
		outputItems: outcomes.reduce((sum, o) => sum + o.outputItems, 0),
		errorItems: outcomes.reduce((sum, o) => sum + o.errorItems, 0),
		error: outcomes.find((o) => o.error)?.error,
	};
}

/**
 * @param {string} status
 * @param {Array<{ json: Record<string, unknown> }>} output
 * @param {Error & { httpCode?: string; description?: string }} [error]
 */
function summarise(status, output, error) {
	return {
		status,
		outputItems: output.length,
		errorItems: output.filter((item) => item.json.error !== undefined).length,
		error: error ? { message: error.message, httpCode: error.httpCode, description: error.description ?? undefined } : undefined,
	};
}

/** @param {number} i */
const REQUEST_HEADERS = (i) => ({
	authorization: AUTHORIZATION,
	accept: 'application/json',
	'content-type': 'application/json',
	'idempotency-key': `bench-${process.pid}-${executions}-${i}`,
});

/**
 * `concurrency` loops taking the next item until none is left.
 * @param {number} count
 * @param {number} concurrency
 * @param {(i: number) => Promise<boolean>} send
 */
async function inParallel(count, concurrency, send) {
	let next = 0;
	let failed = 0;
	await Promise.all(
		Array.from({ length: Math.min(concurrency, count) }, async () => {
			while (next < count) {
				const i = next++;
				if (!(await send(i))) failed++;
			}
		}),
	);
	return failed;
}

/**
 * node:http with a keep-alive agent, `concurrency` sockets.
 * @param {WorkerTask} task
 * @param {Array<{ id: string }>} items
 */
async function bareHttp(task, items) {
	executions++;
	const agent = new http.Agent({ keepAlive: true, maxSockets: task.concurrency });
	const base = new URL(task.url);
	const failed = await inParallel(items.length, task.concurrency, (i) => {
		const body = JSON.stringify(BODY);
		return /** @type {Promise<boolean>} */ (new Promise((resolve, reject) => {
			const req = http.request(
				{
					agent,
					host: base.hostname,
					port: base.port,
					method: 'POST',
					path: `/v1/issuing/cardholders/${items[i].id}`,
					headers: { ...REQUEST_HEADERS(i), 'content-length': Buffer.byteLength(body) },
				},
				(res) => {
					/** @type {Buffer[]} */
					const chunks = [];
					res.on('data', (/** @type {Buffer} */ chunk) => chunks.push(chunk));
					res.on('end', () => {
						JSON.parse(Buffer.concat(chunks).toString('utf8'));
						resolve(res.statusCode === 200);
					});
					res.on('error', reject);
				},
			);
			req.on('error', reject);
			req.end(body);
		}));
	});
	agent.destroy();
	return { status: failed ? 'error' : 'success', outputItems: items.length - failed, errorItems: failed };
}

/**
 * @typedef {object} UndiciLike
 * @property {new (options: { connections: number; pipelining: number }) => { request(options: { origin: string; path: string; method: string; headers: Record<string, string>; body: string }): Promise<{ statusCode: number; body: { json(): Promise<unknown> }; }>; close(): Promise<void>; }} Agent
 */

/**
 * undici (if node_modules has it), `concurrency` connections, no pipelining.
 * @param {WorkerTask} task
 * @param {Array<{ id: string }>} items
 */
async function bareUndici(task, items) {
	const undici = /** @type {UndiciLike} */ (require('undici'));
	executions++;
	const agent = new undici.Agent({ connections: task.concurrency, pipelining: 1 });
	const origin = new URL(task.url).origin;
	const failed = await inParallel(items.length, task.concurrency, async (i) => {
		const response = await agent.request({
			origin,
			path: `/v1/issuing/cardholders/${items[i].id}`,
			method: 'POST',
			headers: REQUEST_HEADERS(i),
			body: JSON.stringify(BODY),
		});
		await response.body.json();
		return response.statusCode === 200;
	});
	await agent.close();
	return { status: failed ? 'error' : 'success', outputItems: items.length - failed, errorItems: failed };
}

/** @param {WorkerTask} task @returns {Promise<WorkerResult>} */
async function measure(task) {
	if (global.gc) global.gc();
	const baseline = process.memoryUsage();
	const memory = { baselineRss: baseline.rss, baselineHeap: baseline.heapUsed, peakRss: baseline.rss, peakHeap: baseline.heapUsed, maxRss: 0, samples: 0 };
	const sample = () => {
		const now = process.memoryUsage();
		memory.peakRss = Math.max(memory.peakRss, now.rss);
		memory.peakHeap = Math.max(memory.peakHeap, now.heapUsed);
		memory.samples++;
	};
	const sampler = task.sampleMemory ? setInterval(sample, 5) : undefined;
	const cpuBefore = process.cpuUsage();
	const startedAt = Date.now();
	const started = process.hrtime.bigint();
	const sizeRatios = task.client === 'sizePair' ? await measureSize(task) : undefined;
	const outcome = sizeRatios ? { status: 'success', outputItems: task.count, errorItems: 0 } : await runExecutions(task);
	const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
	const cpu = process.cpuUsage(cpuBefore);
	if (sampler) clearInterval(sampler);
	sample();
	memory.maxRss = process.resourceUsage().maxRSS * 1024;
	return { type: 'result', client: task.client, count: task.count, wallMs, startedAt, cpuMs: (cpu.user + cpu.system) / 1000, ...outcome, memory, sizeRatios };
}

/**
 * Starts V8's sampling profiler; the function it gives stops it and writes the profile.
 * @param {string} dir
 * @param {Client} client
 * @returns {Promise<() => Promise<string>>}
 */
async function startProfiling(dir, client) {
	const session = new Session();
	session.connect();
	/** @param {string} method @param {object} [params] */
	const post = (method, params) =>
		/** @type {Promise<unknown>} */ (new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result)))));
	await post('Profiler.enable');
	await post('Profiler.setSamplingInterval', { interval: 200 });
	await post('Profiler.start');
	return async () => {
		const { profile } = /** @type {{ profile: object }} */ (await post('Profiler.stop'));
		session.disconnect();
		mkdirSync(dir, { recursive: true });
		const file = path.join(dir, `${client}-${Date.now()}.cpuprofile`);
		writeFileSync(file, JSON.stringify(profile));
		return file;
	};
}

/** @param {object} message @returns {Promise<void>} */
function send(message) {
	return new Promise((resolve, reject) => /** @type {NonNullable<typeof process.send>} */ (process.send)(message, (/** @type {Error | null} */ error) => (error ? reject(error) : resolve())));
}

process.once('message', async (/** @type {WorkerTask} */ task) => {
	try {
		if (task.warmup > 0) {
			/** @type {Client[]} */
			const warm = task.client === 'sizePair' ? ['ours', 'oursFirstRelease'] : [task.client];
			for (const client of warm) await runClient({ ...task, client }, 'warm', task.warmup);
		}
		await send({ type: 'warmed' });
		await /** @type {Promise<void>} */ (new Promise((resolve) => process.once('message', () => resolve())));
		const stopProfiling = task.profileDir ? await startProfiling(task.profileDir, task.client) : undefined;
		const result = await measure(task);
		if (stopProfiling) result.profile = await stopProfiling();
		await send(result);
	} catch (error) {
		await send({ type: 'failed', message: String(/** @type {Error} */ (error).stack ?? error) });
	}
	process.disconnect();
});
