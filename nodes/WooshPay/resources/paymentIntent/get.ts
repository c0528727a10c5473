import { byIdLocator } from '../../shared/descriptions';

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
