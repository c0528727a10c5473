import type { INodeProperties } from 'n8n-workflow';

import { addressFields, shippingField } from '../../shared/address';
import { metadataField } from '../../shared/metadata';
import { send } from '../../shared/routing';
import { email, metadataObject, text } from '../../shared/validation';

/**
 * Every field of a customer that WooshPay lets you set (seed page "Update a customer"), with
 * the JSON path each is sent at. Create and Update both offer these, in the collection
 * `under` ("Additional Fields", "Update Fields"), which error messages name.
 */
export const customerFields = (under: string): INodeProperties[] => [
	{
		displayName: 'Address',
		name: 'address',
		type: 'collection',
		placeholder: 'Add Address Field',
		default: {},
		description: "The customer's address",
		options: addressFields('address', `${under} → Address`),
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		placeholder: 'Wholesale account, billed monthly',
		description: 'A note of your own about the customer, shown in the WooshPay dashboard',
		routing: send('description', `${under} → Description`, text),
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		default: '',
		placeholder: 'name@email.com',
		description: "The customer's email address",
		routing: send('email', `${under} → Email`, email),
	},
	metadataField(metadataObject, under),
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		placeholder: 'Jane Doe',
		description: "The customer's full name or business name",
		routing: send('name', `${under} → Name`, text),
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
		placeholder: '+44 20 7946 0958',
		description: "The customer's phone number",
		routing: send('phone', `${under} → Phone`, text),
	},
	shippingField('Where and to whom goods for this customer are sent', under),
];
