import type {
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../WooshPay/shared/transport';
import { startRun } from './claim';
import { MAX_EVENTS_PER_TRIGGER } from './dedup';
import { DEFAULT_TOLERANCE_SECONDS, receiveDelivery } from './delivery';
import { createEndpoint, deleteEndpoint, endpointExists } from './endpoint';
import { EVENT_OPTIONS } from './events';

/**
 * Starts a workflow from WooshPay events. The endpoint at WooshPay is managed in endpoint.ts,
 * each delivery is checked in delivery.ts (signature in signature.ts, repeated events in
 * dedup.ts), each run claims its event across n8n's processes in claim.ts, the event list is
 * in events.ts, and what is kept with the workflow in state.ts.
 */
export class WooshPayTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WooshPay Trigger',
		name: 'wooshPayTrigger',
		icon: { light: 'file:../../icons/wooshpay.svg', dark: 'file:../../icons/wooshpay.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).includes("*") ? "All events" : ($parameter["events"] || []).join(", ") }}',
		description: 'Starts the workflow when WooshPay sends an event, such as a payment that succeeded',
		defaults: { name: 'WooshPay Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				default: [],
				description:
					'The events that start the workflow. WooshPay’s documented list is incomplete: add other names under Event Names Not Listed.',
				options: EVENT_OPTIONS,
			},
			{
				displayName: 'Event Names Not Listed',
				name: 'eventsNotListed',
				type: 'string',
				default: '',
				placeholder: 'issuing_card.created, charge.refunded',
				description: 'Other WooshPay event types that start the workflow, separated by commas',
			},
			{
				displayName: 'Signing Secret',
				name: 'signingSecret',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				placeholder: 'whsec_...',
				description:
					'Only for an endpoint you created yourself in the WooshPay dashboard for this node’s URL: its signing secret. n8n then registers no endpoint. Leave empty to let n8n register and remove the endpoint when the workflow is published and unpublished.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Output Only the Object',
						name: 'onlyObject',
						type: 'boolean',
						default: false,
						description:
							'Whether to output only the event’s data.object (the payment intent, dispute, payout …) instead of the whole event',
					},
					{
						displayName: 'Skip Repeated Events',
						name: 'skipRepeated',
						type: 'boolean',
						default: true,
						description: `Whether to run the workflow only once per event ID when WooshPay delivers an event again (it retries for up to 3 days). n8n remembers the last ${MAX_EVENTS_PER_TRIGGER.toLocaleString('en-US')} event IDs in its database, shared by all its processes. A repeat is answered without a run, or, when another n8n process receives it, shows as an execution that stops at this node with no output.`,
					},
					{
						displayName: 'Timestamp Tolerance (Seconds)',
						name: 'toleranceSeconds',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: DEFAULT_TOLERANCE_SECONDS,
						description:
							'How far the signature’s timestamp may be from this server’s clock. An older delivery is refused, so that a recorded one cannot be replayed.',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await endpointExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createEndpoint.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteEndpoint.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery.call(this);
	}

	/**
	 * The first step of a run the webhook started (n8n calls a node's execute() also for the
	 * webhook node that starts the run): claims the event for this run across n8n's processes,
	 * the only place with n8n's shared store of processed data; see claim.ts.
	 */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await startRun.call(this);
	}
}
