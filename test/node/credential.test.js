// @ts-check
'use strict';

const { NodeHelpers, Workflow } = require('n8n-workflow');

const { BASE_URL_EXPRESSION, LIVE_HOST, TEST_HOST, WooshPayApi, baseUrlFor } = require('../../dist/credentials/WooshPayApi.credentials');
const { WooshPay } = require('../../dist/nodes/WooshPay/WooshPay.node');
const { AUTHORIZATION, SECRET_KEY, byId, useSimulator } = require('../harness/fixtures');

/** The credential: hosts per environment, Basic auth, and its test request. */
const t = useSimulator();
const credential = new WooshPayApi();

/**
 * Evaluates an expression over `$credentials` with n8n's own expression engine.
 * @param {string} expression
 * @param {object} credentials
 * @returns {unknown}
 */
function evaluate(expression, credentials) {
	const node = { id: 'n', name: 'WooshPay', type: 'n8n-nodes-wooshpay.wooshPay', typeVersion: 1, position: /** @type {[number, number]} */ ([0, 0]), parameters: {} };
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: { getByName: () => new WooshPay(), getByNameAndVersion: () => new WooshPay(), getKnownTypes: () => ({}) },
	});
	return workflow.expression.getSimpleParameterValue(node, expression, 'manual', { $credentials: credentials });
}

test.each([
	[{ environment: 'test' }, TEST_HOST],
	[{ environment: 'live' }, LIVE_HOST],
	[{ environment: 'custom', baseUrl: 'http://127.0.0.1:4010/' }, 'http://127.0.0.1:4010'],
	[{ environment: 'custom', baseUrl: ' https://proxy.example.com/wooshpay// ' }, 'https://proxy.example.com/wooshpay'],
])('%j goes to %s, in the node and in list search alike', (credentials, expected) => {
	expect(TEST_HOST).toBe('https://apitest.wooshpay.com');
	expect(LIVE_HOST).toBe('https://api.wooshpay.com');
	expect(evaluate(BASE_URL_EXPRESSION, credentials)).toBe(expected);
	expect(baseUrlFor(credentials)).toBe(expected);
	expect(new WooshPay().description.requestDefaults?.baseURL).toBe(BASE_URL_EXPRESSION);
});

test('the secret key is the Basic user name with an empty password', async () => {
	expect(AUTHORIZATION).toBe(`Basic ${Buffer.from('sk_test_sandbox:').toString('base64')}`);
	await t.run({ resource: 'customer', operation: 'get', customerId: byId('cus_sandbox_1') });
	expect(t.sim.requests[0].headers.authorization).toBe(AUTHORIZATION);
});

test('a base URL with a trailing slash still reaches /v1/...', async () => {
	const result = await t.run(
		{ resource: 'customer', operation: 'get', customerId: byId('cus_sandbox_1') },
		{ credentials: { secretKey: SECRET_KEY, environment: 'custom', baseUrl: `${t.sim.url}/` } },
	);
	expect(result.status).toBe('success');
	expect(t.sim.requests[0].path).toBe('/v1/customers/cus_sandbox_1');
});

// The Test button (the credential's test request and its rules) runs in a real n8n:
// test/e2e/server.e2e.test.js, through n8n's POST /rest/credentials/test.
test.each([
	['live', 'sk_test_abc', ['testKeyOnLive']],
	['test', 'sk_live_abc', ['liveKeyOnTest']],
	['live', 'sk_live_abc', []],
	['test', 'sk_test_abc', []],
	['custom', 'sk_live_abc', []],
])('the dialog warns when key and environment do not match: %s with %s', (environment, secretKey, shown) => {
	const values = { environment, secretKey, baseUrl: '' };
	const notices = credential.properties.filter((p) => p.type === 'notice');
	const visible = notices.filter((notice) => NodeHelpers.displayParameter(values, notice, null, null));
	expect(visible.map((n) => n.name)).toEqual(shown);
});
