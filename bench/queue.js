// @ts-check
'use strict';

/**
 * Scenario 7 of `npm run bench`: the packed package in n8n's queue mode on this machine
 * (scripts/queue.js: PostgreSQL, Redis, main, BENCH_QUEUE_WORKERS workers and
 * BENCH_QUEUE_WEBHOOKS webhook processors), against two simulators the runner starts:
 *
 * a) pacing: rounds of 2, then 4 (BENCH_QUEUE_EXECUTIONS) webhook-started executions of
 *    BENCH_QUEUE_ITEMS (300) Cardholder → Update items each, started at once through the webhook
 *    processor, so that the workers run them side by side on one account limited to BENCH_RATE:
 *    failed items, items applied twice, 429s per item, span (first → last request at the
 *    simulator) against the floor N/R, and which worker ran which execution;
 * b) trigger: the example "payment succeeded → update that customer's metadata", published
 *    (its endpoint registered at the simulator), then BENCH_QUEUE_EVENTS (6) signed events, each
 *    delivered to both the webhook processor and main (one then the other, the other way round,
 *    or both at once, in turn), and forged and unsigned deliveries to both: executions per event
 *    (n8n's execution list) and runs with output beyond the trigger (the customer updates that
 *    reached the simulator) counted apart, since a repeat may show as an execution that outputs
 *    nothing.
 *
 * A benchmark, not a test: it reports, and run.js turns the figures into verdicts.
 */
const { randomBytes } = require('node:crypto');
const { readFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { cardholderId, ourParameters } = require('./workload');

const queueMode = require('../scripts/queue');
const { SANDBOX_CREDENTIAL_ID, sandboxCredential } = require('../scripts/n8n');
const { waitFor } = require('../scripts/process');
const { signature } = require('../test/trigger/fixtures');
const sandbox = require('../test/simulator/webhooks');

const ROOT = path.resolve(__dirname, '..');
const PACE_WORKFLOW = 'wpBenchQueuePace';
const PACE_PATH = 'wooshpay-bench-queue';
const TRIGGER_WORKFLOW = 'wpBenchQueueTrigger';
const RATE_CREDENTIAL = 'wpBenchQueueRate';
const EVENTS_CREDENTIAL = 'wpBenchQueueEvents';
const CUSTOMER = 'cus_queue_1';
const EVENT_TYPE = 'payment_intent.succeeded';
const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);

/**
 * What scenario 7 needs of run.js's simulator(): a simulator counting its answers.
 * @typedef {import('../test/simulator/simulator').Simulator} Simulator
 * @typedef {object} CountingSim
 * @property {Simulator} sim
 * @property {() => {requests: number, statuses: Record<number, number>, applied: number, appliedTwice: number, firstRequestAt: number, lastRequestAt: number}} stats
 * @property {() => void} reset
 * @typedef {(options: {latencyMs: number, rateLimit: number, prefix: string, count: number, warmup: number}) => Promise<CountingSim>} SimulatorFactory
 */

/**
 * @typedef {object} QueueConfig
 * @property {string} version
 * @property {number} workers
 * @property {number} webhooks
 * @property {number} items            per execution
 * @property {number[]} executions     per round
 * @property {number} events           signed events
 * @property {number} rate             the account's requests/s
 * @property {number} latencyMs
 */

/**
 * @typedef {object} PaceRound
 * @property {number} executions
 * @property {number} items            all executions' items
 * @property {Record<string, number>} statuses   of the executions, by n8n's status
 * @property {string} distribution     executions per worker, such as "worker-1: 1, worker-2: 1"
 * @property {number} failed
 * @property {number} appliedTwice
 * @property {number} requests
 * @property {number} answers429
 * @property {number} spanS            first → last request at the simulator
 * @property {number} startSpreadS     first → last execution start (n8n's startedAt): how far apart the workers began
 * @property {number} longestS         the longest execution (startedAt → stoppedAt)
 * @property {number} floorS
 */

/**
 * @typedef {object} EventResult
 * @property {string} kind             signed, forged or unsigned
 * @property {string} order            how it was delivered
 * @property {string} answers          the HTTP statuses of the deliveries, as "webhook 200, main 200"
 * @property {number} executions       executions whose data names the event
 * @property {number} runs             runs with output beyond the trigger (customer updates at the simulator)
 */

/**
 * @typedef {object} QueueResult
 * @property {QueueConfig} config
 * @property {string} load             the machine's load average when the scenario started
 * @property {number} startS           seconds until queue mode was up
 * @property {number} totalS
 * @property {PaceRound[]} rounds
 * @property {EventResult[]} events
 * @property {number} triggerExecutions   all executions of the trigger workflow
 * @property {string} endpointUrl      where the trigger's endpoint was registered
 * @property {string} [triggerError]   why the trigger part did not get through
 */

/** @param {string} name @param {string} type @param {number} x @param {object} parameters @param {object} [extra] */
function node(name, type, x, parameters, extra = {}) {
	return { id: `00000000-0000-4000-8000-0000000007${String(x).padStart(2, '0')}`, name, type, typeVersion: 1, position: [x * 240, 0], parameters, ...extra };
}

/** Webhook (the cardholder IDs in the body) → Split Out → WooshPay: Cardholder → Update, every field set. */
function paceWorkflow() {
	return {
		id: PACE_WORKFLOW,
		name: 'WooshPay bench: queue mode, Cardholder Update from a webhook',
		nodes: [
			{ ...node('Webhook', 'n8n-nodes-base.webhook', 1, { httpMethod: 'POST', path: PACE_PATH, responseMode: 'onReceived', options: {} }), typeVersion: 2, webhookId: '6a0d7c1e-7b7e-4c55-9a43-5f0b8e3c0701' },
			node('Cardholder IDs', 'n8n-nodes-base.splitOut', 2, { fieldToSplitOut: 'body.ids', include: 'noOtherFields', options: { destinationFieldName: 'id' } }),
			node('Update cardholder', 'n8n-nodes-wooshpay.wooshPay', 3, ourParameters(), { credentials: { wooshPayApi: { id: RATE_CREDENTIAL, name: 'WooshPay bench (rate limited)' } } }),
		],
		connections: {
			Webhook: { main: [[{ node: 'Cardholder IDs', type: 'main', index: 0 }]] },
			'Cardholder IDs': { main: [[{ node: 'Update cardholder', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

/** The example workflow with the WooshPay Trigger, on the events simulator's credential. */
function triggerWorkflow() {
	const example = JSON.parse(readFileSync(path.join(ROOT, 'examples', 'payment-succeeded-update-customer.json'), 'utf8'));
	const text = JSON.stringify({ ...example, id: TRIGGER_WORKFLOW, active: false }).replaceAll(`"${SANDBOX_CREDENTIAL_ID}"`, `"${EVENTS_CREDENTIAL}"`);
	return JSON.parse(text);
}

/** @param {string} id @param {string} name @param {string} url */
const credential = (id, name, url) => ({ ...sandboxCredential(url), id, name });

/**
 * The executions of a workflow (n8n's list, newest first, up to 100).
 * @param {queueMode.Queue} queue @param {string} workflowId
 * @returns {Promise<Array<{id: string, status: string, startedAt?: string | null, stoppedAt?: string | null}>>}
 */
async function executionsOf(queue, workflowId) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	return (await queue.rest('GET', `/rest/executions?filter=${filter}&limit=100`)).results;
}

/**
 * Waits until `count` executions of the workflow exist and all have finished; resolves with them.
 * @param {queueMode.Queue} queue @param {string} workflowId @param {number} count @param {number} timeoutMs
 */
function finishedExecutions(queue, workflowId, count, timeoutMs) {
	return waitFor(`${count} finished executions of ${workflowId}`, async () => {
		const found = await executionsOf(queue, workflowId);
		return found.length >= count && found.every((e) => FINISHED.has(e.status)) ? found : undefined;
	}, timeoutMs);
}

/** Which worker's log names execution `id` (n8n logs "Worker started execution <id> ..."). @param {queueMode.Queue} queue @param {string} id */
function workerOf(queue, id) {
	const mentions = new RegExp(`started execution ${id}\\b`, 'i');
	return queue.processes.find((name) => name.startsWith('worker-') && mentions.test(queue.output(name))) ?? 'not in a worker log';
}

/**
 * a) Rounds of executions started at once through the webhook processor, one account.
 * @param {queueMode.Queue} queue @param {CountingSim} rated @param {QueueConfig} config @param {(m: string) => void} log
 */
async function pacing(queue, rated, config, log) {
	/** @type {PaceRound[]} */
	const rounds = [];
	let before = 0;
	const url = `${queue.webhookUrls[0] ?? queue.mainUrl}/webhook/${PACE_PATH}`;
	// Published before main started; still, the first POST is only sent once the webhook processor
	// knows the path (a GET answers "... not registered for GET requests" then, not "not registered").
	await waitFor(`${url} being registered for POST`, async () => {
		const res = await fetch(url, { method: 'GET' });
		return /POST/.test(await res.text());
	}, 60000);
	for (const [r, executions] of config.executions.entries()) {
		const items = executions * config.items;
		const floorS = items / config.rate;
		const prefixes = Array.from({ length: executions }, (_, e) => `q${r}x${e}`);
		for (const prefix of prefixes) for (let i = 0; i < config.items; i++) rated.sim.addCardholder({}, cardholderId(prefix, i));
		rated.reset();
		log(`queue mode: ${executions} executions × ${config.items} items at once, one account at ${config.rate} r/s`);
		const answers = await Promise.all(
			prefixes.map((prefix) =>
				fetch(url, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ ids: Array.from({ length: config.items }, (_, i) => cardholderId(prefix, i)) }),
				}).then(async (res) => `${res.status} ${(await res.text()).slice(0, 200)}`),
			),
		);
		const refused = answers.filter((a) => !a.startsWith('200'));
		if (refused.length) throw new Error(`the webhook processor refused to start executions: ${refused.join('; ')}`);
		const all = await finishedExecutions(queue, PACE_WORKFLOW, before + executions, Math.max(120000, floorS * 10000));
		const mine = all.slice(0, all.length - before);
		before = all.length;
		/** @type {Record<string, number>} */
		const statuses = {};
		for (const e of mine) statuses[e.status] = (statuses[e.status] ?? 0) + 1;
		/** @type {Record<string, number>} */
		const perWorker = {};
		for (const e of mine) perWorker[workerOf(queue, e.id)] = (perWorker[workerOf(queue, e.id)] ?? 0) + 1;
		const s = rated.stats();
		const starts = mine.map((e) => Date.parse(e.startedAt ?? '')).filter(Number.isFinite);
		const durations = mine.map((e) => Date.parse(e.stoppedAt ?? '') - Date.parse(e.startedAt ?? '')).filter(Number.isFinite);
		rounds.push({
			executions,
			items,
			statuses,
			distribution: Object.entries(perWorker).sort().map(([w, n]) => `${w}: ${n}`).join(', '),
			failed: items - s.applied,
			appliedTwice: s.appliedTwice,
			requests: s.requests,
			answers429: s.statuses[429] ?? 0,
			spanS: (s.lastRequestAt - s.firstRequestAt) / 1000,
			startSpreadS: starts.length ? (Math.max(...starts) - Math.min(...starts)) / 1000 : NaN,
			longestS: durations.length ? Math.max(...durations) / 1000 : NaN,
			floorS,
		});
	}
	return rounds;
}

/**
 * One delivery of `body` to `url`: signed with `secret` (or not at all); resolves with the HTTP
 * status (and the start of the answer, with `withText`).
 * @param {string} url @param {string} body @param {string | undefined} secret
 */
async function deliver(url, body, secret, withText = false) {
	/** @type {Record<string, string>} */
	const headers = { 'content-type': 'application/json', 'user-agent': 'WooshPay-Bench/1.0' };
	if (secret) headers['wooshpay-signature'] = signature(secret, body);
	try {
		const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(30000) });
		const text = await res.text();
		return withText ? `${res.status} ${text.slice(0, 200)}` : String(res.status);
	} catch (error) {
		return `no answer (${/** @type {{cause?: {code?: string}}} */ (error).cause?.code ?? String(error)})`;
	}
}

/**
 * b) The trigger: every signed event to both the webhook processor and main; forged and unsigned ones too.
 * @param {queueMode.Queue} queue @param {CountingSim} events @param {QueueConfig} config @param {(m: string) => void} log
 */
async function trigger(queue, events, config, log) {
	const workflow = triggerWorkflow();
	const webhookId = workflow.nodes.find((/** @type {{type: string}} */ n) => n.type === 'n8n-nodes-wooshpay.wooshPayTrigger').webhookId;
	await queue.publish(TRIGGER_WORKFLOW);
	// n8n answers before the trigger's create() has registered the endpoint: wait for it.
	const endpoint = await waitFor('the trigger registering its endpoint at the simulator', () =>
		[...sandbox.state(events.sim).endpoints.values()].find((e) => String(e.url).includes(webhookId)), 60000);
	const targets = { webhook: String(endpoint.url), main: `${queue.mainUrl}/webhook/${webhookId}/webhook` };
	// The endpoint shows at the simulator a moment before n8n has saved its signing secret with the
	// workflow: until then a signed delivery is refused (401). Probe with a signed event of a type
	// the trigger does not listen to (checked after the signature: 200, nothing starts) until both
	// processes accept the signature.
	const probe = JSON.stringify({ id: `evt_queue_probe_${randomBytes(4).toString('hex')}`, object: 'event', type: 'payout.created', created: Date.now(), data: { object: {} } });
	let probed = '';
	await waitFor('main and the webhook processor accepting signed deliveries', async () => {
		const answers = await Promise.all([deliver(targets.webhook, probe, endpoint.secret, true), deliver(targets.main, probe, endpoint.secret, true)]);
		probed = `webhook processor ${answers[0]}; main ${answers[1]}`;
		return answers.every((a) => a.startsWith('200'));
	}, 60000).catch((error) => {
		throw new Error(`${error.message} (last answers: ${probed})`);
	});
	log(`queue mode: trigger endpoint at ${targets.webhook}; ${config.events} signed events to it and to main ${targets.main}, then forged and unsigned ones`);
	const tag = randomBytes(4).toString('hex');
	/** @param {string} id */
	const eventBody = (id, i = 0) =>
		JSON.stringify({
			id: `evt_queue_${tag}_${id}`,
			object: 'event',
			api_version: '1.0.1',
			created: Date.now(),
			data: { object: { id: `pi_queue_${tag}_${id}`, object: 'payment_intent', amount: 1000 + i, currency: 'usd', customer: CUSTOMER, status: 'succeeded', livemode: false, metadata: {} } },
			livemode: false,
			pending_webhooks: 1,
			request: { id: null, idempotency_key: null },
			type: EVENT_TYPE,
		});
	const ORDERS = ['webhook processor, then main', 'main, then webhook processor', 'both at once'];
	/** @type {Array<{id: string, kind: string, order: string, answers: string}>} */
	const sent = [];
	/** @param {string} id @param {string} kind @param {string} order @param {string | undefined} secret @param {number} i */
	const send = async (id, kind, order, secret, i) => {
		const body = eventBody(id, i);
		/** @type {Record<string, string>} */
		const answers = {};
		const one = async (/** @type {'webhook' | 'main'} */ to) => (answers[to] = await deliver(targets[to], body, secret));
		if (order === ORDERS[0]) await one('webhook').then(() => one('main'));
		else if (order === ORDERS[1]) await one('main').then(() => one('webhook'));
		else await Promise.all([one('webhook'), one('main')]);
		sent.push({ id, kind, order, answers: `webhook processor ${answers.webhook}, main ${answers.main}` });
	};
	for (let i = 0; i < config.events; i++) await send(`s${i}`, 'signed', ORDERS[i % ORDERS.length], endpoint.secret, i);
	const forgedSecret = `whsec_${randomBytes(24).toString('base64url')}`;
	for (let i = 0; i < 2; i++) await send(`f${i}`, 'forged', ORDERS[2], forgedSecret, i);
	for (let i = 0; i < 2; i++) await send(`u${i}`, 'unsigned', ORDERS[2], undefined, i);

	// Settled: at least one execution per signed event, all finished, and nothing new for 5 s.
	let last = -1;
	let quietSince = Date.now();
	const all = await waitFor('the trigger\'s executions to settle', async () => {
		const found = await executionsOf(queue, TRIGGER_WORKFLOW);
		if (found.length !== last) {
			last = found.length;
			quietSince = Date.now();
		}
		const done = found.length >= config.events && found.every((e) => FINISHED.has(e.status)) && Date.now() - quietSince > 5000;
		return done ? found : undefined;
	}, 120000).catch(async () => executionsOf(queue, TRIGGER_WORKFLOW));
	const details = await Promise.all(all.map(async (e) => JSON.stringify(await queue.rest('GET', `/rest/executions/${e.id}`))));
	const updates = events.sim.requests.filter((req) => req.method === 'POST' && req.path === `/v1/customers/${CUSTOMER}`).map((req) => JSON.stringify(req.body));
	/** @type {EventResult[]} */
	const results = sent.map(({ id, kind, order, answers }) => ({
		kind,
		order,
		answers,
		executions: details.filter((d) => d.includes(`evt_queue_${tag}_${id}`)).length,
		runs: updates.filter((u) => u.includes(`pi_queue_${tag}_${id}"`)).length,
	}));
	return { results, executions: all.length, endpointUrl: targets.webhook };
}

/**
 * Runs scenario 7: queue mode up, pacing rounds, the trigger, everything stopped.
 * @param {QueueConfig} config @param {SimulatorFactory} simulator @param {(m: string) => void} log
 * @returns {Promise<QueueResult>}
 */
async function measureQueue(config, simulator, log) {
	const began = Date.now();
	const load = os.loadavg().map((l) => l.toFixed(2)).join(', ');
	const rated = await simulator({ latencyMs: config.latencyMs, rateLimit: config.rate, prefix: 'queue', count: 0, warmup: 0 });
	const events = await simulator({ latencyMs: 0, rateLimit: 0, prefix: 'queue-events', count: 0, warmup: 0 });
	events.sim.addCustomer({}, CUSTOMER);
	/** @type {queueMode.Queue | undefined} */
	let queue;
	/** @type {Omit<QueueResult, 'totalS'>} */
	let result;
	try {
		log(`queue mode: starting n8n ${config.version} with PostgreSQL, Redis, ${config.workers} workers, ${config.webhooks} webhook processor(s)`);
		queue = await queueMode.start({
			version: config.version,
			workers: config.workers,
			webhooks: config.webhooks,
			credentials: [credential(RATE_CREDENTIAL, 'WooshPay bench (rate limited)', rated.sim.url), credential(EVENTS_CREDENTIAL, 'WooshPay bench (events)', events.sim.url)],
			workflows: [paceWorkflow(), triggerWorkflow()],
			publish: [PACE_WORKFLOW],
			log: (m) => log(`queue mode: ${m}`),
		});
		const startS = (Date.now() - began) / 1000;
		const rounds = await pacing(queue, rated, config, log);
		// A trigger part that does not get through is reported, with the pacing figures kept.
		const t = await trigger(queue, events, config, log).catch((error) => {
			log(`queue mode: the trigger part did not get through: ${error instanceof Error ? error.message : error}`);
			return { results: [], executions: 0, endpointUrl: '', error: error instanceof Error ? error.message : String(error) };
		});
		result = { config, load, startS, rounds, events: t.results, triggerExecutions: t.executions, endpointUrl: t.endpointUrl, triggerError: 'error' in t ? t.error : undefined };
	} finally {
		log('queue mode: stopping n8n, Redis and PostgreSQL');
		await queue?.stop();
		await sandbox.settled(events.sim);
		await rated.sim.close();
		await events.sim.close();
	}
	return { ...result, totalS: (Date.now() - began) / 1000 };
}

module.exports = { measureQueue };
