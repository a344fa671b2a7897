// Route ids are UUIDs; anything else is a 404 before a database call is spent on it.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const uuid = (param: string) => (UUID.test(param) ? param.toLowerCase() : undefined);
