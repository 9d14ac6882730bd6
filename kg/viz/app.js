/* govkg graph explorer. Reads the JSON in #kg-data and draws part of it with vis-network.
 * The page holds the whole graph but draws a bounded view: first the most mentioned officials and
 * bodies joined by their posts and events, then what the reader opens (a click adds a node's
 * neighbours, an article adds what it mentions, a search adds the name, dates add the events of
 * the period with their people). Entities linked to nothing but an article are reached through it.
 * Text from articles is data, never markup: everything is written with textContent, canvas labels
 * and vis-network's plain-text tooltips; nothing goes through innerHTML. Career timelines (SVG made
 * by kg.career_plot) are parsed as XML and only drawing elements are kept. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var N = DATA.nodes, E = DATA.edges, CLS = DATA.classes, SENT = DATA.sentences, ART = DATA.articles;
  var START = DATA.start || { size: 36, expand: 15 };
  var TL = DATA.timelines || {};
  var FONT = getComputedStyle(document.documentElement).getPropertyValue("--kg-font").trim() || "sans-serif";
  var $ = function (id) { return document.getElementById(id); };
  var state = { drawn: false, draws: 0, selected: null, hiddenClasses: {}, visible: 0, visibleEdges: 0,
                lastSearch: null, stabilized: false, shown: 0 };

  var cls = N.map(function (n) { return CLS[n.c].id; });
  var adj = N.map(function () { return []; });
  E.forEach(function (e, i) { adj[e[0]].push(i); if (e[1] !== e[0]) adj[e[1]].push(i); });
  var artNodes = ART.map(function () { return []; });  // article -> the entities it mentions
  N.forEach(function (n, i) { n.r.forEach(function (k) { artNodes[k].push(i); }); });
  function other(ei, i) { var e = E[ei]; return e[0] === i ? e[1] : e[0]; }
  function byMentions(a, b) { return N[b].m - N[a].m || adj[b].length - adj[a].length || a - b; }
  var CONNECT = { Official: 1, Person: 1, Agency: 1, Organization: 1, Event: 1 };  // what joins officials and bodies
  var RANK = { Official: 0, Agency: 1, Person: 2, Event: 3, Organization: 4, Company: 5, Project: 6, Place: 7, Journalist: 8 };
  function byClassThenMentions(a, b) { return (RANK[cls[a]] || 9) - (RANK[cls[b]] || 9) || byMentions(a, b); }

  function shade(hex, f) {
    var n = parseInt(hex.slice(1), 16), r = n >> 16, g = (n >> 8) & 255, b = n & 255;
    var m = function (v) { return Math.max(0, Math.min(255, Math.round(v * f))); };
    return "rgb(" + m(r) + "," + m(g) + "," + m(b) + ")";
  }
  function tooltip(n) {
    var c = CLS[n.c], lines = [n.l, c.zh + (n.k && n.k !== c.zh ? " · " + n.k : "") + (n.t ? " · " + n.t : "")];
    if (n.a.length) lines.push("又名 " + n.a.slice(0, 5).join("、"));
    lines.push("提及 " + n.m + " 次 · 点击展开");
    return lines.join("\n");
  }
  function artLabel(k) { var a = ART[k]; return a[0] || ("文章 " + (a[1] || "")); }

  // ---- what is drawn ---------------------------------------------------------------------------
  var nodes = new vis.DataSet([]), edges = new vis.DataSet([]);
  var shown = {}, artShown = {}, edgeShown = {}, forced = {};  // node / article / edge ids in the view
  var pass = N.map(function () { return true; });  // the class and date filters

  function nodeItem(i) {
    var n = N[i], c = CLS[n.c];
    return { id: i, label: n.l, value: n.m, shape: c.shape, title: tooltip(n),
             color: { background: c.color, border: shade(c.color, 0.7),
                      highlight: { background: shade(c.color, 1.15), border: "#000" },
                      hover: { background: shade(c.color, 1.15), border: "#000" } } };
  }
  function around(near, k, count) {
    if (near === undefined || near === null) return null;
    var p = network.getPositions([near])[near];
    if (!p) return null;
    var a = 2 * Math.PI * (k + 0.5) / Math.max(count, 1), r = 140 + 12 * Math.sqrt(count);
    return { x: p.x + r * Math.cos(a), y: p.y + r * Math.sin(a) };
  }
  function addEdge(ei) {
    if (edgeShown[ei]) return;
    var e = E[ei];
    edgeShown[ei] = true;
    edges.add({ id: ei, from: e[0], to: e[1], label: e[2],
                title: N[e[0]].l + " → " + e[2] + " → " + N[e[1]].l + (e[4].length ? "\n" + e[4].join("、") : "") });
  }
  function addMention(k, i) {
    var id = "m" + k + "_" + i;
    if (edgeShown[id]) return;
    edgeShown[id] = true;
    edges.add({ id: id, from: "a" + k, to: i, dashes: true, color: { color: "#cfcfcf" }, arrows: { to: { enabled: false } },
                title: artLabel(k) + " 提及 " + N[i].l });
  }
  /** Add nodes to the view (placed around `near` when given) with their relations to what is drawn. */
  function show(list, near) {
    var added = [];
    list.forEach(function (i) { if (!shown[i]) { shown[i] = true; added.push(i); } });
    var items = added.map(function (i, k) {
      var item = nodeItem(i), p = around(near, k, added.length);
      if (p) { item.x = p.x; item.y = p.y; }
      return item;
    });
    nodes.add(items);
    added.forEach(function (i) {
      adj[i].forEach(function (ei) { if (shown[other(ei, i)]) addEdge(ei); });
      N[i].r.forEach(function (k) { if (artShown[k]) addMention(k, i); });
    });
    state.shown += added.length;
    return added;
  }
  function showArticleNode(k, near) {
    if (!artShown[k]) {
      artShown[k] = true;
      var a = ART[k], item = { id: "a" + k, label: artLabel(k).slice(0, 18) + (artLabel(k).length > 18 ? "…" : ""),
        shape: "box", title: artLabel(k) + (a[1] ? "\n" + a[1] : "") + "\n文章 · 点击显示其提及的实体",
        color: { background: "#f3f1ea", border: "#b8b29a" }, font: { size: 12 }, margin: 6 };
      var p = around(near, 0, 1);
      if (p) { item.x = p.x; item.y = p.y; }
      nodes.add(item);
      artNodes[k].forEach(function (i) { if (shown[i]) addMention(k, i); });
    }
  }
  function clear() {
    nodes.clear(); edges.clear();
    shown = {}; artShown = {}; edgeShown = {}; forced = {}; state.shown = 0;
  }

  // ---- filters ---------------------------------------------------------------------------------
  function inRange(d, from, to) { return (!from || d >= from) && (!to || d <= to); }
  function computePass() {
    var from = $("kg-from").value, to = $("kg-to").value, dated = new Array(N.length), i;
    for (i = 0; i < N.length; i++) {
      var n = N[i];
      if (state.hiddenClasses[n.c]) dated[i] = false;
      else if (!from && !to) dated[i] = true;
      else if (n.t) dated[i] = inRange(n.t, from, to);  // an event: its own day, not the reports' days
      else if (n.d.length) dated[i] = n.d.some(function (d) { return inRange(d, from, to); });
      else dated[i] = null;  // undated: passes when a neighbour does
    }
    for (i = 0; i < N.length; i++) {
      pass[i] = dated[i] === null
        ? adj[i].some(function (ei) { return dated[other(ei, i)] === true; })
        : dated[i];
    }
  }
  function artPasses(k) {
    var from = $("kg-from").value, to = $("kg-to").value, d = ART[k][1];
    return !d || inRange(d, from, to);
  }
  /** Hide what the filters leave out, count what is drawn, write the status line. */
  function refresh() {
    var changes = [], ech = [], vis_ = {}, linked = {}, count = 0, ecount = 0;
    nodes.forEach(function (item) {
      var id = item.id;
      vis_[id] = typeof id === "number" ? (pass[id] || !!forced[id]) : artPasses(+id.slice(1));
    });
    edges.forEach(function (item) {
      if (vis_[item.from] && vis_[item.to] && item.from !== item.to) linked[item.from] = linked[item.to] = true;
    });
    nodes.forEach(function (item) {  // a node whose relations are all filtered out is not drawn alone
      var id = item.id, ok = vis_[id] && (!!linked[id] || !!forced[id]);
      vis_[id] = ok;
      if (ok) count++;
      if (!!item.hidden === ok) changes.push({ id: id, hidden: !ok });
    });
    edges.forEach(function (item) {
      var ok = vis_[item.from] && vis_[item.to];
      if (ok) ecount++;
      if (!!item.hidden === ok) ech.push({ id: item.id, hidden: !ok });
    });
    if (changes.length) nodes.update(changes);
    if (ech.length) edges.update(ech);
    state.visible = count; state.visibleEdges = ecount;
    Array.prototype.forEach.call($("kg-legend-list").children, function (li, ci) {
      li.classList.toggle("kg-off", !!state.hiddenClasses[ci]);
    });
    status();
    return count;
  }
  function status() {
    $("kg-status").textContent = "显示 " + state.visible + " 个节点 · " + state.visibleEdges + " 条关系(全图 " +
      N.length + " 个实体 · " + E.length + " 条关系 · " + ART.length + " 篇文章)· 点击节点展开";
  }

  // ---- the first view, and the view of a period ------------------------------------------------
  /** A path of joining nodes from c to the view (the nodes not yet in it), at most `depth` steps, or null. */
  function pathTo(c, inView, ok, depth, joins) {
    var prev = {}, frontier = [c];
    prev[c] = -1;
    for (var step = 0; step < depth && frontier.length; step++) {
      var next = [];
      for (var f = 0; f < frontier.length; f++) {
        var u = frontier[f];
        for (var j = 0; j < adj[u].length; j++) {
          var v = other(adj[u][j], u);
          if (prev[v] !== undefined) continue;
          if (inView[v]) {
            var path = [];
            for (var w = u; w !== -1; w = prev[w]) path.push(w);
            return path;
          }
          if ((joins && !joins[cls[v]]) || !ok(v)) continue;
          prev[v] = u;
          next.push(v);
        }
      }
      frontier = next;
    }
    return null;
  }
  /** The most mentioned officials and bodies that pass `ok`, joined by their posts and events: at most `size`
   * nodes, every one related to another (a second group only when the first cannot grow). */
  function startView(ok, size) {
    var linked = [], i;
    for (i = 0; i < N.length; i++) if (adj[i].length && ok(i)) linked.push(i);
    if (linked.length <= size) return linked;
    if (DATA.focus !== null && DATA.focus !== undefined && ok(DATA.focus)) return around_(DATA.focus, ok, size);
    var cands = linked.filter(function (i) { return cls[i] === "Official" || cls[i] === "Agency"; }).sort(byMentions);
    var joins = CONNECT;
    if (!cands.length) { cands = linked.sort(byMentions); joins = null; }  // no officials or bodies: the most mentioned
    var inView = {}, view = [], tries = Math.min(cands.length, size * 6), k;
    function add(i) { if (!inView[i]) { inView[i] = true; view.push(i); } }
    for (var round = 0; round < 3 && view.length < size; round++) {
      var seed = null;  // a group starts at the most mentioned official or body not drawn yet
      for (k = 0; k < tries && seed === null; k++) if (!inView[cands[k]]) seed = cands[k];
      if (seed === null) break;
      add(seed);
      var best = adj[seed].map(function (ei) { return other(ei, seed); }).filter(ok).sort(byClassThenMentions)[0];
      if (best !== undefined) add(best);
      for (k = 0; k < tries && view.length < size; k++) {  // and grows by the shortest joins to the next ones
        var c = cands[k];
        if (inView[c]) continue;
        var p = pathTo(c, inView, ok, k < 10 ? 4 : 2, joins);  // the ten most mentioned by longer chains if need be
        if (p && view.length + p.length <= size) p.forEach(add);
      }
    }
    return view.filter(function (i) {  // never a node alone
      return adj[i].some(function (ei) { return inView[other(ei, i)] && other(ei, i) !== i; });
    });
  }
  /** A node and its neighbours, nearest first: at most `size` nodes. */
  function around_(c, ok, size) {
    var view = [c], seen = {}, frontier = [c];
    seen[c] = true;
    while (frontier.length && view.length < size) {
      var next = [];
      frontier.forEach(function (u) {
        adj[u].map(function (ei) { return other(ei, u); }).filter(function (v) { return !seen[v] && ok(v); })
          .sort(byClassThenMentions).forEach(function (v) { seen[v] = true; next.push(v); });
      });
      next.sort(byClassThenMentions).slice(0, size - view.length).forEach(function (v) { view.push(v); });
      frontier = next;
    }
    return view;
  }
  /** A view with the people, bodies and places of its events: an event is drawn with everyone in it. */
  function withPeople(list, ok) {
    var out = list.slice(), inView = {};
    list.forEach(function (i) { inView[i] = true; });
    list.forEach(function (i) {
      if (cls[i] !== "Event") return;
      adj[i].forEach(function (ei) {
        var o = other(ei, i);
        if (!inView[o] && ok(o) && (CONNECT[cls[o]] || cls[o] === "Place")) { inView[o] = true; out.push(o); }
      });
    });
    return out;
  }
  /** How many nodes an event adds with its people. */
  function eventSize(i, inView, ok) {
    var n = inView[i] ? 0 : 1;
    adj[i].forEach(function (ei) { var o = other(ei, i); if (!inView[o] && ok(o)) n++; });
    return n;
  }

  var network;
  function settle(fit) {
    state.stabilized = false;
    network.stabilize(120);
    network.once("stabilizationIterationsDone", function () {
      state.stabilized = true;
      if (fit) fitReadable();
    });
  }
  /** Fit the view, but not so far out that labels become unreadable (at least 0.75: 10 px labels). */
  function fitReadable() {
    network.fit({ animation: false });
    if (network.getScale() < 0.75) network.moveTo({ scale: 0.75, animation: false });
  }
  function startOver() {
    clear();
    computePass();
    var ok = function (i) { return pass[i]; };
    show(withPeople(startView(ok, START.size), ok));
    refresh();
    settle(true);
    return state.visible;
  }

  // ---- the network -----------------------------------------------------------------------------
  var options = {
    autoResize: true,
    layout: { randomSeed: 1, improvedLayout: false },
    nodes: {
      borderWidth: 1,
      font: { face: FONT, size: 15, color: "#222", strokeWidth: 3, strokeColor: "#fff" },
      scaling: { min: 10, max: 34, label: { enabled: true, min: 14, max: 24, drawThreshold: 5, maxVisible: 30 } }
    },
    edges: {
      width: 1,
      arrows: { to: { enabled: true, scaleFactor: 0.5 } },
      color: { color: "#b5b5b5", highlight: "#333", hover: "#666" },
      font: { face: FONT, size: 12, color: "#666", strokeWidth: 3, strokeColor: "#fff", align: "middle" },
      smooth: false
    },
    physics: {
      solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -90, centralGravity: 0.012, springLength: 130, springConstant: 0.06,
                          avoidOverlap: 0.6 },
      stabilization: { enabled: false },
      minVelocity: 1.5
    },
    interaction: { hover: true, tooltipDelay: 250, navigationButtons: false }
  };
  network = new vis.Network($("kg-network"), { nodes: nodes, edges: edges }, options);
  network.on("afterDrawing", function () {
    state.draws += 1;
    if (state.drawn) return;
    state.drawn = true;
    state.drawnAt = Math.round(performance.now());
    document.body.setAttribute("data-drawn", "1");
  });
  network.on("click", function (p) {
    if (p.nodes.length) {
      var id = p.nodes[0];
      if (typeof id === "number") select(id);
      else openArticle(+String(id).slice(1));
    } else if (!p.edges.length) hidePanel();
  });

  // ---- legend and filters ----------------------------------------------------------------------
  var SVGNS = "http://www.w3.org/2000/svg";
  function shapeIcon(shape, color) {
    var svg = document.createElementNS(SVGNS, "svg"), el;
    svg.setAttribute("width", "16"); svg.setAttribute("height", "16"); svg.setAttribute("viewBox", "0 0 16 16");
    var poly = {
      square: "2,2 14,2 14,14 2,14", diamond: "8,1 15,8 8,15 1,8", triangle: "8,1 15,14 1,14",
      triangleDown: "1,2 15,2 8,15", hexagon: "4,1.5 12,1.5 15.5,8 12,14.5 4,14.5 0.5,8",
      star: "8,0.5 10,6 15.5,6 11,9.5 12.8,15 8,11.7 3.2,15 5,9.5 0.5,6 6,6"
    }[shape];
    if (poly) { el = document.createElementNS(SVGNS, "polygon"); el.setAttribute("points", poly); }
    else { el = document.createElementNS(SVGNS, "circle"); el.setAttribute("cx", "8"); el.setAttribute("cy", "8"); el.setAttribute("r", "6.5"); }
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

  function setClassVisible(id, on) {
    CLS.forEach(function (c, ci) { if (c.id === id) state.hiddenClasses[ci] = !on; });
    computePass();
    return refresh();
  }
  /** Show the events of a period with their people (and keep what is drawn and seen in it). */
  function applyDates() {
    computePass();
    var from = $("kg-from").value, to = $("kg-to").value;
    if (from || to) {
      forced = {};
      var ok = function (i) { return pass[i]; }, i;
      var view = [], inView = {};
      var keep = function (j) { if (!inView[j]) { inView[j] = true; view.push(j); } };
      startView(ok, START.size).forEach(keep);
      for (i in shown) if (pass[i]) keep(+i);  // what is drawn and seen in the period stays
      view = withPeople(view, ok);
      view.forEach(function (j) { inView[j] = true; });
      var events = [], count = view.length, budget = Math.round(START.size * 1.6);
      for (i = 0; i < N.length; i++) if (cls[i] === "Event" && pass[i] && !inView[i] && adj[i].length) events.push(i);
      events.sort(byMentions).forEach(function (e) {  // and the period's most mentioned events, while room is left
        var n = eventSize(e, inView, ok);
        if (count + n > budget) return;
        count += n;
        view.push(e); inView[e] = true;
        adj[e].forEach(function (ei) { var o = other(ei, e); if (ok(o)) inView[o] = true; });
      });
      show(withPeople(view, ok));
      settle(true);
    }
    return refresh();
  }
  function setDates(from, to) {
    $("kg-from").value = from || ""; $("kg-to").value = to || "";
    return applyDates();
  }
  if (DATA.dates) {
    ["kg-from", "kg-to"].forEach(function (id) { $(id).min = DATA.dates[0]; $(id).max = DATA.dates[1]; });
  }
  $("kg-from").addEventListener("change", applyDates);
  $("kg-to").addEventListener("change", applyDates);
  $("kg-reset").addEventListener("click", reset);
  function reset() {
    state.hiddenClasses = {};
    $("kg-from").value = ""; $("kg-to").value = "";
    $("kg-search").value = ""; $("kg-results").hidden = true;
    hidePanel();
    return startOver();
  }

  // ---- search ----------------------------------------------------------------------------------
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
    var m = function (a, b) { return N[b].m - N[a].m || a - b; };
    return exact.sort(m).concat(alt.sort(m), part.sort(m));
  }
  function showResults(ids) {
    var ul = $("kg-results");
    ul.textContent = "";
    ids.slice(0, 30).forEach(function (i) {
      var li = document.createElement("li");
      li.textContent = N[i].l;
      var sub = document.createElement("span"); sub.className = "kg-sub";
      sub.textContent = CLS[N[i].c].zh + " · 提及 " + N[i].m + " 次";
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

  // ---- opening nodes ---------------------------------------------------------------------------
  /** The neighbours of i not drawn yet that pass the filters, the most telling first. */
  function hiddenNeighbours(i) {
    var seen = {}, out = [];
    adj[i].forEach(function (ei) {
      var o = other(ei, i);
      if (!shown[o] && !seen[o] && pass[o]) { seen[o] = true; out.push(o); }
    });
    return out.sort(byClassThenMentions);
  }
  /** Draw up to START.expand more neighbours of i (an entity with no relation: its articles). */
  function expand(i, more) {
    var added = show(hiddenNeighbours(i).slice(0, more || START.expand), i);
    if (!adj[i].length) N[i].r.slice(0, 3).forEach(function (k) { showArticleNode(k, i); });
    refresh();
    if (added.length) network.startSimulation();
    return added.length;
  }
  /** Draw an article with the entities it mentions. */
  function openArticle(k) {
    var near = null;
    for (var j = 0; j < artNodes[k].length; j++) if (shown[artNodes[k][j]]) { near = artNodes[k][j]; break; }
    showArticleNode(k, near);
    var list = artNodes[k].filter(function (i) { return pass[i]; }).sort(byClassThenMentions).slice(0, 40);
    show(list, "a" + k);
    refresh();
    network.startSimulation();
    showArticlePanel(k);
    network.selectNodes(["a" + k]);
    return list.length;
  }
  /** Select a node: draw it (whatever the filters) with its neighbours, show its panel, centre on it. */
  function select(i) {
    if (!shown[i]) show([i], state.selected !== null && shown[state.selected] ? state.selected : null);
    forced[i] = true;
    expand(i);
    var wasHidden = $("kg-panel").hidden;
    showPanel(i);
    if (wasHidden) network.setSize("100%", "100%");  // the panel took room: measure the canvas again
    network.selectNodes([i]);
    network.focus(i, { scale: Math.max(network.getScale(), 1.0), animation: false });
    return i;
  }

  // ---- side panel ------------------------------------------------------------------------------
  function el(tag, text, klass) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (klass) e.className = klass;
    return e;
  }
  function link(text, action) {
    var a = el("span", text, "kg-link");
    a.setAttribute("role", "link"); a.tabIndex = 0;
    a.addEventListener("click", action);
    a.addEventListener("keydown", function (ev) { if (ev.key === "Enter") action(); });
    return a;
  }
  function nodeLink(i) { return link(N[i].l, function () { select(i); }); }
  function articleLink(k) { return link(artLabel(k), function () { openArticle(k); }); }
  function section(body, title, items) {
    if (!items.length) return;
    body.appendChild(el("h3", title));
    var ul = el("ul");
    items.forEach(function (li) { ul.appendChild(li); });
    body.appendChild(ul);
  }
  function dateSpan(ds) { return el("span", ds && ds.length ? (typeof ds === "string" ? ds : ds.join("、")) : "", "kg-date"); }

  // Career timelines: SVG text from kg.career_plot, parsed as XML; only drawing elements and attributes are kept.
  var SVG_TAGS = { svg: 1, g: 1, rect: 1, line: 1, text: 1, tspan: 1, circle: 1, path: 1, title: 1, polygon: 1, polyline: 1 };
  function clean(node) {
    Array.prototype.slice.call(node.children).forEach(function (c) {
      if (!SVG_TAGS[c.localName] || c.namespaceURI !== SVGNS) c.remove(); else clean(c);
    });
    Array.prototype.slice.call(node.attributes).forEach(function (a) {
      if (/^on|href$|^style$/i.test(a.name)) node.removeAttribute(a.name);
    });
    return node;
  }
  function timeline(i) {
    var text = TL[String(i)];
    if (!text) return null;
    var doc = new DOMParser().parseFromString(text, "image/svg+xml"), root = doc.documentElement;
    if (!root || root.localName !== "svg" || doc.getElementsByTagName("parsererror").length) return null;
    return document.importNode(clean(root), true);
  }
  function showTimeline(i) {
    var svg = timeline(i);
    if (!svg) return;
    var box = $("kg-overlay-body");
    box.textContent = "";
    box.appendChild(svg);
    $("kg-overlay").hidden = false;
  }
  $("kg-overlay").addEventListener("click", function (ev) {
    if (ev.target === $("kg-overlay") || ev.target === $("kg-overlay-close")) $("kg-overlay").hidden = true;
  });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") $("kg-overlay").hidden = true; });

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
    body.appendChild(el("div", "提及 " + n.m + " 次 · " + n.r.length + " 篇文章", "kg-date"));
    var rest = hiddenNeighbours(i).length;
    if (rest) {
      var more = el("button", "再展开 " + Math.min(rest, START.expand) + " 个相关节点(还有 " + rest + " 个)", "kg-more");
      more.type = "button";
      more.addEventListener("click", function () { expand(i); showPanel(i); });
      body.appendChild(more);
    }
    var svg = timeline(i);
    if (svg) {
      svg.removeAttribute("width"); svg.removeAttribute("height");  // scaled to the panel by its viewBox
      body.appendChild(el("h3", (cls[i] === "Agency" ? "任职时间线" : "履历时间线") + "(点击放大)"));
      var box = el("div", null, "kg-timeline");
      box.title = "点击放大";
      box.appendChild(svg);
      box.addEventListener("click", function () { showTimeline(i); });
      body.appendChild(box);
    } else if (cls[i] === "Official" || cls[i] === "Agency") {
      body.appendChild(el("p", "时间线:kg career " + (cls[i] === "Agency" ? "--agency " : "") + n.l, "kg-date"));
    }
    section(body, "其他名称", n.a.map(function (a) { return el("li", a); }));

    var posts = [], events = [], rels = [];
    adj[i].forEach(function (ei) {
      var e = E[ei], out = e[0] === i, o = out ? e[1] : e[0], li = el("li");
      if (e[3] === "holds") {
        if (out) { li.appendChild(el("span", e[2] + " · ")); li.appendChild(nodeLink(o)); }
        else { li.appendChild(nodeLink(o)); li.appendChild(el("span", " · " + e[2])); }
        li.appendChild(dateSpan(e[4]));
        posts.push([e[4][0] || "", li]);
      } else if (cls[o] === "Event" && cls[i] !== "Event") {
        li.appendChild(nodeLink(o));
        li.appendChild(el("span", " (" + e[2] + ")"));
        li.appendChild(dateSpan(N[o].t));
        events.push([N[o].t || "", li]);
      } else {
        if (out) { li.appendChild(el("span", e[2] + " → ")); li.appendChild(nodeLink(o)); }
        else { li.appendChild(nodeLink(o)); li.appendChild(el("span", " → " + e[2])); }
        rels.push(["", li]);
      }
    });
    var byDate = function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0; };
    var second = function (x) { return x[1]; };
    section(body, "职务", posts.sort(byDate).map(second));
    section(body, "活动", events.sort(byDate).map(second));
    section(body, "关系", rels.slice(0, 80).map(second));
    section(body, "属性", n.f.map(function (f) { return el("li", f[0] + ":" + f[1]); }));

    var cited = {};
    if (n.e.length) {
      body.appendChild(el("h3", "依据 (" + n.e.length + ")"));
      var lastArticle = -1, quotes = null;
      n.e.slice(0, 60).forEach(function (si) {
        var s = SENT[si], a = ART[s[0]];
        cited[s[0]] = true;
        if (s[0] !== lastArticle) {
          lastArticle = s[0];
          quotes = el("div", null, "kg-evidence");
          var head = articleLink(s[0]);
          head.classList.add("kg-headline");
          quotes.appendChild(head);
          quotes.appendChild(dateSpan(a[1]));
          body.appendChild(quotes);
        }
        quotes.appendChild(el("blockquote", s[1]));
      });
      if (n.e.length > 60) body.appendChild(el("p", "……另有 " + (n.e.length - 60) + " 条", "kg-date"));
    }
    section(body, "另见文章", n.r.filter(function (k) { return !cited[k]; }).slice(0, 30).map(function (k) {
      var li = el("li"); li.appendChild(articleLink(k)); li.appendChild(dateSpan(ART[k][1])); return li;
    }));
    body.appendChild(el("div", n.i, "kg-iri"));
    $("kg-panel").hidden = false;
  }
  function showArticlePanel(k) {
    var a = ART[k], body = $("kg-panel-body");
    state.selected = null;
    body.textContent = "";
    body.setAttribute("data-article", String(k));
    body.appendChild(el("h2", artLabel(k), "kg-name"));
    var pill = el("span", "文章", "kg-class");
    pill.style.background = "#8a8470";
    body.appendChild(pill);
    if (a[1]) body.appendChild(dateSpan(a[1]));
    section(body, "提及 (" + artNodes[k].length + ")", artNodes[k].slice().sort(byClassThenMentions).map(function (i) {
      var li = el("li"); li.appendChild(nodeLink(i)); li.appendChild(el("span", " " + CLS[N[i].c].zh, "kg-date"));
      return li;
    }));
    body.appendChild(el("div", a[2], "kg-iri"));
    $("kg-panel").hidden = false;
  }
  function hidePanel() { $("kg-panel").hidden = true; state.selected = null; network.unselectAll(); }
  $("kg-close").addEventListener("click", hidePanel);

  status();
  startOver();
  if (DATA.focus !== null && DATA.focus !== undefined) select(DATA.focus);  // kg viz --focus NAME
  var wanted = decodeURIComponent((location.hash || "").slice(1));
  if (wanted && find(wanted).length) search(wanted);  // graph.html#name starts from that name

  window.kgViz = {
    network: network, nodes: nodes, edges: edges, data: DATA, state: state,
    find: find, search: search, select: select, showPanel: showPanel, expand: expand, openArticle: openArticle,
    startOver: startOver, reset: reset, setClassVisible: setClassVisible, setDates: setDates,
    shownIds: function () { return nodes.getIds({ filter: function (x) { return !x.hidden; } }); },
    shownEdges: function () {
      return edges.get({ filter: function (x) { return !x.hidden; } }).map(function (x) { return [x.from, x.to]; });
    }
  };
})();
