// @ts-check
'use strict';

const { WooshPayApi } = require('../../dist/credentials/WooshPayApi.credentials');
const { runCredentialTest, runListSearch } = require('../harness/engine');
const { AUTHORIZATION, SECRET_KEY, allText, byId, useOtherHost, useSimulator } = require('../harness/fixtures');
const { addPaymentIntent, paymentsOf } = require('../simulator/payments');

/**
 * Issue 16, finding 1: no request of the package follows a redirect. n8n's HTTP helper would
 * follow it and put the Basic auth header back on, also for another host; the node's requests,
 * its From List searches and the credential's test request send nothing where a 3xx points. The
 * base URL is the simulator; the "other host" is a second simulator on another port of
 * 127.0.0.1, which records whatever reaches it. (The trigger's calls: test/trigger/security.test.js.)
 */
const t = useSimulator();
const elsewhere = useOtherHost();

const credentials = () => ({ secretKey: SECRET_KEY, environment: 'custom', baseUrl: t.sim.url });
const otherHost = () => new URL(elsewhere.sim.url).host;

/**
 * The base URL answers the next request with a redirect.
 * @param {number} status
 * @param {string} location
 */
const redirectOnce = (status, location) => t.sim.fail({ status, headers: { location }, body: {} });

/** The message of a redirect the node did not follow. @param {string} status @param {string} target */
const notFollowed = (status, target, item = ' [item 0]') => `WooshPay answered ${status}, a redirect to ${target}: not followed, nothing was sent there${item}`;

describe('the node’s requests (routing)', () => {
	test.each([
		[307, 'Temporary Redirect'],
		[302, 'Found'],
		[301, 'Moved Permanently'],
		[308, 'Permanent Redirect'],
	])('GET answered %i to another host: nothing reaches it, the error names the status and the host', async (status, text) => {
		redirectOnce(status, `${elsewhere.sim.url}/v1/customers/cus_sandbox_1`);
		const result = await t.run({ resource: 'customer', operation: 'get', customerId: byId('cus_sandbox_1') });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(notFollowed(`${status} ${text}`, otherHost()));
		expect(result.error?.description).toContain('Check the Base URL of the WooshPay credential');
		expect(result.error?.httpCode).toBe(String(status));
		expect(elsewhere.sim.requests).toEqual([]);
		// Not sent again either: a redirect is not an answer worth retrying.
		expect(t.sim.requests.map((r) => [r.method, r.path])).toEqual([['GET', '/v1/customers/cus_sandbox_1']]);
	});

	test.each([307, 302])('POST answered %i to another host: no Authorization, no body, no Idempotency-Key there; nothing applied', async (status) => {
		redirectOnce(status, `${elsewhere.sim.url}/v1/customers/cus_sandbox_1`);
		const result = await t.run({ resource: 'customer', operation: 'update', customerId: byId('cus_sandbox_1'), updateFields: { name: 'Mallory' } });
		expect(result.error?.message).toBe(notFollowed(`${status} ${status === 307 ? 'Temporary Redirect' : 'Found'}`, otherHost()));
		expect(elsewhere.sim.requests).toEqual([]);
		expect(elsewhere.sim.mutations).toEqual([]);
		expect(elsewhere.sim.customers.get('cus_sandbox_1').name).toBe('Ada Lovelace');
		expect(t.sim.requests).toHaveLength(1);
		expect(t.sim.requests[0].headers['idempotency-key']).toMatch(/^n8n-[0-9a-f]{40}$/);
	});

	test('a refund answered 307 to another host: nothing refunded there, the item fails, Continue On Fail carries the error', async () => {
		const pi = addPaymentIntent(elsewhere.sim, { amount: 5000, currency: 'USD', confirm: true }).id;
		redirectOnce(307, `${elsewhere.sim.url}/v1/refunds`);
		const result = await t.run({ resource: 'refund', operation: 'create', paymentIntentId: byId(pi), additionalFields: {}, options: {} }, { continueOnFail: true });
		expect(result.status).toBe('success');
		expect(result.output.map(({ json, pairedItem }) => ({ json, pairedItem }))).toEqual([
			{ json: { error: notFollowed('307 Temporary Redirect', otherHost()) }, pairedItem: { item: 0 } },
		]);
		expect(elsewhere.sim.requests).toEqual([]);
		expect(paymentsOf(elsewhere.sim).paymentIntents.get(pi).amount_refunded).toBe(0);
		expect(t.sim.requests.map((r) => [r.method, r.path])).toEqual([['POST', '/v1/refunds']]);
	});

	test.each([
		['a path on the same host', '/v1/customers/cus_sandbox_2', 'another path on the same host'],
		['the same host by its full address', () => `${t.sim.url}/v1/customers/cus_sandbox_2`, () => new URL(t.sim.url).host],
	])('GET and POST answered 307 to %s: not followed either (one request only)', async (_case, location, target) => {
		const where = typeof location === 'function' ? location() : location;
		const host = typeof target === 'function' ? target() : target;
		redirectOnce(307, where);
		const get = await t.run({ resource: 'customer', operation: 'get', customerId: byId('cus_sandbox_1') });
		expect(get.error?.message).toBe(notFollowed('307 Temporary Redirect', host));
		redirectOnce(307, where);
		const post = await t.run({ resource: 'customer', operation: 'update', customerId: byId('cus_sandbox_1'), updateFields: { name: 'Mallory' } });
		expect(post.error?.message).toBe(notFollowed('307 Temporary Redirect', host));
		expect(t.sim.requests.map((r) => [r.method, r.path])).toEqual([
			['GET', '/v1/customers/cus_sandbox_1'],
			['POST', '/v1/customers/cus_sandbox_1'],
		]);
		expect(t.sim.mutations).toEqual([]);
		expect(t.sim.customers.get('cus_sandbox_2').name).toBe('Grace Hopper');
	});

	test('a Location that carries the key or a path is shown as its host only, and the key is nowhere in the run', async () => {
		redirectOnce(307, `http://${SECRET_KEY}:x@${otherHost()}/steal?key=${SECRET_KEY}`);
		const result = await t.run({ resource: 'customer', operation: 'get', customerId: byId('cus_sandbox_1') });
		expect(result.error?.message).toBe(notFollowed('307 Temporary Redirect', otherHost()));
		expect(JSON.stringify(result.run)).not.toContain(SECRET_KEY);
		expect(allText(result.error)).not.toContain(SECRET_KEY);
		expect(elsewhere.sim.requests).toEqual([]);
	});
});

describe('From List searches (wooshPayRequest)', () => {
	test.each([307, 302])('a search answered %i to another host: nothing reaches it, the error names the status and the host', async (status) => {
		redirectOnce(status, `${elsewhere.sim.url}/v1/issuing/cardholders?limit=50`);
		const error = await runListSearch({ credentials: credentials() }, 'searchCardholders').catch((/** @type {unknown} */ e) => e);
		expect(error).toMatchObject({ message: notFollowed(`${status} ${status === 307 ? 'Temporary Redirect' : 'Found'}`, otherHost(), '') });
		expect(elsewhere.sim.requests).toEqual([]);
		expect(t.sim.requests.map((r) => [r.method, r.path, r.query])).toEqual([['GET', '/v1/issuing/cardholders', { limit: '50' }]]);
	});

	test('to the same host: not followed either', async () => {
		redirectOnce(302, '/v1/issuing/cards');
		const error = await runListSearch({ credentials: credentials(), path: 'parameters.cardId' }, 'searchCards').catch((/** @type {unknown} */ e) => e);
		expect(error).toMatchObject({ message: notFollowed('302 Found', 'another path on the same host', '') });
		expect(t.sim.requests).toHaveLength(1);
	});
});

describe('the credential’s Test button (its test request, as n8n’s credential tester runs it)', () => {
	const { rules = [] } = new WooshPayApi().test;

	test('it reads the balance with the key, nothing else', async () => {
		const { response, error } = await runCredentialTest(credentials());
		expect(error).toBeUndefined();
		expect(response?.[0]).toHaveLength(1);
		expect(t.sim.requests.map((r) => [r.method, r.path, r.headers.authorization])).toEqual([['GET', '/v1/balance', AUTHORIZATION]]);
	});

	test.each([301, 302, 303, 307, 308])('answered %i to another host: not followed; the status the tester matches is the redirect’s, and a rule names it', async (status) => {
		redirectOnce(status, `${elsewhere.sim.url}/v1/balance`);
		const { response, error } = await runCredentialTest(credentials());
		expect(response).toBeUndefined();
		expect(elsewhere.sim.requests).toEqual([]);
		expect(t.sim.requests).toHaveLength(1);
		expect(error?.cause?.response?.status).toBe(status);
		// The tester shows the message of the first responseCode rule for that status.
		const rule = rules.find((r) => r.type === 'responseCode' && r.properties.value === status);
		expect(rule?.properties.message).toBe(
			`The address answered ${status}, a redirect, which is not followed so that the key goes nowhere else. Check the Environment and, for Custom, the Base URL: it must be the address that answers the API itself.`,
		);
	});
});
