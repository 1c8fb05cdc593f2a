#!/usr/bin/env node
/**
 * A stand-in for `pwsh -NoLogo -NoProfile -NonInteractive -File teams-driver.ps1`, for tests and for people
 * trying the toolkit against the emulator (docs/teams-powershell.md). It speaks the driver's protocol on
 * stdin/stdout (src/teams/admin/protocol.ts) and forwards each request to the emulator's
 * `POST /_emulator/teams/powershell` over HTTPS, so the state lives with the emulator: a policy created here has
 * the policy id Graph's getPolicyId returns.
 *
 * Environment: TENANT_GRAPH_ENDPOINT (emulator URL), TENANT_GRAPH_CA_FILE (its CA, trusted for this connection
 * only). Test switches, each imitating a real failure of pwsh or the module:
 *   FAKE_PWSH_START=no-module      exit 2 before ready, with Import-Module's message on stderr
 *   FAKE_PWSH_START=silent         never print the ready line
 *   FAKE_PWSH_BANNER=1             print host output (as Connect-MicrosoftTeams does) before the ready line
 *   FAKE_PWSH_HANG=<cmdlet>        never answer that cmdlet
 *   FAKE_PWSH_EXIT=<cmdlet>        exit 3 on that cmdlet, once per FAKE_PWSH_EXIT_MARKER file
 *   FAKE_PWSH_ERROR_OBJECT=<cmdlet> answer as the driver does when a cmdlet RETURNS an error object
 */
"use strict";
const { readFileSync, existsSync, writeFileSync } = require("node:fs");
const https = require("node:https");
const readline = require("node:readline");
const { Buffer } = require("node:buffer");
const { URL } = require("node:url");
const { dirname, join } = require("node:path");

const args = process.argv.slice(2);
const fileIndex = args.indexOf("-File");
// The adapter must start pwsh exactly as documented; a wrong command line fails loudly here.
for (const flag of ["-NoLogo", "-NoProfile", "-NonInteractive"]) {
  if (!args.includes(flag)) fail(64, `fake-pwsh: missing ${flag} in ${JSON.stringify(args)}`);
}
if (
  fileIndex < 0 ||
  !args[fileIndex + 1] ||
  !existsSync(args[fileIndex + 1]) ||
  !args[fileIndex + 1].endsWith(".ps1")
) {
  fail(64, `fake-pwsh: -File <existing .ps1> expected, got ${JSON.stringify(args)}`);
}

const env = process.env;
// The allow-list the real driver loads, from beside the driver script it was asked to run.
const ALLOW_LIST = JSON.parse(
  readFileSync(join(dirname(args[fileIndex + 1]), "contract", "driver-allow-list.json"), "utf8"),
).cmdlets;
if (env.FAKE_PWSH_START === "no-module") {
  fail(
    2,
    "Import-Module: The specified module 'MicrosoftTeams' was not loaded because no valid module file was found in any module directory.\nteams-driver: start-up failed",
  );
}
const endpoint = env.TENANT_GRAPH_ENDPOINT;
if (!endpoint)
  fail(
    2,
    "teams-driver: start-up failed: TENANT_GRAPH_ENDPOINT is not set (the fake forwards to the emulator)",
  );
const target = new URL("/_emulator/teams/powershell", endpoint);
const agent = new https.Agent({
  ca: env.TENANT_GRAPH_CA_FILE ? readFileSync(env.TENANT_GRAPH_CA_FILE, "utf8") : undefined,
  // No keep-alive: a cmdlet sent just as the emulator closes an idle socket (its keepAliveTimeout, 5 s) would
  // fail with ECONNRESET, which real pwsh never shows. A long pulumi destroy hit exactly that.
  keepAlive: false,
});

if (env.FAKE_PWSH_BANNER === "1") {
  process.stdout.write(
    "\nAccount                Environment Tenant\n-------                ----------- ------\napp@contoso AzureCloud  x\n",
  );
}
if (env.FAKE_PWSH_START !== "silent") writeLine({ ready: true, moduleVersion: "fake-7.6.0" });

let chain = Promise.resolve();
readline.createInterface({ input: process.stdin, crlfDelay: Infinity }).on("line", (line) => {
  if (line.trim() === "") return;
  // One request at a time, like the driver's read loop.
  chain = chain.then(() => handle(line));
});
process.stdin.on("end", () => {
  chain.then(() => {
    agent.destroy();
    process.exit(0);
  });
});

async function handle(line) {
  let request;
  try {
    request = JSON.parse(line);
  } catch (e) {
    writeLine({ id: 0, ok: false, error: { type: "InvalidRequest", message: String(e), cmdlet: "" } });
    return;
  }
  const cmdlet = String(request.cmdlet);
  if (env.FAKE_PWSH_HANG && sameName(env.FAKE_PWSH_HANG, cmdlet)) return;
  if (env.FAKE_PWSH_EXIT && sameName(env.FAKE_PWSH_EXIT, cmdlet)) {
    const marker = env.FAKE_PWSH_EXIT_MARKER;
    if (!marker || !existsSync(marker)) {
      if (marker) writeFileSync(marker, "exited");
      fail(3, `fake-pwsh: crashed while running ${cmdlet}`);
    }
  }
  if (env.FAKE_PWSH_ERROR_OBJECT && sameName(env.FAKE_PWSH_ERROR_OBJECT, cmdlet)) {
    writeLine({
      id: request.id,
      ok: false,
      error: {
        type: "SkypeTelephoneNumberMgmtErrorResponse",
        message: "BadRequest: Telephone Number '+34910000000' has already been assigned to another user",
        cmdlet,
      },
    });
    return;
  }
  // What the driver does before any module code runs: its allow-list (generated from the cmdlet contract) and
  // -Confirm:$false on state-changing cmdlets that support -Confirm (teams-driver.ps1).
  const refusal = driverRefusal(request);
  if (refusal) {
    writeLine({ id: request.id, ok: false, error: { type: "NotAllowed", message: refusal, cmdlet } });
    return;
  }
  const allowed = allowedName(cmdlet);
  if (ALLOW_LIST[allowed].confirmFalse)
    request.parameters = { ...(request.parameters ?? {}), Confirm: false };
  try {
    writeLine(await post(request));
  } catch (e) {
    writeLine({ id: request.id, ok: false, error: { type: "ConnectionError", message: String(e), cmdlet } });
  }
}

function allowedName(cmdlet) {
  return Object.keys(ALLOW_LIST).find((c) => sameName(c, cmdlet));
}

/** The driver's refusal text for a cmdlet or parameter off its allow-list, or undefined. */
function driverRefusal(request) {
  const cmdlet = String(request.cmdlet);
  const name = allowedName(cmdlet);
  if (!name) return `cmdlet '${cmdlet}' is not on the driver's allow-list`;
  const parameters = request.parameters ?? {};
  if (typeof parameters !== "object" || Array.isArray(parameters)) return "parameters must be a JSON object";
  for (const key of Object.keys(parameters)) {
    if (!ALLOW_LIST[name].parameters.some((p) => sameName(p, key)))
      return `parameter -${key} is not allowed for ${name}`;
  }
  return undefined;
}

function post(body) {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = https.request(
      target,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload) },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (text += c));
        res.on("end", () => {
          try {
            resolve(JSON.parse(text));
          } catch {
            reject(new Error(`emulator answered ${res.statusCode}: ${text.slice(0, 200)}`));
          }
        });
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

function sameName(a, b) {
  return a.toLowerCase() === b.toLowerCase();
}

/** As the driver writes: compact JSON, non-ASCII escaped, one line. */
function writeLine(value) {
  const json = JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"),
  );
  process.stdout.write(json + "\n");
}

function fail(code, message) {
  process.stderr.write(message + "\n");
  process.exit(code);
}
