/**
 * Runs the WooshPay node through n8n's real execution engine (n8n-core's WorkflowExecute), in a
 * workflow of two nodes: a stand-in trigger that carries the test items in, and the node
 * under test. Only what the engine needs from a server is stubbed: credentials storage and
 * instance settings.
 */
import { Container } from '@n8n/di';
import { DirectoryLoader, ExecutionLifecycleHooks, InstanceSettings, LoadOptionsContext, RoutingNode, WorkflowExecute } from 'n8n-core';
import type { ExecuteContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialsExpressionResolveValues,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeListSearchResult,
	INodeProperties,
	INodeType,
	INodeTypes,
	INodeTypeDescription,
	IRun,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
	IRequestOptionsSimplified,
	IHttpRequestHelper,
} from 'n8n-workflow';
import {
	ICredentialsHelper,
	NodeConnectionTypes,
	NodeHelpers,
	Workflow,
	createRunExecutionData,
} from 'n8n-workflow';

import { WooshPayApi } from '../../credentials/WooshPayApi.credentials';
import { WooshPay } from '../../nodes/WooshPay/WooshPay.node';

Container.set(InstanceSettings, {
	n8nFolder: '/tmp/n8n-nodes-wooshpay-test',
	instanceId: 'test-instance',
	encryptionKey: 'test-encryption-key',
	hmacSignatureSecret: 'test-hmac-secret',
	instanceType: 'main',
	isWorker: false,
	isSingleMain: true,
	isMultiMain: false,
} as unknown as InstanceSettings);

/** Carries the test items into the workflow. */
class TestTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Trigger',
		name: 'testTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Emits the items of the test',
		defaults: { name: 'Test Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

const WOOSHPAY_TYPE = 'n8n-nodes-wooshpay.wooshPay';

/** The node as n8n's loader serves it: with n8n's Request Options added (interim; the loader itself on dist/ next). */
const wooshPay = new WooshPay();
DirectoryLoader.applyDeclarativeNodeOptionParameters(wooshPay);

const nodeTypeMap: Record<string, INodeType | IVersionedNodeType> = {
	[WOOSHPAY_TYPE]: wooshPay,
	'test.trigger': new TestTrigger(),
};

/** Makes another node type runnable (the benchmark runs n8n's HTTP Request node this way). */
export function registerNodeType(type: string, nodeType: INodeType | IVersionedNodeType) {
	nodeTypeMap[type] = nodeType;
}

/**
 * As n8n's server does (NodeTypes.getByNameAndVersion in packages/cli/src/node-types.ts): a
 * declarative node gets an execute method that runs RoutingNode with the execution's context,
 * so that it sees the execution's cancel signal as it does in n8n.
 */
function withRoutingExecute(nodeType: INodeType): INodeType {
	if (nodeType.execute || nodeType.description.requestDefaults === undefined) return nodeType;
	nodeType.execute = async function (this: IExecuteFunctions) {
		return (await new RoutingNode(this as ExecuteContext, nodeType).runNode()) ?? [];
	};
	return nodeType;
}

export const nodeTypes: INodeTypes = {
	getByName: (type) => nodeTypeMap[type],
	getByNameAndVersion: (type, version) => withRoutingExecute(NodeHelpers.getVersionedNodeType(nodeTypeMap[type], version)),
	getKnownTypes: () => ({}),
};

const credentialType = new WooshPayApi();

/** Keeps one credential in memory and applies its generic auth block, as n8n's server does. */
class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: ICredentialDataDecryptedObject) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
	): Promise<IHttpRequestOptions> {
		// Other credential types (the benchmark's httpBasicAuth) are applied by their node itself.
		if (typeName !== credentialType.name) return requestOptions as IHttpRequestOptions;
		return await credentialType.authenticate(credentials, requestOptions as IHttpRequestOptions);
	}

	async preAuthentication(_helpers: IHttpRequestHelper): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(_details: INodeCredentialsDetails, _type: string): Promise<ICredentials> {
		throw new Error('not used');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		_type: string,
		_mode: unknown,
		_executeData?: unknown,
		_raw?: boolean,
		_expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		return { ...this.data };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(): INodeProperties[] {
		return credentialType.properties;
	}
}

/**
 * What the engine needs from n8n's server for one execution or lifecycle call: the credential,
 * the execution's lifecycle hooks and absolute base URLs (webhook URLs are made from them).
 */
export function additionalDataFor(options: {
	credentials: ICredentialDataDecryptedObject;
	executionId: string;
	workflowData: IWorkflowBase;
	mode?: WorkflowExecuteMode;
	/** Where n8n is reached, such as http://127.0.0.1:5678. */
	baseUrl?: string;
}): IWorkflowExecuteAdditionalData {
	const base = options.baseUrl ?? 'http://127.0.0.1:5678';
	return {
		credentialsHelper: new TestCredentialsHelper(options.credentials),
		hooks: new ExecutionLifecycleHooks(options.mode ?? 'manual', options.executionId, options.workflowData),
		executionId: options.executionId,
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: `${base}/`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		variables: {},
		currentNodeParameters: undefined,
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not used');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface RunOptions {
	/** The node's parameters, as the editor would save them. */
	parameters: IDataObject;
	/** Another registered node type to run instead of the WooshPay node, with its version and credential type. */
	nodeType?: { type: string; typeVersion: number; credentialType: string };
	/** The items coming into the node (their `json`). Default: one empty item. */
	items?: IDataObject[];
	/** The credential's data. */
	credentials: ICredentialDataDecryptedObject;
	continueOnFail?: boolean;
	retryOnFail?: boolean;
	maxTries?: number;
	waitBetweenTries?: number;
	executionId?: string;
	/** The credential's ID: runs with different IDs are different WooshPay accounts. Default cred-1. */
	credentialId?: string;
	/** Called once the run has started, with a function that stops it as n8n's Stop button does. */
	onStart?: (stop: () => void) => void;
}

export interface RunResult {
	run: IRun;
	status: IRun['status'];
	/** The node's output items on its first output. */
	output: INodeExecutionData[];
	/** The error the node stopped with, if it did. */
	error?: Error & { description?: string; httpCode?: string; context?: IDataObject };
}

let executions = 0;

/** The two-node workflow and what the engine needs around it. */
function setUp(options: RunOptions) {
	const trigger: INode = {
		id: 'trigger',
		name: 'Test Trigger',
		type: 'test.trigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const { type, typeVersion, credentialType: credentialName } = options.nodeType ?? {
		type: WOOSHPAY_TYPE,
		typeVersion: 1,
		credentialType: credentialType.name,
	};
	const node: INode = {
		id: 'wooshpay',
		name: 'WooshPay',
		type,
		typeVersion,
		position: [200, 0],
		parameters: options.parameters as INode['parameters'],
		credentials: { [credentialName]: { id: options.credentialId ?? 'cred-1', name: 'Test credential' } },
		continueOnFail: options.continueOnFail,
		retryOnFail: options.retryOnFail,
		maxTries: options.maxTries,
		waitBetweenTries: options.waitBetweenTries,
	};
	const connections = { 'Test Trigger': { main: [[{ node: 'WooshPay', type: NodeConnectionTypes.Main, index: 0 }]] } };
	const workflow = new Workflow({
		id: 'wf-1',
		name: 'test',
		nodes: [trigger, node],
		connections,
		active: false,
		nodeTypes,
		settings: { timezone: 'Europe/London' },
	});
	const executionId = options.executionId ?? `exec-${++executions}`;
	const workflowData: IWorkflowBase = {
		id: 'wf-1',
		name: 'test',
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: [trigger, node],
		connections,
		settings: {},
	} as IWorkflowBase;
	const additionalData = additionalDataFor({ credentials: options.credentials, executionId, workflowData });
	return { trigger, node, workflow, additionalData };
}

/**
 * Calls one of the node's list search methods, as the editor does for a "From List" field
 * (`path`: the field's parameter path, such as parameters.filters.card).
 */
export async function runListSearch(
	options: Pick<RunOptions, 'credentials'> & { parameters?: IDataObject; path?: string },
	method: string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { node, workflow, additionalData } = setUp({ parameters: {}, ...options });
	const context = new LoadOptionsContext(workflow, node, additionalData, options.path ?? 'parameters.cardholderId');
	const search = (nodeTypeMap[WOOSHPAY_TYPE] as INodeType).methods?.listSearch?.[method];
	if (!search) throw new Error(`no list search method ${method}`);
	return await search.call(context, filter, paginationToken);
}

/** Runs a workflow "Test Trigger → WooshPay" in n8n's engine and returns what the node gave. */
export async function runNode(options: RunOptions): Promise<RunResult> {
	const { trigger, workflow, additionalData } = setUp(options);
	const items = (options.items ?? [{}]).map((json) => ({ json }));
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{
					node: trigger,
					data: { main: [items] },
					source: null,
				},
			],
		},
	});
	let run: IRun;
	try {
		const running = new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(workflow);
		options.onStart?.(() => running.cancel());
		run = await running;
	} catch (error) {
		// The engine refuses to start a workflow whose nodes have issues (such as an empty
		// required parameter), as the editor does.
		return { run: undefined as unknown as IRun, status: 'error', output: [], error: error as RunResult['error'] };
	}
	const taskData = run.data.resultData.runData.WooshPay?.[0];
	return {
		run,
		status: run.status,
		output: taskData?.data?.main?.[0] ?? [],
		error: (taskData?.error ?? run.data.resultData.error) as RunResult['error'],
	};
}
