import { afterAll, afterEach, beforeAll } from "vitest";
import { server } from "../mocks/index.ts";

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
