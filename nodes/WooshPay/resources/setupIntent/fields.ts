import type { INodeProperties } from 'n8n-workflow';

import { metadataField } from '../../shared/metadata';
import { send } from '../../shared/routing';
import { metadataObject, requiredText, text } from '../../shared/validation';

/**
 * The fields Confirm and Update of a setup intent both send (reference pages "Confirm a
 * SetupIntent" and "Update a SetupIntent"), each with the JSON path it is sent at; `under`: the
 * collection they are shown in, for error messages.
 */
export const setupIntentFields = (under: string): INodeProperties[] => [
	{
		displayName: 'Customer ID',
		name: 'customer',
		type: 'string',
		default: '',
		placeholder: 'cus_1953770230215868416',
		description: 'The customer the payment method is saved with',
		routing: send('customer', `${under} → Customer ID`, requiredText),
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		description: 'A note of your own about the setup intent',
		routing: send('description', `${under} → Description`, text),
	},
	metadataField(metadataObject, under),
	{
		displayName: 'Payment Method ID',
		name: 'paymentMethod',
		type: 'string',
		default: '',
		placeholder: 'pm_1604012357044928512',
		description: 'The payment method to save',
		routing: send('payment_method', `${under} → Payment Method ID`, requiredText),
	},
	{
		displayName: 'Request Three D Secure',
		name: 'requestThreeDSecure',
		type: 'string',
		default: '',
		placeholder: 'auto',
		description:
			"Whether to ask the card's bank for 3D Secure authentication (payment_method_options.card.request_three_d_secure). WooshPay's examples send \"auto\"; the reference lists no values (inferred).",
		routing: send('payment_method_options.card.request_three_d_secure', `${under} → Request Three D Secure`, requiredText),
	},
];
