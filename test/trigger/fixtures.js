// @ts-check
'use strict';

/** Shared set-up of the WooshPay Trigger tests: the simulator, a harness bound to it, signing. */
const { createHmac } = require('node:crypto');

/** @import { IDataObject } from 'n8n-workflow' */

const { AUTHORIZATION, SECRET_KEY } = require('../harness/fixtures');
/** @import { Simulator } from '../harness/fixtures' */
const { TriggerHarness } = require('../harness/trigger');
/** @import { TriggerOptions } from '../harness/trigger' */

// The simulator is plain JavaScript (see test/harness/fixtures.js).
const { startSimulator } = require('../simulator/simulator');
const sandbox = require('../simulator/webhooks');

/**
 * @typedef {object} SimEndpoint
 * @property {string} id
 * @property {string} url
 * @property {string[]} enabled_events
 * @property {string} status
 * @property {string} secret
 * @property {string | null} description
 */

/**
 * The endpoints the simulator holds, with their secrets.
 * @param {Simulator} sim
 * @returns {SimEndpoint[]}
 */
function endpointsAt(sim) {
	return /** @type {SimEndpoint[]} */ ([...sandbox.state(sim).endpoints.values()]);
}

/**
 * One simulator for the test file (seeded with cus_sandbox_1..3); before each test its
 * requests, endpoints and events are forgotten; `harness(...)` starts a trigger harness whose
 * credential points at it (closed after the test).
 * @param {Parameters<typeof startSimulator>[0]} [options]
 */
function useTriggerSimulator(options = {}) {
	const context = /** @type {{ sim: Simulator; harness: (setup: Omit<TriggerOptions, 'credentials'> & Partial<Pick<TriggerOptions, 'credentials'>>) => Promise<TriggerHarness>; }} */ ({});
	/** @type {TriggerHarness[]} */
	const open = [];
	beforeAll(async () => {
		context.sim = await startSimulator({ seed: true, ...options });
		context.harness = async (setup) => {
			const harness = await TriggerHarness.start({
				credentials: { secretKey: SECRET_KEY, environment: 'custom', baseUrl: context.sim.url },
				...setup,
			});
			open.push(harness);
			return harness;
		};
	});
	beforeEach(() => {
		context.sim.reset();
		sandbox.reset(context.sim);
	});
	afterEach(async () => {
		await sandbox.settled(context.sim);
		await Promise.all(open.splice(0).map(async (harness) => await harness.close()));
	});
	afterAll(async () => await context.sim.close());
	return context;
}

/**
 * Calls the simulator's API (or its /_sandbox/ routes) as a client would.
 * @param {Simulator} sim
 * @param {string} method
 * @param {string} path
 * @param {IDataObject} [body]
 * @returns {Promise<{ status: number; body: IDataObject }>}
 */
async function callSim(sim, method, path, body) {
	const res = await fetch(`${sim.url}${path}`, {
		method,
		headers: { authorization: AUTHORIZATION, accept: 'application/json', 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: res.status, body: /** @type {IDataObject} */ (await res.json()) };
}

/**
 * Waits until the sandbox has made every delivery, and the harnesses have run what they started.
 * @param {Simulator} sim
 * @param {...TriggerHarness} harnesses
 * @returns {Promise<void>}
 */
async function settle(sim, ...harnesses) {
	await sandbox.settled(sim);
	await Promise.all(harnesses.map(async (h) => await h.idle()));
}

/**
 * @typedef {object} SandboxEvent
 * @property {IDataObject} event
 * @property {Array<{ event: string; endpoint: string; url: string; status?: number; response?: string; tamper?: string }>} deliveries
 */

/**
 * The events the sandbox made, newest first, each with its deliveries (GET /_sandbox/events).
 * @param {Simulator} sim
 * @returns {Promise<SandboxEvent[]>}
 */
async function sandboxEvents(sim) {
	return /** @type {SandboxEvent[]} */ (/** @type {unknown} */ ((await callSim(sim, 'GET', '/_sandbox/events')).body.data));
}

/**
 * The requests the simulator received, as method, path, query and body.
 * @param {Simulator} sim
 */
function requestsAt(sim) {
	return sim.requests.map(({ method, path, query, body }) => ({ method, path, query, body }));
}

/**
 * A `Wooshpay-Signature` header as WooshPay documents it: t=<seconds>,v1=<HMAC-SHA256 of "<t>.<body>">.
 * @param {string} secret
 * @param {string} body
 * @returns {string}
 */
function signature(secret, body, timestamp = Math.floor(Date.now() / 1000)) {
	return `t=${timestamp},v1=${hmac(secret, timestamp, body)}`;
}

/** @param {string} secret @param {number} timestamp @param {string} body @returns {string} */
function hmac(secret, timestamp, body) {
	return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

module.exports = {
	sandbox,
	endpointsAt,
	useTriggerSimulator,
	callSim,
	settle,
	sandboxEvents,
	requestsAt,
	signature,
	hmac,
};
