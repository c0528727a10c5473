import type { INodeProperties } from 'n8n-workflow';

import { send } from './routing';
import { countryCode, text } from './validation';

/**
 * The six fields of a WooshPay address, sent under `path` (such as `address` or
 * `billing.address`): `<path>.city`, `<path>.country`, and so on. `under` is where the editor
 * shows them (such as "Update Fields → Address"; empty for top-level fields), for error
 * messages; `prefix` goes before each field's name (such as "Billing ").
 */
export function addressFields(path: string, under: string, prefix = ''): INodeProperties[] {
	const label = (name: string) => `${under ? `${under} → ` : ''}${prefix}${name}`;
	return [
		{
			displayName: `${prefix}City`,
			name: 'city',
			type: 'string',
			default: '',
			placeholder: 'London',
			description: 'City, district, suburb, town or village',
			routing: send(`${path}.city`, label('City'), text),
		},
		{
			displayName: `${prefix}Country`,
			name: 'country',
			type: 'string',
			default: '',
			placeholder: 'GB',
			description: 'Two-letter country code (ISO 3166-1 alpha-2), such as GB, US or DE',
			routing: send(`${path}.country`, label('Country'), countryCode),
		},
		{
			displayName: `${prefix}Line 1`,
			name: 'line1',
			type: 'string',
			default: '',
			placeholder: '221B Baker Street',
			description: 'Street and number, PO box or company name',
			routing: send(`${path}.line1`, label('Line 1'), text),
		},
		{
			displayName: `${prefix}Line 2`,
			name: 'line2',
			type: 'string',
			default: '',
			placeholder: 'Flat 2',
			description: 'Apartment, suite, unit or building',
			routing: send(`${path}.line2`, label('Line 2'), text),
		},
		{
			displayName: `${prefix}Postal Code`,
			name: 'postalCode',
			type: 'string',
			default: '',
			placeholder: 'NW1 6XE',
			description: 'ZIP or postal code',
			routing: send(`${path}.postal_code`, label('Postal Code'), text),
		},
		{
			displayName: `${prefix}State`,
			name: 'state',
			type: 'string',
			default: '',
			placeholder: 'Greater London',
			description: 'State, county, province or region',
			routing: send(`${path}.state`, label('State'), text),
		},
	];
}

/**
 * Shipping details, sent under `shipping`: the address at `shipping.address.*`, the recipient
 * at `shipping.name` and `shipping.phone` (customers, payment intents). `under`: the collection
 * it is shown in, for error messages.
 */
export function shippingField(description: string, under: string): INodeProperties {
	const here = `${under} → Shipping`;
	return {
		displayName: 'Shipping',
		name: 'shipping',
		type: 'collection',
		placeholder: 'Add Shipping Field',
		default: {},
		description,
		options: [
			...addressFields('shipping.address', here),
			{
				displayName: 'Recipient Name',
				name: 'name',
				type: 'string',
				default: '',
				placeholder: 'Jane Doe',
				description: 'Who receives the shipment',
				routing: send('shipping.name', `${here} → Recipient Name`, text),
			},
			{
				displayName: 'Recipient Phone',
				name: 'phone',
				type: 'string',
				default: '',
				placeholder: '+44 20 7946 0958',
				description: "The recipient's phone number, with extension if any",
				routing: send('shipping.phone', `${here} → Recipient Phone`, text),
			},
		],
	};
}
