import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../shared/descriptions';
import { query } from '../../shared/routing';
import { email, oneOf, unixSeconds } from '../../shared/validation';
import { STATUS_OPTIONS, TYPE_OPTIONS } from './fields';

const displayOptions = showFor('cardholder', ['getAll']);

/**
 * Cardholder → Get Many: GET /v1/issuing/cardholders, newest first, following `has_more` and
 * `starting_after` page by page (see listAll in shared/transport.ts).
 */
export const cardholderGetAllDescription: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions,
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { ...displayOptions?.show, returnAll: [false] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions,
		options: [
			{
				displayName: 'Created After',
				name: 'createdAfter',
				type: 'dateTime',
				default: '',
				description: 'Only cardholders created at or after this moment',
				routing: query('created[gte]', unixSeconds),
			},
			{
				displayName: 'Created Before',
				name: 'createdBefore',
				type: 'dateTime',
				default: '',
				description: 'Only cardholders created at or before this moment',
				routing: query('created[lte]', unixSeconds),
			},
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				default: '',
				placeholder: 'name@email.com',
				description: 'Only cardholders with this email address',
				routing: query('email', email),
			},
			{
				displayName: 'Phone Number',
				name: 'phoneNumber',
				type: 'string',
				default: '',
				placeholder: '+44 20 7946 0958',
				description: 'Only cardholders with this phone number',
				routing: query('phone_number'),
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'active',
				description: 'Only cardholders with this status',
				options: STATUS_OPTIONS,
				routing: query('status', oneOf(STATUS_OPTIONS)),
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				default: 'individual',
				description: 'Only cardholders of this type',
				options: TYPE_OPTIONS,
				routing: query('type', oneOf(TYPE_OPTIONS)),
			},
		],
	},
];
