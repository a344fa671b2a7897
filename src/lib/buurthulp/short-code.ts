// A request's short code: the first 8 hex digits of its id, in capitals so it reads aloud well
// ("3F2A9C1B"). Printed on the prikbord; /h/<code> and the coordinator find the request with it
// (help_request_by_code). Case does not matter when typed.

export const shortCode = (requestId: string) => requestId.slice(0, 8).toUpperCase();

export const SHORT_CODE = /^[0-9a-fA-F]{8}$/;
