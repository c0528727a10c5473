// @ts-check
'use strict';

const { allText, byId, useSimulator } = require('../harness/fixtures');
/** @import { RunResult } from '../harness/engine' */

/**
 * WooshPay's errors reach the user in WooshPay's words (message, type, code, param) with the
 * HTTP status, in the error and, under Continue On Fail, in the output item. Answers that are
 * not WooshPay's, timeouts and refused connections get clear messages too. The secret key is
 * never in any of it.
 */
const KEY = 'sk_test_51VerySecretKeyValue';
const t = useSimulator({ keys: [KEY] });
const credentials = () => ({ secretKey: KEY, environment: 'custom', baseUrl: t.sim.url });

/** @param {object} [options] @param {object} [requestOptions] */
const updateCustomer = (id = 'cus_sandbox_1', options = { maxRetries: 0 }, requestOptions = {}) => ({
	resource: 'customer',
	operation: 'update',
	customerId: byId(id),
	updateFields: { name: 'Jane' },
	options,
	requestOptions,
});

/** @param {string} type @param {string} message @param {string} [code] @param {string} [param] */
const error = (type, message, code, param) => ({
	error: { type, message, ...(code ? { code } : {}), ...(param ? { param } : {}) },
});

test('404: WooshPay\'s message, type, code and param, with the status, instead of n8n\'s generic text', async () => {
	const result = await t.run(updateCustomer('cus_nope'), { credentials: credentials() });
	expect(result.status).toBe('error');
	expect(result.error?.message).toBe(
		"WooshPay error 404 Not Found: No such customer: 'cus_nope' (type invalid_request_error, code resource_missing, param id) [item 0]",
	);
	expect(result.error?.httpCode).toBe('404');
	expect(result.error?.description).toContain('Check the ID');
	expect(result.error?.message).not.toContain('could not be found');
});

describe.each([
	[400, error('invalid_request_error', 'Invalid email address: jane@', 'email_invalid', 'email'), "WooshPay error 400 Bad Request: Invalid email address: jane@ (type invalid_request_error, code email_invalid, param email) [item 0]"],
	[402, error('card_error', 'The cardholder is not active.', 'cardholder_inactive'), 'WooshPay error 402 Request Failed: The cardholder is not active. (type card_error, code cardholder_inactive) [item 0]'],
	[403, error('invalid_request_error', 'This key may not update customers.', 'permission_denied'), 'WooshPay error 403 Forbidden: This key may not update customers. (type invalid_request_error, code permission_denied) [item 0]'],
	[409, error('idempotency_error', 'Keys for idempotent requests can only be used with the same parameters.'), 'WooshPay error 409 Conflict: Keys for idempotent requests can only be used with the same parameters. (type idempotency_error) [item 0]'],
	[429, error('invalid_request_error', 'Too many requests.', 'rate_limit'), 'WooshPay error 429 Too Many Requests: Too many requests. (type invalid_request_error, code rate_limit) [item 0]'],
	[500, error('api_error', 'Something went wrong on our side.'), 'WooshPay error 500 Internal Server Error: Something went wrong on our side. (type api_error) [item 0]'],
	[502, error('api_error', 'Upstream failed.'), 'WooshPay error 502 Bad Gateway: Upstream failed. (type api_error) [item 0]'],
	[503, error('api_error', 'Down for maintenance.'), 'WooshPay error 503 Service Unavailable: Down for maintenance. (type api_error) [item 0]'],
	[504, error('api_error', 'Timed out upstream.'), 'WooshPay error 504 Gateway Timeout: Timed out upstream. (type api_error) [item 0]'],
	[400, { message: 'A bare error object', type: 'invalid_request_error', code: 'bare' }, 'WooshPay error 400 Bad Request: A bare error object (type invalid_request_error, code bare) [item 0]'],
])('status %i', (status, body, message) => {
	test('the error names status and WooshPay\'s own words', async () => {
		t.sim.fail({ status, body });
		const result = await t.run(updateCustomer(), { credentials: credentials() });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(message);
		expect(result.error?.httpCode).toBe(String(status));
		expect(t.sim.requests).toHaveLength(1);
	});
});

test('401 from a wrong key names the credential and the environment, without the key', async () => {
	const wrong = 'sk_test_51WrongKeyWrongKey9876';
	const result = await t.run(updateCustomer(), { credentials: { ...credentials(), secretKey: wrong } });
	expect(result.error?.message).toMatch(/^WooshPay error 401 Unauthorized: Invalid API Key provided: .* \(type invalid_request_error, code api_key_invalid\) \[item 0\]$/);
	expect(result.error?.description).toContain('sk_test_ keys belong to Test, sk_live_ keys to Live');
	expect(allText(result.error)).not.toContain(wrong);
	expect(allText(result.run)).not.toContain(wrong);
});

test('a WooshPay message that quotes the key: redacted in the message and in the stored error response', async () => {
	t.sim.fail({ status: 400, body: error('invalid_request_error', `Key ${KEY} may not do this`, 'key_rejected', KEY) });
	const result = await t.run(updateCustomer(), { credentials: credentials() });
	expect(result.error?.message).toBe(
		'WooshPay error 400 Bad Request: Key sk_test_*** may not do this (type invalid_request_error, code key_rejected, param sk_test_***) [item 0]',
	);
	expect(allText(result.error)).toContain('sk_test_***');
	expect(allText(result.error)).not.toContain(KEY);
	expect(allText(result.run)).not.toContain(KEY);
});

test('a proxy\'s HTML page instead of JSON', async () => {
	t.sim.fail({ status: 502, raw: '<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>nginx</p></body></html>' });
	const result = await t.run(updateCustomer(), { credentials: credentials() });
	expect(result.error?.message).toBe('WooshPay answered 502 Bad Gateway with text/html instead of JSON: "502 Bad Gateway Bad Gateway nginx" [item 0]');
	expect(result.error?.description).toContain('proxy or a wrong Base URL');
});

test('a 200 answer that is not JSON (a login page in between)', async () => {
	t.sim.fail({ status: 200, raw: '<html><body>Please sign in</body></html>' });
	const result = await t.run(updateCustomer(), { credentials: credentials() });
	expect(result.error?.message).toBe('WooshPay answered 200 OK with text/html instead of JSON: "Please sign in" [item 0]');
});

test('a timeout', async () => {
	t.sim.fail({ delayMs: 2000, body: {} });
	const result = await t.run(updateCustomer('cus_sandbox_1', { maxRetries: 0 }, { timeout: 200 }), { credentials: credentials() });
	expect(result.error?.message).toBe(`Could not reach WooshPay at ${t.sim.url}: no answer came in time [item 0]`);
	expect(result.error?.description).toContain('raise the timeout in the node settings (Request Options → Timeout)');
});

test('a refused connection', async () => {
	const result = await t.run(updateCustomer(), { credentials: { ...credentials(), baseUrl: 'http://127.0.0.1:1' } });
	expect(result.error?.message).toBe('Could not reach WooshPay at http://127.0.0.1:1: the connection was refused [item 0]');
	expect(result.error?.description).toContain('Check the Environment and Base URL');
});

test('a connection dropped without an answer', async () => {
	t.sim.fail({ reset: true });
	const result = await t.run(updateCustomer(), { credentials: credentials() });
	expect(result.error?.message).toBe(`Could not reach WooshPay at ${t.sim.url}: the connection was closed before an answer came [item 0]`);
});

test('Custom environment without a Base URL', async () => {
	const result = await t.run(updateCustomer(), { credentials: { ...credentials(), baseUrl: '' } });
	expect(result.error?.message).toBe('The WooshPay credential has Environment "Custom" but no Base URL');
	expect(t.sim.requests).toHaveLength(0);
});

test('Continue On Fail: the failed item carries WooshPay\'s error, paired; the others succeed', async () => {
	const result = await t.run(
		{ ...updateCustomer('={{ $json.id }}'), updateFields: { name: '={{ $json.name }}' } },
		{
			credentials: credentials(),
			continueOnFail: true,
			items: [
				{ id: 'cus_sandbox_1', name: 'One' },
				{ id: 'cus_missing', name: 'Two' },
				{ id: 'cus_sandbox_2', name: 'Three' },
			],
		},
	);
	expect(result.status).toBe('success');
	expect(result.output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	expect(result.output[0].json.name).toBe('One');
	expect(result.output[1].json).toEqual({
		error: "WooshPay error 404 Not Found: No such customer: 'cus_missing' (type invalid_request_error, code resource_missing, param id) [item 1]",
	});
	expect(result.output[2].json.name).toBe('Three');
	expect(allText(result.run)).not.toContain(KEY);
});

/**
 * Nothing of the key in anything a run gave: the error (with its cause and details), the
 * output items, the run data n8n stores.
 * @param {RunResult} result
 */
function expectNoKey(result) {
	expect(allText(result.error)).not.toContain(KEY);
	expect(allText(result.output)).not.toContain(KEY);
	expect(JSON.stringify(result.run)).not.toContain(KEY);
}

describe('the secret key appears in no output, error message, description or run data, whatever fails', () => {
	test('a 500 answer: the run fails with WooshPay\'s words', async () => {
		t.sim.fail({ status: 500, body: error('api_error', 'boom') });
		const result = await t.run(updateCustomer(), { credentials: credentials() });
		expect(result.status).toBe('error');
		expect(result.output).toEqual([]);
		expect(result.error?.message).toBe('WooshPay error 500 Internal Server Error: boom (type api_error) [item 0]');
		expectNoKey(result);
	});

	test('a dropped connection under Continue On Fail: the run succeeds, the item carries the error', async () => {
		t.sim.fail({ reset: true });
		const result = await t.run(updateCustomer(), { credentials: credentials(), continueOnFail: true });
		expect(result.status).toBe('success');
		expect(result.error).toBeUndefined();
		expect(result.output.map((item) => [item.json, item.pairedItem])).toEqual([
			[{ error: `Could not reach WooshPay at ${t.sim.url}: the connection was closed before an answer came [item 0]` }, { item: 0 }],
		]);
		expectNoKey(result);
	});

	test('a refused connection: the run fails, naming the host', async () => {
		const result = await t.run(updateCustomer(), { credentials: { ...credentials(), baseUrl: 'http://127.0.0.1:1' } });
		expect(result.status).toBe('error');
		expect(result.output).toEqual([]);
		expect(result.error?.message).toBe('Could not reach WooshPay at http://127.0.0.1:1: the connection was refused [item 0]');
		expectNoKey(result);
	});

	test('a page that quotes the key back: the run fails, the key shown by its kind only', async () => {
		t.sim.fail({ status: 404, raw: `<p>echo ${KEY}</p>` });
		const result = await t.run(updateCustomer(), { credentials: credentials() });
		expect(result.status).toBe('error');
		expect(result.output).toEqual([]);
		expect(result.error?.message).toBe('WooshPay answered 404 Not Found with text/html instead of JSON: "echo sk_test_***" [item 0]');
		expectNoKey(result);
	});
});

test('the key check itself finds a key hidden in an error cause', () => {
	const leaky = new Error('failed', { cause: { config: { auth: { username: KEY } } } });
	expect(allText(leaky)).toContain(KEY);
});
