import type { INodeProperties } from 'n8n-workflow';

import { byIdLocator, showFor } from '../../shared/descriptions';
import { send } from '../../shared/routing';
import { requiredText } from '../../shared/validation';

/** The payment method an operation works on; its ID goes into the URL. */
export const paymentMethodLocator = byIdLocator({
	displayName: 'Payment Method',
	name: 'paymentMethodId',
	description: 'The payment method to work on',
	placeholder: 'pm_1604012357044928512',
	hint: 'The ID WooshPay gave the payment method (pm_...), such as {{ $json.payment_method }} of a payment intent',
});

/**
 * Payment Method → Attach to Customer: POST /v1/payment_methods/{id}/attach (reference page
 * "Attach a PaymentMethod to a Customer") with the customer, which the page requires.
 */
export const paymentMethodAttachDescription: INodeProperties[] = [
	{
		displayName: 'Customer ID',
		name: 'customer',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'cus_1953770230215868416',
		description: 'The customer to save the payment method with',
		displayOptions: showFor('paymentMethod', ['attach']),
		routing: send('customer', 'Customer ID', requiredText),
	},
];
