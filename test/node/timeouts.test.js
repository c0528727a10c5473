// @ts-check
'use strict';

const net = require('node:net');

const { runListSearch, runNode } = require('../harness/engine');
const { AUTHORIZATION, SECRET_KEY, byId } = require('../harness/fixtures');
const { TriggerHarness } = require('../harness/trigger');

/**
 * Issue 16, finding 3: nothing waits for ever. Against a server that accepts the connection,
 * reads the request and never answers, the trigger's endpoint calls and the From List searches
 * end after 30 seconds with "no answer came in time", and so do the node's requests when n8n's
 * Request Options → Timeout (the node's Settings) is not set; when it is set, its value applies.
 *
 * 30 seconds is the design (transport.ts: OUTSIDE_TIMEOUT_MS, options.ts: DEFAULT_TIMEOUT_MS),
 * so the tests that wait for it run side by side (test.concurrent: five at once, Jest's
 * maxConcurrency) and the file takes about 30 seconds. Each has a Jest timeout of 45 seconds:
 * without a timeout of its own (the code before the fix) it would wait until Jest gives up.
 */

/** A server that takes every connection and request and never answers; it keeps what arrived. */
class SilentServer {
	/** The head of each request that arrived: its request line and headers. @type {Array<{ line: string; headers: Record<string, string> }>} */
	requests = [];

	/** @private @type {Set<net.Socket>} */
	sockets = new Set();

	/** @private */
	server = net.createServer((socket) => {
		this.sockets.add(socket);
		let head = '';
		socket.on('data', (chunk) => {
			const before = head.length;
			head += chunk.toString('latin1');
			const end = head.indexOf('\r\n\r\n');
			if (end >= 0 && before <= end) {
				const [line, ...rest] = head.slice(0, end).split('\r\n');
				this.requests.push({ line, headers: Object.fromEntries(rest.map((h) => [h.slice(0, h.indexOf(':')).toLowerCase(), h.slice(h.indexOf(':') + 1).trim()])) });
			}
		});
		socket.on('close', () => this.sockets.delete(socket));
	});

	url = '';

	async listen() {
		await /** @type {Promise<void>} */ (new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve)));
		this.url = `http://127.0.0.1:${/** @type {net.AddressInfo} */ (this.server.address()).port}`;
		return this;
	}

	/** The request lines that arrived with the WooshPay credential's Basic auth. */
	lines() {
		return this.requests.filter((r) => r.headers.authorization === AUTHORIZATION).map((r) => r.line);
	}

	async close() {
		for (const socket of this.sockets) socket.destroy();
		await /** @type {Promise<void>} */ (new Promise((resolve) => this.server.close(() => resolve())));
	}
}

/** Each test's own silent server, so that the tests running side by side do not mix their requests. */
const servers = /** @type {SilentServer[]} */ ([]);
const silent = async () => {
	const server = await new SilentServer().listen();
	servers.push(server);
	return server;
};
const harnesses = /** @type {TriggerHarness[]} */ ([]);
afterAll(async () => {
	await Promise.all(servers.map(async (server) => await server.close()));
	await Promise.all(harnesses.map(async (harness) => await harness.close()));
});

/** @param {SilentServer} server */
const credentials = (server) => ({ secretKey: SECRET_KEY, environment: 'custom', baseUrl: server.url });
/** @param {SilentServer} server */
const noAnswer = (server, item = '') => `Could not reach WooshPay at ${server.url}: no answer came in time${item}`;
/** @param {SilentServer} server */
const trigger = async (server) => {
	const harness = await TriggerHarness.start({ credentials: credentials(server), parameters: { events: ['payment_intent.succeeded'] } });
	harnesses.push(harness);
	return harness;
};

const WAIT = 45_000;

test('the node’s request with Settings → Request Options → Timeout set (1 s) ends after that, not after 30 s', async () => {
	const server = await silent();
	const result = await runNode({
		parameters: { resource: 'customer', operation: 'get', customerId: byId('cus_sandbox_1'), options: { maxRetries: 0 }, requestOptions: { timeout: 1000 } },
		credentials: credentials(server),
	});
	expect(result.error?.message).toBe(noAnswer(server, ' [item 0]'));
	expect(result.error?.description).toContain('raise the timeout in the node settings (Request Options → Timeout)');
	expect(server.lines()).toEqual(['GET /v1/customers/cus_sandbox_1 HTTP/1.1']);
}, 10_000);

describe('30 seconds at most, side by side', () => {
	test.concurrent(
		'the node’s request without a Timeout in the Settings ends after the 30 s default, not n8n’s 5 minutes',
		async () => {
			const server = await silent();
			const result = await runNode({
				parameters: { resource: 'customer', operation: 'get', customerId: byId('cus_sandbox_1'), options: { maxRetries: 0 } },
				credentials: credentials(server),
			});
			expect(result.error?.message).toBe(noAnswer(server, ' [item 0]'));
			expect(server.lines()).toEqual(['GET /v1/customers/cus_sandbox_1 HTTP/1.1']);
		},
		WAIT,
	);

	test.concurrent(
		'a From List search ends with "no answer came in time"',
		async () => {
			const server = await silent();
			const error = await runListSearch({ credentials: credentials(server) }, 'searchCardholders').catch((/** @type {unknown} */ e) => e);
			expect(error).toMatchObject({ message: noAnswer(server) });
			expect(server.lines()).toEqual(['GET /v1/issuing/cardholders?limit=50 HTTP/1.1']);
		},
		WAIT,
	);

	/** @typedef {import('../harness/trigger').TriggerHarness} Harness */
	const RECORD = { endpointId: 'we_silent', signingSecret: 'whsec_silent' };
	test.concurrent.each(/** @type {Array<[string, (h: Harness) => Promise<unknown>, string, string, object | undefined]>} */ ([
		['publishing (checkExists: the list of endpoints)', async (h) => await h.publish(), 'GET /v1/webhook_endpoints?limit=100 HTTP/1.1', '', undefined],
		['registering (create: POST /v1/webhook_endpoints)', async (h) => await h.lifecycle('create'), 'POST /v1/webhook_endpoints HTTP/1.1', '', undefined],
		[
			'unpublishing (delete), the "delete it in the dashboard" error',
			async (h) => await h.unpublish(),
			'DELETE /v1/webhook_endpoints/we_silent HTTP/1.1',
			'Could not delete the WooshPay webhook endpoint we_silent: ',
			RECORD,
		],
	]))(
		'%s ends with "no answer came in time"; n8n keeps what it had',
		async (_call, call, line, prefix, record) => {
			const server = await silent();
			const h = await trigger(server);
			if (record) h.staticData = { 'node:WooshPay Trigger': record };
			await expect(call(h)).rejects.toMatchObject({ message: `${prefix}${noAnswer(server)}` });
			expect(server.lines()).toEqual([line]);
			expect(h.nodeStaticData()).toEqual(record);
		},
		WAIT,
	);
});
