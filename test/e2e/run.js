#!/usr/bin/env node
// @ts-check
/**
 * End-to-end tests: the packed package in a real n8n 2.41, against the WooshPay simulator.
 *
 *   npm run test:e2e            (node test/e2e/run.js [--skip-build] [--keep])
 *
 * 1. Builds the package, `npm pack`s it, and installs the tarball into a fresh n8n user folder
 *    the way n8n's "Install community node" does (see installPackedPackage).
 * 2. Imports the sandbox credential, the example workflows (examples/*.json) and the test's own
 *    workflows (test/e2e/workflows/*.json: every operation other than Update, which the examples
 *    cover), runs each with `n8n execute --id=... --rawOutput`, and checks what the simulator
 *    received (method, path, query, HTTP Basic auth, JSON body, an Idempotency-Key on every
 *    POST) and what the workflow returned.
 * 3. Starts n8n and drives its editor in headless Chromium (Debian's /usr/bin/chromium through
 *    playwright-core): adds a Manual Trigger and the WooshPay node from the node panel, checks
 *    that the Operation dropdown lists each resource's operations, that "Add Field" of "Update
 *    Fields" lists every documented field for Customer → Update and Cardholder → Update, sets a
 *    few fields, runs the node (Update, Customer → Create, Cardholder → Get Many with Return All)
 *    and reads the output panel.
 *    Screenshots of each step go to test/e2e/screenshots/ (git-ignored), with n8n's log.
 *
 * Everything listens on free ports of 127.0.0.1; every process started is stopped at the end,
 * also when a step fails or on Ctrl-C. Ends with the line "e2e: N passed, N failed".
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { ensureRuntime, formatDuration } = require('../../scripts/n8n-runtime');
const inst = require('../../scripts/n8n-instance');
const { startSimulator } = require('../simulator/simulator');

const ROOT = path.resolve(__dirname, '..', '..');
const SCREENSHOTS = path.join(__dirname, 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const NODE_TYPE = 'n8n-nodes-wooshpay.wooshPay';
const SANDBOX_KEY = 'sk_test_sandbox';
const BASIC_AUTH = `Basic ${Buffer.from(`${SANDBOX_KEY}:`).toString('base64')}`;

/**
 * The documented fields ("Add Field" of "Update Fields"), by display name. The test checks
 * these against the built node's description and against what the editor lists.
 */
const EXPECTED_FIELDS = {
	customer: ['Address', 'Description', 'Email', 'Metadata', 'Name', 'Phone', 'Shipping'],
	cardholder: [
		'Billing Address',
		'Company Tax ID Provided',
		'Email',
		'Individual',
		'Metadata',
		'Phone Number',
		'Spending Controls',
		'Status',
	],
	address: ['City', 'Country', 'Line 1', 'Line 2', 'Postal Code', 'State'],
};

/** Each resource's Operation options, in the order n8n shows them (alphabetical by name). */
const EXPECTED_OPERATIONS = {
	customer: ['Create', 'Get', 'Update'],
	cardholder: ['Create', 'Get', 'Get Many', 'Update'],
};

/** The test's own workflows, beside the examples: see test/e2e/workflows/. */
const WORKFLOWS = path.join(__dirname, 'workflows');

/** What the node sends as Idempotency-Key in a run with an execution ID: `n8n-` and a hash. */
const IDEMPOTENCY_KEY = /^n8n-[0-9a-f]{40}$/;

const args = new Set(process.argv.slice(2));
const skipBuild = args.has('--skip-build');
const keep = args.has('--keep');

/** @param {string} message */
function log(message) {
	process.stdout.write(`[e2e] ${message}\n`);
}

// ---------------------------------------------------------------- results and clean-up

/** @type {{name: string, ok: boolean, ms: number, error?: string}[]} */
const results = [];

/**
 * Runs one named check; records it as passed or failed and goes on either way.
 * @param {string} name
 * @param {() => Promise<void>} fn
 * @returns {Promise<boolean>}
 */
async function check(name, fn) {
	const started = Date.now();
	try {
		await fn();
		results.push({ name, ok: true, ms: Date.now() - started });
		log(`PASS ${name} (${formatDuration(Date.now() - started)})`);
		return true;
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		results.push({ name, ok: false, ms: Date.now() - started, error: message });
		log(`FAIL ${name}: ${message}`);
		return false;
	}
}

/** @type {Array<{name: string, fn: () => Promise<void> | void}>} */
const cleanups = [];
/** @type {Promise<void> | undefined} */
let cleaning;
let interrupted = false;

/**
 * Runs the clean-ups, newest first, each bounded in time (a browser that died with Ctrl-C may
 * never answer `close()`). Every caller gets the same promise.
 */
function cleanUp() {
	cleaning ??= (async () => {
		for (const { name, fn } of [...cleanups].reverse()) {
			/** @type {NodeJS.Timeout | undefined} */
			let timer;
			if (interrupted) log(`clean-up: ${name}`);
			try {
				await Promise.race([
					Promise.resolve().then(fn),
					new Promise((_, reject) => {
						timer = setTimeout(() => reject(new Error('no result within 20 s')), 20000);
					}),
				]);
			} catch (error) {
				log(`clean-up "${name}" failed: ${error instanceof Error ? error.message : error}`);
			} finally {
				clearTimeout(timer);
			}
		}
	})();
	return cleaning;
}

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
	process.on(signal, () => {
		if (interrupted) return;
		interrupted = true;
		log(`${signal}: stopping everything`);
		void cleanUp().then(() => {
			process.stdout.write('e2e: interrupted\n');
			process.exit(130);
		});
	});
}

/**
 * @param {unknown} condition
 * @param {string} message
 * @returns {asserts condition}
 */
function assert(condition, message) {
	if (!condition) throw new Error(message);
}

/**
 * JSON with object keys sorted, so that key order does not matter.
 * @param {unknown} value
 * @returns {string}
 */
function canonical(value) {
	return JSON.stringify(value, (_key, v) =>
		v && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
			: v,
	);
}

/** @param {unknown} actual @param {unknown} expected @param {string} what */
function assertEqual(actual, expected, what) {
	const a = canonical(actual);
	const e = canonical(expected);
	if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

/**
 * @template T
 * @param {string} what
 * @param {() => Promise<T | undefined> | T | undefined} probe
 * @param {number} timeoutMs
 * @returns {Promise<T>}
 */
async function waitFor(what, probe, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
		await new Promise((r) => setTimeout(r, 200));
	}
}

// ---------------------------------------------------------------- the built node

/**
 * The display names of the "Update Fields" options for a resource, from dist/.
 * @param {string} resource
 */
function builtUpdateFields(resource) {
	const modulePath = path.join(ROOT, 'dist', 'nodes', 'WooshPay', 'WooshPay.node.js');
	const exported = require(modulePath);
	const NodeClass = exported.WooshPay ?? Object.values(exported)[0];
	/** @type {any} */
	const description = new NodeClass().description;
	const property = description.properties.find(
		(/** @type {any} */ p) =>
			p.name === 'updateFields' &&
			p.displayOptions?.show?.resource?.includes(resource) &&
			p.displayOptions?.show?.operation?.includes('update'),
	);
	assert(property, `dist has no updateFields property for ${resource} → update`);
	return {
		names: property.options.map((/** @type {any} */ o) => o.displayName),
		property,
	};
}

/**
 * The names of a resource's Operation options, from dist/.
 * @param {string} resource
 * @returns {string[]}
 */
function builtOperations(resource) {
	const modulePath = path.join(ROOT, 'dist', 'nodes', 'WooshPay', 'WooshPay.node.js');
	const exported = require(modulePath);
	const NodeClass = exported.WooshPay ?? Object.values(exported)[0];
	/** @type {any} */
	const description = new NodeClass().description;
	const property = description.properties.find(
		(/** @type {any} */ p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
	);
	assert(property, `dist has no operation property for ${resource}`);
	return property.options.map((/** @type {any} */ o) => o.name);
}

// ---------------------------------------------------------------- n8n execute

/**
 * Runs a workflow with `n8n execute --id --rawOutput` and returns the run it prints.
 * @param {import('../../scripts/n8n-runtime').Runtime} runtime
 * @param {NodeJS.ProcessEnv} env
 * @param {string} id
 */
async function executeWorkflow(runtime, env, id) {
	const result = await inst.runN8nCli(runtime, env, ['execute', `--id=${id}`, '--rawOutput']);
	const start = result.stdout.search(/^\{/m);
	if (start < 0) {
		throw new Error(
			`n8n execute --id=${id} printed no run (exit code ${result.code}); last output:\n` +
				inst.lastLines(result.stdout + result.stderr, 25),
		);
	}
	/** @type {any} */
	let run;
	try {
		run = JSON.parse(result.stdout.slice(start));
	} catch (error) {
		throw new Error(`n8n execute --id=${id}: output is not JSON (${error}); starts with ${result.stdout.slice(start, start + 200)}`);
	}
	return { code: result.code, run };
}

/**
 * The output items of one node in a run.
 * @param {any} run
 * @param {string} nodeName
 * @returns {any[]}
 */
function nodeOutput(run, nodeName) {
	const runs = run.data?.resultData?.runData?.[nodeName];
	assert(runs && runs.length > 0, `the run has no data for node "${nodeName}"`);
	return (runs[runs.length - 1].data?.main?.[0] ?? []).map((/** @type {any} */ item) => item.json);
}

/**
 * Checks the requests the simulator received.
 * @param {import('../simulator/simulator').Simulator} sim
 * @param {Array<{method: string, path: string, body: any}>} expected
 */
function assertRequests(sim, expected) {
	const got = sim.requests.map((r) => ({ method: r.method, path: r.path, body: r.body }));
	assertEqual(got.length, expected.length, `number of requests the sandbox received (${JSON.stringify(got)})`);
	// Items of one node are sent at once: compare in a fixed order.
	const key = (/** @type {{method: string, path: string}} */ r) => `${r.method} ${r.path}`;
	const sortedGot = [...got].sort((a, b) => key(a).localeCompare(key(b)));
	const sortedExpected = [...expected].sort((a, b) => key(a).localeCompare(key(b)));
	sortedExpected.forEach((want, i) => {
		assertEqual(key(sortedGot[i]), key(want), `request ${i + 1}`);
		assertEqual(sortedGot[i].body, want.body, `body of ${key(want)}`);
	});
	for (const r of sim.requests) {
		assertEqual(r.headers.authorization, BASIC_AUTH, `Authorization header of ${r.method} ${r.path}`);
		assert(
			String(r.headers['content-type'] ?? '').startsWith('application/json'),
			`${r.method} ${r.path} was sent with content-type ${r.headers['content-type']}, not application/json`,
		);
	}
}

/**
 * @typedef {object} ExpectedRequest
 * @property {string} method
 * @property {string} path
 * @property {Record<string, string>} [query]   default: none
 * @property {any} [body]                        default: none
 */

/**
 * Checks the requests the simulator received, exactly and in any order (items of one node,
 * and parallel branches, are sent at once): method, path, query string and JSON body; HTTP
 * Basic auth on every request; on every POST a JSON content type and an Idempotency-Key of its
 * own; on no GET an Idempotency-Key. Returns the requests, in the order they arrived.
 * @param {import('../simulator/simulator').Simulator} sim
 * @param {ExpectedRequest[]} expected
 * @param {{idempotencyKey?: RegExp}} [options]
 */
function assertExactRequests(sim, expected, { idempotencyKey = IDEMPOTENCY_KEY } = {}) {
	const shape = (/** @type {ExpectedRequest} */ r) =>
		canonical({ method: r.method, path: r.path, query: r.query ?? {}, body: r.body ?? null });
	const got = sim.requests.map(shape).sort();
	const want = expected.map(shape).sort();
	if (canonical(got) !== canonical(want)) {
		throw new Error(`the sandbox received\n  ${got.join('\n  ')}\nexpected\n  ${want.join('\n  ')}`);
	}
	const keys = new Set();
	for (const r of sim.requests) {
		const what = `${r.method} ${r.path}`;
		assertEqual(r.headers.authorization, BASIC_AUTH, `Authorization header of ${what}`);
		const key = r.headers['idempotency-key'];
		if (r.method === 'POST') {
			assert(
				String(r.headers['content-type'] ?? '').startsWith('application/json'),
				`${what} was sent with content-type ${r.headers['content-type']}, not application/json`,
			);
			assert(typeof key === 'string' && idempotencyKey.test(key), `${what} has Idempotency-Key ${JSON.stringify(key)}, expected ${idempotencyKey}`);
			assert(!keys.has(key), `${what} reuses the Idempotency-Key ${key} of another request`);
			keys.add(key);
		} else {
			assert(key === undefined, `${what} carries an Idempotency-Key (${key}); only POSTs should`);
		}
	}
	return [...sim.requests];
}

/**
 * The sandbox's cardholders as Get Many returns them: newest first.
 * @param {import('../simulator/simulator').Simulator} sim
 * @returns {string[]}
 */
function cardholderIdsNewestFirst(sim) {
	return [...sim.cardholders.values()]
		.sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1))
		.map((c) => c.id);
}

/** @param {any} run */
function assertRunSucceeded(run) {
	assertEqual(run.status, 'success', `run status (error: ${JSON.stringify(run.data?.resultData?.error?.message)})`);
}

// ---------------------------------------------------------------- the editor

const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];

/**
 * @typedef {import('playwright-core').Page} Page
 */

/**
 * @param {Page} page
 * @param {string} name
 */
async function screenshot(page, name) {
	const file = path.join(SCREENSHOTS, `${name}.png`);
	await page.screenshot({ path: file, animations: 'disabled' });
	log(`  screenshot ${path.relative(ROOT, file)}`);
}

/**
 * The visible "Add Field"-style dropdown whose input shows `placeholder`.
 * @param {Page} page
 * @param {string} placeholder
 */
function addFieldDropdown(page, placeholder) {
	return page
		.getByTestId('ndv')
		.locator('[data-test-id="collection-parameter-add"]:visible')
		.filter({ has: page.locator(`input[placeholder="${placeholder}"]`) });
}

/**
 * Opens a collection's "Add Field" dropdown and returns the names of the visible options.
 * @param {Page} page
 * @param {string} placeholder
 */
async function openAddField(page, placeholder) {
	const dropdown = addFieldDropdown(page, placeholder);
	await dropdown.waitFor({ timeout: 10000 });
	await dropdown.click();
	const options = page.locator('[data-test-id="collection-parameter-option"]:visible');
	await options.first().waitFor({ timeout: 10000 });
	return (await options.allInnerTexts()).map((t) => t.trim());
}

/**
 * Picks an option of the open "Add Field" dropdown.
 * @param {Page} page
 * @param {string} name
 */
async function pickAddField(page, name) {
	const options = page.locator('[data-test-id="collection-parameter-option"]:visible');
	await options
		.filter({ hasText: new RegExp(`^\\s*${escapeRegExp(name)}\\s*$`) })
		.first()
		.click();
	// The list fades out: wait until it is gone, or the next list read would see it too.
	await options.first().waitFor({ state: 'hidden', timeout: 10000 });
}

/** @param {string} text */
function escapeRegExp(text) {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A new workflow with a Manual Trigger and the WooshPay node added through the node panel,
 * by clicking `action` (such as "Update a customer"). Leaves the node's panel (NDV) open.
 * @param {Page} page
 * @param {string} url
 * @param {string} action
 * @param {string} prefix   screenshot name prefix
 */
async function addWooshPayNode(page, url, action, prefix) {
	await page.goto(`${url}/workflow/new`);
	await page.getByTestId('canvas-plus-button').waitFor({ timeout: 30000 });
	await screenshot(page, `${prefix}-1-new-workflow`);

	// On an empty canvas the node panel offers triggers only: add a Manual Trigger first.
	await page.getByTestId('canvas-plus-button').click();
	await page.getByTestId('node-creator-search-bar').fill('Manual Trigger');
	await page.getByTestId('item-iterator-item').filter({ hasText: 'Manual Trigger' }).first().click();
	await page.getByTestId('canvas-handle-plus').first().waitFor({ timeout: 10000 });
	await screenshot(page, `${prefix}-2-manual-trigger`);

	// The + after the trigger opens the node panel; search for the node, then pick the action.
	await page.getByTestId('canvas-handle-plus').first().click();
	await page.getByTestId('node-creator-search-bar').fill('WooshPay');
	const nodeItem = page.getByTestId('item-iterator-item').filter({ hasText: 'WooshPay' }).first();
	await nodeItem.waitFor({ timeout: 10000 });
	await screenshot(page, `${prefix}-3-node-panel-search`);
	await nodeItem.click();
	const actionItem = page
		.getByTestId('item-iterator-item')
		.filter({ hasText: new RegExp(`^\\s*${escapeRegExp(action)}\\s*$`) })
		.first();
	await actionItem.waitFor({ timeout: 10000 });
	await screenshot(page, `${prefix}-4-actions`);
	await actionItem.click();
	await page.getByTestId('ndv').waitFor({ timeout: 10000 });
	await page.getByTestId('parameter-input-operation').waitFor({ timeout: 10000 });
}

/**
 * The text an input-like parameter shows.
 * @param {Page} page
 * @param {string} name
 */
async function parameterValue(page, name) {
	return page.getByTestId(`parameter-input-${name}`).locator('input').first().inputValue();
}

/**
 * @param {Page} page
 * @param {{resource: string, operation: string, credential: string}} expected
 */
async function assertNodeSetUp(page, expected) {
	assertEqual(await parameterValue(page, 'resource'), expected.resource, 'Resource');
	assertEqual(await parameterValue(page, 'operation'), expected.operation, 'Operation');
	const credential = page.getByTestId('node-credentials-select').locator('input').first();
	assertEqual(await credential.inputValue(), expected.credential, 'Credential chosen for the node');
}

/**
 * Runs the open node ("Execute step") and returns the output panel's text once it shows every
 * string of `expected` (the table renders a moment after the item count), or an error.
 * @param {Page} page
 * @param {string[]} expected
 */
async function executeStep(page, expected) {
	await page.getByTestId('node-execute-button').first().click();
	const output = page.getByTestId('output-panel');
	try {
		return await waitFor(
			'the output panel showing the result',
			async () => {
				const text = await output.innerText();
				if (/Problem in node/i.test(text)) throw new Error(`the node failed; output panel:\n${text.slice(0, 800)}`);
				return expected.every((s) => text.includes(s)) ? text : undefined;
			},
			30000,
		);
	} catch (error) {
		const text = await output.innerText().catch(() => '');
		throw new Error(
			`${error instanceof Error ? error.message : error}; expected ${JSON.stringify(expected)} in the output panel:\n${text.slice(0, 800)}`,
		);
	}
}

/**
 * Opens the Operation dropdown and returns the names of its options, in the order shown (an
 * option's text holds its description on a second line). Leaves the dropdown open.
 * @param {Page} page
 */
async function openOperations(page) {
	await page.getByTestId('parameter-input-operation').click();
	const options = page.locator('li[role=option]:visible');
	await options.first().waitFor({ timeout: 10000 });
	return (await options.allInnerTexts()).map((t) => t.split('\n')[0].trim());
}

/**
 * Picks an option of the open Operation dropdown by its exact name and waits for it to close.
 * @param {Page} page
 * @param {string} name
 */
async function pickOperation(page, name) {
	const options = page.locator('li[role=option]:visible');
	const names = (await options.allInnerTexts()).map((t) => t.split('\n')[0].trim());
	const index = names.indexOf(name);
	assert(index >= 0, `the Operation dropdown has no option ${name}: ${JSON.stringify(names)}`);
	await options.nth(index).click();
	await options.first().waitFor({ state: 'hidden', timeout: 10000 });
	assertEqual(await parameterValue(page, 'operation'), name, 'Operation after picking it');
}

/**
 * Switches the output panel to its Table tab (n8n remembers the last view, and its JSON view
 * renders only the lines in sight) and returns the panel's text once it shows every string of
 * `expected`.
 * @param {Page} page
 * @param {string[]} expected
 * @returns {Promise<string>}
 */
async function outputTable(page, expected) {
	const output = page.getByTestId('output-panel');
	await output.getByText('Table', { exact: true }).click();
	return waitFor(
		`the table view of the output showing ${expected.join(', ')}`,
		async () => {
			const text = await output.innerText();
			return expected.every((e) => text.includes(e)) && !text.includes('"id"') ? text : undefined;
		},
		10000,
	);
}

/**
 * Switches the output panel to its JSON tab and returns the panel's text.
 * @param {Page} page
 * @returns {Promise<string>}
 */
async function outputJson(page) {
	const output = page.getByTestId('output-panel');
	await output.getByText('JSON', { exact: true }).click();
	// The JSON view prints keys in quotes, which the table view does not.
	return waitFor(
		'the JSON view of the output',
		async () => {
			const text = await output.innerText();
			return text.includes('"id"') ? text : undefined;
		},
		10000,
	);
}

// ---------------------------------------------------------------- main

async function main() {
	const started = Date.now();
	fs.rmSync(SCREENSHOTS, { recursive: true, force: true });
	fs.mkdirSync(SCREENSHOTS, { recursive: true });

	// --- Set-up: none of it is a test, but each failure ends the run with a clear message.
	if (!fs.existsSync(CHROMIUM)) {
		throw new Error(`${CHROMIUM} is missing: run test/e2e/install-chromium.sh (apt-get install chromium) first`);
	}
	const runtime = await ensureRuntime({ log: (m) => log(`runtime: ${m}`) });
	log(`n8n ${runtime.n8nVersion} on Node ${runtime.nodeVersion}`);

	if (!skipBuild) {
		log('building the package (npm run build)');
		await inst.runCommand('npm', ['run', 'build'], { cwd: ROOT });
	}
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'wooshpay-e2e-'));
	cleanups.push({
		name: 'remove the temporary n8n user folder',
		fn: () => {
			if (keep) log(`kept ${work}`);
			else fs.rmSync(work, { recursive: true, force: true });
		},
	});
	const tarball = await inst.packPackage(ROOT, path.join(work, 'pack'));
	log(`packed ${path.basename(tarball)}`);
	const userFolder = path.join(work, 'user');
	const installed = await inst.installPackedPackage(userFolder, tarball);
	log(`installed ${installed.name}@${installed.version} into ${path.relative(work, installed.dir)}`);

	const sim = await startSimulator({ seed: true });
	cleanups.push({ name: 'stop the simulator', fn: () => sim.close() });
	log(`WooshPay sandbox (simulator) at ${sim.url}`);

	// The CLI commands run while no server does; they need a task-runner broker port of their own.
	const [cliPort, cliBroker] = await inst.freePorts(2);
	const cliEnv = inst.n8nEnv(runtime, { userFolder, port: cliPort, brokerPort: cliBroker });

	const credentialFile = path.join(work, 'credentials.json');
	fs.writeFileSync(credentialFile, JSON.stringify([inst.sandboxCredential(sim.url)], null, 2));
	await inst.runN8nCliOk(runtime, cliEnv, ['import:credentials', `--input=${credentialFile}`]);
	await inst.runN8nCliOk(runtime, cliEnv, ['import:workflow', '--separate', `--input=${path.join(ROOT, 'examples')}`]);
	await inst.runN8nCliOk(runtime, cliEnv, ['import:workflow', '--separate', `--input=${WORKFLOWS}`]);
	log('imported the sandbox credential, the example workflows and test/e2e/workflows');

	// --- The node as built
	await check('dist: Customer → Update lists the documented Update Fields', async () => {
		assertEqual(builtUpdateFields('customer').names, EXPECTED_FIELDS.customer, 'customer update fields in dist');
		const address = builtUpdateFields('customer').property.options.find((/** @type {any} */ o) => o.name === 'address');
		assertEqual(address.options.map((/** @type {any} */ o) => o.displayName), EXPECTED_FIELDS.address, 'address fields');
	});
	await check('dist: Cardholder → Update lists the documented Update Fields', async () => {
		assertEqual(builtUpdateFields('cardholder').names, EXPECTED_FIELDS.cardholder, 'cardholder update fields in dist');
	});
	await check('dist: each resource lists its operations', async () => {
		assertEqual(builtOperations('customer'), EXPECTED_OPERATIONS.customer, 'customer operations in dist');
		assertEqual(builtOperations('cardholder'), EXPECTED_OPERATIONS.cardholder, 'cardholder operations in dist');
	});

	// --- The example workflows through `n8n execute`
	await check('n8n execute: "Update a WooshPay customer from incoming data"', async () => {
		sim.reset();
		const { code, run } = await executeWorkflow(runtime, cliEnv, 'wpExampleCustUpdate');
		assertEqual(run.status, 'success', `run status (error: ${JSON.stringify(run.data?.resultData?.error?.message)})`);
		assertEqual(code, 0, 'exit code');
		assertRequests(sim, [
			{
				method: 'POST',
				path: '/v1/customers/cus_sandbox_1',
				body: {
					address: { city: 'London', country: 'GB', line1: "12 St James's Square", postal_code: 'SW1Y 4JH' },
					email: 'ada.king@example.com',
					metadata: { crm_id: 'C-1042' },
					name: 'Ada King, Countess of Lovelace',
					phone: '+44 20 7946 0958',
				},
			},
		]);
		const [customer] = nodeOutput(run, 'Update WooshPay customer');
		assertEqual(customer.id, 'cus_sandbox_1', 'returned customer id');
		assertEqual(customer.email, 'ada.king@example.com', 'returned email');
		assertEqual(customer.address.postal_code, 'SW1Y 4JH', 'returned postal code');
		assertEqual(customer.metadata, { crm_id: 'C-1042' }, 'returned metadata');
	});

	for (const [id, status, nodeName, title] of [
		['wpExampleCardBlock', 'blocked', 'Block cardholder', 'Block cardholders at 22:00'],
		['wpExampleCardUnblock', 'active', 'Unblock cardholder', 'Unblock cardholders at 07:00'],
	]) {
		await check(`n8n execute: "${title}"`, async () => {
			sim.reset();
			const { code, run } = await executeWorkflow(runtime, cliEnv, id);
			assertEqual(run.status, 'success', `run status (error: ${JSON.stringify(run.data?.resultData?.error?.message)})`);
			assertEqual(code, 0, 'exit code');
			assertRequests(
				sim,
				['ich_sandbox_1', 'ich_sandbox_2'].map((ch) => ({
					method: 'POST',
					path: `/v1/issuing/cardholders/${ch}`,
					body: { status },
				})),
			);
			const output = nodeOutput(run, nodeName);
			assertEqual(
				output.map((c) => [c.id, c.status]),
				[
					['ich_sandbox_1', status],
					['ich_sandbox_2', status],
				],
				'returned cardholders',
			);
			for (const ch of ['ich_sandbox_1', 'ich_sandbox_2']) {
				assertEqual(sim.cardholders.get(ch)?.status, status, `${ch} status in the sandbox`);
			}
		});
	}

	// --- Every other operation through `n8n execute` (test/e2e/workflows). Get Many runs before
	// the creates, while the sandbox holds only its three seeded cardholders.
	await check('n8n execute: Cardholder → Get Many (Return All over pages; Limit with filters) and Get (From List)', async () => {
		assertEqual(cardholderIdsNewestFirst(sim), ['ich_sandbox_3', 'ich_sandbox_2', 'ich_sandbox_1'], 'the sandbox before the run');
		sim.reset();
		// Pages of two, so that Return All has to follow has_more and starting_after.
		const pageSize = sim.options.maxPageSize;
		sim.options.maxPageSize = 2;
		/** @type {{code: number | null, run: any}} */
		let result;
		try {
			result = await executeWorkflow(runtime, cliEnv, 'wpE2eCardholderList');
		} finally {
			sim.options.maxPageSize = pageSize;
		}
		const { code, run } = result;
		assertRunSucceeded(run);
		assertEqual(code, 0, 'exit code');
		const list = '/v1/issuing/cardholders';
		assertExactRequests(sim, [
			{ method: 'GET', path: list, query: { limit: '100' } },
			{ method: 'GET', path: list, query: { limit: '100', starting_after: 'ich_sandbox_2' } },
			{ method: 'GET', path: list, query: { limit: '2', status: 'active', type: 'individual' } },
			{
				method: 'GET',
				path: list,
				// 2026-01-01T00:00:03Z and 00:00:05Z as Unix seconds
				query: { limit: '10', email: 'grace@example.com', 'created[gte]': '1767225603', 'created[lte]': '1767225605' },
			},
			{ method: 'GET', path: `${list}/ich_sandbox_2` },
		]);
		const all = nodeOutput(run, 'All cardholders');
		assertEqual(all.map((c) => c.id), ['ich_sandbox_3', 'ich_sandbox_2', 'ich_sandbox_1'], 'Return All: ids, newest first');
		assertEqual(all.map((c) => c.name), ['Alan Turing', 'Grace Hopper', 'Ada Lovelace'], 'Return All: names');
		for (const c of all) assertEqual(c, sim.cardholders.get(c.id), `Return All: ${c.id} as the sandbox holds it`);
		assertEqual(nodeOutput(run, 'Two newest active individuals').map((c) => c.id), ['ich_sandbox_3', 'ich_sandbox_2'], 'Limit 2 with Status and Type filters');
		assertEqual(nodeOutput(run, 'Cardholders by email and creation time').map((c) => c.id), ['ich_sandbox_2'], 'Email and Created After/Before filters');
		const picked = nodeOutput(run, 'Cardholder picked from the list');
		assertEqual(picked.length, 1, 'Get: number of items');
		assertEqual([picked[0].id, picked[0].name, picked[0].email], ['ich_sandbox_2', 'Grace Hopper', 'grace@example.com'], 'Get (From List): cardholder');
	});

	await check('n8n execute: Customer → Create, then Customer → Get of the new customer', async () => {
		sim.reset();
		const before = new Set(sim.customers.keys());
		const { code, run } = await executeWorkflow(runtime, cliEnv, 'wpE2eCustomerCreateGet');
		assertRunSucceeded(run);
		assertEqual(code, 0, 'exit code');
		const created = [...sim.customers.keys()].filter((id) => !before.has(id));
		assertEqual(created.length, 1, `customers the sandbox created (${JSON.stringify(created)})`);
		const [id] = created;
		assert(/^cus_sim\d{4}$/.test(id), `the new customer's id is ${id}`);
		const body = {
			address: { city: 'Hampton', country: 'US', line1: '1 NASA Drive', postal_code: '23681', state: 'VA' },
			description: 'Created by the e2e suite',
			email: 'katherine.johnson@example.com',
			metadata: { crm_id: 'C-2001' },
			name: 'Katherine Johnson',
			phone: '+1 757 555 0100',
			shipping: { address: { city: 'Hampton', country: 'US', line1: '1 NASA Drive' }, name: 'Katherine Johnson' },
		};
		const requests = assertExactRequests(sim, [
			{ method: 'POST', path: '/v1/customers', body },
			{ method: 'GET', path: `/v1/customers/${id}` },
		]);
		assertEqual(requests.map((r) => r.method), ['POST', 'GET'], 'order of the requests');
		assertEqual(sim.mutations.map((m) => [m.method, m.path, m.id]), [['POST', '/v1/customers', id]], 'changes the sandbox applied');
		const createdOut = nodeOutput(run, 'Create customer');
		assertEqual(createdOut.length, 1, 'Create: number of items');
		assertEqual(createdOut[0].id, id, 'Create: returned id');
		assertEqual(createdOut[0].object, 'customer', 'Create: returned object type');
		for (const key of ['address', 'description', 'email', 'metadata', 'name', 'phone']) {
			assertEqual(createdOut[0][key], /** @type {any} */ (body)[key], `Create: returned ${key}`);
		}
		assertEqual(createdOut[0].shipping, { address: { city: 'Hampton', country: 'US', line1: '1 NASA Drive' }, name: 'Katherine Johnson' }, 'Create: returned shipping');
		const got = nodeOutput(run, 'Get customer');
		assertEqual(got.length, 1, 'Get: number of items');
		assertEqual(got[0], sim.customers.get(id), 'Get: the customer as the sandbox holds it');
		assertEqual(got[0], createdOut[0], 'Get: the customer Create returned');
	});

	await check('n8n execute: Cardholder → Create, then Cardholder → Get of the new cardholder', async () => {
		sim.reset();
		const before = new Set(sim.cardholders.keys());
		const { code, run } = await executeWorkflow(runtime, cliEnv, 'wpE2eCardholderCreateGet');
		assertRunSucceeded(run);
		assertEqual(code, 0, 'exit code');
		const created = [...sim.cardholders.keys()].filter((id) => !before.has(id));
		assertEqual(created.length, 1, `cardholders the sandbox created (${JSON.stringify(created)})`);
		const [id] = created;
		assert(/^ich_sim\d{4}$/.test(id), `the new cardholder's id is ${id}`);
		const body = {
			billing: { address: { city: 'Hampton', country: 'US', line1: '1 NASA Drive', postal_code: '23681', state: 'VA' } },
			email: 'katherine.johnson@example.com',
			individual: { first_name: 'Katherine', last_name: 'Johnson' },
			metadata: [{ employee_id: 'E-7' }],
			name: 'Katherine Johnson',
			phone_number: '+1 757 555 0100',
			type: 'individual',
		};
		const requests = assertExactRequests(sim, [
			{ method: 'POST', path: '/v1/issuing/cardholders', body },
			{ method: 'GET', path: `/v1/issuing/cardholders/${id}` },
		]);
		assertEqual(requests.map((r) => r.method), ['POST', 'GET'], 'order of the requests');
		const createdOut = nodeOutput(run, 'Create cardholder');
		assertEqual(createdOut.length, 1, 'Create: number of items');
		assertEqual(createdOut[0].id, id, 'Create: returned id');
		assertEqual(createdOut[0].object, 'issuing.cardholder', 'Create: returned object type');
		assertEqual(createdOut[0].status, 'active', 'Create: returned status');
		assertEqual(
			[createdOut[0].name, createdOut[0].type, createdOut[0].email, createdOut[0].phone_number],
			[body.name, body.type, body.email, body.phone_number],
			'Create: returned name, type, email, phone number',
		);
		assertEqual(createdOut[0].billing.address, { ...body.billing.address, line2: null }, 'Create: returned billing address');
		assertEqual(createdOut[0].individual, body.individual, 'Create: returned individual');
		assertEqual(createdOut[0].metadata, body.metadata, 'Create: returned metadata');
		const got = nodeOutput(run, 'Get cardholder');
		assertEqual(got.length, 1, 'Get: number of items');
		assertEqual(got[0], sim.cardholders.get(id), 'Get: the cardholder as the sandbox holds it');
		assertEqual(got[0], createdOut[0], 'Get: the cardholder Create returned');
	});

	// --- The editor
	const [port, brokerPort] = await inst.freePorts(2);
	const serverEnv = inst.n8nEnv(runtime, { userFolder, port, brokerPort });
	const serverLog = path.join(SCREENSHOTS, 'n8n-server.log');
	log('starting n8n for the editor tests');
	const server = await inst.startN8n(runtime, serverEnv, { logFile: serverLog });
	cleanups.push({ name: 'stop n8n', fn: () => server.stop() });
	log(`n8n is ready at ${server.url} (log: ${path.relative(ROOT, serverLog)})`);
	await inst.ensureOwner(server.url, inst.DEV_OWNER);

	await check('n8n loads the package as a community node', async () => {
		const res = await fetch(`${server.url}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: inst.DEV_OWNER.email, password: inst.DEV_OWNER.password }),
		});
		assert(res.ok, `login answered ${res.status}`);
		const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
		const types = await fetch(`${server.url}/rest/node-types`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', cookie },
			body: JSON.stringify({ nodeInfos: [{ name: NODE_TYPE, version: 1 }] }),
		});
		assert(types.ok, `/rest/node-types answered ${types.status}`);
		const body = /** @type {any} */ (await types.json());
		const list = body.data ?? body;
		// The answer holds the description; its `name` is the node's own name, without the package.
		assert(Array.isArray(list) && list.length === 1, `${NODE_TYPE} is not loaded: ${JSON.stringify(body).slice(0, 300)}`);
		assertEqual(list[0].name, 'wooshPay', 'node name');
		assertEqual(list[0].displayName, 'WooshPay', 'display name');
	});

	const { chromium, selectors } = require('playwright-core');
	selectors.setTestIdAttribute('data-test-id');
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: CHROMIUM_ARGS,
		timeout: 60000,
		// Playwright would exit the process on Ctrl-C before our clean-up ran: we close it ourselves.
		handleSIGINT: false,
		handleSIGTERM: false,
		handleSIGHUP: false,
	});
	cleanups.push({ name: 'close Chromium', fn: () => browser.close() });
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });

	/**
	 * A check in a page of its own: a screenshot `<shots>-failed.png` when it fails, and the
	 * page closed either way.
	 * @param {string} name
	 * @param {string} shots
	 * @param {(page: import('playwright-core').Page) => Promise<void>} fn
	 */
	const editorCheck = (name, shots, fn) =>
		check(name, async () => {
			const page = await context.newPage();
			try {
				await fn(page);
			} catch (error) {
				await screenshot(page, `${shots}-failed`).catch(() => undefined);
				throw error;
			} finally {
				await page.close();
			}
		});
	context.setDefaultTimeout(15000);
	const login = await context.request.post(`${server.url}/rest/login`, {
		data: { emailOrLdapLoginId: inst.DEV_OWNER.email, password: inst.DEV_OWNER.password },
	});
	assert(login.ok(), `logging in from the browser answered ${login.status()}`);

	await editorCheck('editor: Customer → Update: Add Field lists every field; update runs against the sandbox', 'customer', async (page) => {
		await addWooshPayNode(page, server.url, 'Update a customer', 'customer');
		await assertNodeSetUp(page, { resource: 'Customer', operation: 'Update', credential: 'WooshPay sandbox' });
		await screenshot(page, 'customer-5-node-panel');

		const fields = await openAddField(page, 'Add Field');
		await screenshot(page, 'customer-6-add-field');
		assertEqual(fields, EXPECTED_FIELDS.customer, 'Update Fields → Add Field options');

		await pickAddField(page, 'Email');
		await openAddField(page, 'Add Field');
		await pickAddField(page, 'Address');
		const addressFields = await openAddField(page, 'Add Address Field');
		await screenshot(page, 'customer-7-add-address-field');
		assertEqual(addressFields, EXPECTED_FIELDS.address, 'Address → Add Address Field options');
		await pickAddField(page, 'City');

		await page.getByTestId('rlc-input').first().fill('cus_sandbox_2');
		await page.getByTestId('parameter-input-email').locator('input').first().fill('grace.hopper@example.org');
		await page.getByTestId('parameter-input-city').locator('input').first().fill('Arlington');
		await page.getByTestId('parameter-input-city').locator('input').first().blur();
		await screenshot(page, 'customer-8-fields-set');

		sim.reset();
		const text = await executeStep(page, ['1 item', 'cus_sandbox_2', 'grace.hopper@example.org', 'Arlington']);
		await screenshot(page, 'customer-9-output');
		assert(!/\d+ items/.test(text), `the output panel shows more than one item:\n${text.slice(0, 500)}`);
		assertRequests(sim, [
			{
				method: 'POST',
				path: '/v1/customers/cus_sandbox_2',
				body: { address: { city: 'Arlington' }, email: 'grace.hopper@example.org' },
			},
		]);
		const json = await outputJson(page);
		await screenshot(page, 'customer-10-output-json');
		assert(json.includes('"Arlington"'), `the JSON output does not show the new city:\n${json.slice(0, 500)}`);
	});

	await editorCheck('editor: Cardholder → Update: Add Field lists every field; blocking runs against the sandbox', 'cardholder', async (page) => {
		await addWooshPayNode(page, server.url, 'Update a cardholder', 'cardholder');
		await assertNodeSetUp(page, { resource: 'Cardholder', operation: 'Update', credential: 'WooshPay sandbox' });
		await screenshot(page, 'cardholder-5-node-panel');

		const fields = await openAddField(page, 'Add Field');
		await screenshot(page, 'cardholder-6-add-field');
		assertEqual(fields, EXPECTED_FIELDS.cardholder, 'Update Fields → Add Field options');
		await pickAddField(page, 'Status');
		await openAddField(page, 'Add Field');
		await pickAddField(page, 'Email');

		// Cardholder: "From list" is the default mode; the list comes from the sandbox.
		await page.getByTestId('resource-locator-cardholderId').getByTestId('rlc-input').click();
		const items = page.locator('[data-test-id="rlc-item"]:visible');
		await items.first().waitFor({ timeout: 15000 });
		const names = (await items.allInnerTexts()).map((t) => t.trim());
		await screenshot(page, 'cardholder-7-cardholder-list');
		for (const name of ['Ada Lovelace', 'Grace Hopper', 'Alan Turing']) {
			assert(names.some((n) => n.includes(name)), `the cardholder list lacks ${name}: ${JSON.stringify(names)}`);
		}
		await items.filter({ hasText: 'Alan Turing' }).first().click();
		await page.getByTestId('parameter-input-email').locator('input').first().fill('alan.turing@example.org');
		await page.getByTestId('parameter-input-email').locator('input').first().blur();
		await page.getByTestId('parameter-input-status').click();
		const statusOptions = page.locator('li[role=option]:visible');
		await statusOptions.first().waitFor();
		const statusNames = (await statusOptions.allInnerTexts()).map((t) => t.split('\n')[0].trim());
		assertEqual(statusNames, ['Active', 'Blocked', 'Inactive'], 'Status options');
		await screenshot(page, 'cardholder-8-status-options');
		await statusOptions.filter({ hasText: /^\s*Blocked/ }).first().click();
		assertEqual(await parameterValue(page, 'status'), 'Blocked', 'Status');
		await screenshot(page, 'cardholder-9-fields-set');

		sim.reset();
		const text = await executeStep(page, ['1 item', 'ich_sandbox_3', 'alan.turing@example.org', 'blocked']);
		await screenshot(page, 'cardholder-10-output');
		assert(!/\d+ items/.test(text), `the output panel shows more than one item:\n${text.slice(0, 500)}`);
		assertRequests(sim, [
			{
				method: 'POST',
				path: '/v1/issuing/cardholders/ich_sandbox_3',
				body: { email: 'alan.turing@example.org', status: 'blocked' },
			},
		]);
		assertEqual(sim.cardholders.get('ich_sandbox_3')?.status, 'blocked', 'ich_sandbox_3 status in the sandbox');
	});

	await editorCheck('editor: Customer → Operation lists Create, Get, Update; Create runs against the sandbox', 'customer-create', async (page) => {
		await addWooshPayNode(page, server.url, 'Create a customer', 'customer-create');
		await assertNodeSetUp(page, { resource: 'Customer', operation: 'Create', credential: 'WooshPay sandbox' });
		await screenshot(page, 'customer-create-5-node-panel');

		const operations = await openOperations(page);
		await screenshot(page, 'customer-create-6-operations');
		assertEqual(operations, EXPECTED_OPERATIONS.customer, 'Customer → Operation options');
		await pickOperation(page, 'Create');

		await openAddField(page, 'Add Field');
		await pickAddField(page, 'Name');
		await openAddField(page, 'Add Field');
		await pickAddField(page, 'Email');
		await page.getByTestId('parameter-input-name').locator('input').first().fill('Mary Jackson');
		await page.getByTestId('parameter-input-email').locator('input').first().fill('mary.jackson@example.org');
		await page.getByTestId('parameter-input-email').locator('input').first().blur();
		await screenshot(page, 'customer-create-7-fields-set');

		sim.reset();
		const before = new Set(sim.customers.keys());
		await executeStep(page, ['1 item', 'mary.jackson@example.org', 'Mary Jackson']);
		const created = [...sim.customers.keys()].filter((id) => !before.has(id));
		assertEqual(created.length, 1, `customers the sandbox created (${JSON.stringify(created)})`);
		const text = await outputTable(page, ['1 item', created[0], 'mary.jackson@example.org', 'Mary Jackson']);
		await screenshot(page, 'customer-create-8-output');
		assert(!/\d+ items/.test(text), `the output panel shows more than one item:\n${text.slice(0, 500)}`);
		assertExactRequests(
			sim,
			[{ method: 'POST', path: '/v1/customers', body: { email: 'mary.jackson@example.org', name: 'Mary Jackson' } }],
		);
		const json = await outputJson(page);
		await screenshot(page, 'customer-create-9-output-json');
		assert(json.includes(`"${created[0]}"`), `the JSON output does not show the new id ${created[0]}:\n${json.slice(0, 500)}`);
	});

	await editorCheck('editor: Cardholder → Operation lists Create, Get, Get Many, Update; Get Many (Return All) runs against the sandbox', 'cardholder-getmany', async (page) => {
		await addWooshPayNode(page, server.url, 'Get many cardholders', 'cardholder-getmany');
		await assertNodeSetUp(page, { resource: 'Cardholder', operation: 'Get Many', credential: 'WooshPay sandbox' });
		await screenshot(page, 'cardholder-getmany-5-node-panel');

		const operations = await openOperations(page);
		await screenshot(page, 'cardholder-getmany-6-operations');
		assertEqual(operations, EXPECTED_OPERATIONS.cardholder, 'Cardholder → Operation options');
		await pickOperation(page, 'Get Many');

		const limit = page.getByTestId('parameter-input-limit');
		await limit.waitFor({ timeout: 10000 });
		await page.getByTestId('parameter-input-returnAll').locator('.el-switch').first().click();
		await limit.waitFor({ state: 'hidden', timeout: 10000 });
		await screenshot(page, 'cardholder-getmany-7-return-all');

		sim.reset();
		const ids = cardholderIdsNewestFirst(sim);
		// The three seeded cardholders, and any the CLI tests created.
		for (const seeded of ['ich_sandbox_3', 'ich_sandbox_2', 'ich_sandbox_1']) {
			assert(ids.includes(seeded), `the sandbox lacks ${seeded}: ${JSON.stringify(ids)}`);
		}
		await executeStep(page, [`${ids.length} items`]);
		const text = await outputTable(page, ids);
		await screenshot(page, 'cardholder-getmany-8-output');
		const positions = ids.map((id) => text.indexOf(id));
		assertEqual(
			[...positions].sort((a, b) => a - b),
			positions,
			`order of the ids in the output panel (expected newest first: ${ids.join(', ')})`,
		);
		assertExactRequests(sim, [{ method: 'GET', path: '/v1/issuing/cardholders', query: { limit: '100' } }]);
		const json = await outputJson(page);
		await screenshot(page, 'cardholder-getmany-9-output-json');
		assert(json.includes(`"${ids[0]}"`), `the JSON output does not show ${ids[0]}:\n${json.slice(0, 500)}`);
	});

	log(`finished in ${formatDuration(Date.now() - started)}`);
}

main()
	.catch((error) => {
		const message = error instanceof Error ? error.message : String(error);
		results.push({ name: 'set-up', ok: false, ms: 0, error: message });
		log(`ERROR ${message}`);
	})
	.finally(async () => {
		await cleanUp();
		if (interrupted) return; // the signal handler reports and exits
		const passed = results.filter((r) => r.ok).length;
		const failed = results.length - passed;
		for (const r of results.filter((x) => !x.ok)) log(`failed: ${r.name}: ${r.error}`);
		process.stdout.write(`e2e: ${passed} passed, ${failed} failed\n`);
		process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
	});
