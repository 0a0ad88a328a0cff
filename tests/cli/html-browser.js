// The HTML report in a real browser (headless Chromium), for tests/cli/html.sh.
//
//   node html-browser.js ARTIFACT_DIR NAME=REPORT.html,REPORT.json[,pdf] ...
//
// For each report (html-structure.py has checked its structure): opened with
// scripts it logs no error or warning, requests nothing but itself, holds
// no markup and runs no code of the user's text (the hostile corpus tries:
// a payload that ran would set window.__pwned), renders every finding
// on demand, in order, and filters and sorts them; opened without scripts it
// shows every finding. Prints the load timings, keeps screenshots (and the
// page printed to PDF, with `pdf`) in ARTIFACT_DIR. Exits 1 on the first
// failure.
'use strict';
const fs = require('fs');
const path = require('path');
const chromium = require(path.join(__dirname, '../../tools/chromium.js'));

const [artifacts, ...specs] = process.argv.slice(2);
fs.mkdirSync(artifacts, { recursive: true });

function fail(msg) {
  console.error('FAIL: ' + msg);
  process.exit(1);
}

// What the report writes itself: the elements below (anything else came
// from the user's text), one script, no event handler attributes, nothing
// that loads (images, frames, objects), SVG only in the charts.
const ELEMENTS = new Set(('a article body button code del details div em figcaption figure footer ' +
  'h1 h2 h3 h4 h5 h6 head header html ins label li main mark meta nav noscript ol option p pre ' +
  'rect script section select span strong style summary svg table tbody td th thead title tr ul').split(' '));
async function expectNoMarkupFromUsers(page, what) {
  const found = await chromium.evaluate(page, `(() => {
    const all = [...document.querySelectorAll('*')];
    return { scripts: document.scripts.length,
      elements: [...new Set(all.map((e) => e.localName))],
      handlers: all.filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).map((e) => e.outerHTML.slice(0, 80)),
      loaders: [...document.querySelectorAll('img, iframe, frame, object, embed, link, base, form, meta[http-equiv="refresh"]')].map((e) => e.outerHTML.slice(0, 80)),
      svg: [...document.querySelectorAll('svg')].filter((e) => !e.closest('td.bar')).length };
  })()`);
  found.elements = found.elements.filter((n) => !ELEMENTS.has(n));
  if (found.scripts !== 1 || found.elements.length || found.handlers.length || found.loaders.length || found.svg) {
    fail(`${what}: markup that the report did not write: ${JSON.stringify(found)}`);
  }
}

function expectClean(page, what) {
  if (page.problems.length) fail(`${what}: ${page.problems.join('\n  ')}`);
  const url = page.url;
  const other = page.requests.filter((r) => r !== url);
  if (other.length) fail(`${what}: requested ${other.join(', ')}`);
}

async function run() {
  const browser = await chromium.launch();
  try {
    for (const spec of specs) {
      const [name, files] = spec.split('=');
      const [html, json, print] = files.split(',');
      const report = JSON.parse(fs.readFileSync(json, 'utf8'));
      const N = report.findings.length;
      const url = 'file://' + path.resolve(html);

      // With scripts: clean, nothing of the user's runs, timings.
      let page = await chromium.open(browser, url, {});
      page.url = url;
      const t = await chromium.evaluate(page, `new Promise((resolve) => {
        const wait = Date.now() + 60000;
        (function check() {
          const mark = (m) => (performance.getEntriesByName(m)[0] || { startTime: -1 }).startTime;
          const indexed = mark('verguard-indexed');
          if (indexed < 0 && document.getElementById('findings-list') && Date.now() < wait) {
            setTimeout(check, 50);
            return;
          }
          resolve({ load: performance.getEntriesByType('navigation')[0].loadEventEnd,
                    fcp: mark('first-contentful-paint'), ready: mark('verguard-ready'), indexed,
                    pwned: window.__pwned, status: document.getElementById('status') ?
                      document.getElementById('status').textContent : '' });
        })();
      })`);
      expectClean(page, `${name} (scripts on)`);
      await expectNoMarkupFromUsers(page, `${name} (scripts on)`);
      if (t.pwned !== undefined) fail(`${name}: the user's code ran (window.__pwned = ${t.pwned})`);
      if (t.ready < 0) fail(`${name}: the report's script did not finish`);
      const size = fs.statSync(html).size;
      const ms = (v) => (v < 0 ? 'n/a' : v.toFixed(0) + ' ms');
      console.log(`${name}: ${N} findings, ${(size / 1e6).toFixed(1)} MB: first paint ${ms(t.fcp)}, ` +
                  `script ready ${ms(t.ready)}, load event ${ms(t.load)} (main-thread CPU ${ms(page.loadCpuMs)}), ` +
                  `findings indexed ${ms(t.indexed)}`);
      if (N && t.indexed < 0) fail(`${name}: the findings were not indexed after the load`);
      await chromium.screenshot(page, path.join(artifacts, name + '.png'));
      if (N) {
        if (!t.status.includes(N.toLocaleString('en-US'))) fail(`${name}: status says "${t.status}"`);
        // Every finding renders, in order, when asked for.
        const all = await chromium.evaluate(page, `(() => {
          document.getElementById('more-all').click();
          const a = [...document.querySelectorAll('#findings-list article.finding')];
          return { n: a.length, inOrder: a.every((x, i) => x.id === 'f' + i),
                   status: document.getElementById('status').textContent,
                   more: document.getElementById('more').hidden };
        })()`);
        if (all.n !== N || !all.inOrder) fail(`${name}: "show all" shows ${all.n} findings (in order: ${all.inOrder}), not ${N}`);
        if (!all.more) fail(`${name}: "show more" still offered after all were shown`);
        // A filter shows exactly the findings of its rule, a page at a time.
        const byRule = {};
        for (const f of report.findings) byRule[f.ruleId] = (byRule[f.ruleId] || 0) + 1;
        const rule = Object.keys(byRule).sort((a, b) => byRule[a] - byRule[b])[0];
        const filtered = await chromium.evaluate(page, `(() => {
          const s = document.getElementById('filter-rule');
          s.value = ${JSON.stringify(rule)};
          s.dispatchEvent(new Event('change'));
          const first = document.querySelectorAll('#findings-list article.finding').length;
          document.getElementById('more-all').click();
          const a = [...document.querySelectorAll('#findings-list article.finding')];
          return { first, n: a.length, rules: [...new Set(a.map((x) => x.dataset.rule))] };
        })()`);
        if (filtered.n !== byRule[rule] || filtered.rules.join() !== rule) {
          fail(`${name}: filter ${rule} shows ${filtered.n} findings of ${filtered.rules}, not ${byRule[rule]}`);
        }
        if (filtered.first !== Math.min(200, byRule[rule])) fail(`${name}: the filter's first page has ${filtered.first} findings`);
        // Sorting by severity: the first page starts with the most severe,
        // and the next page goes on from there.
        const worst = ['error', 'warning', 'note'].find((s) => report.findings.some((f) => f.severity === s));
        const sorted = await chromium.evaluate(page, `(() => {
          document.getElementById('filter-rule').value = '';
          const s = document.getElementById('sort');
          s.value = 'severity';
          s.dispatchEvent(new Event('change'));
          document.getElementById('more-page').click();
          const sev = [...document.querySelectorAll('#findings-list article.finding')].map((x) => x.dataset.severity);
          const rank = { error: 0, warning: 1, note: 2 };
          return { n: sev.length, first: sev[0],
                   ordered: sev.every((s, i) => i === 0 || rank[sev[i - 1]] <= rank[s]) };
        })()`);
        if (sorted.n !== Math.min(N, 400) || !sorted.ordered || sorted.first !== worst) {
          fail(`${name}: sorted by severity: ${JSON.stringify(sorted)}`);
        }
        // A bar of the overview filters by its rule.
        const bar = await chromium.evaluate(page, `(() => {
          document.querySelector('a[data-filter="rule"][data-value=${JSON.stringify(rule)}]').click();
          const a = [...document.querySelectorAll('#findings-list article.finding')];
          return { select: document.getElementById('filter-rule').value, sort: document.getElementById('sort').value,
                   rules: [...new Set(a.map((x) => x.dataset.rule))], n: a.length };
        })()`);
        if (bar.select !== rule || bar.sort !== 'location' || bar.rules.join() !== rule ||
            bar.n !== Math.min(200, byRule[rule])) {
          fail(`${name}: the ${rule} bar filters to ${JSON.stringify(bar)}`);
        }
        const after = await chromium.evaluate(page, 'window.__pwned');
        if (after !== undefined) fail(`${name}: the user's code ran once its findings were shown`);
        await expectNoMarkupFromUsers(page, `${name} (every finding shown)`);
        expectClean(page, `${name} (every finding shown)`);
      }
      if (print === 'pdf') {
        await chromium.pdf(page, path.join(artifacts, name + '.pdf'));
        expectClean(page, `${name} (printed)`);
      }
      await page.send('Page.close');

      // A link to a finding past the first page shows it.
      if (N > 200) {
        page = await chromium.open(browser, url + '#f' + (N - 1), {});
        page.url = url; // requested without its fragment
        const shown = await chromium.evaluate(page, `(() => {
          const f = document.getElementById('f${N - 1}');
          const r = f ? f.getBoundingClientRect() : null;
          return { found: !!f, inView: !!r && r.top >= 0 && r.top < innerHeight };
        })()`);
        expectClean(page, `${name} (#f${N - 1})`);
        if (!shown.found || !shown.inView) fail(`${name}: #f${N - 1} is ${JSON.stringify(shown)}`);
        await page.send('Page.close');
      }

      // Without scripts: every finding is there.
      if (size < 5e6) {
        page = await chromium.open(browser, url, { scripts: false });
        page.url = url;
        const off = await chromium.evaluate(page, `({
          n: document.querySelectorAll('article.finding').length,
          toolbarHidden: !document.getElementById('toolbar') || document.getElementById('toolbar').hidden })`);
        expectClean(page, `${name} (scripts off)`);
        await expectNoMarkupFromUsers(page, `${name} (scripts off)`);
        if (off.n !== N) fail(`${name}: ${off.n} findings shown with scripts off, not ${N}`);
        if (!off.toolbarHidden) fail(`${name}: filters shown with scripts off`);
        await chromium.screenshot(page, path.join(artifacts, name + '-noscript.png'));
        await page.send('Page.close');
      }
    }
  } finally {
    await browser.close();
  }
}

// Generous for a loaded machine; a hung browser must not hang the tests.
setTimeout(() => fail('no result after 10 minutes'), 600000).unref();
run().catch((e) => fail(e.stack || String(e)));
