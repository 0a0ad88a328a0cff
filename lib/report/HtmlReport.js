// The HTML report's script (embedded in every report; see HtmlReport.cpp):
// filters, sorting and pages of findings. The page is complete without it:
// the first page of findings is in the document, the others in the
// <noscript id="findings-rest"> after it, which a browser without scripts
// shows as HTML and a browser with scripts keeps as one inert text. This
// script cuts that text at its <article> tags (once the page has loaded, or
// when first needed) and turns findings into elements only when they are
// shown. Nothing of the user's code or file names is ever run or written as
// HTML here: it reaches the page only inside the markup the report wrote,
// escaped.
(function () {
  'use strict';
  var PAGE = 200;
  var list = document.getElementById('findings-list');
  if (!list) {
    performance.mark('verguard-ready');
    return;
  }
  var total = +list.getAttribute('data-total');
  var toolbar = document.getElementById('toolbar');
  var more = document.getElementById('more');
  var status = document.getElementById('status');
  var controls = {
    rule: document.getElementById('filter-rule'),
    severity: document.getElementById('filter-severity'),
    dir: document.getElementById('filter-dir'),
    fix: document.getElementById('filter-fix'),
    sort: document.getElementById('sort')
  };
  var SEVERITY_RANK = { error: 0, warning: 1, note: 2 };

  var items = null; // every finding, in the report's order, once indexed
  var restText = '';
  var heads = {}; // a file's header: the element, or its HTML in restText
  var totals = {}; // findings per file
  var perDir = {}; // findings per directory

  // The findings in the noscript text: the attributes of each <article> tag
  // as the report writes them (numbers and identifiers first), and where
  // its HTML starts and ends.
  var ARTICLE = /<article class="finding" id="f\d+" data-rule="([^"]*)" data-severity="([a-z]+)" data-fix="([01])" data-dir="(\d+)" data-file="(\d+)"/y;
  var HEAD = /<h3 class="file-head" data-file="(\d+)"/y;

  // An attribute value as the report writes it (see HtmlText.cpp).
  function attributeValue(v) {
    return v.replace(/&(amp|lt|gt|quot|#39);/g, function (m, e) {
      return { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" }[e];
    });
  }

  function index() {
    if (items) return;
    items = [];
    var add = function (it) {
      it.order = items.length;
      items.push(it);
      totals[it.file] = (totals[it.file] || 0) + 1;
      perDir[it.dir] = (perDir[it.dir] || 0) + 1;
    };
    Array.prototype.forEach.call(list.querySelectorAll('.file-head'), function (h) {
      var f = h.getAttribute('data-file');
      if (!(f in heads)) heads[f] = h;
    });
    Array.prototype.forEach.call(list.querySelectorAll('article.finding'), function (a) {
      add({ rule: a.getAttribute('data-rule'), severity: a.getAttribute('data-severity'),
            fix: a.getAttribute('data-fix') === '1', dir: +a.getAttribute('data-dir'),
            file: +a.getAttribute('data-file'), el: a });
    });
    var rest = document.getElementById('findings-rest');
    restText = rest ? rest.textContent : '';
    var at = restText.indexOf('<h3 class="file-head" ');
    while (at >= 0) {
      HEAD.lastIndex = at;
      var m = HEAD.exec(restText);
      var end = restText.indexOf('</h3>', at) + 5;
      if (m && !(m[1] in heads)) heads[m[1]] = restText.slice(at, end);
      at = restText.indexOf('<h3 class="file-head" ', end);
    }
    at = restText.indexOf('<article ');
    while (at >= 0) {
      ARTICLE.lastIndex = at;
      var a = ARTICLE.exec(restText);
      var stop = restText.indexOf('</article>', at);
      if (!a || stop < 0) {
        console.error('verguard report: a finding could not be read at offset ' + at);
        break;
      }
      stop += '</article>'.length;
      add({ rule: attributeValue(a[1]), severity: a[2], fix: a[3] === '1', dir: +a[4],
            file: +a[5], el: null, from: at, to: stop });
      at = restText.indexOf('<article ', stop);
    }
    if (items.length !== total) {
      console.error('verguard report: ' + items.length + ' findings read, ' + total + ' written');
    }
    if (!view) view = items;
    inView = inView || totals;
    performance.mark('verguard-indexed');
  }

  function parse(html) {
    var t = document.createElement('template');
    t.innerHTML = html;
    return t.content.firstElementChild;
  }
  // Turns the findings of the noscript text among these into elements: a
  // run of findings that follow each other in the text in one parse.
  function materialize(list) {
    var todo = list.filter(function (it) { return !it.el; });
    todo.sort(function (a, b) { return a.order - b.order; });
    for (var i = 0; i < todo.length;) {
      var j = i + 1;
      while (j < todo.length && todo[j].order === todo[j - 1].order + 1 && j - i < 2000) j++;
      var t = document.createElement('template');
      t.innerHTML = restText.slice(todo[i].from, todo[j - 1].to);
      var found = t.content.querySelectorAll('article.finding');
      for (var k = i; k < j; k++) todo[k].el = found[k - i];
      i = j;
    }
  }
  function plural(n, what) {
    return n.toLocaleString('en-US') + ' ' + what + (n === 1 ? '' : 's');
  }
  function header(file, shown) {
    var h = heads[file];
    if (typeof h === 'string') h = heads[file] = parse(h);
    var c = h.cloneNode(true);
    Array.prototype.forEach.call(c.querySelectorAll('.cont'), function (x) { x.remove(); });
    var count = c.querySelector('.count');
    if (count) {
      count.textContent = shown === totals[file] ? plural(shown, 'finding')
        : shown.toLocaleString('en-US') + ' of ' + plural(totals[file], 'finding');
    }
    return c;
  }

  // The findings that pass the filters, in the chosen order (null: all, in
  // the report's order, before the index is built).
  var view = null;
  var inView = null; // findings per file in the view
  var shown = list.querySelectorAll('article.finding').length;
  var section = list.lastElementChild; // where the next finding goes
  var sectionFile = section ? +section.getAttribute('data-file') : -1;

  var ORDER = {
    location: null,
    severity: function (a, b) { return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]; },
    rule: function (a, b) { return a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0; },
    dir: function (a, b) { return perDir[b.dir] - perDir[a.dir] || a.dir - b.dir; },
    fix: function (a, b) { return b.fix - a.fix; },
    nofix: function (a, b) { return a.fix - b.fix; }
  };

  function render(count) {
    index();
    var stop = Math.min(view.length, shown + count);
    materialize(view.slice(shown, stop));
    for (; shown < stop; shown++) {
      var it = view[shown];
      if (it.file !== sectionFile || !section) {
        section = document.createElement('section');
        section.className = 'file';
        section.setAttribute('data-file', it.file);
        section.appendChild(header(it.file, inView[it.file]));
        list.appendChild(section);
        sectionFile = it.file;
      }
      section.appendChild(it.el);
    }
    updateStatus();
  }

  function updateStatus() {
    var n = view ? view.length : total;
    var filtered = n !== total;
    status.textContent = n === 0 ? 'No finding matches these filters.'
      : 'Showing ' + shown.toLocaleString('en-US') + ' of ' +
        plural(n, filtered ? 'matching finding' : 'finding') +
        (filtered ? ' (' + total.toLocaleString('en-US') + ' in all)' : '');
    var left = n - shown;
    more.hidden = left <= 0;
    document.getElementById('more-page').textContent =
      'Show ' + Math.min(PAGE, left).toLocaleString('en-US') + ' more';
    document.getElementById('more-all').textContent =
      'Show all ' + n.toLocaleString('en-US');
  }

  function apply() {
    index();
    var r = controls.rule.value, s = controls.severity.value;
    var d = controls.dir.value, x = controls.fix.value;
    var order = ORDER[controls.sort.value];
    view = items.filter(function (it) {
      return (!r || it.rule === r) && (!s || it.severity === s) &&
        (d === '' || it.dir === +d) && (x === '' || it.fix === (x === '1'));
    });
    if (order) {
      view.sort(function (a, b) { return order(a, b) || a.order - b.order; });
    }
    inView = {};
    view.forEach(function (it) { inView[it.file] = (inView[it.file] || 0) + 1; });
    list.textContent = '';
    section = null;
    sectionFile = -1;
    shown = 0;
    render(PAGE);
  }

  function reset() {
    Object.keys(controls).forEach(function (k) {
      controls[k].value = k === 'sort' ? 'location' : '';
    });
  }

  // Shows the finding a #fN link names, rendering the pages up to it (and
  // clearing the filters if they hide it).
  function reveal() {
    var m = /^#f(\d+)$/.exec(location.hash);
    if (!m || +m[1] < shown && view === null) return;
    index();
    var target = items[+m[1]];
    if (!target) return;
    if (view.indexOf(target) < 0) {
      reset();
      apply();
    }
    var at = view.indexOf(target);
    if (at >= shown) render(at - shown + 1);
    target.el.scrollIntoView();
  }

  toolbar.hidden = false;
  Object.keys(controls).forEach(function (k) { controls[k].addEventListener('change', apply); });
  document.getElementById('more-page').addEventListener('click', function () { render(PAGE); });
  document.getElementById('more-all').addEventListener('click', function () {
    render(Infinity);
  });
  // The overview's bars filter the findings.
  Array.prototype.forEach.call(document.querySelectorAll('a[data-filter]'), function (a) {
    a.addEventListener('click', function () {
      reset();
      controls[a.getAttribute('data-filter')].value = a.getAttribute('data-value');
      apply();
    });
  });
  // The next page comes as the end of the list scrolls into view.
  if ('IntersectionObserver' in window) {
    new IntersectionObserver(function (entries) {
      if (entries[0].isIntersecting && shown < (view ? view.length : total)) render(PAGE);
    }, { rootMargin: '800px' }).observe(more);
  }
  // A printout holds what the filters select, all of it.
  window.addEventListener('beforeprint', function () { render(Infinity); });
  window.addEventListener('hashchange', reveal);
  // The index is built once the page is shown, not before.
  window.addEventListener('load', function () {
    (window.requestIdleCallback || setTimeout)(index);
  });
  updateStatus();
  reveal();
  performance.mark('verguard-ready');
})();
