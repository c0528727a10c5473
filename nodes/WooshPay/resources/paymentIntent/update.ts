import type { INodeProperties } from 'n8n-workflow';

import { showFor, sortedByName, updateFields } from '../../shared/descriptions';
import { send } from '../../shared/routing';
import { currencyCode, positiveAmount, text } from '../../shared/validation';
import { paymentIntentFields } from './fields';

/**
 * Payment Intent → Update: POST /v1/payment_intents/{id} (reference page "Update a
 * PaymentIntent"), without confirming it. The page's table declares only `payment_method_data`
 * (typed string as printed; its example sends an object, as the node does); its example body is
 * Create's, so the fields offered are those of that example but Confirm (inferred: README,
 * "What is inferred"). To update and confirm at once, use Confirm.
 */
export const paymentIntentUpdateDescription: INodeProperties[] = [
	updateFields(
		showFor('paymentIntent', ['update']),
		sortedByName([
			{
				displayName: 'Amount',
				name: 'amount',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 1, numberPrecision: 0 },
				description: "How much to collect, in the currency's smallest unit (cents for USD: 2500 is 25.00 USD)",
				routing: send('amount', 'Update Fields → Amount', positiveAmount),
			},
			{
				displayName: 'Currency',
				name: 'currency',
				type: 'string',
				default: '',
				placeholder: 'USD',
				description: "Three-letter ISO currency code, such as USD, as WooshPay's examples write them",
				routing: send('currency', 'Update Fields → Currency', currencyCode),
			},
			...paymentIntentFields('Update Fields'),
			{
				displayName: 'Return URL',
				name: 'returnUrl',
				type: 'string',
				default: '',
				placeholder: 'https://shop.example.com/paid',
				description: 'Where the customer is sent back to after paying on another site (such as their bank)',
				routing: send('return_url', 'Update Fields → Return URL', text),
			},
		]),
	),
];
