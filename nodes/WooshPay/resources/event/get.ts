import type { INodeProperties } from 'n8n-workflow';

import { byIdLocator, showFor } from '../../shared/descriptions';

/** The event Event → Get fetches; its ID goes into the URL (see index.ts). */
export const eventLocator = byIdLocator({
	displayName: 'Event',
	name: 'eventId',
	description: 'The event to get',
	placeholder: 'evt_1593219809108033536',
	hint: 'The ID of the event (evt_...), such as the id a WooshPay Trigger passes on: {{ $json.id }}',
});

/** Event → Get: GET /v1/events/{id} (reference page "Retrieve an event"). WooshPay lists no events. */
export const eventGetDescription: INodeProperties[] = [{ ...eventLocator, displayOptions: showFor('event', ['get']) }];
