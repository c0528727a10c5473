import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

/**
 * What the trigger keeps between calls: in n8n's workflow static data (node scope), which n8n
 * stores with the workflow in its database and saves after the lifecycle methods and after a
 * delivery whenever it changed, as n8n's Stripe Trigger keeps its endpoint. While the editor
 * listens for a test event, n8n keeps a separate copy for the test URL's endpoint with the
 * test registration, and drops it when the test ends.
 *
 * Values are replaced, never changed in place (an array is assigned anew): n8n notices a change
 * only when a property is set or deleted.
 */
export interface TriggerState {
	/** The endpoint n8n created at WooshPay for this node (we_...). */
	endpointId?: string;
	/** Its signing secret (whsec_...): WooshPay shows it once, in the answer to the create. */
	signingSecret?: string;
	/** IDs of the latest events that started the workflow, oldest first, at most MAX_REMEMBERED_EVENTS. */
	recentEventIds?: string[];
}

/** How many event IDs are remembered to skip repeated deliveries (about 25 KB of static data). */
export const MAX_REMEMBERED_EVENTS = 1000;

export function triggerState(context: IHookFunctions | IWebhookFunctions): TriggerState {
	return context.getWorkflowStaticData('node') as TriggerState;
}

/** The endpoint is gone (deleted, or never to be used again): forget it and its secret. */
export function forgetEndpoint(state: TriggerState): void {
	delete state.endpointId;
	delete state.signingSecret;
}
