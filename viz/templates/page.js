// capgraph page: builds the vis-network from the JSON blocks above. All text from the
// articles goes into the DOM through textContent, never innerHTML.
// Shared by the static page (`capgraph viz`) and the explorer (`capgraph serve`, which adds
// serve.js on top through `capgraphView`).
var nodes, edges, network, capgraphPage, capgraphView;
var capgraphStable = false; // true once the layout has settled and physics is off

(function () {
  "use strict";

  function readJson(id) {
    return JSON.parse(document.getElementById(id).textContent);
  }

  function el(tag, text, className) {
    var element = document.createElement(tag);
    if (text !== undefined && text !== null) element.textContent = String(text);
    if (className) element.className = className;
    return element;
  }

  function button(text, onClick, className) {
    var element = el("button", text, className);
    element.type = "button";
    element.addEventListener("click", onClick);
    return element;
  }

  function relationships(count) {
    return count + (count === 1 ? " relationship" : " relationships");
  }

  function show(value) {
    if (Array.isArray(value)) return value.map(show).join("；");
    if (value === null || value === undefined) return "";
    if (typeof value === "object") return JSON.stringify(value);
    return String(value);
  }

  // Hooks the explorer (serve.js) sets; the static page leaves them empty.
  var view = { expand: null, onEvidence: null, onChange: null, onStable: null, loadEvidence: null };
  var page = readJson("capgraph-page");
  capgraphPage = page;
  nodes = new vis.DataSet(readJson("capgraph-nodes"));
  edges = new vis.DataSet(readJson("capgraph-edges"));
  var options = readJson("capgraph-options");
  var has = function (object, key) { return Object.prototype.hasOwnProperty.call(object, key); };

  // An article is its title (the static page) or {title, date, source, url} (the explorer).
  function articleMeta(id) {
    var value = has(page.articles, id) ? page.articles[id] : id;
    return typeof value === "string" ? { title: value } : value;
  }

  function articleTitle(id) {
    return articleMeta(id).title || id;
  }

  function articleLine(id) {
    var meta = articleMeta(id);
    var parts = ["《" + (meta.title || id) + "》"];
    if (meta.date) parts.push(meta.date);
    if (meta.source) parts.push(meta.source);
    return parts.join(" · ");
  }

  function propertyTable(props) {
    var table = el("table");
    Object.keys(props).forEach(function (key) {
      var value = props[key];
      if (key === "articles" && Array.isArray(value)) value = value.map(articleTitle);
      var row = el("tr");
      row.appendChild(el("td", key, "key"));
      row.appendChild(el("td", show(value)));
      table.appendChild(row);
    });
    return table;
  }

  // Evidence items are [article id, sentence, start, end]; the explorer opens the article on a click.
  function evidenceList(evidence) {
    var list = el("div");
    evidence.forEach(function (item) {
      var block = el("div", null, "evidence");
      block.appendChild(el("div", articleLine(item[0]), "article"));
      var sentence = el("p", item[1], "sentence");
      if (view.onEvidence) {
        sentence.className += " link";
        sentence.title = "Open the article at this sentence";
        sentence.addEventListener("click", function () { view.onEvidence(item); });
      }
      block.appendChild(sentence);
      list.appendChild(block);
    });
    return list;
  }

  function edgesOf(nodeId) {
    return edges.get({ filter: function (edge) { return edge.from === nodeId || edge.to === nodeId; } });
  }
  var TIP_RELATIONSHIPS = 5;

  function nodeInfo(node, withRelations) {
    var box = el("div", null, "tip");
    box.appendChild(el("h3", node.cgName));
    box.appendChild(el("div", node.cgLabel + " · " + relationships(node.cgDegree), "muted"));
    box.appendChild(propertyTable(node.cgProps));
    // The first few relationships with their first piece of evidence; a click shows them all.
    var own = withRelations ? edgesOf(node.id) : [];
    own.slice(0, TIP_RELATIONSHIPS).forEach(function (edge) {
      var outgoing = edge.from === node.id;
      var other = nodes.get(outgoing ? edge.to : edge.from);
      var line = (outgoing ? "—" + edge.cgType + "→ " : "←" + edge.cgType + "— ") + (other ? other.cgName : "");
      box.appendChild(el("div", line, "relation"));
      box.appendChild(evidenceList(edge.cgEvidence.slice(0, 1)));
    });
    if (own.length > TIP_RELATIONSHIPS) {
      box.appendChild(el("div", "… and " + (own.length - TIP_RELATIONSHIPS) + " more (click the node)", "muted"));
    }
    return box;
  }

  function edgeInfo(edge) {
    var box = el("div", null, "tip");
    var from = nodes.get(edge.from), to = nodes.get(edge.to);
    box.appendChild(el("h3", (from ? from.cgName : edge.from) + " —" + edge.cgType + "→ " + (to ? to.cgName : edge.to)));
    box.appendChild(propertyTable(edge.cgProps));
    var count = Math.max(edge.cgEvidenceCount || 0, edge.cgEvidence.length);
    var missing = count > edge.cgEvidence.length ? " — click to read" : "";
    box.appendChild(el("div", "Evidence (" + count + ")" + missing, "muted"));
    box.appendChild(evidenceList(edge.cgEvidence));
    return box;
  }

  // vis-network shows an element title as is, and a string title as plain text.
  function setTitles() {
    nodes.update(nodes.get().map(function (node) { return { id: node.id, title: nodeInfo(node, true) }; }));
    edges.update(edges.get().map(function (edge) { return { id: edge.id, title: edgeInfo(edge) }; }));
  }
  setTitles();

  // --- header ---------------------------------------------------------------------------
  function summarise(description) {
    document.getElementById("summary").textContent =
      description + ": " + nodes.length + " nodes, " + edges.length + " relationships.";
  }
  summarise(page.description);
  if (page.omitted.nodes > 0) {
    var parts = Object.keys(page.omitted.labels).map(function (label) {
      return label + " " + page.omitted.labels[label];
    });
    var omitted = document.getElementById("omitted");
    omitted.textContent = "Showing the " + page.shown.nodes + " most connected nodes (limit " + page.omitted.limit +
      "); left out: " + page.omitted.nodes + " nodes (" + parts.join(", ") + ") and " +
      page.omitted.relationships + " relationships.";
    omitted.hidden = false;
  }
  document.getElementById("size-by").textContent = page.sizeBy;

  // --- what is drawn: the legend's filters, hidden nodes, unconnected nodes ------------------
  // One state, changed in place (the legend's boxes hold references to these very objects) and
  // applied after every change of the data: a filter stays true whatever happens next.
  var filters = { labels: {}, types: {}, nodes: {}, isolated: false };

  function clearObject(object) {
    Object.keys(object).forEach(function (key) { delete object[key]; });
  }

  function applyFilter() {
    var nodeHidden = {};
    nodes.get().forEach(function (node) {
      nodeHidden[node.id] = !!filters.labels[node.cgLabel] || !!filters.nodes[node.id];
    });
    var connected = {};
    var edgeUpdates = edges.get().map(function (edge) {
      var hidden = !!filters.types[edge.cgType] || !!nodeHidden[edge.from] || !!nodeHidden[edge.to];
      if (!hidden) connected[edge.from] = connected[edge.to] = true;
      return { id: edge.id, hidden: hidden };
    });
    nodes.update(nodes.get().map(function (node) {
      return { id: node.id, hidden: nodeHidden[node.id] || (filters.isolated && !connected[node.id]) };
    }));
    edges.update(edgeUpdates);
    if (view.onChange) view.onChange();
  }

  function syncLegend() {
    document.querySelectorAll("#legend-labels input").forEach(function (box) {
      box.checked = !filters.labels[box.dataset.name];
    });
    document.querySelectorAll("#legend-types input").forEach(function (box) {
      box.checked = !filters.types[box.dataset.name];
    });
    var isolated = document.getElementById("hide-isolated");
    if (isolated) isolated.checked = filters.isolated;
  }

  function legendItem(list, symbolNode, name, hiddenSet) {
    var item = el("li");
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = !hiddenSet[name];
    box.dataset.name = name;
    box.addEventListener("change", function () {
      hiddenSet[name] = !box.checked;
      applyFilter();
    });
    label.appendChild(box);
    label.appendChild(symbolNode);
    label.appendChild(el("span", name));
    var count = el("span", "", "count");
    count.dataset.name = name;
    label.appendChild(count);
    item.appendChild(label);
    list.appendChild(item);
  }

  // The legend's counts follow what is on the page.
  function updateCounts() {
    var labelCounts = {}, typeCounts = {};
    nodes.get().forEach(function (node) { labelCounts[node.cgLabel] = (labelCounts[node.cgLabel] || 0) + 1; });
    edges.get().forEach(function (edge) { typeCounts[edge.cgType] = (typeCounts[edge.cgType] || 0) + 1; });
    document.querySelectorAll("#legend-labels .count").forEach(function (count) {
      count.textContent = labelCounts[count.dataset.name] || 0;
    });
    document.querySelectorAll("#legend-types .count").forEach(function (count) {
      count.textContent = typeCounts[count.dataset.name] || 0;
    });
  }

  var labelList = document.getElementById("legend-labels");
  page.labels.forEach(function (entry) {
    var symbol = el("span", entry.symbol, "symbol");
    symbol.style.color = page.colourBy === "label" ? entry.colour : "#555";
    legendItem(labelList, symbol, entry.label, filters.labels);
  });
  var typeList = document.getElementById("legend-types");
  page.types.forEach(function (entry) {
    var swatch = el("span", null, "swatch");
    swatch.style.background = entry.colour;
    legendItem(typeList, swatch, entry.type, filters.types);
  });
  updateCounts();
  if (page.colourLegend.length) {
    var title = document.getElementById("legend-colour-title");
    title.textContent = "Colour: " + page.colourBy;
    title.hidden = false;
    var colourList = document.getElementById("legend-colours");
    page.colourLegend.forEach(function (entry) {
      var item = el("li");
      var symbol = el("span", "●", "symbol");
      symbol.style.color = entry.colour;
      item.appendChild(symbol);
      item.appendChild(el("span", entry.value));
      colourList.appendChild(item);
    });
  }
  document.getElementById("hide-isolated").addEventListener("change", function (event) {
    filters.isolated = event.target.checked;
    applyFilter();
  });

  // --- the network ------------------------------------------------------------------------
  var container = document.getElementById("mynetwork");
  network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  // A white ground under the drawing, so an exported PNG is not transparent.
  network.on("beforeDrawing", function (context) {
    context.save();
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, context.canvas.width, context.canvas.height);
    context.restore();
  });
  var progress = document.getElementById("layout-progress");
  network.on("stabilizationProgress", function (params) {
    progress.hidden = false;
    progress.textContent = "Laying out the graph… " + Math.round((100 * params.iterations) / params.total) + "%";
  });
  network.on("stabilizationIterationsDone", function () {
    progress.hidden = true;
    network.setOptions({ physics: { enabled: false } });
    capgraphStable = true;
    if (page.focus && nodes.get(page.focus)) network.selectNodes([page.focus]);
    if (view.onStable) view.onStable();
  });

  // Lay out again after the data changed: physics until it settles, then still (seeded, so repeatable).
  function relayout() {
    capgraphStable = false;
    network.setOptions({ physics: { enabled: true } });
    network.stabilize(nodes.length > 300 ? 300 : 200);
  }

  var details = document.getElementById("details");
  function showDetails(element) {
    details.replaceChildren(element);
  }

  function nodeActions(node) {
    var bar = el("div", null, "actions");
    if (view.expand) {
      bar.appendChild(button("Expand", function () { view.expand(node.id); }));
    }
    bar.appendChild(button(filters.nodes[node.id] ? "Show" : "Hide", function () {
      filters.nodes[node.id] = !filters.nodes[node.id];
      applyFilter();
      showNode(node.id);
    }));
    var pinned = !!nodes.get(node.id).fixed;
    bar.appendChild(button(pinned ? "Unpin" : "Pin", function () {
      nodes.update({ id: node.id, fixed: !pinned, borderWidth: pinned ? 1 : 3 });
      showNode(node.id);
    }));
    return bar;
  }

  function showNode(nodeId) {
    var node = nodes.get(nodeId);
    if (!node) return;
    var box = nodeInfo(node, false);
    box.insertBefore(nodeActions(node), box.children[2]);
    network.getConnectedEdges(node.id).forEach(function (edgeId) {
      box.appendChild(edgeInfo(edges.get(edgeId)));
    });
    showDetails(box);
  }

  // The explorer sends relationships without their sentences when it expands a node; they are
  // fetched (view.loadEvidence) before they are shown.
  function withEvidence(edgeIds, then) {
    var missing = edgeIds.filter(function (id) {
      var edge = edges.get(id);
      return edge && (edge.cgEvidenceCount || 0) > edge.cgEvidence.length;
    });
    if (!missing.length || !view.loadEvidence) return then();
    view.loadEvidence(missing).then(function () {
      setTitles();
      then();
    });
  }

  network.on("click", function (params) {
    if (params.nodes.length) {
      var nodeId = params.nodes[0];
      withEvidence(network.getConnectedEdges(nodeId), function () { showNode(nodeId); });
    } else if (params.edges.length) {
      var edgeId = params.edges[0];
      withEvidence([edgeId], function () { showDetails(edgeInfo(edges.get(edgeId))); });
    }
  });
  network.on("doubleClick", function (params) {
    if (params.nodes.length && view.expand) view.expand(params.nodes[0]);
  });

  // --- search (the static page: among the nodes on it) ------------------------------------------
  function focusOn(text) {
    var message = document.getElementById("search-message");
    text = text.trim();
    if (!text) return;
    var byName = {};
    nodes.get().forEach(function (node) {
      var aliases = Array.isArray(node.cgProps.aliases) ? node.cgProps.aliases : [];
      [node.cgName].concat(aliases).forEach(function (name) { if (!has(byName, name)) byName[name] = node.id; });
    });
    var id = has(byName, text) ? byName[text] : undefined;
    if (id === undefined) {
      var match = nodes.get().find(function (node) { return node.cgName.indexOf(text) >= 0; });
      id = match ? match.id : undefined;
    }
    if (id === undefined) {
      message.textContent = "No node matches “" + text + "”.";
      return;
    }
    message.textContent = "";
    var node = nodes.get(id);
    if (node.hidden) {
      filters.labels[node.cgLabel] = false;
      filters.nodes[node.id] = false;
      syncLegend();
      applyFilter();
    }
    network.selectNodes([id]);
    network.focus(id, { scale: 1.3, animation: { duration: 400 } });
    showDetails(nodeInfo(node, true));
  }

  function fillNames() {
    var names = document.getElementById("node-names");
    if (!names) return;
    var seen = {};
    names.replaceChildren();
    nodes.get().forEach(function (node) {
      var aliases = Array.isArray(node.cgProps.aliases) ? node.cgProps.aliases : [];
      [node.cgName].concat(aliases).forEach(function (name) {
        if (has(seen, name)) return;
        seen[name] = true;
        var option = el("option");
        option.value = name;
        names.appendChild(option);
      });
    });
  }

  var search = document.getElementById("search");
  if (!window.capgraphServe) {
    fillNames();
    document.getElementById("search-go").addEventListener("click", function () { focusOn(search.value); });
    search.addEventListener("keydown", function (event) { if (event.key === "Enter") focusOn(search.value); });
    search.addEventListener("change", function () { focusOn(search.value); });
  }

  // "Show all": every label, type and hidden node back; the boxes and the state change together.
  function showAll() {
    clearObject(filters.labels);
    clearObject(filters.types);
    clearObject(filters.nodes);
    filters.isolated = false;
    syncLegend();
    applyFilter();
    network.unselectAll();
    network.fit();
  }
  document.getElementById("reset").addEventListener("click", showAll);

  // --- what the explorer builds on --------------------------------------------------------------
  // Add nodes and edges (kept where they are if already drawn), their articles, then lay out.
  function addElements(data, replace) {
    if (replace) {
      nodes.clear();
      edges.clear();
      clearObject(filters.nodes);
    }
    Object.keys(data.articles || {}).forEach(function (key) { page.articles[key] = data.articles[key]; });
    var anchor = data.focus && nodes.get(data.focus) ? network.getPositions([data.focus])[data.focus] : null;
    var fresh = (data.nodes || []).filter(function (node) { return !nodes.get(node.id); });
    if (anchor) fresh.forEach(function (node) { node.x = anchor.x; node.y = anchor.y; });
    nodes.add(fresh);
    edges.update(data.edges || []);
    setTitles();
    updateCounts();
    applyFilter();
    if (data.description) summarise(data.description);
    page.focus = data.focus || null;
    relayout();
    return fresh.length;
  }

  Object.assign(view, {
    el: el,
    button: button,
    relationships: relationships,
    filters: filters,
    applyFilter: applyFilter,
    syncLegend: syncLegend,
    showDetails: showDetails,
    showNode: showNode,
    showAll: showAll,
    addElements: addElements,
    articleMeta: articleMeta,
    evidenceList: evidenceList,
    summarise: summarise,
  });
  capgraphView = view;
})();
