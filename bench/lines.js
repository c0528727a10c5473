// @ts-check
'use strict';

/**
 * Scenario 6 of `npm run bench`: the packed package in a real n8n of each tested line
 * (scripts/n8n.js LINES), running a Cardholder → Update workflow with `n8n execute` against a
 * simulator the runner starts: how bulk runs behave on n8n 1.x beside 2.x.
 */
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { cardholderId, ourParameters } = require('./workload');

const n8nScripts = require('../scripts/n8n');
const { freePorts } = require('../scripts/process');

const ROOT = path.resolve(__dirname, '..');
const WORKFLOW_ID = 'wpBenchLines';

/**
 * Manual Trigger → Code (the cardholder IDs) → WooshPay: Cardholder → Update, every field set.
 * @param {string} prefix
 * @param {number} count
 */
function workflow(prefix, count) {
	const ids = Array.from({ length: count }, (_, i) => cardholderId(prefix, i));
	/**
	 * @param {string} name
	 * @param {string} type
	 * @param {number} typeVersion
	 * @param {number} x
	 * @param {object} parameters
	 * @param {object} [extra]
	 */
	const node = (name, type, typeVersion, x, parameters, extra = {}) => ({
		id: `00000000-0000-4000-8000-00000000000${x}`,
		name,
		type,
		typeVersion,
		position: [x * 240, 0],
		parameters,
		...extra,
	});
	return {
		id: WORKFLOW_ID,
		name: 'WooshPay bench: Cardholder Update',
		nodes: [
			node('Start', 'n8n-nodes-base.manualTrigger', 1, 1, {}),
			node('Cardholders', 'n8n-nodes-base.code', 2, 2, { jsCode: `return ${JSON.stringify(ids)}.map((id) => ({ json: { id } }));` }),
			node('Update cardholder', 'n8n-nodes-wooshpay.wooshPay', 1, 3, ourParameters(), {
				credentials: { wooshPayApi: { id: n8nScripts.SANDBOX_CREDENTIAL_ID, name: 'WooshPay sandbox' } },
			}),
		],
		connections: {
			Start: { main: [[{ node: 'Cardholders', type: 'main', index: 0 }]] },
			Cardholders: { main: [[{ node: 'Update cardholder', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

/**
 * An n8n of `version` with the packed package installed (dist/ must be built), once for all its runs.
 * @param {string} version
 * @param {(text: string) => void} log
 */
async function prepareLine(version, log) {
	const runtime = await n8nScripts.ensureN8n(version, { log: (m) => log(`n8n ${version}: ${m}`) });
	const work = mkdtempSync(path.join(os.tmpdir(), `wooshpay-bench-${version}-`));
	const userFolder = path.join(work, 'user');
	await n8nScripts.installPackage(ROOT, userFolder, path.join(work, 'pack'));
	const [port, brokerPort] = await freePorts(2);
	const env = n8nScripts.n8nEnv(runtime, { userFolder, port, brokerPort });
	return {
		/**
		 * Points the sandbox credential at `simUrl`, imports the workflow for `count` cardholders
		 * and runs it; resolves with `n8n execute`'s exit code.
		 * @param {string} simUrl
		 * @param {string} prefix
		 * @param {number} count
		 */
		async run(simUrl, prefix, count) {
			await n8nScripts.importCredentials(runtime, env, path.join(work, 'credentials.json'), [n8nScripts.sandboxCredential(simUrl)]);
			const file = path.join(work, 'workflow.json');
			writeFileSync(file, JSON.stringify(workflow(prefix, count)));
			await n8nScripts.n8nCli(runtime, env, ['import:workflow', `--input=${file}`]);
			const { code } = await n8nScripts.n8nCli(runtime, env, ['execute', `--id=${WORKFLOW_ID}`], { check: false });
			return code;
		},
		dispose: () => rmSync(work, { recursive: true, force: true }),
	};
}

module.exports = { prepareLine };
