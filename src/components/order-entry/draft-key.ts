/** Where the order being entered is autosaved: one draft per signed-in user and browser. */
export const DRAFT_VERSION = 1;
export const draftStorageKey = (userId: string) => `orderdesk.order-entry.v${DRAFT_VERSION}:${userId}`;
