// Builds the app once for every browser test (npm start would do the same on first run).
import { buildIfNeeded } from "../../scripts/build-if-needed.ts";

export default function setup() {
  buildIfNeeded(() => {});
}
