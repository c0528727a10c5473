import type { INodeProperties } from 'n8n-workflow';

/**
 * The node's Options. The collection is named `requestOptions` because n8n's engine reads
 * `requestOptions.batching` and `requestOptions.timeout` from it itself; the other options are
 * read by the transport (transport.ts).
 */
export const optionsCollection: INodeProperties = {
	displayName: 'Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Batching',
			name: 'batching',
			placeholder: 'Add Batching',
			type: 'fixedCollection',
			typeOptions: { multipleValues: false },
			default: { batch: {} },
			description:
				"Start the items' requests in batches, with a pause between batches. Usually not needed: the node already keeps to WooshPay's rate limits.",
			options: [
				{
					displayName: 'Batching',
					name: 'batch',
					values: [
						{
							displayName: 'Items per Batch',
							name: 'batchSize',
							type: 'number',
							typeOptions: { minValue: -1 },
							default: 50,
							description: 'How many items to start at once. -1 starts all at once.',
						},
						{
							displayName: 'Batch Interval (Ms)',
							name: 'batchInterval',
							type: 'number',
							typeOptions: { minValue: 0 },
							default: 1000,
							description: 'How long to wait between batches, in milliseconds',
						},
					],
				},
			],
		},
		{
			displayName: 'Idempotency Key',
			name: 'idempotencyKey',
			type: 'string',
			default: '',
			displayOptions: { show: { '/operation': ['create', 'update'] } },
			placeholder: '={{ "order-" + $json.orderId }}',
			description:
				'A key of your own (such as an order number) that makes WooshPay carry out a request once, however often it is sent. Without it, the node makes one per item and execution.',
		},
		{
			displayName: 'Max Parallel Requests',
			name: 'maxParallel',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 20,
			description:
				'How many requests may wait for WooshPay at the same time, counting those of other executions that use the same WooshPay account',
		},
		{
			displayName: 'Max Requests per Second',
			name: 'maxPerSecond',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description:
				'A cap on how many requests start each second. 0: no cap of your own; the node still slows down when WooshPay answers 429 (too many requests).',
		},
		{
			displayName: 'Max Retries',
			name: 'maxRetries',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 10 },
			default: 5,
			description:
				'How often to send a request again after a 429, a 5xx answer, a timeout or a dropped connection, waiting longer each time (or as long as WooshPay says). Other errors are not retried.',
		},
		{
			displayName: 'Timeout (Ms)',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 30000,
			description: 'How long to wait for an answer before giving up on (or retrying) a request, in milliseconds',
		},
	],
};

type Setting = 'maxParallel' | 'maxPerSecond' | 'maxRetries' | 'timeout';

/** The defaults of the options the transport reads, as the definitions above give them. */
export const DEFAULTS = Object.fromEntries(
	(optionsCollection.options as INodeProperties[]).filter((o) => o.type === 'number').map((o) => [o.name, o.default]),
) as Record<Setting, number>;
