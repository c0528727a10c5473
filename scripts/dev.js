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
 * What it does: ensures n8n 2.41.1 and Node 24 in the cache (scripts/n8n-runtime.js); builds
 * the package (npm run build), packs it and installs the tarball into
 * .dev/n8n/.n8n/nodes/node_modules/n8n-nodes-wooshpay, as n8n's own community-node install does;
 * starts the WooshPay simulator with its seed data (customers cus_sandbox_1..3, cardholders
 * ich_sandbox_1..3, their cards, authorizations and transactions, payment intents pi_sandbox_1..4,
 * refund re_sandbox_1, events evt_sandbox_1..2); imports the credential "WooshPay sandbox"
 * pointing at it and, on the first
 * start, the workflows in examples/ (publishing the WooshPay Trigger example); starts n8n on
 * 127.0.0.1 and creates the owner login dev@example.com / WooshPay-dev-1. A change under nodes/,
 * credentials/ or icons/ rebuilds the package and restarts n8n. Ctrl-C stops everything it started.
 *
 * Events: n8n registers its trigger endpoints at the sandbox with its WEBHOOK_URL (set to this
 * n8n by n8n-instance.js), so the sandbox delivers to it. The sandbox's address is written to
 * .dev/sandbox.json, where `npm run sandbox:event` (test/simulator/cli.js) finds it.
 */

const fs = require('node:fs');
const path = require('node:path');

const { ensureRuntime, formatDuration } = require('./n8n-runtime');
const inst = require('./n8n-instance');

const ROOT = path.resolve(__dirname, '..');
const DEV_DIR = path.join(ROOT, '.dev');
const USER_FOLDER = path.join(DEV_DIR, 'n8n');
const LOG_FILE = path.join(DEV_DIR, 'n8n.log');
const EXAMPLES_MARKER = path.join(USER_FOLDER, '.examples-imported');
const SANDBOX_FILE = path.join(DEV_DIR, 'sandbox.json');
/** The example with a WooshPay Trigger, published on the first start so that sandbox events fire it. */
const TRIGGER_EXAMPLE_ID = 'wpExamplePayment';
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

/** @param {string} message */
function log(message) {
	process.stdout.write(`[dev] ${message}\n`);
}

/** n8n's own log lines worth showing without --verbose: errors, minus its failed calls home. */
function showN8nLine(/** @type {string} */ line) {
	if (flags.verbose) return true;
	if (/^\s+at /.test(line)) return false; // stack frames: see the log file
	if (/ENOTFOUND|getaddrinfo|EAI_AGAIN|api\.n8n\.io|Strapi|license SDK|Python task runner|system task run failed/i.test(line)) {
		return false; // n8n failing to call home: harmless without internet
	}
	return /error|failed|exception/i.test(line);
}

/** @type {{sim?: {url: string, close: () => Promise<void>}, server?: import('./n8n-instance').N8nServer, watchers: fs.FSWatcher[]}} */
const state = { watchers: [] };
/** @type {import('./n8n-runtime').Runtime | undefined} */
let runtime;
/** @type {NodeJS.ProcessEnv | undefined} */
let serverEnv;
let stopping = false;

async function shutdown(/** @type {number} */ code) {
	if (stopping) return;
	stopping = true;
	for (const watcher of state.watchers) watcher.close();
	if (state.server) {
		log('stopping n8n...');
		await state.server.stop().catch(() => undefined);
	}
	if (state.sim) await state.sim.close().catch(() => undefined);
	fs.rmSync(SANDBOX_FILE, { force: true });
	log('stopped');
	process.exit(code);
}

let interrupts = 0;
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
	process.on(signal, () => {
		interrupts += 1;
		if (interrupts > 1) {
			// A second Ctrl-C: do not wait for a graceful stop.
			inst.killProcessGroupNow(state.server?.child);
			process.exit(130);
		}
		log(`${signal}: stopping everything (press Ctrl-C again to force)`);
		void shutdown(0);
	});
}

/** Builds, packs and installs the package into the dev user folder. */
async function buildAndInstall() {
	const started = Date.now();
	log('building the package (npm run build)...');
	await inst.runCommand('npm', ['run', 'build'], { cwd: ROOT });
	const packDir = path.join(DEV_DIR, 'pack');
	fs.rmSync(packDir, { recursive: true, force: true });
	const tarball = await inst.packPackage(ROOT, packDir);
	const installed = await inst.installPackedPackage(USER_FOLDER, tarball);
	log(
		`built and installed ${installed.name}@${installed.version} into ` +
			`${path.relative(ROOT, installed.dir)} in ${formatDuration(Date.now() - started)}`,
	);
}

/** Imports the sandbox credential (every start: the sandbox port changes) and, once, the examples. */
async function importData(/** @type {string} */ sandboxUrl) {
	if (!runtime) throw new Error('no runtime');
	const [port, broker] = await inst.freePorts(2);
	const cliEnv = inst.n8nEnv(runtime, { userFolder: USER_FOLDER, port, brokerPort: broker });
	const credentialFile = path.join(DEV_DIR, 'sandbox-credential.json');
	fs.writeFileSync(credentialFile, JSON.stringify([inst.sandboxCredential(sandboxUrl)], null, 2));
	log('importing the credential "WooshPay sandbox"...');
	await inst.runN8nCliOk(runtime, cliEnv, ['import:credentials', `--input=${credentialFile}`]);
	if (!fs.existsSync(EXAMPLES_MARKER)) {
		log('importing the example workflows (first start)...');
		await inst.runN8nCliOk(runtime, cliEnv, ['import:workflow', '--separate', `--input=${path.join(ROOT, 'examples')}`]);
		await inst.runN8nCliOk(runtime, cliEnv, ['publish:workflow', `--id=${TRIGGER_EXAMPLE_ID}`]);
		fs.writeFileSync(EXAMPLES_MARKER, `${new Date().toISOString()}\n`);
	}
}

async function startServer() {
	if (!runtime || !serverEnv) throw new Error('no runtime');
	fs.appendFileSync(LOG_FILE, `\n==== n8n start ${new Date().toISOString()}\n`);
	state.server = await inst.startN8n(runtime, serverEnv, {
		logFile: LOG_FILE,
		echo: (line) => {
			if (showN8nLine(line)) process.stdout.write(`[n8n] ${line}\n`);
		},
	});
}

/** Rebuilds and restarts after source changes; one at a time, the last change wins. */
function watchSources() {
	/** @type {NodeJS.Timeout | undefined} */
	let timer;
	let running = false;
	let again = false;
	/** @type {Set<string>} */
	const changed = new Set();

	const rebuild = async () => {
		if (running) {
			again = true;
			return;
		}
		running = true;
		const files = [...changed];
		changed.clear();
		const started = Date.now();
		log(`changed: ${files.slice(0, 5).join(', ')}${files.length > 5 ? ` and ${files.length - 5} more` : ''}`);
		try {
			await buildAndInstall();
		} catch (error) {
			log(`build failed; n8n keeps running the last good build.\n${error instanceof Error ? error.message : error}`);
			running = false;
			if (again && !stopping) {
				again = false;
				void rebuild();
			}
			return;
		}
		if (stopping) return;
		try {
			log('restarting n8n...');
			await state.server?.stop();
			state.server = undefined;
			await startServer();
			log(`n8n restarted with the new build in ${formatDuration(Date.now() - started)}: reload the editor tab`);
		} catch (error) {
			log(`n8n did not restart: ${error instanceof Error ? error.message : error}`);
			log('fix the problem and save again, or press Ctrl-C');
		}
		running = false;
		if (again && !stopping) {
			again = false;
			void rebuild();
		}
	};

	for (const dir of WATCHED) {
		const full = path.join(ROOT, dir);
		if (!fs.existsSync(full)) continue;
		const watcher = fs.watch(full, { recursive: true }, (_event, file) => {
			if (!file || stopping) return;
			const name = String(file);
			if (!/\.(ts|js|json|svg|png)$/.test(name) || /(^|\/)\.|~$/.test(name)) return;
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

	runtime = await ensureRuntime({ log: (m) => log(`runtime: ${m}`) });
	log(`n8n ${runtime.n8nVersion} on Node ${runtime.nodeVersion} (${runtime.n8nDir})`);

	await buildAndInstall();

	const { startSimulator } = require('../test/simulator/simulator');
	const sim = await startSimulator({ seed: true });
	state.sim = sim;
	fs.writeFileSync(SANDBOX_FILE, `${JSON.stringify({ url: sim.url, key: 'sk_test_sandbox' })}\n`);
	log(`WooshPay sandbox (simulator) listening at ${sim.url}`);

	await importData(sim.url);

	let port = flags.port;
	if (port === undefined) {
		port = (await isPortFree(DEFAULT_PORT)) ? DEFAULT_PORT : await inst.freePort();
	} else if (!(await isPortFree(port))) {
		throw new Error(`port ${port} on 127.0.0.1 is in use`);
	}
	let brokerPort = await inst.freePort();
	while (brokerPort === port) brokerPort = await inst.freePort();
	serverEnv = inst.n8nEnv(runtime, { userFolder: USER_FOLDER, port, brokerPort });
	log(`starting n8n on 127.0.0.1:${port} (log: ${path.relative(ROOT, LOG_FILE)})...`);
	await startServer();
	if (!state.server) throw new Error('n8n did not start');
	const owner = await inst.ensureOwner(state.server.url, inst.DEV_OWNER);

	if (flags.watch) watchSources();
	const lines = [
		'',
		`WooshPay dev environment ready in ${formatDuration(Date.now() - started)}`,
		`  Editor:      ${state.server.url}`,
		`  Login:       ${inst.DEV_OWNER.email} / ${inst.DEV_OWNER.password}${owner === 'created' ? ' (just created)' : ''}`,
		`  Sandbox:     ${sim.url} (secret key sk_test_sandbox; seed customers cus_sandbox_1..3, cardholders ich_sandbox_1..3, cards ic_sandbox_1..4, authorizations iauth_sandbox_1..3, transactions ipi_sandbox_1..3, payment intents pi_sandbox_1..4, refund re_sandbox_1, events evt_sandbox_1..2)`,
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

/** @param {number} port */
function isPortFree(port) {
	const net = require('node:net');
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, inst.HOST, () => server.close(() => resolve(true)));
	});
}

main().catch((error) => {
	log(`ERROR ${error instanceof Error ? error.message : String(error)}`);
	void shutdown(1);
});
