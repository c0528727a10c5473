import type { INodeProperties } from 'n8n-workflow';

import { addressFields } from '../../shared/address';
import { additionalFields, showFor } from '../../shared/descriptions';
import { metadataField } from '../../shared/metadata';
import { send } from '../../shared/routing';
import { email, metadataObject, oneOf, text } from '../../shared/validation';
import { PAYMENT_METHOD_OPTIONS } from '../paymentIntent/fields';

const displayOptions = showFor('paymentMethod', ['create']);

/**
 * Payment Method → Create: POST /v1/payment_methods (reference page "Create a PaymentMethod"):
 * the type, required, of the list the payment intent's page gives, billing details and
 * metadata. The page's `card` object lists what a card answers (brand, last4 …), not what to
 * send; card numbers are not offered (they would be stored in n8n's execution data).
 */
export const paymentMethodCreateDescription: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		required: true,
		default: 'card',
		description: 'The kind of payment method',
		options: PAYMENT_METHOD_OPTIONS,
		displayOptions,
		routing: send('type', 'Type', oneOf(PAYMENT_METHOD_OPTIONS)),
	},
	additionalFields(displayOptions, [
		...addressFields('billing_details.address', 'Additional Fields', 'Billing '),
		{
			displayName: 'Billing Email',
			name: 'email',
			type: 'string',
			default: '',
			placeholder: 'name@email.com',
			routing: send('billing_details.email', 'Additional Fields → Billing Email', email),
		},
		{
			displayName: 'Billing Name',
			name: 'name',
			type: 'string',
			default: '',
			placeholder: 'Jane Doe',
			routing: send('billing_details.name', 'Additional Fields → Billing Name', text),
		},
		{
			displayName: 'Billing Phone',
			name: 'phone',
			type: 'string',
			default: '',
			placeholder: '+44 20 7946 0958',
			routing: send('billing_details.phone', 'Additional Fields → Billing Phone', text),
		},
		metadataField(metadataObject, 'Additional Fields'),
	]),
];
