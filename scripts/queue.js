// @ts-check
'use strict';

/**
 * n8n in queue mode on this machine, for the benchmark (bench/queue.js) and any test that needs
 * it: PostgreSQL, Redis, an n8n main process (`n8n start`), workers (`n8n worker`) and webhook
 * processors (`n8n webhook`), each n8n process with its own user folder holding the packed
 * package as an installed community package, all on loopback ports, all stopped by process id.
 *
 *   const queue = await start({ workers: 2, webhooks: 1, credentials, workflows });
 *   ... queue.mainUrl, queue.webhookUrls, await queue.rest('GET', '/rest/executions') ...
 *   await queue.stop();
 *
 * What it does (see /work/shared/n8n/README.md, "Queue mode on this machine"):
 * - installs Debian's `redis-server` and `postgresql` with apt-get when they are missing (as
 *   root; otherwise it says what to install);
 * - makes one temporary folder, `<tmp>/wooshpay-queue-<random>/`, for everything: PostgreSQL's
 *   data (initdb and postgres run as `nobody` through setpriv when we are root: PostgreSQL
 *   refuses to run as root), Redis's folder, the n8n user folders, the import files;
 * - imports the given credentials and workflows with n8n's CLI (the first command creates the
 *   tables), then starts main, the workers and the webhook processors with the same
 *   N8N_ENCRYPTION_KEY, DB_TYPE=postgresdb, EXECUTIONS_MODE=queue, QUEUE_BULL_REDIS_HOST/PORT, and
 *   a distinct N8N_PORT, N8N_RUNNERS_BROKER_PORT and QUEUE_HEALTH_CHECK_PORT each;
 *   N8N_WEBHOOK_URL is the first webhook processor's address, standing in for a load balancer;
 * - logs in as DEV_OWNER (scripts/n8n.js) on main, creating the owner.
 *
 * Clean-up: stop() ends the n8n processes, then Redis and PostgreSQL, by their process ids (each
 * runs in a process group of its own, scripts/process.js), and removes the folder. Ctrl-C,
 * SIGTERM and SIGHUP while it runs stop everything too. A run killed outright (SIGKILL) leaves
 * its processes and folder behind: the folder lists the pids it started (`pids`) and its owner
 * (`owner`); the next start() ends those whose owner is gone (only processes whose command line
 * or environment names that folder) and removes the folder.
 *
 * `node scripts/queue.js [--version 2.41.1] [--workers 2] [--webhooks 1]` starts it, prints the
 * addresses and waits for Ctrl-C.
 */
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const n8n = require('./n8n');
const { formatDuration, freePorts, lastLines, run, start: startProcess, waitFor } = require('./process');

const ROOT = path.resolve(__dirname, '..');
const WORK_PREFIX = 'wooshpay-queue-';
/** `nobody` on Debian: PostgreSQL's user when we are root. */
const NOBODY = 65534;
const DB_NAME = 'n8n';
const DB_USER = 'n8n';
const APT_PACKAGES = ['redis-server', 'postgresql'];
/** How long n8n processes get to finish on SIGTERM before SIGKILL (n8n's own grace is set below it). */
const STOP_GRACE_MS = 15000;

/**
 * @typedef {object} QueueOptions
 * @property {string} [version]            n8n version, one of scripts/n8n.js LINES (default 2.41.1)
 * @property {number} [workers]            `n8n worker` processes (default 2)
 * @property {number} [webhooks]           `n8n webhook` processors (default 1)
 * @property {number} [workerConcurrency]  executions each worker runs at once (default: n8n's, 10)
 * @property {string} [packageDir]         the package to install, built (default: this repository)
 * @property {object[]} [credentials]      imported before main starts ({id, name, type, data} with plaintext data)
 * @property {object[]} [workflows]        imported before main starts (their ids are kept)
 * @property {string[]} [publish]          ids of workflows to publish (2.x; activate in 1.x) with the CLI before main starts
 * @property {NodeJS.ProcessEnv} [env]     more environment for every n8n process
 * @property {(message: string) => void} [log]
 */

/**
 * @typedef {object} Queue
 * @property {string} version
 * @property {string} mainUrl              main's address (editor, REST, webhooks too)
 * @property {string[]} webhookUrls        each webhook processor's address
 * @property {string[]} processes          the n8n processes' names: main, worker-1, ..., webhook-1, ...
 * @property {(name: string) => string} output   the log of one n8n process (main, worker-1, webhook-1 ...)
 * @property {() => Promise<string>} logIn       main's session cookie (logged in at start; again if asked)
 * @property {(method: string, route: string, body?: unknown) => Promise<any>} rest   a REST call to main as DEV_OWNER
 * @property {(id: string) => Promise<void>} publish   publishes (2.x) or activates (1.123) a workflow through REST, as the editor does
 * @property {(args: string[]) => Promise<{code: number | null, stdout: string, output: string}>} cli   an n8n CLI command beside the servers
 * @property {() => Promise<void>} stop    stops everything started and removes the folder; safe to call twice
 */

/** @param {number} pid */
function alive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
	}
}

/**
 * Whether process `pid` is one of ours, not a reused pid: its working folder (every process is
 * started in `dir`; Redis and PostgreSQL move into their folders inside it), command line or
 * environment names `dir`.
 * @param {number} pid @param {string} dir
 */
function namesFolder(pid, dir) {
	try {
		if (fs.readlinkSync(`/proc/${pid}/cwd`).startsWith(dir)) return true;
	} catch {
		// gone, or not ours to read
	}
	for (const file of ['cmdline', 'environ']) {
		try {
			if (fs.readFileSync(`/proc/${pid}/${file}`, 'latin1').includes(dir)) return true;
		} catch {
			// gone, or not ours to read
		}
	}
	return false;
}

/**
 * Ends what runs left behind that were killed before their clean-up, and removes their folders.
 * A folder whose owner still runs belongs to a run in progress and is left alone.
 * @param {(message: string) => void} log
 */
function cleanStale(log) {
	const tmp = os.tmpdir();
	for (const entry of fs.readdirSync(tmp)) {
		if (!entry.startsWith(WORK_PREFIX)) continue;
		const dir = path.join(tmp, entry);
		let owner = 0;
		try {
			owner = Number(fs.readFileSync(path.join(dir, 'owner'), 'utf8'));
		} catch {
			// no owner written: a start killed at its first step
		}
		if (owner && owner !== process.pid && alive(owner)) continue;
		/** @type {Array<{pid: number, name: string}>} */
		let pids = [];
		try {
			pids = fs.readFileSync(path.join(dir, 'pids'), 'utf8').split('\n').filter(Boolean).map((line) => {
				const [pid, name] = line.split(' ');
				return { pid: Number(pid), name };
			});
		} catch {
			// nothing was started
		}
		const ours = pids.filter(({ pid }) => pid > 0 && namesFolder(pid, dir));
		/** @type {(pid: number, signal: NodeJS.Signals) => void} */
		const kill = (pid, signal) => {
			for (const target of [-pid, pid]) {
				try {
					process.kill(target, signal); // its process group first: n8n's task runner goes with n8n
				} catch {
					// gone already
				}
			}
		};
		// n8n and Redis at once; PostgreSQL with SIGINT, its fast shutdown, which ends its backends
		// too (they run in process groups of their own), then SIGKILL what is left after 10 s.
		for (const { pid, name } of ours) kill(pid, name === 'postgres' ? 'SIGINT' : 'SIGKILL');
		const deadline = Date.now() + 10000;
		while (ours.some(({ pid }) => alive(pid)) && Date.now() < deadline) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
		for (const { pid } of ours) if (alive(pid)) kill(pid, 'SIGKILL');
		log(`removed what an earlier run left behind: ${dir}${ours.length ? ` (ended ${ours.map(({ pid, name }) => `${name} ${pid}`).join(', ')})` : ''}`);
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

/** The newest PostgreSQL's bin folder in Debian's layout, or undefined. */
function postgresBin() {
	const base = '/usr/lib/postgresql';
	if (!fs.existsSync(base)) return undefined;
	const versions = fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', 'postgres')));
	versions.sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(base, versions[0], 'bin') : undefined;
}

/** `redis-server`'s path, or undefined. */
function redisBin() {
	return ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((file) => fs.existsSync(file));
}

/**
 * PostgreSQL's and Redis's binaries, installed with apt-get first when missing.
 * @param {(message: string) => void} log
 */
async function ensureServices(log) {
	if (!postgresBin() || !redisBin()) {
		const missing = [!redisBin() && 'redis-server', !postgresBin() && 'postgresql'].filter(Boolean).join(' and ');
		if (process.getuid?.() !== 0) {
			throw new Error(`queue mode needs ${missing}: install them (sudo apt-get install -y --no-install-recommends ${APT_PACKAGES.join(' ')}) and run again`);
		}
		const started = Date.now();
		log(`installing ${missing} with apt-get (once)`);
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		// Another apt-get (another helper, unattended upgrades) may hold dpkg's lock: wait for it.
		const lock = ['-o', 'DPkg::Lock::Timeout=600'];
		await run('apt-get', [...lock, 'update'], { env, timeoutMs: 15 * 60000, log });
		await run('apt-get', [...lock, 'install', '-y', '--no-install-recommends', ...APT_PACKAGES], { env, timeoutMs: 15 * 60000, log });
		log(`installed ${missing} in ${formatDuration(Date.now() - started)}`);
	}
	const pg = postgresBin();
	const redis = redisBin();
	if (!pg || !redis) throw new Error(`apt-get finished, but ${pg ? 'redis-server' : 'PostgreSQL'} is still missing`);
	return { pg, redis };
}

/**
 * Starts n8n in queue mode. Resolves once main, every worker and every webhook processor is
 * ready and main is logged into; rejects (after stopping what it started) otherwise.
 * @param {QueueOptions} [options]
 * @returns {Promise<Queue>}
 */
async function start(options = {}) {
	const version = options.version ?? n8n.DEV_VERSION;
	const workers = options.workers ?? 2;
	const webhooks = options.webhooks ?? 1;
	const log = options.log ?? ((m) => process.stderr.write(`[queue] ${m}\n`));
	const began = Date.now();

	cleanStale(log);
	const bins = await ensureServices(log);
	const runtime = await n8n.ensureN8n(version, { log });

	const work = fs.mkdtempSync(path.join(os.tmpdir(), WORK_PREFIX));
	fs.chmodSync(work, 0o711); // PostgreSQL runs as nobody and must reach its folder inside
	fs.writeFileSync(path.join(work, 'owner'), String(process.pid));
	/** @type {Array<{name: string, proc: import('./process').Started}>} in the order started */
	const started = [];
	let stopped = false;

	/** Starts a long-running process in a group of its own (in `work`), its pid noted for a later clean-up. @type {(name: string, command: string, args: string[], env?: NodeJS.ProcessEnv) => import('./process').Started} */
	const spawn = (name, command, args, env) => {
		const proc = startProcess(command, args, { env: env ?? process.env, group: true, cwd: work });
		if (proc.child.pid) fs.appendFileSync(path.join(work, 'pids'), `${proc.child.pid} ${name}\n`);
		started.push({ name, proc });
		return proc;
	};
	/** @type {(name: string, proc: import('./process').Started, line: string, timeoutMs: number) => Promise<void>} */
	const ready = async (name, proc, line, timeoutMs) => {
		let exited = false;
		void proc.exited.then(() => (exited = true));
		try {
			await waitFor(`${name} logging "${line}"`, () => {
				if (exited) throw new Error(`${name} exited`);
				return proc.output().includes(line);
			}, timeoutMs);
		} catch (error) {
			throw new Error(`${error instanceof Error ? error.message : error}; its last log lines:\n${lastLines(proc.output(), 30)}`);
		}
	};

	const stop = async () => {
		if (stopped) return;
		stopped = true;
		for (const signal of SIGNALS) process.off(signal, onSignal);
		const n8nProcs = started.filter(({ name }) => name !== 'postgres' && name !== 'redis');
		// The n8n processes first (they hold connections to both), all at once; then Redis and PostgreSQL.
		await Promise.all(n8nProcs.map(({ proc }) => proc.stop(STOP_GRACE_MS)));
		for (const name of ['redis', 'postgres']) await started.find((s) => s.name === name)?.proc.stop(STOP_GRACE_MS);
		fs.rmSync(work, { recursive: true, force: true });
	};
	const onSignal = (/** @type {NodeJS.Signals} */ signal) => {
		log(`${signal}: stopping queue mode's processes`);
		void stop().finally(() => process.exit(130));
	};
	const SIGNALS = /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP']);
	for (const signal of SIGNALS) process.on(signal, onSignal);

	try {
		const ports = await freePorts(6 + 2 * workers + 3 * webhooks);
		const take = () => /** @type {number} */ (ports.shift());
		const pgPort = take();
		const redisPort = take();

		// PostgreSQL, as nobody when we are root.
		const pgDir = path.join(work, 'pg');
		fs.mkdirSync(pgDir);
		const asRoot = process.getuid?.() === 0;
		if (asRoot) fs.chownSync(pgDir, NOBODY, NOBODY);
		/** @type {(bin: string, args: string[]) => [string, string[]]} */
		const asPgUser = (bin, args) => (asRoot ? ['setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--', bin, ...args]] : [bin, args]);
		const pgData = path.join(pgDir, 'data');
		await run(...asPgUser(path.join(bins.pg, 'initdb'), ['-D', pgData, '-U', DB_USER, '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']), { cwd: work, timeoutMs: 120000 });
		const pgArgs = ['-D', pgData, '-p', String(pgPort), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${pgDir}`];
		// A throw-away database: no durability, room for every process's connection pool.
		pgArgs.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200');
		const postgres = spawn('postgres', ...asPgUser(path.join(bins.pg, 'postgres'), pgArgs));
		await ready('postgres', postgres, 'database system is ready to accept connections', 60000);
		await run(path.join(bins.pg, 'createdb'), ['-h', '127.0.0.1', '-p', String(pgPort), '-U', DB_USER, DB_NAME], { timeoutMs: 60000 });

		const redisDir = path.join(work, 'redis');
		fs.mkdirSync(redisDir);
		const redis = spawn('redis', bins.redis, ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--dir', redisDir]);
		await ready('redis', redis, 'Ready to accept connections', 30000);
		log(`PostgreSQL on 127.0.0.1:${pgPort}, Redis on 127.0.0.1:${redisPort} (${work})`);

		// The package, packed and installed once into main's user folder, then copied into the others'.
		const packageDir = options.packageDir ?? ROOT;
		const userFolder = (/** @type {string} */ name) => path.join(work, 'n8n', name);
		const installed = await n8n.installPackage(packageDir, userFolder('main'), path.join(work, 'pack'));
		const names = ['main', ...Array.from({ length: workers }, (_, i) => `worker-${i + 1}`), ...Array.from({ length: webhooks }, (_, i) => `webhook-${i + 1}`)];
		for (const name of names.slice(1)) fs.cpSync(path.join(userFolder('main'), '.n8n', 'nodes'), path.join(userFolder(name), '.n8n', 'nodes'), { recursive: true });

		const encryptionKey = randomBytes(24).toString('hex');
		/** @type {Record<string, {port: number, brokerPort: number, healthPort: number}>} */
		const portsOf = Object.fromEntries(names.map((name) => [name, { port: take(), brokerPort: take(), healthPort: take() }]));
		const cliPorts = { port: take(), brokerPort: take(), healthPort: take() };
		const webhookUrls = names.filter((n) => n.startsWith('webhook-')).map((n) => `http://${n8n.HOST}:${portsOf[n].port}`);
		const mainUrl = `http://${n8n.HOST}:${portsOf.main.port}`;
		// Production webhook URLs point at a webhook processor (a load balancer's place), or main when there is none.
		const publicWebhookUrl = `${webhookUrls[0] ?? mainUrl}/`;
		/** @type {(folder: string, p: {port: number, brokerPort: number, healthPort: number}) => NodeJS.ProcessEnv} */
		const envFor = (folder, p) => ({
			...n8n.n8nEnv(runtime, { userFolder: folder, port: p.port, brokerPort: p.brokerPort }),
			N8N_EDITOR_BASE_URL: `${mainUrl}/`,
			WEBHOOK_URL: publicWebhookUrl,
			N8N_WEBHOOK_URL: publicWebhookUrl,
			N8N_ENCRYPTION_KEY: encryptionKey,
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(pgPort),
			DB_POSTGRESDB_DATABASE: DB_NAME,
			DB_POSTGRESDB_USER: DB_USER,
			DB_POSTGRESDB_PASSWORD: 'unused-trust-auth',
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redisPort),
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(p.healthPort),
			N8N_WORKER_SERVER_ADDRESS: n8n.HOST,
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: String(Math.floor(STOP_GRACE_MS / 1000) - 5),
			...options.env,
		});
		const cliEnv = envFor(userFolder('main'), cliPorts);
		/** @param {string[]} args */
		const cli = (args) => n8n.n8nCli(runtime, cliEnv, args);

		// Imports before main starts; the first command creates the tables.
		if (options.credentials?.length) await n8n.importCredentials(runtime, cliEnv, path.join(work, 'credentials.json'), options.credentials);
		for (const [i, workflow] of (options.workflows ?? []).entries()) {
			const file = path.join(work, `workflow-${i}.json`);
			fs.writeFileSync(file, JSON.stringify(workflow));
			await cli(['import:workflow', `--input=${file}`]);
		}
		if (!options.credentials?.length && !options.workflows?.length) await cli(['list:workflow']); // creates the tables
		for (const id of options.publish ?? []) {
			await cli(version.startsWith('1.') ? ['update:workflow', `--id=${id}`, '--active=true'] : ['publish:workflow', `--id=${id}`]);
		}

		/** @type {Record<string, import('./process').Started>} */
		const procs = {};
		const n8nArgs = (/** @type {string} */ name) => {
			if (name === 'main') return ['start'];
			if (name.startsWith('worker-')) return ['worker', ...(options.workerConcurrency ? [`--concurrency=${options.workerConcurrency}`] : [])];
			return ['webhook'];
		};
		const readyLine = (/** @type {string} */ name) =>
			name === 'main' ? 'Editor is now accessible' : name.startsWith('worker-') ? 'n8n worker is now ready' : 'Webhook listener waiting for requests';
		/** @param {string} name */
		const startOne = async (name) => {
			procs[name] = spawn(name, runtime.nodeBin, [runtime.n8nBin, ...n8nArgs(name)], envFor(userFolder(name), portsOf[name]));
			await ready(`n8n ${name}`, procs[name], readyLine(name), 180000);
		};
		await startOne('main');
		await waitFor(`${mainUrl}/rest/settings answering 200`, () => fetch(`${mainUrl}/rest/settings`).then((r) => r.ok, () => false), 30000);
		// Workers and webhook processors side by side: each spends its start-up migrating nothing and loading nodes.
		await Promise.all(names.slice(1).map(startOne));

		let cookie = '';
		const logIn = async () => (cookie = (await n8n.logIn(mainUrl)).cookie);
		await logIn();
		/** @type {(method: string, route: string, body?: unknown) => Promise<any>} */
		const rest = (method, route, body) => n8n.rest(mainUrl, cookie, method, route, body);
		/**
		 * As the editor's Publish (2.x) or Activate (1.123) does; the route is the same on both lines.
		 * @param {string} id
		 */
		const publish = async (id) => {
			const workflow = await rest('GET', `/rest/workflows/${id}`);
			await rest('POST', `/rest/workflows/${id}/activate`, { versionId: workflow.versionId });
		};
		log(
			`n8n ${version} in queue mode ready in ${formatDuration(Date.now() - began)}: main ${mainUrl}, ${workers} worker${workers === 1 ? '' : 's'}, ` +
				`webhook processor${webhooks === 1 ? '' : 's'} ${webhookUrls.join(', ') || 'none'}; ${installed.name}@${installed.version} installed`,
		);
		return {
			version,
			mainUrl,
			webhookUrls,
			processes: names,
			output: (name) => procs[name]?.output() ?? '',
			logIn,
			rest,
			publish,
			cli: (args) => n8n.n8nCli(runtime, cliEnv, args, { check: false }),
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}

module.exports = { start, cleanStale, WORK_PREFIX };

if (require.main === module) {
	const arg = (/** @type {string} */ name, /** @type {string} */ fallback) => {
		const at = process.argv.indexOf(name);
		return at >= 0 ? String(process.argv[at + 1]) : fallback;
	};
	start({ version: arg('--version', n8n.DEV_VERSION), workers: Number(arg('--workers', '2')), webhooks: Number(arg('--webhooks', '1')) }).then(
		(queue) => {
			process.stdout.write(`main ${queue.mainUrl} (login ${n8n.DEV_OWNER.email} / ${n8n.DEV_OWNER.password}); webhook processors ${queue.webhookUrls.join(', ')}; Ctrl-C stops everything\n`);
		},
		(error) => {
			process.stderr.write(`${error instanceof Error ? error.message : error}\n`);
			process.exit(1);
		},
	);
}
