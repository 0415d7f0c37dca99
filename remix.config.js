// `npm run dev` (remix dev, NODE_ENV=development) builds into build/dev and
// public/build/dev, so that a development build is never taken for the
// production build that `npm start` serves from build/ and public/build.
const development = process.env.NODE_ENV === "development";

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  ...(development ? { serverBuildPath: "build/dev/index.js", assetsBuildDirectory: "public/build/dev", publicPath: "/build/dev/" } : {}),
  serverModuleFormat: "esm",
  serverPlatform: "node",
  // The generated Prisma clients live in app/generated and are bundled like app code;
  // native packages (better-sqlite3, pg, @napi-rs/canvas) stay external.
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
