import type { INodeProperties } from 'n8n-workflow';

import { customerLocator, showFor } from '../../shared/descriptions';
import { idInPath, route } from '../../shared/routing';
import { listAll } from '../../shared/transport';
import { paymentMethodAttachDescription, paymentMethodLocator } from './attach';
import { paymentMethodCreateDescription } from './create';
import { paymentMethodGetAllDescription } from './getAll';

/**
 * Payment methods: a customer's way to pay, such as a card or a wallet. WooshPay recommends
 * creating them through payment intents or setup intents; Create is for the rest.
 */
export const paymentMethodDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['paymentMethod'] } },
		options: [
			{
				name: 'Attach to Customer',
				value: 'attach',
				action: 'Attach a payment method to a customer',
				description: 'Save a payment method (pm_...) with a customer (cus_...) for later payments',
				routing: route({ method: 'POST', url: `=/v1/payment_methods/${idInPath('paymentMethodId')}/attach` }),
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a payment method',
				description: 'Create a payment method of a type (card, Alipay, WeChat Pay …) with billing details',
				routing: route({ method: 'POST', url: '/v1/payment_methods' }),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: "Get many payment methods of a customer",
				description: "List a customer's (cus_...) saved payment methods, optionally of one type",
				routing: route({ method: 'GET', url: `=/v1/customers/${idInPath('customerId')}/payment_methods` }, { send: listAll }),
			},
		],
		default: 'getAll',
	},
	{ ...paymentMethodLocator, displayOptions: showFor('paymentMethod', ['attach']) },
	{
		...customerLocator,
		description: 'The customer whose payment methods to list',
		displayOptions: showFor('paymentMethod', ['getAll']),
	},
	...paymentMethodAttachDescription,
	...paymentMethodCreateDescription,
	...paymentMethodGetAllDescription,
];
