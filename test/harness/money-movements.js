// @ts-check
'use strict';

/** @import { IDataObject } from 'n8n-workflow' */
/** @import { RunResult } from './engine' */

const { expectRequest, useSimulator } = require('./fixtures');
/** @typedef {import('./fixtures').Simulator} Simulator */

/**
 * The retry rule of a money movement (transport.ts, README "Options and bulk runs") as tests for
 * one operation: not sent again after an answer that leaves open whether it was carried out (a
 * 500, a 503 without Retry-After, a dropped connection, a connection cut after WooshPay applied
 * it), sent again with the same Idempotency-Key after one that says it was not (a 429, a 503 with
 * Retry-After), and after any of them with Options → Retry Money Movements After Unclear Failures
 * on; made once every time.
 */

const HELD_BACK =
	'It moves money and may already have been carried out, so it was not sent again: check in WooshPay whether it was, before you run it again (or allow it in Options → Retry Money Movements After Unclear Failures).';
const KEY = /^n8n-[0-9a-f]{40}$/;
const SERVER_ERROR = { status: 500, body: { error: { type: 'api_error', message: 'oops' } } };
const DROPPED = { reset: true };

/**
 * Registers the tests in the enclosing describe block.
 * @param {{ sim: Simulator; run: (parameters: IDataObject, extra?: { credentialId?: string }) => Promise<RunResult> }} t the file's simulator (useSimulator)
 * @param {(sim: Simulator) => IDataObject} parameters one request of the operation, against `sim`
 * @param {(sim: Simulator) => Map<string, unknown>} store where `sim` keeps what the operation makes
 * @param {string} path the path the operation posts to
 */
function moneyMovementTests(t, parameters, store, path) {
	const keys = () => t.sim.requests.map((r) => r.headers['idempotency-key']);
	/** The run's one output item is what the operation made at `sim`. @param {RunResult} result @param {Simulator} sim */
	const expectMade = (result, sim) => expect(result.output).toEqual([{ json: store(sim).get(sim.mutations[0].id), pairedItem: { item: 0 } }]);

	test.each([
		['a 500', SERVER_ERROR, () => 'WooshPay error 500 Internal Server Error: oops (type api_error) [item 0]'],
		['a 503 without Retry-After', { status: 503, body: { error: { type: 'api_error', message: 'busy' } } }, () => 'WooshPay error 503 Service Unavailable: busy (type api_error) [item 0]'],
		['a dropped connection', DROPPED, () => `Could not reach WooshPay at ${t.sim.url}: the connection was closed before an answer came [item 0]`],
	])('not sent again after %s, and the error says why', async (_case, fault, message) => {
		const request = parameters(t.sim);
		const before = store(t.sim).size;
		t.sim.fail(fault);
		const result = await t.run(request);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(message());
		expect(result.error?.description).toContain(HELD_BACK);
		expect(t.sim.requests).toHaveLength(1);
		expect(store(t.sim).size).toBe(before);
	});

	test.each([
		['a 429', { status: 429, headers: { 'retry-after': '0' }, body: { error: { type: 'invalid_request_error', code: 'rate_limit', message: 'slow down' } } }],
		['a 503 with Retry-After', { status: 503, headers: { 'retry-after': '0' }, body: { error: { type: 'api_error', message: 'maintenance' } } }],
	])('sent again after %s, with the same key and body: made once', async (_case, fault) => {
		const request = parameters(t.sim);
		const before = store(t.sim).size;
		t.sim.fail(fault);
		// An account of its own: the pace a 429 slows down belongs to the account, for a minute.
		const result = await t.run(request, { credentialId: `money-movement-${path}-${fault.status}` });
		expect(result.status).toBe('success');
		expect(t.sim.requests).toHaveLength(2);
		expectRequest(t.sim.requests[1], { method: 'POST', path, body: t.sim.requests[0].body });
		expect(keys()[0]).toMatch(KEY);
		expect(keys()[1]).toBe(keys()[0]);
		expect(store(t.sim).size).toBe(before + 1);
		expectMade(result, t.sim);
	});

	test.each([
		['a 500', SERVER_ERROR],
		['a dropped connection', DROPPED],
	])('with Retry Money Movements After Unclear Failures on, sent again after %s with the same key: made once', async (_case, fault) => {
		const request = { ...parameters(t.sim), options: { retryMoneyMovements: true } };
		const before = store(t.sim).size;
		t.sim.fail(fault);
		const result = await t.run(request);
		expect(result.status).toBe('success');
		expect(keys()).toHaveLength(2);
		expect(keys()[1]).toBe(keys()[0]);
		expect(store(t.sim).size).toBe(before + 1);
		expectMade(result, t.sim);
	});

	describe('when WooshPay carries it out but the answer is lost (the connection cut after applying)', () => {
		const cut = useSimulator({ cutAfterApply: 1 });

		test('not sent again: one request, and the error says it may have been carried out', async () => {
			const result = await cut.run(parameters(cut.sim));
			expect(result.error?.message).toBe(`Could not reach WooshPay at ${cut.sim.url}: the connection was closed before an answer came [item 0]`);
			expect(result.error?.description).toContain(HELD_BACK);
			expect(cut.sim.requests).toHaveLength(1);
			expect(cut.sim.mutations).toHaveLength(1);
		});

		test('with Retry Money Movements on: sent again with the same key, WooshPay answers with what it made, made once', async () => {
			const result = await cut.run({ ...parameters(cut.sim), options: { retryMoneyMovements: true } });
			expect(result.status).toBe('success');
			expect(cut.sim.requests).toHaveLength(2);
			expect(cut.sim.requests[1].headers['idempotency-key']).toBe(cut.sim.requests[0].headers['idempotency-key']);
			expect(cut.sim.mutations).toHaveLength(1);
			expectMade(result, cut.sim);
		});
	});
}

module.exports = { moneyMovementTests };
