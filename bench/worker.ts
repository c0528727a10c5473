/**
 * One measurement, in a process of its own (started by bench/run.ts with fork): sends N
 * Cardholder → Update items to the simulator through one client and reports wall time, CPU
 * and memory of this process only (the simulator runs in the parent).
 *
 * Every worker loads the same code (n8n-core, our node through the test harness, the HTTP
 * Request node) whichever client it measures, so the memory baselines are alike.
 *
 * Protocol: the parent sends a WorkerTask; the worker warms up if asked, sends {type:
 * 'warmed'}, waits for {cmd: 'go'}, measures, sends a WorkerResult, and exits.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { Session } from 'node:inspector';
import path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../test/harness/engine';
import { runFirstReleaseNode, runHttpRequestNode } from './engine';
import { AUTHORIZATION, BODY, SECRET_KEY, cardholderId, httpRequestParameters, ourParameters } from './workload';

export type Client = 'ours' | 'oursFirstRelease' | 'httpRequest' | 'ceilingHttp' | 'ceilingUndici' | 'sizePair';

export interface WorkerTask {
	client: Client;
	/** Our node's Update Fields (default: all of them). */
	fields?: IDataObject;
	url: string;
	count: number;
	/** Cardholders `ich_<prefix>_<i>` to update. */
	prefix: string;
	/** Items of a warm-up run first (cardholders `ich_warm_<i>`), not measured. */
	warmup: number;
	/** Sample memoryUsage() every few milliseconds during the run. */
	sampleMemory: boolean;
	/** Requests in flight for the bare clients. */
	concurrency: number;
	/** Write a CPU profile of the measured run (not of loading or warm-up) into this folder. */
	profileDir?: string;
	/** Split the items over this many executions started at once, in this one process (default 1). */
	executions?: number;
	/** For 'sizePair': how many rounds of (ours, ours with the first release's properties). */
	rounds?: number;
}

export interface WorkerResult {
	type: 'result';
	client: Client;
	count: number;
	wallMs: number;
	/** Date.now() when the run started, to set against the simulator's first request. */
	startedAt: number;
	/** User + system CPU of this process during the run. */
	cpuMs: number;
	status: string;
	/** Output items with an `error` field (continue on fail), or all items when the node stopped. */
	outputItems: number;
	errorItems: number;
	error?: { message: string; httpCode?: string; description?: string };
	memory: {
		baselineRss: number;
		baselineHeap: number;
		peakRss: number;
		peakHeap: number;
		/** The kernel's peak resident set of this process (resourceUsage().maxRSS), bytes. */
		maxRss: number;
		samples: number;
	};
	/** Where the CPU profile of the run went, if one was asked for. */
	profile?: string;
	/** For 'sizePair': each round's CPU per item of ours / ours with the first release's properties. */
	sizeRatios?: number[];
}

let executions = 0;

type Outcome = Pick<WorkerResult, 'status' | 'outputItems' | 'errorItems' | 'error'>;

async function runClient(task: WorkerTask, prefix: string, count: number, first = 0): Promise<Outcome> {
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
 */
async function measureSize(task: WorkerTask): Promise<number[]> {
	const cpuPerItem = async (client: Client) => {
		if (global.gc) global.gc();
		const before = process.cpuUsage();
		const outcome = await runClient({ ...task, client }, task.prefix, task.count);
		if (outcome.status !== 'success') throw new Error(`${client}: ${outcome.error?.message ?? outcome.status}`);
		const cpu = process.cpuUsage(before);
		return (cpu.user + cpu.system) / 1000 / task.count;
	};
	const ratios: number[] = [];
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

/** The measured run: one execution, or several started at once that share the items. */
async function runExecutions(task: WorkerTask): Promise<Outcome> {
	const executionCount = Math.max(1, task.executions ?? 1);
	if (executionCount === 1) return await runClient(task, task.prefix, task.count);
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

function summarise(status: string, output: Array<{ json: Record<string, unknown> }>, error?: Error & { httpCode?: string; description?: string }) {
	return {
		status,
		outputItems: output.length,
		errorItems: output.filter((item) => item.json.error !== undefined).length,
		error: error ? { message: error.message, httpCode: error.httpCode, description: error.description ?? undefined } : undefined,
	};
}

const REQUEST_HEADERS = (i: number) => ({
	authorization: AUTHORIZATION,
	accept: 'application/json',
	'content-type': 'application/json',
	'idempotency-key': `bench-${process.pid}-${executions}-${i}`,
});

/** `concurrency` loops taking the next item until none is left. */
async function inParallel(count: number, concurrency: number, send: (i: number) => Promise<boolean>) {
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

/** node:http with a keep-alive agent, `concurrency` sockets. */
async function bareHttp(task: WorkerTask, items: Array<{ id: string }>) {
	executions++;
	const agent = new http.Agent({ keepAlive: true, maxSockets: task.concurrency });
	const base = new URL(task.url);
	const failed = await inParallel(items.length, task.concurrency, (i) => {
		const body = JSON.stringify(BODY);
		return new Promise<boolean>((resolve, reject) => {
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
					const chunks: Buffer[] = [];
					res.on('data', (chunk: Buffer) => chunks.push(chunk));
					res.on('end', () => {
						JSON.parse(Buffer.concat(chunks).toString('utf8'));
						resolve(res.statusCode === 200);
					});
					res.on('error', reject);
				},
			);
			req.on('error', reject);
			req.end(body);
		});
	});
	agent.destroy();
	return { status: failed ? 'error' : 'success', outputItems: items.length - failed, errorItems: failed };
}

interface UndiciLike {
	Agent: new (options: { connections: number; pipelining: number }) => {
		request(options: { origin: string; path: string; method: string; headers: Record<string, string>; body: string }): Promise<{
			statusCode: number;
			body: { json(): Promise<unknown> };
		}>;
		close(): Promise<void>;
	};
}

/** undici (if node_modules has it), `concurrency` connections, no pipelining. */
async function bareUndici(task: WorkerTask, items: Array<{ id: string }>) {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const undici = require('undici') as UndiciLike;
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

async function measure(task: WorkerTask): Promise<WorkerResult> {
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

/** Starts V8's sampling profiler; the function it gives stops it and writes the profile. */
async function startProfiling(dir: string, client: Client): Promise<() => Promise<string>> {
	const session = new Session();
	session.connect();
	const post = (method: string, params?: object) =>
		new Promise<unknown>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
	await post('Profiler.enable');
	await post('Profiler.setSamplingInterval', { interval: 200 });
	await post('Profiler.start');
	return async () => {
		const { profile } = (await post('Profiler.stop')) as { profile: object };
		session.disconnect();
		mkdirSync(dir, { recursive: true });
		const file = path.join(dir, `${client}-${Date.now()}.cpuprofile`);
		writeFileSync(file, JSON.stringify(profile));
		return file;
	};
}

function send(message: object): Promise<void> {
	return new Promise((resolve, reject) => process.send!(message, (error: Error | null) => (error ? reject(error) : resolve())));
}

process.once('message', async (task: WorkerTask) => {
	try {
		if (task.warmup > 0) {
			const warm: Client[] = task.client === 'sizePair' ? ['ours', 'oursFirstRelease'] : [task.client];
			for (const client of warm) await runClient({ ...task, client }, 'warm', task.warmup);
		}
		await send({ type: 'warmed' });
		await new Promise<void>((resolve) => process.once('message', () => resolve()));
		const stopProfiling = task.profileDir ? await startProfiling(task.profileDir, task.client) : undefined;
		const result = await measure(task);
		if (stopProfiling) result.profile = await stopProfiling();
		await send(result);
	} catch (error) {
		await send({ type: 'failed', message: String((error as Error).stack ?? error) });
	}
	process.disconnect();
});
