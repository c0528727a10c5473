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
 *
 * Not here: n8n's database, its queue mode, the editor's push messages.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { HookContext, WebhookContext, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IConnections,
	IDataObject,
	INode,
	INodeType,
	IRun,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowBase,
	WebhookSetupMethodNames,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';

import { WooshPayTrigger } from '../../nodes/WooshPayTrigger/WooshPayTrigger.node';
import { additionalDataFor, nodeTypes, registerNodeType } from './engine';

export const TRIGGER_TYPE = 'n8n-nodes-wooshpay.wooshPayTrigger';
registerNodeType(TRIGGER_TYPE, new WooshPayTrigger());

const TRIGGER_NAME = 'WooshPay Trigger';
const WEBHOOK_ID = '7d3f9a2e-0c41-4b5e-9f1a-2b8c6d4e5f60';

/** Each harness is a workflow of its own, as each test's workflow would be in n8n. */
let workflows = 0;

export interface TriggerOptions {
	credentials: ICredentialDataDecryptedObject;
	/** The trigger's parameters, for a workflow of the trigger alone. */
	parameters?: IDataObject;
	/** A whole workflow (as in a workflow file) with a WooshPay Trigger in it. */
	workflow?: { id?: string; nodes: INode[]; connections: IConnections };
}

export interface Answer {
	status: number;
	/** The answer parsed as JSON, or its text. */
	body: unknown;
}

type Mode = 'production' | 'test';

let executions = 0;

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The request and response objects of express that n8n hands to a webhook, as far as nodes use them. */
function expressLike(req: IncomingMessage, res: ServerResponse, rawBody: Buffer) {
	let body: unknown = {};
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
		header: (name: string) => req.headers[name.toLowerCase()],
	});
	const response = Object.assign(res, {
		status(code: number) {
			res.statusCode = code;
			return response;
		},
		json(data: unknown) {
			res.setHeader('content-type', 'application/json; charset=utf-8');
			res.end(JSON.stringify(data));
			return response;
		},
		send(data: unknown) {
			res.end(typeof data === 'string' || Buffer.isBuffer(data) ? data : JSON.stringify(data));
			return response;
		},
	});
	return { request, response };
}

export class TriggerHarness {
	/** The workflow's static data as n8n's database holds it (production). */
	staticData: IDataObject = {};

	/** The static data of the test registration while "listening for a test event". */
	testStaticData: IDataObject | undefined;

	/** The workflows started by deliveries, in order. */
	readonly runs: IRun[] = [];

	url = '';

	readonly workflowId: string;

	private readonly nodes: INode[];

	private readonly connections: IConnections;

	private readonly pending = new Set<Promise<unknown>>();

	private server: Server | undefined;

	private constructor(private readonly options: TriggerOptions) {
		this.workflowId = options.workflow?.id ?? `wfTrigger${++workflows}`;
		if (options.workflow) {
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
					parameters: (options.parameters ?? {}) as INode['parameters'],
					credentials: { wooshPayApi: { id: 'cred-1', name: 'Test credential' } },
				},
			];
			this.connections = {};
		}
	}

	/** Starts the stand-in for n8n's webhook server on a free port of 127.0.0.1. */
	static async start(options: TriggerOptions): Promise<TriggerHarness> {
		const harness = new TriggerHarness(options);
		harness.server = createServer((req, res) => harness.track(harness.receive(req, res)));
		await new Promise<void>((resolve) => harness.server!.listen(0, '127.0.0.1', resolve));
		harness.url = `http://127.0.0.1:${(harness.server.address() as AddressInfo).port}`;
		return harness;
	}

	get trigger(): INode {
		const trigger = this.nodes.find((node) => node.type === TRIGGER_TYPE);
		if (!trigger) throw new Error('the workflow has no WooshPay Trigger');
		return trigger;
	}

	/** The URL n8n gives the node when the workflow is published. */
	get productionUrl(): string {
		return `${this.url}/webhook/${this.trigger.webhookId}/webhook`;
	}

	/** The URL n8n gives the node while the editor listens for a test event. */
	get testUrl(): string {
		return `${this.url}/webhook-test/${this.trigger.webhookId}/webhook`;
	}

	/** Changes the trigger's parameters, as editing the node before publishing again does. */
	setParameters(parameters: IDataObject): void {
		this.trigger.parameters = parameters as INode['parameters'];
	}

	/** The trigger's part of the static data (n8n keys it by the node's name). */
	nodeStaticData(mode: Mode = 'production'): IDataObject | undefined {
		const data = mode === 'test' ? this.testStaticData : this.staticData;
		return data?.[`node:${this.trigger.name}`] as IDataObject | undefined;
	}

	/**
	 * The Workflow n8n builds for a call, with the static data it loads from its database (a
	 * test listener's workflow gets empty static data: test-webhooks.ts).
	 */
	private workflow(mode: Mode, staticData: IDataObject = mode === 'production' ? clone(this.staticData) : {}): Workflow {
		return new Workflow({
			id: this.workflowId,
			name: 'Payments to CRM',
			nodes: this.nodes,
			connections: this.connections,
			active: mode === 'production',
			nodeTypes,
			staticData,
			settings: { timezone: 'Europe/London' },
		});
	}

	/**
	 * n8n saves a workflow's static data after the call when it changed, and only for a workflow
	 * ID of at most 21 characters (WorkflowStaticDataService.saveStaticData, isWorkflowIdValid).
	 */
	private save(workflow: Workflow): void {
		if (workflow.staticData.__dataChanged === true && workflow.id.length <= 21) this.staticData = clone(workflow.staticData);
	}

	private workflowData(): IWorkflowBase {
		return {
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
		} as IWorkflowBase;
	}

	private webhookData(workflow: Workflow, mode: Mode, executionMode: WorkflowExecuteMode): IWebhookData {
		const nodeType = nodeTypes.getByNameAndVersion(TRIGGER_TYPE, 1) as INodeType;
		return {
			httpMethod: 'POST',
			node: this.trigger.name,
			path: `${this.trigger.webhookId}/webhook`,
			webhookDescription: nodeType.description.webhooks![0],
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
	 */
	async lifecycle(method: WebhookSetupMethodNames, mode: Mode = 'production'): Promise<boolean> {
		const workflow = this.workflow(mode);
		if (mode === 'test' && this.testStaticData) workflow.staticData = this.testStaticData;
		const executionMode: WorkflowExecuteMode = mode === 'test' ? 'manual' : 'trigger';
		const webhookData = this.webhookData(workflow, mode, executionMode);
		const context = new HookContext(
			workflow,
			this.trigger,
			webhookData.workflowExecuteAdditionalData,
			executionMode,
			mode === 'test' ? 'manual' : 'activate',
			webhookData,
		);
		const nodeType = nodeTypes.getByNameAndVersion(TRIGGER_TYPE, 1) as INodeType;
		try {
			return (await nodeType.webhookMethods!.default![method]!.call(context)) as boolean;
		} finally {
			if (mode === 'test') this.testStaticData = workflow.staticData;
			else this.save(workflow);
		}
	}

	/** Publishing: checkExists, then create when it answered false (createWebhookIfNotExists). */
	async publish(mode: Mode = 'production'): Promise<'existed' | 'created'> {
		if (await this.lifecycle('checkExists', mode)) return 'existed';
		await this.lifecycle('create', mode);
		return 'created';
	}

	/** Unpublishing (or the end of a test listener): delete. */
	async unpublish(mode: Mode = 'production'): Promise<void> {
		await this.lifecycle('delete', mode);
		if (mode === 'test') this.testStaticData = undefined;
	}

	/** Posts a delivery to the trigger's URL over real HTTP, exactly these bytes and headers. */
	async deliver(body: string | Buffer, headers: Record<string, string>, mode: Mode = 'production'): Promise<Answer> {
		const res = await fetch(mode === 'test' ? this.testUrl : this.productionUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body,
		});
		const text = await res.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// not JSON: keep the text
		}
		return { status: res.status, body: parsed };
	}

	/** Waits until every delivery received so far is answered and its workflow run has ended. */
	async idle(): Promise<void> {
		while (this.pending.size > 0) await Promise.all([...this.pending]);
	}

	async close(): Promise<void> {
		await this.idle();
		await new Promise<void>((resolve) => this.server?.close(() => resolve()));
	}

	private track(promise: Promise<unknown>): void {
		const tracked = promise.finally(() => this.pending.delete(tracked));
		this.pending.add(tracked);
	}

	/** One request to the stand-in webhook server, handled as n8n's webhook-helpers.ts does. */
	private async receive(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const path = (req.url ?? '').split('?')[0];
		const mode: Mode | undefined =
			path === new URL(this.productionUrl).pathname ? 'production' : path === new URL(this.testUrl).pathname ? 'test' : undefined;
		if (req.method !== 'POST' || !mode || (mode === 'test' && !this.testStaticData)) {
			res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'The requested webhook is not registered.' }));
			return;
		}
		const { request, response } = expressLike(req, res, Buffer.concat(chunks));
		const loaded: IDataObject = mode === 'production' ? clone(this.staticData) : {};
		const workflow = this.workflow(mode, loaded);
		if (mode === 'test') workflow.setTestStaticData(this.testStaticData!);
		const executionMode: WorkflowExecuteMode = mode === 'test' ? 'manual' : 'webhook';
		const webhookData = this.webhookData(workflow, mode, executionMode);
		const additionalData = webhookData.workflowExecuteAdditionalData;
		additionalData.httpRequest = request as unknown as typeof additionalData.httpRequest;
		additionalData.httpResponse = response as unknown as typeof additionalData.httpResponse;
		const context = new WebhookContext(workflow, this.trigger, additionalData, executionMode, webhookData, [], null);
		const nodeType = nodeTypes.getByNameAndVersion(TRIGGER_TYPE, 1) as INodeType;
		const reply = (status: number, body: unknown) => response.status(status).json(body);
		let result: IWebhookResponseData;
		try {
			result = await nodeType.webhook!.call(context);
		} catch (error) {
			// n8n answers 500 too (and records a failed execution, which this does not).
			reply(500, { message: 'Error in workflow', detail: (error as Error).message });
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
