import { bootTaskpane } from "./boot";

// `Office` is a global only when office.js loaded from its CDN; it is undefined offline or when a proxy blocks the CDN.
void bootTaskpane(document.getElementById("container"), typeof Office === "undefined" ? undefined : Office);
