// sitrep UI: hash routes (#/timeline?..., #/map?..., #/incident/ID,
// #/document/ID, #/outlets, #/search?q=...) so every view is linkable.
// Article text and every value from the store is untrusted: it is only
// ever inserted as text (textContent / text nodes), never as HTML.
(function () {
  'use strict';

  var FILTERS = ['from', 'to', 'type', 'place', 'actor', 'outlet', 'status'];
  var TYPES = ['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Protests',
    'Riots', 'Strategic developments', 'Humanitarian', 'Diplomacy'];
  var COLOURS = {
    'Battles': '#c62828', 'Explosions/Remote violence': '#ef6c00', 'Violence against civilians': '#7b1fa2',
    'Protests': '#2e7d32', 'Riots': '#6d4c41', 'Strategic developments': '#1565c0',
    'Humanitarian': '#00838f', 'Diplomacy': '#616161'
  };
  var MAX = 1000;

  var view = document.getElementById('view');
  var title = document.getElementById('title');
  var statusLine = document.getElementById('status');
  var form = document.getElementById('filters');
  var encoder = new TextEncoder();
  var decoder = new TextDecoder();
  // Widgets of the current view, destroyed on navigation.
  var cleanup = [];
  // Bumped on each navigation so late answers of an old view are dropped.
  var generation = 0;
  var firstRoute = true;

  // el builds an element; attrs are set as attributes (never event
  // handlers), children are nodes or strings (made text nodes).
  function el(tag, attrs) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (attrs[k] === null || attrs[k] === undefined || attrs[k] === false) return;
        if (/^on/i.test(k)) throw new Error('no inline handlers');
        e.setAttribute(k, attrs[k] === true ? '' : String(attrs[k]));
      });
    }
    for (var i = 2; i < arguments.length; i++) append(e, arguments[i]);
    return e;
  }
  function append(parent, c) {
    if (c === null || c === undefined || c === false) return;
    if (Array.isArray(c)) { c.forEach(function (x) { append(parent, x); }); return; }
    parent.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c)));
  }
  function slug(s) { return String(s || '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''); }
  function typeClass(t) { return 't-' + slug(t); }
  function colour(t) { return COLOURS[t] || '#888'; }
  function incidentHref(id) { return '#/incident/' + encodeURIComponent(id); }
  function documentHref(id) { return '#/document/' + encodeURIComponent(id); }
  function safeURL(u) { return /^https?:\/\//i.test(u || '') ? u : null; }

  // setTitle names the view in its heading and in the window title.
  function setTitle(text, icon) {
    title.textContent = '';
    append(title, icon);
    append(title, text);
    document.title = text + ' · sitrep';
  }

  function setStatus(msg, isError) {
    statusLine.textContent = msg;
    statusLine.classList.toggle('error', !!isError);
  }

  function api(path) {
    return fetch(path, { headers: { 'Accept': 'application/json' } }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (body) {
        if (!r.ok) throw new Error((body && body.error) || ('HTTP ' + r.status));
        return body;
      });
    });
  }

  function place(inc) {
    var l = inc.location;
    if (!l) return '';
    var parts = [l.name];
    if (l.admin1 && l.admin1 !== l.name) parts.push(l.admin1);
    if (l.country && l.country !== l.name) parts.push(l.country);
    return parts.join(', ');
  }
  function num(v) { return v === null || v === undefined ? '–' : String(v); }
  function figure(f) {
    if (!f || f.best === null || f.best === undefined) return '–';
    if (f.low === f.high) return String(f.best);
    return f.best + ' (low ' + num(f.low) + ', high ' + num(f.high) + ')';
  }
  function dateOf(inc) {
    return (inc.date || 'undated') + (inc.date_end && inc.date_end !== inc.date ? ' to ' + inc.date_end : '');
  }
  // dateSpan turns a record date (YYYY, YYYY-MM, YYYY-MM-DD, optional
  // end) into timeline dates: a day is a point, a month, a year or a
  // range of days is a bar up to the end of its last day.
  function dateSpan(date, end) {
    var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(date || '');
    if (!m) return null;
    var y = +m[1], mo = m[2] ? +m[2] - 1 : 0, d = m[3] ? +m[3] : 1;
    var start = new Date(Date.UTC(y, mo, d));
    var stop = null;
    if (!m[2]) stop = new Date(Date.UTC(y + 1, 0, 1));
    else if (!m[3]) stop = new Date(Date.UTC(y, mo + 1, 1));
    var e = /^(\d{4})-(\d{2})-(\d{2})$/.exec(end || '');
    if (e && end !== date) stop = new Date(Date.UTC(+e[1], +e[2] - 1, +e[3] + 1));
    return [start, stop];
  }

  function outletsOf(inc) {
    var seen = {};
    (inc.reports || []).forEach(function (r) { seen[r.outlet || r.wire || 'unknown outlet'] = true; });
    return Object.keys(seen).sort();
  }

  // --- routing -----------------------------------------------------------

  function parseHash() {
    var h = location.hash.replace(/^#/, '');
    if (h.charAt(0) !== '/') h = '/timeline';
    var q = h.indexOf('?');
    var path = q < 0 ? h : h.slice(0, q);
    var params = new URLSearchParams(q < 0 ? '' : h.slice(q + 1));
    return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), params: params };
  }

  function filterParams(params) {
    var out = new URLSearchParams();
    FILTERS.forEach(function (k) { var v = params.get(k); if (v) out.set(k, v); });
    return out;
  }

  function route() {
    // In-page anchors such as the skip link are not routes.
    if (location.hash && location.hash.charAt(1) !== '/') return;
    var r = parseHash();
    var name = r.parts[0] || 'timeline';
    generation++;
    cleanup.forEach(function (f) { try { f(); } catch (e) { /* already gone */ } });
    cleanup = [];
    view.textContent = '';
    title.textContent = '';
    setStatus('');
    document.querySelectorAll('nav a[data-view]').forEach(function (a) {
      if (a.getAttribute('data-view') === name) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    });
    var withFilters = name === 'timeline' || name === 'map';
    form.hidden = !withFilters;
    fillForm(r.params);
    updateDownloads(withFilters ? filterParams(r.params) : new URLSearchParams());
    var gen = generation;
    var done;
    switch (name) {
      case 'timeline': done = showTimeline(r.params, gen); break;
      case 'map': done = showMap(r.params, gen); break;
      case 'incident': done = showIncident(r.parts[1] || '', gen); break;
      case 'document': done = showDocument(r.parts[1] || '', gen); break;
      case 'outlets': done = showOutlets(gen); break;
      case 'search': done = showSearch(r.params, gen); break;
      default:
        setTitle('Not found');
        setStatus('No such view: ' + name, true);
        done = Promise.resolve();
    }
    Promise.resolve(done).catch(function (err) {
      if (gen === generation) setStatus('Could not load: ' + err.message, true);
    }).then(function () {
      // Move focus to the new view's heading so screen readers announce it.
      if (!firstRoute) title.focus();
      firstRoute = false;
      document.body.setAttribute('data-ready', String(gen));
    });
  }

  function fillForm(params) {
    FILTERS.forEach(function (k) {
      var input = form.elements.namedItem(k);
      if (input) input.value = params.get(k) || '';
    });
  }

  function updateDownloads(fp) {
    var qs = fp.toString();
    // The report takes only the period and the place.
    var rp = new URLSearchParams();
    ['from', 'to', 'place'].forEach(function (k) { if (fp.get(k)) rp.set(k, fp.get(k)); });
    var rqs = rp.toString();
    document.getElementById('report-link').setAttribute('href', '/api/report' + (rqs ? '?' + rqs : ''));
    rp.set('format', 'md');
    document.getElementById('report-md').setAttribute('href', '/api/report?' + rp.toString());
    ['csv', 'geojson', 'jsonl'].forEach(function (ext) {
      document.getElementById('dl-' + ext).setAttribute('href', '/api/incidents.' + ext + (qs ? '?' + qs : ''));
    });
  }

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var p = new URLSearchParams();
    FILTERS.forEach(function (k) {
      var v = form.elements.namedItem(k).value.trim();
      if (v) p.set(k, v);
    });
    var name = parseHash().parts[0] || 'timeline';
    location.hash = '#/' + name + (p.toString() ? '?' + p.toString() : '');
  });
  form.addEventListener('reset', function (ev) {
    ev.preventDefault();
    location.hash = '#/' + (parseHash().parts[0] || 'timeline');
  });

  function loadIncidents(params) {
    var p = filterParams(params);
    p.set('limit', String(MAX));
    return api('/api/incidents?' + p.toString());
  }

  function countLine(page, what) {
    var s = page.total + ' ' + what + (page.total === 1 ? '' : 's');
    if (page.total > page.incidents.length) s += ' (showing the first ' + page.incidents.length + ')';
    return s;
  }

  function legend(types) {
    return el('ul', { class: 'legend', 'aria-label': 'Event types' }, types.map(function (t) {
      return el('li', { class: typeClass(t) }, t);
    }));
  }

  function incidentTable(incs, caption) {
    var tbody = el('tbody', null, incs.map(function (inc) {
      return el('tr', { 'data-incident': inc.id },
        el('td', null, el('a', { href: incidentHref(inc.id) }, dateOf(inc))),
        el('td', null, el('span', { class: 'swatch ' + typeClass(inc.event_type), 'aria-hidden': 'true' }),
          inc.event_type, inc.sub_event_type && inc.sub_event_type !== inc.event_type ? ' / ' + inc.sub_event_type : ''),
        el('td', null, place(inc) || '–'),
        el('td', null, [inc.actor1, inc.actor2].filter(Boolean).join(' vs ') || '–'),
        el('td', null, figure(inc.fatalities)),
        el('td', null, el('span', { class: 'badge ' + inc.status }, inc.status)),
        el('td', null, outletsOf(inc).join(', ')));
    }));
    return el('table', { class: 'incidents' },
      el('caption', null, caption),
      el('thead', null, el('tr', null, ['Date', 'Type', 'Place', 'Actors', 'Killed', 'Status', 'Reported by'].map(function (h) {
        return el('th', { scope: 'col' }, h);
      }))),
      tbody);
  }

  // --- timeline ----------------------------------------------------------

  function showTimeline(params, gen) {
    setTitle('Timeline of incidents');
    var box = el('div', { id: 'timeline', role: 'img', 'aria-label': 'Timeline of incidents by day; the table below lists the same incidents' });
    view.appendChild(box);
    setStatus('Loading incidents…');
    return loadIncidents(params).then(function (page) {
      if (gen !== generation) return;
      setStatus(countLine(page, 'incident'));
      var types = {};
      var items = [];
      page.incidents.forEach(function (inc) {
        types[inc.event_type] = true;
        var span = dateSpan(inc.date, inc.date_end);
        if (!span) return;
        var content = el('span', null, (inc.location ? inc.location.name + ': ' : '') + (inc.sub_event_type || inc.event_type));
        var item = { id: inc.id, content: content, start: span[0], className: 'incident-item ' + typeClass(inc.event_type) };
        if (span[1]) item.end = span[1]; else item.type = 'box';
        items.push(item);
      });
      view.appendChild(legend(Object.keys(types).sort()));
      view.appendChild(incidentTable(page.incidents, 'Incidents, by date'));
      if (!window.vis || items.length === 0) {
        box.appendChild(el('p', { class: 'muted' }, items.length ? 'Timeline library unavailable.' : 'No dated incident to show.'));
        return;
      }
      var tl = new window.vis.Timeline(box, new window.vis.DataSet(items), {
        stack: true, zoomKey: 'ctrlKey', maxHeight: 420, minHeight: 200, orientation: 'top',
        showCurrentTime: false
      });
      tl.on('select', function (props) {
        if (props.items && props.items.length) location.hash = incidentHref(props.items[0]);
      });
      cleanup.push(function () { tl.destroy(); });
    });
  }

  // --- map ---------------------------------------------------------------

  var worldPromise = null;
  function world() {
    if (!worldPromise) {
      worldPromise = fetch('/static/vendor/world-atlas/countries-110m.json').then(function (r) { return r.json(); });
    }
    return worldPromise;
  }

  function showMap(params, gen) {
    setTitle('Map of incidents');
    var box = el('div', { id: 'map', role: 'region', 'aria-label': 'Map of incidents; the table below lists the same incidents' });
    view.appendChild(box);
    view.appendChild(el('p', { class: 'small muted' }, 'One circle per place: its size grows with the number of reports, its colour is the most frequent event type there.'));
    setStatus('Loading incidents…');
    return Promise.all([loadIncidents(params), world().catch(function () { return null; })]).then(function (res) {
      if (gen !== generation) return;
      var page = res[0], topo = res[1];
      var located = page.incidents.filter(function (i) { return i.location && i.location.latitude !== null && i.location.longitude !== null && i.location.latitude !== undefined; });
      setStatus(countLine(page, 'incident') + ', ' + located.length + ' with coordinates');
      var types = {};
      page.incidents.forEach(function (inc) { types[inc.event_type] = true; });
      view.appendChild(legend(Object.keys(types).sort()));
      view.appendChild(incidentTable(page.incidents, 'Incidents, by date'));
      if (!window.L) { box.appendChild(el('p', null, 'Map library unavailable.')); return; }
      // A view must be set before any layer is added.
      var map = window.L.map(box, { worldCopyJump: true, minZoom: 1, maxZoom: 12 }).setView([30, 30], 2);
      cleanup.push(function () { map.remove(); });
      map.attributionControl.addAttribution('Natural Earth');
      if (topo && window.topojson) {
        window.L.geoJSON(window.topojson.feature(topo, topo.objects.countries), {
          style: { color: '#8a9099', weight: 0.6, fillColor: '#f4f1ea', fillOpacity: 1 }, interactive: false
        }).addTo(map);
      }
      // Aggregate per place: one marker per coordinate pair.
      var groups = {};
      located.forEach(function (inc) {
        var k = inc.location.latitude.toFixed(4) + ',' + inc.location.longitude.toFixed(4);
        var g = groups[k] || (groups[k] = { lat: inc.location.latitude, lon: inc.location.longitude, name: inc.location.name, incs: [], reports: 0, types: {} });
        g.incs.push(inc);
        g.reports += (inc.reports || []).length || 1;
        g.types[inc.event_type] = (g.types[inc.event_type] || 0) + 1;
      });
      var bounds = [];
      Object.keys(groups).sort().forEach(function (k) {
        var g = groups[k];
        var top = Object.keys(g.types).sort(function (a, b) { return g.types[b] - g.types[a] || (a < b ? -1 : 1); })[0];
        var m = window.L.circleMarker([g.lat, g.lon], {
          radius: 6 + 3 * Math.sqrt(g.reports), color: '#222', weight: 1, fillColor: colour(top), fillOpacity: 0.8,
          className: 'incident-marker'
        }).addTo(map);
        var popup = el('div', null, el('strong', null, g.name), el('br'),
          g.incs.length + ' incident(s), ' + g.reports + ' report(s)',
          el('ul', null, g.incs.map(function (inc) {
            return el('li', null, el('a', { href: incidentHref(inc.id) }, dateOf(inc) + ' · ' + inc.event_type));
          })));
        m.bindPopup(popup);
        m.bindTooltip(g.name + ': ' + g.incs.length + ' incident(s)');
        bounds.push([g.lat, g.lon]);
      });
      if (bounds.length) map.fitBounds(bounds, { padding: [40, 40], maxZoom: 7 });
    });
  }

  // --- article text with highlighted spans -----------------------------

  // marked renders text with the byte ranges [start, end) wrapped in
  // <mark>; offsets are UTF-8 byte offsets, as the API gives them.
  // Overlapping ranges after the first are skipped.
  function marked(text, ranges) {
    var bytes = encoder.encode(text);
    var frag = document.createDocumentFragment();
    var pos = 0;
    ranges.slice().sort(function (a, b) { return a.start - b.start || b.end - a.end; }).forEach(function (r) {
      if (r.start < pos || r.end <= r.start || r.end > bytes.length) return;
      frag.appendChild(document.createTextNode(decoder.decode(bytes.subarray(pos, r.start))));
      var m = el('mark', { class: r.cls || null, title: r.title || null }, decoder.decode(bytes.subarray(r.start, r.end)));
      frag.appendChild(m);
      pos = r.end;
    });
    frag.appendChild(document.createTextNode(decoder.decode(bytes.subarray(pos))));
    return frag;
  }

  function scrollToMark(box) {
    var m = box.querySelector('mark');
    if (m) box.scrollTop = Math.max(0, m.offsetTop - box.offsetTop - 40);
  }

  // --- incident ------------------------------------------------------------

  function showIncident(id, gen) {
    setStatus('Loading incident…');
    return api('/api/incidents/' + encodeURIComponent(id)).then(function (inc) {
      var ids = [];
      inc.reports.forEach(function (r) { if (r.document_id && ids.indexOf(r.document_id) < 0) ids.push(r.document_id); });
      return Promise.all(ids.map(function (d) {
        return api('/api/documents/' + encodeURIComponent(d)).catch(function () { return null; });
      })).then(function (docs) {
        var byID = {};
        docs.forEach(function (d) { if (d) byID[d.id] = d; });
        return [inc, byID];
      });
    }).then(function (res) {
      if (gen !== generation) return;
      var inc = res[0], docs = res[1];
      setStatus(inc.reports.length + ' report(s) from ' + outletsOf(inc).length + ' outlet(s)');
      setTitle((inc.sub_event_type || inc.event_type) + (inc.location ? ' in ' + inc.location.name : '') + ', ' + dateOf(inc),
        el('span', { class: 'swatch ' + typeClass(inc.event_type), 'aria-hidden': 'true' }));
      view.appendChild(el('dl', { class: 'facts' },
        el('dt', null, 'Type'), el('dd', null, inc.event_type + (inc.sub_event_type ? ' / ' + inc.sub_event_type : '')),
        el('dt', null, 'Date'), el('dd', null, dateOf(inc)),
        el('dt', null, 'Place'), el('dd', null, place(inc) || '–'),
        el('dt', null, 'Actors'), el('dd', null, [inc.actor1, inc.actor2].filter(Boolean).join(' vs ') || '–'),
        el('dt', null, 'Killed'), el('dd', { class: 'fig-killed' }, figure(inc.fatalities)),
        el('dt', null, 'Injured'), el('dd', { class: 'fig-injured' }, figure(inc.injured)),
        el('dt', null, 'Status'), el('dd', null, el('span', { class: 'badge ' + inc.status }, inc.status),
          ' ' + inc.independent_sources + ' independent source(s)'),
        el('dt', null, 'Incident id'), el('dd', null, el('code', null, inc.id))));
      var disputed = {};
      if (inc.conflicts && inc.conflicts.length) {
        view.appendChild(el('h2', null, 'Contradictions'));
        view.appendChild(el('ul', { class: 'conflicts' }, inc.conflicts.map(function (c) {
          c.values.forEach(function (v) { (disputed[v.claimed_by] = disputed[v.claimed_by] || []).push(c.field); });
          return el('li', null, el('strong', null, c.field + ': '), c.values.map(function (v) {
            return String(v.value) + ' (' + (v.claimed_by || 'unattributed') + ')';
          }).join(' vs '));
        })));
      }
      view.appendChild(el('h2', null, 'Reports side by side'));
      var byOutlet = {};
      inc.reports.forEach(function (r) {
        var o = r.outlet || r.wire || 'unknown outlet';
        (byOutlet[o] = byOutlet[o] || []).push(r);
      });
      var grid = el('div', { class: 'reports' });
      view.appendChild(grid);
      var boxes = [];
      Object.keys(byOutlet).sort().forEach(function (o) {
        var col = el('section', { class: 'outlet-col', 'aria-label': 'Reports by ' + o }, el('h3', null, o));
        byOutlet[o].forEach(function (r) {
          var doc = docs[r.document_id];
          var fields = disputed[r.claimed_by];
          var card = el('article', { class: 'report' + (fields ? ' disputes' : ''), 'data-document': r.document_id });
          card.appendChild(el('dl', { class: 'facts' },
            el('dt', null, 'Claimed by'), el('dd', { class: 'claimant' }, r.claimed_by || 'the outlet'),
            el('dt', null, 'Date'), el('dd', null, r.date || '–'),
            el('dt', null, 'Modality'), el('dd', null, r.modality || '–'),
            r.wire ? [el('dt', null, 'Wire'), el('dd', null, r.wire)] : null,
            fields ? [el('dt', null, 'Disputes'), el('dd', { class: 'error' }, fields.join(', '))] : null,
            el('dt', null, 'Article'), el('dd', null, el('a', { href: documentHref(r.document_id) },
              doc && doc.source.headline ? doc.source.headline : 'open the article'))));
          if (doc) {
            var box = el('div', { class: 'article', tabindex: '0', role: 'region', 'aria-label': 'Article text from ' + o + ', evidence highlighted' });
            box.appendChild(marked(doc.text, [{ start: r.start, end: r.end, cls: 'evidence', title: 'evidence for this incident' }]));
            card.appendChild(box);
            boxes.push(box);
          } else {
            card.appendChild(el('blockquote', null, el('mark', { class: 'evidence' }, r.text)));
          }
          col.appendChild(card);
        });
        grid.appendChild(col);
      });
      boxes.forEach(scrollToMark);
    });
  }

  // --- document ------------------------------------------------------------

  function showDocument(id, gen) {
    setStatus('Loading article…');
    return api('/api/documents/' + encodeURIComponent(id)).then(function (doc) {
      if (gen !== generation) return;
      var s = doc.source;
      setStatus(doc.events.length + ' event(s), ' + doc.entities.length + ' entity mention(s), ' + doc.quantities.length + ' figure(s)');
      setTitle(s.headline || s.path || 'Article');
      var url = safeURL(s.url);
      view.appendChild(el('dl', { class: 'facts' },
        el('dt', null, 'Outlet'), el('dd', null, s.outlet || '–'),
        el('dt', null, 'Published'), el('dd', null, (s.published || '–') + (s.published_basis === 'inferred' ? ' (inferred)' : '')),
        s.wire ? [el('dt', null, 'Wire'), el('dd', null, s.wire)] : null,
        s.byline ? [el('dt', null, 'Byline'), el('dd', null, s.byline)] : null,
        url ? [el('dt', null, 'Address'), el('dd', null, el('a', { href: url, rel: 'noopener noreferrer nofollow' }, url))] : null));
      view.appendChild(el('h2', null, 'Text, with the events highlighted'));
      var box = el('div', { class: 'article article-full', id: 'article-text' });
      box.appendChild(marked(doc.text, doc.events.map(function (e) {
        return { start: e.start, end: e.end, cls: 'event ' + typeClass(e.event_type), title: e.event_type + (e.claimed_by ? ', claimed by ' + e.claimed_by : '') };
      })));
      view.appendChild(box);
      if (doc.events.length) {
        view.appendChild(el('table', null, el('caption', null, 'Events'),
          el('thead', null, el('tr', null, ['Type', 'Date', 'Place', 'Killed', 'Claimed by', 'Modality'].map(function (h) { return el('th', { scope: 'col' }, h); }))),
          el('tbody', null, doc.events.map(function (e) {
            return el('tr', null, el('td', null, e.sub_event_type || e.event_type), el('td', null, e.date || '–'),
              el('td', null, e.location ? e.location.name : '–'), el('td', null, num(e.fatalities)),
              el('td', null, e.claimed_by || '–'), el('td', null, e.modality));
          }))));
      }
      if (doc.quantities.length) {
        view.appendChild(el('table', null, el('caption', null, 'Figures'),
          el('thead', null, el('tr', null, ['Words', 'Kind', 'Value', 'Claimed by'].map(function (h) { return el('th', { scope: 'col' }, h); }))),
          el('tbody', null, doc.quantities.map(function (q) {
            return el('tr', null, el('td', null, q.text), el('td', null, q.kind), el('td', null, num(q.value)), el('td', null, q.claimed_by || '–'));
          }))));
      }
      if (doc.entities.length) {
        view.appendChild(el('table', null, el('caption', null, 'Entities'),
          el('thead', null, el('tr', null, ['Words', 'Type', 'Canonical', 'Label'].map(function (h) { return el('th', { scope: 'col' }, h); }))),
          el('tbody', null, doc.entities.map(function (e) {
            return el('tr', null, el('td', null, e.text), el('td', null, e.type), el('td', null, e.canonical), el('td', null, e.label || ''));
          }))));
      }
    });
  }

  // --- outlets ---------------------------------------------------------------

  function showOutlets(gen) {
    setTitle('Outlet comparison');
    setStatus('Loading outlets…');
    return Promise.all([api('/api/outlets'), api('/api/incidents?limit=' + MAX)]).then(function (res) {
      if (gen !== generation) return;
      var outlets = res[0], page = res[1];
      var names = outlets.map(function (o) { return o.outlet || 'unknown outlet'; });
      setStatus(outlets.length + ' outlet(s)');
      view.appendChild(incidentlessTable(outlets));
      // Words for the same groups, outlet by outlet.
      var groups = {};
      outlets.forEach(function (o) { Object.keys(o.labels || {}).forEach(function (g) { groups[g] = true; }); });
      var glist = Object.keys(groups).sort();
      view.appendChild(el('h2', null, 'The words each outlet uses for the same groups'));
      if (!glist.length) {
        view.appendChild(el('p', { class: 'muted' }, 'No outlet labelled a group in the stored articles.'));
      } else {
        view.appendChild(el('table', { class: 'labels' },
          el('caption', null, 'Labels by group (rows) and outlet (columns), with counts'),
          el('thead', null, el('tr', null, el('th', { scope: 'col' }, 'Group'), names.map(function (n) { return el('th', { scope: 'col' }, n); }))),
          el('tbody', null, glist.map(function (g) {
            return el('tr', null, el('th', { scope: 'row' }, g), outlets.map(function (o) {
              var ls = (o.labels || {})[g] || {};
              var words = Object.keys(ls).sort(function (a, b) { return ls[b] - ls[a] || (a < b ? -1 : 1); });
              return el('td', null, words.length ? words.map(function (w) { return '“' + w + '” ×' + ls[w]; }).join(', ') : '–');
            }));
          }))));
      }
      // What each outlet reports that no other outlet does.
      var only = {};
      page.incidents.forEach(function (inc) {
        var os = outletsOf(inc);
        if (os.length === 1) (only[os[0]] = only[os[0]] || []).push(inc);
      });
      view.appendChild(el('h2', null, 'Reported by one outlet only'));
      var any = false;
      names.forEach(function (n) {
        if (!only[n]) return;
        any = true;
        view.appendChild(el('h3', null, n));
        view.appendChild(el('ul', { class: 'only' }, only[n].map(function (inc) {
          return el('li', null, el('a', { href: incidentHref(inc.id) }, dateOf(inc) + ' · ' + (inc.sub_event_type || inc.event_type) + (inc.location ? ' · ' + inc.location.name : '')));
        })));
      });
      if (!any) view.appendChild(el('p', { class: 'muted' }, 'Every incident was reported by more than one outlet.'));
    });
  }

  function incidentlessTable(outlets) {
    return el('table', { class: 'outlets' }, el('caption', null, 'Outlets'),
      el('thead', null, el('tr', null, ['Outlet', 'Articles', 'Incidents'].map(function (h) { return el('th', { scope: 'col' }, h); }))),
      el('tbody', null, outlets.map(function (o) {
        // An outlet links to its incidents; documents without one cannot be filtered.
        var name = o.outlet ? el('a', { href: '#/timeline?outlet=' + encodeURIComponent(o.outlet) }, o.outlet) : 'unknown outlet';
        return el('tr', null, el('td', null, name),
          el('td', null, String(o.documents)), el('td', null, String(o.incidents)));
      })));
  }

  // --- search --------------------------------------------------------------

  // snippetNodes turns the store's [match] markers into <mark> elements.
  function snippetNodes(s) {
    var out = [];
    var re = /\[([^\[\]]*)\]/g, last = 0, m;
    while ((m = re.exec(s)) !== null) {
      out.push(s.slice(last, m.index));
      out.push(el('mark', null, m[1]));
      last = re.lastIndex;
    }
    out.push(s.slice(last));
    return out;
  }

  function showSearch(params, gen) {
    var q = params.get('q') || '';
    setTitle('Search the articles');
    var input = el('input', { id: 'q', name: 'q', type: 'search', value: q, size: '40', required: true });
    var f = el('form', { class: 'search', role: 'search', 'aria-label': 'Search articles' },
      el('div', null, el('label', { for: 'q' }, 'Words (all must match)'), input),
      el('button', { type: 'submit' }, 'Search'));
    f.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var v = input.value.trim();
      if (v) location.hash = '#/search?q=' + encodeURIComponent(v);
    });
    view.appendChild(f);
    if (!q) { input.focus(); return Promise.resolve(); }
    setStatus('Searching…');
    return api('/api/search?q=' + encodeURIComponent(q) + '&limit=100').then(function (hits) {
      if (gen !== generation) return;
      setStatus(hits.length + ' article(s) match “' + q + '”');
      view.appendChild(el('ol', { class: 'hits' }, hits.map(function (h) {
        return el('li', null, el('a', { href: documentHref(h.document_id) }, h.headline || h.document_id),
          el('div', { class: 'muted small' }, [h.outlet, h.published].filter(Boolean).join(' · ')),
          el('div', { class: 'snippet' }, snippetNodes(h.snippet)));
      })));
    });
  }

  window.addEventListener('hashchange', route);
  route();
})();
