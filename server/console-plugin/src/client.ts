// consoleClient(): the console API for TypeScript apps, as a better-auth client plugin.
//
//   import { createAuthClient } from "better-auth/client";
//   import { consoleClient } from "@pikku-admin/better-auth-console/client";
//   const client = createAuthClient({ baseURL, plugins: [consoleClient()] });
//   const { data, error } = await client.console.apiKeys({ query: { cursor: "", limit: 50 } });
//   if (error?.code === CONSOLE_CLIENT_ERROR_CODES.FORBIDDEN.code) …   (also typed: InferErrorCodes)
//
// Routes, bodies, queries and replies are inferred from the server plugin (types only: nothing of the
// server is bundled). Send the admin's session as `Authorization: Bearer` (fetchOptions.auth), never an API key.
import type { BetterAuthClientPlugin } from "better-auth/client";
import type { consolePlugin } from "./index.js";

// Kept here (not imported) so the client bundle holds no server code; the test checks they match.
const CONSOLE_CLIENT_ERROR_CODES = {
  VALIDATION_ERROR: { code: "VALIDATION_ERROR", message: "a field is missing or invalid; the message names it" },
  AMBIGUOUS_CREDENTIALS: { code: "AMBIGUOUS_CREDENTIALS", message: "both Authorization: Bearer and x-api-key were sent" },
  OVERLAP_TOO_LONG: { code: "OVERLAP_TOO_LONG", message: "rotate: overlapSeconds is above the server's maximum (/console/info apiKey.maxOverlapSeconds)" },
  UNAUTHORIZED: { code: "UNAUTHORIZED", message: "no session, or an unknown, revoked or expired one" },
  FORBIDDEN: { code: "FORBIDDEN", message: "the caller is not a person who is an admin (adminUserIds or an adminRoles role; an API key alone is refused)" },
  OWNER_NOT_SERVICE_USER: { code: "OWNER_NOT_SERVICE_USER", message: "mint/rotate: keys are only minted for service users (the service role, not admin, no way to sign in)" },
  NOT_FOUND: { code: "NOT_FOUND", message: "no such user, key or session" },
  CONFLICT: { code: "CONFLICT", message: "a user with that email already exists" },
  REQUEST_ID_REUSED: { code: "REQUEST_ID_REUSED", message: "a requestId was sent again with a different request" },
  NOT_SERVICE_USER: { code: "NOT_SERVICE_USER", message: "service-user lifecycle: the user is not a service user (people go through the admin plugin's endpoints)" },
  LOCKOUT: { code: "LOCKOUT", message: "refused: it would act on the caller's own account or on an admin (the console never locks its admins out)" },
} as const;

export const consoleClient = () =>
  ({
    id: "pikku-console",
    $InferServerPlugin: {} as ReturnType<typeof consolePlugin>,
    pathMethods: {
      "/console/info": "GET",
      "/console/service-users": "GET",
      "/console/api-keys": "GET",
      "/console/device-codes": "GET",
      "/console/sessions": "GET",
      "/console/audit": "GET",
      "/console/overview": "GET",
      "/console/api-keys/:id/usage": "GET",
      "/console/service-users/create": "POST",
      "/console/service-users/update": "POST",
      "/console/service-users/disable": "POST",
      "/console/service-users/enable": "POST",
      "/console/service-users/delete": "POST",
      "/console/api-keys/create": "POST",
      "/console/api-keys/update": "POST",
      "/console/api-keys/delete": "POST",
      "/console/api-keys/rotate": "POST",
      "/console/sessions/revoke": "POST",
    },
    $ERROR_CODES: CONSOLE_CLIENT_ERROR_CODES,
  }) satisfies BetterAuthClientPlugin;

export { CONSOLE_CLIENT_ERROR_CODES };
