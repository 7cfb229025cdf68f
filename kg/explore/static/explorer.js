/* kg explorer: an overview and one page per node (official, meeting, slogan, body, post, article …).
 *
 * Data comes from the page itself (graph.html of a small build: every page inlined) or from `kg serve`
 * (/api/overview, /api/node?id=, /api/search?q=). Graph text only ever reaches the DOM through textContent,
 * never as HTML; links are built from ids with encodeURIComponent, and only http(s) source URLs become links.
 * window.kgExplorer exposes the state for tests and the console. */
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("kg-config").textContent);
  var inlineBlock = document.getElementById("kg-data");
  var inlineData = inlineBlock ? JSON.parse(inlineBlock.textContent) : null;
  var styles = config.styles;
  var PAGE_ROWS = 100;
  var state = { view: null, networks: [], charts: [], searchSeq: 0, timings: {} };
  var viewRoot = document.getElementById("kg-view");
  var tooltip = document.getElementById("kg-tooltip");

  if (window.Chart) {
    window.Chart.defaults.font.family = styles.font;
    window.Chart.defaults.animation = false;
  }

  // ------------------------------------------------------------------ data sources

  function httpSource() {
    function get(url) {
      return fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" }).then(function (r) {
        if (r.status === 404) { return null; }
        if (!r.ok) { return r.text().then(function (t) { throw new Error(r.status + " " + t); }); }
        return r.json();
      });
    }
    return {
      overview: function () { return get("api/overview"); },
      page: function (id) { return get("api/node?id=" + encodeURIComponent(id)); },
      search: function (q) { return get("api/search?q=" + encodeURIComponent(q)); }
    };
  }

  function inlineSource(data) {
    var table = data.search || null;
    var byIri = {};
    if (table) { Object.keys(table.nodes).forEach(function (n) { byIri[table.nodes[n][0]] = Number(n); }); }
    return {
      overview: function () { return Promise.resolve(data.overview); },
      page: function (id) {
        return Promise.resolve(Object.prototype.hasOwnProperty.call(data.pages, id) ? data.pages[id] : null);
      },
      search: function (q) { return Promise.resolve(table ? searchTable(table, byIri, q, config.searchLimit) : []); }
    };
  }

  // The same ranking as kg/explore/search.py: exact, prefix, substring; label, alias, post; type; weight; number.
  function searchTable(table, byIri, query, limit) {
    var text = String(query).trim().split(/\s+/).filter(Boolean).join(" ");
    text = Array.from(text).slice(0, 100).join("");
    if (!text) { return []; }
    var found = [];
    var seen = {};
    if (Object.prototype.hasOwnProperty.call(byIri, text)) {
      var n0 = byIri[text];
      found.push([n0, table.nodes[n0][2], 0]);
      seen[n0] = true;
    }
    var hits = [];
    table.names.forEach(function (row) {
      var name = row[0];
      if (name.indexOf(text) < 0) { return; }
      var score = name === text ? 0 : (name.indexOf(text) === 0 ? 1 : 2);
      hits.push([score, row[2], row[3], -row[4], row[1], name]);
    });
    hits.sort(function (a, b) {
      for (var i = 0; i < 5; i++) { if (a[i] !== b[i]) { return a[i] < b[i] ? -1 : 1; } }
      return 0;
    });
    hits = hits.slice(0, limit * table.limitFactor);
    for (var i = 0; i < hits.length && found.length < limit; i++) {
      var n = hits[i][4];
      if (!seen[n]) { seen[n] = true; found.push([n, hits[i][5], hits[i][1]]); }
    }
    var kinds = ["label", "alias", "post"];
    return found.map(function (hit) {
      var node = table.nodes[hit[0]];
      return { id: node[0], type: node[1], label: node[2], hint: node[3], weight: node[4], match: hit[1],
               kind: kinds[hit[2]] };
    });
  }

  var source = inlineData ? inlineSource(inlineData) : httpSource();

  // ------------------------------------------------------------------ DOM helpers (text only, never HTML)

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function add(parent) {
    for (var i = 1; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined || child === false) { continue; }
      parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return parent;
  }

  function hrefOf(id) { return "#/node/" + encodeURIComponent(id); }

  function typeStyle(type) { return styles.types[type] || styles.fallbackType; }
  function typeName(type) { return typeStyle(type).name_zh; }
  function relName(rel) { return (styles.relations[rel] || styles.fallbackRelation).name_zh; }

  function link(item, text) {
    var a = el("a", "kg-link kg-type-" + String(item.type || "").toLowerCase(), text || item.label);
    a.href = hrefOf(item.id);
    a.title = typeName(item.type) + "：" + item.label;
    return a;
  }

  function badge(type) {
    var b = el("span", "kg-badge", typeName(type));
    b.style.background = typeStyle(type).color;
    return b;
  }

  function section(title, count) {
    var s = el("section", "kg-section");
    var h = el("h2", null, title);
    if (count !== undefined && count !== null) { add(h, el("span", "kg-count", count)); }
    add(s, h);
    return s;
  }

  function facts(pairs) {
    var dl = el("dl", "kg-facts");
    pairs.forEach(function (pair) {
      if (pair[1] === null || pair[1] === undefined || pair[1] === "" ||
          (Array.isArray(pair[1]) && pair[1].length === 0)) { return; }
      add(dl, el("dt", null, pair[0]));
      var dd = el("dd");
      if (Array.isArray(pair[1])) {
        pair[1].forEach(function (part, i) { if (i) { add(dd, "、"); } add(dd, part); });
      } else if (pair[1] instanceof Node) {
        add(dd, pair[1]);
      } else {
        dd.textContent = String(pair[1]);
      }
      add(dl, dd);
    });
    return dl;
  }

  function safeUrl(url) { return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null; }

  function citation(articles, id) {
    var a = id ? articles[id] : null;
    if (!a) { return null; }
    var box = el("span", "kg-cite");
    var headline = a.headline || "（无标题）";
    var head = el("a", null, Array.from(headline).length > 24 ? Array.from(headline).slice(0, 23).join("") + "…" : headline);
    head.href = hrefOf(id);
    head.title = headline;
    add(box, head);
    var parts = [a.paper, a.day].filter(Boolean);
    if (parts.length) { add(box, " · " + parts.join(" · ")); }
    var url = safeUrl(a.url) || safeUrl(a.source);
    if (url) {
      var out = el("a", "kg-external", "原文");
      out.href = url;
      out.rel = "noopener noreferrer external";
      out.target = "_blank";
      add(box, " · ", out);
    } else if (a.source) {
      add(box, " · " + a.source + (a.record !== null && a.record !== undefined ? "#" + a.record : ""));
    }
    return box;
  }

  function sentence(text, articles, article) {
    if (!text) { return null; }
    var box = el("div", "kg-evidence");
    add(box, el("q", null, text));
    var cite = citation(articles, article);
    if (cite) { add(box, " ", cite); }
    return box;
  }

  function dateText(day) { return day || "日期不详"; }

  function span(first, last) {
    if (!first && !last) { return ""; }
    if (first === last) { return first; }
    return (first || "?") + " – " + (last || "?");
  }

  // A table that shows PAGE_ROWS rows at a time, with an optional year filter.
  function pagedTable(columns, rows, options) {
    options = options || {};
    var wrap = el("div", "kg-table-wrap");
    var filtered = rows;
    var shown = 0;
    var table = el("table", "kg-table");
    var head = el("tr");
    columns.forEach(function (c) { add(head, el("th", c.className || null, c.title)); });
    add(table, add(el("thead"), head));
    var body = el("tbody");
    add(table, body);
    var more = el("button", "kg-more");
    more.type = "button";
    function renderMore() {
      var next = filtered.slice(shown, shown + PAGE_ROWS);
      next.forEach(function (row) {
        var tr = el("tr");
        columns.forEach(function (c) {
          var td = el("td", c.className || null);
          var value = c.cell(row);
          if (value !== null && value !== undefined) {
            if (value instanceof Node) { add(td, value); } else { td.textContent = String(value); }
          }
          add(tr, td);
        });
        add(body, tr);
      });
      shown += next.length;
      var left = filtered.length - shown;
      more.hidden = left <= 0;
      more.textContent = "显示更多（还有 " + left + " 条）";
    }
    more.addEventListener("click", renderMore);
    if (options.years) {
      var years = {};
      rows.forEach(function (r) { var y = r.day ? r.day.slice(0, 4) : "不详"; years[y] = (years[y] || 0) + 1; });
      var select = el("select", "kg-year");
      select.setAttribute("aria-label", "按年份筛选");
      add(select, new Option("全部年份（" + rows.length + "）", ""));
      Object.keys(years).sort().forEach(function (y) { add(select, new Option(y + "（" + years[y] + "）", y)); });
      select.addEventListener("change", function () {
        var y = select.value;
        filtered = y ? rows.filter(function (r) { return (r.day ? r.day.slice(0, 4) : "不详") === y; }) : rows;
        body.textContent = "";
        shown = 0;
        renderMore();
      });
      add(wrap, select);
    }
    add(wrap, table, more);
    renderMore();
    return wrap;
  }

  function refList(items, extra, columns) {
    var ul = el("ul", columns && items.length > 8 ? "kg-list kg-columns-list" : "kg-list");
    items.forEach(function (item) {
      var li = add(el("li"), link(item));
      var note = extra ? extra(item) : null;
      if (note) { add(li, el("span", "kg-note", note)); }
      add(ul, li);
    });
    return ul;
  }

  // ------------------------------------------------------------------ tenure timeline

  // Tenures as bars on one time axis. Long lists show the TIMELINE_ROWS most reported first, then a button.
  var TIMELINE_ROWS = 10;
  function timeline(rows, articles, labelOf) {
    var box = el("div", "kg-timeline");
    var keep = rows;
    if (rows.length > TIMELINE_ROWS) {
      var ranked = rows.slice().sort(function (a, b) { return b.mentions - a.mentions; }).slice(0, TIMELINE_ROWS);
      keep = rows.filter(function (r) { return ranked.indexOf(r) >= 0; });
    }
    var days = [];
    rows.forEach(function (r) {
      [r.start, r.first_seen, r.end, r.last_seen].forEach(function (d) { if (d) { days.push(d); } });
    });
    if (!days.length) { days = ["2000-01-01"]; }
    days.sort();
    var low = toTime(days[0]), high = toTime(days[days.length - 1]);
    var width = Math.max(high - low, 86400000 * 30);
    var axis = el("div", "kg-axis");
    add(axis, el("span", null, days[0]), el("span", null, days[days.length - 1]));
    add(box, axis);
    rows.forEach(function (r) {
      var row = el("div", "kg-tl-row");
      row.hidden = keep.indexOf(r) < 0;
      var name = el("div", "kg-tl-name");
      add(name, labelOf(r));
      if (r.body) { add(name, el("div", "kg-note", r.body)); }
      var track = el("div", "kg-tl-track");
      var begin = r.start || r.first_seen, finish = r.end || r.last_seen || begin;
      var bar = el("div", "kg-tl-bar" + (r.past ? " kg-past" : ""));
      var left = begin ? (toTime(begin) - low) / width : 0;
      var right = finish ? (toTime(finish) - low) / width : left;
      bar.style.left = (left * 100).toFixed(2) + "%";
      bar.style.width = Math.max((right - left) * 100, 0.8).toFixed(2) + "%";
      add(track, bar);
      var info = el("div", "kg-tl-info");
      var seen = span(r.first_seen, r.last_seen);
      var parts = [];
      if (seen) { parts.push("首见–末见 " + seen); }
      if (r.start || r.end) {
        parts.push("任期 " + span(r.start, r.end) + basisText(r.start_basis, r.end_basis));
      }
      if (r.stated_start) { parts.push("报道任命 " + r.stated_start); }
      if (r.stated_end) { parts.push("报道离任 " + r.stated_end); }
      if (r.past) { parts.push("均写作前任（时任/原）"); }
      parts.push(r.mentions + " 处提及");
      info.textContent = parts.join(" · ");
      var details = el("details", "kg-tl-evidence");
      add(details, el("summary", null, "证据（" + r.evidence.length + (r.mentions > r.evidence.length ?
        " / " + r.mentions : "") + "）"));
      r.evidence.forEach(function (e) { add(details, sentence(e.sentence, articles, e.article)); });
      add(row, name, add(el("div", "kg-tl-main"), track, info, details));
      add(box, row);
    });
    if (keep.length < rows.length) {
      var all = el("button", "kg-more", "显示全部 " + rows.length + " 项（另有 " + (rows.length - keep.length) +
                   " 项提及较少）");
      all.type = "button";
      all.addEventListener("click", function () {
        Array.prototype.forEach.call(box.querySelectorAll(".kg-tl-row"), function (r) { r.hidden = false; });
        all.hidden = true;
      });
      add(box, all);
    }
    return box;
  }

  function basisText(startBasis, endBasis) {
    var names = { stated: "报道", inferred: "推断", seen: "见报" };
    var parts = [startBasis, endBasis].filter(Boolean).map(function (b) { return names[b] || b; });
    return parts.length ? "（" + parts.join("/") + "）" : "";
  }

  function toTime(day) {
    var t = Date.parse(String(day).slice(0, 10));
    return isNaN(t) ? 0 : t;
  }

  // ------------------------------------------------------------------ drawings

  function networkBox(className) {
    var box = el("div", "kg-network " + (className || ""));
    box.setAttribute("role", "img");
    return box;
  }

  function drawNetwork(container, data, options) {
    options = options || {};
    var nodes = data.nodes.map(function (n) {
      var style = typeStyle(n.type);
      var color = n.color || style.color;
      var size = n.size || (n.focus ? 20 : style.size + 4);
      return {
        id: n.id, label: n.label, x: n.x, y: n.y, shape: n.shape || style.shape, size: size,
        color: { background: color, border: n.focus ? "#111111" : style.border,
                 highlight: { background: color, border: "#000000" }, hover: { background: color, border: "#000000" } },
        borderWidth: n.focus ? 3 : 1,
        font: { size: n.font || (n.focus ? 18 : 14), face: styles.font, color: "#1b1b1b", strokeWidth: 4,
                strokeColor: "#ffffff", bold: n.focus ? { size: 18 } : undefined }
      };
    });
    var edges = data.edges.map(function (e, i) {
      var style = styles.relations[e.rel] || styles.fallbackRelation;
      var width = e.weight ? Math.min(1 + Math.log2(e.weight) * 0.9, 6) : style.width;
      if (e.faint) { width = Math.min(width, 2); }
      return { id: "e" + i, from: e.from, to: e.to, width: width, dashes: style.dashes,
               color: { color: e.color || style.color, opacity: e.faint ? 0.22 : (options.opacity || 0.55),
                        highlight: "#222222", hover: "#222222" },
               arrows: { to: { enabled: !!options.arrows && e.rel !== "coattended" && e.rel !== "cooccurs",
                               scaleFactor: 0.4 } },
               smooth: false };
    });
    var nodeSet = new window.vis.DataSet(nodes);
    var network = new window.vis.Network(container, { nodes: nodeSet, edges: new window.vis.DataSet(edges) }, {
      physics: { enabled: false },
      layout: { improvedLayout: false, randomSeed: 7 },
      interaction: { hover: true, tooltipDelay: 100, keyboard: false, multiselect: false, zoomSpeed: 0.6 },
      nodes: { borderWidth: 1 },
      edges: { selectionWidth: 1.5, hoverWidth: 1 }
    });
    var full = {};
    data.nodes.forEach(function (n) { full[n.id] = n; });
    network.on("click", function (params) {
      if (params.nodes.length && !full[params.nodes[0]].focus) { location.hash = hrefOf(params.nodes[0]); }
    });
    network.on("hoverNode", function (params) {
      var n = full[params.node];
      tooltip.textContent = "";
      add(tooltip, el("strong", null, n.full || n.label), el("div", null, n.note || typeName(n.type)));
      var rect = container.getBoundingClientRect();
      tooltip.style.left = (rect.left + window.scrollX + params.pointer.DOM.x + 14) + "px";
      tooltip.style.top = (rect.top + window.scrollY + params.pointer.DOM.y + 14) + "px";
      tooltip.hidden = false;
      container.style.cursor = n.focus ? "default" : "pointer";
    });
    network.on("blurNode", function () { tooltip.hidden = true; container.style.cursor = "default"; });
    network.once("afterDrawing", function () {
      network.fit({ animation: false });
      // the layout is made for about this size on screen; in a smaller box, keep the labels readable
      var scale = network.getScale();
      if (options.keepLabels && scale < 0.95) {
        var factor = Math.min(1 / scale, 1.8);
        nodeSet.update(nodes.map(function (n) {
          return { id: n.id, size: n.size * Math.sqrt(factor), font: { size: n.font.size * factor } };
        }));
      }
    });
    state.networks.push(network);
    return network;
  }

  function legend(types, relations) {
    var box = el("div", "kg-legend");
    types.forEach(function (t) {
      var item = el("span", "kg-legend-item");
      var dot = el("span", "kg-dot");
      dot.style.background = typeStyle(t).color;
      add(box, add(item, dot, typeName(t)));
    });
    (relations || []).forEach(function (r) {
      var item = el("span", "kg-legend-item");
      var line = el("span", "kg-line");
      var style = styles.relations[r] || styles.fallbackRelation;
      line.style.borderTopColor = style.color;
      line.style.borderTopStyle = style.dashes ? "dashed" : "solid";
      add(box, add(item, line, relName(r)));
    });
    return box;
  }

  function localNetwork(data) {
    var box = el("aside", "kg-side");
    add(box, el("h2", null, "关系网络"));
    var holder = networkBox("kg-local");
    holder.setAttribute("aria-label", "关系网络：" + data.nodes.length + " 个节点");
    add(box, holder);
    var types = [], rels = [];
    data.nodes.forEach(function (n) { if (types.indexOf(n.type) < 0) { types.push(n.type); } });
    data.edges.forEach(function (e) { if (rels.indexOf(e.rel) < 0) { rels.push(e.rel); } });
    add(box, legend(types, rels), el("p", "kg-hint", "点击节点打开它的页面；滚轮缩放，拖动平移。"));
    return { box: box, draw: function () { return drawNetwork(holder, data, { arrows: true, keepLabels: true }); } };
  }

  function barChart(canvasBox, labels, datasets, options) {
    var canvas = el("canvas");
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", options.label);
    add(canvasBox, canvas);
    var chart = new window.Chart(canvas, {
      type: "bar",
      data: { labels: labels, datasets: datasets },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { legend: { display: datasets.length > 1 }, tooltip: { enabled: true } },
        scales: { x: { stacked: true, ticks: { autoSkip: true, maxTicksLimit: options.ticks || 16, maxRotation: 0 } },
                  y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
    state.charts.push(chart);
    return chart;
  }

  // ------------------------------------------------------------------ views

  function pageHeader(page, summaryPairs) {
    var head = el("header", "kg-page-head");
    var h1 = el("h1");
    add(h1, badge(page.type), el("span", "kg-title", page.label));
    add(head, h1);
    if (page.aliases && page.aliases.length) {
      add(head, el("p", "kg-aliases", "别名：" + page.aliases.join("、")));
    }
    add(head, facts(summaryPairs));
    return head;
  }

  function renderOfficial(page, main) {
    var s = page.summary;
    main.head = pageHeader(page, [
      ["会议活动", s.meetings + " 场（主持 " + s.chaired + "，出席 " + s.attended + "）"],
      ["见报", span(s.firstSeen, s.lastSeen)],
      ["职务", s.posts + " 项"],
      ["社群", s.community === null ? null : "第 " + (s.community + 1) + " 群（同场网络）"]
    ]);
    var posts = section("职务时间线", page.tenures.length);
    add(posts, page.tenures.length ? timeline(page.tenures, page.articles, function (r) { return link(r); })
      : el("p", "kg-empty", "报道中没有写到职务。"));
    main.sections.push(posts);
    if (page.perYear.length) {
      var chartSection = section("历年会议活动");
      var chartBox = el("div", "kg-chart kg-chart-small");
      add(chartSection, chartBox);
      main.sections.push(chartSection);
      main.after.push(function () {
        barChart(chartBox, page.perYear.map(function (y) { return y.year; }), [
          { label: "主持", data: page.perYear.map(function (y) { return y.chaired; }), backgroundColor: "#c0392b" },
          { label: "出席", data: page.perYear.map(function (y) { return y.attended; }), backgroundColor: "#8da0b3" }
        ], { label: "历年主持与出席的会议数" });
      });
    }
    var meetings = section("会议活动（按日期）", page.meetings.length);
    add(meetings, pagedTable([
      { title: "日期", className: "kg-date", cell: function (r) { return dateText(r.day) + (r.dated ? "" : "（报道）"); } },
      { title: "会议活动", cell: function (r) {
        return add(el("div"), link(r), sentence(r.sentence, page.articles, r.article));
      } },
      { title: "角色", className: "kg-role", cell: function (r) {
        var b = el("span", r.rel === "chaired" ? "kg-chair" : "kg-attend", relName(r.rel));
        return add(el("span"), b, r.role ? "（" + r.role + "）" : "");
      } },
      { title: "排序", className: "kg-num", cell: function (r) { return r.order > 0 ? "第 " + r.order + " 位" : ""; } },
      { title: "人数", className: "kg-num", cell: function (r) { return r.people; } }
    ], page.meetings, { years: true }));
    main.sections.push(meetings);
    var co = section("常同场者", page.coattendees.length);
    add(co, page.coattendees.length ? refList(page.coattendees, function (r) { return r.count + " 场"; }, true)
      : el("p", "kg-empty", "没有与他人同场的记录。"));
    main.sections.push(co);
  }

  function renderMeeting(page, main) {
    var s = page.summary;
    var organisers = page.organisers.map(function (o) { return link(o); });
    main.head = pageHeader(page, [
      ["日期", s.date || (page.day ? page.day + "（报道日期）" : "不详")],
      ["形式", s.kind],
      ["主办", organisers],
      ["主持", page.participants.filter(function (p) { return p.rel === "chaired"; }).map(function (p) {
        return link(p); })],
      ["出席", s.participants + " 位（含主持）"]
    ]);
    var people = section("出席名单（按报道顺序）", page.participants.length);
    add(people, page.participants.length ? pagedTable([
      { title: "#", className: "kg-num", cell: function (r) { return page.participants.indexOf(r) + 1; } },
      { title: "姓名 / 机构", className: "kg-name", cell: function (r) { return link(r); } },
      { title: "角色", className: "kg-role", cell: function (r) {
        return add(el("span"), el("span", r.rel === "chaired" ? "kg-chair" : "kg-attend", relName(r.rel)),
                   r.role ? "（" + r.role + "）" : "");
      } },
      { title: "原文排序", className: "kg-num", cell: function (r) { return r.order > 0 ? r.order : ""; } },
      { title: "依据", cell: function (r) {
        var i = page.participants.indexOf(r);
        var previous = i > 0 ? page.participants[i - 1] : null;
        if (previous && previous.sentence === r.sentence) { return el("span", "kg-note", "同上"); }
        return sentence(r.sentence, page.articles, r.article);
      } }
    ], page.participants) : el("p", "kg-empty", "报道没有写到出席者。"));
    main.sections.push(people);
    var kinds = Object.keys(page.references);
    var refs = section("提及", kinds.reduce(function (n, k) { return n + page.references[k].length; }, 0));
    if (!kinds.length) { add(refs, el("p", "kg-empty", "没有提及口号、文件或其他会议。")); }
    kinds.forEach(function (kind) {
      add(refs, el("h3", null, typeName(kind)));
      var ul = el("ul", "kg-list");
      page.references[kind].forEach(function (r) {
        add(ul, add(el("li"), link(r), sentence(r.sentence, page.articles, r.article)));
      });
      add(refs, ul);
    });
    main.sections.push(refs);
    if (page.referencedBy.length) {
      var by = section("被以下会议传达或提及", page.referencedBy.length);
      add(by, refList(page.referencedBy, function (r) { return r.day; }, true));
      main.sections.push(by);
    }
    var reports = section("报道与原句", page.reports.length);
    page.reports.forEach(function (r) {
      var box = add(el("div", "kg-report"), citation(page.articles, r.article));
      r.evidence.forEach(function (e) { add(box, sentence(e.sentence, page.articles, null)); });
      add(reports, box);
    });
    main.sections.push(reports);
  }

  function renderReferenced(page, main) {
    var s = page.summary;
    main.head = pageHeader(page, [
      ["首见（见报）", s.firstPrinted], ["首见（会议日期）", s.firstSeen], ["末见", s.lastSeen],
      ["会议活动", s.meetings + " 场"], ["提及", s.mentions + " 次"]
    ]);
    var chartSection = section("每月提及次数（按见报日期）");
    var chartBox = el("div", "kg-chart");
    add(chartSection, page.monthly.length ? chartBox : el("p", "kg-empty", "没有带日期的提及。"));
    main.sections.push(chartSection);
    if (page.monthly.length) {
      main.after.push(function () {
        barChart(chartBox, page.monthly.map(function (m) { return m.month; }), [
          { label: "提及次数", data: page.monthly.map(function (m) { return m.count; }),
            backgroundColor: typeStyle(page.type).color }
        ], { label: "每月提及次数", ticks: 12 });
      });
    }
    var spread = section("在哪里出现");
    add(spread, facts([
      ["报纸", page.papers.map(function (p) { return p.paper + "（" + p.count + "，首见 " + (p.firstSeen || "?") + "）"; })],
      ["主办机构", page.organisers.slice(0, 12).map(function (o) { return add(el("span"), link(o), "（" + o.count + "）"); })],
      ["主持者", page.chairs.slice(0, 12).map(function (o) { return add(el("span"), link(o), "（" + o.count + "）"); })]
    ]));
    main.sections.push(spread);
    var meetings = section("提到它的会议活动", page.meetings.length);
    add(meetings, pagedTable([
      { title: "日期", className: "kg-date", cell: function (r) { return dateText(r.day); } },
      { title: "会议活动", cell: function (r) {
        return add(el("div"), link(r), sentence(r.sentence, page.articles, r.article));
      } },
      { title: "形式", className: "kg-role", cell: function (r) { return r.kind; } }
    ], page.meetings, { years: true }));
    main.sections.push(meetings);
    if (page.related.length) {
      var related = section("同场提及的口号与文件", page.related.length);
      add(related, refList(page.related, function (r) { return r.count + " 场"; }, true));
      main.sections.push(related);
    }
  }

  function renderBody(page, main) {
    var s = page.summary;
    main.head = pageHeader(page, [["职务", s.posts + " 项"], ["主办会议", s.organised + " 场"],
                                  ["参加会议", s.meetings + " 场"]]);
    var posts = section("职务与任职者", page.posts.length);
    if (!page.posts.length) { add(posts, el("p", "kg-empty", "报道中没有这个机构的职务。")); }
    page.posts.forEach(function (p) {
      add(posts, add(el("h3"), link(p)));
      add(posts, p.holders.length ? timeline(p.holders, page.articles, function (r) { return link(r); })
        : el("p", "kg-empty", "没有任职者。"));
    });
    main.sections.push(posts);
    if (page.organised.length) {
      var organised = section("主办的会议活动", page.organised.length);
      add(organised, pagedTable([
        { title: "日期", className: "kg-date", cell: function (r) { return dateText(r.day); } },
        { title: "会议活动", cell: function (r) { return link(r); } },
        { title: "形式", className: "kg-role", cell: function (r) { return r.kind; } }
      ], page.organised, { years: true }));
      main.sections.push(organised);
    }
    if (page.meetings.length) {
      var attended = section("以机构名义参加的会议活动", page.meetings.length);
      add(attended, pagedTable([
        { title: "日期", className: "kg-date", cell: function (r) { return dateText(r.day); } },
        { title: "会议活动", cell: function (r) { return add(el("div"), link(r),
          sentence(r.sentence, page.articles, r.article)); } },
        { title: "角色", className: "kg-role", cell: function (r) { return relName(r.rel) + (r.role ? "（" + r.role + "）" : ""); } }
      ], page.meetings, { years: true }));
      main.sections.push(attended);
    }
  }

  function renderPost(page, main) {
    var s = page.summary;
    main.head = pageHeader(page, [["职衔", s.title], ["机构", page.bodies.map(function (b) { return link(b); })],
                                  ["任职者", s.holders + " 人"]]);
    var holders = section("任职者（按时间）", page.holders.length);
    add(holders, page.holders.length ? timeline(page.holders, page.articles, function (r) { return link(r); })
      : el("p", "kg-empty", "没有任职者。"));
    main.sections.push(holders);
  }

  function renderArticle(page, main) {
    var s = page.summary;
    var url = safeUrl(s.url) || safeUrl(s.source);
    var where = null;
    if (url) {
      where = el("a", "kg-external", url);
      where.href = url;
      where.rel = "noopener noreferrer external";
      where.target = "_blank";
    } else if (s.source) {
      where = s.source + (s.record !== null && s.record !== undefined ? "#" + s.record : "");
    }
    main.head = pageHeader(page, [["日期", page.day], ["报纸", s.paper], ["来源", where],
                                  ["记者", s.reporters]]);
    var meetings = section("报道的会议活动", page.meetings.length);
    add(meetings, page.meetings.length ? pagedTable([
      { title: "日期", className: "kg-date", cell: function (r) { return dateText(r.day); } },
      { title: "会议活动", cell: function (r) { return add(el("div"), link(r), sentence(r.sentence, page.articles, null)); } },
      { title: "形式", className: "kg-role", cell: function (r) { return r.kind; } }
    ], page.meetings) : el("p", "kg-empty", "这篇报道里没有识别出会议活动。"));
    main.sections.push(meetings);
    if (page.writers.length) {
      var writers = section("记者", page.writers.length);
      add(writers, refList(page.writers));
      main.sections.push(writers);
    }
  }

  function renderReporter(page, main) {
    main.head = pageHeader(page, [["文章", page.summary.articles + " 篇"]]);
    var list = section("撰写的文章", page.articlesWritten.length);
    add(list, pagedTable([
      { title: "日期", className: "kg-date", cell: function (r) { return dateText(r.day); } },
      { title: "文章", cell: function (r) { return link(r); } },
      { title: "报纸", cell: function (r) { return r.paper; } }
    ], page.articlesWritten));
    main.sections.push(list);
  }

  function renderGeneric(page, main) {
    main.head = pageHeader(page, [["连接", page.links.length]]);
    var list = section("连接", page.links.length);
    add(list, pagedTable([
      { title: "关系", cell: function (r) { return relName(r.rel) + (r.outgoing ? " →" : " ←"); } },
      { title: "节点", cell: function (r) { return link(r); } }
    ], page.links));
    main.sections.push(list);
  }

  var RENDERERS = { Official: renderOfficial, Meeting: renderMeeting, Slogan: renderReferenced,
                    Document: renderReferenced, Body: renderBody, Post: renderPost, Article: renderArticle,
                    Reporter: renderReporter };

  function renderPage(page) {
    var main = { head: null, sections: [], after: [] };
    (RENDERERS[page.type] || renderGeneric)(page, main);
    var view = el("article", "kg-page kg-page-" + String(page.type).toLowerCase());
    var columns = el("div", "kg-columns");
    var left = el("div", "kg-main");
    main.sections.forEach(function (s) { add(left, s); });
    var local = localNetwork(page.network);
    add(columns, left, local.box);
    add(view, main.head, columns);
    return { node: view, after: [local.draw].concat(main.after), title: page.label };
  }

  function renderMissing(id) {
    var view = el("article", "kg-page kg-missing");
    add(view, el("h1", null, "没有这个页面"));
    if (inlineData && inlineData.pagesOmitted) {
      add(view, el("p", null, "这个文件只含总览：图谱有 " + inlineData.nodeCount + " 个节点，页面太多，不能全部放进一个文件。"),
          el("p", null, "在命令行运行下面的命令，然后在浏览器打开它显示的地址，即可查找并浏览每个节点："),
          el("pre", "kg-command", "kg serve " + (config.outDir || "OUT")));
    } else {
      add(view, el("p", null, "图谱中没有这个节点：" + id));
    }
    return { node: view, after: [], title: "没有这个页面" };
  }

  function renderOverview(data) {
    var view = el("article", "kg-page kg-overview");
    var head = el("header", "kg-page-head");
    add(head, el("h1", null, data.title || config.title));
    var counts = data.counts || {};
    var countText = Object.keys(counts).filter(function (t) { return counts[t]; }).map(function (t) {
      return typeName(t) + " " + counts[t].toLocaleString("zh-CN");
    });
    add(head, facts([["节点", countText.join(" · ")], ["关系", (data.edgeCount || 0).toLocaleString("zh-CN") + " 条"],
                     ["日期", span(data.dateRange[0], data.dateRange[1])]]));
    if (inlineData && inlineData.pagesOmitted) {
      var note = el("div", "kg-notice");
      add(note, el("strong", null, "这是大图谱的总览文件。"),
          " 查找任何人物、会议或提法并打开它们的页面，请运行 ", el("code", null, "kg serve " + (config.outDir || "OUT")),
          " 并打开它显示的地址。");
      add(head, note);
    }
    add(view, head);
    var columns = el("div", "kg-columns kg-columns-overview");
    var drawing = el("section", "kg-section kg-overview-network");
    var nodes = data.network.nodes;
    add(drawing, add(el("h2", null, "同场网络：最常同场的 " + nodes.length + " 位官员"),
                     el("span", "kg-count", "共 " + (data.officialsInNetwork || 0) + " 位有同场记录")));
    var holder = networkBox("kg-overview-canvas");
    holder.setAttribute("aria-label", "同场网络：" + nodes.length + " 位官员");
    add(drawing, holder, el("p", "kg-hint", nodes.length ? "颜色是社群（常在一起开会的人），连线越粗同场越多；点击姓名打开人物页。"
      : "还没有同场记录：报道写到两位以上官员出席同一会议后，这里画出他们的网络。"));
    var side = el("aside", "kg-side kg-communities");
    add(side, el("h2", null, "社群"));
    var ul = el("ul", "kg-list");
    (data.communities || []).forEach(function (c) {
      var li = el("li");
      var dot = el("span", "kg-dot");
      dot.style.background = styles.communityColors[c.slot] || styles.smallCommunityColor;
      add(li, dot, el("span", "kg-note", c.size + " 人："));
      c.leaders.forEach(function (p, i) { if (i) { add(li, "、"); } add(li, link({ id: p.id, label: p.label, type: "Official" })); });
      add(ul, li);
    });
    add(side, ul);
    add(columns, drawing, side);
    add(view, columns);
    var lists = el("div", "kg-grid");
    function listSection(title, items, note) {
      var s = section(title);
      add(s, items && items.length ? refList(items, note) : el("p", "kg-empty", "无"));
      add(lists, s);
    }
    listSection("会议最多的官员", (data.topOfficials || []).map(function (o) { o.type = "Official"; return o; }),
                function (o) { return o.meetings + " 场，主持 " + o.chaired; });
    listSection("最常提及的口号提法", (data.topSlogans || []).map(function (o) { o.type = "Slogan"; return o; }),
                function (o) { return o.weight + " 场 · 首见 " + (o.day || "?"); });
    listSection("最近的会议活动", (data.recentMeetings || []).map(function (o) { o.type = "Meeting"; return o; }),
                function (o) { return o.day + (o.chairs.length ? " · " + o.chairs.join("、") : ""); });
    listSection("最活跃的机构", (data.topBodies || []).map(function (o) { o.type = "Body"; return o; }),
                function (o) { return o.weight + ""; });
    add(view, lists);
    var after = [function () {
      drawNetwork(holder, {
        nodes: nodes.map(function (n) {
          return { id: n.id, label: n.label, full: n.label, type: "Official", x: n.x, y: n.y,
                   color: styles.communityColors[n.community] || styles.smallCommunityColor, shape: "dot",
                   size: n.size, font: n.font,
                   note: n.meetings + " 场会议活动 · 同场 " + n.strength + " 次" };
        }),
        edges: data.network.edges.map(function (e) { return { from: e.from, to: e.to, rel: "coattended", weight: e.weight }; })
      }, { opacity: 0.4 });
    }];
    if (data.monthly && data.monthly.length) {
      var chartSection = section("每月会议活动");
      var chartBox = el("div", "kg-chart");
      add(chartSection, chartBox);
      add(view, chartSection);
      after.push(function () {
        barChart(chartBox, data.monthly.map(function (m) { return m.month; }), [
          { label: "会议活动", data: data.monthly.map(function (m) { return m.count; }), backgroundColor: "#f28e2b" }
        ], { label: "每月会议活动数", ticks: 12 });
      });
    }
    return { node: view, after: after, title: data.title || config.title };
  }

  // ------------------------------------------------------------------ routing

  function clearView() {
    state.networks.forEach(function (n) { n.destroy(); });
    state.charts.forEach(function (c) { c.destroy(); });
    state.networks = [];
    state.charts = [];
    tooltip.hidden = true;
  }

  function show(rendered, viewId) {
    clearView();
    viewRoot.textContent = "";
    add(viewRoot, rendered.node);
    document.title = rendered.title + " · " + config.title;
    rendered.after.forEach(function (f) { f(); });
    window.scrollTo(0, 0);
    state.view = viewId;
    var finish = function () {
      state.timings[viewId] = performance.now();
      document.body.setAttribute("data-view", viewId);
      document.body.setAttribute("data-ready", "true");
    };
    if (state.networks.length) {
      state.networks[0].once("afterDrawing", finish);
      state.networks[0].redraw();
    } else {
      finish();
    }
  }

  function route() {
    // a focused page (kg html --focus) opens on its focus
    var hash = location.hash && location.hash !== "#" ? location.hash : (config.start ? hrefOf(config.start) : "#/");
    document.body.setAttribute("data-ready", "false");
    var match = /^#\/node\/(.+)$/.exec(hash);
    var loading;
    if (match) {
      var id;
      try { id = decodeURIComponent(match[1]); } catch (e) { id = match[1]; }
      loading = source.page(id).then(function (page) {
        show(page ? renderPage(page) : renderMissing(id), id);
      });
    } else {
      loading = source.overview().then(function (data) { show(renderOverview(data), "overview"); });
    }
    loading.catch(function (err) {
      clearView();
      viewRoot.textContent = "";
      add(viewRoot, el("p", "kg-error", "载入失败：" + err.message));
      document.body.setAttribute("data-ready", "true");
      document.body.setAttribute("data-view", "error");
    });
  }

  // ------------------------------------------------------------------ search box

  var input = document.getElementById("kg-search");
  var results = document.getElementById("kg-results");
  var active = -1;
  var current = [];
  var debounce = null;

  function closeResults() {
    results.hidden = true;
    input.setAttribute("aria-expanded", "false");
    active = -1;
  }

  function showResults(query, items) {
    current = items;
    results.textContent = "";
    active = items.length ? 0 : -1;
    if (!items.length) {
      add(results, el("li", "kg-no-result", "没有找到“" + query + "”"));
    }
    items.forEach(function (item, i) {
      var li = el("li", "kg-result");
      li.id = "kg-result-" + i;
      li.setAttribute("role", "option");
      add(li, badge(item.type), el("span", "kg-result-label", item.label));
      var notes = [];
      if (item.kind === "alias") { notes.push("别名 " + item.match); }
      if (item.kind === "post") { notes.push("职务 " + item.match); }
      if (item.hint && item.kind !== "post") { notes.push(item.hint); }
      if (item.type === "Official" || item.type === "Body") { notes.push(item.weight + " 场"); }
      if (notes.length) { add(li, el("span", "kg-note", notes.join(" · "))); }
      li.addEventListener("mousedown", function (event) { event.preventDefault(); open(i); });
      add(results, li);
    });
    highlight();
    results.hidden = false;
    results.setAttribute("data-query", query);
    input.setAttribute("aria-expanded", "true");
    state.timings.search = performance.now();
  }

  function highlight() {
    Array.prototype.forEach.call(results.children, function (li, i) {
      li.classList.toggle("kg-active", i === active);
      li.setAttribute("aria-selected", i === active ? "true" : "false");
    });
    if (active >= 0) { input.setAttribute("aria-activedescendant", "kg-result-" + active); }
  }

  function open(i) {
    var item = current[i];
    if (!item) { return; }
    closeResults();
    input.blur();
    location.hash = hrefOf(item.id);
  }

  function runSearch() {
    var query = input.value.trim();
    if (!query) { closeResults(); return; }
    var seq = ++state.searchSeq;
    source.search(query).then(function (items) {
      if (seq === state.searchSeq) { showResults(query, items || []); }
    }).catch(function (err) {
      if (seq === state.searchSeq) { showResults(query, []); results.firstChild.textContent = "查找失败：" + err.message; }
    });
  }

  input.addEventListener("input", function () {
    clearTimeout(debounce);
    debounce = setTimeout(runSearch, 60);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" && current.length) {
      active = Math.min(active + 1, current.length - 1); highlight(); event.preventDefault();
    } else if (event.key === "ArrowUp" && current.length) {
      active = Math.max(active - 1, 0); highlight(); event.preventDefault();
    } else if (event.key === "Enter") {
      clearTimeout(debounce);
      if (!results.hidden && results.getAttribute("data-query") === input.value.trim() && active >= 0) {
        open(active);
      } else {
        var query = input.value.trim();
        if (query) {
          source.search(query).then(function (items) { if (items && items.length) { current = items; open(0); } });
        }
      }
      event.preventDefault();
    } else if (event.key === "Escape") {
      closeResults();
    }
  });
  input.addEventListener("blur", function () { setTimeout(closeResults, 150); });
  input.addEventListener("focus", function () { if (current.length && input.value.trim()) { results.hidden = false; } });

  if (inlineData && !inlineData.search) {
    input.disabled = true;
    input.placeholder = "查找需要 kg serve（见总览）";
  }
  document.getElementById("kg-status").textContent = inlineData ? (inlineData.pagesOmitted ? "离线总览" : "离线")
    : "kg serve";

  window.kgExplorer = {
    state: state, source: source, config: config, route: route,
    search: function (q) { return source.search(q); }
  };
  window.addEventListener("hashchange", route);
  route();
})();
