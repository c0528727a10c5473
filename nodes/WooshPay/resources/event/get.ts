import { byIdLocator } from '../../shared/descriptions';

/** The event Event → Get fetches (GET /v1/events/{id}, reference page "Retrieve an event"). */
export const eventLocator = byIdLocator({
	displayName: 'Event',
	name: 'eventId',
	description: 'The event to get',
	placeholder: 'evt_1593219809108033536',
	hint: 'The ID of the event (evt_...), such as the id a WooshPay Trigger passes on: {{ $json.id }}',
});
