// One msw server for every outside service Vigía talks to. Handlers live in one
// file per service (tests/mocks/<service>.ts) and are listed here; a test that
// needs another answer overrides with server.use(...). Any request with no
// handler fails the test, so no test can reach the network by accident.
import { setupServer } from "msw/node";
import { gwDatasetHandlers } from "./gw-dataset.ts";

export const handlers = [...gwDatasetHandlers];

export const server = setupServer(...handlers);
