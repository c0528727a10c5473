import type { INodeProperties } from 'n8n-workflow';

import { byIdLocator, showFor } from '../../shared/descriptions';

/** The payment intent Payment Intent → Get fetches; its ID goes into the URL (see index.ts). */
export const paymentIntentLocator = byIdLocator({
	displayName: 'Payment Intent',
	name: 'paymentIntentId',
	description: 'The payment intent to get',
	placeholder: 'pi_1787731245694324736',
	hint: 'The ID WooshPay gave the payment intent (pi_...), such as {{ $json.data.object.id }} after a WooshPay Trigger',
});

/** Payment Intent → Get: GET /v1/payment_intents/{id} (the path from WooshPay's client code). */
export const paymentIntentGetDescription: INodeProperties[] = [{ ...paymentIntentLocator, displayOptions: showFor('paymentIntent', ['get']) }];
