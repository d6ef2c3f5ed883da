/** The HTTP server: the JSON API, its OpenAPI description, and the web app's files. */
export { type AppOptions, allRoutes, buildApp } from "./app.ts";
export { isLoopback, type Running, type ServeOptions, startServer, WEB_ROOT } from "./serve.ts";
