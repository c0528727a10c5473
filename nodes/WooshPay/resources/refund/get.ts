import type { INodeProperties } from 'n8n-workflow';

import { byIdLocator, showFor } from '../../shared/descriptions';

/** The refund Refund → Get fetches; its ID goes into the URL (see index.ts). */
export const refundLocator = byIdLocator({
	displayName: 'Refund',
	name: 'refundId',
	description: 'The refund to get',
	placeholder: 're_1787731245694324736',
	hint: 'The ID WooshPay gave the refund (re_...), or an expression such as {{ $json.id }}',
});

/** Refund → Get: GET /v1/refunds/{id} (reference page "Retrieve a refund"). */
export const refundGetDescription: INodeProperties[] = [{ ...refundLocator, displayOptions: showFor('refund', ['get']) }];
