import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../../shared/descriptions';
import { idInPath, route } from '../../shared/routing';
import { simplified, simplifyFields } from '../../shared/simplify';
import { listAllSimplified, sendMoneyMovement, sendMoneyMovementIf } from '../../shared/transport';
import { paymentIntentCancelDescription } from './cancel';
import { paymentIntentCaptureDescription } from './capture';
import { paymentIntentConfirmDescription } from './confirm';
import { paymentIntentCreateDescription } from './create';
import { requiredWithParent } from './fields';
import { paymentIntentLocator, simplifyPaymentIntent } from './get';
import { paymentIntentGetAllDescription } from './getAll';
import { paymentIntentSearchDescription } from './search';
import { paymentIntentUpdateDescription } from './update';

/**
 * Payment intents: a payment from its creation (with capture at once, or authorized now and
 * captured later) to its confirmation, capture or cancellation. Search finds one by your order
 * number. Confirm, Capture and Create with Confirm move money: they are sent again only when
 * WooshPay's answer says they were not carried out (transport.ts).
 */
export const paymentIntentDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['paymentIntent'] } },
		options: [
			{
				name: 'Cancel',
				value: 'cancel',
				action: 'Cancel a payment intent',
				description: 'Cancel a payment intent (pi_...) that is not paid or not yet captured, with a reason; what was authorized is released',
				routing: route({ method: 'POST', url: `=/v1/payment_intents/${idInPath('paymentIntentId')}/cancel` }),
			},
			{
				name: 'Capture',
				value: 'capture',
				action: 'Capture a payment intent',
				description: 'Take the money of a payment intent (pi_...) authorized with Capture Method Manual, in full or in part',
				routing: route({ method: 'POST', url: `=/v1/payment_intents/${idInPath('paymentIntentId')}/capture` }, { send: sendMoneyMovement }),
			},
			{
				name: 'Confirm',
				value: 'confirm',
				action: 'Confirm a payment intent',
				description: 'Confirm a payment intent (pi_...) created earlier, so that the customer is charged or asked to authenticate',
				routing: route(
					{ method: 'POST', url: `=/v1/payment_intents/${idInPath('paymentIntentId')}/confirm` },
					{ send: sendMoneyMovement, preSend: requiredWithParent('Additional Fields') },
				),
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a payment intent',
				description: 'Start collecting a payment of an amount in a currency; with Confirm, the customer is charged at once',
				// Created with `confirm`, it charges the customer: a money movement.
				routing: route(
					{ method: 'POST', url: '/v1/payment_intents' },
					{ send: sendMoneyMovementIf((body) => body.confirm === true), preSend: requiredWithParent('Additional Fields') },
				),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a payment intent',
				description: "Fetch a payment intent's details and status by its ID (pi_...)",
				routing: route(
					{ method: 'GET', url: `=/v1/payment_intents/${idInPath('paymentIntentId')}` },
					{ postReceive: [simplified(simplifyPaymentIntent)] },
				),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many payment intents',
				description: 'List payment intents, newest first, optionally by creation time',
				routing: route({ method: 'GET', url: '/v1/payment_intents' }, { send: listAllSimplified(simplifyPaymentIntent) }),
			},
			{
				name: 'Search',
				value: 'search',
				action: 'Search payment intents',
				description: "Find payment intents with WooshPay's search query, such as by your order number (merchant_order_id)",
				routing: route(
					{ method: 'GET', url: '/v1/payment_intents/search' },
					// One page (the reference shows `limit`, no way to ask for the next); each payment
					// intent of the answer's `data` becomes an output item.
					{ postReceive: [{ type: 'rootProperty', properties: { property: 'data' } }, simplified(simplifyPaymentIntent)] },
				),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a payment intent',
				description: "Change a payment intent's amount, description, metadata, shipping or the like (pi_...), without confirming it",
				routing: route(
					{ method: 'POST', url: `=/v1/payment_intents/${idInPath('paymentIntentId')}` },
					{ preSend: requiredWithParent('Update Fields') },
				),
			},
		],
		default: 'search',
	},
	{ ...paymentIntentLocator, displayOptions: showFor('paymentIntent', ['cancel', 'capture', 'confirm', 'get', 'update']) },
	...paymentIntentCancelDescription,
	...paymentIntentCaptureDescription,
	...paymentIntentConfirmDescription,
	...paymentIntentCreateDescription,
	...paymentIntentGetAllDescription,
	...paymentIntentSearchDescription,
	...paymentIntentUpdateDescription,
	...simplifyFields('paymentIntent', ['get', 'getAll', 'search'], 'payment intent'),
];
