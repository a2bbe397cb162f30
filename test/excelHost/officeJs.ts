/**
 * Microsoft's Excel JavaScript client, the one add-ins load from office.js, put in front of our
 * host. It comes from the npm package @microsoft/office-js (a devDependency; its licence allows
 * it for developing and testing add-ins): `dist/excel-web-16.00.debug.js`, the build Excel on
 * the web loads. With it the code under test gets Microsoft's proxies, `load`, `sync`,
 * `…OrNullObject`, PropertyNotLoaded and error objects, and Microsoft's request serializer: the
 * bytes a host sees are the bytes Excel would see.
 *
 * Requests leave the client through its own transport hook: a RequestContext made with a URL
 * (`new Excel.RequestContext(url)`) posts JSON to `<url>/ProcessQuery` through
 * `OfficeExtension.HttpUtility`, whose sender `setCustomSendRequestFunc` replaces. One sender
 * serves every host in this JavaScript realm; each host has its own URL.
 *
 * In the browser (the playground) the page loads the file with a <script> tag before anything
 * else; in Node (jest, the bench) `officeJs()` evaluates it here, in this realm, so that arrays,
 * errors and promises are the test's own (`instanceof Error` holds). The script expects a browser
 * global object: Node gets `window` (the global itself), and `document` and `navigator` stubs
 * for the time it loads (it reads `document.readyState` and `navigator.userAgent`, nothing else).
 */

import { platformFiles } from "./platformFiles";

export interface OfficeJsClient {
  Excel: typeof Excel;
  OfficeExtension: typeof OfficeExtension;
}

/** What the client hands its sender (OfficeExtension.HttpUtility.sendRequest). */
export interface ClientHttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface ClientHttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** A host's side of the wire: the request body as the client serialized it, the response body to return. */
export type RequestHandler = (bodyText: string) => Promise<string>;

/** The file of @microsoft/office-js the tests and the playground run: Excel on the web's client. */
export const OFFICE_JS_FILE = "@microsoft/office-js/dist/excel-web-16.00.debug.js";

const handlers = new Map<string, RequestHandler>();
let client: OfficeJsClient | undefined;

/** Microsoft's client, loaded once per realm, with our sender installed. */
export function officeJs(): OfficeJsClient {
  if (client) return client;
  const g = globalThis as unknown as Partial<OfficeJsClient> & Record<string, unknown>;
  if (!g.Excel?.RequestContext) loadInNode();
  if (!g.Excel?.RequestContext || !g.OfficeExtension) throw new Error(`Microsoft's Excel client did not load (${OFFICE_JS_FILE})`);
  client = { Excel: g.Excel, OfficeExtension: g.OfficeExtension };
  // HttpUtility is public in the client but not in @types/office-js.
  (client.OfficeExtension as unknown as { HttpUtility: { setCustomSendRequestFunc(f: typeof send): void } }).HttpUtility.setCustomSendRequestFunc(send);
  // Before its first event handler, the client asks Office to start passing it event messages;
  // outside Office there is no one to ask, so the client's own hook for that says they flow
  // (the host sends them: events.ts).
  (client.OfficeExtension as unknown as { _testSetRichApiMessageReadyImpl(f: () => Promise<void>): void })._testSetRichApiMessageReadyImpl(() => Promise.resolve());
  return client;
}

/** Routes requests for `baseUrl` to `handler` until the returned function is called. */
export function route(baseUrl: string, handler: RequestHandler): () => void {
  handlers.set(normalize(baseUrl), handler);
  return () => handlers.delete(normalize(baseUrl));
}

const normalize = (url: string): string => (url.endsWith("/") ? url : `${url}/`);

async function send(request: ClientHttpRequest): Promise<ClientHttpResponse> {
  const marker = "ProcessQuery";
  const at = request.url.indexOf(marker);
  const handler = at < 0 ? undefined : handlers.get(normalize(request.url.slice(0, at)));
  if (!handler) {
    // A context whose host has gone (a test kept a context past its workbook): say so plainly.
    return { statusCode: 404, headers: {}, body: JSON.stringify({ error: { code: "ConnectionFailure", message: `no Excel host at ${request.url}` } }) };
  }
  // The client hands over the body as an object; its own senders send JSON.stringify of it.
  const text = typeof request.body === "string" ? request.body : JSON.stringify(request.body);
  return { statusCode: 200, headers: { "content-type": "application/json" }, body: await handler(text) };
}

function loadInNode(): void {
  // Only reached outside a browser page: the playground loads the client with a <script> tag.
  const source = platformFiles().officeJs();
  const g = globalThis as Record<string, unknown>;
  const stubs: Record<string, unknown> = {
    document: { readyState: "complete", addEventListener: () => undefined },
    navigator: { userAgent: "node" },
  };
  const added = Object.keys(stubs).filter((key) => g[key] === undefined);
  for (const key of added) g[key] = stubs[key];
  if (g.window === undefined) g.window = globalThis;
  try {
    // Indirect eval runs the script as a classic <script> would: its top-level `var`s become
    // globals of this realm, where its own code looks for them.
    (0, eval)(source);
  } finally {
    for (const key of added) delete g[key];
  }
}
