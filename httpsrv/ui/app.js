// Quiver's web console: three views routed by the URL's hash, each
// re-rendered every second from the coordinator's JSON API.
//   #/            running and recent queries      (GET /api/queries)
//   #/query/<id>  one query's stage graph, tasks   (GET /api/queries/<id>)
//                 and EXPLAIN ANALYZE once ended   (GET /api/queries/<id>/analyze)
//   #/workers     the workers                      (GET /api/workers)
"use strict";

const POLL_MS = 1000;
const SVG_NS = "http://www.w3.org/2000/svg";
const main = document.getElementById("main");

function esc(s) {
  return String(s ?? "").replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

function bytes(n) {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
  return (i === 0 ? n : n.toFixed(1)) + " " + units[i];
}

function count(n) { return Number(n).toLocaleString("en-US"); }

function millis(ms) {
  if (ms >= 1000) return (ms / 1000).toFixed(2) + " s";
  return ms.toFixed(1) + " ms";
}

function badge(state) { return `<span class="badge ${esc(state)}">${esc(state)}</span>`; }

async function getJSON(url) {
  const r = await fetch(url, { cache: "no-store" });
  if (!r.ok) throw new Error(`${url}: ${r.status} ${(await r.text()).trim()}`);
  return r.json();
}

// ---- queries -------------------------------------------------------------

async function renderQueries() {
  const qs = await getJSON("/api/queries");
  const rows = qs.map(q => `<tr class="query" data-query="${esc(q.id)}" data-state="${esc(q.state)}">
      <td><a href="#/query/${esc(q.id)}">${esc(q.id)}</a></td>
      <td>${badge(q.state)}</td>
      <td class="sql" title="${esc(q.statement)}">${esc(q.statement)}</td>
      <td>${esc(q.user)}</td>
      <td>${esc(new Date(q.started).toLocaleTimeString())}</td>
      <td class="num">${millis(q.duration_ms)}</td>
      <td class="num">${q.tasks_done}/${q.tasks}</td>
      <td class="num">${count(q.rows)}</td>
      <td class="num">${bytes(q.bytes)}</td>
    </tr>`).join("");
  main.innerHTML = `<h1>Queries</h1>
    <table id="queries"><thead><tr><th>Query</th><th>State</th><th>Statement</th><th>User</th><th>Started</th>
    <th class="num">Duration</th><th class="num">Tasks</th><th class="num">Rows</th><th class="num">Bytes</th></tr></thead>
    <tbody>${rows || `<tr><td colspan="9" class="muted">No queries yet.</td></tr>`}</tbody></table>
    <p class="muted">Running queries and recent ones, until their results expire. Newest first.</p>`;
}

// ---- one query -----------------------------------------------------------

async function renderQuery(id) {
  const d = await getJSON("/api/queries/" + encodeURIComponent(id));
  const q = d.query;
  let analyze = "";
  if (q.state !== "running") {
    try {
      const a = await getJSON(`/api/queries/${encodeURIComponent(id)}/analyze`);
      analyze = `<h2>EXPLAIN ANALYZE</h2><pre id="analyze">${esc(a.lines.join("\n"))}</pre>`;
    } catch (e) { analyze = `<p class="muted">${esc(e.message)}</p>`; }
  }
  const tasks = d.stages.flatMap(s => s.task_list.map(t => `<tr data-task="${esc(t.id)}" data-state="${esc(t.state)}">
      <td>${esc(t.id)}</td><td>${esc(s.kind)}</td><td>${esc(t.worker)}</td><td>${badge(t.state)}</td>
      <td class="num">${count(t.rows_in)}</td><td class="num">${count(t.rows_out)}</td>
      <td class="num">${bytes(t.bytes_in)}</td><td class="num">${bytes(t.bytes_out)}</td>
      <td class="num">${millis(t.wall_ms)}</td><td class="num">${bytes(t.peak_bytes)}</td><td class="num">${bytes(t.spilled_bytes)}</td>
    </tr>`)).join("");
  main.innerHTML = `<h1>Query ${esc(q.id)} <span id="query-state" data-state="${esc(q.state)}">${badge(q.state)}</span></h1>
    <pre id="statement">${esc(q.statement)}</pre>
    ${q.error ? `<pre class="error" id="error">${esc(q.error)}</pre>` : ""}
    <div class="summary">
      <div><span>user</span>${esc(q.user || "-")}</div>
      <div><span>started</span>${esc(new Date(q.started).toLocaleString())}</div>
      <div><span>duration</span>${millis(q.duration_ms)}</div>
      <div><span>tasks</span>${q.tasks_done}/${q.tasks}</div>
      <div><span>result</span>${count(q.rows)} rows, ${bytes(q.bytes)}</div>
      <div><span>workers</span>${esc((q.workers || []).join(", "))}</div>
    </div>
    <h2>Stage graph</h2>
    <div class="legend"><span><i style="background:var(--running)"></i>running</span><span><i style="background:var(--finished)"></i>finished</span>
      <span><i style="background:var(--failed)"></i>failed</span><span><i style="background:var(--cancelled)"></i>cancelled</span></div>
    <div id="graph"></div>
    <h2>Tasks</h2>
    <table id="tasks"><thead><tr><th>Task</th><th>Output</th><th>Worker</th><th>State</th><th class="num">Rows in</th><th class="num">Rows out</th>
      <th class="num">Bytes in</th><th class="num">Bytes out</th><th class="num">Wall</th><th class="num">Peak</th><th class="num">Spilled</th></tr></thead>
      <tbody>${tasks}</tbody></table>
    ${analyze}`;
  document.getElementById("graph").appendChild(stageGraph(d.stages, d.edges));
}

function el(name, attrs, text) {
  const e = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

const BOX_W = 300, HEAD_H = 26, OPS_H = 20, TASK_H = 18, MAX_TASKS = 12, GAP_X = 40, GAP_Y = 80, PAD = 20;

function boxHeight(s) {
  const shown = Math.min(s.task_list.length, MAX_TASKS) + (s.task_list.length > MAX_TASKS ? 1 : 0);
  return HEAD_H + OPS_H + shown * TASK_H + 8;
}

// stageGraph draws the stages as a tree: the result stage on top, every
// producer below the stage that consumes it, data flowing upwards along
// the edges, as EXPLAIN prints the plan.
function stageGraph(stages, edges) {
  const byId = new Map(stages.map(s => [s.id, s]));
  const children = new Map(stages.map(s => [s.id, []]));
  for (const s of stages) if (s.consumer >= 0 && children.has(s.consumer)) children.get(s.consumer).push(s.id);
  const roots = stages.filter(s => s.consumer < 0 || !byId.has(s.consumer)).map(s => s.id);

  // Width of each subtree in leaf slots; depth gives the row.
  const slots = new Map(), depth = new Map();
  const measure = (id, d) => {
    depth.set(id, d);
    const cs = children.get(id);
    const n = cs.length ? cs.reduce((a, c) => a + measure(c, d + 1), 0) : 1;
    slots.set(id, n);
    return n;
  };
  let total = 0;
  for (const r of roots) total += measure(r, 0);

  const rowH = [];
  for (const s of stages) rowH[depth.get(s.id)] = Math.max(rowH[depth.get(s.id)] || 0, boxHeight(s));
  const rowY = [];
  let y = PAD;
  for (let d = 0; d < rowH.length; d++) { rowY[d] = y; y += rowH[d] + GAP_Y; }

  const pos = new Map();
  const place = (id, left) => {
    const w = slots.get(id) * (BOX_W + GAP_X);
    pos.set(id, { x: left + (w - BOX_W - GAP_X) / 2, y: rowY[depth.get(id)] });
    let l = left;
    for (const c of children.get(id)) { place(c, l); l += slots.get(c) * (BOX_W + GAP_X); }
  };
  let left = PAD;
  for (const r of roots) { place(r, left); left += slots.get(r) * (BOX_W + GAP_X); }

  const width = PAD * 2 + total * (BOX_W + GAP_X) - GAP_X;
  const height = y - GAP_Y + PAD;
  const svg = el("svg", { id: "stage-graph", width, height, viewBox: `0 0 ${width} ${height}` });
  const defs = el("defs");
  const marker = el("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" });
  marker.appendChild(el("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "#9ca3af" }));
  defs.appendChild(marker);
  svg.appendChild(defs);

  for (const e of edges) {
    const from = pos.get(e.from), to = pos.get(e.to);
    if (!from || !to) continue;
    const x1 = from.x + BOX_W / 2, y1 = from.y, x2 = to.x + BOX_W / 2, y2 = to.y + boxHeight(byId.get(e.to));
    const g = el("g", { class: "edge", "data-from": e.from, "data-to": e.to, "data-kind": e.kind, "data-rows": e.rows, "data-bytes": e.bytes });
    const my = (y1 + y2) / 2;
    g.appendChild(el("path", { d: `M ${x1} ${y1} C ${x1} ${my}, ${x2} ${my}, ${x2} ${y2 + 2}` }));
    const label = `${e.kind} · ${count(e.rows)} rows · ${bytes(e.bytes)}`;
    const lx = (x1 + x2) / 2, ly = my + 4;
    g.appendChild(el("rect", { x: lx - label.length * 3.1, y: ly - 12, width: label.length * 6.2, height: 16, rx: 3 }));
    g.appendChild(el("text", { x: lx, y: ly, "text-anchor": "middle" }, label));
    svg.appendChild(g);
  }

  for (const s of stages) {
    const p = pos.get(s.id);
    const h = boxHeight(s);
    const g = el("g", { class: `stage ${s.state}`, transform: `translate(${p.x},${p.y})`,
      "data-stage": s.id, "data-kind": s.kind, "data-tasks": s.tasks, "data-state": s.state, "data-rows-out": s.rows_out });
    g.appendChild(el("rect", { class: "box", width: BOX_W, height: h, rx: 6 }));
    g.appendChild(el("rect", { class: "head", width: BOX_W, height: HEAD_H, rx: 6 }));
    g.appendChild(el("rect", { class: "head", y: HEAD_H - 6, width: BOX_W, height: 6 }));
    const tasks = s.tasks === 1 ? "1 task" : `${s.tasks} tasks`;
    g.appendChild(el("text", { class: "title", x: 10, y: 17 }, `Stage ${s.id} · ${s.kind} · ${tasks}`));
    const ops = s.operators.join(" → ");
    g.appendChild(el("text", { class: "ops", x: 10, y: HEAD_H + 14 }, ops.length > 48 ? ops.slice(0, 47) + "…" : ops));
    s.task_list.slice(0, MAX_TASKS).forEach((t, i) => {
      const ty = HEAD_H + OPS_H + i * TASK_H;
      const tg = el("g", { class: `task ${t.state}`, "data-task": t.id, "data-worker": t.worker, "data-state": t.state });
      tg.appendChild(el("rect", { x: 6, y: ty, width: BOX_W - 12, height: TASK_H - 2, rx: 3 }));
      const rows = t.state === "running" ? "running" : `${count(t.rows_out)} rows`;
      tg.appendChild(el("text", { x: 12, y: ty + 12 }, `${t.id}  ${t.worker}`));
      tg.appendChild(el("text", { x: BOX_W - 12, y: ty + 12, "text-anchor": "end" }, rows));
      g.appendChild(tg);
    });
    if (s.task_list.length > MAX_TASKS) {
      g.appendChild(el("text", { class: "ops", x: 12, y: HEAD_H + OPS_H + MAX_TASKS * TASK_H + 12 }, `+ ${s.task_list.length - MAX_TASKS} more tasks`));
    }
    svg.appendChild(g);
  }
  return svg;
}

// ---- workers ---------------------------------------------------------------

async function renderWorkers() {
  const ws = await getJSON("/api/workers");
  const rows = ws.map(w => `<tr class="worker" data-worker="${esc(w.addr)}" data-state="${esc(w.state)}">
      <td>${esc(w.addr)}</td><td>${badge(w.state)}</td>
      <td>${esc(new Date(w.last_heartbeat).toLocaleTimeString())} (${w.heartbeat_age_s.toFixed(1)} s ago)</td>
      <td class="num">${w.running_tasks}</td><td class="num">${w.queries}</td>
      <td class="num">${bytes(w.buffered_bytes)}</td><td class="num">${bytes(w.spill_bytes)}</td>
      <td class="num">${bytes(w.duckdb_memory)}</td><td class="num">${bytes(w.duckdb_temp)}</td>
      <td>${esc(w.error || "")}</td></tr>`).join("");
  main.innerHTML = `<h1>Workers</h1>
    <table id="workers"><thead><tr><th>Address</th><th>State</th><th>Last heartbeat</th><th class="num">Running tasks</th>
    <th class="num">Queries</th><th class="num">Buffered</th><th class="num">Spilled</th><th class="num">DuckDB memory</th>
    <th class="num">DuckDB temp</th><th>Error</th></tr></thead>
    <tbody>${rows || `<tr><td colspan="10" class="muted">No worker has joined.</td></tr>`}</tbody></table>`;
}

// ---- routing -----------------------------------------------------------------

async function render() {
  const hash = location.hash || "#/";
  const m = hash.match(/^#\/query\/([^/]+)$/);
  document.getElementById("nav-queries").classList.toggle("active", !hash.startsWith("#/workers"));
  document.getElementById("nav-workers").classList.toggle("active", hash.startsWith("#/workers"));
  try {
    if (m) await renderQuery(decodeURIComponent(m[1]));
    else if (hash.startsWith("#/workers")) await renderWorkers();
    else await renderQueries();
    document.getElementById("updated").textContent = "updated " + new Date().toLocaleTimeString();
  } catch (e) {
    main.innerHTML = `<pre class="error" id="error">${esc(e.message)}</pre>`;
  }
}

let timer;
function schedule() {
  clearTimeout(timer);
  render().finally(() => { timer = setTimeout(schedule, POLL_MS); });
}
window.addEventListener("hashchange", schedule);
schedule();
