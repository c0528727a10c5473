// @ts-check
'use strict';

/**
 * The end-to-end harness: a real n8n of a given line with this package installed from its
 * packed tarball (as a user's install from the Community Nodes panel), the WooshPay simulator
 * as its sandbox, and the means to drive it: the CLI (import, execute, publish), the server and
 * its REST API as the owner. test/e2e/editor.js adds the editor in headless Chromium.
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
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const n8nScripts = require('../../scripts/n8n');
const { freePorts } = require('../../scripts/process');

const { startSimulator } = require('../simulator/simulator');

/** @typedef {Awaited<ReturnType<typeof startSimulator>>} Simulator */
/** @typedef {import('../simulator/simulator').SimulatorOptions} SimulatorOptions */
/** The sandbox's objects (issuing, payments, disputes, payouts, payment methods, billing), by ID. */
const { issuingOf } = /** @type {{ issuingOf: (sim: Simulator) => { limits: Map<string, Json>; cards: Map<string, Json> } }} */ (require('../simulator/issuing'));
const { paymentsOf } = /** @type {{ paymentsOf: (sim: Simulator) => { paymentIntents: Map<string, Json>; refunds: Map<string, Json>; charges: Map<string, Json>; balance: Json } }} */ (require('../simulator/payments'));
const { disputesOf } = /** @type {{ disputesOf: (sim: Simulator) => { disputes: Map<string, Json>; files: Map<string, Json> } }} */ (require('../simulator/disputes'));
const { payoutsOf } = /** @type {{ payoutsOf: (sim: Simulator) => { payouts: Map<string, Json>; beneficiaries: Map<string, Json>; fxQuotes: Map<string, Json> } }} */ (require('../simulator/payouts'));
const { paymentMethodsOf } = /** @type {{ paymentMethodsOf: (sim: Simulator) => { paymentMethods: Map<string, Json>; setupIntents: Map<string, Json> } }} */ (require('../simulator/payment-methods'));
const { billingOf } = /** @type {{ billingOf: (sim: Simulator) => Record<'products' | 'prices' | 'coupons' | 'promotionCodes' | 'subscriptions' | 'subscriptionItems' | 'invoices' | 'paymentLinks', Map<string, Json>> }} */ (require('../simulator/billing'));
/**
 * n8n's run data and REST answers: untyped JSON here.
 * @typedef {any} Json
 */

const ROOT = path.resolve(__dirname, '../..');
const WORKFLOWS = path.join(__dirname, 'workflows');
const EXAMPLES = path.join(ROOT, 'examples');
const NODE_TYPE = 'n8n-nodes-wooshpay.wooshPay';
const SANDBOX_KEY = 'sk_test_sandbox';
/** What the node sends as Idempotency-Key in a run with an execution ID: `n8n-` and a hash. */
const IDEMPOTENCY_KEY = /^n8n-[0-9a-f]{40}$/;
/** n8n installs take minutes the first time (`npm run test:e2e` installs them before Jest). */
const SET_UP_TIMEOUT = 30 * 60000;

/** The node's documented fields ("Add Field" of "Update Fields"), by display name. */
const EXPECTED_FIELDS = {
	customer: ['Address', 'Description', 'Email', 'Metadata', 'Name', 'Phone', 'Shipping'],
	cardholder: ['Billing Address', 'Company Tax ID Provided', 'Email', 'Individual', 'Metadata', 'Phone Number', 'Spending Controls', 'Status'],
	address: ['City', 'Country', 'Line 1', 'Line 2', 'Postal Code', 'State'],
	card: ['Cancellation Reason', 'Metadata', 'Status'],
};
/** Every resource (in the order of the Resource list) with its Operation options, in the order n8n shows them (alphabetical by name). */
const EXPECTED_OPERATIONS = {
	balance: ['Get'],
	beneficiary: ['Get'],
	card: ['Get', 'Get Many', 'Get Remaining Limits', 'Update'],
	authorization: ['Get', 'Get Many'],
	transaction: ['Get', 'Get Many', 'Update'],
	cardholder: ['Create', 'Get', 'Get Many', 'Update'],
	charge: ['Get', 'Get Many'],
	coupon: ['Create', 'Get'],
	customer: ['Create', 'Get', 'Update'],
	dispute: ['Close', 'Get Many'],
	event: ['Get'],
	file: ['Get'],
	fxQuote: ['Create'],
	invoice: ['Get Many'],
	paymentIntent: ['Cancel', 'Capture', 'Confirm', 'Create', 'Get', 'Get Many', 'Search', 'Update'],
	paymentLink: ['Get'],
	paymentMethod: ['Attach to Customer', 'Create', 'Get Many'],
	payout: ['Create', 'Update'],
	price: ['Create', 'Get', 'Update'],
	product: ['Create', 'Get'],
	promotionCode: ['Create'],
	refund: ['Create', 'Get'],
	setupIntent: ['Confirm', 'Update'],
	subscription: ['Create'],
	subscriptionItem: ['Create'],
	webhookEndpoint: ['Get', 'Get Many'],
};
/** The node's own Options (Options → Add Option), in the order n8n shows them. */
const EXPECTED_OPTIONS = ['Idempotency Key', 'Max Parallel Requests', 'Max Requests per Second', 'Max Retries', 'Retry Money Movements After Unclear Failures'];
/** n8n's Request Options, which its loader adds to every declarative node's Settings tab (Settings → Request Options → Add Option). */
const EXPECTED_REQUEST_OPTIONS = ['Batching', 'Ignore SSL Issues (Insecure)', 'Proxy', 'Timeout'];
/** The fields Simplify keeps of a payment intent (Get, Get Many, Search; on by default), in this order. */
const SIMPLIFIED_PAYMENT_INTENT = ['id', 'status', 'amount', 'currency', 'amount_capturable', 'amount_received', 'customer', 'merchant_order_id', 'payment_method_types', 'created'];
/** The fields Simplify keeps of a charge (Get, Get Many), in this order: those of them the charge has. */
const SIMPLIFIED_CHARGE = ['id', 'status', 'amount', 'amount_refunded', 'currency', 'captured', 'payment_intent', 'customer', 'failure_message', 'created'];

/** The fields Simplify keeps of a dispute (Get Many; on by default), in this order: `evidence_due_by` is `evidence_details.due_by`. */
const SIMPLIFIED_DISPUTE = ['id', 'status', 'amount', 'currency', 'reason', 'charge', 'payment_intent', 'evidence_due_by', 'is_charge_refundable', 'created'];

/** The n8n versions to run on: $WOOSHPAY_N8N_LINES (comma-separated), else every tested line. */
const LINES = (process.env.WOOSHPAY_N8N_LINES || Object.keys(n8nScripts.LINES).join(','))
	.split(',')
	.map((v) => v.trim())
	.filter(Boolean);

/**
 * A describe block per n8n line, named "n8n <version>: <name>".
 * @param {string} name
 * @param {(version: string) => void} fn
 */
function eachLine(name, fn) {
	describe.each(LINES)(`n8n %s: ${name}`, fn);
}

/**
 * Screenshots and logs of one line.
 * @param {string} version
 */
function artifactsDir(version) {
	const dir = path.join(__dirname, 'screenshots', version);
	fs.mkdirSync(dir, { recursive: true });
	return dir;
}

class N8n {
	/** Set by setUp() (TypeScript's definite assignment: undefined until then). */
	runtime = /** @type {n8nScripts.Runtime} */ (/** @type {unknown} */ (undefined));
	/** Set by setUp(). */
	sim = /** @type {Simulator} */ (/** @type {unknown} */ (undefined));
	userFolder = '';
	/** The server's address while it runs, e.g. http://127.0.0.1:41234. */
	url = '';
	/** @private */
	work = '';
	/** @private @type {NodeJS.ProcessEnv} */
	cliEnv = {};
	/** @private @type {Awaited<ReturnType<typeof n8nScripts.startN8n>> | undefined} */
	server;
	/** @private */
	cookie = '';

	/** @readonly @type {string} */
	version;

	/** @param {string} version */
	constructor(version) {
		this.version = version;
	}

	/**
	 * A fresh user folder with the packed package installed, the simulator (seeded), the sandbox
	 * credential and `workflows` (folders of workflow JSON) imported. `simulator`: options of the
	 * simulator over the default `{seed: true}`, such as `{seed: 'sandbox', events: false}` for the
	 * sandbox of `npm run dev` (pi_sandbox_5..8) without the lifecycle's events.
	 * @param {{ workflows?: string[]; simulator?: SimulatorOptions }} [root0]
	 */
	async setUp({ workflows = [], simulator = {} } = {}) {
		this.runtime = await n8nScripts.ensureN8n(this.version);
		this.work = fs.mkdtempSync(path.join(os.tmpdir(), `wooshpay-e2e-${this.version}-`));
		this.userFolder = path.join(this.work, 'user');
		await n8nScripts.installPackage(ROOT, this.userFolder, path.join(this.work, 'pack'));
		this.sim = await startSimulator({ seed: true, ...simulator });
		// CLI commands get ports of their own: a server may run beside them.
		const [port, brokerPort] = await freePorts(2);
		this.cliEnv = n8nScripts.n8nEnv(this.runtime, { userFolder: this.userFolder, port, brokerPort });
		await this.importCredentials([n8nScripts.sandboxCredential(this.sim.url)]);
		for (const dir of workflows) await this.cli(['import:workflow', '--separate', `--input=${dir}`]);
	}

	/**
	 * Runs an n8n CLI command (import:workflow, publish:workflow, ...) against this user folder.
	 * @param {string[]} args
	 * @param {{ check?: boolean }} [options]
	 */
	cli(args, options) {
		return n8nScripts.n8nCli(this.runtime, this.cliEnv, args, options);
	}

	/**
	 * Imports credentials given with plaintext `data` ({id, name, type, data}).
	 * @param {object[]} credentials
	 */
	importCredentials(credentials) {
		return n8nScripts.importCredentials(this.runtime, this.cliEnv, path.join(this.work, `credentials-${Date.now()}.json`), credentials);
	}

	/**
	 * `n8n execute --id --rawOutput`: its exit code and the run it prints.
	 * @param {string} id
	 * @returns {Promise<{ code: number | null; run: Json }>}
	 */
	async execute(id) {
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
	 * @param {{ port?: number }} [root0]
	 */
	async startServer({ port: samePort } = {}) {
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

	/**
	 * A REST call as the logged-in owner; resolves with the answer's `data`, rejects unless 2xx.
	 * @param {string} method
	 * @param {string} route
	 * @param {unknown} [body]
	 * @returns {Promise<Json>}
	 */
	rest(method, route, body) {
		return n8nScripts.rest(this.url, this.cookie, method, route, body);
	}

	async tearDown() {
		await this.stopServer();
		await this.sim?.close();
		if (this.work && !process.env.WOOSHPAY_E2E_KEEP) fs.rmSync(this.work, { recursive: true, force: true });
	}
}

/**
 * An n8n of `version` for the enclosing describe block: set up before its tests, torn down after.
 * `workflows` and `simulator` as N8n.setUp takes them; `server`: start `n8n start` too.
 * @param {string} version
 * @param {{ workflows?: string[]; server?: boolean; simulator?: SimulatorOptions }} [options]
 */
function useN8n(version, options = {}) {
	const n8n = new N8n(version);
	beforeAll(async () => {
		await n8n.setUp(options);
		if (options.server) await n8n.startServer();
	}, SET_UP_TIMEOUT);
	afterAll(() => n8n.tearDown(), 60000);
	return n8n;
}

/**
 * JSON with object keys sorted, so that key order does not matter.
 * @param {unknown} value
 */
const canonical = (value) =>
	JSON.stringify(value, (_key, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v));

/**
 * @typedef {object} ExpectedRequest
 * @property {string} method
 * @property {string} path
 * @property {Record<string, string>} [query] default: none
 * @property {Json} [body] default: none
 * @property {string} [idempotencyKey] the workflow's own Idempotency Key (Options → Idempotency
 *   Key); default: the key n8n's run derives (IDEMPOTENCY_KEY) on a POST
 */

/**
 * Checks the requests the sandbox received, exactly and in any order (items of one node, and
 * parallel branches, are sent at once): method, path, query and JSON body; HTTP Basic auth with
 * the sandbox key on every request; on every POST a JSON content type and an Idempotency-Key:
 * exactly the one an expected request names (`idempotencyKey`, a workflow's own, which may
 * repeat as often as the expected requests name it), else one derived for it alone (every such
 * key different); but for the WooshPay Trigger's endpoint calls (sent once, without retries: no
 * key); on no GET an Idempotency-Key. Returns the requests in the order they arrived.
 * @param {Simulator} sim
 * @param {ExpectedRequest[]} expected
 */
function expectRequests(sim, expected) {
	/** @param {Simulator['requests'][number]} r */
	const keyed = (r) => r.method === 'POST' && !r.path.startsWith('/v1/webhook_endpoints');
	/**
	 * A POST's key when it is not one n8n derived: the workflow's own (or a wrong one), compared below.
	 * @param {Simulator['requests'][number]} r
	 */
	const ownKey = (r) => {
		const key = r.headers['idempotency-key'];
		return keyed(r) && typeof key === 'string' && !IDEMPOTENCY_KEY.test(key) ? key : undefined;
	};
	/** @param {ExpectedRequest} r */
	const shape = (r) => ({ method: r.method, path: r.path, query: r.query ?? {}, body: r.body ?? null, idempotencyKey: r.idempotencyKey ?? null });
	/** @param {ExpectedRequest[]} list */
	const sorted = (list) => list.map(shape).sort((a, b) => canonical(a).localeCompare(canonical(b)));
	expect(sorted(sim.requests.map((r) => ({ ...r, idempotencyKey: ownKey(r) })))).toEqual(sorted(expected));
	const derivedKeys = sim.requests.filter((r) => keyed(r) && ownKey(r) === undefined).map((r) => r.headers['idempotency-key']);
	for (const r of sim.requests) {
		expect({ request: `${r.method} ${r.path}`, authorization: r.headers.authorization }).toEqual({
			request: `${r.method} ${r.path}`,
			authorization: `Basic ${Buffer.from(`${SANDBOX_KEY}:`).toString('base64')}`,
		});
		if (r.method === 'POST') expect(r.headers['content-type']).toMatch(/^application\/json/);
		if (!keyed(r)) {
			expect(r.headers['idempotency-key']).toBeUndefined();
		} else if (ownKey(r) === undefined) {
			// (An own key has been compared with the expected request's above.)
			expect(r.headers['idempotency-key']).toMatch(IDEMPOTENCY_KEY);
		}
	}
	expect(new Set(derivedKeys).size).toBe(derivedKeys.length);
	return [...sim.requests];
}

/**
 * Checks that a run printed by `n8n execute` succeeded, showing its error otherwise.
 * @param {{ code: number | null; run: Json }} root0
 */
function expectSuccess({ code, run }) {
	expect({ status: run.status, error: run.data?.resultData?.error?.message, code }).toEqual({ status: 'success', error: undefined, code: 0 });
}

/**
 * The output items (their `json`) of a node in a run.
 * @param {Json} run
 * @param {string} nodeName
 * @returns {Json[]}
 */
function nodeOutput(run, nodeName) {
	const runs = run.data?.resultData?.runData?.[nodeName];
	if (!runs?.length) throw new Error(`the run has no data for node "${nodeName}"`);
	return (runs[runs.length - 1].data?.main?.[0] ?? []).map((/** @type {Json} */ item) => item.json);
}

/**
 * What test/e2e/workflows/every-new-operation.json sends, wherever it runs (`n8n execute`, the editor).
 * @type {ExpectedRequest[]}
 */
const EVERY_NEW_OPERATION_REQUESTS = [
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

/**
 * A call to the sandbox's API or its /_sandbox/ routes, with the sandbox key: a GET, or with
 * `body` a POST. Resolves with the answer's JSON, rejects unless 2xx.
 * @param {Simulator} sim
 * @param {string} route
 * @param {object} [body]
 * @returns {Promise<Json>}
 */
async function callSandbox(sim, route, body) {
	const res = await fetch(`${sim.url}${route}`, {
		method: body === undefined ? 'GET' : 'POST',
		headers: { authorization: `Basic ${Buffer.from(`${SANDBOX_KEY}:`).toString('base64')}`, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const json = await res.json();
	if (!res.ok) throw new Error(`${route} answered ${res.status}: ${JSON.stringify(json)}`);
	return json;
}

/**
 * @typedef {object} Issue20Objects  what every-issue-20-operation.json makes at the sandbox
 * @property {Json} paid          the payment intent created, updated and confirmed (order_4001)
 * @property {Json} unpaid        the payment intent created and canceled (order_4002)
 * @property {Json} card          the payment method created and attached to cus_sandbox_2
 * @property {Json} product
 * @property {Json} price         the product's monthly price
 * @property {Json} subscription  cus_sandbox_1's
 * @property {Json} item          the price added to the subscription
 * @property {Json} coupon
 * @property {Json} promotion     the coupon's promotion code
 * @property {Json} quote         the FX quote
 * @property {Json} endpoint      the webhook endpoint the scene registered (not the run)
 */

/**
 * Sets the sandbox up for test/e2e/workflows/every-issue-20-operation.json, wherever it runs
 * (`n8n execute`, the editor): one webhook endpoint registered (for Webhook Endpoint → Get Many
 * and Get), and what the sandbox holds noted, so that `made()`, after the run, finds each object
 * the run made (exactly one of each).
 * @param {Simulator} sim
 */
async function everyIssue20OperationScene(sim) {
	const endpoint = await callSandbox(sim, '/v1/webhook_endpoints', { url: 'https://example.com/hooks/wooshpay', enabled_events: ['payout.created'] });
	const { paymentIntents } = paymentsOf(sim);
	const { paymentMethods } = paymentMethodsOf(sim);
	const { fxQuotes } = payoutsOf(sim);
	const billing = billingOf(sim);
	const stores = [paymentIntents, paymentMethods, billing.products, billing.prices, billing.coupons, billing.promotionCodes, billing.subscriptions, billing.subscriptionItems, fxQuotes];
	const before = new Set(stores.flatMap((store) => [...store.keys()]));
	/**
	 * The one object of `store` that the run made and that has `fields`.
	 * @param {Map<string, Json>} store @param {Json} [fields]
	 */
	const one = (store, fields = {}) => {
		const found = [...store.values()].filter((o) => !before.has(o.id) && Object.entries(fields).every(([k, v]) => o[k] === v));
		expect({ fields, found: found.length }).toEqual({ fields, found: 1 });
		return found[0];
	};
	/** @returns {Issue20Objects} */
	const made = () => {
		const product = one(billing.products, { name: 'Gift wrapping' });
		const subscription = one(billing.subscriptions, { customer: 'cus_sandbox_1' });
		const coupon = one(billing.coupons, { name: 'Spring sale' });
		return {
			paid: one(paymentIntents, { merchant_order_id: 'order_4001' }),
			unpaid: one(paymentIntents, { merchant_order_id: 'order_4002' }),
			// (Confirm's Payment Method Data makes a payment method too, of no customer.)
			card: one(paymentMethods, { customer: 'cus_sandbox_2' }),
			product,
			price: one(billing.prices, { product: product.id }),
			subscription,
			item: one(billing.subscriptionItems, { subscription: subscription.id, quantity: 2 }),
			coupon,
			promotion: one(billing.promotionCodes, { code: 'SPRING15' }),
			quote: one(fxQuotes),
			endpoint,
		};
	};
	return { made };
}

/**
 * What test/e2e/workflows/every-issue-20-operation.json sends, wherever it runs, given what it made.
 * @param {Issue20Objects} made
 * @returns {ExpectedRequest[]}
 */
function everyIssue20OperationRequests({ paid, unpaid, card, product, price, subscription, coupon, endpoint }) {
	return [
		{ method: 'POST', path: '/v1/payment_intents', body: { amount: 3000, currency: 'GBP', customer: 'cus_sandbox_3', merchant_order_id: 'order_4001' } },
		{ method: 'POST', path: `/v1/payment_intents/${paid.id}`, body: { description: 'Order 4001, gift wrapped', metadata: { gift: 'yes' } } },
		{ method: 'POST', path: `/v1/payment_intents/${paid.id}/confirm`, body: { payment_method_data: { type: 'card', billing_details: { name: 'Alan Turing' } } } },
		{ method: 'POST', path: '/v1/payment_intents', body: { amount: 1500, currency: 'USD', merchant_order_id: 'order_4002' } },
		{ method: 'POST', path: `/v1/payment_intents/${unpaid.id}/cancel`, body: { cancellation_reason: 'Order not paid within 24 hours' } },
		{ method: 'GET', path: '/v1/charges/ch_sandbox_1' },
		{ method: 'GET', path: '/v1/disputes/list', query: { limit: '100', charge: 'ch_sandbox_3' } },
		{
			method: 'POST',
			path: '/v1/payment_methods',
			body: { type: 'card', billing_details: { address: { country: 'US' }, email: 'grace@example.com', name: 'Grace Hopper' }, metadata: { source: 'e2e' } },
		},
		{ method: 'POST', path: `/v1/payment_methods/${card.id}/attach`, body: { customer: 'cus_sandbox_2' } },
		{ method: 'GET', path: '/v1/customers/cus_sandbox_2/payment_methods', query: { limit: '100', type: 'card' } },
		{ method: 'POST', path: '/v1/setup_intents/seti_sandbox_1', body: { payment_method: 'pm_sandbox_1', description: "Ada's card for renewals" } },
		{ method: 'POST', path: '/v1/setup_intents/seti_sandbox_1/confirm', body: { return_url: 'https://shop.example.com/card-saved', usage: 'off_session' } },
		{ method: 'POST', path: '/v1/payouts/po_sandbox_2', body: { metadata: { batch: '2026-05' } } },
		{ method: 'GET', path: '/v1/beneficiaries/bf_sandbox_2' },
		{ method: 'POST', path: '/v1/products', body: { name: 'Gift wrapping', description: 'Wrapped by hand', metadata: { sku: 'GW-1' } } },
		// unit_amount as text, and price and subscription metadata as JSON text: as the pages type them.
		{ method: 'POST', path: '/v1/prices', body: { product: product.id, currency: 'USD', unit_amount: '500', nickname: 'Gift wrapping, monthly', recurring: { interval: 'month' } } },
		{ method: 'POST', path: `/v1/prices/${price.id}`, body: { nickname: 'Gift wrap club', metadata: '{"tier":"club"}' } },
		{ method: 'GET', path: `/v1/prices/${price.id}` },
		{ method: 'POST', path: '/v1/subscriptions', body: { customer: 'cus_sandbox_1', items: [{ price: 'price_sandbox_2', quantity: 1 }], metadata: '{"plan":"pro"}' } },
		{ method: 'POST', path: '/v1/subscription_items', body: { subscription: subscription.id, price: price.id, quantity: 2 } },
		{ method: 'GET', path: '/v1/products/prod_sandbox_1' },
		{ method: 'POST', path: '/v1/coupons', body: { percent_off: 15, duration: 'once', name: 'Spring sale' } },
		{ method: 'POST', path: '/v1/promotion_code', body: { coupon: coupon.id, code: 'SPRING15', max_redemptions: 100 } },
		{ method: 'GET', path: '/v1/coupons/coupon_sandbox_2' },
		{ method: 'GET', path: '/v1/invoices', query: { limit: '100', subscription: 'sub_sandbox_1' } },
		{ method: 'GET', path: '/v1/payment_links/plink_sandbox_1' },
		{ method: 'POST', path: '/v1/fx_quotes', body: { from_currencies: ['GBP', 'EUR'], to_currency: 'USD', usage: { type: 'payout' } } },
		{ method: 'GET', path: '/v1/files/file_sandbox_1' },
		{ method: 'GET', path: '/v1/webhook_endpoints', query: { limit: '100' } },
		{ method: 'GET', path: `/v1/webhook_endpoints/${endpoint.id}` },
	];
}

/**
 * The sandbox's cardholder ids as Get Many returns them: newest first.
 * @param {Simulator} sim
 * @returns {string[]}
 */
function cardholderIdsNewestFirst(sim) {
	return [...sim.cardholders.values()].sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1)).map((c) => c.id);
}

module.exports = {
	issuingOf,
	paymentsOf,
	disputesOf,
	payoutsOf,
	paymentMethodsOf,
	billingOf,
	ROOT,
	WORKFLOWS,
	EXAMPLES,
	NODE_TYPE,
	SANDBOX_KEY,
	IDEMPOTENCY_KEY,
	EXPECTED_FIELDS,
	EXPECTED_OPERATIONS,
	EXPECTED_OPTIONS,
	EXPECTED_REQUEST_OPTIONS,
	SIMPLIFIED_PAYMENT_INTENT,
	SIMPLIFIED_CHARGE,
	SIMPLIFIED_DISPUTE,
	LINES,
	eachLine,
	artifactsDir,
	N8n,
	useN8n,
	expectRequests,
	expectSuccess,
	nodeOutput,
	EVERY_NEW_OPERATION_REQUESTS,
	callSandbox,
	everyIssue20OperationScene,
	everyIssue20OperationRequests,
	cardholderIdsNewestFirst,
};
