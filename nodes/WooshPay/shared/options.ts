import type { INodeProperties } from 'n8n-workflow';

/**
 * The node's own Options, read by the transport (transport.ts). n8n adds its own "Request
 * Options" collection (Batching, Ignore SSL Issues (Insecure), Proxy, Timeout) to every declarative node
 * when it loads it, under the node's Settings; the engine reads those itself, and the transport
 * takes the Timeout from there (see DEFAULT_TIMEOUT_MS).
 */

/** The operations that change something at WooshPay: each is a POST that carries an Idempotency-Key. */
export const CHANGING_OPERATIONS = ['attach', 'cancel', 'capture', 'close', 'confirm', 'create', 'update'];

export const optionsCollection: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Idempotency Key',
			name: 'idempotencyKey',
			type: 'string',
			default: '',
			displayOptions: { show: { '/operation': CHANGING_OPERATIONS } },
			placeholder: '{{ "order-" + $json.orderId }}',
			description:
				'A key of your own (such as an order number) that makes WooshPay carry out a request once, however often it is sent. Without it, the node makes one per item and execution. Recommended for refunds and payments.',
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
				'How often to send a request again after a 429, a 5xx answer, a timeout or a dropped connection, waiting longer each time (or as long as WooshPay says), at most 10. Refunds, confirmed payments, captures, confirms, payouts and new subscriptions or subscription items are sent again only when WooshPay says they were not carried out (see the next option).',
		},
		{
			displayName: 'Retry Money Movements After Unclear Failures',
			name: 'retryMoneyMovements',
			type: 'boolean',
			default: false,
			description:
				'Whether to send a refund, a confirmed payment, a capture, a confirm, a payout, or a new subscription or subscription item again after a timeout, a dropped connection or a server error, when it may already have been carried out. It is then sent with the same Idempotency-Key; that WooshPay carries a key out once is inferred, not documented, so this is off by default.',
		},
	],
};

type NumberOption = 'maxParallel' | 'maxPerSecond' | 'maxRetries';

/** The defaults of the number options, as the definitions above give them, for the transport. */
export const DEFAULTS = Object.fromEntries(
	(optionsCollection.options as INodeProperties[]).filter((option) => option.type === 'number').map((option) => [option.name, option.default]),
) as Record<NumberOption, number>;

/** The most retries a request gets, whatever an expression in Max Retries gives. */
export const MAX_RETRIES_CAP = 10;

/**
 * How long one attempt waits for WooshPay's answer when Settings → Request Options → Timeout is
 * not set (n8n's engine itself would wait 5 minutes).
 */
export const DEFAULT_TIMEOUT_MS = 30_000;
