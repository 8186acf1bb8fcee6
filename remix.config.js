/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  // The Express server (security headers, Origin check, sessions) is compiled
  // together with the app into build/index.js.
  server: "./app/server.ts",
  serverBuildPath: "build/index.js",
  watchPaths: ["./locales/**/*.json"],
  future: {
    // No v3_lazyRouteDiscovery: the whole route manifest is loaded once (decision 033).
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
  },
};
