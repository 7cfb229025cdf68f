/* kg explorer: draws the graph with vis-network, adds search, filters, legend, tooltips and details.
 * Graph text only ever reaches the DOM through textContent / createTextNode, never as HTML.
 * window.kgExplorer exposes the data sets and state for tests and for the console. */
(function () {
  "use strict";

  var timings = { start: performance.now() };
  var payload = JSON.parse(document.getElementById("kg-data").textContent);
  timings.parsed = performance.now();
  var SVG = "http://www.w3.org/2000/svg";
  var state = { hiddenTypes: {}, since: "", until: "", ready: false };
  var byId = {};
  payload.nodes.forEach(function (node) { byId[node.id] = node; });
  var edgeById = {};
  payload.edges.forEach(function (edge) { edgeById[edge.id] = edge; });

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  // ---------------------------------------------------------------- network

  function visEdge(edge) {
    var style = payload.edgeStyles[edge.rel] || { color: "#aaaaaa", width: 1, dashes: false };
    return {
      id: edge.id, from: edge.from, to: edge.to, width: style.width, dashes: style.dashes,
      color: { color: style.color, highlight: "#111111", hover: "#111111", opacity: payload.edgeOpacity }
    };
  }

  function visNode(node) {
    var visible = { id: node.id, label: node.label, group: node.group, size: node.size, font: { size: node.font } };
    if (node.x !== undefined) { visible.x = node.x; visible.y = node.y; }
    return visible;
  }

  var nodes = new vis.DataSet(payload.nodes.map(visNode));
  var edges = new vis.DataSet(payload.edges.map(visEdge));
  var container = document.getElementById("kg-network");
  timings.datasets = performance.now();
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, payload.options);
  timings.network = performance.now();
  var loading = document.getElementById("kg-loading");
  var loadingBar = document.querySelector("#kg-loading-bar > div");
  var loadingText = document.getElementById("kg-loading-text");

  function markReady() {
    if (state.ready) { return; }
    network.setOptions({ physics: { enabled: false } });
    state.ready = true;
    timings.ready = performance.now();
    loading.hidden = true;
    document.body.setAttribute("data-ready", "true");
  }

  network.on("stabilizationProgress", function (params) {
    var share = params.total ? params.iterations / params.total : 1;
    loadingBar.style.width = Math.round(share * 100) + "%";
    loadingText.textContent = "布局计算中… " + Math.round(share * 100) + "%";
  });
  network.once("stabilizationIterationsDone", markReady);
  network.once("stabilized", markReady);
  if (!payload.options.physics || !payload.options.physics.enabled || payload.nodes.length === 0) {
    network.once("afterDrawing", markReady);
  }

  // ---------------------------------------------------------------- details and tooltips

  function appendValue(target, row) {
    if (row.evidence) {
      var list = el("ol", "kg-evidence");
      row.v.forEach(function (item) {
        var entry = el("li");
        entry.appendChild(el("q", null, item.sentence));
        var where = [item.date, item.article].filter(Boolean).join(" · ");
        if (where) { entry.appendChild(el("div", "kg-source", where)); }
        list.appendChild(entry);
      });
      target.appendChild(list);
    } else if (Array.isArray(row.v)) {
      var items = el("ul");
      row.v.forEach(function (value) { items.appendChild(el("li", null, value)); });
      target.appendChild(items);
    } else {
      target.appendChild(document.createTextNode(String(row.v)));
    }
  }

  function detailList(rows, limit) {
    var list = el("dl");
    rows.slice(0, limit || rows.length).forEach(function (row) {
      list.appendChild(el("dt", null, row.k));
      var value = el("dd");
      appendValue(value, limit ? shorten(row) : row);
      list.appendChild(value);
    });
    return list;
  }

  function shorten(row) {
    // tooltips stay small: first items of lists, first evidence sentence
    if (!Array.isArray(row.v) || row.v.length <= 3) { return row; }
    var more = row.evidence ? [] : ["…"];
    return { k: row.k, v: row.v.slice(0, row.evidence ? 1 : 3).concat(more), evidence: row.evidence };
  }

  function itemOf(kind, id) { return kind === "node" ? byId[id] : edgeById[id]; }

  function headingOf(kind, item) {
    if (kind === "node") { return item.full; }
    return (byId[item.from] ? byId[item.from].full : item.from) + " → " + (byId[item.to] ? byId[item.to].full : item.to);
  }

  var details = document.getElementById("kg-details");
  function showDetails(kind, id) {
    var item = itemOf(kind, id);
    if (!item) { return; }
    details.replaceChildren(el("h2", null, headingOf(kind, item)), detailList(item.details));
  }

  var tooltip = document.getElementById("kg-tooltip");
  function showTooltip(kind, id, pointer) {
    var item = itemOf(kind, id);
    if (!item || !pointer) { return; }
    tooltip.replaceChildren(el("strong", null, headingOf(kind, item)), detailList(item.details.filter(function (row) {
      return row.k !== "IRI" && row.k !== "名称";
    }), 6));
    tooltip.hidden = false;
    var box = container.getBoundingClientRect();
    var left = Math.min(pointer.x + 14, box.width - tooltip.offsetWidth - 4);
    var top = Math.min(pointer.y + 14, box.height - tooltip.offsetHeight - 4);
    tooltip.style.left = Math.max(0, left) + "px";
    tooltip.style.top = Math.max(0, top) + "px";
  }
  function hideTooltip() { tooltip.hidden = true; }

  network.on("hoverNode", function (params) { showTooltip("node", params.node, params.pointer.DOM); });
  network.on("hoverEdge", function (params) { showTooltip("edge", params.edge, params.pointer.DOM); });
  network.on("blurNode", hideTooltip);
  network.on("blurEdge", hideTooltip);
  network.on("dragStart", hideTooltip);
  network.on("zoom", hideTooltip);
  network.on("click", function (params) {
    if (params.nodes.length) { showDetails("node", params.nodes[0]); } else if (params.edges.length) {
      showDetails("edge", params.edges[0]);
    }
  });

  // ---------------------------------------------------------------- filters (same rules as kg.export.html.within_dates)

  function inWindow(day) {
    return Boolean(day) && (!state.since || day >= state.since) && (!state.until || day <= state.until);
  }

  function applyFilters() {
    var windowed = Boolean(state.since || state.until);
    var dropped = {};
    payload.nodes.forEach(function (node) {
      var datedOut = windowed && (node.group === "Meeting" || node.group === "Article") && !inWindow(node.date);
      if (state.hiddenTypes[node.group] || datedOut) { dropped[node.id] = true; }
    });
    var touched = {};
    var edgeUpdates = payload.edges.map(function (edge) {
      var keep = !dropped[edge.from] && !dropped[edge.to] &&
        (!windowed || edge.dates.length === 0 || edge.dates.some(inWindow));
      if (keep) { touched[edge.from] = true; touched[edge.to] = true; }
      return { id: edge.id, hidden: !keep };
    });
    var shown = 0;
    var nodeUpdates = payload.nodes.map(function (node) {
      var dated = node.group === "Meeting" || node.group === "Article";
      var keep = !dropped[node.id] && (!windowed || dated || touched[node.id]);
      if (keep) { shown += 1; }
      return { id: node.id, hidden: !keep };
    });
    nodes.update(nodeUpdates);
    edges.update(edgeUpdates);
    var shownEdges = edgeUpdates.filter(function (e) { return !e.hidden; }).length;
    setStatus(shown, shownEdges);
  }

  function setStatus(shownNodes, shownEdges) {
    var text = shownNodes + " / " + payload.nodes.length + " 个节点 · " + shownEdges + " / " + payload.edges.length + " 条边";
    if (shownNodes === payload.nodes.length && shownEdges === payload.edges.length) {
      text = payload.nodes.length + " 个节点 · " + payload.edges.length + " 条边";
    }
    document.getElementById("kg-status").textContent = text;
  }

  var since = document.getElementById("kg-since");
  var until = document.getElementById("kg-until");
  if (payload.dateRange[0]) {
    [since, until].forEach(function (input) {
      input.min = payload.dateRange[0];
      input.max = payload.dateRange[1];
    });
  }
  since.addEventListener("change", function () { state.since = since.value; applyFilters(); });
  until.addEventListener("change", function () { state.until = until.value; applyFilters(); });

  // ---------------------------------------------------------------- legend (doubles as the type filter)

  function shapeIcon(shape, fill, stroke) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 20 20");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    var points = {
      diamond: "10,1 19,10 10,19 1,10",
      triangle: "10,2 19,18 1,18",
      triangleDown: "1,2 19,2 10,18",
      star: "10,1 12.6,7 19,7.3 14,11.4 15.6,18 10,14.4 4.4,18 6,11.4 1,7.3 7.4,7",
      hexagon: "10,1 18,5.5 18,14.5 10,19 2,14.5 2,5.5"
    }[shape];
    var mark;
    if (points) {
      mark = document.createElementNS(SVG, "polygon");
      mark.setAttribute("points", points);
    } else if (shape === "square") {
      mark = document.createElementNS(SVG, "rect");
      ["x", "y"].forEach(function (a) { mark.setAttribute(a, "2"); });
      ["width", "height"].forEach(function (a) { mark.setAttribute(a, "16"); });
    } else {
      mark = document.createElementNS(SVG, "circle");
      mark.setAttribute("cx", "10");
      mark.setAttribute("cy", "10");
      mark.setAttribute("r", "8");
    }
    mark.setAttribute("fill", fill);
    mark.setAttribute("stroke", stroke);
    svg.appendChild(mark);
    return svg;
  }

  function lineIcon(style) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 36 10");
    svg.setAttribute("width", "36");
    svg.setAttribute("height", "10");
    var line = document.createElementNS(SVG, "line");
    [["x1", "1"], ["y1", "5"], ["x2", "35"], ["y2", "5"], ["stroke", style.color],
      ["stroke-width", String(Math.max(1, style.width))]].forEach(function (pair) { line.setAttribute(pair[0], pair[1]); });
    if (style.dashes) { line.setAttribute("stroke-dasharray", Array.isArray(style.dashes) ? style.dashes.join(" ") : "6 4"); }
    svg.appendChild(line);
    return svg;
  }

  var typeList = document.getElementById("kg-legend-types");
  payload.legend.types.forEach(function (entry) {
    var item = el("li");
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.setAttribute("data-type", entry.type);
    box.addEventListener("change", function () {
      state.hiddenTypes[entry.type] = !box.checked;
      applyFilters();
    });
    label.append(box, shapeIcon(entry.shape, entry.color, entry.border), el("span", null, entry.name + " " + entry.type),
      el("span", "kg-count", entry.count));
    item.appendChild(label);
    typeList.appendChild(item);
  });
  var relationList = document.getElementById("kg-legend-relations");
  payload.legend.relations.forEach(function (entry) {
    var item = el("li");
    item.append(lineIcon(entry), el("span", null, entry.name + " " + entry.rel), el("span", "kg-count", entry.count));
    relationList.appendChild(item);
  });

  // ---------------------------------------------------------------- search

  function focusNode(id) {
    if (!byId[id]) { return false; }
    if (nodes.get(id).hidden) {
      // a search result hidden by a filter is shown again rather than silently ignored
      state.hiddenTypes[byId[id].group] = false;
      var box = document.querySelector('input[data-type="' + CSS.escape(byId[id].group) + '"]');
      if (box) { box.checked = true; }
      applyFilters();
      nodes.update({ id: id, hidden: false });
    }
    network.selectNodes([id]);
    network.focus(id, { scale: 1.3, animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    showDetails("node", id);
    return true;
  }

  var searchOptions = payload.nodes.map(function (node) {
    return { value: node.id, text: node.full, aliases: node.aliases, type: node.group };
  });
  // people and meetings first when names tie: a search for a name should land on the person, not an article
  var TYPE_BONUS = { Official: 0.5, Meeting: 0.4, Body: 0.3, Post: 0.2, Reporter: 0.15 };

  function matchScore(query) {
    var needle = query.trim().toLowerCase();
    return function (item) {
      if (!needle) { return 1; }
      var text = item.text.toLowerCase();
      var aliases = item.aliases.map(function (alias) { return alias.toLowerCase(); });
      var base = 0;
      if (text === needle || aliases.indexOf(needle) >= 0) { base = 4; } else if (text.indexOf(needle) === 0) {
        base = 3;
      } else if (text.indexOf(needle) > 0) { base = 2; } else if (aliases.some(function (a) { return a.indexOf(needle) >= 0; })) {
        base = 1;
      }
      return base && base + (TYPE_BONUS[item.type] || 0.1);
    };
  }
  var search = new TomSelect("#kg-search", {
    options: searchOptions,
    valueField: "value",
    labelField: "text",
    searchField: ["text"],
    score: matchScore,
    sortField: [{ field: "$score", direction: "desc" }, { field: "text", direction: "asc" }],
    maxOptions: 50,
    create: false,
    render: {
      // built as DOM nodes: graph text never goes through innerHTML
      option: function (data) {
        var row = el("div", "kg-option");
        row.append(el("span", null, data.text), el("span", "kg-option-type", data.type));
        return row;
      },
      item: function (data) { return el("div", null, data.text); },
      no_results: function () { return el("div", "no-results", "无匹配"); }
    },
    onChange: function (value) { if (value) { focusNode(value); } }
  });

  document.getElementById("kg-reset").addEventListener("click", function () {
    state.hiddenTypes = {};
    state.since = since.value = "";
    state.until = until.value = "";
    document.querySelectorAll("#kg-legend-types input").forEach(function (box) { box.checked = true; });
    search.clear(true);
    network.unselectAll();
    applyFilters();
    network.fit();
  });

  timings.controls = performance.now();
  window.kgExplorer = {
    timings: timings,
    network: network,
    nodes: nodes,
    edges: edges,
    state: state,
    search: search,
    focusNode: focusNode,
    showDetails: showDetails,
    showTooltip: showTooltip,
    applyFilters: applyFilters,
    visibleCounts: function () {
      return {
        nodes: nodes.get({ filter: function (n) { return !n.hidden; } }).length,
        edges: edges.get({ filter: function (e) { return !e.hidden; } }).length
      };
    }
  };
}());
