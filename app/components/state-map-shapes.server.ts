// The server renders the map's outlines synchronously (so the HTML has the whole map,
// with or without JavaScript); the browser build empties this module, and the map
// component loads the outlines with a lazy import instead.
export { default as ServerStateMapShapes } from "./state-map-shapes.tsx";
