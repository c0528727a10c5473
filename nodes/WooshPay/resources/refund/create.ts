import type { INodeProperties } from 'n8n-workflow';

import { additionalFields, byIdLocator, showFor } from '../../shared/descriptions';
import { metadataField } from '../../shared/metadata';
import { send } from '../../shared/routing';
import { metadataObject, oneOf, optionalAmountAsText, requiredText } from '../../shared/validation';

const displayOptions = showFor('refund', ['create']);

export const REASON_OPTIONS = [
	{ name: 'Duplicate', value: 'duplicate', description: 'The customer was charged twice' },
	{ name: 'Fraudulent', value: 'fraudulent', description: 'The payment was fraudulent' },
	{ name: 'Requested by Customer', value: 'requested_by_customer' },
	{ name: 'Resolved Dispute', value: 'resolved_dispute', description: 'Refunded to settle a dispute' },
];

/**
 * Refund → Create: POST /v1/refunds (reference page "Create a refund"). The page prints
 * `payment_intent` as optional, but it is the only field it documents that says what to refund,
 * so the node asks for it.
 */
export const refundCreateDescription: INodeProperties[] = [
	{
		...byIdLocator({
			displayName: 'Payment Intent',
			name: 'paymentIntentId',
			description: 'The payment intent to refund',
			placeholder: 'pi_1787730829493927936',
			hint: 'The ID of the payment intent (pi_...), or an expression such as {{ $json.paymentIntentId }}',
		}),
		displayOptions,
		// Sent in the body, not the URL.
		routing: send('payment_intent', 'Payment Intent', requiredText),
	},
	additionalFields(displayOptions, [
		{
			displayName: 'Amount',
			name: 'amount',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 1, numberPrecision: 0 },
			description:
				"How much to refund, in the currency's smallest unit (cents for USD: 1250 is 12.50 USD), for a partial refund. Sent as text, as WooshPay documents it. Leave it out, or map an empty value, to refund the whole payment.",
			routing: send('amount', 'Additional Fields → Amount', optionalAmountAsText),
		},
		metadataField(metadataObject, 'Additional Fields'),
		{
			displayName: 'Reason',
			name: 'reason',
			type: 'options',
			default: 'requested_by_customer',
			description: 'Why the payment is refunded',
			options: REASON_OPTIONS,
			routing: send('reason', 'Additional Fields → Reason', oneOf(REASON_OPTIONS)),
		},
	]),
];
