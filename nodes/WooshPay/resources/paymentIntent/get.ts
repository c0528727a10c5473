import type { IDataObject } from 'n8n-workflow';

import { byIdLocator } from '../../shared/descriptions';
import { parsedJsonText } from '../../shared/simplify';

/** The payment intent an operation works on; its ID goes into the URL. */
export const paymentIntentLocator = byIdLocator({
	displayName: 'Payment Intent',
	name: 'paymentIntentId',
	description: 'The payment intent to work on',
	placeholder: 'pi_1787731245694324736',
	hint: 'The ID WooshPay gave the payment intent (pi_...), such as {{ $json.data.object.id }} after a WooshPay Trigger',
	// GET /v1/payment_intents/search is the search: "search" in the ID's place would reach it.
	notAnId: {
		word: 'search',
		fix: "Enter the payment intent's ID (pi_...); to find payment intents, use Payment Intent → Search.",
	},
});

/**
 * A payment intent as Simplify gives it: its ID, state and money, the customer, your order
 * number, the payment method types (JSON in WooshPay's text parsed), when it was created.
 */
export function simplifyPaymentIntent(intent: IDataObject): IDataObject {
	return {
		id: intent.id,
		status: intent.status,
		amount: intent.amount,
		currency: intent.currency,
		amount_capturable: intent.amount_capturable,
		amount_received: intent.amount_received,
		customer: intent.customer,
		merchant_order_id: intent.merchant_order_id,
		payment_method_types: parsedJsonText(intent.payment_method_types),
		created: intent.created,
	};
}
