import type { INodeProperties } from 'n8n-workflow';

import { addressFields } from '../../shared/address';
import { additionalFields, showFor, sortedByName } from '../../shared/descriptions';
import { send } from '../../shared/routing';
import { oneOf, text } from '../../shared/validation';
import { TYPE_OPTIONS, cardholderFields } from './fields';

const displayOptions = showFor('cardholder', ['create']);

/** What a new cardholder needs: asked as required fields. The rest of the address is optional. */
const REQUIRED_ADDRESS = ['line1', 'city', 'postalCode', 'country'];

/**
 * Cardholder → Create: POST /v1/issuing/cardholders. Name, type and billing address are
 * required (the response body of the seed page shows every cardholder has them); everything
 * Update offers can be added.
 */
export const cardholderCreateDescription: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'Jane Doe',
		description: "The cardholder's name, as printed on their cards",
		displayOptions,
		routing: send('name', 'Name', text),
	},
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		required: true,
		default: 'individual',
		description: 'Whether the cards are for a person or a company',
		options: TYPE_OPTIONS,
		displayOptions,
		routing: send('type', 'Type', oneOf(TYPE_OPTIONS)),
	},
	// The address's required parts as fields of their own, the rest under Additional Fields.
	...addressFields('billing.address', '', 'Billing ')
		.filter((field) => REQUIRED_ADDRESS.includes(field.name))
		.map((field) => ({ ...field, required: true, displayOptions })),
	additionalFields(
		displayOptions,
		sortedByName([
			...addressFields('billing.address', 'Additional Fields', 'Billing ').filter((field) => !REQUIRED_ADDRESS.includes(field.name)),
			...cardholderFields('Additional Fields').filter((field) => field.name !== 'billingAddress'),
		]),
	),
];
