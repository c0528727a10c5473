// @ts-check
'use strict';

/** Shared set-up for tests that run the node against the simulator. */
/** @import { IDataObject } from 'n8n-workflow' */

const { runNode } = require('./engine');
/** @import { RunOptions, RunResult } from './engine' */

// The simulator is plain JavaScript so that `npm run dev` and the benchmark can use it unbuilt.
const { startSimulator } = require('../simulator/simulator');

/** @typedef {Awaited<ReturnType<typeof startSimulator>>} Simulator */
/** @typedef {Simulator['requests'][number]} RecordedRequest */

const SECRET_KEY = 'sk_test_sandbox';
const AUTHORIZATION = `Basic ${Buffer.from(`${SECRET_KEY}:`).toString('base64')}`;

/**
 * A resource locator value in "By ID" mode.
 * @param {string} value
 */
const byId = (value) => ({ __rl: true, mode: 'id', value });

/**
 * Starts one simulator for the test file (seeded with cus_sandbox_1..3 and ich_sandbox_1..3),
 * forgets its requests between tests, and gives a `run` bound to it.
 * @param {Parameters<typeof startSimulator>[0]} [options]
 */
function useSimulator(options = {}) {
	const context = /** @type {{ sim: Simulator; run: (parameters: IDataObject, extra?: Partial<RunOptions>) => Promise<RunResult>; }} */ ({});
	beforeAll(async () => {
		context.sim = await startSimulator({ seed: true, ...options });
		context.run = async (parameters, extra = {}) =>
			await runNode({
				parameters,
				credentials: { secretKey: SECRET_KEY, environment: 'custom', baseUrl: context.sim.url },
				...extra,
			});
	});
	afterEach(() => context.sim.reset());
	afterAll(async () => await context.sim.close());
	return context;
}

/**
 * A second simulator on another port of 127.0.0.1, for the test file: the other host that a
 * redirect points at, which records whatever reaches it; its requests are forgotten after each
 * test. `other.sim` once the file's tests run.
 */
function useOtherHost() {
	const other = /** @type {{ sim: Simulator }} */ ({});
	beforeAll(async () => {
		other.sim = await startSimulator({ seed: true });
	});
	afterEach(() => other.sim.reset());
	afterAll(async () => await other.sim.close());
	return other;
}

/**
 * Asserts one recorded request completely: method, path, auth, JSON headers, body.
 * @param {RecordedRequest | undefined} request
 * @param {{ method: string; path: string; body?: unknown; query?: Record<string, string> }} expected
 */
function expectRequest(request, expected) {
	expect(request).toBeDefined();
	const { method, path, headers, body, query } = /** @type {RecordedRequest} */ (request);
	expect({ method, path }).toEqual({ method: expected.method, path: expected.path });
	expect(headers.authorization).toBe(AUTHORIZATION);
	expect(headers.accept).toBe('application/json');
	if (expected.method !== 'GET') expect(headers['content-type']).toBe('application/json');
	expect(body).toEqual(expected.body);
	expect(query).toEqual(expected.query ?? {});
}

/**
 * Runs `parameters` with `t` (useSimulator's context) and expects that nothing was sent and
 * that the error names the field and the item (`message`) and says how to fix it (`fix`, in the
 * message and in the description).
 * @param {{ sim: Simulator; run: (parameters: IDataObject) => Promise<RunResult> }} t
 * @param {IDataObject} parameters @param {string} message @param {string} fix
 */
async function expectRefused(t, parameters, message, fix) {
	const result = await t.run(parameters);
	expect(t.sim.requests).toHaveLength(0);
	expect(result.error?.message).toContain(message);
	expect(result.error?.message).toContain(fix);
	expect(result.error?.description).toContain(fix);
}

/**
 * Every string in a structure, for checking that the secret key is nowhere.
 * @param {unknown} value
 * @returns {string}
 */
function allText(value) {
	/** @type {WeakSet<object>} */
	const seen = new WeakSet();
	/** @param {unknown} v @returns {string} */
	const walk = (v) => {
		if (typeof v === 'string') return v;
		if (v === null || typeof v !== 'object') return String(v);
		if (seen.has(v)) return '';
		seen.add(v);
		// Own properties, enumerable or not (an error's cause is not), and the prototype's
		// getters are left out: what is stored on the object is what can leak.
		return Object.getOwnPropertyNames(v)
			.map((key) => `${key}:${walk(/** @type {Record<string, unknown>} */ (v)[key])}`)
			.join('\n');
	};
	return walk(value);
}

/** The issuing cards, authorizations and transactions of a simulator (test/simulator/issuing.js). */
const { issuingOf } = require('../simulator/issuing');

module.exports = { SECRET_KEY, AUTHORIZATION, byId, useSimulator, useOtherHost, expectRequest, expectRefused, allText, issuingOf };
