// HTTPS for the dev server. Office loads add-ins only over https, so the dev server uses
// the certificates of office-addin-dev-certs. Installing its CA into the system store needs
// sudo on Linux; where that fails (no sudo, a container, CI) we still generate the
// certificates and say how to trust the CA by hand, instead of refusing to serve.
"use strict";
const fs = require("fs");
const devCerts = require("office-addin-dev-certs");
const defaults = require("office-addin-dev-certs/lib/defaults");

function readCerts() {
  return {
    ca: fs.readFileSync(defaults.caCertificatePath),
    key: fs.readFileSync(defaults.localhostKeyPath),
    cert: fs.readFileSync(defaults.localhostCertificatePath),
  };
}

async function httpsOptions() {
  try {
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (error) {
    if (!fs.existsSync(defaults.localhostCertificatePath) || !fs.existsSync(defaults.localhostKeyPath)) {
      await devCerts.generateCertificates();
    }
    console.warn(
      [
        "",
        `Could not install the development CA into the system store (${error instanceof Error ? error.message : error}).`,
        "The dev server still runs on https://localhost:3000. To let Excel on the web (your browser) load it, trust this CA once:",
        `  ${defaults.caCertificatePath}`,
        "  Chromium/Chrome: Settings > Privacy and security > Security > Manage certificates > Authorities > Import",
        "  Firefox: Settings > Privacy & Security > Certificates > View Certificates > Authorities > Import",
        "",
      ].join("\n")
    );
    return readCerts();
  }
}

module.exports = { httpsOptions };
