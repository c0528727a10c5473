// @ts-check
'use strict';

/**
 * Issue 16 in a real n8n: a credential whose Base URL answers with a redirect to another port.
 * n8n's HTTP client, left to itself, follows a redirect and puts the Basic auth back on even for
 * another host, so the secret key, the body and the Idempotency-Key would reach wherever the
 * Location points. Two servers of the test's own on 127.0.0.1: `redirecting` (the Base URL)
 * answers every request with a redirect to `target`, on another port, which records whatever
 * reaches it. For the node run with `n8n execute` (a GET and a POST operation), the credential's
 * Test button (POST /rest/credentials/test) and the trigger's publish, the target must receive
 * nothing at all, and the node, the Test button and the publish must say why.
 */
const http = require('node:http');

const { waitFor } = require('../../scripts/process');
const { WORKFLOWS, eachLine, useN8n } = require('./harness');

/** The redirecting credential's key: only `redirecting` may ever see it. */
const KEY = 'sk_test_redirected_e2e_key';
const BASIC = `Basic ${Buffer.from(`${KEY}:`).toString('base64')}`;
const CREDENTIAL = { id: 'wooshPayRedirect', name: 'WooshPay behind a redirect', type: 'wooshPayApi' };

/**
 * @typedef {object} Received
 * @property {string} method
 * @property {string} url
 * @property {string | undefined} authorization
 * @property {string | undefined} idempotencyKey
 * @property {string} body
 */

/**
 * A server on a free port of 127.0.0.1 that records every request (method, URL, Authorization,
 * Idempotency-Key, body) and answers each with `answer(request)`: a status and headers.
 * @param {(req: http.IncomingMessage) => { status: number; headers?: Record<string, string>; body?: string }} answer
 */
async function recordingServer(answer) {
	/** @type {Received[]} */
	const received = [];
	const server = http.createServer((req, res) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			received.push({
				method: req.method ?? '',
				url: req.url ?? '',
				authorization: req.headers.authorization,
				idempotencyKey: /** @type {string | undefined} */ (req.headers['idempotency-key']),
				body: Buffer.concat(chunks).toString('utf8'),
			});
			const { status, headers = {}, body = '' } = answer(req);
			res.writeHead(status, { 'content-type': 'application/json', ...headers });
			res.end(body);
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		port,
		url: `http://127.0.0.1:${port}`,
		received,
		close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
	};
}

eachLine('a Base URL that redirects to another port (issue 16)', (version) => {
	const n8n = useN8n(version, { workflows: [WORKFLOWS] });
	/** @type {Awaited<ReturnType<typeof recordingServer>>} */
	let target;
	/** @type {Awaited<ReturnType<typeof recordingServer>>} */
	let redirecting;
	/** The redirect status `redirecting` answers with now. */
	let status = 307;
	const n8n1 = version.startsWith('1.');

	beforeAll(async () => {
		// What would follow a redirect gets an answer as WooshPay's, so that following it would pass unnoticed.
		target = await recordingServer(() => ({ status: 200, body: JSON.stringify({ id: 'cus_sandbox_1', object: 'customer', data: [], has_more: false }) }));
		redirecting = await recordingServer((req) => ({ status, headers: { location: `${target.url}${req.url}` } }));
		await n8n.importCredentials([{ ...CREDENTIAL, data: { secretKey: KEY, environment: 'custom', baseUrl: redirecting.url } }]);
		await n8n.startServer();
	}, 180000);
	afterAll(async () => {
		await target?.close();
		await redirecting?.close();
	});
	beforeEach(() => {
		status = 307;
		target.received.length = 0;
		redirecting.received.length = 0;
	});

	/** n8n's words for the redirect to the target, as the node says it. @param {number} code @param {string} text */
	const redirectError = (code, text) => `WooshPay answered ${code} ${text}, a redirect to 127.0.0.1:${target.port}: not followed, nothing was sent there [item 0]`;

	test.each([
		['GET', 'wpE2eRedirectGet', 'Get a customer', { method: 'GET', url: '/v1/customers/cus_sandbox_1', authorization: BASIC, idempotencyKey: undefined, body: '' }],
		[
			'POST',
			'wpE2eRedirectPost',
			'Update a customer',
			{ method: 'POST', url: '/v1/customers/cus_sandbox_1', authorization: BASIC, idempotencyKey: expect.stringMatching(/^n8n-[0-9a-f]{40}$/), body: JSON.stringify({ email: 'redirected@example.com' }) },
		],
	])('n8n execute, a %s operation: the node fails with "…307 Temporary Redirect, a redirect to 127.0.0.1:<port>: not followed…"; the other port gets nothing', async (_method, id, nodeName, sent) => {
		const { code, run } = await n8n.execute(id);
		expect({ status: run.status, code: code === 0 ? 0 : 'not 0' }).toEqual({ status: 'error', code: 'not 0' });
		const error = run.data.resultData.error;
		expect({ message: error.message, node: error.node?.name ?? run.data.resultData.lastNodeExecuted }).toEqual({ message: redirectError(307, 'Temporary Redirect'), node: nodeName });
		expect(JSON.stringify(run)).not.toContain(KEY);
		expect(JSON.stringify(run)).not.toContain(BASIC.slice('Basic '.length));
		// The Base URL got the one request, once (a redirect is not retried); the other port nothing.
		expect(redirecting.received).toEqual([sent]);
		expect(target.received).toEqual([]);
		// The node's run ended in that error, with no output.
		const [nodeRun] = run.data.resultData.runData[nodeName];
		expect({ error: nodeRun.error?.message, output: nodeRun.data?.main?.[0] ?? [] }).toEqual({ error: redirectError(307, 'Temporary Redirect'), output: [] });
	});

	test('n8n execute, a POST answered 308 Permanent Redirect: the same, nothing sent on', async () => {
		status = 308;
		const { run } = await n8n.execute('wpE2eRedirectPost');
		expect(run.data.resultData.error.message).toBe(redirectError(308, 'Permanent Redirect'));
		expect(redirecting.received.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /v1/customers/cus_sandbox_1']);
		expect(target.received).toEqual([]);
	});

	// n8n 1.x applies a credential test's rules only to errors that carry the HTTP response (see
	// server.e2e.test.js): it shows axios's words. Either way the redirect is not followed.
	test.each([301, 302, 303, 307, 308])("the credential's Test button, the Base URL answering %i: the rule's message (n8n 1.x: its own words); the other port gets nothing", async (code) => {
		status = code;
		const data = { secretKey: KEY, environment: 'custom', baseUrl: redirecting.url };
		const saved = await n8n.rest('POST', '/rest/credentials', { name: `WooshPay redirect ${code}`, type: 'wooshPayApi', data });
		const result = await n8n.rest('POST', '/rest/credentials/test', { credentials: { id: saved.id, name: saved.name, type: 'wooshPayApi', data } });
		const rule = `The address answered ${code}, a redirect, which is not followed so that the key goes nowhere else. Check the Environment and, for Custom, the Base URL: it must be the address that answers the API itself.`;
		expect(JSON.stringify(result)).not.toContain(KEY);
		expect(result).toEqual({ status: 'Error', message: n8n1 ? `Request failed with status code ${code}` : rule });
		expect(redirecting.received).toEqual([{ method: 'GET', url: '/v1/balance', authorization: BASIC, idempotencyKey: undefined, body: '' }]);
		expect(target.received).toEqual([]);
	});

	const publishRefused = n8n1
		? 'the activation refused with the hint, the error with the node\'s words'
		: 'publishing fails (after n8n\'s 5 attempts) with the node\'s words';
	test(`publishing a WooshPay Trigger whose Base URL redirects: ${publishRefused}; nothing registered, the other port gets nothing`, async () => {
		const id = 'wpE2eRedirectTrigger';
		const { versionId, nodes } = await n8n.rest('GET', `/rest/workflows/${id}`);
		const message = `WooshPay answered 307 Temporary Redirect, a redirect to 127.0.0.1:${target.port}: not followed, nothing was sent there`;
		const listed = { method: 'GET', url: '/v1/webhook_endpoints?limit=100', authorization: BASIC, idempotencyKey: undefined, body: '' };
		if (n8n1) {
			// n8n 1.x runs the trigger's checkExists before it answers, and answers with the error's description (the node's hint).
			await expect(n8n.rest('POST', `/rest/workflows/${id}/activate`, { versionId })).rejects.toThrow(
				`answered 400: ${JSON.stringify({ code: 400, message: 'The node never follows a redirect, so that the secret key cannot reach another address. Check the Base URL of the WooshPay credential (for Custom, the address that answers the API itself, not one that forwards).' })}`,
			);
			expect(await n8n.rest('GET', `/rest/active-workflows/error/${id}`)).toBe(message);
			// checkExists lists the endpoints first: that one request is all the Base URL gets.
			expect(redirecting.received).toEqual([listed]);
		} else {
			// n8n 2.41 publishes after it answers, trying a failing trigger 5 times (1, 2, 4, 8 s apart).
			await n8n.rest('POST', `/rest/workflows/${id}/activate`, { versionId });
			const settled = await waitFor(
				'the publication to settle',
				async () => {
					const found = await n8n.rest('GET', `/rest/workflows/${id}/publication-status`);
					return found.status !== 'in_progress' && found;
				},
				90000,
			);
			const trigger = nodes.find((/** @type {{ type: string }} */ node) => node.type === 'n8n-nodes-wooshpay.wooshPayTrigger');
			expect({ status: settled.status, triggers: settled.triggers }).toEqual({ status: 'failed', triggers: [{ nodeId: trigger.id, status: 'failed', errorMessage: message }] });
			expect(redirecting.received).toEqual([listed, listed, listed, listed, listed]);
		}
		expect(target.received).toEqual([]);
		const workflow = await n8n.rest('GET', `/rest/workflows/${id}`);
		expect(JSON.stringify(workflow)).not.toContain(KEY);
		expect(workflow.staticData ?? null).toBeNull();
		if (n8n1) expect(workflow.active).toBe(false);
	});
});
