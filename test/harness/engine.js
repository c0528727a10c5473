// @ts-check
'use strict';

/**
 * Runs the WooshPay node through n8n's real execution engine (n8n-core's WorkflowExecute), in a
 * workflow of two nodes: a stand-in trigger that carries the test items in, and the node
 * under test. The package is what n8n loads: the built files in dist/, loaded by n8n-core's own
 * package loader (see `loader` below). Only what the engine needs from a server is stubbed:
 * credentials storage and instance settings.
 */
const fs = require('node:fs');
const path = require('node:path');

const { Container } = require('@n8n/di');
const {
	ExecuteContext,
	ExecutionLifecycleHooks,
	InstanceSettings,
	LoadOptionsContext,
	PackageDirectoryLoader,
	RoutingNode,
	WorkflowExecute,
} = require('n8n-core');
/**
 * @import {
 *   ICredentialDataDecryptedObject,
 *   ICredentials,
 *   ICredentialsExpressionResolveValues,
 *   IDataObject,
 *   IExecuteFunctions,
 *   IHttpRequestOptions,
 *   INode,
 *   INodeCredentialsDetails,
 *   INodeExecutionData,
 *   INodeListSearchResult,
 *   INodeProperties,
 *   INodeType,
 *   INodeTypes,
 *   INodeTypeDescription,
 *   IRun,
 *   IVersionedNodeType,
 *   IWorkflowBase,
 *   IWorkflowExecuteAdditionalData,
 *   WorkflowExecuteMode,
 *   IRequestOptionsSimplified,
 *   IHttpRequestHelper,
 * } from 'n8n-workflow'
 */
/** @import { WooshPayApi } from '../../dist/credentials/WooshPayApi.credentials' */
const {
	ICredentialsHelper,
	NodeConnectionTypes,
	NodeHelpers,
	Workflow,
	createRunExecutionData,
} = require('n8n-workflow');

Container.set(InstanceSettings, /** @type {InstanceSettings} */ (/** @type {unknown} */ ({
	n8nFolder: '/tmp/n8n-nodes-wooshpay-test',
	instanceId: 'test-instance',
	encryptionKey: 'test-encryption-key',
	hmacSignatureSecret: 'test-hmac-secret',
	instanceType: 'main',
	isWorker: false,
	isSingleMain: true,
	isMultiMain: false,
})));

/**
 * Carries the test items into the workflow.
 * @implements {INodeType}
 */
class TestTrigger {
	/** @type {INodeTypeDescription} */
	description = {
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

	/** @this {IExecuteFunctions} @returns {Promise<INodeExecutionData[][]>} */
	async execute() {
		return [this.getInputData()];
	}
}

/**
 * The package as n8n loads it: n8n-core's PackageDirectoryLoader on the repository root reads
 * package.json's "n8n" section and loads the built node and credential files it names (dist/),
 * as n8n does for an installed community package. Its `loadAll()` also changes the descriptions
 * as n8n does (applySpecialNodeParameters, applyDeclarativeNodeOptionParameters: n8n's own
 * Request Options for a declarative node), so the tests run the node n8n shows and runs.
 */
const ROOT = path.resolve(__dirname, '../..');
if (!fs.existsSync(path.join(ROOT, 'dist'))) throw new Error('no dist/: run `npm run build` first (the tests run the built package)');
const loader = new PackageDirectoryLoader(ROOT);

const WOOSHPAY_TYPE = `${loader.packageName}.wooshPay`;
const CREDENTIAL_TYPE = 'wooshPayApi';

/** @type {Record<string, INodeType | IVersionedNodeType>} */
const nodeTypeMap = {
	'test.trigger': new TestTrigger(),
};

/** Registers the node types the loader has loaded as `<package name>.<node name>`, as n8n names them. */
function registerLoaded() {
	for (const [name, { type }] of Object.entries(loader.nodeTypes)) nodeTypeMap[`${loader.packageName}.${name}`] = type;
}

const loading = loader.loadAll();
// loadAll() does its loading before it first awaits anything (n8n-core 2.41), so the node types
// are there at once, as they were when the harness built the node itself; the entry points
// below still await packageLoaded, which holds should that ever change.
registerLoaded();
/** Resolves once the package is loaded and its node types are registered. */
const packageLoaded = loading.then(() => {
	registerLoaded();
	if (!loader.credentialTypes[CREDENTIAL_TYPE]) throw new Error(`the package has no credential type ${CREDENTIAL_TYPE}`);
});
packageLoaded.catch(() => {}); // reported where it is awaited

/** The package's credential type, as the loader made it. @returns {WooshPayApi} */
function credentialType() {
	const loaded = loader.credentialTypes[CREDENTIAL_TYPE];
	if (!loaded) throw new Error('the package is not loaded yet: await packageLoaded first');
	return /** @type {WooshPayApi} */ (loaded.type);
}

/**
 * Makes another node type runnable (the benchmark runs n8n's HTTP Request node this way).
 * @param {string} type
 * @param {INodeType | IVersionedNodeType} nodeType
 */
function registerNodeType(type, nodeType) {
	nodeTypeMap[type] = nodeType;
}

/**
 * As n8n's server does (NodeTypes.getByNameAndVersion in packages/cli/src/node-types.ts): a
 * declarative node gets an execute method that runs RoutingNode with the execution's context,
 * so that it sees the execution's cancel signal as it does in n8n.
 * @param {INodeType} nodeType
 * @returns {INodeType}
 */
function withRoutingExecute(nodeType) {
	if (nodeType.execute || nodeType.description.requestDefaults === undefined) return nodeType;
	nodeType.execute = /** @this {IExecuteFunctions} */ async function () {
		return (await new RoutingNode(/** @type {ExecuteContext} */ (this), nodeType).runNode()) ?? [];
	};
	return nodeType;
}

/** @type {INodeTypes} */
const nodeTypes = {
	getByName: (type) => nodeTypeMap[type],
	getByNameAndVersion: (type, version) => withRoutingExecute(NodeHelpers.getVersionedNodeType(nodeTypeMap[type], version)),
	getKnownTypes: () => ({}),
};

/** Keeps one credential in memory and applies its generic auth block, as n8n's server does. */
class TestCredentialsHelper extends ICredentialsHelper {
	/** @private @readonly @type {ICredentialDataDecryptedObject} */
	data;

	/** @param {ICredentialDataDecryptedObject} data */
	constructor(data) {
		super();
		this.data = data;
	}

	/** @returns {string[]} */
	getParentTypes() {
		return [];
	}

	/** @returns {boolean} */
	isCredentialUsableByNode() {
		return true;
	}

	/**
	 * @param {ICredentialDataDecryptedObject} credentials
	 * @param {string} typeName
	 * @param {IHttpRequestOptions | IRequestOptionsSimplified} requestOptions
	 * @returns {Promise<IHttpRequestOptions>}
	 */
	async authenticate(credentials, typeName, requestOptions) {
		// Other credential types (the benchmark's httpBasicAuth) are applied by their node itself.
		if (typeName !== CREDENTIAL_TYPE) return /** @type {IHttpRequestOptions} */ (requestOptions);
		return await credentialType().authenticate(credentials, /** @type {IHttpRequestOptions} */ (requestOptions));
	}

	/** @param {IHttpRequestHelper} _helpers @returns {Promise<ICredentialDataDecryptedObject | undefined>} */
	async preAuthentication(_helpers) {
		return undefined;
	}

	/** @returns {Promise<ICredentialDataDecryptedObject | undefined>} */
	async runPreAuthentication() {
		return undefined;
	}

	/** @param {INodeCredentialsDetails} _details @param {string} _type @returns {Promise<ICredentials>} */
	async getCredentials(_details, _type) {
		throw new Error('not used');
	}

	/**
	 * @param {IWorkflowExecuteAdditionalData} _additionalData
	 * @param {INodeCredentialsDetails} _nodeCredentials
	 * @param {string} _type
	 * @param {unknown} _mode
	 * @param {unknown} [_executeData]
	 * @param {boolean} [_raw]
	 * @param {ICredentialsExpressionResolveValues} [_expressionResolveValues]
	 * @returns {Promise<ICredentialDataDecryptedObject>}
	 */
	async getDecrypted(_additionalData, _nodeCredentials, _type, _mode, _executeData, _raw, _expressionResolveValues) {
		return { ...this.data };
	}

	/** @returns {Promise<void>} */
	async updateCredentials() {}

	/** @returns {Promise<void>} */
	async updateCredentialsOauthTokenData() {}

	/** @returns {INodeProperties[]} */
	getCredentialsProperties() {
		return credentialType().properties;
	}
}

/**
 * @typedef {object} AdditionalDataOptions
 * @property {ICredentialDataDecryptedObject} credentials
 * @property {string} executionId
 * @property {IWorkflowBase} workflowData
 * @property {WorkflowExecuteMode} [mode]
 * @property {string} [baseUrl] Where n8n is reached, such as http://127.0.0.1:5678.
 */

/**
 * What the engine needs from n8n's server for one execution or lifecycle call: the credential,
 * the execution's lifecycle hooks and absolute base URLs (webhook URLs are made from them).
 * @param {AdditionalDataOptions} options
 * @returns {IWorkflowExecuteAdditionalData}
 */
function additionalDataFor(options) {
	const base = options.baseUrl ?? 'http://127.0.0.1:5678';
	return /** @type {IWorkflowExecuteAdditionalData} */ (/** @type {unknown} */ ({
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
	}));
}

/**
 * @typedef {object} RunOptions
 * @property {IDataObject} parameters The node's parameters, as the editor would save them.
 * @property {{ type: string; typeVersion: number; credentialType: string }} [nodeType] Another registered node type to run instead of the WooshPay node, with its version and credential type.
 * @property {IDataObject[]} [items] The items coming into the node (their `json`). Default: one empty item.
 * @property {ICredentialDataDecryptedObject} credentials The credential's data.
 * @property {boolean} [continueOnFail]
 * @property {boolean} [retryOnFail]
 * @property {number} [maxTries]
 * @property {number} [waitBetweenTries]
 * @property {string} [executionId]
 * @property {string} [credentialId] The credential's ID: runs with different IDs are different WooshPay accounts. Default cred-1.
 * @property {string} [workflowId] The workflow's ID, as n8n's database gives it. Default wf-1.
 * @property {string} [instanceId] The n8n instance's ID (InstanceSettings.instanceId) for this run. Default test-instance. The engine reads it from n8n's container, so a run with its own must not overlap another run.
 * @property {(stop: () => void) => void} [onStart] Called once the run has started, with a function that stops it as n8n's Stop button does.
 */

/**
 * @typedef {object} RunResult
 * @property {IRun} run
 * @property {IRun['status']} status
 * @property {INodeExecutionData[]} output The node's output items on its first output.
 * @property {Error & { description?: string; httpCode?: string; context?: IDataObject }} [error] The error the node stopped with, if it did.
 */

let executions = 0;

/**
 * The two-node workflow and what the engine needs around it.
 * @param {RunOptions} options
 */
function setUp(options) {
	/** @type {INode} */
	const trigger = {
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
		credentialType: CREDENTIAL_TYPE,
	};
	/** @type {INode} */
	const node = {
		id: 'wooshpay',
		name: 'WooshPay',
		type,
		typeVersion,
		position: [200, 0],
		parameters: /** @type {INode['parameters']} */ (options.parameters),
		credentials: { [credentialName]: { id: options.credentialId ?? 'cred-1', name: 'Test credential' } },
		continueOnFail: options.continueOnFail,
		retryOnFail: options.retryOnFail,
		maxTries: options.maxTries,
		waitBetweenTries: options.waitBetweenTries,
	};
	const connections = { 'Test Trigger': { main: [[{ node: 'WooshPay', type: NodeConnectionTypes.Main, index: 0 }]] } };
	const workflowId = options.workflowId ?? 'wf-1';
	const workflow = new Workflow({
		id: workflowId,
		name: 'test',
		nodes: [trigger, node],
		connections,
		active: false,
		nodeTypes,
		settings: { timezone: 'Europe/London' },
	});
	const executionId = options.executionId ?? `exec-${++executions}`;
	/** @type {IWorkflowBase} */
	const workflowData = /** @type {IWorkflowBase} */ ({
		id: workflowId,
		name: 'test',
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: [trigger, node],
		connections,
		settings: {},
	});
	const additionalData = additionalDataFor({ credentials: options.credentials, executionId, workflowData });
	return { trigger, node, workflow, additionalData };
}

/**
 * Calls one of the node's list search methods, as the editor does for a "From List" field
 * (`path`: the field's parameter path, such as parameters.filters.card).
 * @param {Pick<RunOptions, 'credentials'> & { parameters?: IDataObject; path?: string }} options
 * @param {string} method
 * @param {string} [filter]
 * @param {string} [paginationToken]
 * @returns {Promise<INodeListSearchResult>}
 */
async function runListSearch(options, method, filter, paginationToken) {
	await packageLoaded;
	const { node, workflow, additionalData } = setUp({ parameters: {}, ...options });
	const context = new LoadOptionsContext(workflow, node, additionalData, options.path ?? 'parameters.cardholderId');
	const search = /** @type {INodeType} */ (nodeTypeMap[WOOSHPAY_TYPE]).methods?.listSearch?.[method];
	if (!search) throw new Error(`no list search method ${method}`);
	return await search.call(context, filter, paginationToken);
}

/**
 * The credential's Test button, as n8n's credential tester runs a credential's `test.request`
 * (packages/cli, credentials-tester.service.ts, not part of n8n-core): a node of n8n's NoOp
 * description whose one property is routed to the test request, run once by n8n-core's
 * RoutingNode in an ExecuteContext of mode "internal" with the credential. Returns what
 * RoutingNode gave, or the error it threw: the tester matches that error's
 * `cause.response.status` against the test's `responseCode` rules to pick the message it shows.
 * @param {ICredentialDataDecryptedObject} credentials
 * @returns {Promise<{ response?: INodeExecutionData[][] | null; error?: Error & { cause?: { response?: { status?: number } } } }>}
 */
async function runCredentialTest(credentials) {
	await packageLoaded;
	const { NoOp } = require('n8n-nodes-base/dist/nodes/NoOp/NoOp.node');
	const noOp = /** @type {INodeType} */ (new NoOp());
	const test = credentialType().test;
	if (!test) throw new Error('the credential has no test request');
	/** @type {INodeType} */
	const nodeType = {
		description: {
			...noOp.description,
			credentials: [{ name: CREDENTIAL_TYPE, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: test.request } }],
		},
	};
	/** @type {INode} */
	const node = {
		id: 'temp',
		name: 'Temp-Node',
		type: nodeType.description.name,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [CREDENTIAL_TYPE]: { id: 'cred-1', name: 'Test credential' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) },
	});
	const additionalData = additionalDataFor({
		credentials,
		executionId: '',
		workflowData: /** @type {IWorkflowBase} */ ({ id: '', name: 'credential test', nodes: [node], connections: {}, settings: {} }),
		mode: 'internal',
	});
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createRunExecutionData({ resultData: { runData: {} } }),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const decrypted = { id: 'cred-1', name: 'Test credential', type: CREDENTIAL_TYPE, data: credentials };
	try {
		return { response: await new RoutingNode(context, nodeType, decrypted).runNode() };
	} catch (error) {
		return { error: /** @type {Error & { cause?: { response?: { status?: number } } }} */ (error) };
	}
}

/**
 * Runs a workflow "Test Trigger → WooshPay" in n8n's engine and returns what the node gave.
 * @param {RunOptions} options
 * @returns {Promise<RunResult>}
 */
async function runNode(options) {
	await packageLoaded;
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
	/** @type {IRun} */
	let run;
	// n8n-core's contexts take the instance settings from n8n's container when they are made.
	const instanceSettings = Container.get(InstanceSettings);
	if (options.instanceId !== undefined) {
		Container.set(InstanceSettings, /** @type {InstanceSettings} */ (/** @type {unknown} */ ({ ...instanceSettings, instanceId: options.instanceId })));
	}
	try {
		const running = new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(workflow);
		options.onStart?.(() => running.cancel());
		run = await running;
	} catch (error) {
		// The engine refuses to start a workflow whose nodes have issues (such as an empty
		// required parameter), as the editor does.
		return { run: /** @type {IRun} */ (/** @type {unknown} */ (undefined)), status: 'error', output: [], error: /** @type {RunResult['error']} */ (error) };
	} finally {
		Container.set(InstanceSettings, instanceSettings);
	}
	const taskData = run.data.resultData.runData.WooshPay?.[0];
	return {
		run,
		status: run.status,
		output: taskData?.data?.main?.[0] ?? [],
		error: /** @type {RunResult['error']} */ (taskData?.error ?? run.data.resultData.error),
	};
}

module.exports = { packageLoaded, registerNodeType, nodeTypes, additionalDataFor, runCredentialTest, runListSearch, runNode };
