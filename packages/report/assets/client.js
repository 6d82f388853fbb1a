/* global document, window, Chart, fetch, URLSearchParams, history, location, AbortController */
/*
 * Pesan report page script. It draws the report from a ReportData object (packages/report/src/model.ts): embedded in
 * the page (the static file) or fetched from /api/* (pesan serve). Every string from the data (template names,
 * error titles, keywords...) is user-controlled: it only ever reaches the page through textContent, attribute
 * setters and chart.js canvas text, never through innerHTML; links are limited to http(s) and file URLs.
 */
(function () {
  'use strict';

  var config = JSON.parse(document.getElementById('pesan-config').textContent);
  var DEF = config.definitions;
  // Okabe-Ito, with black last; lines also differ by dash pattern so colour is never the only cue.
  var PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000', '#F0E442'];
  var DASHES = [[], [6, 3], [2, 3], [10, 3, 2, 3]];
  var MAX_PICKED = 8;
  var SMALL_SAMPLE = 30;
  var WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  var MARKS = { approved: 'A', rejected: 'R', paused: 'P', disabled: 'D', flagged: 'F', category: 'C', quality: 'Q', other: '•' };
  var STEP_LABELS = { attempted: 'Attempted', sent: 'Sent', delivered: 'Delivered', read: 'Read ≥', clicked: 'Clicked (quick reply)', replied: 'Replied', optedOut: 'Opted out (people)' };
  var STEP_DEFS = { attempted: DEF.attempted, sent: DEF.sent, delivered: DEF.delivered, read: DEF.read, clicked: DEF.clicked, replied: DEF.replied, optedOut: DEF.optedOut };

  var charts = {};
  var state = { data: null, picked: null, metric: 'read', sort: { key: 'attempted', dir: -1 }, search: '' };

  if (typeof Chart !== 'undefined') {
    Chart.defaults.animation = false;
    Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';
    Chart.defaults.color = '#333';
    Chart.defaults.maintainAspectRatio = false;
  }

  // ---------------------------------------------------------------- helpers

  /** Shows control and bidi-override characters (U+202E ...) as visible codes: they must not reorder the page. */
  function clean(value) {
    if (value === null || value === undefined) return '';
    // eslint-disable-next-line no-control-regex -- control characters are exactly what this makes visible
    return String(value).replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/g, function (c) {
      return '[U+' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0') + ']';
    });
  }

  /** Creates an element; `props.text` sets textContent, `props.title` a hover definition. No HTML parsing. */
  function el(tag, props, children) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (key) {
        var value = props[key];
        if (value === undefined || value === null || value === false) return;
        if (key === 'text') node.textContent = value;
        else if (key === 'className') node.className = value;
        else if (key === 'href') {
          var url = safeUrl(value);
          if (url) node.setAttribute('href', url);
        } else node.setAttribute(key, value === true ? '' : String(value));
      });
    }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function safeUrl(value) {
    try {
      var url = new URL(String(value), location.href);
      return ['http:', 'https:', 'file:'].indexOf(url.protocol) >= 0 ? url.href : null;
    } catch {
      return null;
    }
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function int(n) {
    return n === null || n === undefined ? '–' : Number(n).toLocaleString('en-US');
  }

  function pct(x, digits) {
    if (x === null || x === undefined || !isFinite(x)) return '–';
    return (x * 100).toFixed(digits === undefined ? 1 : digits) + '%';
  }

  function ratio(a, b) {
    return b > 0 ? a / b : null;
  }

  function duration(seconds) {
    if (seconds === null || seconds === undefined) return '–';
    if (seconds < 60) return Math.round(seconds) + ' s';
    if (seconds < 3600) return Math.round(seconds / 60) + ' min';
    if (seconds < 86400) return (seconds / 3600).toFixed(1) + ' h';
    return (seconds / 86400).toFixed(1) + ' d';
  }

  function templateLabel(template, language) {
    return clean(template) + (language ? ' · ' + clean(language) : '');
  }

  function keyOf(template, language) {
    return JSON.stringify([template, language]);
  }

  function destroyChart(name) {
    if (charts[name]) {
      charts[name].destroy();
      delete charts[name];
    }
  }

  function hasChart() {
    return typeof Chart !== 'undefined';
  }

  /** A rate cell: the rate, its counts in the title, greyed when the denominator is small. */
  function rateCell(rate, numerator, denominator, what, definition) {
    var small = denominator > 0 && denominator < SMALL_SAMPLE;
    return el('td', {
      className: small ? 'low-n' : undefined,
      title: definition + '\n' + int(numerator) + ' ' + what + ' / ' + int(denominator) + (small ? '\n' + DEF.smallSample : ''),
      text: pct(rate),
    });
  }

  // ---------------------------------------------------------------- header

  function renderHeader(data) {
    var meta = data.meta;
    var period = byId('period');
    if (!meta.period) {
      period.textContent = 'No template message matches these filters.';
    } else {
      period.textContent = meta.period.from + ' – ' + meta.period.to + ' (' + meta.period.days + ' days, ' + clean(meta.tz) + ')' +
        (meta.previousPeriod ? ', compared with ' + meta.previousPeriod.from + ' – ' + meta.previousPeriod.to : '');
    }
    var notes = [];
    var filters = meta.filters || {};
    var active = ['template', 'language', 'category'].filter(function (k) { return filters[k]; });
    if (active.length) notes.push('Filtered: ' + active.map(function (k) { return k + ' = ' + clean(filters[k]); }).join(', ') + '.');
    if (meta.unattributed > 0) notes.push(int(meta.unattributed) + ' messages could not be joined to a template (no send-log row, no usable callback data) and are in no number.');
    if (meta.lint) notes.push('Lint: ' + int(meta.lint.templates) + ' templates from ' + int(meta.lint.files) + ' draft files in ' + clean(meta.lint.dir) + (meta.lint.unparsed ? ' (' + int(meta.lint.unparsed) + ' could not be parsed)' : '') + '.');
    byId('notes').textContent = notes.join(' ');
    byId('footer').textContent = 'Generated ' + meta.generatedAt + ' by Pesan ' + clean(meta.pesanVersion) + ' from ' + clean(meta.database) + '. ' + DEF.unit;
  }

  // ---------------------------------------------------------------- KPI cards

  var KPI_CARDS = [
    { key: 'attempted', label: 'Attempted', count: true, def: DEF.attempted, higherIsBetter: null },
    { key: 'deliveryRate', label: 'Delivery rate', num: 'delivered', den: 'attempted', def: DEF.deliveryRate, higherIsBetter: true },
    { key: 'readRate', label: 'Read rate ≥', num: 'read', den: 'delivered', def: DEF.readRate, higherIsBetter: true },
    { key: 'clickRate', label: 'Click rate', num: 'clicked', den: 'delivered', def: DEF.clickRate, higherIsBetter: true },
    { key: 'optOutRate', label: 'Opt-out rate', num: 'optedOut', den: 'delivered', def: DEF.optOutRate, higherIsBetter: false },
    { key: 'failureRate', label: 'Failure rate', num: 'failed', den: 'attempted', def: DEF.failureRate, higherIsBetter: false },
  ];

  function renderKpis(data) {
    var box = clear(byId('kpi-cards'));
    var current = data.summary.kpis.current;
    var previous = data.summary.kpis.previous;
    KPI_CARDS.forEach(function (card) {
      var value = current[card.key];
      var valueText = card.count ? int(value) : pct(value);
      var sample = card.count ? int(current.delivered) + ' delivered' : int(current[card.num]) + ' / ' + int(current[card.den]);
      var change = el('div', { className: 'change', text: 'no previous data' });
      if (previous) {
        var before = previous[card.key];
        if (value !== null && before !== null && before !== undefined) {
          var diff = card.count ? value - before : (value - before) * 100;
          var rel = card.count && before > 0 ? ' (' + (diff >= 0 ? '+' : '') + ((diff / before) * 100).toFixed(0) + '%)' : '';
          var arrow = diff > 0 ? '▲' : diff < 0 ? '▼' : '=';
          var amount = card.count ? (diff >= 0 ? '+' : '') + int(diff) + rel : (diff >= 0 ? '+' : '') + diff.toFixed(1) + ' pp';
          var verdict = '';
          var cls = 'change';
          if (card.higherIsBetter !== null && diff !== 0) {
            var better = (diff > 0) === card.higherIsBetter;
            verdict = better ? ' better' : ' worse';
            cls += better ? ' better' : ' worse';
          }
          change = el('div', {
            className: cls,
            title: DEF.change + '\nPrevious: ' + (card.count ? int(before) : pct(before)) + (card.count ? '' : ' (' + int(previous[card.num]) + ' / ' + int(previous[card.den]) + ')'),
            text: arrow + ' ' + amount + verdict + ' vs previous',
          });
        }
      }
      box.appendChild(el('div', { className: 'card', 'data-kpi': card.key, title: card.def }, [
        el('div', { className: 'label', text: card.label }),
        el('div', { className: 'value', text: valueText }),
        el('div', { className: 'sample', text: sample }),
        change,
      ]));
    });
    var ttr = el('div', { className: 'card', 'data-kpi': 'ttr', title: DEF.ttr }, [
      el('div', { className: 'label', text: 'Time to read (p50 / p90)' }),
      el('div', { className: 'value', text: duration(current.ttrP50Seconds) }),
      el('div', { className: 'sample', text: 'p90 ' + duration(current.ttrP90Seconds) + ' · ' + int(current.read) + ' read' }),
    ]);
    box.appendChild(ttr);
  }

  // ---------------------------------------------------------------- funnel

  function renderFunnel(data) {
    destroyChart('funnel');
    if (!hasChart()) return;
    var steps = data.summary.funnel;
    var attempted = steps[0] ? steps[0].count : 0;
    charts.funnel = new Chart(byId('funnel-chart'), {
      type: 'bar',
      data: {
        labels: steps.map(function (s) { return STEP_LABELS[s.step] || s.step; }),
        datasets: [{
          label: 'Messages',
          data: steps.map(function (s) { return s.count; }),
          backgroundColor: steps.map(function (s) { return s.step === 'optedOut' ? '#D55E00' : s.step === 'clicked' || s.step === 'replied' ? '#009E73' : '#0072B2'; }),
        }],
      },
      options: {
        indexAxis: 'y',
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              label: function (item) {
                var step = steps[item.dataIndex];
                return int(step.count) + ' (' + pct(ratio(step.count, attempted)) + ' of attempted)';
              },
              afterLabel: function (item) { return STEP_DEFS[steps[item.dataIndex].step] || ''; },
            },
          },
        },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    byId('funnel-chart').setAttribute('title', DEF.funnel);
  }

  // ---------------------------------------------------------------- trend

  var METRICS = {
    read: { label: 'Read rate ≥', def: DEF.readRate, what: 'read' },
    clicked: { label: 'Click rate', def: DEF.clickRate, what: 'clicked' },
    optedOut: { label: 'Opt-out rate', def: DEF.optOutRate, what: 'opted out' },
  };

  function allSeries(data) {
    var ts = data.timeseries;
    return [{ key: 'overall', label: 'All templates', series: ts.overall }].concat(ts.series.map(function (s) {
      return { key: keyOf(s.template, s.language), label: templateLabel(s.template, s.language), series: s };
    }));
  }

  function renderPicker(data) {
    var picker = byId('trend-picker');
    var legend = picker.querySelector('legend');
    clear(picker);
    picker.appendChild(legend);
    var options = allSeries(data);
    var known = {};
    options.forEach(function (o) { known[o.key] = true; });
    if (state.picked) state.picked = state.picked.filter(function (k) { return known[k]; });
    if (!state.picked || state.picked.length === 0) {
      state.picked = options.slice(0, 5).map(function (o) { return o.key; });
    }
    options.forEach(function (option) {
      var total = option.series.attempted.reduce(function (a, b) { return a + b; }, 0);
      var box = el('input', { type: 'checkbox', value: option.key });
      box.checked = state.picked.indexOf(option.key) >= 0;
      box.addEventListener('change', function () {
        if (box.checked) {
          if (state.picked.length >= MAX_PICKED) {
            box.checked = false;
            return;
          }
          state.picked.push(option.key);
        } else {
          state.picked = state.picked.filter(function (k) { return k !== option.key; });
        }
        renderTrendChart(state.data);
      });
      picker.appendChild(el('label', { className: 'name', title: int(total) + ' messages attempted in the period' }, [box, option.label]));
    });
  }

  /** Vertical marks for lifecycle events on the trend chart (a tiny chart.js plugin: no extra dependency). */
  var annotationPlugin = {
    id: 'pesanAnnotations',
    afterDatasetsDraw: function (chart, args, options) {
      var marks = (options && options.marks) || [];
      if (!marks.length) return;
      var ctx = chart.ctx;
      var area = chart.chartArea;
      var x = chart.scales.x;
      var stacked = {};
      ctx.save();
      marks.forEach(function (mark) {
        // Several events on one day: their letters stack instead of overprinting.
        var level = stacked[mark.index] = (stacked[mark.index] || 0) + 1;
        var px = x.getPixelForValue(mark.index);
        if (!isFinite(px)) return;
        ctx.strokeStyle = mark.color;
        ctx.setLineDash([3, 3]);
        ctx.lineWidth = 1.5;
        ctx.beginPath();
        ctx.moveTo(px, area.top + 2 + 11 * level);
        ctx.lineTo(px, area.bottom);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.fillStyle = mark.color;
        ctx.font = 'bold 11px system-ui, sans-serif';
        ctx.textAlign = 'center';
        ctx.fillText(mark.symbol, px, area.top + 11 * level);
      });
      ctx.restore();
    },
  };

  function renderTrendChart(data) {
    destroyChart('trend');
    var ts = data.timeseries;
    var metric = METRICS[state.metric] ? state.metric : 'read';
    var options = allSeries(data);
    var picked = options.filter(function (o) { return state.picked.indexOf(o.key) >= 0; });
    var colorOf = {};
    picked.forEach(function (o, i) { colorOf[o.key] = { color: PALETTE[i % PALETTE.length], dash: DASHES[Math.floor(i / 2) % DASHES.length] }; });
    // The legend swatches in the picker follow the lines' colours.
    Array.prototype.forEach.call(byId('trend-picker').querySelectorAll('label'), function (label) {
      var input = label.querySelector('input');
      var old = label.querySelector('.swatch');
      if (old) label.removeChild(old);
      if (input && colorOf[input.value]) {
        var swatch = el('span', { className: 'swatch', 'aria-hidden': 'true' });
        swatch.style.color = colorOf[input.value].color;
        if (colorOf[input.value].dash.length) swatch.style.borderTopStyle = 'dashed';
        label.appendChild(swatch);
      }
    });

    var marks = [];
    var list = clear(byId('annotations'));
    // With "All templates" picked every event shows (grey unless its template is picked too); otherwise only the
    // events of the picked templates, in their line's colour.
    var overallPicked = state.picked.indexOf('overall') >= 0;
    var dayIndex = {};
    ts.days.forEach(function (d, i) { dayIndex[d] = i; });
    ts.annotations.forEach(function (a) {
      var key = keyOf(a.template, a.language);
      if (!overallPicked && !colorOf[key]) return;
      var color = colorOf[key] ? colorOf[key].color : '#555555';
      var symbol = MARKS[a.kind] || MARKS.other;
      if (dayIndex[a.day] !== undefined) marks.push({ index: dayIndex[a.day], color: color, symbol: symbol });
      list.appendChild(el('li', {}, [
        el('span', { className: 'mark', text: symbol }),
        a.day + ' ',
        el('span', { className: 'name', text: templateLabel(a.template, a.language) }),
        ': ' + clean(a.label),
      ]));
    });
    if (!list.firstChild) list.appendChild(el('li', { className: 'none', text: 'No status, category or quality change of the selected templates in the period.' }));

    if (!hasChart()) return;
    charts.trend = new Chart(byId('trend-chart'), {
      type: 'line',
      data: {
        labels: ts.days,
        datasets: picked.map(function (o) {
          var s = o.series;
          return {
            label: o.label,
            data: s.delivered.map(function (d, i) { return d > 0 ? s[metric][i] / d : null; }),
            borderColor: colorOf[o.key].color,
            backgroundColor: colorOf[o.key].color,
            borderDash: colorOf[o.key].dash,
            borderWidth: o.key === 'overall' ? 3 : 2,
            pointRadius: ts.days.length > 45 ? 0 : 2,
            spanGaps: false,
            tension: 0,
          };
        }),
      },
      options: {
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        scales: {
          y: { beginAtZero: true, ticks: { callback: function (v) { return pct(v, 0); } }, title: { display: true, text: METRICS[metric].label } },
          x: { ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: 12 } },
        },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 18 } },
          tooltip: {
            callbacks: {
              label: function (item) {
                var s = picked[item.datasetIndex].series;
                var i = item.dataIndex;
                return item.dataset.label + ': ' + pct(item.raw) + ' (' + int(s[metric][i]) + ' ' + METRICS[metric].what + ' / ' + int(s.delivered[i]) + ' delivered)';
              },
            },
          },
          pesanAnnotations: { marks: marks },
        },
      },
      plugins: [annotationPlugin],
    });
    byId('trend-chart').setAttribute('title', METRICS[metric].def + '\n' + DEF.trend);
  }

  function renderTrend(data) {
    renderPicker(data);
    renderTrendChart(data);
  }

  // ---------------------------------------------------------------- templates table

  var COLUMNS = [
    { key: 'template', label: 'Template', text: true, def: 'Template name' },
    { key: 'language', label: 'Language', text: true, def: 'Template language' },
    { key: 'category', label: 'Category', text: true, def: 'Latest known category (a completed re-categorisation wins)' },
    { key: 'attempted', label: 'Attempted', def: DEF.attempted },
    { key: 'delivered', label: 'Delivered', def: DEF.delivered },
    { key: 'deliveryRate', label: 'Delivery', rate: ['delivered', 'attempted', 'delivered'], def: DEF.deliveryRate },
    { key: 'readRate', label: 'Read ≥', rate: ['read', 'delivered', 'read'], def: DEF.readRate },
    { key: 'clickRate', label: 'Click', rate: ['clicked', 'delivered', 'clicked'], def: DEF.clickRate },
    { key: 'optOutRate', label: 'Opt-out', rate: ['optedOut', 'delivered', 'opted out'], def: DEF.optOutRate },
    { key: 'failureRate', label: 'Failure', rate: ['failed', 'attempted', 'failed'], def: DEF.failureRate },
    { key: 'ttrP50Seconds', label: 'Read in (p50)', def: DEF.ttr },
    { key: 'urlClicks', label: 'URL clicks', def: DEF.urlClicks },
    { key: 'lintErrors', label: 'Lint errors', lint: true, def: DEF.lint },
    { key: 'lintWarnings', label: 'Lint warnings', lint: true, def: DEF.lint },
    { key: 'rules', label: 'Top rules', text: true, lint: true, sortable: false, def: DEF.lint },
  ];

  function sortValue(row, key) {
    if (key === 'lintErrors') return row.lint ? row.lint.errors : -1;
    if (key === 'lintWarnings') return row.lint ? row.lint.warnings : -1;
    return row[key];
  }

  function renderTable(data) {
    var table = clear(byId('template-table'));
    var lintOn = Boolean(data.meta.lint);
    byId('lint-note').textContent = lintOn
      ? 'Lint status of each template\'s draft (joined by name and language). "no draft": no draft of that name and language in ' + clean(data.meta.lint.dir) + '.'
      : 'Run `pesan report --templates <drafts folder>` to see each template\'s lint status next to its outcomes.';
    var columns = COLUMNS.filter(function (c) { return lintOn || !c.lint; });
    var headRow = el('tr');
    columns.forEach(function (column) {
      var th = el('th', { scope: 'col', className: column.text ? 'text' : undefined, title: column.def });
      if (column.sortable === false) th.textContent = column.label;
      else {
        var button = el('button', { type: 'button', text: column.label, 'data-sort': column.key });
        button.addEventListener('click', function () {
          if (state.sort.key === column.key) state.sort.dir = -state.sort.dir;
          else state.sort = { key: column.key, dir: column.text ? 1 : -1 };
          renderTableBody(state.data, columns);
          updateSortMarks();
        });
        th.appendChild(button);
      }
      headRow.appendChild(th);
    });
    table.appendChild(el('thead', {}, [headRow]));
    table.appendChild(el('tbody'));
    renderTableBody(data, columns);
    updateSortMarks();
  }

  function updateSortMarks() {
    Array.prototype.forEach.call(byId('template-table').querySelectorAll('th'), function (th) {
      var button = th.querySelector('button');
      if (button && button.getAttribute('data-sort') === state.sort.key) th.setAttribute('aria-sort', state.sort.dir > 0 ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    });
  }

  function renderTableBody(data, columns) {
    var tbody = clear(byId('template-table').querySelector('tbody'));
    var search = state.search.toLowerCase();
    var rows = data.templates.templates.filter(function (row) {
      return !search || (row.template + ' ' + row.language + ' ' + (row.category || '')).toLowerCase().indexOf(search) >= 0;
    });
    var key = state.sort.key;
    var dir = state.sort.dir;
    rows = rows.slice().sort(function (a, b) {
      var x = sortValue(a, key);
      var y = sortValue(b, key);
      // Unknown values (no rate, no draft) always sort last, whatever the direction.
      if (x === null || x === undefined) return y === null || y === undefined ? 0 : 1;
      if (y === null || y === undefined) return -1;
      if (typeof x === 'string') return dir * x.localeCompare(y);
      return dir * (x - y);
    });
    rows.forEach(function (row) {
      var tr = el('tr');
      columns.forEach(function (column) {
        tr.appendChild(cellFor(row, column));
      });
      tbody.appendChild(tr);
    });
    if (!rows.length) {
      tbody.appendChild(el('tr', {}, [el('td', { className: 'text none', colspan: String(columns.length), text: 'No template in this selection.' })]));
    }
  }

  function cellFor(row, column) {
    if (column.key === 'template' || column.key === 'language' || column.key === 'category') {
      var value = clean(row[column.key]);
      return el('td', { className: 'text name' }, [el('span', { className: column.key === 'template' ? 'clip wide' : 'clip', title: value, text: value })]);
    }
    if (column.rate) return rateCell(row[column.key], row[column.rate[0]], row[column.rate[1]], column.rate[2], column.def);
    if (column.key === 'ttrP50Seconds') return el('td', { title: DEF.ttr + '\np90: ' + duration(row.ttrP90Seconds) + ' over ' + int(row.read) + ' read', text: duration(row.ttrP50Seconds) });
    if (column.key === 'urlClicks') return el('td', { title: DEF.urlClicks + '\nUnique: ' + int(row.urlClicksUnique), text: int(row.urlClicks) });
    if (column.key === 'lintErrors' || column.key === 'lintWarnings') {
      if (!row.lint) return el('td', { className: 'none', text: column.key === 'lintErrors' ? 'no draft' : '' });
      var n = column.key === 'lintErrors' ? row.lint.errors : row.lint.warnings;
      return el('td', { className: n > 0 ? (column.key === 'lintErrors' ? 'sev-2' : 'sev-1') : undefined, title: 'Drafts: ' + row.lint.files.map(clean).join(', '), text: int(n) });
    }
    if (column.key === 'rules') {
      var td = el('td', { className: 'text' });
      if (row.lint) {
        row.lint.rules.slice(0, 3).forEach(function (rule) {
          td.appendChild(el('a', { className: 'rule-link sev-' + rule.severity, href: rule.url, target: '_blank', rel: 'noopener noreferrer', title: clean(rule.description) + '\n' + (rule.severity === 2 ? 'error' : 'warning') + ' × ' + rule.count + ' (click: the rule\'s documentation)', text: clean(rule.ruleId) }));
        });
        if (row.lint.rules.length > 3) {
          td.appendChild(el('span', { className: 'none', title: row.lint.rules.slice(3).map(function (r) { return clean(r.ruleId) + ' × ' + r.count; }).join('\n'), text: '+' + (row.lint.rules.length - 3) }));
        }
        if (!row.lint.rules.length) td.appendChild(el('span', { className: 'none', text: 'clean' }));
      }
      return td;
    }
    return el('td', { title: column.def, text: int(row[column.key]) });
  }

  // ---------------------------------------------------------------- rules vs outcomes

  function renderRules(data) {
    var lint = data.lint;
    var table = clear(byId('rule-table'));
    var actions = clear(byId('action-table'));
    byId('actions-summary').textContent = '';
    byId('drafts-without-messages').textContent = '';
    if (!lint.available) {
      byId('rules-note').textContent = 'Needs the drafts: run `pesan report --templates <drafts folder>` (or `pesan serve --templates ...`).';
      return;
    }
    byId('rules-note').textContent = DEF.ruleOutcomes;
    var head = el('tr', {}, [
      el('th', { scope: 'col', className: 'text', text: 'Rule' }),
      el('th', { scope: 'col', title: 'Templates whose draft triggers the rule / the other linted templates (with messages in the period)', text: 'Templates (with / without)' }),
      el('th', { scope: 'col', title: DEF.readRate, text: 'Read ≥ with' }),
      el('th', { scope: 'col', title: DEF.readRate, text: 'Read ≥ without' }),
      el('th', { scope: 'col', title: DEF.clickRate, text: 'Click with' }),
      el('th', { scope: 'col', title: DEF.clickRate, text: 'Click without' }),
      el('th', { scope: 'col', title: DEF.optOutRate, text: 'Opt-out with' }),
      el('th', { scope: 'col', title: DEF.optOutRate, text: 'Opt-out without' }),
    ]);
    table.appendChild(el('thead', {}, [head]));
    var body = el('tbody');
    lint.rules.forEach(function (rule) {
      var t = rule.triggered;
      var n = rule.notTriggered;
      body.appendChild(el('tr', {}, [
        el('td', { className: 'text' }, [el('a', { className: 'rule-link', href: rule.url, target: '_blank', rel: 'noopener noreferrer', title: clean(rule.description) + '\n(click: the rule\'s documentation)', text: clean(rule.ruleId) })]),
        el('td', { title: int(t.delivered) + ' / ' + int(n.delivered) + ' delivered messages', text: int(t.templates) + ' / ' + int(n.templates) }),
        rateCell(t.readRate, t.read, t.delivered, 'read', DEF.readRate),
        rateCell(n.readRate, n.read, n.delivered, 'read', DEF.readRate),
        rateCell(t.clickRate, t.clicked, t.delivered, 'clicked', DEF.clickRate),
        rateCell(n.clickRate, n.clicked, n.delivered, 'clicked', DEF.clickRate),
        rateCell(t.optOutRate, t.optedOut, t.delivered, 'opted out', DEF.optOutRate),
        rateCell(n.optOutRate, n.optedOut, n.delivered, 'opted out', DEF.optOutRate),
      ]));
    });
    if (!lint.rules.length) body.appendChild(el('tr', {}, [el('td', { className: 'text none', colspan: '8', text: 'No linted template with messages in the period has a finding.' })]));
    table.appendChild(body);

    var counts = { recategorised: [0, 0, 0], rejected: [0, 0, 0] };
    lint.actions.forEach(function (a) {
      var c = counts[a.action];
      if (a.flagged === true) c[0]++;
      else if (a.flagged === false) c[1]++;
      else c[2]++;
    });
    function phrase(name, c) {
      var total = c[0] + c[1] + c[2];
      if (!total) return 'No template was ' + name + '.';
      return int(total) + ' ' + name + ': ' + int(c[0]) + ' had been flagged by Pesan, ' + int(c[1]) + ' had a clean draft, ' + int(c[2]) + ' had no linted draft.';
    }
    byId('actions-summary').textContent = phrase('re-categorised', counts.recategorised) + ' ' + phrase('rejected', counts.rejected);
    byId('actions-summary').setAttribute('title', DEF.metaActions);
    if (lint.actions.length) {
      actions.appendChild(el('thead', {}, [el('tr', {}, [
        el('th', { scope: 'col', className: 'text', text: 'Meta' }),
        el('th', { scope: 'col', className: 'text', text: 'Template' }),
        el('th', { scope: 'col', className: 'text', text: 'Day' }),
        el('th', { scope: 'col', className: 'text', text: 'Detail' }),
        el('th', { scope: 'col', className: 'text', title: DEF.metaActions, text: 'Flagged by Pesan' }),
      ])]));
      var tbody = el('tbody');
      lint.actions.forEach(function (a) {
        tbody.appendChild(el('tr', {}, [
          el('td', { className: 'text', text: a.action }),
          el('td', { className: 'text name', text: templateLabel(a.template, a.language) }),
          el('td', { className: 'text', text: a.day }),
          el('td', { className: 'text name', text: clean(a.detail) }),
          el('td', { className: 'text' + (a.flagged ? ' sev-2' : a.flagged === null ? ' none' : ''), text: a.flagged === null ? 'no draft' : a.flagged ? 'yes: ' + a.rules.map(clean).join(', ') : 'no' }),
        ]));
      });
      actions.appendChild(tbody);
    }
    if (lint.draftsWithoutMessages.length) {
      byId('drafts-without-messages').textContent = 'Linted drafts with no message in the period: ' +
        lint.draftsWithoutMessages.map(function (d) { return templateLabel(d.template, d.language); }).join(', ') + '.';
    }
  }

  // ---------------------------------------------------------------- failures, time to read, opt-outs

  function renderFailures(data) {
    var f = data.failures;
    destroyChart('failures');
    if (hasChart()) {
      charts.failures = new Chart(byId('failure-chart'), {
        type: 'bar',
        data: {
          labels: f.byClass.map(function (c) { return clean(c.class); }),
          datasets: [{ label: 'Failed', data: f.byClass.map(function (c) { return c.failed; }), backgroundColor: '#D55E00' }],
        },
        options: {
          indexAxis: 'y',
          plugins: {
            legend: { display: false },
            tooltip: { callbacks: { label: function (item) { return int(item.raw) + ' failed (' + pct(ratio(item.raw, f.attempted)) + ' of ' + int(f.attempted) + ' attempted)'; } } },
          },
          scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
        },
      });
      byId('failure-chart').setAttribute('title', DEF.failures);
    }
    var table = clear(byId('failure-table'));
    table.appendChild(el('thead', {}, [el('tr', {}, [
      el('th', { scope: 'col', className: 'text', text: 'Code' }),
      el('th', { scope: 'col', className: 'text', text: 'Class' }),
      el('th', { scope: 'col', className: 'text', text: 'Meta\'s title' }),
      el('th', { scope: 'col', title: DEF.failed, text: 'Failed' }),
      el('th', { scope: 'col', title: DEF.failureRate, text: 'Of attempted' }),
    ])]));
    var body = el('tbody');
    f.byCode.forEach(function (c) {
      body.appendChild(el('tr', {}, [
        el('td', { className: 'text', text: c.code === null ? '–' : String(c.code) }),
        el('td', { className: 'text', text: clean(c.class) }),
        el('td', { className: 'text name', text: clean(c.title) }),
        el('td', { text: int(c.failed) }),
        el('td', { title: int(c.failed) + ' / ' + int(f.attempted) + ' attempted', text: pct(ratio(c.failed, f.attempted), 2) }),
      ]));
    });
    if (!f.byCode.length) body.appendChild(el('tr', {}, [el('td', { className: 'text none', colspan: '5', text: 'No failed message in the period.' })]));
    table.appendChild(body);
  }

  function renderTimeToRead(data) {
    var t = data.summary.timeToRead;
    byId('ttr-summary').textContent = t.readMessages
      ? 'Median ' + duration(t.p50Seconds) + ', 90% within ' + duration(t.p90Seconds) + ', over ' + int(t.readMessages) + ' read messages.'
      : 'No read message in the period.';
    byId('ttr-summary').setAttribute('title', DEF.ttr);
    destroyChart('ttr');
    if (!hasChart()) return;
    charts.ttr = new Chart(byId('ttr-chart'), {
      type: 'bar',
      data: {
        labels: t.buckets.map(function (b) { return b.label; }),
        datasets: [{ label: 'Read messages', data: t.buckets.map(function (b) { return b.messages; }), backgroundColor: '#56B4E9', borderColor: '#0072B2', borderWidth: 1 }],
      },
      options: {
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: function (item) { return int(item.raw) + ' read messages (' + pct(ratio(item.raw, t.readMessages)) + ')'; } } },
        },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    byId('ttr-chart').setAttribute('title', DEF.timeToReadHistogram);
  }

  function renderOptOuts(data) {
    var table = clear(byId('optout-table'));
    var KIND = { user_preferences: 'Meta marketing stop', button: 'Opt-out button', keyword: 'Keyword reply' };
    table.appendChild(el('thead', {}, [el('tr', {}, [
      el('th', { scope: 'col', className: 'text', text: 'Signal' }),
      el('th', { scope: 'col', className: 'text', text: 'Keyword or button' }),
      el('th', { scope: 'col', title: DEF.optOutsByKeyword, text: 'People' }),
    ])]));
    var body = el('tbody');
    data.summary.optOuts.forEach(function (o) {
      body.appendChild(el('tr', {}, [
        el('td', { className: 'text', text: KIND[o.kind] || clean(o.kind) }),
        el('td', { className: 'text name', text: o.keyword === null ? '–' : clean(o.keyword) }),
        el('td', { title: DEF.optOutsByKeyword, text: int(o.people) }),
      ]));
    });
    if (!data.summary.optOuts.length) body.appendChild(el('tr', {}, [el('td', { className: 'text none', colspan: '3', text: 'No opt-out attributed to a message of the period.' })]));
    table.appendChild(body);
  }

  // ---------------------------------------------------------------- heat map

  // Viridis stops: perceptually uniform and readable with colour-vision deficiencies and in greyscale.
  var VIRIDIS = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];

  function viridis(t) {
    var x = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
    var i = Math.min(Math.floor(x), VIRIDIS.length - 2);
    var f = x - i;
    var c = VIRIDIS[i].map(function (v, k) { return Math.round(v + (VIRIDIS[i + 1][k] - v) * f); });
    return { css: 'rgb(' + c.join(',') + ')', dark: x < 2.2 };
  }

  function renderHeatmap(data) {
    var table = clear(byId('heatmap-table'));
    var cells = data.summary.heatmap;
    byId('heatmap-note').textContent = DEF.heatmap + ' Time zone: ' + clean(data.meta.tz) + '.';
    if (!cells.length) return;
    var head = el('tr', {}, [el('th', { scope: 'col', text: '' })]);
    for (var h = 0; h < 24; h++) head.appendChild(el('th', { scope: 'col', text: String(h).padStart(2, '0') }));
    table.appendChild(el('thead', {}, [head]));
    var body = el('tbody');
    for (var d = 1; d <= 7; d++) {
      var tr = el('tr', {}, [el('th', { scope: 'row', text: WEEKDAYS[d - 1] })]);
      for (var hour = 0; hour < 24; hour++) {
        var cell = cells[(d - 1) * 24 + hour];
        var rate = ratio(cell.read, cell.delivered);
        var label = WEEKDAYS[d - 1] + ' ' + String(hour).padStart(2, '0') + ':00–' + String(hour).padStart(2, '0') + ':59: ';
        var td = el('td', {
          className: cell.delivered > 0 && cell.delivered < 10 ? 'sparse' : undefined,
          title: label + (cell.delivered ? int(cell.read) + ' read / ' + int(cell.delivered) + ' delivered = ' + pct(rate) : 'no delivered message'),
          text: rate === null ? '' : String(Math.round(rate * 100)),
        });
        if (rate !== null) {
          var colour = viridis(rate);
          td.style.backgroundColor = colour.css;
          td.style.color = colour.dark ? '#fff' : '#000';
        }
        tr.appendChild(td);
      }
      body.appendChild(tr);
    }
    table.appendChild(body);
    var ramp = el('span', { className: 'ramp' });
    [0, 0.25, 0.5, 0.75, 1].forEach(function (t) {
      var s = el('span', { title: pct(t, 0) });
      s.style.backgroundColor = viridis(t).css;
      ramp.appendChild(s);
    });
    var legend = byId('heatmap-legend');
    clear(legend).appendChild(el('span', { text: 'Read rate (%): 0' }));
    legend.appendChild(ramp);
    legend.appendChild(el('span', { text: '100 · empty: no delivered message · pale: fewer than 10 delivered' }));
  }

  // ---------------------------------------------------------------- orchestration

  function render(data) {
    state.data = data;
    renderHeader(data);
    renderKpis(data);
    renderFunnel(data);
    renderTimeToRead(data);
    renderTrend(data);
    renderTable(data);
    renderRules(data);
    renderFailures(data);
    renderOptOuts(data);
    renderHeatmap(data);
    document.body.setAttribute('data-rendered', String(Date.now()));
  }

  byId('trend-metric').addEventListener('change', function (event) {
    state.metric = event.target.value;
    if (state.data) renderTrendChart(state.data);
  });
  // With many templates, the picker shows only those matching the search (picked ones always stay visible).
  byId('trend-search').addEventListener('input', function (event) {
    var needle = event.target.value.toLowerCase();
    Array.prototype.forEach.call(byId('trend-picker').querySelectorAll('label'), function (label) {
      var input = label.querySelector('input');
      label.hidden = Boolean(needle) && !input.checked && label.textContent.toLowerCase().indexOf(needle) < 0;
    });
  });
  byId('table-search').addEventListener('input', function (event) {
    state.search = event.target.value;
    if (state.data) renderTableBody(state.data, COLUMNS.filter(function (c) { return state.data.meta.lint || !c.lint; }));
  });
  // Canvas charts do not reflow for paper on their own.
  window.addEventListener('beforeprint', function () {
    Object.keys(charts).forEach(function (name) { charts[name].resize(); });
  });

  // ---------------------------------------------------------------- served page: filters and API

  var FILTERS = ['from', 'to', 'tz', 'template', 'language', 'category'];
  var pending = null;

  function fillSelect(select, values, current) {
    var first = select.options[0];
    clear(select);
    select.appendChild(first);
    values.forEach(function (value) {
      var option = el('option', { value: value, text: clean(value) });
      if (value === current) option.selected = true;
      select.appendChild(option);
    });
    if (current && values.indexOf(current) < 0) {
      var extra = el('option', { value: current, text: clean(current) });
      extra.selected = true;
      select.appendChild(extra);
    }
  }

  function formParams(form) {
    var params = new URLSearchParams();
    FILTERS.forEach(function (name) {
      var value = form.elements[name].value.trim();
      if (value) params.set(name, value);
    });
    return params;
  }

  function getJson(path, params, signal) {
    return fetch(path + '?' + params.toString(), { signal: signal, headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) throw new Error(body && body.error ? body.error : 'HTTP ' + response.status);
        return body;
      });
    });
  }

  function load(form, params) {
    var status = byId('status');
    if (pending) pending.abort();
    pending = new AbortController();
    var signal = pending.signal;
    status.className = 'status busy';
    status.textContent = 'Loading…';
    Promise.all([
      getJson('api/summary', params, signal),
      getJson('api/templates', params, signal),
      getJson('api/timeseries', params, signal),
      getJson('api/failures', params, signal),
      getJson('api/lint', params, signal),
    ]).then(function (parts) {
      var data = { meta: parts[0].meta, summary: parts[0].summary, templates: parts[1], timeseries: parts[2], failures: parts[3], lint: parts[4] };
      var options = data.meta.options;
      var names = [];
      options.templates.forEach(function (t) { if (names.indexOf(t.template) < 0) names.push(t.template); });
      fillSelect(form.elements.template, names.sort(), params.get('template') || '');
      fillSelect(form.elements.language, options.languages, params.get('language') || '');
      fillSelect(form.elements.category, options.categories, (params.get('category') || '').toUpperCase());
      if (!form.elements.tz.value) form.elements.tz.placeholder = data.meta.tz;
      render(data);
      status.className = 'status';
      status.textContent = '';
    }).catch(function (error) {
      if (error && error.name === 'AbortError') return;
      status.className = 'status';
      status.textContent = String(error && error.message ? error.message : error);
    });
  }

  function startServerMode() {
    var form = byId('filters');
    form.hidden = false;
    var initial = new URLSearchParams(location.search);
    FILTERS.forEach(function (name) {
      var value = initial.get(name);
      if (value === null) return;
      var field = form.elements[name];
      if (field.tagName === 'SELECT') fillSelect(field, [], value);
      else field.value = value;
    });
    function apply() {
      var params = formParams(form);
      history.replaceState(null, '', location.pathname + (params.toString() ? '?' + params.toString() : ''));
      load(form, params);
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      apply();
    });
    // Filters apply as soon as they change: no reload, no submit needed.
    ['template', 'language', 'category', 'from', 'to'].forEach(function (name) {
      form.elements[name].addEventListener('change', apply);
    });
    byId('filters-reset').addEventListener('click', function () {
      FILTERS.forEach(function (name) { form.elements[name].value = ''; });
      apply();
    });
    load(form, formParams(form));
  }

  if (config.mode === 'server') {
    startServerMode();
  } else {
    var embedded = byId('pesan-data');
    if (embedded) render(JSON.parse(embedded.textContent));
  }
})();
