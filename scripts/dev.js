#!/usr/bin/env node
// @ts-check
/**
 * `npm run dev`: a real n8n with this package loaded as an installed community node, a local
 * WooshPay sandbox, a ready credential and the example workflows.
 *
 *   npm run dev                  start (the first start installs n8n: a few minutes)
 *   npm run dev -- --reset       start from an empty n8n user folder (re-imports the examples)
 *   npm run dev -- --port 5678   the editor's port (default: 5678 when free, else any free port)
 *   npm run dev -- --no-watch    do not rebuild on changes
 *   npm run dev -- --verbose     print all of n8n's log, not only its errors
 *
 * What it does, with scripts/n8n.js: ensures n8n (DEV_VERSION) and Node 24 in the cache; builds
 * the package, packs it and installs the tarball into .dev/n8n/.n8n/nodes/node_modules/, as
 * n8n's own community-node install does; starts the WooshPay simulator with its seed data and
 * writes its address to .dev/sandbox.json (where `npm run sandbox:event` finds it); imports the
 * credential "WooshPay sandbox" and, on the first start, the workflows in examples/ (publishing
 * the WooshPay Trigger example, so sandbox events fire it: n8n registers its endpoint at the
 * sandbox with WEBHOOK_URL, its own address); starts n8n on 127.0.0.1 and logs in as
 * dev@example.com / WooshPay-dev-1 (created on the first start). A change under nodes/,
 * credentials/ or icons/ rebuilds the package and restarts n8n. Ctrl-C stops everything.
 */
const fs = require('node:fs');
const path = require('node:path');

const n8n = require('./n8n');
const { cleanNpmEnv, formatDuration, freePort, freePorts, run } = require('./process');
const { startSimulator } = require('../test/simulator/simulator');

const ROOT = path.resolve(__dirname, '..');
const DEV_DIR = path.join(ROOT, '.dev');
const USER_FOLDER = path.join(DEV_DIR, 'n8n');
const LOG_FILE = path.join(DEV_DIR, 'n8n.log');
const EXAMPLES_MARKER = path.join(USER_FOLDER, '.examples-imported');
const SANDBOX_FILE = path.join(DEV_DIR, 'sandbox.json');
/** The example with a WooshPay Trigger, published on the first start so that sandbox events fire it. */
const TRIGGER_EXAMPLE_ID = 'wpExamplePayment';
const TRIGGER_TYPE = `${require('../package.json').name}.wooshPayTrigger`;
const WATCHED = ['nodes', 'credentials', 'icons'];
const DEFAULT_PORT = 5678;

const argv = process.argv.slice(2);
const flags = {
	reset: argv.includes('--reset'),
	watch: !argv.includes('--no-watch'),
	verbose: argv.includes('--verbose'),
	port: argv.includes('--port') ? Number(argv[argv.indexOf('--port') + 1]) : undefined,
};
if (flags.port !== undefined && !(Number.isInteger(flags.port) && flags.port > 0 && flags.port < 65536)) {
	process.stderr.write('--port needs a port number, such as --port 5678\n');
	process.exit(2);
}

const log = (/** @type {string} */ message) => process.stdout.write(`[dev] ${message}\n`);
const message = (/** @type {unknown} */ error) => (error instanceof Error ? error.message : String(error));

/** n8n's own log lines worth showing without --verbose: errors, minus its failed calls home. */
function showN8nLine(/** @type {string} */ line) {
	if (flags.verbose) return true;
	if (/^\s+at /.test(line)) return false; // stack frames: see the log file
	if (/ENOTFOUND|getaddrinfo|EAI_AGAIN|api\.n8n\.io|Strapi|license SDK|Python task runner|system task run failed/i.test(line)) {
		return false; // n8n failing to call home: harmless without internet
	}
	return /error|failed|exception/i.test(line);
}

/**
 * @type {{runtime?: n8n.Runtime, serverEnv?: NodeJS.ProcessEnv, server?: Awaited<ReturnType<typeof n8n.startN8n>>,
 *   sim?: {url: string, close: () => Promise<void>}, watchers: fs.FSWatcher[]}}
 */
const state = { watchers: [] };
let stopping = false;

/** Stops n8n (if it runs) and forgets it, so that its exit is not reported as unexpected. */
async function stopServer() {
	const server = state.server;
	state.server = undefined;
	await server?.stop();
}

async function shutdown(/** @type {number} */ code) {
	if (stopping) return;
	stopping = true;
	for (const watcher of state.watchers) watcher.close();
	if (state.server) log('stopping n8n...');
	await stopServer().catch(() => undefined);
	await state.sim?.close().catch(() => undefined);
	fs.rmSync(SANDBOX_FILE, { force: true });
	log('stopped');
	process.exit(code);
}

// Output to a pipe or terminal that is gone (`npm run dev | tee dev.log`, whose tee the same
// Ctrl-C ends; a closed terminal) fails with EPIPE or EIO. Unhandled, that error ended this
// process at its first line after Ctrl-C, before shutdown: n8n was killed, not stopped, and
// .dev/sandbox.json stayed. What cannot be shown is dropped; n8n's log is in .dev/n8n.log.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
	process.on(signal, () => {
		// A second Ctrl-C does not wait: exiting kills what is still running (scripts/process.js).
		if (stopping) process.exit(130);
		log(`${signal}: stopping everything (press Ctrl-C again to force)`);
		void shutdown(0);
	});
}

/** Builds, packs and installs the package into the dev user folder. */
async function buildAndInstall() {
	const started = Date.now();
	log('building the package (npm run build)...');
	await run('npm', ['run', 'build'], { cwd: ROOT, env: cleanNpmEnv() });
	const packDir = path.join(DEV_DIR, 'pack');
	fs.rmSync(packDir, { recursive: true, force: true });
	const installed = await n8n.installPackage(ROOT, USER_FOLDER, packDir);
	log(`built and installed ${installed.name}@${installed.version} into ${path.relative(ROOT, installed.dir)} in ${formatDuration(Date.now() - started)}`);
}

/**
 * Imports the sandbox credential (every start: the sandbox port changes) and, on the first start,
 * the examples. Resolves true when it imported them.
 */
async function importData(/** @type {n8n.Runtime} */ runtime, /** @type {string} */ sandboxUrl) {
	const [port, brokerPort] = await freePorts(2);
	const cliEnv = n8n.n8nEnv(runtime, { userFolder: USER_FOLDER, port, brokerPort });
	log('importing the credential "WooshPay sandbox"...');
	await n8n.importCredentials(runtime, cliEnv, path.join(DEV_DIR, 'sandbox-credential.json'), [n8n.sandboxCredential(sandboxUrl)]);
	if (fs.existsSync(EXAMPLES_MARKER)) return false;
	log('importing the example workflows (first start)...');
	await n8n.n8nCli(runtime, cliEnv, ['import:workflow', '--separate', `--input=${path.join(ROOT, 'examples')}`]);
	await n8n.n8nCli(runtime, cliEnv, ['publish:workflow', `--id=${TRIGGER_EXAMPLE_ID}`]);
	fs.writeFileSync(EXAMPLES_MARKER, `${new Date().toISOString()}\n`);
	return true;
}

/**
 * The sandbox starts empty, without the webhook endpoints n8n registered at the last one, and
 * n8n 2.x registers nothing again on start for a webhook it knows: unpublish and publish each
 * published workflow with a WooshPay Trigger, so that its endpoint is registered at this sandbox.
 */
async function republishTriggers(/** @type {string} */ url, /** @type {string} */ cookie) {
	/** @type {(method: string, route: string, body?: unknown) => Promise<any>} */
	const call = (method, route, body) => n8n.rest(url, cookie, method, route, body);
	for (const { id, active } of await call('GET', '/rest/workflows')) {
		if (!active) continue;
		const workflow = await call('GET', `/rest/workflows/${id}`);
		if (!workflow.nodes.some((/** @type {{type: string}} */ node) => node.type === TRIGGER_TYPE)) continue;
		await call('POST', `/rest/workflows/${id}/deactivate`, {});
		await call('POST', `/rest/workflows/${id}/activate`, { versionId: workflow.versionId });
		log(`published "${workflow.name}" again: its trigger's endpoint is registered at this sandbox`);
	}
}

/** Starts n8n; its output goes to LOG_FILE, and the lines showN8nLine picks to the terminal. */
async function startServer() {
	if (!state.runtime || !state.serverEnv) throw new Error('no runtime');
	fs.appendFileSync(LOG_FILE, `\n==== n8n start ${new Date().toISOString()}\n`);
	let partial = '';
	const server = await n8n.startN8n(state.runtime, state.serverEnv, {
		group: true,
		onOutput: (text) => {
			fs.appendFileSync(LOG_FILE, text);
			const lines = (partial + text).split('\n');
			partial = lines.pop() ?? '';
			for (const line of lines) if (line.trim() && showN8nLine(line)) process.stdout.write(`[n8n] ${line}\n`);
		},
	});
	state.server = server;
	void server.exited.then(({ code, signal }) => {
		if (state.server !== server) return;
		state.server = undefined;
		log(`n8n exited unexpectedly (${signal ?? `code ${code}`}); see ${path.relative(ROOT, LOG_FILE)}. Save a watched file to start it again, or press Ctrl-C.`);
	});
	return server;
}

/** Rebuilds and restarts after source changes; one rebuild at a time, changes made meanwhile start another. */
function watchSources() {
	/** @type {NodeJS.Timeout | undefined} */
	let timer;
	let busy = false;
	/** @type {Set<string>} */
	const changed = new Set();

	const rebuild = async () => {
		if (busy || stopping || changed.size === 0) return;
		busy = true;
		const files = [...changed];
		changed.clear();
		const started = Date.now();
		log(`changed: ${files.slice(0, 5).join(', ')}${files.length > 5 ? ` and ${files.length - 5} more` : ''}`);
		try {
			await buildAndInstall();
			if (!stopping) {
				log('restarting n8n...');
				await stopServer();
				await startServer();
				log(`n8n restarted with the new build in ${formatDuration(Date.now() - started)}: reload the editor tab`);
			}
		} catch (error) {
			log(`${state.server ? 'build failed; n8n keeps running the last good build' : 'n8n is not running'}: ${message(error)}`);
			log('fix the problem and save again, or press Ctrl-C');
		}
		busy = false;
		void rebuild();
	};

	for (const dir of WATCHED) {
		const full = path.join(ROOT, dir);
		if (!fs.existsSync(full)) continue;
		const watcher = fs.watch(full, { recursive: true }, (_event, file) => {
			const name = String(file ?? '');
			if (stopping || !/\.(ts|js|json|svg|png)$/.test(name) || /(^|\/)\.|~$/.test(name)) return;
			changed.add(path.join(dir, name));
			clearTimeout(timer);
			timer = setTimeout(() => void rebuild(), 400);
		});
		state.watchers.push(watcher);
	}
}

async function main() {
	const started = Date.now();
	if (flags.reset && fs.existsSync(USER_FOLDER)) {
		log(`--reset: removing ${path.relative(ROOT, USER_FOLDER)}`);
		fs.rmSync(USER_FOLDER, { recursive: true, force: true });
	}
	fs.mkdirSync(USER_FOLDER, { recursive: true });
	const port = await freePort(flags.port ?? DEFAULT_PORT);
	if (flags.port !== undefined && port !== flags.port) throw new Error(`port ${flags.port} on 127.0.0.1 is in use`);

	const runtime = await n8n.ensureN8n(n8n.DEV_VERSION, { log: (m) => log(`n8n ${n8n.DEV_VERSION}: ${m}`) });
	state.runtime = runtime;
	const nodeVersion = (await run(runtime.nodeBin, ['--version'])).stdout.trim();
	log(`n8n ${runtime.version} on Node ${nodeVersion} (${path.resolve(runtime.n8nBin, '../../../..')})`);

	await buildAndInstall();

	// 'sandbox': the tests' seed and the payment intents in the other states of the lifecycle; the lifecycle's events fire.
	const sim = await startSimulator({ seed: 'sandbox' });
	state.sim = sim;
	fs.writeFileSync(SANDBOX_FILE, `${JSON.stringify({ url: sim.url, key: 'sk_test_sandbox' })}\n`);
	log(`WooshPay sandbox (simulator) listening at ${sim.url}`);

	const firstStart = await importData(runtime, sim.url);

	const [brokerPort] = (await freePorts(2)).filter((p) => p !== port);
	state.serverEnv = n8n.n8nEnv(runtime, { userFolder: USER_FOLDER, port, brokerPort });
	log(`starting n8n on 127.0.0.1:${port} (log: ${path.relative(ROOT, LOG_FILE)})...`);
	const server = await startServer();
	const { cookie, created } = await n8n.logIn(server.url);
	if (!firstStart) await republishTriggers(server.url, cookie);

	if (flags.watch) watchSources();
	const lines = [
		'',
		`WooshPay dev environment ready in ${formatDuration(Date.now() - started)}`,
		`  Editor:      ${server.url}`,
		`  Login:       ${n8n.DEV_OWNER.email} / ${n8n.DEV_OWNER.password}${created ? ' (just created)' : ''}`,
		`  Sandbox:     ${sim.url} (secret key sk_test_sandbox; seed customers cus_sandbox_1..3, cardholders ich_sandbox_1..3, cards ic_sandbox_1..4, authorizations iauth_sandbox_1..3, transactions ipi_sandbox_1..3, payment intents pi_sandbox_1..8, refund re_sandbox_1, events evt_sandbox_1..2, disputes dp_sandbox_1..3, products prod_sandbox_1..3 and more: README, Development)`,
		'  Credential:  "WooshPay sandbox" (points at the sandbox)',
		'  Workflows:   the examples in examples/ (Overview page of the editor)',
		'  Events:      the sandbox delivers signed events to published WooshPay Triggers; fire the example',
		'               "payment succeeded → update that customer\'s metadata" with',
		'                 npm run sandbox:event -- payment_intent.succeeded --customer cus_sandbox_1',
		'               or a whole payment: node test/simulator/cli.js pay --customer cus_sandbox_2 --amount 4200',
		`  n8n log:     ${path.relative(ROOT, LOG_FILE)}; user folder ${path.relative(ROOT, USER_FOLDER)}`,
		flags.watch
			? '  Watching nodes/, credentials/, icons/: a change rebuilds the package and restarts n8n.'
			: '  Not watching for changes (--no-watch).',
		'  Ctrl-C stops everything.',
		'',
	];
	process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error) => {
	log(`ERROR ${message(error)}`);
	void shutdown(1);
});
