// capgraph explorer (`capgraph serve`): search, expand, evidence and articles, saved queries,
// export and a shareable URL, on top of page.js (capgraphView). Text from the graph goes into
// the DOM through textContent only. The server answers JSON; an error is {"error": "one line"}.
var capgraphState; // what the URL carries: focus, hops, view, filters, query and its parameters

(function () {
  "use strict";
  var view = capgraphView;
  var el = view.el;
  var page = capgraphPage;
  var state = { focus: null, hops: 2, view: "graph", query: null, params: {} };
  capgraphState = state;

  // --- talking to the server --------------------------------------------------------------------
  var message = document.getElementById("message");
  function say(text) {
    message.textContent = text || "";
    message.hidden = !text;
  }

  function query(params) {
    var search = new URLSearchParams();
    Object.keys(params).forEach(function (key) {
      if (params[key] !== null && params[key] !== undefined) search.set(key, params[key]);
    });
    return search.toString();
  }

  function answer(response) {
    return response.json().catch(function () { return { error: "the server answered " + response.status }; })
      .then(function (data) {
        if (!response.ok || data.error) throw new Error(data.error || "the server answered " + response.status);
        return data;
      });
  }

  function getJson(path, params) {
    return fetch(path + (params ? "?" + query(params) : ""), { headers: { Accept: "application/json" } }).then(answer);
  }

  function postJson(path, body) {
    return fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  }

  function failed(error) {
    say(error.message);
  }

  // --- the URL carries the view -------------------------------------------------------------------
  function writeUrl() {
    var params = {};
    if (state.query) {
      params.query = state.query;
      Object.keys(state.params).forEach(function (key) { params["p." + key] = state.params[key]; });
    } else if (state.focus || state.view === "money") {
      if (state.focus) params.focus = state.focus;
      params.hops = state.hops;
      if (state.view === "money") params.view = "money";
    }
    var hiddenLabels = Object.keys(view.filters.labels).filter(function (k) { return view.filters.labels[k]; });
    var hiddenTypes = Object.keys(view.filters.types).filter(function (k) { return view.filters.types[k]; });
    if (hiddenLabels.length) params.hide_labels = hiddenLabels.join(",");
    if (hiddenTypes.length) params.hide_types = hiddenTypes.join(",");
    if (view.filters.isolated) params.isolated = "hide";
    var text = query(params);
    history.replaceState(null, "", location.pathname + (text ? "?" + text : ""));
    document.getElementById("share-url").value = location.href;
  }
  view.onChange = writeUrl;

  function readUrl() {
    var params = new URLSearchParams(location.search);
    (params.get("hide_labels") || "").split(",").filter(Boolean).forEach(function (k) { view.filters.labels[k] = true; });
    (params.get("hide_types") || "").split(",").filter(Boolean).forEach(function (k) { view.filters.types[k] = true; });
    view.filters.isolated = params.get("isolated") === "hide";
    view.syncLegend();
    var hops = parseInt(params.get("hops") || "2", 10);
    state.hops = hops >= 1 && hops <= 3 ? hops : 2;
    document.getElementById("hops").value = String(state.hops);
    if (params.get("query")) {
      var values = {};
      params.forEach(function (value, key) { if (key.indexOf("p.") === 0) values[key.slice(2)] = value; });
      return { query: params.get("query"), params: values };
    }
    return { focus: params.get("focus"), money: params.get("view") === "money" };
  }

  // --- views ----------------------------------------------------------------------------------------
  function showView(data, replace) {
    say("");
    var added = view.addElements(data, replace);
    if (data.capped) say(data.note || "Showing the first " + page.neighbourLimit + " neighbours of a node: there are more.");
    return added;
  }

  function openFocus(id, money) {
    state.focus = id;
    state.view = money ? "money" : "graph";
    state.query = null;
    state.params = {};
    var params = { name: id, hops: state.hops };
    if (money) params.view = "money";
    return getJson("/api/focus", params).then(function (data) {
      state.focus = data.focus;
      showView(data, true);
      writeUrl();
    }).catch(failed);
  }

  function openMoney() {
    state.view = "money";
    state.query = null;
    state.params = {};
    return getJson("/api/money", { name: state.focus, hops: state.hops }).then(function (data) {
      showView(data, true);
      writeUrl();
    }).catch(failed);
  }

  view.expand = function (nodeId) {
    var type = document.getElementById("expand-type").value || null;
    var have = nodes.getIds();
    return postJson("/api/expand", { id: nodeId, type: type, have: have }).then(answer).then(function (data) {
      var added = showView(data, false);
      if (!added) say("Nothing more around that node" + (type ? " of type " + type : "") + ".");
      view.showNode(nodeId);
    }).catch(failed);
  };

  // The sentences of relationships drawn without them (an expansion sends only how many there are).
  view.loadEvidence = function (edgeIds) {
    return Promise.all(edgeIds.slice(0, 60).map(function (edgeId) {
      var edge = edges.get(edgeId);
      return getJson("/api/evidence", { type: edge.cgType, source: edge.from, target: edge.to }).then(function (data) {
        data.evidence.forEach(function (item) {
          page.articles[item.article] = { title: item.title, date: item.date, source: item.source, url: item.url };
        });
        edges.update({
          id: edgeId,
          cgEvidence: data.evidence.map(function (item) { return [item.article, item.sentence, item.start, item.end]; }),
        });
      });
    })).catch(failed);
  };

  document.getElementById("money-view").addEventListener("click", openMoney);
  document.getElementById("hops").addEventListener("change", function (event) {
    state.hops = parseInt(event.target.value, 10);
    if (state.focus && !state.query) openFocus(state.focus, state.view === "money");
  });
  document.getElementById("reset").addEventListener("click", writeUrl);
  var expandType = document.getElementById("expand-type");
  page.types.forEach(function (entry) {
    var option = el("option", entry.type);
    option.value = entry.type;
    expandType.appendChild(option);
  });

  // --- suggestions as you type (the search box, and every entity parameter of a query) ------------------
  function suggestBox(input, list, onPick) {
    var timer = null, shown = [], active = -1, asked = 0;
    function close() { list.hidden = true; list.replaceChildren(); shown = []; active = -1; }
    function render(items) {
      list.replaceChildren();
      shown = items;
      active = -1;
      items.forEach(function (item, index) {
        var row = el("li");
        row.dataset.id = item.id;
        row.appendChild(el("span", item.name, "name"));
        var meta = " " + item.label + " · " + view.relationships(item.degree);
        if (item.matched !== item.name) meta = " (" + item.matched + ")" + meta;
        row.appendChild(el("span", meta, "meta"));
        row.addEventListener("mousedown", function (event) { event.preventDefault(); pick(index); });
        list.appendChild(row);
      });
      if (!items.length) list.appendChild(el("li", "No entity matches.", "meta"));
      list.hidden = false;
    }
    function pick(index) {
      var item = shown[index];
      if (!item) return;
      close();
      onPick(item);
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var text = input.value.trim();
      if (!text) { close(); return; }
      timer = setTimeout(function () {
        var ticket = ++asked;
        getJson("/api/search", { q: text }).then(function (data) {
          if (ticket === asked && input.value.trim() === text) render(data.suggestions);
        }).catch(failed);
      }, 120);
    });
    input.addEventListener("keydown", function (event) {
      if (list.hidden) return;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        active = Math.max(0, Math.min(shown.length - 1, active + (event.key === "ArrowDown" ? 1 : -1)));
        Array.prototype.forEach.call(list.children, function (row, i) { row.classList.toggle("active", i === active); });
      } else if (event.key === "Enter") {
        event.preventDefault();
        pick(active >= 0 ? active : 0);
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  var search = document.getElementById("search");
  suggestBox(search, document.getElementById("suggestions"), function (item) {
    search.value = item.name;
    openFocus(item.id, state.view === "money");
  });

  // --- evidence → the article, with the sentence marked ---------------------------------------------------
  var articleView = document.getElementById("article-view");
  document.getElementById("article-close").addEventListener("click", function () { articleView.hidden = true; });

  view.onEvidence = function (item) {
    var articleId = item[0], sentence = item[1], start = item[2], end = item[3];
    return getJson("/api/article/" + encodeURIComponent(articleId)).then(function (article) {
      document.getElementById("article-title").textContent = article.title;
      var meta = [article.date, article.source, article.url].filter(Boolean).join(" · ");
      document.getElementById("article-meta").textContent = meta || "(no date or source recorded)";
      var box = document.getElementById("article-text");
      box.replaceChildren();
      var text = article.text || "";
      if (!(typeof start === "number" && text.slice(start, end) === sentence)) {
        start = text.indexOf(sentence);
        end = start + sentence.length;
      }
      if (!text) {
        box.appendChild(el("p", "The article's text is not stored (ingested before capgraph kept it); the sentence:", "muted"));
        box.appendChild(el("mark", sentence));
      } else if (start < 0) {
        box.appendChild(document.createTextNode(text));
      } else {
        box.appendChild(document.createTextNode(text.slice(0, start)));
        box.appendChild(el("mark", text.slice(start, end)));
        box.appendChild(document.createTextNode(text.slice(end)));
      }
      articleView.hidden = false;
      var mark = box.querySelector("mark");
      if (mark) mark.scrollIntoView({ block: "center" });
    }).catch(failed);
  };

  // --- saved queries -------------------------------------------------------------------------------
  var queries = {};
  var select = document.getElementById("query-select");
  var form = document.getElementById("query-form");
  var runButton = document.getElementById("query-run");
  var result = document.getElementById("query-result");

  function buildForm(name, values) {
    var saved = queries[name];
    form.replaceChildren();
    result.replaceChildren();
    document.getElementById("query-description").textContent = saved ? saved.description : "";
    runButton.disabled = !saved;
    if (!saved) return;
    saved.params.forEach(function (param) {
      var label = el("label", param.name + " (" + param.typeText + (param.required ? "" : ", default " + param.default) + ")");
      label.htmlFor = "param-" + param.name;
      var input = el("input");
      input.id = "param-" + param.name;
      input.name = param.name;
      input.type = "text";
      input.placeholder = param.description;
      input.title = param.description;
      if (values && Object.prototype.hasOwnProperty.call(values, param.name)) input.value = values[param.name];
      form.appendChild(label);
      if (param.type === "entity") {
        var wrap = el("div", null, "suggest");
        var list = el("ul", null, "suggestions");
        list.hidden = true;
        wrap.appendChild(input);
        wrap.appendChild(list);
        form.appendChild(wrap);
        // The pick is exact: its id goes to the server (two entities may share the name).
        suggestBox(input, list, function (item) {
          input.value = item.name;
          input.dataset.id = item.id;
          input.dataset.picked = item.name;
        });
      } else {
        form.appendChild(input);
      }
    });
  }

  function table(data) {
    var box = el("div");
    box.appendChild(el("p", data.total + " rows" + (data.total > data.rows.length ? " (first " + data.rows.length + ")" : ""), "muted"));
    var grid = el("table");
    var head = el("tr");
    data.columns.forEach(function (column) { head.appendChild(el("th", column)); });
    grid.appendChild(head);
    data.rows.forEach(function (row) {
      var line = el("tr");
      row.forEach(function (cell) { line.appendChild(el("td", cell)); });
      grid.appendChild(line);
    });
    box.appendChild(grid);
    return box;
  }

  function runQuery(name, values) {
    var params = { name: name };
    Object.keys(values).forEach(function (key) { params["p." + key] = values[key]; });
    result.replaceChildren(el("p", "Running…", "muted"));
    return getJson("/api/query", params).then(function (data) {
      state.query = name;
      state.params = values;
      state.focus = null;
      state.view = "graph";
      result.replaceChildren();
      if (data.kind === "graph") {
        showView(data, true);
        result.appendChild(el("p", "Drawn: " + data.nodes.length + " nodes, " + data.edges.length + " relationships.", "muted"));
      } else {
        say("");
        view.summarise(data.description);
      }
      result.appendChild(table(data.table));
      writeUrl();
    }).catch(function (error) {
      result.replaceChildren();
      failed(error);
    });
  }

  select.addEventListener("change", function () { buildForm(select.value); });
  runButton.addEventListener("click", function () {
    var values = {};
    Array.prototype.forEach.call(form.elements, function (input) {
      var value = input.value.trim();
      if (input.dataset.id && value === input.dataset.picked) value = input.dataset.id;
      if (input.name && value !== "") values[input.name] = value;
    });
    runQuery(select.value, values);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); runButton.click(); });

  // --- export what is on screen -------------------------------------------------------------------------
  function visible() {
    var shown = nodes.get({ filter: function (node) { return !node.hidden; } });
    var lines = edges.get({ filter: function (edge) { return !edge.hidden; } });
    return {
      nodes: shown.map(function (node) { return node.id; }),
      edges: lines.map(function (edge) { return [edge.cgType, edge.from, edge.to]; }),
    };
  }

  function download(blob, name) {
    var link = el("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  function exportView(format) {
    if (format === "png") {
      var canvas = document.querySelector("#mynetwork canvas");
      canvas.toBlob(function (blob) { download(blob, "capgraph-view.png"); }, "image/png");
      return;
    }
    var body = visible();
    body.format = format;
    postJson("/api/export", body).then(function (response) {
      if (!response.ok) return answer(response);
      var disposition = response.headers.get("Content-Disposition") || "";
      var match = /filename="([^"]+)"/.exec(disposition);
      return response.blob().then(function (blob) { download(blob, match ? match[1] : "capgraph-view." + format); });
    }).catch(failed);
  }
  document.querySelectorAll("#export-buttons button").forEach(function (buttonElement) {
    buttonElement.addEventListener("click", function () { exportView(buttonElement.dataset.format); });
  });

  // --- start: the queries, then the view the URL asks for ---------------------------------------------------
  var wanted = readUrl();
  view.summarise(page.description + " (" + page.entities + " entities); search to begin");
  getJson("/api/queries").then(function (data) {
    var groups = {};
    data.queries.forEach(function (saved) {
      queries[saved.name] = saved;
      if (!groups[saved.pack]) {
        groups[saved.pack] = el("optgroup");
        groups[saved.pack].label = saved.pack;
        select.appendChild(groups[saved.pack]);
      }
      var option = el("option", saved.name + " — " + saved.title);
      option.value = saved.name;
      groups[saved.pack].appendChild(option);
    });
    if (wanted.query) {
      select.value = wanted.query;
      buildForm(wanted.query, wanted.params);
      return runQuery(wanted.query, wanted.params);
    }
    if (wanted.focus) return openFocus(wanted.focus, wanted.money);
    if (wanted.money) return openMoney();
    writeUrl();
    capgraphStable = true; // nothing to lay out yet
  }).catch(failed);
})();
