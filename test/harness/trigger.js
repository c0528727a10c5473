// @ts-check
'use strict';

/**
 * Runs the WooshPay Trigger the way n8n's server does, on n8n-core's public exports (n8n's own
 * code for this is packages/cli/src/webhooks/: webhook.service.ts, live-webhooks.ts,
 * test-webhooks.ts, webhook-helpers.ts):
 *
 * - Lifecycle: `webhookMethods.default.checkExists`, `create` and `delete` are called through
 *   n8n-core's HookContext; publishing is checkExists, then create when it answered false.
 *   The workflow's static data is kept as n8n's database keeps it: a fresh Workflow is built
 *   for every call from a JSON copy, and saved back only when n8n would save it (it changed).
 * - Deliveries: a real HTTP server on 127.0.0.1 plays n8n's webhook endpoints
 *   (`/webhook/<webhookId>/webhook`, and `/webhook-test/...` while "listening for a test
 *   event"). It keeps the raw body (`rawBody`, as n8n's body parser does), parses JSON into
 *   `body`, runs the node's `webhook()` through n8n-core's WebhookContext with express-like
 *   request and response objects, answers as n8n 2.41 does for responseMode "onReceived", and
 *   starts the workflow with the trigger's output in n8n-core's WorkflowExecute. What n8n saves
 *   of the static data after a delivery is what n8n 2.41 saves (see receive()).
 * - n8n's store of processed data: each workflow has a ProcessedDataStore
 *   (./processed-data.js), which the run's execute context reaches through n8n-core's helpers.
 * - Several n8n processes of one workflow (queue mode, or several mains): `otherProcess()`
 *   starts another harness for the same workflow, with its own URL and its own copy of the
 *   trigger's modules (a process's memory), sharing the workflow's static data (n8n's database)
 *   and its store of processed data. Each harness receives its deliveries and runs them itself.
 *
 * Not here: n8n's database, its Redis queue, the editor's push messages.
 */
/** @import { IncomingMessage, Server, ServerResponse } from 'node:http' */
const { createServer } = require('node:http');
/** @import { AddressInfo } from 'node:net' */

const { HookContext, WebhookContext, WorkflowExecute } = require('n8n-core');
/**
 * @import {
 *   ICredentialDataDecryptedObject,
 *   IConnections,
 *   IDataObject,
 *   INode,
 *   INodeType,
 *   IRun,
 *   IWebhookData,
 *   IWebhookDescription,
 *   IWebhookResponseData,
 *   IWorkflowBase,
 *   WebhookSetupMethodNames,
 *   WorkflowExecuteMode,
 * } from 'n8n-workflow'
 */
const { Workflow, createRunExecutionData } = require('n8n-workflow');

const { additionalDataFor, nodeTypes, packageLoaded } = require('./engine');
const { ProcessedDataStore, useStore } = require('./processed-data');

/** The trigger as n8n names it; test/harness/engine.js loads it with the package. */
const TRIGGER_TYPE = 'n8n-nodes-wooshpay.wooshPayTrigger';

const TRIGGER_NAME = 'WooshPay Trigger';
const WEBHOOK_ID = '7d3f9a2e-0c41-4b5e-9f1a-2b8c6d4e5f60';

/** Each harness is a workflow of its own, as each test's workflow would be in n8n. */
let workflows = 0;

/**
 * @typedef {object} TriggerOptions
 * @property {ICredentialDataDecryptedObject} credentials
 * @property {IDataObject} [parameters] The trigger's parameters, for a workflow of the trigger alone.
 * @property {{ id?: string; nodes: INode[]; connections: IConnections }} [workflow] A whole workflow (as in a workflow file) with a WooshPay Trigger in it.
 * @property {ProcessedDataStore} [store] n8n's store of processed data for the workflow. Default: an empty one.
 */

/**
 * What the processes of one workflow share: n8n's database (the workflow's static data) and
 * its store of processed data.
 * @typedef {object} Shared
 * @property {IDataObject} staticData
 * @property {ProcessedDataStore} store
 */

/**
 * The trigger's node type as a process of its own loads it: the built modules required afresh
 * (jest.isolateModules), so that its memory (dedup.ts) is its own, with the description n8n's
 * loader made of it.
 * @param {INodeType} loaded
 * @returns {INodeType}
 */
function triggerOfAnotherProcess(loaded) {
	/** @type {INodeType | undefined} */
	let fresh;
	jest.isolateModules(() => {
		const { WooshPayTrigger } = require('../../dist/nodes/WooshPayTrigger/WooshPayTrigger.node.js');
		fresh = /** @type {INodeType} */ (new WooshPayTrigger());
	});
	const nodeType = /** @type {INodeType} */ (fresh);
	nodeType.description = loaded.description;
	return nodeType;
}

/**
 * @typedef {object} Answer
 * @property {number} status
 * @property {unknown} body The answer parsed as JSON, or its text.
 */

/** @typedef {'production' | 'test'} Mode */

let executions = 0;

/** @template T @param {T} value @returns {T} */
const clone = (value) => JSON.parse(JSON.stringify(value));

/**
 * The request and response objects of express that n8n hands to a webhook, as far as nodes use them.
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @param {Buffer} rawBody
 */
function expressLike(req, res, rawBody) {
	/** @type {unknown} */
	let body = {};
	if (String(req.headers['content-type'] ?? '').includes('json') && rawBody.length > 0) {
		try {
			body = JSON.parse(rawBody.toString('utf8'));
		} catch {
			body = {};
		}
	}
	const request = Object.assign(req, {
		rawBody,
		body,
		query: {},
		params: {},
		/** @param {string} name */
		header: (name) => req.headers[name.toLowerCase()],
	});
	const response = Object.assign(res, {
		/** @param {number} code */
		status(code) {
			res.statusCode = code;
			return response;
		},
		/** @param {unknown} data */
		json(data) {
			res.setHeader('content-type', 'application/json; charset=utf-8');
			res.end(JSON.stringify(data));
			return response;
		},
		/** @param {unknown} data */
		send(data) {
			res.end(typeof data === 'string' || Buffer.isBuffer(data) ? data : JSON.stringify(data));
			return response;
		},
	});
	return { request, response };
}

class TriggerHarness {
	/**
	 * The workflow's static data as n8n's database holds it (production).
	 * @type {IDataObject}
	 */
	get staticData() {
		return this.shared.staticData;
	}

	set staticData(data) {
		this.shared.staticData = data;
	}

	/**
	 * n8n's store of processed data for the workflow, shared by its processes.
	 * @returns {ProcessedDataStore}
	 */
	get store() {
		return this.shared.store;
	}

	/**
	 * The static data of the test registration while "listening for a test event".
	 * @type {IDataObject | undefined}
	 */
	testStaticData;

	/**
	 * The workflows started by deliveries, in order.
	 * @readonly
	 * @type {IRun[]}
	 */
	runs = [];

	url = '';

	/** @readonly @type {string} */
	workflowId;

	/** @private @readonly @type {INode[]} */
	nodes;

	/** @private @readonly @type {IConnections} */
	connections;

	/** @private @readonly @type {Set<Promise<unknown>>} */
	pending = new Set();

	/** @private @readonly @type {TriggerHarness[]} */
	others = [];

	/** @private @type {Server | undefined} */
	server;

	/** @private @readonly @type {TriggerOptions} */
	options;

	/** @private @readonly @type {Shared} */
	shared;

	/**
	 * The trigger's node type as this process loaded it.
	 * @private @readonly @type {INodeType}
	 */
	nodeType;

	/**
	 * The node types of this process: the trigger's own copy, the others as engine.js loads them.
	 * @private @readonly @type {import('n8n-workflow').INodeTypes}
	 */
	nodeTypes;

	/**
	 * @private
	 * @param {TriggerOptions} options
	 * @param {{ workflowId: string; shared: Shared; nodeType: INodeType; nodes: INode[]; connections: IConnections }} [process] Set for another process of a workflow: what it shares with the first.
	 */
	constructor(options, process) {
		this.options = options;
		this.workflowId = process?.workflowId ?? options.workflow?.id ?? `wfTrigger${++workflows}`;
		this.shared = process?.shared ?? { staticData: {}, store: options.store ?? new ProcessedDataStore() };
		const nodeType = process?.nodeType ?? /** @type {INodeType} */ (nodeTypes.getByNameAndVersion(TRIGGER_TYPE, 1));
		this.nodeType = nodeType;
		this.nodeTypes = {
			getByName: (type) => (type === TRIGGER_TYPE ? nodeType : nodeTypes.getByName(type)),
			getByNameAndVersion: (type, version) => (type === TRIGGER_TYPE ? nodeType : nodeTypes.getByNameAndVersion(type, version)),
			getKnownTypes: () => ({}),
		};
		if (process) {
			this.nodes = process.nodes;
			this.connections = process.connections;
		} else if (options.workflow) {
			this.nodes = clone(options.workflow.nodes).map((node) =>
				node.type === TRIGGER_TYPE ? { ...node, webhookId: node.webhookId ?? WEBHOOK_ID } : node,
			);
			this.connections = clone(options.workflow.connections);
		} else {
			this.nodes = [
				{
					id: 'trigger',
					name: TRIGGER_NAME,
					type: TRIGGER_TYPE,
					typeVersion: 1,
					position: [0, 0],
					webhookId: WEBHOOK_ID,
					parameters: /** @type {INode['parameters']} */ (options.parameters ?? {}),
					credentials: { wooshPayApi: { id: 'cred-1', name: 'Test credential' } },
				},
			];
			this.connections = {};
		}
	}

	/**
	 * Starts the stand-in for n8n's webhook server on a free port of 127.0.0.1.
	 * @param {TriggerOptions} options
	 * @returns {Promise<TriggerHarness>}
	 */
	static async start(options) {
		await packageLoaded;
		return await TriggerHarness.listen(new TriggerHarness(options));
	}

	/**
	 * Another n8n process of the same workflow (a webhook processor, a worker, another main):
	 * its own URL and memory, the same static data and store of processed data. Its deliveries
	 * and runs are its own (`runs`, `idle()`); `close()` of this harness closes it too.
	 * @returns {Promise<TriggerHarness>}
	 */
	async otherProcess() {
		const other = new TriggerHarness(this.options, {
			workflowId: this.workflowId,
			shared: this.shared,
			nodeType: triggerOfAnotherProcess(this.nodeType),
			nodes: this.nodes,
			connections: this.connections,
		});
		this.others.push(other);
		return await TriggerHarness.listen(other);
	}

	/**
	 * Starts the harness's webhook server.
	 * @private
	 * @param {TriggerHarness} harness
	 * @returns {Promise<TriggerHarness>}
	 */
	static async listen(harness) {
		await useStore(harness.workflowId, harness.store);
		const server = createServer((req, res) => harness.track(harness.receive(req, res)));
		harness.server = server;
		await /** @type {Promise<void>} */ (new Promise((resolve) => server.listen(0, '127.0.0.1', resolve)));
		harness.url = `http://127.0.0.1:${/** @type {AddressInfo} */ (server.address()).port}`;
		return harness;
	}

	/** @returns {INode} */
	get trigger() {
		const trigger = this.nodes.find((node) => node.type === TRIGGER_TYPE);
		if (!trigger) throw new Error('the workflow has no WooshPay Trigger');
		return trigger;
	}

	/**
	 * The URL n8n gives the node when the workflow is published.
	 * @returns {string}
	 */
	get productionUrl() {
		return `${this.url}/webhook/${this.trigger.webhookId}/webhook`;
	}

	/**
	 * The URL n8n gives the node while the editor listens for a test event.
	 * @returns {string}
	 */
	get testUrl() {
		return `${this.url}/webhook-test/${this.trigger.webhookId}/webhook`;
	}

	/**
	 * Changes the trigger's parameters, as editing the node before publishing again does.
	 * @param {IDataObject} parameters
	 * @returns {void}
	 */
	setParameters(parameters) {
		this.trigger.parameters = /** @type {INode['parameters']} */ (parameters);
	}

	/**
	 * The trigger's part of the static data (n8n keys it by the node's name).
	 * @param {Mode} [mode]
	 * @returns {IDataObject | undefined}
	 */
	nodeStaticData(mode = 'production') {
		const data = mode === 'test' ? this.testStaticData : this.staticData;
		return /** @type {IDataObject | undefined} */ (data?.[`node:${this.trigger.name}`]);
	}

	/**
	 * The Workflow n8n builds for a call, with the static data it loads from its database (a
	 * test listener's workflow gets empty static data: test-webhooks.ts).
	 * @private
	 * @param {Mode} mode
	 * @param {IDataObject} [staticData]
	 * @returns {Workflow}
	 */
	workflow(mode, staticData = mode === 'production' ? clone(this.staticData) : {}) {
		return new Workflow({
			id: this.workflowId,
			name: 'Payments to CRM',
			nodes: this.nodes,
			connections: this.connections,
			active: mode === 'production',
			nodeTypes: this.nodeTypes,
			staticData,
			settings: { timezone: 'Europe/London' },
		});
	}

	/**
	 * n8n saves a workflow's static data after the call when it changed, and only for a workflow
	 * ID of at most 21 characters (WorkflowStaticDataService.saveStaticData, isWorkflowIdValid).
	 * @private
	 * @param {Workflow} workflow
	 * @returns {void}
	 */
	save(workflow) {
		if (workflow.staticData.__dataChanged === true && workflow.id.length <= 21) this.staticData = clone(workflow.staticData);
	}

	/** @private @returns {IWorkflowBase} */
	workflowData() {
		return /** @type {IWorkflowBase} */ ({
			id: this.workflowId,
			name: 'Payments to CRM',
			active: true,
			activeVersionId: null,
			isArchived: false,
			createdAt: new Date(),
			updatedAt: new Date(),
			nodes: this.nodes,
			connections: this.connections,
			settings: {},
		});
	}

	/**
	 * @private
	 * @param {Workflow} workflow
	 * @param {Mode} mode
	 * @param {WorkflowExecuteMode} executionMode
	 * @returns {IWebhookData}
	 */
	webhookData(workflow, mode, executionMode) {
		const nodeType = this.nodeType;
		return {
			httpMethod: 'POST',
			node: this.trigger.name,
			path: `${this.trigger.webhookId}/webhook`,
			webhookDescription: /** @type {IWebhookDescription[]} */ (nodeType.description.webhooks)[0],
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalDataFor({
				credentials: this.options.credentials,
				executionId: `exec-${++executions}`,
				workflowData: this.workflowData(),
				mode: executionMode,
				baseUrl: this.url,
			}),
			isTest: mode === 'test',
		};
	}

	/**
	 * Calls one lifecycle method as n8n does (webhook.service.ts runWebhookMethod): production
	 * with mode "trigger" and activation "activate", the test listener with "manual".
	 * @param {WebhookSetupMethodNames} method
	 * @param {Mode} [mode]
	 * @returns {Promise<boolean>}
	 */
	async lifecycle(method, mode = 'production') {
		const workflow = this.workflow(mode);
		if (mode === 'test' && this.testStaticData) workflow.staticData = this.testStaticData;
		/** @type {WorkflowExecuteMode} */
		const executionMode = mode === 'test' ? 'manual' : 'trigger';
		const webhookData = this.webhookData(workflow, mode, executionMode);
		const context = new HookContext(
			workflow,
			this.trigger,
			webhookData.workflowExecuteAdditionalData,
			executionMode,
			mode === 'test' ? 'manual' : 'activate',
			webhookData,
		);
		const nodeType = this.nodeType;
		try {
			const methods = /** @type {NonNullable<NonNullable<INodeType['webhookMethods']>['default']>} */ (nodeType.webhookMethods?.default);
			return /** @type {boolean} */ (await methods[method].call(context));
		} finally {
			if (mode === 'test') this.testStaticData = workflow.staticData;
			else this.save(workflow);
		}
	}

	/**
	 * Publishing: checkExists, then create when it answered false (createWebhookIfNotExists).
	 * @param {Mode} [mode]
	 * @returns {Promise<'existed' | 'created'>}
	 */
	async publish(mode = 'production') {
		if (await this.lifecycle('checkExists', mode)) return 'existed';
		await this.lifecycle('create', mode);
		return 'created';
	}

	/**
	 * Unpublishing (or the end of a test listener): delete.
	 * @param {Mode} [mode]
	 * @returns {Promise<void>}
	 */
	async unpublish(mode = 'production') {
		await this.lifecycle('delete', mode);
		if (mode === 'test') this.testStaticData = undefined;
	}

	/**
	 * Posts a delivery to the trigger's URL over real HTTP, exactly these bytes and headers.
	 * @param {string | Buffer} body
	 * @param {Record<string, string>} headers
	 * @param {Mode} [mode]
	 * @returns {Promise<Answer>}
	 */
	async deliver(body, headers, mode = 'production') {
		const res = await fetch(mode === 'test' ? this.testUrl : this.productionUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body,
		});
		const text = await res.text();
		/** @type {unknown} */
		let parsed = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// not JSON: keep the text
		}
		return { status: res.status, body: parsed };
	}

	/**
	 * Waits until every delivery received so far is answered and its workflow run has ended.
	 * @returns {Promise<void>}
	 */
	async idle() {
		while (this.pending.size > 0) await Promise.all([...this.pending]);
	}

	/** @returns {Promise<void>} */
	async close() {
		await Promise.all(this.others.map(async (other) => await other.close()));
		await this.idle();
		await /** @type {Promise<void>} */ (new Promise((resolve) => this.server?.close(() => resolve())));
	}

	/** @private @param {Promise<unknown>} promise @returns {void} */
	track(promise) {
		const tracked = promise.finally(() => this.pending.delete(tracked));
		this.pending.add(tracked);
	}

	/**
	 * One request to the stand-in webhook server, handled as n8n's webhook-helpers.ts does.
	 * @private
	 * @param {IncomingMessage} req
	 * @param {ServerResponse} res
	 * @returns {Promise<void>}
	 */
	async receive(req, res) {
		/** @type {Buffer[]} */
		const chunks = [];
		for await (const chunk of req) chunks.push(/** @type {Buffer} */ (chunk));
		const path = (req.url ?? '').split('?')[0];
		/** @type {Mode | undefined} */
		const mode =
			path === new URL(this.productionUrl).pathname ? 'production' : path === new URL(this.testUrl).pathname ? 'test' : undefined;
		if (req.method !== 'POST' || !mode || (mode === 'test' && !this.testStaticData)) {
			res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'The requested webhook is not registered.' }));
			return;
		}
		const { request, response } = expressLike(req, res, Buffer.concat(chunks));
		/** @type {IDataObject} */
		const loaded = mode === 'production' ? clone(this.staticData) : {};
		const workflow = this.workflow(mode, loaded);
		if (mode === 'test') workflow.setTestStaticData(/** @type {IDataObject} */ (this.testStaticData));
		/** @type {WorkflowExecuteMode} */
		const executionMode = mode === 'test' ? 'manual' : 'webhook';
		const webhookData = this.webhookData(workflow, mode, executionMode);
		const additionalData = webhookData.workflowExecuteAdditionalData;
		additionalData.httpRequest = /** @type {typeof additionalData.httpRequest} */ (/** @type {unknown} */ (request));
		additionalData.httpResponse = /** @type {typeof additionalData.httpResponse} */ (/** @type {unknown} */ (response));
		const context = new WebhookContext(workflow, this.trigger, additionalData, executionMode, webhookData, [], null);
		const nodeType = this.nodeType;
		/** @param {number} status @param {unknown} body */
		const reply = (status, body) => response.status(status).json(body);
		/** @type {IWebhookResponseData} */
		let result;
		try {
			result = await /** @type {NonNullable<INodeType['webhook']>} */ (nodeType.webhook).call(context);
		} catch (error) {
			// n8n answers 500 too (and records a failed execution, which this does not).
			reply(500, { message: 'Error in workflow', detail: /** @type {Error} */ (error).message });
			return;
		}
		if (result.noWebhookResponse && !res.writableEnded) throw new Error('the node asked n8n not to answer, but did not answer itself');
		if (result.workflowData === undefined) {
			if (mode === 'production') this.save(workflow);
			if (!result.noWebhookResponse) reply(200, result.webhookResponse ?? { message: 'Webhook call received' });
			return;
		}
		// n8n's WorkflowRunner.run first builds a Workflow on the same static data object
		// (establishContextForPersistence), which clears its "changed" mark; then the run loads
		// static data from the database; then live-webhooks.ts saves the webhook's static data,
		// which therefore keeps nothing the webhook changed.
		this.workflow(mode, loaded);
		const execution = this.workflow(mode);
		// In responseMode "onReceived" n8n answers with the node's responseData, which defaults to
		// the text "firstEntryJson" (webhook-on-received-response-extractor.ts), after the run starts.
		if (!result.noWebhookResponse) response.status(200).send('firstEntryJson');
		if (mode === 'production') this.save(workflow);
		const runExecutionData = createRunExecutionData({
			executionData: { nodeExecutionStack: [{ node: this.trigger, data: { main: result.workflowData }, source: null }] },
		});
		const run = await new WorkflowExecute(additionalData, executionMode, runExecutionData).processRunExecutionData(execution);
		this.runs.push(run);
	}
}

module.exports = { TRIGGER_TYPE, TriggerHarness };
