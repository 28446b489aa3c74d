// capgraph page: builds the vis-network from the JSON blocks above. All text from the
// articles goes into the DOM through textContent, never innerHTML.
var nodes, edges, network, capgraphPage;
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

  function show(value) {
    if (Array.isArray(value)) return value.map(show).join("；");
    if (value === null || value === undefined) return "";
    if (typeof value === "object") return JSON.stringify(value);
    return String(value);
  }

  var page = readJson("capgraph-page");
  capgraphPage = page;
  nodes = new vis.DataSet(readJson("capgraph-nodes"));
  edges = new vis.DataSet(readJson("capgraph-edges"));
  var options = readJson("capgraph-options");

  function articleTitle(id) {
    return Object.prototype.hasOwnProperty.call(page.articles, id) ? page.articles[id] : id;
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

  function evidenceList(evidence) {
    var list = el("div");
    evidence.forEach(function (item) {
      var block = el("div", null, "evidence");
      block.appendChild(el("div", "《" + articleTitle(item[0]) + "》", "article"));
      block.appendChild(el("p", item[1], "sentence"));
      list.appendChild(block);
    });
    return list;
  }

  var edgesOf = {};
  edges.get().forEach(function (edge) {
    (edgesOf[edge.from] = edgesOf[edge.from] || []).push(edge);
    (edgesOf[edge.to] = edgesOf[edge.to] || []).push(edge);
  });
  var TIP_RELATIONSHIPS = 5;

  function nodeInfo(node, withRelations) {
    var box = el("div", null, "tip");
    box.appendChild(el("h3", node.cgName));
    box.appendChild(el("div", node.cgLabel + " · " + node.cgDegree + " relationships", "muted"));
    box.appendChild(propertyTable(node.cgProps));
    // The first few relationships with their first piece of evidence; a click shows them all.
    var own = withRelations ? edgesOf[node.id] || [] : [];
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
    box.appendChild(el("div", "Evidence (" + edge.cgEvidence.length + ")", "muted"));
    box.appendChild(evidenceList(edge.cgEvidence));
    return box;
  }

  // vis-network shows an element title as is, and a string title as plain text.
  nodes.update(nodes.get().map(function (node) { return { id: node.id, title: nodeInfo(node, true) }; }));
  edges.update(edges.get().map(function (edge) { return { id: edge.id, title: edgeInfo(edge) }; }));

  // --- header ---------------------------------------------------------------------------
  document.getElementById("summary").textContent =
    page.description + ": " + page.shown.nodes + " nodes, " + page.shown.relationships + " relationships.";
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

  // --- legend doubling as the filter -------------------------------------------------------
  var hiddenLabels = {}, hiddenTypes = {};

  function applyFilter() {
    nodes.update(nodes.get().map(function (node) {
      return { id: node.id, hidden: !!hiddenLabels[node.cgLabel] };
    }));
    edges.update(edges.get().map(function (edge) {
      var from = nodes.get(edge.from), to = nodes.get(edge.to);
      return { id: edge.id, hidden: !!hiddenTypes[edge.cgType] || from.hidden || to.hidden };
    }));
  }

  function legendItem(list, symbolNode, name, count, hiddenSet) {
    var item = el("li");
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.dataset.name = name;
    box.addEventListener("change", function () {
      hiddenSet[name] = !box.checked;
      applyFilter();
    });
    label.appendChild(box);
    label.appendChild(symbolNode);
    label.appendChild(el("span", name));
    label.appendChild(el("span", count, "count"));
    item.appendChild(label);
    list.appendChild(item);
  }

  var labelList = document.getElementById("legend-labels");
  page.labels.forEach(function (entry) {
    var symbol = el("span", entry.symbol, "symbol");
    symbol.style.color = page.colourBy === "label" ? entry.colour : "#555";
    legendItem(labelList, symbol, entry.label, entry.count, hiddenLabels);
  });
  var typeList = document.getElementById("legend-types");
  page.types.forEach(function (entry) {
    var swatch = el("span", null, "swatch");
    swatch.style.background = entry.colour;
    legendItem(typeList, swatch, entry.type, entry.count, hiddenTypes);
  });
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

  // --- the network ------------------------------------------------------------------------
  var container = document.getElementById("mynetwork");
  network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  var progress = document.getElementById("layout-progress");
  network.on("stabilizationProgress", function (params) {
    progress.textContent = "Laying out the graph… " + Math.round((100 * params.iterations) / params.total) + "%";
  });
  network.once("stabilizationIterationsDone", function () {
    progress.hidden = true;
    network.setOptions({ physics: { enabled: false } });
    capgraphStable = true;
    if (page.focus) network.selectNodes([page.focus]);
  });

  var details = document.getElementById("details");
  function showDetails(element) {
    details.replaceChildren(element);
  }
  network.on("click", function (params) {
    if (params.nodes.length) {
      var node = nodes.get(params.nodes[0]);
      var box = nodeInfo(node, false);
      network.getConnectedEdges(node.id).forEach(function (edgeId) {
        box.appendChild(edgeInfo(edges.get(edgeId)));
      });
      showDetails(box);
    } else if (params.edges.length) {
      showDetails(edgeInfo(edges.get(params.edges[0])));
    }
  });

  // --- search -------------------------------------------------------------------------------
  var names = document.getElementById("node-names");
  var byName = {};
  nodes.get().forEach(function (node) {
    var aliases = Array.isArray(node.cgProps.aliases) ? node.cgProps.aliases : [];
    [node.cgName].concat(aliases).forEach(function (name) {
      if (!(name in byName)) {
        byName[name] = node.id;
        var option = el("option");
        option.value = name;
        names.appendChild(option);
      }
    });
  });

  function focusOn(text) {
    var message = document.getElementById("search-message");
    text = text.trim();
    if (!text) return;
    var id = byName[text];
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
      hiddenLabels[node.cgLabel] = false;
      document.querySelectorAll("#legend-labels input").forEach(function (box) {
        if (box.dataset.name === node.cgLabel) box.checked = true;
      });
      applyFilter();
    }
    network.selectNodes([id]);
    network.focus(id, { scale: 1.3, animation: { duration: 400 } });
    showDetails(nodeInfo(node, true));
  }

  var search = document.getElementById("search");
  document.getElementById("search-go").addEventListener("click", function () { focusOn(search.value); });
  search.addEventListener("keydown", function (event) { if (event.key === "Enter") focusOn(search.value); });
  search.addEventListener("change", function () { focusOn(search.value); });
  document.getElementById("reset").addEventListener("click", function () {
    hiddenLabels = {};
    hiddenTypes = {};
    document.querySelectorAll("#legend input").forEach(function (box) { box.checked = true; });
    applyFilter();
    network.unselectAll();
    network.fit();
  });
})();
