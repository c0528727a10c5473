/**
 * The end-to-end harness: a real n8n of a given line with this package installed from its
 * packed tarball (as a user's install from the Community Nodes panel), the WooshPay simulator
 * as its sandbox, and the means to drive it: the CLI (import, execute, publish), the server and
 * its REST API as the owner. test/e2e/editor.ts adds the editor in headless Chromium.
 *
 *   eachLine('my feature', (version) => {
 *     const n8n = useN8n(version, { workflows: [WORKFLOWS], server: true });
 *     test('...', async () => {
 *       const { run } = await n8n.execute('myWorkflowId');       // or n8n.rest('POST', '/rest/...')
 *       expectRequests(n8n.sim, [{ method: 'POST', path: '/v1/customers', body: {...} }]);
 *     });
 *   });
 *
 * The package must be built (`npm run test:e2e` builds it). Everything listens on free ports of
 * 127.0.0.1. Screenshots and n8n's server log go to test/e2e/screenshots/<version>/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import * as n8nScripts from '../../scripts/n8n';
import { freePorts } from '../../scripts/process';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startSimulator } = require('../simulator/simulator') as typeof import('../simulator/simulator');

export type Simulator = Awaited<ReturnType<typeof startSimulator>>;
/** The sandbox's issuing and payment objects, by ID. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { issuingOf } = require('../simulator/issuing') as { issuingOf: (sim: Simulator) => { limits: Map<string, Json>; cards: Map<string, Json> } };
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { paymentsOf } = require('../simulator/payments') as { paymentsOf: (sim: Simulator) => { paymentIntents: Map<string, Json>; refunds: Map<string, Json> } };
/** n8n's run data and REST answers: untyped JSON here. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export const ROOT = path.resolve(__dirname, '../..');
export const WORKFLOWS = path.join(__dirname, 'workflows');
export const EXAMPLES = path.join(ROOT, 'examples');
export const NODE_TYPE = 'n8n-nodes-wooshpay.wooshPay';
export const SANDBOX_KEY = 'sk_test_sandbox';
/** What the node sends as Idempotency-Key in a run with an execution ID: `n8n-` and a hash. */
export const IDEMPOTENCY_KEY = /^n8n-[0-9a-f]{40}$/;
/** n8n installs take minutes the first time (`npm run test:e2e` installs them before Jest). */
const SET_UP_TIMEOUT = 30 * 60000;

/** The node's documented fields ("Add Field" of "Update Fields"), by display name. */
export const EXPECTED_FIELDS = {
	customer: ['Address', 'Description', 'Email', 'Metadata', 'Name', 'Phone', 'Shipping'],
	cardholder: ['Billing Address', 'Company Tax ID Provided', 'Email', 'Individual', 'Metadata', 'Phone Number', 'Spending Controls', 'Status'],
	address: ['City', 'Country', 'Line 1', 'Line 2', 'Postal Code', 'State'],
	card: ['Cancellation Reason', 'Metadata', 'Status'],
};
/** Every resource (in the order of the Resource list) with its Operation options, in the order n8n shows them (alphabetical by name). */
export const EXPECTED_OPERATIONS = {
	balance: ['Get'],
	card: ['Get', 'Get Many', 'Get Remaining Limits', 'Update'],
	authorization: ['Get', 'Get Many'],
	transaction: ['Get', 'Get Many', 'Update'],
	cardholder: ['Create', 'Get', 'Get Many', 'Update'],
	charge: ['Get Many'],
	customer: ['Create', 'Get', 'Update'],
	event: ['Get'],
	paymentIntent: ['Create', 'Get', 'Get Many', 'Search'],
	refund: ['Create', 'Get'],
};

/** The n8n versions to run on: $WOOSHPAY_N8N_LINES (comma-separated), else every tested line. */
export const LINES = (process.env.WOOSHPAY_N8N_LINES || Object.keys(n8nScripts.LINES).join(','))
	.split(',')
	.map((v) => v.trim())
	.filter(Boolean);

/** A describe block per n8n line, named "n8n <version>: <name>". */
export function eachLine(name: string, fn: (version: string) => void) {
	describe.each(LINES)(`n8n %s: ${name}`, fn);
}

/** Screenshots and logs of one line. */
export function artifactsDir(version: string) {
	const dir = path.join(__dirname, 'screenshots', version);
	fs.mkdirSync(dir, { recursive: true });
	return dir;
}

export class N8n {
	runtime!: n8nScripts.Runtime;
	sim!: Simulator;
	userFolder = '';
	/** The server's address while it runs, e.g. http://127.0.0.1:41234. */
	url = '';
	private work = '';
	private cliEnv: NodeJS.ProcessEnv = {};
	private server?: Awaited<ReturnType<typeof n8nScripts.startN8n>>;
	private cookie = '';

	constructor(readonly version: string) {}

	/** A fresh user folder with the packed package installed, the simulator (seeded), the sandbox credential and `workflows` (folders of workflow JSON) imported. */
	async setUp({ workflows = [] }: { workflows?: string[] } = {}) {
		this.runtime = await n8nScripts.ensureN8n(this.version);
		this.work = fs.mkdtempSync(path.join(os.tmpdir(), `wooshpay-e2e-${this.version}-`));
		this.userFolder = path.join(this.work, 'user');
		await n8nScripts.installPackage(ROOT, this.userFolder, path.join(this.work, 'pack'));
		this.sim = await startSimulator({ seed: true });
		// CLI commands get ports of their own: a server may run beside them.
		const [port, brokerPort] = await freePorts(2);
		this.cliEnv = n8nScripts.n8nEnv(this.runtime, { userFolder: this.userFolder, port, brokerPort });
		await this.importCredentials([n8nScripts.sandboxCredential(this.sim.url)]);
		for (const dir of workflows) await this.cli(['import:workflow', '--separate', `--input=${dir}`]);
	}

	/** Runs an n8n CLI command (import:workflow, publish:workflow, ...) against this user folder. */
	cli(args: string[], options?: { check?: boolean }) {
		return n8nScripts.n8nCli(this.runtime, this.cliEnv, args, options);
	}

	/** Imports credentials given with plaintext `data` ({id, name, type, data}). */
	importCredentials(credentials: object[]) {
		return n8nScripts.importCredentials(this.runtime, this.cliEnv, path.join(this.work, `credentials-${Date.now()}.json`), credentials);
	}

	/** `n8n execute --id --rawOutput`: its exit code and the run it prints. */
	async execute(id: string): Promise<{ code: number | null; run: Json }> {
		const { code, stdout, output } = await this.cli(['execute', `--id=${id}`, '--rawOutput'], { check: false });
		const start = stdout.search(/^\{/m);
		if (start < 0) throw new Error(`n8n execute --id=${id} printed no run (exit code ${code}):\n${output.slice(-3000)}`);
		// The run is printed indented; when it failed, n8n 1.x prints the error after it.
		const end = stdout.indexOf('\n}', start);
		return { code, run: JSON.parse(stdout.slice(start, end < 0 ? undefined : end + 2)) };
	}

	/**
	 * Starts `n8n start` and logs in as the owner (created on first start). `port`: listen there
	 * (to restart on the same address; n8n keeps the webhooks it registered across restarts).
	 */
	async startServer({ port: samePort }: { port?: number } = {}) {
		const [freePort, brokerPort] = await freePorts(2);
		const port = samePort ?? freePort;
		const log = path.join(artifactsDir(this.version), 'n8n-server.log');
		fs.appendFileSync(log, `\n==== ${expect.getState().testPath ?? ''} ${new Date().toISOString()}\n`);
		this.server = await n8nScripts.startN8n(
			this.runtime,
			n8nScripts.n8nEnv(this.runtime, { userFolder: this.userFolder, port, brokerPort }),
			{ onOutput: (text) => fs.appendFileSync(log, text) },
		);
		this.url = this.server.url;
		({ cookie: this.cookie } = await n8nScripts.logIn(this.url));
	}

	async stopServer() {
		await this.server?.stop();
		this.server = undefined;
		this.url = '';
	}

	/** A REST call as the logged-in owner; resolves with the answer's `data`, rejects unless 2xx. */
	rest(method: string, route: string, body?: unknown): Promise<Json> {
		return n8nScripts.rest(this.url, this.cookie, method, route, body);
	}

	async tearDown() {
		await this.stopServer();
		await this.sim?.close();
		if (this.work && !process.env.WOOSHPAY_E2E_KEEP) fs.rmSync(this.work, { recursive: true, force: true });
	}
}

/** An n8n of `version` for the enclosing describe block: set up before its tests, torn down after. */
export function useN8n(version: string, options: { workflows?: string[]; server?: boolean } = {}) {
	const n8n = new N8n(version);
	beforeAll(async () => {
		await n8n.setUp(options);
		if (options.server) await n8n.startServer();
	}, SET_UP_TIMEOUT);
	afterAll(() => n8n.tearDown(), 60000);
	return n8n;
}

/** JSON with object keys sorted, so that key order does not matter. */
const canonical = (value: unknown) =>
	JSON.stringify(value, (_key, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v));

export interface ExpectedRequest {
	method: string;
	path: string;
	/** default: none */
	query?: Record<string, string>;
	/** default: none */
	body?: Json;
}

/**
 * Checks the requests the sandbox received, exactly and in any order (items of one node, and
 * parallel branches, are sent at once): method, path, query and JSON body; HTTP Basic auth with
 * the sandbox key on every request; on every POST a JSON content type and an Idempotency-Key of
 * its own, but for the WooshPay Trigger's endpoint calls (sent once, without retries: no key);
 * on no GET an Idempotency-Key. Returns the requests in the order they arrived.
 */
export function expectRequests(sim: Simulator, expected: ExpectedRequest[]) {
	const shape = (r: ExpectedRequest) => ({ method: r.method, path: r.path, query: r.query ?? {}, body: r.body ?? null });
	const sorted = (list: ExpectedRequest[]) => list.map(shape).sort((a, b) => canonical(a).localeCompare(canonical(b)));
	expect(sorted(sim.requests)).toEqual(sorted(expected));
	const keyed = (r: Simulator['requests'][number]) => r.method === 'POST' && !r.path.startsWith('/v1/webhook_endpoints');
	const keys = sim.requests.filter(keyed).map((r) => r.headers['idempotency-key']);
	for (const r of sim.requests) {
		expect({ request: `${r.method} ${r.path}`, authorization: r.headers.authorization }).toEqual({
			request: `${r.method} ${r.path}`,
			authorization: `Basic ${Buffer.from(`${SANDBOX_KEY}:`).toString('base64')}`,
		});
		if (r.method === 'POST') expect(r.headers['content-type']).toMatch(/^application\/json/);
		if (keyed(r)) {
			expect(r.headers['idempotency-key']).toMatch(IDEMPOTENCY_KEY);
		} else {
			expect(r.headers['idempotency-key']).toBeUndefined();
		}
	}
	expect(new Set(keys).size).toBe(keys.length);
	return [...sim.requests];
}

/** Checks that a run printed by `n8n execute` succeeded, showing its error otherwise. */
export function expectSuccess({ code, run }: { code: number | null; run: Json }) {
	expect({ status: run.status, error: run.data?.resultData?.error?.message, code }).toEqual({ status: 'success', error: undefined, code: 0 });
}

/** The output items (their `json`) of a node in a run. */
export function nodeOutput(run: Json, nodeName: string): Json[] {
	const runs = run.data?.resultData?.runData?.[nodeName];
	if (!runs?.length) throw new Error(`the run has no data for node "${nodeName}"`);
	return (runs[runs.length - 1].data?.main?.[0] ?? []).map((item: Json) => item.json);
}

/** What test/e2e/workflows/every-new-operation.json sends, wherever it runs (`n8n execute`, the editor). */
export const EVERY_NEW_OPERATION_REQUESTS: ExpectedRequest[] = [
	{ method: 'GET', path: '/v1/issuing/cards', query: { limit: '100', cardholder: 'ich_sandbox_1' } },
	{ method: 'GET', path: '/v1/issuing/cards/ic_sandbox_3' },
	{ method: 'GET', path: '/v1/issuing/cards/ic_sandbox_1/limits' },
	{ method: 'GET', path: '/v1/issuing/authorizations', query: { limit: '2' } },
	{ method: 'GET', path: '/v1/issuing/authorizations/iauth_sandbox_3' },
	{ method: 'GET', path: '/v1/issuing/transactions', query: { limit: '100', card: 'ic_sandbox_1' } },
	{ method: 'GET', path: '/v1/issuing/transactions/ipi_sandbox_3' },
	{ method: 'POST', path: '/v1/issuing/transactions/ipi_sandbox_1', body: { metadata: '{"gl_code":"6200"}' } },
	{ method: 'POST', path: '/v1/payment_intents', body: { amount: 4200, currency: 'EUR', customer: 'cus_sandbox_2', merchant_order_id: 'order_2001' } },
	{ method: 'GET', path: '/v1/payment_intents', query: { limit: '2' } },
	{ method: 'GET', path: '/v1/payment_intents/search', query: { query: "merchant_order_id:'order_1002'", limit: '10' } },
	{ method: 'GET', path: '/v1/payment_intents/pi_sandbox_2' },
	{ method: 'GET', path: '/v1/refunds/re_sandbox_1' },
	{ method: 'GET', path: '/v1/charges/list', query: { limit: '100', customer: 'cus_sandbox_1' } },
	{ method: 'GET', path: '/v1/balance' },
	{ method: 'GET', path: '/v1/events/evt_sandbox_1' },
];

/** The sandbox's cardholder ids as Get Many returns them: newest first. */
export function cardholderIdsNewestFirst(sim: Simulator): string[] {
	return [...sim.cardholders.values()].sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1)).map((c) => c.id);
}
