// Drives headless Chromium (Debian's `chromium`) over the DevTools protocol
// on a pipe (--remote-debugging-pipe: we write fd 3, read fd 4, messages are
// NUL-terminated JSON), with no npm package. Used by the HTML report's
// browser test (tests/cli/html-browser.js) and by tools/screenshot.
'use strict';
const T0 = Date.now(); process.on('exit', () => {}); const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const CHROMIUM = process.env.CHROMIUM || 'chromium';

/// Starts Chromium; resolves to a browser with send(method, params,
/// sessionId), on(event, fn) and close().
async function launch() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'verguard-chromium-'));
  const args = [
    '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
    '--no-default-browser-check', '--disable-extensions',
    '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--disable-default-apps', '--mute-audio',
    '--hide-scrollbars', '--font-render-hinting=none',
    '--user-data-dir=' + profile, '--remote-debugging-pipe', 'about:blank',
  ];
  const child = spawn(CHROMIUM, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const toBrowser = child.stdio[3];
  const fromBrowser = child.stdio[4];
  let nextId = 1;
  const pending = new Map();
  const listeners = new Map();
  let buffer = Buffer.alloc(0);
  let exited = null;
  const failAll = (why) => {
    for (const { reject } of pending.values()) reject(new Error(why));
    pending.clear();
  };
  const gone = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = `chromium exited (${code ?? signal}); its stderr:\n${stderr}`;
      failAll(exited);
      resolve();
    });
  });
  child.on('error', (e) => {
    exited = `cannot start ${CHROMIUM}: ${e.message}`;
    failAll(exited);
  });
  fromBrowser.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    let end;
    while ((end = buffer.indexOf(0)) >= 0) {
      const msg = JSON.parse(buffer.subarray(0, end).toString('utf8'));
      buffer = buffer.subarray(end + 1);
      if (msg.id !== undefined) {
        const p = pending.get(msg.id);
        pending.delete(msg.id);
        if (!p) continue;
        if (msg.error) p.reject(new Error(`${p.method}: ${msg.error.message}`));
        else p.resolve(msg.result);
      } else {
        for (const fn of listeners.get(msg.method) || []) fn(msg.params, msg.sessionId);
      }
    }
  });
  const browser = {
    send(method, params = {}, sessionId) {
      if (exited) return Promise.reject(new Error(exited));
      const id = nextId++;
      const msg = { id, method, params };
      if (sessionId) msg.sessionId = sessionId;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, method });
        toBrowser.write(JSON.stringify(msg) + '\0');
      });
    },
    on(event, fn) {
      if (!listeners.has(event)) listeners.set(event, []);
      listeners.get(event).push(fn);
    },
    once(event, sessionId, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${event}`)), timeoutMs);
        browser.on(event, (params, sid) => {
          if (sid === sessionId) {
            clearTimeout(timer);
            resolve(params);
          }
        });
      });
    },
    async close() {
      const wait = (ms) => new Promise((r) => setTimeout(r, ms));
      browser.send('Browser.close').catch(() => {});
      await Promise.race([gone, wait(10000)]);
      if (!exited) {
        child.kill('SIGKILL');
        await gone;
      }
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
    },
  };
  await browser.send('Browser.getVersion');
  return browser;
}

/// Opens url in a new page and waits for its load event (page.loadCpuMs:
/// the main thread's CPU time until then). Collects what a page must not
/// do: console errors and warnings, uncaught exceptions, browser log errors
/// (a refused script or style is one), and requests for anything but the
/// page itself. Options: scripts (default true), width, height, timeoutMs.
async function open(browser, url, options = {}) {
  const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: true });
  const send = (method, params) => browser.send(method, params, sessionId);
  const page = { sessionId, send, problems: [], requests: [] };
  browser.on('Runtime.consoleAPICalled', (p, sid) => {
    if (sid !== sessionId) return;
    if (['error', 'warning', 'assert'].includes(p.type)) {
      page.problems.push(`console.${p.type}: ` + p.args.map((a) => a.value ?? a.description).join(' '));
    }
  });
  browser.on('Runtime.exceptionThrown', (p, sid) => {
    if (sid === sessionId) {
      const d = p.exceptionDetails;
      page.problems.push(`exception: ${d.exception ? d.exception.description : d.text}`);
    }
  });
  browser.on('Log.entryAdded', (p, sid) => {
    if (sid === sessionId && (p.entry.level === 'error' || p.entry.level === 'warning')) {
      page.problems.push(`log ${p.entry.level} (${p.entry.source}): ${p.entry.text}`);
    }
  });
  browser.on('Network.requestWillBeSent', (p, sid) => {
    if (sid === sessionId) page.requests.push(p.request.url);
  });
  await send('Runtime.enable');
  await send('Log.enable');
  await send('Page.enable');
  await send('Network.enable');
  await send('Emulation.setDeviceMetricsOverride', {
    width: options.width || 1280, height: options.height || 900,
    deviceScaleFactor: 1, mobile: false,
  });
  if (options.scripts === false) await send('Emulation.setScriptExecutionDisabled', { value: true });
  // The renderer's main-thread CPU time for the load: on a busy machine,
  // closer to what the load takes on an idle one than the wall time.
  await send('Performance.enable');
  const cpu = async () => (await send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime').value;
  const before = await cpu();
  const loaded = browser.once('Page.loadEventFired', sessionId, options.timeoutMs || 120000);
  const nav = await send('Page.navigate', { url });
  if (nav.errorText) throw new Error(`cannot load ${url}: ${nav.errorText}`);
  await loaded;
  page.loadCpuMs = (await cpu() - before) * 1000;
  return page;
}

/// The value of a JavaScript expression in the page (awaited if a promise).
async function evaluate(page, expression) {
  const r = await page.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
  if (r.exceptionDetails) {
    const d = r.exceptionDetails;
    throw new Error(`${expression}: ${d.exception ? d.exception.description : d.text}`);
  }
  return r.result.value;
}

/// Writes a PNG of the viewport (or of the whole page, fullPage) to file.
async function screenshot(page, file, options = {}) {
  const params = { format: 'png' };
  if (options.clip) params.clip = { scale: 1, ...options.clip };
  if (options.fullPage) {
    const { cssContentSize } = await page.send('Page.getLayoutMetrics');
    params.captureBeyondViewport = true;
    params.clip = { x: 0, y: 0, width: cssContentSize.width, height: cssContentSize.height, scale: 1 };
  }
  const { data } = await page.send('Page.captureScreenshot', params);
  fs.writeFileSync(file, Buffer.from(data, 'base64'));
}

/// Writes the page as printed (print stylesheet, A4) to a PDF file.
async function pdf(page, file) {
  const { data } = await page.send('Page.printToPDF', {
    paperWidth: 8.27, paperHeight: 11.69, printBackground: true,
    marginTop: 0.4, marginBottom: 0.4, marginLeft: 0.4, marginRight: 0.4,
  });
  fs.writeFileSync(file, Buffer.from(data, 'base64'));
}

module.exports = { launch, open, evaluate, screenshot, pdf };
