/**
 * Which events already started the workflow, so that each event ID starts it once however
 * often WooshPay delivers it (it retries a delivery for up to 3 days; a second endpoint for the
 * same URL would deliver every event twice).
 *
 * Kept in the memory of the n8n process, not in the workflow's static data: n8n 2.41 does not
 * save static data that a trigger's webhook() changes when the delivery starts a run (its
 * WorkflowRunner builds the execution's Workflow on the same static data object first, which
 * clears the object's "changed" mark before the webhook's change is saved), so a list of IDs
 * there would never reach the database. Seen in a real n8n 2.41.1; test/harness/trigger.ts
 * does the same.
 *
 * Bounded: the latest MAX_EVENTS_PER_TRIGGER IDs of each of the MAX_TRIGGERS triggers that
 * received events most recently. The check and the record happen together, with no await in
 * between, so two deliveries of one event arriving at the same moment start one run.
 */

export const MAX_EVENTS_PER_TRIGGER = 1000;
const MAX_TRIGGERS = 100;

/** Per trigger (workflow, node, production or test), its latest event IDs, oldest first. */
const recent = new Map<string, Set<string>>();

/** Whether the event started this trigger's workflow before; if not, it is remembered now. */
export function seenBefore(trigger: string, eventId: string): boolean {
	let ids = recent.get(trigger);
	if (ids) {
		// The trigger heard from last moves to the end: the first one is then the one to drop.
		recent.delete(trigger);
	} else {
		ids = new Set();
	}
	recent.set(trigger, ids);
	if (recent.size > MAX_TRIGGERS) recent.delete(recent.keys().next().value as string);
	if (ids.has(eventId)) return true;
	ids.add(eventId);
	if (ids.size > MAX_EVENTS_PER_TRIGGER) ids.delete(ids.values().next().value as string);
	return false;
}
