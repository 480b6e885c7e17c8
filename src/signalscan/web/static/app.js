// signalscan UI: plain JS over the REST API. Document text is untrusted, so it is only ever set
// with textContent (never innerHTML), and briefings render in a sandboxed iframe.
"use strict";

const store = {
  get token() { return localStorage.getItem("signalscan.token") || ""; },
  get program() { return localStorage.getItem("signalscan.program") || ""; },
  save(token, program) {
    localStorage.setItem("signalscan.token", token);
    localStorage.setItem("signalscan.program", program);
  },
  forget() { localStorage.removeItem("signalscan.token"); },
};

const $ = (id) => document.getElementById(id);

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function setStatus(message, isError) {
  $("status").textContent = message;
  $("status").className = isError ? "error" : "";
}

function baseName(path) { return String(path || "").split(/[\\/]/).pop(); }

async function api(path, options = {}) {
  const headers = Object.assign({ Authorization: "Bearer " + store.token }, options.headers || {});
  const response = await fetch(path, Object.assign({}, options, { headers }));
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail || detail; } catch (e) { /* not JSON */ }
    throw new Error(`${response.status}: ${typeof detail === "string" ? detail : JSON.stringify(detail)}`);
  }
  return response;
}

function programPath(suffix) {
  return `/api/programs/${encodeURIComponent(store.program)}${suffix}`;
}

// ---- signals dashboard ----
const SEVERITY_ORDER = { high: 0, medium: 1, low: 2 };

function renderEvidence(evidence) {
  const list = el("ul", null, "evidence");
  for (const item of evidence || []) {
    const li = el("li");
    li.append(el("q", item.quote), el("span", ` — ${baseName(item.document)}, ${item.locator}`, "where"));
    list.append(li);
  }
  return list;
}

function renderSignal(signal) {
  const card = el("article", null, `signal severity-${signal.severity}`);
  card.dataset.type = signal.type;
  const title = el("h3");
  title.append(el("span", signal.severity, "badge"), el("span", ` ${signal.type} `, "type"), el("span", signal.subject));
  const meta = [signal.workstream, signal.owner && `owner: ${signal.owner}`,
    signal.first_seen && `seen ${signal.first_seen} → ${signal.last_seen}`].filter(Boolean).join(" · ");
  card.append(title, el("p", meta, "meta"), el("p", signal.explanation), renderEvidence(signal.evidence));
  return card;
}

async function loadSignals() {
  const asOf = $("signals-as-of").value;
  const signals = await (await api(programPath("/signals") + (asOf ? `?as_of=${asOf}` : ""))).json();
  signals.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const counts = signals.reduce((acc, s) => ((acc[s.severity] = (acc[s.severity] || 0) + 1), acc), {});
  $("signals-summary").textContent = signals.length
    ? `${signals.length} signals: ${counts.high || 0} high, ${counts.medium || 0} medium, ${counts.low || 0} low`
    : "No signals.";
  $("signals-list").replaceChildren(...signals.map(renderSignal));
}

// ---- threads and their timelines ----
function renderTimeline(thread) {
  const box = el("div");
  box.append(el("h3", thread.text));
  box.append(el("p", `${thread.kind} · ${thread.status || "?"} · owner: ${thread.owner || "none"}` +
    ` · due: ${thread.due || "none"} · open ${thread.weeks_open} weeks`, "meta"));
  const list = el("ol", null, "timeline");
  for (const mention of thread.mentions) {
    const li = el("li");
    li.append(el("strong", mention.meeting_date || "undated"),
      el("span", ` ${mention.status || ""} ${mention.due ? "due " + mention.due : ""} ${mention.owner || ""}`, "meta"),
      el("p", mention.text),
      el("span", `${baseName(mention.document)}, ${mention.evidence.locator}`, "where"));
    list.append(li);
  }
  box.append(list);
  $("thread-timeline").replaceChildren(box);
}

async function loadThreads() {
  const params = new URLSearchParams();
  if ($("threads-kind").value) params.set("kind", $("threads-kind").value);
  if ($("threads-open").checked) params.set("open", "true");
  const threads = await (await api(programPath("/items?" + params))).json();
  const items = threads.map((thread) => {
    const li = el("li");
    const link = el("a", `[${thread.kind}] ${thread.text}`);
    link.href = "#threads";
    link.addEventListener("click", (event) => { event.preventDefault(); renderTimeline(thread); });
    li.append(link, el("span", ` ${thread.status || ""} · ${thread.mentions.length} mentions`, "meta"));
    return li;
  });
  $("threads-list").replaceChildren(...(items.length ? items : [el("li", "No threads.")]));
}

// ---- ask, with clickable citations ----
function showCitation(citation, number) {
  const view = $("citation-view");
  view.replaceChildren(el("h3", `[${number}] ${baseName(citation.document)} — ${citation.locator}`),
    el("p", citation.meeting_date ? `meeting ${citation.meeting_date}` : "", "meta"), el("blockquote", citation.quote));
  view.hidden = false;
  document.querySelectorAll("#citations li").forEach((li, i) => li.classList.toggle("active", i === number - 1));
}

function citationLink(citation, number) {
  const link = el("a", `[${number}]`, "cite");
  link.href = `#citation-${number}`;
  link.addEventListener("click", (event) => { event.preventDefault(); showCitation(citation, number); });
  return link;
}

function renderAnswerText(text, citations) {
  // Turn the answer's [n] markers into links to their citations.
  const target = $("answer-text");
  target.replaceChildren();
  for (const part of String(text).split(/(\[\d+\])/)) {
    const match = part.match(/^\[(\d+)\]$/);
    const citation = match && citations[Number(match[1]) - 1];
    target.append(citation ? citationLink(citation, Number(match[1])) : document.createTextNode(part));
  }
}

async function ask(event) {
  event.preventDefault();
  const body = { question: $("ask-question").value, k: Number($("ask-k").value) || 5 };
  setStatus("Asking…");
  const answer = await (await api(programPath("/ask"), {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  })).json();
  renderAnswerText(answer.answer, answer.citations);
  $("citations").replaceChildren(...answer.citations.map((citation, i) => {
    const li = el("li");
    li.id = `citation-${i + 1}`;
    li.append(citationLink(citation, i + 1), el("span", ` ${baseName(citation.document)}, ${citation.locator}`, "where"));
    return li;
  }));
  $("citation-view").hidden = true;
  $("answer").hidden = false;
  setStatus(`Answered (${answer.mode}).`);
}

// ---- upload, then follow the job ----
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function followJob(jobId) {
  for (;;) {
    const job = await (await api(`/api/jobs/${jobId}`)).json();
    $("upload-result").textContent = `job ${jobId}: ${job.status}` +
      (job.result ? "\n" + JSON.stringify(job.result, null, 2) : "") + (job.error ? `\n${job.error}` : "");
    if (job.status === "done" || job.status === "failed") return job;
    await sleep(700);
  }
}

async function upload(event) {
  event.preventDefault();
  const form = new FormData();
  for (const file of $("upload-files").files) form.append("files", file, file.name);
  setStatus("Uploading…");
  const accepted = await (await api(programPath("/documents"), { method: "POST", body: form })).json();
  const job = await followJob(accepted.job_id);
  setStatus(`Ingest ${job.status}.`, job.status === "failed");
  await Promise.all([loadDocuments(), loadSignals(), loadThreads()]);
}

async function loadDocuments() {
  const documents = await (await api(programPath("/documents"))).json();
  $("documents").tBodies[0].replaceChildren(...documents.map((doc) => {
    const row = el("tr");
    row.append(el("td", baseName(doc.path)), el("td", doc.meeting_date || ""), el("td", doc.kind || ""));
    return row;
  }));
}

// ---- briefing ----
async function showBriefing(event) {
  event.preventDefault();
  const format = $("briefing-format").value;
  setStatus("Building the briefing…");
  const response = await api(programPath(`/briefings/latest?format=${format}`));
  $("briefing-frame").hidden = format !== "html";
  $("briefing-text").hidden = format === "html" || format === "docx";
  if (format === "html") {
    $("briefing-frame").srcdoc = await response.text();
  } else if (format === "docx") {
    const link = el("a");
    link.href = URL.createObjectURL(await response.blob());
    link.download = `${store.program}-briefing.docx`;
    link.click();
  } else {
    $("briefing-text").textContent = await response.text();
  }
  setStatus(`Briefing (${format}) ready.`);
}

// ---- wiring ----
function showTab(name) {
  document.querySelectorAll(".panel").forEach((panel) => { panel.hidden = panel.id !== `tab-${name}`; });
  document.querySelectorAll(".tab").forEach((tab) => tab.classList.toggle("active", tab.dataset.tab === name));
}

function guarded(handler) {
  return (event) => handler(event).catch((error) => setStatus(error.message, true));
}

async function refreshAll() {
  if (!store.token || !store.program) { setStatus("Paste a program name and its API token to start."); return; }
  setStatus(`Program ${store.program}.`);
  await Promise.all([loadSignals(), loadThreads(), loadDocuments()]);
}

function init() {
  $("program").value = store.program;
  $("token").value = store.token;
  $("token-form").addEventListener("submit", guarded(async (event) => {
    event.preventDefault();
    store.save($("token").value.trim(), $("program").value.trim());
    await refreshAll();
  }));
  $("token-forget").addEventListener("click", () => { store.forget(); $("token").value = ""; setStatus("Token forgotten."); });
  $("signals-form").addEventListener("submit", guarded(async (e) => { e.preventDefault(); await loadSignals(); }));
  $("threads-form").addEventListener("submit", guarded(async (e) => { e.preventDefault(); await loadThreads(); }));
  $("ask-form").addEventListener("submit", guarded(ask));
  $("upload-form").addEventListener("submit", guarded(upload));
  $("briefing-form").addEventListener("submit", guarded(showBriefing));
  document.querySelectorAll(".tab").forEach((tab) => tab.addEventListener("click", () => showTab(tab.dataset.tab)));
  showTab((location.hash || "#signals").slice(1).split("-")[0] || "signals");
  refreshAll().catch((error) => setStatus(error.message, true));
}

document.addEventListener("DOMContentLoaded", init);
