import type { INode, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * The event types the trigger offers. WooshPay's "Types of events" table (docs page
 * doc-1702652, cut off after payment_intent.requires_action) plus the names its guides show
 * (payment_intent.succeeded, payout.*, setup_intent.*, product.created) and three that only
 * client code in the wild uses (checkout.session.canceled, checkout.session.completed,
 * payment_link.paid). The documented list is incomplete: a name it lacks can be entered in
 * "Event Names Not Listed". Sorted by name, as the editor shows them.
 */

/** Subscribes to every event, listed or not (Stripe's wildcard; not confirmed by WooshPay's docs). */
export const ALL_EVENTS = '*';

export const EVENT_OPTIONS: INodePropertyOptions[] = [
	{ name: 'All Events', value: ALL_EVENTS, description: 'Any event WooshPay sends, including types not in this list' },
	{ name: 'Charge Captured', value: 'charge.captured', description: 'A charge authorised earlier was captured' },
	{ name: 'Charge Dispute Closed', value: 'charge.dispute.closed', description: 'A dispute was closed; its status is now lost, warning_closed or won' },
	{ name: 'Charge Dispute Created', value: 'charge.dispute.created', description: 'A customer disputed a charge with their bank' },
	{ name: 'Charge Dispute Funds Reinstated', value: 'charge.dispute.funds_reinstated', description: 'Funds taken for a dispute were returned to your account' },
	{ name: 'Charge Dispute Funds Withdrawn', value: 'charge.dispute.funds_withdrawn', description: 'Funds were taken from your account because of a dispute' },
	{ name: 'Charge Dispute Updated', value: 'charge.dispute.updated', description: 'A dispute changed, usually because evidence was added' },
	{ name: 'Charge Refund Updated', value: 'charge.refund.updated', description: 'A refund changed' },
	{ name: 'Checkout Session Canceled', value: 'checkout.session.canceled', description: 'A checkout session was canceled' },
	{ name: 'Checkout Session Completed', value: 'checkout.session.completed', description: 'A customer completed a checkout session' },
	{ name: 'Checkout Session Expired', value: 'checkout.session.expired', description: 'A checkout session expired before it was completed' },
	{ name: 'Payment Intent Amount Capturable Updated', value: 'payment_intent.amount_capturable_updated', description: 'Funds are ready to be captured (see amount_capturable)' },
	{ name: 'Payment Intent Canceled', value: 'payment_intent.canceled', description: 'A payment was canceled' },
	{ name: 'Payment Intent Created', value: 'payment_intent.created', description: 'A payment was created' },
	{ name: 'Payment Intent Payment Failed', value: 'payment_intent.payment_failed', description: 'A payment attempt failed' },
	{ name: 'Payment Intent Processing', value: 'payment_intent.processing', description: 'A payment started processing' },
	{ name: 'Payment Intent Requires Action', value: 'payment_intent.requires_action', description: 'A payment waits for the customer to act, such as to authenticate' },
	{ name: 'Payment Intent Succeeded', value: 'payment_intent.succeeded', description: 'A payment succeeded' },
	{ name: 'Payment Link Paid', value: 'payment_link.paid', description: 'A customer paid through a payment link' },
	{ name: 'Payout Canceled', value: 'payout.canceled', description: 'A payout was canceled' },
	{ name: 'Payout Created', value: 'payout.created', description: 'A payout was created' },
	{ name: 'Payout Failed', value: 'payout.failed', description: 'A payout failed' },
	{ name: 'Payout Paid', value: 'payout.paid', description: 'A payout reached the bank account' },
	{ name: 'Product Created', value: 'product.created', description: 'A product was created' },
	{ name: 'Setup Intent Created', value: 'setup_intent.created', description: 'A setup intent (saving a payment method for later) was created' },
	{ name: 'Setup Intent Succeeded', value: 'setup_intent.succeeded', description: 'A payment method was saved for later payments' },
];

/** What an event type looks like: lowercase words joined by dots, such as issuing_card.created. */
const EVENT_NAME = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/;

/**
 * The event types the node subscribes to: the chosen ones and the names entered under "Event
 * Names Not Listed" (separated by commas or line breaks), sorted and without repeats;
 * just `*` when All Events is chosen. Refuses a malformed name and an empty choice before
 * anything is sent.
 */
export function chosenEvents(node: INode, events: unknown, notListed: unknown): string[] {
	const listed = Array.isArray(events) ? events.map(String) : [];
	const extra = String(notListed ?? '')
		.split(/[,\n]+/)
		.map((name) => name.trim())
		.filter(Boolean);
	for (const name of extra) {
		if (!EVENT_NAME.test(name)) {
			throw new NodeOperationError(node, `Event Names Not Listed: "${name}" is not an event name`, {
				description: 'Enter WooshPay event names in lowercase with dots, such as issuing_card.created, separated by commas.',
			});
		}
	}
	const all = [...new Set([...listed, ...extra])].sort();
	if (all.includes(ALL_EVENTS)) return [ALL_EVENTS];
	if (all.length === 0) {
		throw new NodeOperationError(node, 'No event chosen', {
			description: 'Choose at least one event under Events, or enter one under Event Names Not Listed.',
		});
	}
	return all;
}

/** Whether an event of this type is one the node listens to. */
export function isChosen(events: string[], type: unknown): boolean {
	return typeof type === 'string' && (events.includes(ALL_EVENTS) || events.includes(type));
}
