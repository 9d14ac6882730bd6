/* govkg graph explorer. Reads the JSON in #kg-data and draws it with vis-network.
 * Text from articles is data, never markup: everything is written with textContent,
 * canvas labels and vis-network's plain-text tooltips; nothing goes through innerHTML. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var N = DATA.nodes, E = DATA.edges, CLS = DATA.classes, SENT = DATA.sentences, ART = DATA.articles;
  var big = !DATA.physics;
  var FONT = getComputedStyle(document.documentElement).getPropertyValue("--kg-font").trim() || "sans-serif";
  var $ = function (id) { return document.getElementById(id); };
  var state = { drawn: false, draws: 0, selected: null, hiddenClasses: {}, visible: N.length, lastSearch: null,
                stabilized: !DATA.physics };

  var adj = N.map(function () { return []; });
  E.forEach(function (e, i) { adj[e[0]].push(i); if (e[1] !== e[0]) adj[e[1]].push(i); });

  function shade(hex, f) {
    var n = parseInt(hex.slice(1), 16), r = n >> 16, g = (n >> 8) & 255, b = n & 255;
    var m = function (v) { return Math.max(0, Math.min(255, Math.round(v * f))); };
    return "rgb(" + m(r) + "," + m(g) + "," + m(b) + ")";
  }

  function tooltip(n) {
    var c = CLS[n.c], lines = [n.l, c.zh + (n.k && n.k !== c.zh ? " · " + n.k : "") + (n.t ? " · " + n.t : "")];
    if (n.a.length) lines.push("又名 " + n.a.slice(0, 5).join("、"));
    return lines.join("\n");
  }

  var nodeItems = N.map(function (n, i) {
    var c = CLS[n.c];
    var item = {
      id: i, label: n.l, value: n.m, shape: c.shape, title: tooltip(n),
      color: { background: c.color, border: shade(c.color, 0.7),
               highlight: { background: shade(c.color, 1.15), border: "#000" },
               hover: { background: shade(c.color, 1.15), border: "#000" } }
    };
    if (n.x !== undefined) { item.x = n.x; item.y = n.y; }
    return item;
  });
  var edgeItems = E.map(function (e, i) {
    return { id: i, from: e[0], to: e[1], label: e[2],
             title: N[e[0]].l + " → " + e[2] + " → " + N[e[1]].l + (e[4].length ? "\n" + e[4].join("、") : "") };
  });
  var nodes = new vis.DataSet(nodeItems);
  var edges = new vis.DataSet(edgeItems);
  var hidden = N.map(function () { return false; });

  var options = {
    autoResize: true,
    layout: { randomSeed: 1, improvedLayout: false },
    nodes: {
      borderWidth: 1,
      font: { face: FONT, size: 14, color: "#222", strokeWidth: 3, strokeColor: "#fff" },
      scaling: { min: 8, max: 36, label: { enabled: true, min: 12, max: 26, drawThreshold: 6, maxVisible: 28 } }
    },
    edges: {
      width: 1,
      arrows: { to: { enabled: true, scaleFactor: 0.5 } },
      color: { color: "#b5b5b5", highlight: "#333", hover: "#666" },
      font: { face: FONT, size: 11, color: "#555", strokeWidth: 3, strokeColor: "#fff", align: "middle" },
      smooth: big ? false : { type: "continuous", roundness: 0.3 }
    },
    physics: DATA.physics ? {
      solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -60, springLength: 90, avoidOverlap: 0.3 },
      stabilization: { enabled: true, iterations: 200, updateInterval: 50, fit: true }
    } : false,
    interaction: { hover: !big, tooltipDelay: 250, hideEdgesOnDrag: big, hideEdgesOnZoom: big, navigationButtons: false }
  };

  var hasFocus = DATA.focus !== null && DATA.focus !== undefined;
  var network = new vis.Network($("kg-network"), { nodes: nodes, edges: edges }, options);
  if (DATA.physics) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: false });
      state.stabilized = true;
      if (hasFocus) select(DATA.focus);
    });
  }
  network.on("afterDrawing", function () {
    state.draws += 1;
    if (state.drawn) return;
    state.drawn = true;
    state.drawnAt = Math.round(performance.now());
    document.body.setAttribute("data-drawn", "1");
    if (hasFocus && !DATA.physics) select(DATA.focus);
  });
  network.on("click", function (p) {
    if (p.nodes.length) showPanel(p.nodes[0]);
    else if (!p.edges.length) hidePanel();
  });

  // ---- legend and filters ---------------------------------------------------------------------
  var SVG = "http://www.w3.org/2000/svg";
  function shapeIcon(shape, color) {
    var svg = document.createElementNS(SVG, "svg"), el;
    svg.setAttribute("width", "16"); svg.setAttribute("height", "16"); svg.setAttribute("viewBox", "0 0 16 16");
    var poly = {
      square: "2,2 14,2 14,14 2,14", diamond: "8,1 15,8 8,15 1,8", triangle: "8,1 15,14 1,14",
      triangleDown: "1,2 15,2 8,15", hexagon: "4,1.5 12,1.5 15.5,8 12,14.5 4,14.5 0.5,8",
      star: "8,0.5 10,6 15.5,6 11,9.5 12.8,15 8,11.7 3.2,15 5,9.5 0.5,6 6,6"
    }[shape];
    if (poly) { el = document.createElementNS(SVG, "polygon"); el.setAttribute("points", poly); }
    else { el = document.createElementNS(SVG, "circle"); el.setAttribute("cx", "8"); el.setAttribute("cy", "8"); el.setAttribute("r", "6.5"); }
    el.setAttribute("fill", color); el.setAttribute("stroke", shade(color, 0.7));
    svg.appendChild(el);
    return svg;
  }
  CLS.forEach(function (c, ci) {
    var li = document.createElement("li");
    li.setAttribute("data-class", c.id);
    li.title = c.id;
    li.appendChild(shapeIcon(c.shape, c.color));
    var name = document.createElement("span"); name.textContent = c.zh; li.appendChild(name);
    var count = document.createElement("span"); count.className = "kg-count"; count.textContent = String(c.count);
    li.appendChild(count);
    li.addEventListener("click", function () { setClassVisible(c.id, !!state.hiddenClasses[ci]); });
    $("kg-legend-list").appendChild(li);
  });

  function inRange(d, from, to) { return (!from || d >= from) && (!to || d <= to); }
  function applyFilters() {
    var from = $("kg-from").value, to = $("kg-to").value, pass = new Array(N.length), i;
    for (i = 0; i < N.length; i++) {
      var n = N[i];
      if (state.hiddenClasses[n.c]) pass[i] = false;
      else if (!from && !to) pass[i] = true;
      else if (n.d.length) pass[i] = n.d.some(function (d) { return inRange(d, from, to); });
      else pass[i] = null;  // undated: shown when a neighbour is
    }
    var changes = [], shown = 0;
    for (i = 0; i < N.length; i++) {
      var ok = pass[i];
      if (ok === null) {
        ok = adj[i].some(function (ei) { var e = E[ei], o = e[0] === i ? e[1] : e[0]; return pass[o] === true; });
      }
      if (ok) shown++;
      if (hidden[i] === ok) { hidden[i] = !ok; changes.push({ id: i, hidden: !ok }); }
    }
    if (changes.length) nodes.update(changes);
    state.visible = shown;
    Array.prototype.forEach.call($("kg-legend-list").children, function (li, ci) {
      li.classList.toggle("kg-off", !!state.hiddenClasses[ci]);
    });
    status();
    return shown;
  }
  function setClassVisible(id, on) {
    CLS.forEach(function (c, ci) { if (c.id === id) state.hiddenClasses[ci] = !on; });
    return applyFilters();
  }
  function setDates(from, to) {
    $("kg-from").value = from || ""; $("kg-to").value = to || "";
    return applyFilters();
  }
  if (DATA.dates) {
    ["kg-from", "kg-to"].forEach(function (id) { $(id).min = DATA.dates[0]; $(id).max = DATA.dates[1]; });
  }
  $("kg-from").addEventListener("change", applyFilters);
  $("kg-to").addEventListener("change", applyFilters);
  $("kg-reset").addEventListener("click", function () {
    state.hiddenClasses = {}; setDates("", "");
    $("kg-search").value = ""; $("kg-results").hidden = true;
    hidePanel(); network.fit();
  });
  function status() {
    $("kg-status").textContent = "显示 " + state.visible + " / " + N.length + " 个节点 · " + E.length + " 条关系";
  }
  status();

  // ---- search ---------------------------------------------------------------------------------
  function norm(s) { return String(s || "").normalize("NFKC").toLowerCase().replace(/\s+/g, ""); }
  var names = N.map(function (n) { return [norm(n.l)].concat(n.a.map(norm)); });
  function find(query) {
    var q = norm(query), exact = [], alt = [], part = [];
    if (!q) return [];
    names.forEach(function (ns, i) {
      if (ns[0] === q) exact.push(i);
      else if (ns.indexOf(q, 1) > 0) alt.push(i);
      else if (ns.some(function (s) { return s.indexOf(q) >= 0; })) part.push(i);
    });
    var byMentions = function (a, b) { return N[b].m - N[a].m || a - b; };
    return exact.sort(byMentions).concat(alt.sort(byMentions), part.sort(byMentions));
  }
  function showResults(ids) {
    var ul = $("kg-results");
    ul.textContent = "";
    ids.slice(0, 30).forEach(function (i) {
      var li = document.createElement("li");
      li.textContent = N[i].l;
      var sub = document.createElement("span"); sub.className = "kg-sub";
      sub.textContent = CLS[N[i].c].zh + (hidden[i] ? " · 已隐藏" : "");
      li.appendChild(sub);
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); select(i); ul.hidden = true; });
      ul.appendChild(li);
    });
    ul.hidden = ids.length === 0;
  }
  function search(query) {
    var ids = find(query);
    state.lastSearch = { query: String(query), results: ids.slice(0, 30) };
    if (ids.length) select(ids[0]);
    return ids;
  }
  var timer = null;
  $("kg-search").addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { showResults(find($("kg-search").value)); }, 120);
  });
  $("kg-search").addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { search($("kg-search").value); $("kg-results").hidden = true; }
    if (ev.key === "Escape") $("kg-results").hidden = true;
  });
  $("kg-search").addEventListener("blur", function () { $("kg-results").hidden = true; });

  function select(i) {
    if (hidden[i]) { hidden[i] = false; nodes.update({ id: i, hidden: false }); }
    var wasHidden = $("kg-panel").hidden;
    showPanel(i);
    if (wasHidden) network.setSize("100%", "100%");  // the panel took room: measure the canvas again
    network.selectNodes([i]);
    network.focus(i, { scale: Math.max(network.getScale(), 1.2), animation: big ? false : { duration: 400 } });
    return i;
  }

  // ---- side panel -----------------------------------------------------------------------------
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function link(i) {
    var a = el("span", N[i].l, "kg-link");
    a.setAttribute("role", "link"); a.tabIndex = 0;
    a.addEventListener("click", function () { select(i); });
    a.addEventListener("keydown", function (ev) { if (ev.key === "Enter") select(i); });
    return a;
  }
  function section(body, title, items) {
    if (!items.length) return;
    body.appendChild(el("h3", title));
    var ul = el("ul");
    items.forEach(function (li) { ul.appendChild(li); });
    body.appendChild(ul);
  }
  function dateSpan(ds) { return el("span", ds && ds.length ? (typeof ds === "string" ? ds : ds.join("、")) : "", "kg-date"); }

  function showPanel(i) {
    var n = N[i], c = CLS[n.c], body = $("kg-panel-body");
    state.selected = i;
    body.textContent = "";
    body.setAttribute("data-node", String(i));
    body.appendChild(el("h2", n.l, "kg-name"));
    var pill = el("span", c.zh + (n.k && n.k !== c.zh ? " · " + n.k : ""), "kg-class");
    pill.style.background = c.color;
    body.appendChild(pill);
    if (n.t) body.appendChild(dateSpan(n.t));
    body.appendChild(el("div", "提及 " + n.m + " 次", "kg-date"));
    section(body, "其他名称", n.a.map(function (a) { return el("li", a); }));

    var posts = [], events = [], rels = [];
    adj[i].forEach(function (ei) {
      var e = E[ei], out = e[0] === i, o = out ? e[1] : e[0], li = el("li");
      if (e[3] === "holds") {
        if (out) { li.appendChild(el("span", e[2] + " · ")); li.appendChild(link(o)); }
        else { li.appendChild(link(o)); li.appendChild(el("span", " · " + e[2])); }
        li.appendChild(dateSpan(e[4]));
        posts.push(li);
      } else if (CLS[N[o].c].id === "Event" && CLS[n.c].id !== "Event") {
        li.appendChild(link(o));
        li.appendChild(el("span", " (" + e[2] + ")"));
        li.appendChild(dateSpan(N[o].t));
        events.push([N[o].t || "", li]);
      } else {
        if (out) { li.appendChild(el("span", e[2] + " → ")); li.appendChild(link(o)); }
        else { li.appendChild(link(o)); li.appendChild(el("span", " → " + e[2])); }
        rels.push(li);
      }
    });
    events.sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0; });
    section(body, "职务", posts);
    section(body, "活动", events.map(function (x) { return x[1]; }));
    section(body, "关系", rels);
    section(body, "属性", n.f.map(function (f) { return el("li", f[0] + ":" + f[1]); }));

    if (n.e.length) {
      body.appendChild(el("h3", "依据 (" + n.e.length + ")"));
      var lastArticle = -1, quotes = null;
      n.e.slice(0, 60).forEach(function (si) {
        var s = SENT[si], a = ART[s[0]];
        if (s[0] !== lastArticle) {
          lastArticle = s[0];
          quotes = el("div", null, "kg-evidence");
          quotes.appendChild(el("span", a[0], "kg-headline"));
          quotes.appendChild(dateSpan(a[1]));
          body.appendChild(quotes);
        }
        quotes.appendChild(el("blockquote", s[1]));
      });
      if (n.e.length > 60) body.appendChild(el("p", "……另有 " + (n.e.length - 60) + " 条", "kg-date"));
    }
    body.appendChild(el("div", n.i, "kg-iri"));
    $("kg-panel").hidden = false;
  }
  function hidePanel() { $("kg-panel").hidden = true; state.selected = null; network.unselectAll(); }
  $("kg-close").addEventListener("click", hidePanel);

  window.kgViz = {
    network: network, nodes: nodes, edges: edges, data: DATA, state: state,
    find: find, search: search, select: select, showPanel: showPanel,
    applyFilters: applyFilters, setClassVisible: setClassVisible, setDates: setDates
  };
})();
