import type { INodeProperties } from 'n8n-workflow';

import { send } from './routing';
import { countryCode } from './validation';

/**
 * The six fields of a WooshPay address, sent under `path` (such as `address` or
 * `billing.address`): `<path>.city`, `<path>.country`, and so on.
 */
export function addressFields(path: string): INodeProperties[] {
	return [
		{
			displayName: 'City',
			name: 'city',
			type: 'string',
			default: '',
			placeholder: 'London',
			description: 'City, district, suburb, town or village',
			routing: send(`${path}.city`),
		},
		{
			displayName: 'Country',
			name: 'country',
			type: 'string',
			default: '',
			placeholder: 'GB',
			description: 'Two-letter country code (ISO 3166-1 alpha-2), such as GB, US or DE',
			routing: send(`${path}.country`, countryCode),
		},
		{
			displayName: 'Line 1',
			name: 'line1',
			type: 'string',
			default: '',
			placeholder: '221B Baker Street',
			description: 'Street and number, PO box or company name',
			routing: send(`${path}.line1`),
		},
		{
			displayName: 'Line 2',
			name: 'line2',
			type: 'string',
			default: '',
			placeholder: 'Flat 2',
			description: 'Apartment, suite, unit or building',
			routing: send(`${path}.line2`),
		},
		{
			displayName: 'Postal Code',
			name: 'postalCode',
			type: 'string',
			default: '',
			placeholder: 'NW1 6XE',
			description: 'ZIP or postal code',
			routing: send(`${path}.postal_code`),
		},
		{
			displayName: 'State',
			name: 'state',
			type: 'string',
			default: '',
			placeholder: 'Greater London',
			description: 'State, county, province or region',
			routing: send(`${path}.state`),
		},
	];
}

/**
 * Shipping details, sent under `shipping`: the address at `shipping.address.*`, the recipient
 * at `shipping.name` and `shipping.phone` (customers, payment intents).
 */
export function shippingField(description: string): INodeProperties {
	return {
		displayName: 'Shipping',
		name: 'shipping',
		type: 'collection',
		placeholder: 'Add Shipping Field',
		default: {},
		description,
		options: [
			...addressFields('shipping.address'),
			{
				displayName: 'Recipient Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'Jane Doe',
				description: 'Who receives the shipment',
				routing: send('shipping.name'),
			},
			{
				displayName: 'Recipient Phone',
				name: 'phone',
				type: 'string',
				default: '',
				placeholder: '+44 20 7946 0958',
				description: "The recipient's phone number, with extension if any",
				routing: send('shipping.phone'),
			},
		],
	};
}
